#include "server/export_stream.h"

#include "document.h"
#include "server/http_error.h"
#include "server/searcher_pool.h"
#include "snippet/snippet.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <charconv>
#include <memory>

namespace hemeroteca::search::server {

namespace {

constexpr std::size_t kChunkBytes = 32 * 1024;
constexpr std::size_t kSnippetBytes = 240;

ExportFormat format_of(const ParamLookup& param) {
    const std::string format = param("format").value_or("csv");
    if (format == "csv" || format.empty()) return ExportFormat::csv;
    if (format == "jsonl") return ExportFormat::jsonl;
    throw bad_parameter("format", "format must be csv or jsonl");
}

Xapian::doccount max_of(const ParamLookup& param, std::size_t cap) {
    const std::string text = param("max").value_or("");
    if (text.empty()) return static_cast<Xapian::doccount>(cap);
    std::size_t value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size() || value < 1 || value > cap)
        throw bad_parameter("max", "max must be a whole number from 1 to " + std::to_string(cap));
    return static_cast<Xapian::doccount>(value);
}

std::string slug(const std::string& query) {
    std::string out;
    for (const unsigned char c : query) {
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
            out += static_cast<char>(c);
        } else if (!out.empty() && out.back() != '-') {
            out += '-';
        }
        if (out.size() >= 40) break;
    }
    while (!out.empty() && out.back() == '-') out.pop_back();
    return out.empty() ? "hemeroteca" : "hemeroteca-" + out;
}

void append_row(std::string& out, ExportFormat format, const Article& a, const std::string& snip) {
    const std::string id = public_id(a);
    if (format == ExportFormat::csv) {
        out += csv_field(a.url) + ',' + id;
        for (const std::string* field : {&a.title, &a.date, &a.source, &a.author, &a.section, &snip}) {
            out += ',';
            out += csv_field(*field);
        }
        out += "\r\n";
        return;
    }
    const nlohmann::ordered_json row = {{"url", a.url},         {"id", id},           {"title", a.title},
                                        {"date", a.date},       {"outlet", a.source}, {"author", a.author},
                                        {"section", a.section}, {"snippet", snip}};
    out += row.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    out += '\n';
}

} // namespace

const char* ExportPlan::content_type() const {
    return format == ExportFormat::csv ? "text/csv; charset=utf-8" : "application/x-ndjson; charset=utf-8";
}

std::string csv_field(const std::string& value) {
    std::string v = value;
    if (!v.empty() && (v.front() == '=' || v.front() == '+' || v.front() == '@')) v.insert(0, 1, '\'');
    if (v.find_first_of(",\"\r\n") == std::string::npos) return v;
    std::string out = "\"";
    for (const char c : v) {
        if (c == '"') out += '"';
        out += c;
    }
    out += '"';
    return out;
}

ExportPlan plan_export(Searcher& searcher, const ParamLookup& param, const Limits& limits) {
    ExportPlan plan;
    plan.format = format_of(param);
    const Xapian::doccount max = max_of(param, limits.export_max);
    const SearchRequest request = search_request(param, limits);
    // One more than the cap tells whether the cap cut the results.
    plan.matches = searcher.all_matches(request, max + 1);
    plan.truncated = plan.matches.ids.size() > max;
    if (plan.truncated) plan.matches.ids.resize(max);
    plan.matches.ids.shrink_to_fit();
    plan.filename = slug(request.query) + (plan.format == ExportFormat::csv ? ".csv" : ".jsonl");
    return plan;
}

Reply api_export(const Call& call) {
    auto plan = std::make_shared<const ExportPlan>(plan_export(call.searcher, call.param, call.limits));
    Reply reply;
    reply.content_type = plan->content_type();
    reply.headers = {{"Content-Disposition", "attachment; filename=\"" + plan->filename + "\""},
                     {"X-Export-Rows", std::to_string(plan->matches.ids.size())},
                     {"X-Export-Truncated", plan->truncated ? "true" : "false"}};
    SearcherPool& pool = call.pool;
    auto writer = std::make_shared<ExportWriter>(plan);
    reply.stream = [&pool, writer](std::string& out) {
        const auto searcher = pool.borrow();
        return writer->next(*searcher, out);
    };
    return reply;
}

bool ExportWriter::next(Searcher& searcher, std::string& out) {
    if (!header_sent_ && plan_->format == ExportFormat::csv)
        out += "url,id,title,date,outlet,author,section,snippet\r\n";
    header_sent_ = true;
    snippet::SnippetOptions so;
    so.markup = {"", "", false, "…"};
    so.max_bytes = kSnippetBytes;
    const auto& ids = plan_->matches.ids;
    const std::size_t start = out.size();
    while (next_row_ < ids.size() && out.size() - start < kChunkBytes) {
        const Xapian::docid id = ids[next_row_++];
        const auto article = searcher.article(id);
        if (!article) continue; // removed since the search: left out
        const std::string snip =
            snippet::make_snippet(article->text, plan_->matches.terms, searcher.analyzer(), so);
        append_row(out, plan_->format, *article, snip);
    }
    return next_row_ < ids.size();
}

} // namespace hemeroteca::search::server
