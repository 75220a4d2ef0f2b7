// Queries that mean nothing are refused with one clear line instead of being
// answered anyway: a field name with nothing after it (`titulo:`), an operator
// with a side missing (`Danilo NEAR`), punctuation without a word (`-`, `*`,
// `"`, `¿?`), only stop words (`de la el`). A pasted URL is not words: it looks
// up the article with that URL (see as_url).
#pragma once

#include "analysis/analyzer.h"
#include "query/query_builder.h"

#include <optional>
#include <string>

namespace hemeroteca::search {

// The query has nothing to search for; what() says why in one line. A
// QuerySyntaxError: exit code 2 in the terminal, an error object in --queries, 400 in the API.
class MeaninglessQuery : public QuerySyntaxError {
public:
    using QuerySyntaxError::QuerySyntaxError;
};

// Throws MeaninglessQuery when `query` (not empty) has nothing to search for.
void check_meaningful(const NormalizedQuery& query, const analysis::Analyzer& analyzer);

// The URL when the whole query is one (http://, https://, or www.), else nullopt.
std::optional<std::string> as_url(const NormalizedQuery& query);

} // namespace hemeroteca::search
