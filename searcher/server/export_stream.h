// GET /api/export?q=...&format=csv|jsonl[&max=N]: the whole result set (every
// filter, the sort and collapsing of /api/search; not one page) as CSV or JSON
// Lines. The search runs once, up front, and keeps only the docids in order
// (4 bytes a row); the rows are then written a chunk at a time, each chunk
// reading its articles through a Searcher borrowed for that chunk alone, so
// memory stays flat however many rows go out and no Searcher waits on a slow
// client. HTTP-free: routes.cc streams the chunks.
#pragma once

#include "search.h"
#include "server/api_params.h"
#include "server/reply.h"
#include "server/server_options.h"

#include <memory>
#include <string>
#include <vector>

namespace hemeroteca::search::server {

enum class ExportFormat { csv, jsonl };

// What an export will write; the columns are, in order: url, id, title, date,
// outlet, author, section, snippet (plain text).
struct ExportPlan {
    ExportFormat format = ExportFormat::csv;
    MatchList matches;      // the docids in the results' order, and what the snippets highlight
    bool truncated = false; // the cap (--export-max, max=) cut the results
    std::string filename;   // "hemeroteca-gobierno.csv": ASCII, for Content-Disposition
    const char* content_type() const;
};

// Runs the search (so that a bad query is a 400 before anything is sent).
// Throws HttpError, QuerySyntaxError, RequestError.
ExportPlan plan_export(Searcher& searcher, const ParamLookup& param, const Limits& limits);

// Writes an ExportPlan's rows, the header first, a chunk per call.
class ExportWriter {
public:
    explicit ExportWriter(std::shared_ptr<const ExportPlan> plan) : plan_(std::move(plan)) {}
    // Appends the next rows (some tens of KB) to `out`; false once every row is out.
    bool next(Searcher& searcher, std::string& out);

private:
    std::shared_ptr<const ExportPlan> plan_;
    std::size_t next_row_ = 0;
    bool header_sent_ = false;
};

// GET /api/export: the plan made on the request's Searcher, then a stream whose
// every piece borrows a Searcher from the pool for that piece only.
Reply api_export(const Call& call);

// One CSV field as RFC 4180 writes it (quoted when needed; a leading = + @ is
// defused with an apostrophe so that a spreadsheet does not run it as a formula).
std::string csv_field(const std::string& value);

} // namespace hemeroteca::search::server
