// The "did you mean" dictionary: the archive's own words, added to Xapian's
// spelling table once per run rather than word by word while indexing
// (TermGenerator::FLAG_SPELLING made indexing ~1.6x slower).
#pragma once

#include <xapian.h>

namespace hemeroteca::indexer {

// Adds every plain word of the index (unprefixed, not a number) that the
// spelling table lacks, with its document frequency. Returns how many.
Xapian::termcount add_missing_spellings(Xapian::WritableDatabase& db);

} // namespace hemeroteca::indexer
