// The "did you mean" dictionary: the archive's own words, added to Xapian's
// spelling table once per run rather than word by word while indexing
// (TermGenerator::FLAG_SPELLING made indexing ~1.6x slower).
#pragma once

#include <xapian.h>

namespace hemeroteca::indexer {

// Adds to `spelling` every plain word of `words` (unprefixed, not a number)
// that its spelling table lacks, with its document frequency. Returns how many.
// The two are one database for a single database, and the shards and the
// spelling database beside their stub for a database in shards.
Xapian::termcount add_missing_spellings(const Xapian::Database& words, Xapian::WritableDatabase& spelling);

} // namespace hemeroteca::indexer
