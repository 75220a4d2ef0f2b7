#include "sources/file_source.h"

#include "sources/gzip.h"
#include "sources/input_stream.h"
#include "sources/read_file.h"
#include "sources/warc_file.h"

namespace hemeroteca::indexer {

namespace {

class FileFeeder {
public:
    FileFeeder(const Input& in, std::size_t file, SourceSink& sink) :
        in_(in), file_(file), sink_(sink), where_(in.path.string()) {}

    void run(const std::string& page_url) {
        bool finished = false;
        try {
            switch (in_.kind) {
            case InputKind::html: html(page_url); break;
            case InputKind::jsonl: jsonl(); break;
            case InputKind::warc: warc(); break;
            }
            finished = !sink_.stop();
        } catch (const InputError& e) {
            result(Result::Kind::failed, where_, e.what());
            finished = true;
        }
        if (!finished) return;
        Result done;
        done.kind = Result::Kind::file_done;
        done.file = file_;
        done.where = where_;
        done.jobs = count_;
        sink_.results.push(std::move(done));
    }

private:
    void html(const std::string& page_url) {
        Job job = make(Job::Kind::page, where_);
        job.bytes = read_file(in_.path);
        sink_.bytes_read += job.bytes.size();
        if (has_gzip_magic(job.bytes)) job.bytes = gunzip(job.bytes, max_page_bytes);
        job.url = page_url;
        std::error_code ec;
        const auto abs = std::filesystem::absolute(in_.path, ec);
        job.id_base = "file:" + (ec ? in_.path : abs).lexically_normal().string();
        push(std::move(job));
    }

    void jsonl() {
        InputStream stream(in_.path);
        std::string line;
        std::size_t number = 0;
        bool too_long = false;
        while (!sink_.stop() && stream.read_line(line, &too_long)) {
            ++number;
            advance(stream);
            if (too_long) { // one bad line, not the rest of the file
                result(Result::Kind::failed, where_ + ":" + std::to_string(number),
                       "line over " + std::to_string(max_page_bytes >> 20) + " MiB skipped");
                continue;
            }
            if (line.find_first_not_of(" \t") == std::string::npos) continue;
            Job job = make(Job::Kind::json_line, where_ + ":" + std::to_string(number));
            job.bytes = std::move(line);
            job.id_base = in_.path.filename().string();
            if (job.id_base.size() > 3 && job.id_base.ends_with(".gz"))
                job.id_base.resize(job.id_base.size() - 3);
            push(std::move(job));
        }
    }

    void warc() {
        InputStream stream(in_.path);
        std::error_code ec;
        const auto abs = std::filesystem::absolute(in_.path, ec);
        const std::string file_id = "warc:" + (ec ? in_.path : abs).lexically_normal().string();
        read_warc_file(
            stream,
            [&](WarcPage&& page) {
                advance(stream);
                Job job = make(Job::Kind::page, where_ + "#" + std::to_string(page.record) + " " + page.url);
                // The id of a page without a URL (no WARC-Target-URI, no canonical link): its record.
                job.id_base = file_id + "#" + std::to_string(page.record);
                job.url = std::move(page.url);
                job.charset = std::move(page.charset);
                job.bytes = std::move(page.html);
                push(std::move(job));
            },
            [&](const std::string& where, const std::string& reason) {
                result(Result::Kind::skipped, where_ + where, reason);
            },
            sink_.stop);
        advance(stream);
    }

    Job make(Job::Kind kind, std::string where) const {
        Job job;
        job.kind = kind;
        job.file = file_;
        job.where = std::move(where);
        job.origin = where_;
        return job;
    }

    void push(Job&& job) {
        ++count_;
        sink_.jobs.push(std::move(job));
    }

    void result(Result::Kind kind, std::string where, std::string reason) {
        ++count_;
        Result r;
        r.kind = kind;
        r.file = file_;
        r.where = std::move(where);
        r.reason = std::move(reason);
        sink_.results.push(std::move(r));
    }

    void advance(const InputStream& stream) {
        const auto pos = stream.file_position();
        sink_.bytes_read += pos - reported_;
        reported_ = pos;
    }

    const Input& in_;
    std::size_t file_;
    SourceSink& sink_;
    std::string where_;
    std::size_t count_ = 0;
    std::uintmax_t reported_ = 0;
};

} // namespace

void feed_file(const Input& in, std::size_t file, const std::string& page_url, SourceSink& sink) {
    FileFeeder(in, file, sink).run(page_url);
}

} // namespace hemeroteca::indexer
