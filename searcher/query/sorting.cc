#include "query/sorting.h"

#include "schema.h"

#include <chrono>
#include <cmath>

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

std::string DateKey::operator()(const Xapian::Document& doc) const {
    // Newest first sorts the keys in reverse, where "" comes last; oldest first
    // sorts them forwards, where "~" comes after any digit.
    std::string v = doc.get_value(schema::slot(schema::Slot::date));
    if (v.empty() && !newest_first_) return "~";
    return v;
}

RecencySource::RecencySource(double half_life_days, double max_boost, long today_days) :
    Xapian::ValuePostingSource(schema::slot(schema::Slot::date)), half_life_(half_life_days),
    max_boost_(max_boost), today_(today_days) {
    set_maxweight(max_boost_);
}

double RecencySource::get_weight() const {
    const long day = days_from_key(get_value());
    if (day < 0) return 0;
    const double age = std::max(0L, today_ - day);
    return max_boost_ * std::exp2(-age / half_life_);
}

RecencySource* RecencySource::clone() const { return new RecencySource(half_life_, max_boost_, today_); }

std::string RecencySource::get_description() const {
    return "RecencySource(half_life=" + std::to_string(half_life_) + " days)";
}

} // namespace hemeroteca::search
