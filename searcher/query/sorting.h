// Orders other than relevance: by date (undated articles always last) and
// "mixed", where recency lifts relevance with a half-life the user sets. Built
// only from Xapian's own registered classes (value slots, ValueMapPostingSource),
// so that shards served by a stock xapian-tcpsrv sort and lift the same way.
#pragma once

#include "request.h"

#include <xapian.h>

#include <string>

namespace hemeroteca::search {

// Newest or oldest first, then by relevance; undated articles last either way.
void sort_by_date(Xapian::Enquire& enquire, bool newest_first);

// How a request's matches are weighted, grouped and ordered: BM25 (ranking_weight),
// syndicated copies collapsed, its sort; equal scores by a key of the article's
// content, never by docid (docids depend on the order of indexing and on the
// number of shards, and results must not). Remote-safe: value slots only.
void configure_order(Xapian::Enquire& enquire, const SearchRequest& request);

// The recency lift of --sort mixed: max_boost * 2^(-age / half_life) for an
// article of each month (its age from the middle of the month, 0 for the
// future), nothing for an undated one; to be added to the BM25 weight of the
// matches (query_builder.h's with_boost). The months are those of `db`'s articles.
Xapian::Query recency_source(const Xapian::Database& db, double half_life_days, double max_boost,
                             long today_days);

// Days since 1970-01-01 of a "YYYYMMDD" value; -1 when unreadable.
long days_from_key(const std::string& yyyymmdd);
// Today, in days since 1970-01-01 (UTC).
long today_in_days();

} // namespace hemeroteca::search
