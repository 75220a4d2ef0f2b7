#!/usr/bin/env python3
"""Writes the seed corpora of tests/fuzz/seeds/TARGET/: small inputs of each kind,
the repro inputs of issue #14 (scaled down), and (at run time, by run.sh) a few corpus/ pages cut to 8 KB.
Run again after changing it: tests/fuzz/make_seeds.py"""
import gzip, pathlib, zlib

root = pathlib.Path(__file__).resolve().parents[2]
seeds = root / "tests/fuzz/seeds"

def put(target, name, data):
    d = seeds / target
    d.mkdir(parents=True, exist_ok=True)
    (d / name).write_bytes(data if isinstance(data, bytes) else data.encode())

# corpus/ pages are added at run time by run.sh (not copied into the repository twice).

html = ('<html><head><meta charset="utf-8"><title>Reforma</title>'
        '<script type="application/ld+json">{"@type":"NewsArticle","headline":"Reforma",'
        '"datePublished":"2024-03-01","author":{"name":"Ana"}}</script></head><body><article>'
        '<h1>Reforma de la ley</h1><p class="byline">Por Ana</p><p>El Congreso aprobó ayer la reforma.</p>'
        '<nav>menu</nav></article></body></html>')
for t in ("fuzz_extract", "fuzz_prescan"):
    put(t, "article.html", html)
    put(t, "deep.html", "<div>" * 300 + "<p>texto</p>" + "</div>" * 300)
    put(t, "navs.html", "<nav>x" * 300)
    put(t, "script.html", "<p>a</p><script>var s='</div>';</script><!-- c --><noscript>n</noscript>")
put("fuzz_charset", "latin1", "iso-8859-1\n<p>Espa\xf1a</p>".encode("latin-1"))
put("fuzz_charset", "meta16", '\n<meta charset="utf-16"><p>hola</p>')
put("fuzz_charset", "utf16le", b"\n" + "<html><p>hola</p></html>".encode("utf-16-le"))
put("fuzz_charset", "bom", b"\n\xff\xfe" + "<p>a</p>".encode("utf-16-le"))
put("fuzz_charset", "double", "\n<p>EspaÃ±a</p>")

def http(body, extra=""):
    return ("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n" + extra + "\r\n").encode() + body

def record(uri, block, length=None):
    return (f"WARC/1.1\r\nWARC-Type: response\r\nWARC-Target-URI: {uri}\r\n"
            f"Content-Type: application/http; msgtype=response\r\nContent-Length: "
            f"{len(block) if length is None else length}\r\n\r\n").encode() + block + b"\r\n\r\n"

body = html.encode()
chunked = b"10\r\n" + body[:16] + b"\r\n" + format(len(body) - 16, "x").encode() + b"\r\n" + body[16:] + b"\r\n0\r\n\r\n"
gz = gzip.compress(body)
put("fuzz_warc", "two.warc", record("https://a.example/1", http(body)) + record("https://a.example/2", http(body)))
put("fuzz_warc", "chunked.warc", record("https://a.example/c", http(chunked, "Transfer-Encoding: chunked\r\n")))
put("fuzz_warc", "gzip.warc", record("https://a.example/g", http(gz, "Content-Encoding: gzip\r\n")))
put("fuzz_warc", "short.warc", record("https://a.example/1", http(body), 50) + record("https://a.example/3", http(body)))
put("fuzz_warc", "nouri.warc", b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 20\r\n\r\nHTTP/1.1 200 OK\r\n\r\n\r\n\r\n")
put("fuzz_warc", "badchunk.warc", record("https://a.example/c", http(b"-4\r\nxx\r\n", "Transfer-Encoding: chunked\r\n")))
put("fuzz_warc", "file.warc.gz", gzip.compress(record("https://a.example/1", http(body))))
put("fuzz_http_response", "plain", http(body))
put("fuzz_http_response", "chunked", http(chunked, "Transfer-Encoding: chunked\r\n"))
put("fuzz_http_response", "gzip", http(gz, "Content-Encoding: gzip\r\n"))
put("fuzz_http_response", "deflate", http(zlib.compress(body), "Content-Encoding: deflate\r\n"))
put("fuzz_http_response", "hugechunk", http(b"FFFFFFFFFFFFFFEE\r\nxx\r\n", "Transfer-Encoding: chunked\r\n"))
put("fuzz_http_response", "redirect", b"HTTP/1.1 301 Moved\r\nLocation: /x\r\n\r\n")

put("fuzz_jsonl", "news-please", '{"url":"https://a.example/1","title":"Reforma","maintext":"El Congreso aprobó.","date_publish":"2024-03-01 10:00:00","authors":["Ana","Luis"]}')
put("fuzz_jsonl", "html", '{"html":"<html><head><title>T</title></head><body><p>Texto largo de prueba</p></body></html>","url":"https://a.example/h"}')
put("fuzz_jsonl", "numbers", '{"title":18446744073709551615,"text":"x","id":-3,"date":1700000000}')
put("fuzz_jsonl", "objects", '{"title":{"name":"T"},"text":"x","author":[{"name":"A"},"B"],"section":null}')
put("fuzz_jsonl", "nested", '{"title":"t","text":' + "[" * 60 + '"x"' + "]" * 60 + "}")

put("fuzz_robots", "google", "/private/x.pdf\nUser-agent: *\nDisallow: /private/\nAllow: /private/ok\nDisallow: /*.pdf$\nCrawl-delay: 2\n")
put("fuzz_robots", "agents", "/a\nUser-agent: hemeroteca\nUser-agent: other\nDisallow: /a\n\nUser-agent: *\nDisallow: /\n")
put("fuzz_robots", "stars", "/" + "a" * 40 + "\nUser-agent: *\nDisallow: /" + "*a" * 12 + "*b\n")
put("fuzz_robots", "manystars", "/x\nUser-agent: *\nDisallow: /" + "*" * 2000 + "\n")

put("fuzz_sitemap", "urlset", '<?xml version="1.0"?><urlset xmlns:news="x"><url><loc>https://a.example/1</loc><news:news><news:publication_date>2024-03-01</news:publication_date></news:news></url><url><loc><![CDATA[https://a.example/2?a=1&amp;b=2]]></loc></url></urlset>')
put("fuzz_sitemap", "index", '<sitemapindex><sitemap><loc>https://a.example/s1.xml</loc></sitemap><sitemap><loc>https://a.example/s2.xml</loc></sitemap></sitemapindex>')

queries = ["elecciones generales", "fecha:marzo..mayo 2004 gobierno", "fecha:2020-01-01..2020-12-31",
           "\"reforma de la ley\" -congreso", "gobierno AND (ley OR presupuestos) NOT huelga",
           "fecha:" + "a" * 200, "title:reforma author:ana section:politica", "presu* elec*",
           "fecha:15 de marzo de 2021", "NEAR ley congreso", "ley ADJ/3 congreso", "fecha:..2019"]
for i, q in enumerate(queries):
    put("fuzz_query", f"q{i}", q)
params = ["q=ley&page=2&per_page=20&sort=date", "q=a&from=2020-01-01&to=2020-12-31&facets=section,source",
          "q=x&section=Pol%C3%ADtica&author=Ana&lang=es&collapse=1", "id=42", "q=&page=0", "q=a&per_page=100000",
          "q=a&sort=relevance&facets=author&page=500", "q=fecha:2004&from=marzo"]
for i, p in enumerate(params):
    put("fuzz_api_params", f"p{i}", p)
texts = ["reforma ley\nEl Congreso aprobó ayer la reforma de la ley de presupuestos con los votos de la mayoría.",
         "año niño\nEl año pasado el niño ganó. " * 5, "\n", "x\n" + "palabra " * 200, "<b>\n<b>&amp; \"comillas\" 'x'"]
for i, t in enumerate(texts):
    put("fuzz_snippet", f"s{i}", t)
art = "El Congreso aprobó ayer la reforma de la ley de presupuestos con los votos de la mayoría tras una sesión de doce horas " * 3
put("fuzz_near_duplicates", "same", art + "\x1e" + art)
put("fuzz_near_duplicates", "different", art + "\x1e" + "Otra noticia sobre fútbol y deportes del fin de semana " * 8)
put("fuzz_near_duplicates", "short", "hola\x1emundo")
