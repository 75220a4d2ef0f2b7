#include "support/http_client.h"

#include <curl/curl.h>

#include <memory>
#include <stdexcept>

namespace hemeroteca::test {

namespace {

struct CurlDeleter {
    void operator()(CURL* curl) const { curl_easy_cleanup(curl); }
};
using Curl = std::unique_ptr<CURL, CurlDeleter>;

std::size_t append(char* data, std::size_t size, std::size_t count, void* out) {
    static_cast<std::string*>(out)->append(data, size * count);
    return size * count;
}

Curl make_curl() {
    Curl curl(curl_easy_init());
    if (!curl) throw std::runtime_error("curl_easy_init failed");
    return curl;
}

} // namespace

struct SlistDeleter {
    void operator()(curl_slist* list) const { curl_slist_free_all(list); }
};

HttpResponse http_request(const std::string& url, const std::string& method,
                          const std::vector<std::string>& headers) {
    Curl curl = make_curl();
    HttpResponse response;
    curl_easy_setopt(curl.get(), CURLOPT_URL, url.c_str());
    curl_easy_setopt(curl.get(), CURLOPT_PATH_AS_IS, 1L);
    curl_easy_setopt(curl.get(), CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl.get(), CURLOPT_TIMEOUT, 20L);
    curl_easy_setopt(curl.get(), CURLOPT_CUSTOMREQUEST, method.c_str());
    if (method == "POST" || method == "PUT") curl_easy_setopt(curl.get(), CURLOPT_POSTFIELDS, "x=1");
    if (method == "HEAD") curl_easy_setopt(curl.get(), CURLOPT_NOBODY, 1L);
    std::unique_ptr<curl_slist, SlistDeleter> list;
    for (const auto& h : headers) list.reset(curl_slist_append(list.release(), h.c_str()));
    if (list) curl_easy_setopt(curl.get(), CURLOPT_HTTPHEADER, list.get());
    curl_easy_setopt(curl.get(), CURLOPT_WRITEFUNCTION, append);
    curl_easy_setopt(curl.get(), CURLOPT_WRITEDATA, &response.body);
    curl_easy_setopt(curl.get(), CURLOPT_HEADERFUNCTION, append);
    curl_easy_setopt(curl.get(), CURLOPT_HEADERDATA, &response.headers);
    if (curl_easy_perform(curl.get()) != CURLE_OK) return HttpResponse{};
    curl_easy_getinfo(curl.get(), CURLINFO_RESPONSE_CODE, &response.status);
    char* type = nullptr;
    curl_easy_getinfo(curl.get(), CURLINFO_CONTENT_TYPE, &type);
    if (type) response.content_type = type;
    return response;
}

std::string url_encode(const std::string& value) {
    Curl curl = make_curl();
    char* encoded = curl_easy_escape(curl.get(), value.c_str(), static_cast<int>(value.size()));
    std::string out = encoded ? encoded : "";
    curl_free(encoded);
    return out;
}

} // namespace hemeroteca::test
