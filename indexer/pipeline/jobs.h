// What flows through the pipeline: Jobs from the sources to the extraction
// workers, Results from the workers (and the sources) to the one writer.
#pragma once

#include <xapian.h>

#include <cstddef>
#include <limits>
#include <string>

namespace hemeroteca::indexer {

inline constexpr std::size_t no_file = std::numeric_limits<std::size_t>::max();

struct Job {
    enum class Kind { page, json_line };
    Kind kind = Kind::page;
    std::size_t file = no_file; // index in the run's file table (no_file for fetched pages)
    std::string where;          // for messages: "path", "path:12", "path#3 url", a URL
    std::string origin;         // the article's origin (the XF term): the input file, or the URL
    std::string bytes;          // the page, or one JSON line
    std::string url;            // page: the URL the source knows (WARC, fetch, --url)
    std::string charset;        // page: declared by HTTP
    std::string date_hint;      // page: a date from a news sitemap, used when the page has none
    std::string id_base;        // page: stable id when there is no URL; JSON: the file name for ids
};

struct Result {
    enum class Kind {
        article,        // doc, id, hash are set
        printed,        // --dry-run: `text` goes to stdout
        skipped,        // not indexed, on purpose (reason)
        failed,         // an error (reason)
        file_done,      // the source has sent all `jobs` of `file`
        file_unchanged, // `file` is unchanged since the last run: not read
    };
    Kind kind = Kind::article;
    std::size_t file = no_file;
    std::string where;
    std::string reason; // skipped/failed: why; article: what was cut to the limits ("" when nothing)
    std::string id;     // Q term
    std::string hash;   // content digest
    std::string origin; // the origin term (XF…)
    Xapian::Document doc;
    std::string text;      // printed output
    std::size_t bytes = 0; // input bytes this result stands for (progress, commit by size)
    std::size_t jobs = 0;  // file_done: how many jobs the file produced
};

} // namespace hemeroteca::indexer
