// Wildcards (`corrup*`, `titulo:corrup*`) expanded before parsing, over the
// whole database, into Xapian's OP_SYNONYM of the words they stand for.
//
// Xapian 1.4 expands an OP_WILDCARD in each shard separately and scores it
// with that shard's statistics, so over shards (local or remote) its weights
// differ from one database's (2.07 against 0.55 for `gobier*` over 4 shards
// of corpus/, +63% for `aumen*` over the shared articles). Expanded here,
// through the Database that joins every shard, the group is the same explicit
// OP_SYNONYM everywhere, scored from the words' global statistics; on one
// database, the same weights as Xapian's own expansion. What remains: each
// shard estimates the group's frequency from the words it holds, so a word
// absent from a shard moves the weights there by ~0.1% (`aumen*`: 4.0775
// against 4.0749), enough to swap near-ties. OP_MAX would agree exactly, but
// ranks by the rarest form a document holds.
#pragma once

#include <xapian.h>

#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace hemeroteca::search {

// The term prefix of a free-text field name ("titulo" -> "S"), nullopt for any other name.
using TextFieldPrefix = std::function<std::optional<std::string>(std::string_view field)>;
// Registers one expanded wildcard; returns the text that stands for it in the query.
using WildcardGroup = std::function<std::string(Xapian::Query synonym_group)>;

// `text` (normalised: lower case) with each wildcard outside quotes, a word
// directly followed by `*` and optionally by a text field's `name:`, replaced
// by what `group` returns for its expansion (MatchNothing when no word
// matches). Throws QueryCostError when one stands for more than `max_words` words.
std::string expand_wildcards(const std::string& text, const Xapian::Database& db, Xapian::termcount max_words,
                             const TextFieldPrefix& prefix_of, const WildcardGroup& group);

} // namespace hemeroteca::search
