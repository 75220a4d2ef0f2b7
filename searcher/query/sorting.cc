#include "query/sorting.h"

#include "query/query_builder.h"
#include "schema.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <optional>

namespace hemeroteca::search {

long days_from_key(const std::string& v) {
    if (v.size() != 8) return -1;
    for (const char c : v)
        if (c < '0' || c > '9') return -1;
    const int y = std::stoi(v.substr(0, 4));
    const unsigned m = static_cast<unsigned>(std::stoi(v.substr(4, 2)));
    const unsigned d = static_cast<unsigned>(std::stoi(v.substr(6, 2)));
    const std::chrono::year_month_day ymd{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
    if (!ymd.ok()) return -1;
    return std::chrono::sys_days{ymd}.time_since_epoch().count();
}

long today_in_days() {
    return std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now()).time_since_epoch().count();
}

void sort_by_date(Xapian::Enquire& enquire, bool newest_first) {
    // Newest first sorts Slot::date in reverse, where an undated article's
    // empty value comes last; oldest first sorts Slot::date_oldest forwards,
    // where its "~" comes after any digit.
    enquire.set_sort_by_value_then_relevance(
        schema::slot(newest_first ? schema::Slot::date : schema::Slot::date_oldest), newest_first);
}

void configure_order(Xapian::Enquire& enquire, const SearchRequest& request) {
    enquire.set_weighting_scheme(ranking_weight());
    if (request.collapse) enquire.set_collapse_key(schema::slot(schema::Slot::cluster));
    // Equal scores in the order of the copy cluster's key, not of docids: the top
    // is the same on one database and on any number of shards. The collapse
    // reads that slot for every candidate already; a slot of its own (the
    // content hash, until 2026-12) cost 18% of the blocks the 100k mix reads.
    if (request.sort == Sort::relevance || request.sort == Sort::mixed)
        enquire.set_sort_by_relevance_then_value(schema::slot(schema::Slot::cluster), false);
    else
        sort_by_date(enquire, request.sort == Sort::newest);
}

namespace {

std::string month_key(std::chrono::year_month ym) {
    const int year = static_cast<int>(ym.year());
    const unsigned month = static_cast<unsigned>(ym.month());
    std::string key = std::to_string(year);
    key.insert(0, key.size() < 4 ? 4 - key.size() : 0, '0');
    key += static_cast<char>('0' + month / 10);
    key += static_cast<char>('0' + month % 10);
    return key;
}

std::optional<std::chrono::year_month> parse_month(const std::string& v) {
    if (v.size() != 6) return std::nullopt;
    for (const char c : v)
        if (c < '0' || c > '9') return std::nullopt;
    const std::chrono::year_month ym{std::chrono::year{std::stoi(v.substr(0, 4))},
                                     std::chrono::month{static_cast<unsigned>(std::stoi(v.substr(4, 2)))}};
    if (!ym.ok()) return std::nullopt;
    return ym;
}

} // namespace

Xapian::Query recency_source(const Xapian::Database& db, double half_life_days, double max_boost,
                             long today_days) {
    const Xapian::valueno slot = schema::slot(schema::Slot::month);
    auto* source = new Xapian::ValueMapPostingSource(slot);
    source->set_default_weight(0); // undated: no lift
    const auto first = parse_month(db.get_value_lower_bound(slot));
    const auto last = parse_month(db.get_value_upper_bound(slot));
    if (first && last && *first <= *last && half_life_days > 0) {
        for (auto ym = *first; ym <= *last; ym += std::chrono::months{1}) {
            const long middle = std::chrono::sys_days{ym / std::chrono::day{15}}.time_since_epoch().count();
            const double age = static_cast<double>(std::max(0L, today_days - middle));
            source->add_mapping(month_key(ym), max_boost * std::exp2(-age / half_life_days));
        }
    }
    return Xapian::Query(source->release());
}

} // namespace hemeroteca::search
