// Fetched pages -> pipeline jobs: the URLs of --urls and of the --sitemap
// sitemaps, fetched politely (robots.txt, a delay per host), each response
// archived in --warc-out, each HTML 200 page queued for extraction.
#pragma once

#include "options.h"
#include "sources/file_source.h"

namespace hemeroteca::indexer {

// Fetches everything and queues the pages; failures and skips go to the
// results. Returns when done or stopped. Throws InputError when the URL list
// or the WARC output cannot be opened.
void fetch_pages(const FetchOptions& options, SourceSink& sink);

} // namespace hemeroteca::indexer
