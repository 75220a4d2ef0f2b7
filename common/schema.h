// The one place that names every term prefix and value slot of the database.
// Conventions follow Xapian Omega's (S title, A author, Q unique id,
// multi-letter prefixes start with X). Nothing else spells a prefix or a slot.
#pragma once

#include <xapian.h>

#include <string_view>

namespace hemeroteca::schema {

// Term prefixes.
namespace prefix {
// Free-text fields (positional, analysed like the body).
inline constexpr std::string_view title = "S";
inline constexpr std::string_view author = "A";
inline constexpr std::string_view section = "XSEC";
inline constexpr std::string_view source = "XSRC";
// Boolean terms (exact, folded and lowercased values) for filters.
inline constexpr std::string_view id = "Q";             // unique id: canonical URL or stable id
inline constexpr std::string_view public_id = "XP";     // "XP" + 16 hex digits (document.h public_id)
inline constexpr std::string_view lang = "L";           // "Les"
inline constexpr std::string_view year = "Y";           // "Y2026"
inline constexpr std::string_view month = "M";          // "M202601"
inline constexpr std::string_view day = "D";            // "D20260109"
inline constexpr std::string_view section_exact = "XS"; // "XSinternacional" (facet_value.h key())
inline constexpr std::string_view source_exact = "XO";  // "XOel pais"
inline constexpr std::string_view author_exact = "XA";  // "XAmaria gomez"
inline constexpr std::string_view origin = "XF";        // the input file the article came from
inline constexpr std::string_view simhash_band = "XH";  // "XH" + band number + hash of that MinHash band
// "XC" alone: the article is one of a story's two or more copies (Slot::cluster shared
// with another article). Counting stories over remote shards reads cluster keys of these
// only (searcher/query/match_counter.h); an article, once marked, keeps the mark.
inline constexpr std::string_view story_copy = "XC";
// Xapian's own mark of a stemmed term ("Zpolitico"), set by the TermGenerator and QueryParser.
inline constexpr std::string_view stem = "Z";
// Ranking only: a word's Snowball stem ("XRpolit"), which also joins words of one family
// that the dictionary keeps apart (amazónica/Amazonas). Never matched alone.
inline constexpr std::string_view relative = "XR";
inline constexpr std::string_view site =
    "XD"; // the URL's host and its domains, for site:: "XDdiariolibre.com"
} // namespace prefix

// A plain word of the text: no prefix (prefixes are upper case), not a number,
// at least three bytes. What spelling suggestions and --like are made of.
inline bool is_plain_word(std::string_view term) {
    if (term.size() < 3) return false;
    const unsigned char c = static_cast<unsigned char>(term[0]);
    return (c >= 'a' && c <= 'z') || c >= 0x80;
}

// Value slots.
enum class Slot : Xapian::valueno {
    date = 0,         // "YYYYMMDD" (sortable; what DateRangeProcessor expects)
    datetime = 1,     // full ISO 8601 as extracted
    content_hash = 2, // hex digest of the indexed fields: unchanged input is skipped
    facets = 3, // year␟section␟outlet␟authors␟language as printed (facet_value.h; one value read per match)
    fingerprint = 6, // MinHash signature of the body (dedup/near_duplicates.h), hex
    cluster = 7,     // collapse key shared by near-identical articles (syndicated copies)
    facts = 8,       // the body's figures, dates and names, hashed (dedup/near_duplicates.h)
    date_oldest = 9, // "YYYYMMDD", "~" when undated: oldest first with undated last (Slot::date's
                     // empty value already sorts last newest first)
    month = 10,      // "YYYYMM": the recency lift of --sort mixed (ValueMapPostingSource)
};

// What Slot::date_oldest holds for an undated article: after every digit.
inline constexpr std::string_view undated_last = "~";

inline constexpr Xapian::valueno slot(Slot s) { return static_cast<Xapian::valueno>(s); }

// Weights: the headline counts more than the body.
inline constexpr Xapian::termcount title_wdf_inc = 5;
inline constexpr Xapian::termcount body_wdf_inc = 1;

// Xapian terms are limited to 245 bytes; longer id terms are hashed.
inline constexpr std::size_t max_term_bytes = 240;

// Bumped whenever the way documents are built changes incompatibly.
// 4: facet keys fold ñ; authors, languages. 5: dictionary lemmas, XR family terms, sort slots.
// 6: public ids (XP terms).
inline constexpr std::string_view schema_version = "6";
inline constexpr std::string_view metadata_schema_key = "hemeroteca.schema";
inline constexpr std::string_view metadata_updated_key = "hemeroteca.updated";
// "1" when every article of a story of two or more carries prefix::story_copy: set when the
// database is created; absent in databases indexed before the mark, which are counted without it.
inline constexpr std::string_view metadata_copies_marked_key = "hemeroteca.copies_marked";
// One metadata entry per input file indexed without errors ("hemeroteca.file." +
// a digest of its absolute path): its size, mtime and counts, so that a re-run
// skips unchanged files and --prune finds the files that are gone.
inline constexpr std::string_view metadata_file_prefix = "hemeroteca.file.";

} // namespace hemeroteca::schema
