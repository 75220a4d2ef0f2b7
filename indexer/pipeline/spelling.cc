#include "pipeline/spelling.h"

#include "schema.h"

#include <string>
#include <utility>
#include <vector>

namespace hemeroteca::indexer {

Xapian::termcount add_missing_spellings(const Xapian::Database& words, Xapian::WritableDatabase& spelling) {
    // Both lists are sorted: walk them together to find the words not yet spelt.
    std::vector<std::pair<std::string, Xapian::doccount>> missing;
    auto spelt = spelling.spellings_begin();
    const auto spelt_end = spelling.spellings_end();
    for (auto it = words.allterms_begin(); it != words.allterms_end(); ++it) {
        const std::string term = *it;
        if (!schema::is_plain_word(term)) continue;
        while (spelt != spelt_end && *spelt < term) ++spelt;
        if (spelt != spelt_end && *spelt == term) continue;
        missing.emplace_back(term, it.get_termfreq());
    }
    for (const auto& [term, freq] : missing) spelling.add_spelling(term, freq);
    return static_cast<Xapian::termcount>(missing.size());
}

} // namespace hemeroteca::indexer
