#include "server/routes.h"

#include "query/query_builder.h"
#include "server/api_handlers.h"
#include "server/export_stream.h"
#include "server/feed.h"
#include "server/http_error.h"
#include "server/http_protocol.h"
#include "server/reply.h"
#include "server/static_assets.h"

#include <xapian.h>

#include <cstdio>
#include <string>

namespace hemeroteca::search::server {

namespace {

constexpr const char* kJson = "application/json; charset=utf-8";
constexpr const char* kAllow = "GET, HEAD, OPTIONS";

using JsonHandler = nlohmann::ordered_json (*)(Searcher&, const ParamLookup&, const Limits&);
using ReplyHandler = Reply (*)(const Call&);

enum class Match { exact, prefix };

struct Route {
    const char* path;
    JsonHandler json = nullptr; // one of json and reply
    ReplyHandler reply = nullptr;
    bool cached = false;        // answers reused while the database is unchanged, with validators
    Match match = Match::exact; // prefix: the rest of the path goes to the handler (Call::rest)
};

// Every route, in one table.
const Route kRoutes[] = {
    {"/api/search", api_search, nullptr, true},
    {"/api/article", api_article, nullptr, true},
    {"/api/related", api_related, nullptr, true},
    {"/api/timeline", api_timeline, nullptr, true},
    {"/api/export", nullptr, api_export, false}, // streamed
    {"/feed", nullptr, atom_feed, false},        // links name the Host asked for: not cached
    {"/opensearch.xml", nullptr, opensearch_description, false},
    {"/api/health", api_health, nullptr, false},
};

const Route* find_route(const std::string& path, std::string_view& rest) {
    for (const auto& route : kRoutes) {
        const std::string_view p = route.path;
        if (route.match == Match::exact ? path == p : path.starts_with(p)) {
            rest = std::string_view(path).substr(route.match == Match::exact ? path.size() : p.size());
            return &route;
        }
    }
    return nullptr;
}

std::string dump(const nlohmann::ordered_json& body) {
    return body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

void send_body(Response& res, int status, std::string body, std::string content_type = kJson) {
    res.status = status;
    res.set_header("Cache-Control", "no-store");
    res.set_header("Content-Type", std::move(content_type));
    res.body = std::move(body);
}

// {"error": reason, "code": what kind, "parameter": which (when one is at fault)}:
// the page words its Spanish messages from code and parameter.
void send_error(Response& res, int status, const std::string& message, const char* code = nullptr,
                const std::string& parameter = {}) {
    res.headers.clear();
    res.stream = nullptr;
    nlohmann::ordered_json body = {{"error", message}};
    if (code) body["code"] = code;
    if (!parameter.empty()) body["parameter"] = parameter;
    send_body(res, status, dump(body));
}

// "http://HOST" as the client addressed this server (for links in feeds).
std::string base_url(const Request& req) {
    std::string host = req.header("Host").value_or("");
    if (host.empty() || host.find_first_of(" \t\r\n/\\\"<>'&") != std::string::npos) host = "localhost";
    return "http://" + host;
}

// The route and its parameters in a canonical order (sorted by name).
std::string cache_key(const Request& req) {
    std::string key = req.path;
    for (const auto& [name, value] : req.params) key.append("\n").append(name).append("=").append(value);
    return key;
}

// A cached Reply keeps its content type on its first line.
std::string pack(const std::string& content_type, const std::string& body) {
    return content_type + "\n" + body;
}
void unpack(std::string packed, std::string& content_type, std::string& body) {
    const auto nl = packed.find('\n');
    content_type = packed.substr(0, nl);
    body = packed.substr(nl + 1);
}

// Runs the route's handler on a borrowed Searcher: the validators first (a
// client that has this revision's answer gets 304 without any search), then
// the cache, then the handler.
void answer(const ApiContext& context, const Route& route, std::string_view rest, const Request& req,
            Response& res) {
    const ParamLookup param = [&req](const std::string& name) { return req.param(name); };
    const auto searcher = context.pool.borrow();
    const bool validated = route.cached;
    const std::string key = validated ? cache_key(req) : std::string();
    if (validated) {
        const auto& version = searcher->version();
        const std::string etag = "W/\"" + digest_hex(version.tag) + digest_hex(key) + "\"";
        const auto modified = parse_iso_utc(version.updated);
        res.set_header("ETag", etag);
        if (modified) res.set_header("Last-Modified", http_date(*modified));
        if (not_modified(req, etag, modified)) {
            res.status = 304;
            res.set_header("Cache-Control", "no-cache");
            return;
        }
    }
    const bool cached = validated && context.cache.enabled();
    if (cached) {
        if (auto body = context.cache.get(key, searcher.generation())) {
            res.set_header("X-Cache", "hit");
            if (route.json) {
                send_body(res, 200, std::move(*body));
            } else {
                std::string type, text;
                unpack(std::move(*body), type, text);
                send_body(res, 200, std::move(text), std::move(type));
            }
            res.set_header("Cache-Control", "no-cache");
            return;
        }
        res.set_header("X-Cache", "miss");
    }
    if (route.json) {
        std::string body = dump(route.json(*searcher, param, context.limits));
        if (cached) context.cache.put(key, searcher.generation(), body);
        send_body(res, 200, std::move(body));
    } else {
        const std::string base = base_url(req);
        Reply reply = route.reply(Call{*searcher, context.pool, param, context.limits, rest, base});
        if (cached && !reply.stream)
            context.cache.put(key, searcher.generation(), pack(reply.content_type, reply.body));
        send_body(res, 200, std::move(reply.body), std::move(reply.content_type));
        res.stream = std::move(reply.stream);
        for (auto& [name, value] : reply.headers) res.set_header(name, std::move(value));
    }
    if (validated) res.set_header("Cache-Control", "no-cache");
}

void serve_asset(const Request& req, Response& res) {
    const auto asset = find_asset(req.path);
    if (!asset) return send_error(res, 404, "not found: " + req.path);
    const std::string etag = "\"" + digest_hex(asset->content) + "\"";
    res.set_header("ETag", etag);
    res.set_header("Cache-Control", "no-cache");
    if (not_modified(req, etag, std::nullopt)) {
        res.status = 304;
        return;
    }
    res.status = 200;
    res.set_header("Content-Type", std::string(asset->content_type));
    res.body.assign(asset->content);
}

void add_security_headers(Response& res) {
    res.set_header("Content-Security-Policy",
                   "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                   "connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'");
    res.set_header("X-Content-Type-Options", "nosniff");
    res.set_header("Referrer-Policy", "no-referrer");
    res.set_header("X-Frame-Options", "DENY");
}

// Maps what a handler throws to a status: the caller's mistakes are 400/404
// with the reason; a query over its cost budget is 400 or 503 (QueryCostError);
// the server's own failures are 500, logged.
void route(const ApiContext& context, const Request& req, Response& res) {
    try {
        if (req.method == "OPTIONS") {
            res.status = 204;
            res.set_header("Allow", kAllow);
            return;
        }
        if (req.method != "GET" && req.method != "HEAD") {
            send_error(res, 405, "only GET, HEAD and OPTIONS are allowed");
            return res.set_header("Allow", kAllow);
        }
        if (req.target_bytes > context.limits.max_target_bytes) return send_error(res, 414, "URI too long");
        std::string_view rest;
        if (const Route* r = find_route(req.path, rest)) {
            answer(context, *r, rest, req, res);
        } else {
            serve_asset(req, res);
        }
    } catch (const HttpError& e) {
        const char* code = e.status() == 404 ? "not_found" : e.status() == 400 ? "bad_parameter" : nullptr;
        send_error(res, e.status(), e.what(), code, e.parameter());
    } catch (const QueryCostError& e) {
        send_error(res, e.timed_out() ? 503 : 400, e.what(), e.timed_out() ? "busy" : "query_cost");
        if (e.timed_out()) res.set_header("Retry-After", "1");
    } catch (const QuerySyntaxError& e) {
        send_error(res, 400, e.what(), "query_syntax");
    } catch (const RequestError& e) {
        send_error(res, 400, e.what(), "bad_request");
    } catch (const Xapian::Error& e) {
        std::fprintf(stderr, "error: %s %s: %s\n", req.method.c_str(), req.path.c_str(),
                     e.get_description().c_str());
        send_error(res, 500, "the database could not be read; try again", "database");
    } catch (const std::exception& e) {
        std::fprintf(stderr, "error: %s %s: %s\n", req.method.c_str(), req.path.c_str(), e.what());
        send_error(res, 500, "internal error", "internal");
    }
}

} // namespace

Response respond(const ApiContext& context, const Request& request) {
    Response res;
    route(context, request, res);
    add_cors_headers(context.http, request, res, request.method == "OPTIONS");
    add_security_headers(res);
    try {
        maybe_gzip(request, res);
    } catch (const std::exception&) {
        // sent uncompressed
    }
    return res;
}

} // namespace hemeroteca::search::server
