// RAII owners of libcurl's C handles: an easy handle per transfer, the multi
// handle that drives them, header lists, and the library's global state.
#pragma once

#include <curl/curl.h>

#include <memory>
#include <stdexcept>

namespace hemeroteca::indexer::fetch {

struct EasyDeleter {
    void operator()(CURL* h) const { curl_easy_cleanup(h); }
};
struct MultiDeleter {
    void operator()(CURLM* h) const { curl_multi_cleanup(h); }
};
struct SlistDeleter {
    void operator()(curl_slist* l) const { curl_slist_free_all(l); }
};

using EasyHandle = std::unique_ptr<CURL, EasyDeleter>;
using MultiHandle = std::unique_ptr<CURLM, MultiDeleter>;
using HeaderList = std::unique_ptr<curl_slist, SlistDeleter>;

inline EasyHandle make_easy() {
    EasyHandle h(curl_easy_init());
    if (!h) throw std::runtime_error("cannot create a curl handle");
    return h;
}

inline MultiHandle make_multi() {
    MultiHandle h(curl_multi_init());
    if (!h) throw std::runtime_error("cannot create a curl multi handle");
    return h;
}

// curl_global_init/cleanup for the lifetime of a fetch (called before any
// handle exists; libcurl 7.88 makes it thread-safe).
class CurlGlobal {
public:
    CurlGlobal() {
        if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK)
            throw std::runtime_error("cannot initialise libcurl");
    }
    ~CurlGlobal() { curl_global_cleanup(); }
    CurlGlobal(const CurlGlobal&) = delete;
    CurlGlobal& operator=(const CurlGlobal&) = delete;
};

} // namespace hemeroteca::indexer::fetch
