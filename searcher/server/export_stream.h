// GET /api/export?q=...&format=csv|jsonl[&max=N]: the whole result set (every
// filter, the sort and collapsing of /api/search; not one page) as CSV or JSON
// Lines, produced a chunk at a time so that memory stays flat however many
// rows go out. HTTP-free: routes.cc streams the chunks.
#pragma once

#include "search.h"
#include "server/api_params.h"
#include "server/server_options.h"

#include <memory>
#include <string>

namespace hemeroteca::search::server {

// The columns, in this order: url, id, title, date, outlet, author, section, snippet.
class ExportStream {
public:
    virtual ~ExportStream() = default;
    virtual const char* content_type() const = 0;
    // "hemeroteca-gobierno.csv": ASCII, for Content-Disposition.
    virtual std::string filename() const = 0;
    // How many rows will go out, and whether the cap (--export-max, max=) cut the results.
    virtual Xapian::doccount rows() const = 0;
    virtual bool truncated() const = 0;
    // Replaces `chunk` with the next bytes (the header first); false once everything went out.
    virtual bool next(std::string& chunk) = 0;
};

// Runs the search at once (so that a bad query is a 400 before anything is sent);
// `searcher` must outlive the stream. Throws HttpError, QuerySyntaxError, RequestError.
std::unique_ptr<ExportStream> api_export(Searcher& searcher, const ParamLookup& param, const Limits& limits);

// One CSV field as RFC 4180 writes it (quoted when needed; a leading = + @ is
// defused with an apostrophe so that a spreadsheet does not run it as a formula).
std::string csv_field(const std::string& value);

} // namespace hemeroteca::search::server
