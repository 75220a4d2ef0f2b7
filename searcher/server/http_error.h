// Errors a handler throws to answer with a status; routes.cc turns them (and
// the searcher's QuerySyntaxError, RequestError, DatabaseError) into
// {"error": "..."} JSON with the right status.
#pragma once

#include <stdexcept>

namespace hemeroteca::search::server {

class HttpError : public std::runtime_error {
public:
    HttpError(int status, const std::string& message) : std::runtime_error(message), status_(status) {}
    int status() const { return status_; }

private:
    int status_;
};

// A missing or malformed parameter: 400.
inline HttpError bad_parameter(const std::string& message) { return {400, message}; }
// No such article or page: 404.
inline HttpError not_found(const std::string& message) { return {404, message}; }

} // namespace hemeroteca::search::server
