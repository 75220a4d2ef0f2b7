// Errors a handler throws to answer with a status; routes.cc turns them (and
// the searcher's QuerySyntaxError, RequestError, DatabaseError) into
// {"error": "..."} JSON with the right status.
#pragma once

#include <stdexcept>

namespace hemeroteca::search::server {

#include <string>

class HttpError : public std::runtime_error {
public:
    HttpError(int status, const std::string& message, std::string parameter = {}) :
        std::runtime_error(message), status_(status), parameter_(std::move(parameter)) {}
    int status() const { return status_; }
    // The parameter at fault (the page words its message from it), or "".
    const std::string& parameter() const { return parameter_; }

private:
    int status_;
    std::string parameter_;
};

// A missing or malformed parameter: 400.
inline HttpError bad_parameter(const std::string& message) { return {400, message}; }
inline HttpError bad_parameter(const std::string& name, const std::string& message) {
    return {400, message, name};
}
// No such article or page: 404.
inline HttpError not_found(const std::string& message) { return {404, message}; }

} // namespace hemeroteca::search::server
