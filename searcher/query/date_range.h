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

// A query matching the articles of `db` dated within [from, to]; either may be
// empty (open). Boolean year, month and day terms where they cover the range in
// at most a hundred or so, else a range on the date slot: the same articles.
Xapian::Query date_range_query(const Xapian::Database& db, const std::string& from, const std::string& to);

// "fecha:" / "date:" in queries: "2024", "2024-06..2024-12", "..2019", "2019..",
// "marzo-2004..mayo-2004". An unreadable value matches nothing and is kept for
// take_error(): an exception thrown through Xapian's parser frees memory it does
// not own (found by fuzzing), so the caller throws after parse_query returns.
class DateFieldProcessor : public Xapian::FieldProcessor {
public:
    explicit DateFieldProcessor(Xapian::Database db) : db_(std::move(db)) {}
    Xapian::Query operator()(const std::string& value) override;
    // The first error since the last call, if any; clears it.
    std::optional<std::string> take_error();

private:
    Xapian::Database db_;
    std::optional<std::string> error_;
};

} // namespace hemeroteca::search
