// Date bounds for filters: "2024", "2024-06", "2024-06-15", "marzo-2004",
// "mar-2004", "2004-marzo" (Spanish or English month names). A start bound is
// the first day of its period, an end bound the last; both as "YYYYMMDD",
// the form of schema::Slot::date.
#pragma once

#include <xapian.h>

#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace hemeroteca::search {

// Throws RequestError (search.h) on an unreadable date.
std::string date_bound(std::string_view text, bool end_of_period);

// The archive's first and last dated day ("YYYYMMDD"); empty when nothing is dated.
struct DateSpan {
    std::string first, last;
};
DateSpan dated_span(const Xapian::Database& db);

// A query matching the articles dated within [from, to]; either may be empty
// (open). Boolean year, month and day terms where they cover the range in at
// most a hundred or so (open ends stop at the archive's first or last year),
// else a range on the date slot (also when `archive` is empty): the same articles.
Xapian::Query date_range_query(const DateSpan& archive, const std::string& from, const std::string& to);

// "fecha:" / "date:" in queries: "2024", "2024-06..2024-12", "..2019", "2019..",
// "marzo-2004..mayo-2004". An unreadable value matches nothing and is kept for
// take_error(): an exception thrown through Xapian's parser frees memory it does
// not own (found by fuzzing), so the caller throws after parse_query returns.
class DateFieldProcessor : public Xapian::FieldProcessor {
public:
    // The archive's span (dated_span), read before parsing: nothing that can
    // throw a database error runs inside Xapian's parser.
    void set_archive(DateSpan archive) { archive_ = std::move(archive); }
    Xapian::Query operator()(const std::string& value) override;
    // The first error since the last call, if any; clears it.
    std::optional<std::string> take_error();

private:
    DateSpan archive_;
    std::optional<std::string> error_;
};

} // namespace hemeroteca::search
