// Orders other than relevance: by date (undated articles always last) and
// "mixed", where recency lifts relevance with a half-life the user sets.
#pragma once

#include <xapian.h>

#include <string>

namespace hemeroteca::search {

// Sort key from Slot::date such that undated articles come after every dated
// one in both directions. Use with set_sort_by_key(key, reverse = newest_first).
class DateKey : public Xapian::KeyMaker {
public:
    explicit DateKey(bool newest_first) : newest_first_(newest_first) {}
    std::string operator()(const Xapian::Document& doc) const override;

private:
    bool newest_first_;
};

// A weight of max_boost * 2^(-age / half_life) from Slot::date, added to the
// BM25 weight (OP_AND_MAYBE): a fresh article gains up to max_boost, one
// half_life_days old half of it; undated articles gain nothing.
class RecencySource : public Xapian::ValuePostingSource {
public:
    RecencySource(double half_life_days, double max_boost, long today_days);
    double get_weight() const override;
    RecencySource* clone() const override;
    std::string name() const override { return "hemeroteca::RecencySource"; }
    std::string get_description() const override;

private:
    double half_life_;
    double max_boost_;
    long today_;
};

// Days since 1970-01-01 of a "YYYYMMDD" value; -1 when unreadable.
long days_from_key(const std::string& yyyymmdd);
// Today, in days since 1970-01-01 (UTC).
long today_in_days();

} // namespace hemeroteca::search
