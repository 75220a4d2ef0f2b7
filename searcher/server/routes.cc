#include "server/routes.h"

#include "query/query_builder.h"
#include "server/api_handlers.h"
#include "server/export_stream.h"
#include "server/feed.h"
#include "server/http_error.h"
#include "server/static_assets.h"

#include <xapian.h>

#include <cstdio>
#include <functional>
#include <memory>
#include <string>

namespace hemeroteca::search::server {

namespace {

constexpr const char* kJson = "application/json; charset=utf-8";

using JsonHandler = nlohmann::ordered_json (*)(Searcher&, const ParamLookup&, const Limits&);

struct ApiRoute {
    const char* path;
    JsonHandler handler;
    bool cached; // answers reused while the database is unchanged
};

// The API, in one table.
constexpr ApiRoute kApiRoutes[] = {
    {"/api/search", api_search, true},   {"/api/article", api_article, true},
    {"/api/related", api_related, true}, {"/api/timeline", api_timeline, true},
    {"/api/health", api_health, false},
};

// Atom and OpenSearch: text (XML) answers that name this server's address.
using TextHandler = TextBody (*)(Searcher&, const ParamLookup&, const Limits&, const std::string& base);
struct TextRoute {
    const char* path;
    TextHandler handler;
};
TextBody opensearch(Searcher&, const ParamLookup&, const Limits&, const std::string& base) {
    return opensearch_description(base);
}
constexpr TextRoute kTextRoutes[] = {
    {"/feed", atom_feed},
    {"/opensearch.xml", opensearch},
};

// Streamed answers (written a chunk at a time).
constexpr const char* kExportPath = "/api/export";

void send_body(httplib::Response& res, int status, std::string body) {
    res.status = status;
    res.set_header("Cache-Control", "no-store");
    res.body = std::move(body);
    res.set_header("Content-Type", kJson);
}

std::string dump(const nlohmann::ordered_json& body) {
    return body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

void send_json(httplib::Response& res, int status, const nlohmann::ordered_json& body) {
    send_body(res, status, dump(body));
}

// The route and its parameters in a canonical order (httplib keeps them sorted by name).
std::string cache_key(const httplib::Request& req) {
    std::string key = req.path;
    for (const auto& [name, value] : req.params) key.append("\n").append(name).append("=").append(value);
    return key;
}

// {"error": reason, "code": what kind, "parameter": which (when one is at fault)}:
// the page words its Spanish message from code and parameter.
void send_error(httplib::Response& res, int status, const std::string& message, const char* code = nullptr,
                const std::string& parameter = {}) {
    nlohmann::ordered_json body = {{"error", message}};
    if (code) body["code"] = code;
    if (!parameter.empty()) body["parameter"] = parameter;
    send_json(res, status, body);
}

ParamLookup lookup(const httplib::Request& req) {
    return [&req](const std::string& name) -> std::optional<std::string> {
        if (!req.has_param(name.c_str())) return std::nullopt;
        return req.get_param_value(name.c_str());
    };
}

// "http://HOST" as the client addressed this server (for links in feeds).
std::string base_url(const httplib::Request& req) {
    std::string host = req.get_header_value("Host");
    if (host.empty() || host.find_first_of(" \t\r\n/\\\"<>") != std::string::npos) host = "localhost";
    return "http://" + host;
}

// Maps what a handler throws to a status: the caller's mistakes are 400/404
// with the reason; the server's own failures are 500, logged.
template <typename F> void guarded(const httplib::Request& req, httplib::Response& res, F&& f) {
    try {
        f();
    } catch (const HttpError& e) {
        send_error(res, e.status(), e.what(), e.status() == 404 ? "not_found" : "bad_parameter",
                   e.parameter());
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

// Runs a JSON handler, its answer reused from the cache while the database is unchanged.
void answer(const ApiContext& context, const ApiRoute& route, const httplib::Request& req,
            httplib::Response& res) {
    const ParamLookup param = lookup(req);
    guarded(req, res, [&] {
        const auto searcher = context.pool.borrow();
        const bool cached = route.cached && context.cache.enabled();
        const std::string key = cached ? cache_key(req) : std::string();
        if (cached) {
            if (auto body = context.cache.get(key, searcher.generation())) {
                res.set_header("X-Cache", "hit");
                return send_body(res, 200, std::move(*body));
            }
            res.set_header("X-Cache", "miss");
        }
        std::string body = dump(route.handler(*searcher, param, context.limits));
        if (cached) context.cache.put(key, searcher.generation(), body);
        send_body(res, 200, std::move(body));
    });
}

void answer_text(const ApiContext& context, const TextRoute& route, const httplib::Request& req,
                 httplib::Response& res) {
    const ParamLookup param = lookup(req);
    guarded(req, res, [&] {
        const auto searcher = context.pool.borrow();
        TextBody text = route.handler(*searcher, param, context.limits, base_url(req));
        res.status = 200;
        res.set_header("Cache-Control", "no-cache");
        res.set_content(std::move(text.body), text.content_type.c_str());
    });
}

// The export holds its Searcher until the last chunk is written.
void answer_export(const ApiContext& context, const httplib::Request& req, httplib::Response& res) {
    const ParamLookup param = lookup(req);
    guarded(req, res, [&] {
        struct State {
            SearcherPool::Lease searcher;
            std::unique_ptr<ExportStream> stream;
        };
        auto lease = context.pool.borrow();
        auto stream = api_export(*lease, param, context.limits);
        auto state = std::make_shared<State>(State{std::move(lease), std::move(stream)});
        res.status = 200;
        res.set_header("Cache-Control", "no-store");
        res.set_header("Content-Disposition", "attachment; filename=\"" + state->stream->filename() + "\"");
        res.set_header("X-Export-Rows", std::to_string(state->stream->rows()));
        res.set_header("X-Export-Truncated", state->stream->truncated() ? "true" : "false");
        const std::string type = state->stream->content_type();
        res.set_chunked_content_provider(type, [state](std::size_t, httplib::DataSink& sink) {
            std::string chunk;
            try {
                if (state->stream->next(chunk)) return sink.write(chunk.data(), chunk.size());
            } catch (const std::exception& e) {
                std::fprintf(stderr, "error: export: %s\n", e.what());
                return false; // the connection is cut: a truncated file, not a wrong one
            }
            sink.done();
            return true;
        });
    });
}

void serve_asset(const httplib::Request& req, httplib::Response& res) {
    const auto asset = find_asset(req.path);
    if (!asset) return send_error(res, 404, "not found: " + req.path);
    res.set_header("Cache-Control", "no-cache");
    res.set_content(asset->content.data(), asset->content.size(), std::string(asset->content_type).c_str());
}

const char* status_text(int status) {
    switch (status) {
    case 400: return "bad request";
    case 404: return "not found";
    case 405: return "method not allowed";
    case 408: return "request timeout";
    case 413: return "request too large";
    case 414: return "URI too long";
    case 416: return "range not satisfiable";
    default: return status >= 500 ? "internal error" : "bad request";
    }
}

void add_security_headers(httplib::Response& res) {
    res.set_header("Content-Security-Policy",
                   "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                   "connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'");
    res.set_header("X-Content-Type-Options", "nosniff");
    res.set_header("Referrer-Policy", "no-referrer");
    res.set_header("X-Frame-Options", "DENY");
}

} // namespace

void add_routes(httplib::Server& server, const ApiContext& context) {
    for (const auto& route : kApiRoutes) {
        server.Get(route.path, [&context, &route](const httplib::Request& req, httplib::Response& res) {
            answer(context, route, req, res);
        });
    }
    for (const auto& route : kTextRoutes) {
        server.Get(route.path, [&context, &route](const httplib::Request& req, httplib::Response& res) {
            answer_text(context, route, req, res);
        });
    }
    server.Get(kExportPath, [&context](const httplib::Request& req, httplib::Response& res) {
        answer_export(context, req, res);
    });
    server.Get(R"(/.*)", serve_asset);
    const auto not_allowed = [](const httplib::Request&, httplib::Response& res) {
        res.set_header("Allow", "GET, HEAD");
        send_error(res, 405, "only GET is allowed");
    };
    server.Post(R"(/.*)", not_allowed);
    server.Put(R"(/.*)", not_allowed);
    server.Patch(R"(/.*)", not_allowed);
    server.Delete(R"(/.*)", not_allowed);

    // Statuses the library sets by itself (400 malformed, 413 too large, 414 URI too long...).
    server.set_error_handler(
        httplib::Server::HandlerWithResponse([](const httplib::Request&, httplib::Response& res) {
            if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
            send_error(res, res.status, status_text(res.status));
            return httplib::Server::HandlerResponse::Handled;
        }));
    server.set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
        send_error(res, 500, "internal error");
    });
    server.set_post_routing_handler(
        [](const httplib::Request&, httplib::Response& res) { add_security_headers(res); });
}

} // namespace hemeroteca::search::server
