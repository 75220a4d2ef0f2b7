#include "sources/fetch/fetch_source.h"

#include "sources/fetch/fetcher.h"
#include "sources/fetch/sitemap.h"
#include "sources/gzip.h"
#include "sources/http_response.h"
#include "sources/read_file.h"
#include "sources/warc_file.h"
#include "sources/warc_writer.h"

#include <fstream>
#include <memory>
#include <set>

namespace hemeroteca::indexer {

namespace {

using fetch::Request;
using fetch::Response;

class FetchSource {
public:
    FetchSource(const FetchOptions& options, SourceSink& sink) :
        options_(options), sink_(sink), fetcher_(
                                            options, sink.stop, [this](Response&& r) { done(std::move(r)); },
                                            [this](const Response& r) { archive(r); }) {
        if (!options.warc_out.empty())
            warc_ = std::make_unique<WarcWriter>(options.warc_out, fetch::Fetcher::default_user_agent());
    }

    void run() {
        if (!options_.urls_file.empty()) read_url_list();
        for (const auto& url : options_.sitemaps)
            add(Request{Request::Purpose::sitemap, url, {}, 0, 1, 0, {}});
        fetcher_.run();
    }

private:
    void read_url_list() {
        std::ifstream in(options_.urls_file);
        if (!in) throw InputError(options_.urls_file + ": cannot open");
        std::string line;
        while (std::getline(in, line)) {
            const auto b = line.find_first_not_of(" \t\r");
            if (b == std::string::npos || line[b] == '#') continue;
            const auto e = line.find_last_not_of(" \t\r");
            add(Request{Request::Purpose::page, line.substr(b, e - b + 1), {}, 0, 0, 0, {}});
        }
    }

    void add(Request r) {
        if (r.purpose == Request::Purpose::sitemap) { // generated sitemap indexes end somewhere
            if (r.depth > options_.max_sitemap_depth)
                return message(Result::Kind::skipped, r.url,
                               "sitemap indexes nested deeper than " +
                                   std::to_string(options_.max_sitemap_depth) + " (--max-sitemap-depth)");
            if (sitemaps_ >= options_.max_sitemaps) {
                if (sitemaps_++ == options_.max_sitemaps)
                    message(Result::Kind::skipped, r.url,
                            "more than " + std::to_string(options_.max_sitemaps) +
                                " sitemaps: this one and the later ones are not fetched (--max-sitemaps)");
                return;
            }
        }
        if (!seen_.insert(r.url).second) return; // listed twice: fetched once
        if (r.purpose == Request::Purpose::sitemap) ++sitemaps_;
        const std::string url = r.url;
        if (!fetcher_.add(std::move(r))) message(Result::Kind::failed, url, "not an http(s) URL");
    }

    void archive(const Response& r) {
        if (warc_) warc_->write_response(r.final_url, r.http());
    }

    void done(Response&& r) {
        const std::string& where = r.request.url;
        if (r.disallowed) return message(Result::Kind::skipped, where, r.why_disallowed);
        if (!r.error.empty()) return message(Result::Kind::failed, where, "cannot fetch: " + r.error);
        sink_.bytes_read += r.body.size();
        HttpResponse http;
        try {
            http = parse_http_response(r.http(), options_.max_page_mb << 20);
        } catch (const InputError& e) {
            return message(Result::Kind::failed, where, e.what());
        }
        if (http.status != 200)
            return message(Result::Kind::failed, where, "HTTP status " + std::to_string(http.status));
        if (r.request.purpose == Request::Purpose::sitemap) return sitemap(where, http.body, r.request.depth);
        const std::string& type = http.header("Content-Type");
        if (std::string why = unindexable_reason(http.status, type, http.body); !why.empty())
            return message(Result::Kind::skipped, where, why);
        Job job;
        job.kind = Job::Kind::page;
        job.where = r.final_url == where ? where : where + " -> " + r.final_url;
        job.origin = r.final_url;
        job.url = r.final_url;
        job.charset = charset_of(type);
        job.date_hint = r.request.date_hint;
        job.bytes = std::move(http.body);
        sink_.jobs.push(std::move(job));
    }

    void sitemap(const std::string& where, std::string body, std::size_t depth) {
        try {
            if (has_gzip_magic(body)) body = gunzip(body, options_.max_page_mb << 20); // sitemap.xml.gz
            const fetch::Sitemap map = fetch::parse_sitemap(body);
            for (const auto& e : map.entries)
                add(Request{map.is_index ? Request::Purpose::sitemap : Request::Purpose::page,
                            e.loc,
                            e.publication_date,
                            0,
                            depth + 1,
                            0,
                            {}});
        } catch (const InputError& e) {
            message(Result::Kind::failed, where, e.what());
        }
    }

    void message(Result::Kind kind, const std::string& where, const std::string& reason) {
        Result r;
        r.kind = kind;
        r.where = where;
        r.reason = reason;
        sink_.results.push(std::move(r));
    }

    const FetchOptions& options_;
    SourceSink& sink_;
    fetch::Fetcher fetcher_;
    std::unique_ptr<WarcWriter> warc_;
    std::set<std::string> seen_;
    std::size_t sitemaps_ = 0; // sitemaps queued
};

} // namespace

void fetch_pages(const FetchOptions& options, SourceSink& sink) { FetchSource(options, sink).run(); }

} // namespace hemeroteca::indexer
