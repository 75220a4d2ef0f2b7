#include "pipeline/workers.h"

#include "article_json.h"
#include "dedup/near_duplicates.h"
#include "document.h"
#include "extract/extraction_json.h"
#include "sources/read_file.h"
#include "util/hash.h"
#include "util/json_depth.h"

#include <sstream>

namespace hemeroteca::indexer {

namespace {

std::string dry_run_text(const Article& a) {
    std::ostringstream out;
    out << a.origin << "\n  title:   " << a.title << "\n  date:    " << a.date << "\n  author:  " << a.author
        << "\n  section: " << a.section << "\n  source:  " << a.source << "\n  url:     " << a.url
        << "\n  lang:    " << a.lang << "\n  text:    " << a.text.size() << " bytes\n";
    return out.str();
}

Result message(Result::Kind kind, const Job& job, std::string reason) {
    Result r;
    r.kind = kind;
    r.file = job.file;
    r.where = job.where;
    r.reason = std::move(reason);
    r.bytes = job.bytes.size();
    return r;
}

} // namespace

JobProcessor::JobProcessor(const WorkerOptions& options, std::shared_ptr<analysis::LemmaCache> lemmas) :
    options_(options), analyzer_(std::move(lemmas)), tg_(analyzer_.term_generator()) {}

Result JobProcessor::process(Job&& job) {
    try {
        return job.kind == Job::Kind::page ? page(job) : json_line(job);
    } catch (const std::exception& e) {
        return message(Result::Kind::failed, job, e.what());
    }
}

Result JobProcessor::page(Job& job) {
    extract::ExtractOptions eo = options_.extract;
    if (!job.url.empty()) eo.url = job.url;
    eo.declared_charset = job.charset;
    extract::Extraction ex;
    try {
        ex = extract::extract_article(job.bytes, eo);
    } catch (const std::exception& e) {
        return message(Result::Kind::failed, job, std::string("cannot extract the article: ") + e.what());
    }
    if (options_.dry_run && options_.json) {
        ex.article.origin = job.origin;
        Result r = message(Result::Kind::printed, job, {});
        r.text = dump_json(extract::to_json(ex, eo.explain)) + "\n";
        return r;
    }
    if (!ex.is_article && !eo.keep_non_articles)
        return message(Result::Kind::skipped, job, "not an article: " + ex.reason);
    if (!has_content(ex.article)) return message(Result::Kind::failed, job, "no article text found");
    if (ex.article.url.empty()) ex.article.stable_id = job.id_base;
    if (ex.article.date.empty() && !job.date_hint.empty())
        ex.article.date = normalize_date_field(job.date_hint);
    return finish(job, std::move(ex.article));
}

Result JobProcessor::json_line(Job& job) {
    if (util::json_nests_deeper(job.bytes))
        return message(Result::Kind::failed, job,
                       "invalid JSON (nested over " + std::to_string(util::kMaxJsonDepth) + " deep)");
    nlohmann::json object;
    try {
        object = nlohmann::json::parse(job.bytes);
    } catch (const nlohmann::json::parse_error& e) {
        const std::string what = e.what();
        return message(Result::Kind::failed, job, "invalid JSON (" + what.substr(what.find(']') + 2) + ")");
    }
    try {
        Article a = article_from_json(object, options_.jsonl, job.id_base);
        if (a.url.empty() && a.stable_id.empty())
            a.stable_id = job.id_base + "@" + util::Fnv1a64().field(a.title).field(a.text).hex();
        return finish(job, std::move(a));
    } catch (const EmptyInput& e) {
        return message(Result::Kind::skipped, job, e.what());
    } catch (const nlohmann::json::exception& e) {
        return message(Result::Kind::failed, job, e.what());
    }
}

Result JobProcessor::finish(Job& job, Article&& a) {
    a.origin = job.origin;
    Result r = message(Result::Kind::article, job, {});
    r.reason = apply_limits(a.text, options_.limits); // for an article: what was cut, if anything
    if (options_.dry_run) {
        r.kind = Result::Kind::printed;
        r.text = options_.json ? dump_json(to_json(a)) + "\n" : dry_run_text(a);
        return r;
    }
    if (id_term(a).empty()) // every source gives one; should one not, a stable id from the content
        a.stable_id = job.origin + "@" + util::Fnv1a64().field(job.where).field(a.title).field(a.text).hex();
    r.id = id_term(a);
    r.hash = content_hash(a);
    if (!a.origin.empty()) r.origin = origin_term(a.origin);
    r.doc = build_document(a, analyzer_, tg_);
    dedup::add_fingerprint(r.doc, a.text, analyzer_); // the writer finds its cluster
    // The TermGenerator keeps a reference to the last document it indexed.
    // Xapian's reference counts are not atomic: drop it here, before the
    // document goes to the writer thread, or the next set_document() would
    // touch the count from this thread while the writer uses it.
    tg_.set_document(Xapian::Document());
    return r;
}

Workers::Workers(std::size_t threads, const WorkerOptions& options, BoundedQueue<Job>& in,
                 BoundedQueue<Result>& out) {
    const auto lemmas = std::make_shared<analysis::LemmaCache>();
    for (std::size_t i = 0; i < std::max<std::size_t>(threads, 1); ++i)
        threads_.emplace_back([&options, &in, &out, lemmas] {
            JobProcessor processor(options, lemmas);
            while (auto job = in.pop()) out.push(processor.process(std::move(*job)));
        });
}

Workers::~Workers() { join(); }

void Workers::join() {
    for (auto& t : threads_)
        if (t.joinable()) t.join();
}

} // namespace hemeroteca::indexer
