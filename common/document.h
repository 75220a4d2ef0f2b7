// Article <-> Xapian::Document, following schema.h. The indexer builds
// documents here; the searcher reads stored articles back from here.
#pragma once

#include "analysis/analyzer.h"
#include "article.h"

#include <xapian.h>

#include <string>

namespace hemeroteca {

// The unique id term (Q prefix): the canonical URL, else the stable id;
// hashed when too long for a Xapian term. Empty when the article has neither.
std::string id_term(const Article& article);

// The origin term (XF prefix) of the articles read from `origin` (an input path).
std::string origin_term(const std::string& origin);

// A digest of everything that goes into the document: equal digests mean
// re-indexing would change nothing.
std::string content_hash(const Article& article);

// "2026-01-09T08:30:00+01:00" → "20260109"; empty when the date is not usable.
std::string date_key(std::string_view iso_date);

// Builds the document: free-text fields with positions (title weighted above
// the body), boolean filter terms, value slots, and the stored data.
Xapian::Document build_document(const Article& article, const analysis::Analyzer& analyzer,
                                Xapian::TermGenerator& tg);

// What names the article outside the database (printed, and accepted by show,
// --like and --versions): its URL, else its stable id ("file.jsonl#42").
std::string article_key(const Article& article);

// The article's public id: 16 hex digits, a digest of its id term. It names the
// article in the API, the page's /articulo/ID, exports and the terminal. Unlike a
// Xapian docid it stays the same when the archive is re-indexed, compacted,
// replicated or split into shards. Empty when the article has no id term.
std::string public_id(const Article& article);
// Whether `text` has a public id's shape (16 lower-case hex digits).
bool is_public_id(std::string_view text);
// The boolean term (XP prefix) of the article whose public id is `id`.
std::string public_id_term(std::string_view id);

// The article as stored in a document's data (what a result prints).
Article stored_article(const Xapian::Document& doc);

} // namespace hemeroteca
