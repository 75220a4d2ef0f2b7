// --like: the words that describe an article, weighed as Xapian's query
// expansion weighs them for one relevant document (TradEWeight, k = 1), but
// with the statistics of the whole archive. Xapian 1.4's Enquire::get_eset
// takes them from the one shard that holds the article, so over shards the
// words chosen, and so the results, changed with the layout.
#pragma once

#include <xapian.h>

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

namespace hemeroteca::search {

// At most `max` terms of document `id` that `keep` accepts, best first (ties by
// term); every weight positive. Works over local and remote shards alike: the
// archive's term frequencies come from one statistics pass of Xapian's own.
std::vector<std::string> like_terms(const Xapian::Database& db, Xapian::docid id, std::size_t max,
                                    const std::function<bool(const std::string&)>& keep);

} // namespace hemeroteca::search
