// The facet encoding, in one place: what the indexer stores in Slot::facets and
// how the searcher reads it back, and the key under which values that differ
// only in case, accents, ñ or white space are one value (El País / El país /
// EL PAIS / «El  Pais »). The boolean filter terms (XS/XO/XA) hold the same key,
// so a filter selects exactly the articles its facet value counts.
//
// Slot::facets = year ␟ section ␟ outlet ␟ authors ␟ language, the authors
// separated by ␞ (U+001E). The first three fields are where earlier versions
// had them, so their readers still find year, section and outlet.
#pragma once

#include "article.h"

#include <cstddef>
#include <string>
#include <string_view>

namespace hemeroteca::facets {

// The fields of Slot::facets, in order (searcher/request.h's Facet has the same order).
enum class Field : std::size_t { year, section, source, author, lang };
inline constexpr std::size_t kFields = 5;

inline constexpr char field_separator = '\x1f';
inline constexpr char value_separator = '\x1e'; // between the authors of one article

// The grouping key of a value: folded (analysis::fold_key: accents, case, white space)
// with ñ as n too (España / espana). "" for a blank value.
std::string key(std::string_view value);

// How a value is shown: white space trimmed and collapsed, nothing else changed.
std::string display(std::string_view value);

// The Slot::facets value of an article; `day` is its date key (YYYYMMDD, "" when undated).
std::string encode(const Article& article, std::string_view day);

// Calls f(Field, std::string_view value) for every non-blank value of an encoded
// Slot::facets value (several for the authors), as stored (not trimmed).
template <typename F> void for_each_value(std::string_view encoded, F&& f) {
    std::size_t field = 0;
    while (field < kFields) {
        const std::size_t end = encoded.find(field_separator);
        std::string_view values = encoded.substr(0, end);
        while (true) {
            const std::size_t sep = values.find(value_separator);
            const std::string_view one = values.substr(0, sep);
            if (one.find_first_not_of(" \t\r\n") != std::string_view::npos) f(static_cast<Field>(field), one);
            if (sep == std::string_view::npos) break;
            values.remove_prefix(sep + 1);
        }
        if (end == std::string_view::npos) break;
        encoded.remove_prefix(end + 1);
        ++field;
    }
}

// "María Gómez, EFE" → "María Gómez", "EFE": each author on its own (blank ones skipped).
template <typename F> void for_each_author(std::string_view authors, F&& f) {
    std::size_t start = 0;
    while (start <= authors.size()) {
        std::size_t comma = authors.find(',', start);
        if (comma == std::string_view::npos) comma = authors.size();
        const std::string_view one = authors.substr(start, comma - start);
        if (one.find_first_not_of(" \t\r\n") != std::string_view::npos) f(one);
        start = comma + 1;
    }
}

} // namespace hemeroteca::facets
