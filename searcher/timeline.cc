// Searcher::timeline and Searcher::all_matches: the whole match set of a
// request, not one page (the timeline's counts, exports).
#include "query/sorting.h"
#include "schema.h"
#include "search.h"

#include <algorithm>
#include <cstdio>
#include <map>

namespace hemeroteca::search {

namespace {

struct Ymd {
    int y = 0, m = 0, d = 0;
};

Ymd parse_day(const std::string& key) { // "20240615"
    return {std::stoi(key.substr(0, 4)), std::stoi(key.substr(4, 2)), std::stoi(key.substr(6, 2))};
}

int days_in_month(int y, int m) {
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return m == 2 && leap ? 29 : kDays[m - 1];
}

// Days since 1970-01-01 (proleptic Gregorian), and back.
long days_from_civil(Ymd v) {
    const int y = v.y - (v.m <= 2);
    const int era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = static_cast<unsigned>((153 * (v.m + (v.m > 2 ? -3 : 9)) + 2) / 5 + v.d - 1);
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097L + static_cast<long>(doe) - 719468;
}

Ymd civil_from_days(long z) {
    z += 719468;
    const long era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
    const int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
    return {static_cast<int>(yoe) + static_cast<int>(era * 400) + (m <= 2), m, d};
}

std::string iso(Ymd v) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", v.y, v.m, v.d);
    return buf;
}

// Automatic: years over more than three years, months over more than ~3 months, else days.
TimeUnit choose_unit(Ymd first, Ymd last) {
    const long span = days_from_civil(last) - days_from_civil(first);
    if (last.y - first.y >= 3) return TimeUnit::year;
    if (span > 92) return TimeUnit::month;
    return TimeUnit::day;
}

constexpr std::size_t kMaxBuckets = 1000;

} // namespace

Timeline Searcher::timeline(const SearchRequest& request, TimeUnit unit) {
    return retrying([&] {
        const Xapian::Query query = match_query(request, nullptr, false);
        Xapian::ValueCountMatchSpy days(schema::slot(schema::Slot::date));
        Xapian::Enquire counter(db_);
        counter.set_weighting_scheme(Xapian::BoolWeight());
        counter.set_docid_order(Xapian::Enquire::DONT_CARE);
        counter.set_query(query);
        counter.add_matchspy(&days);
        counter.get_mset(0, 0, db_.get_doccount());

        Timeline out;
        out.total = days.get_total();
        std::map<std::string, Xapian::doccount> by_day; // "YYYYMMDD" -> count, in order
        Xapian::doccount dated = 0;
        for (auto it = days.values_begin(); it != days.values_end(); ++it) {
            const std::string key = *it;
            if (key.size() != 8) continue;
            by_day[key] += it.get_termfreq();
            dated += it.get_termfreq();
        }
        out.undated = out.total - dated;
        if (by_day.empty()) {
            out.unit = unit == TimeUnit::automatic ? TimeUnit::year : unit;
            return out;
        }
        const Ymd first = parse_day(by_day.begin()->first);
        const Ymd last = parse_day(by_day.rbegin()->first);
        out.unit = unit == TimeUnit::automatic ? choose_unit(first, last) : unit;
        const long span_days = days_from_civil(last) - days_from_civil(first) + 1;
        const long span_months = (last.y - first.y) * 12L + (last.m - first.m) + 1;
        if (out.unit == TimeUnit::day && span_days > static_cast<long>(kMaxBuckets))
            out.unit = TimeUnit::month;
        if (out.unit == TimeUnit::month && span_months > static_cast<long>(kMaxBuckets))
            out.unit = TimeUnit::year;

        // Contiguous buckets, then the counts into them.
        std::map<std::string, std::size_t> index; // bucket key -> position
        const auto add_bucket = [&](std::string key, Ymd from, Ymd to) {
            index.emplace(key, out.buckets.size());
            out.buckets.push_back({std::move(key), iso(from), iso(to), 0});
        };
        if (out.unit == TimeUnit::year) {
            for (int y = first.y; y <= last.y; ++y) add_bucket(std::to_string(y), {y, 1, 1}, {y, 12, 31});
        } else if (out.unit == TimeUnit::month) {
            for (int y = first.y, m = first.m; y < last.y || (y == last.y && m <= last.m);) {
                add_bucket(iso({y, m, 1}).substr(0, 7), {y, m, 1}, {y, m, days_in_month(y, m)});
                if (++m > 12) m = 1, ++y;
            }
        } else {
            for (long d = days_from_civil(first); d <= days_from_civil(last); ++d) {
                const Ymd day = civil_from_days(d);
                add_bucket(iso(day), day, day);
            }
        }
        const std::size_t key_len = out.unit == TimeUnit::year ? 4 : out.unit == TimeUnit::month ? 7 : 10;
        for (const auto& [day, count] : by_day) {
            const std::string key = iso(parse_day(day)).substr(0, key_len);
            if (auto it = index.find(key); it != index.end()) out.buckets[it->second].count += count;
        }
        return out;
    });
}

MatchList Searcher::all_matches(const SearchRequest& request, Xapian::doccount max) {
    return retrying([&] {
        MatchList out;
        const Xapian::Query query = match_query(request, &out.terms, true);
        Xapian::Enquire enquire(db_);
        configure_order(enquire, request);
        enquire.set_query(query);
        const Xapian::MSet mset = enquire.get_mset(0, max);
        out.ids.reserve(mset.size());
        for (auto it = mset.begin(); it != mset.end(); ++it) out.ids.push_back(*it);
        return out;
    });
}

} // namespace hemeroteca::search
