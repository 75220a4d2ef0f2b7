#include "server/export_stream.h"

#include "server/http_error.h"
#include "snippet/snippet.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <charconv>

namespace hemeroteca::search::server {

namespace {

enum class Format { csv, jsonl };

constexpr std::size_t kChunkBytes = 64 * 1024;

Format format_of(const ParamLookup& param) {
    const std::string format = param("format").value_or("csv");
    if (format == "csv" || format.empty()) return Format::csv;
    if (format == "jsonl") return Format::jsonl;
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

class Rows final : public ExportStream {
public:
    Rows(Searcher& searcher, MatchCursor cursor, Format format, std::string name, Xapian::doccount max) :
        searcher_(searcher), cursor_(std::move(cursor)), format_(format), name_(std::move(name)),
        rows_(std::min(cursor_.size(), max)), truncated_(cursor_.size() > max) {
        so_.markup = {"", "", false, "…"};
        so_.max_bytes = 240;
    }
    const char* content_type() const override {
        return format_ == Format::csv ? "text/csv; charset=utf-8" : "application/x-ndjson; charset=utf-8";
    }
    std::string filename() const override { return name_ + (format_ == Format::csv ? ".csv" : ".jsonl"); }
    Xapian::doccount rows() const override { return rows_; }
    bool truncated() const override { return truncated_; }

    bool next(std::string& chunk) override {
        chunk.clear();
        if (done_) return false;
        if (!header_sent_ && format_ == Format::csv)
            chunk += "url,id,title,date,outlet,author,section,snippet\r\n";
        header_sent_ = true;
        Hit hit;
        while (chunk.size() < kChunkBytes) {
            if (sent_ == rows_ || !cursor_.next(hit)) {
                done_ = true;
                break;
            }
            append(chunk, hit);
            ++sent_;
        }
        return !chunk.empty() || !done_;
    }

private:
    void append(std::string& out, const Hit& hit) {
        const Article& a = hit.article;
        const std::string snip = snippet::make_snippet(a.text, cursor_.terms(), searcher_.analyzer(), so_);
        if (format_ == Format::csv) {
            for (const std::string* field : {&a.url, &a.title, &a.date, &a.source, &a.author, &a.section}) {
                if (field == &a.title) out += std::to_string(hit.docid) + ',';
                out += csv_field(*field);
                out += ',';
            }
            out += csv_field(snip);
            out += "\r\n";
        } else {
            const nlohmann::ordered_json row = {
                {"url", a.url},       {"id", hit.docid},    {"title", a.title},     {"date", a.date},
                {"outlet", a.source}, {"author", a.author}, {"section", a.section}, {"snippet", snip}};
            out += row.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
            out += '\n';
        }
    }

    Searcher& searcher_;
    MatchCursor cursor_;
    Format format_;
    std::string name_;
    Xapian::doccount rows_;
    bool truncated_;
    Xapian::doccount sent_ = 0;
    bool header_sent_ = false;
    bool done_ = false;
    snippet::SnippetOptions so_;
};

} // namespace

std::string csv_field(const std::string& value) {
    std::string v = value;
    if (!v.empty() && (v.front() == '=' || v.front() == '+' || v.front() == '@')) v.insert(0, 1, '\'');
    if (v.find_first_of(",\"\r\n") == std::string::npos && v == value) return v;
    std::string out = "\"";
    for (const char c : v) {
        if (c == '"') out += '"';
        out += c;
    }
    out += '"';
    return out;
}

std::unique_ptr<ExportStream> api_export(Searcher& searcher, const ParamLookup& param, const Limits& limits) {
    const Format format = format_of(param);
    const Xapian::doccount max = max_of(param, limits.export_max);
    const SearchRequest request = search_request(param, limits);
    // One more than the cap tells whether the cap cut the results.
    return std::make_unique<Rows>(searcher, searcher.all_matches(request, max + 1), format,
                                  slug(request.query), max);
}

} // namespace hemeroteca::search::server
