// hemeroteca-index fetching pages over HTTP, from a server the test starts on
// 127.0.0.1: robots.txt, a redirect, a 404, a 500 then 200, a response slower
// than the timeout, a gzip response, a windows-1252 page whose charset is only
// in the HTTP header, and a sitemap index pointing to a Google News sitemap.
#include "support/cli.h"
#include "support/http_server.h"
#include "support/temp_dir.h"
#include "support/warc_fixture.h"

#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <thread>

using namespace hemeroteca::test;

namespace {

std::string article(const std::string& title, const std::string& body, const std::string& head_extra = "") {
    return "<!doctype html><html lang=\"es\"><head>" + head_extra + "<title>" + title +
           "</title></head><body><article><h1>" + title + "</h1><p>" + body +
           " La noticia fue confirmada por fuentes oficiales durante la mañana en la capital del "
           "país.</p><p>Los "
           "vecinos del barrio dijeron que esperaban la medida desde hacía varios meses y que seguirán "
           "atentos a "
           "lo que decidan las autoridades municipales en las próximas semanas.</p></article></body></html>";
}

const char* const kUtf8 = "<meta charset=\"utf-8\">";

void html(httplib::Response& res, const std::string& body, const char* type = "text/html; charset=utf-8") {
    res.set_content(body, type);
}

// The routes every test uses.
void add_routes(LocalHttpServer& s, std::atomic<int>& flaky_calls) {
    auto& r = s.routes();
    r.Get("/robots.txt", [](const httplib::Request&, httplib::Response& res) {
        res.set_content("User-agent: *\nDisallow: /privado/\n\nUser-agent: OtroBot\nDisallow: /\n",
                        "text/plain");
    });
    r.Get("/viejo.html",
          [](const httplib::Request&, httplib::Response& res) { res.set_redirect("/nuevo.html", 301); });
    r.Get("/nuevo.html", [](const httplib::Request&, httplib::Response& res) {
        html(res, article("La biblioteca municipal reabre sus puertas",
                          "La biblioteca reabrió tras la reforma.", kUtf8));
    });
    r.Get("/no-existe.html", [](const httplib::Request&, httplib::Response& res) {
        res.status = 404;
        html(res, "<html><body>No encontrada</body></html>");
    });
    r.Get("/inestable.html", [&flaky_calls](const httplib::Request&, httplib::Response& res) {
        if (flaky_calls++ == 0) {
            res.status = 500;
            html(res, "<html><body>Error interno</body></html>");
            return;
        }
        html(res,
             article("El tranvía vuelve a circular por el centro", "El tranvía circuló de nuevo.", kUtf8));
    });
    r.Get("/lento.html", [&s](const httplib::Request&, httplib::Response& res) {
        for (int i = 0; i < 40 && !s.stopping(); ++i)
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        html(res, article("Una página demasiado lenta", "Nunca llega a tiempo.", kUtf8));
    });
    // cpp-httplib (built with zlib) gzips text responses when the client accepts gzip: this one
    // must arrive compressed, as the WARC copy shows below.
    r.Get("/comprimido.html", [](const httplib::Request& req, httplib::Response& res) {
        if (req.get_header_value("Accept-Encoding").find("gzip") == std::string::npos) res.status = 406;
        html(res, article("Los pescadores artesanales piden apoyo", "Los pescadores marcharon.", kUtf8));
    });
    r.Get("/latin.html", [](const httplib::Request&, httplib::Response& res) {
        // windows-1252 bytes: "Peñalolén" and curly quotes, no <meta charset>.
        std::string page = article("Vecinos de Pe\xf1"
                                   "alol\xe9n celebran la nueva plaza",
                                   "La plaza de Pe\xf1"
                                   "alol\xe9n abri\xf3 con un \x93gran\x94 acto vecinal.");
        html(res, page, "text/html; charset=windows-1252");
    });
    r.Get("/privado/secreto.html", [](const httplib::Request&, httplib::Response& res) {
        html(res, article("Una página que nadie debe pedir", "Secreto.", kUtf8));
    });
    r.Get("/enorme.html", [](const httplib::Request&, httplib::Response& res) {
        std::string junk(3 << 20, '\0'); // 3 MB that gzip cannot shrink below the 1 MB cap
        std::uint32_t x = 12345;
        for (auto& c : junk) c = static_cast<char>((x = x * 1103515245u + 12345u) >> 24);
        html(res, junk);
    });
    r.Get("/imagen.png", [](const httplib::Request&, httplib::Response& res) {
        res.set_content("\x89PNG....", "image/png");
    });
    r.Get("/sitemap_index.xml", [&s](const httplib::Request&, httplib::Response& res) {
        res.set_content("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex "
                        "xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n  <sitemap><loc>" +
                            s.url("/news-sitemap.xml") + "</loc></sitemap>\n</sitemapindex>\n",
                        "application/xml");
    });
    r.Get("/news-sitemap.xml", [&s](const httplib::Request&, httplib::Response& res) {
        const auto entry = [&](const std::string& path, const std::string& date) {
            return "<url><loc>" + s.url(path) +
                   "</loc><news:news><news:publication><news:name>Diario "
                   "Local</news:name><news:language>es</news:language>"
                   "</news:publication><news:publication_date>" +
                   date + "</news:publication_date><news:title>T</news:title></news:news></url>\n";
        };
        res.set_content("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset "
                        "xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" "
                        "xmlns:news=\"http://www.google.com/schemas/sitemap-news/0.9\">\n" +
                            entry("/noticia-1.html", "2025-06-01T08:00:00+02:00") +
                            entry("/noticia-2.html", "2025-06-02T08:00:00+02:00") + "</urlset>\n",
                        "application/xml");
    });
    r.Get("/noticia-1.html", [](const httplib::Request&, httplib::Response& res) {
        html(res, article("El puerto recibe el primer crucero de la temporada", "El crucero atracó temprano.",
                          kUtf8));
    });
    r.Get("/noticia-2.html", [](const httplib::Request&, httplib::Response& res) {
        html(res,
             article("Abre el nuevo mercado de abastos", "El mercado abrió.",
                     std::string(kUtf8) +
                         "<meta property=\"article:published_time\" content=\"2025-05-30T09:00:00+02:00\">"));
    });
}

std::vector<std::string> fetch_args(const std::vector<std::string>& extra) {
    std::vector<std::string> args = {"--host-delay", "0", "--timeout",     "1",
                                     "--retries",    "1", "--retry-delay", "0.05"};
    args.insert(args.end(), extra.begin(), extra.end());
    return args;
}

// The test site of add_routes, started on a free loopback port.
struct Newsroom {
    Newsroom() {
        add_routes(server, flaky);
        server.start();
    }
    LocalHttpServer server;
    std::atomic<int> flaky{0};
};

} // namespace

TEST_CASE_METHOD(
    Newsroom,
    "fetching a URL list: robots.txt, redirects, errors, retries, timeouts, gzip, charsets, WARC copy",
    "[e2e][index][fetch]") {
    TempDir tmp;
    std::string list = "# artículos\n";
    for (const char* p :
         {"/viejo.html", "/no-existe.html", "/inestable.html", "/lento.html", "/comprimido.html",
          "/latin.html", "/privado/secreto.html", "/imagen.png", "/latin.html", "/enorme.html"})
        list += server.url(p) + "\n";
    list += "ftp://127.0.0.1/archivo.html\n";
    write_file(tmp / "urls.txt", list);
    const auto warc = tmp / "fetched.warc.gz";
    const auto r = index(tmp / "db", {},
                         fetch_args({"--urls", (tmp / "urls.txt").string(), "--warc-out", warc.string(),
                                     "--max-page-mb", "1"}));
    INFO(r.err);
    CHECK(r.exit_code == 1); // some URLs failed
    CHECK(r.err.find("no-existe.html: HTTP status 404") != std::string::npos);
    CHECK(r.err.find("lento.html: cannot fetch: timed out after 1 s") != std::string::npos);
    CHECK(r.err.find("ftp://127.0.0.1/archivo.html: not an http(s) URL") != std::string::npos);
    CHECK(r.err.find("enorme.html: cannot fetch: larger than 1 MB") != std::string::npos);
    CHECK(r.err.find("4 indexed, 0 updated, 0 unchanged, 2 skipped, 4 failed") != std::string::npos);
    CHECK(doc_count(tmp / "db") == 4);

    CHECK(server.requests("/robots.txt") == 1);
    CHECK(server.requests("/privado/secreto.html") == 0); // disallowed by robots.txt
    CHECK(server.requests("/no-existe.html") == 1);       // no retry after a 4xx
    CHECK(server.requests("/inestable.html") == 2);       // a 500, then a 200
    CHECK(server.requests("/lento.html") == 2);           // a timeout, then one retry
    CHECK(server.requests("/latin.html") == 1);           // listed twice, fetched once
    CHECK(server.requests("/enorme.html") == 1);          // over the size cap: abandoned, not retried
    CHECK(server.last_user_agent().rfind("hemeroteca-index/", 0) == 0);

    CHECK(search_json(tmp / "db", "biblioteca").urls() ==
          std::vector<std::string>{server.url("/nuevo.html")});
    CHECK(search_json(tmp / "db", "pescadores").urls() ==
          std::vector<std::string>{server.url("/comprimido.html")});
    const auto latin = search_json(tmp / "db", "Peñalolén");
    REQUIRE(latin.urls() == std::vector<std::string>{server.url("/latin.html")});
    CHECK(latin.json["results"][0]["title"] == "Vecinos de Peñalolén celebran la nueva plaza");
    CHECK(search_json(tmp / "db", "tranvía").urls().size() == 1);

    // The WARC copy holds the responses as sent (gzip included) and re-indexes
    // without the network to the same articles.
    const std::string archived = hemeroteca::test::gunzip_all(slurp_file(warc));
    CHECK(archived.find("Content-Encoding: gzip") != std::string::npos);
    CHECK(archived.find("WARC-Target-URI: " + server.url("/nuevo.html")) != std::string::npos);
    const auto again = index(tmp / "from-warc", {warc.string()});
    INFO(again.err);
    CHECK(again.exit_code == 0);
    CHECK(doc_count(tmp / "from-warc") == 4);
    CHECK(search_json(tmp / "from-warc", "Peñalolén").urls() ==
          std::vector<std::string>{server.url("/latin.html")});
    CHECK(search_json(tmp / "from-warc", "pescadores").exit_code == 0);
}

TEST_CASE_METHOD(Newsroom,
                 "a sitemap index leads to a news sitemap whose publication dates fill in missing dates",
                 "[e2e][index][fetch]") {
    TempDir tmp;
    const auto r = index(tmp / "db", {}, fetch_args({"--sitemap", server.url("/sitemap_index.xml")}));
    INFO(r.err);
    CHECK(r.exit_code == 0);
    CHECK(doc_count(tmp / "db") == 2);
    const auto crucero = search_json(tmp / "db", "crucero");
    REQUIRE(crucero.urls() == std::vector<std::string>{server.url("/noticia-1.html")});
    CHECK(crucero.json["results"][0]["date"].get<std::string>().rfind("2025-06-01", 0) == 0);
    const auto mercado = search_json(tmp / "db", "mercado");
    REQUIRE(mercado.urls().size() == 1);
    CHECK(mercado.json["results"][0]["date"].get<std::string>().rfind("2025-05-30", 0) ==
          0); // the page's own date wins
    CHECK(server.requests("/robots.txt") == 1);
}

TEST_CASE("a host whose robots.txt fails with 5xx is not fetched at all", "[e2e][index][fetch]") {
    LocalHttpServer server;
    server.routes().Get("/robots.txt", [](const httplib::Request&, httplib::Response& res) {
        res.status = 503;
        res.set_content("ocupado", "text/plain");
    });
    server.routes().Get("/nota.html", [](const httplib::Request&, httplib::Response& res) {
        html(res, article("Una nota cualquiera", "Texto.", kUtf8));
    });
    server.start();
    TempDir tmp;
    write_file(tmp / "urls.txt", server.url("/nota.html") + "\n");
    const auto r = index(tmp / "db", {}, fetch_args({"--urls", (tmp / "urls.txt").string(), "--verbose"}));
    INFO(r.err);
    CHECK(r.err.find("nota.html: skipped: not fetched: robots.txt is unreachable (HTTP status 503)") !=
          std::string::npos);
    CHECK(server.requests("/robots.txt") == 2); // retried once, like any 5xx
    CHECK(server.requests("/nota.html") == 0);
}
