#include "sources/fetch/fetch_source.h"

#include <stdexcept>

namespace hemeroteca::indexer {

void fetch_pages(const FetchOptions&, SourceSink&) { throw std::runtime_error("fetching is not implemented yet"); }

} // namespace hemeroteca::indexer
