#include "analysis/analyzer.h"
#include "document.h"
#include "article_json.h"
#include "schema.h"

#include <catch2/catch.hpp>

#include <cstdint>
#include <initializer_list>
#include <vector>

using namespace hemeroteca;

namespace {
bool has_term(const Xapian::Document& doc, const std::string& term) {
    auto it = doc.termlist_begin();
    it.skip_to(term);
    return it != doc.termlist_end() && *it == term;
}
Article sample() {
    Article a;
    a.url = "https://diario.example/2026/01/09/kim.html";
    a.title = "Kim promete apoyo";
    a.date = "2026-01-09T08:30:00+01:00";
    a.author = "María Gómez, EFE";
    a.section = "Internacional";
    a.source = "El Diario del Sur";
    a.lang = "es";
    a.text = "Texto del artículo.";
    return a;
}
} // namespace

TEST_CASE("documents carry the schema's terms, values and data", "[document]") {
    const analysis::Analyzer an;
    auto tg = an.term_generator();
    const Article a = sample();
    const Xapian::Document doc = build_document(a, an, tg);
    CHECK(has_term(doc, "Qhttps://diario.example/2026/01/09/kim.html"));
    CHECK(has_term(doc, "Skim"));
    CHECK(has_term(doc, "Amaria"));
    CHECK(has_term(doc, "XAmaria gomez"));
    CHECK(has_term(doc, "XAefe"));
    CHECK(has_term(doc, "XSinternacional"));
    CHECK(has_term(doc, "XDdiario.example")); // site:

    CHECK(has_term(doc, "XOel diario del sur"));
    CHECK(has_term(doc, "Les"));
    CHECK(has_term(doc, "Y2026"));
    CHECK(has_term(doc, "M202601"));
    CHECK(has_term(doc, "D20260109"));
    CHECK(has_term(doc, "articulo"));
    CHECK(doc.get_value(schema::slot(schema::Slot::date)) == "20260109");
    const Article back = stored_article(doc);
    CHECK(back.title == a.title);
    CHECK(back.text == a.text);
    CHECK(back.author == a.author);
}

TEST_CASE("the id is the URL, hashed when too long; the digest tracks content", "[document]") {
    Article a = sample();
    CHECK(id_term(a) == "Q" + a.url);
    a.url = "https://x.example/" + std::string(400, 'a');
    const std::string id = id_term(a);
    CHECK(id.size() <= schema::max_term_bytes);
    CHECK(id == id_term(a)); // stable
    Article b = a;
    CHECK(content_hash(a) == content_hash(b));
    b.text += " Corrección.";
    CHECK(content_hash(a) != content_hash(b));
}

TEST_CASE("date keys come only from real dates", "[document]") {
    CHECK(date_key("2026-01-09T08:30:00+01:00") == "20260109");
    CHECK(date_key("2017-10-09 20:09:00") == "20171009");
    CHECK(date_key("2026-13-09").empty());
    CHECK(date_key("ayer").empty());
    CHECK(date_key("").empty());
}

TEST_CASE("stored data reads back whatever it holds, and unreadable data gives an empty article",
          "[document]") {
    Article a = sample();
    a.text = "Línea con \"comillas\", ñ y\nun salto.\n\nOtro párrafo \\ con barra.";
    a.origin = "feed.jsonl:7";
    a.stable_id = "feed.jsonl#7";
    const Article back = article_from_stored_json(dump_json(to_json(a)));
    CHECK(back.url == a.url);
    CHECK(back.title == a.title);
    CHECK(back.date == a.date);
    CHECK(back.author == a.author);
    CHECK(back.section == a.section);
    CHECK(back.source == a.source);
    CHECK(back.lang == a.lang);
    CHECK(back.text == a.text);
    CHECK(back.origin == a.origin);
    CHECK(back.stable_id == a.stable_id);
    // unknown members (and nested ones) are skipped, not mistaken for fields
    const Article extra = article_from_stored_json(
        R"({"meta":{"title":"no"},"tags":["url","x"],"n":3,"title":"sí","url":null,"date":"2024-01-02"})");
    CHECK(extra.title == "sí");
    CHECK(extra.url.empty());
    CHECK(extra.date == "2024-01-02");
    for (const char* bad : {"", "[]", "{\"title\": \"roto", "not json", "{\"title\": 3}"})
        CHECK(article_from_stored_json(bad).title.empty());
}

TEST_CASE("stored data reads back the same whichever reader takes it: every byte, escape and spacing",
          "[document]") {
    // The stored object is read by a flat-object fast path, or Xapian-written
    // data it does not expect by nlohmann's SAX reader: both must agree with a
    // full parse of the same text.
    const auto reference = [](const std::string& text) {
        Article a;
        const auto j = nlohmann::json::parse(text, nullptr, false);
        if (!j.is_object()) return a;
        for (const auto& [key, member] :
             std::initializer_list<std::pair<const char*, std::string Article::*>>{
                 {"url", &Article::url},
                 {"title", &Article::title},
                 {"date", &Article::date},
                 {"author", &Article::author},
                 {"section", &Article::section},
                 {"source", &Article::source},
                 {"lang", &Article::lang},
                 {"text", &Article::text},
                 {"origin", &Article::origin},
                 {"id", &Article::stable_id}})
            if (j.contains(key) && j[key].is_string()) a.*member = j[key].get<std::string>();
        return a;
    };
    const auto same = [](const Article& x, const Article& y) {
        return x.url == y.url && x.title == y.title && x.date == y.date && x.author == y.author &&
               x.section == y.section && x.source == y.source && x.lang == y.lang && x.text == y.text &&
               x.origin == y.origin && x.stable_id == y.stable_id;
    };
    std::uint32_t seed = 7;
    const auto next = [&] { return seed = seed * 1664525u + 1013904223u; };
    const std::vector<std::string> pieces = {"a",
                                             "ñ",
                                             "É",
                                             "\"",
                                             "\\",
                                             "/",
                                             "\n",
                                             "\t",
                                             "\r",
                                             "\b",
                                             "\f",
                                             std::string(1, '\x01'),
                                             std::string(1, '\x1f'),
                                             "€",
                                             "😀",
                                             " ",
                                             "{",
                                             "}",
                                             ":",
                                             ",",
                                             "\\u0041",
                                             "¿"};
    std::size_t checked = 0;
    for (int round = 0; round < 400; ++round) {
        Article a = sample();
        for (std::string* field : {&a.title, &a.text, &a.author, &a.url}) {
            field->clear();
            for (std::uint32_t n = next() % 12; n > 0; --n) *field += pieces[next() % pieces.size()];
        }
        for (const int indent : {-1, 2}) {
            const std::string text = dump_json(to_json(a), indent);
            const Article back = article_from_stored_json(text);
            INFO(text);
            CHECK(same(back, a));
            CHECK(same(back, reference(text)));
            ++checked;
        }
    }
    CHECK(checked == 800);
    // Hand-written variants: spacing, duplicate keys (the last wins), unknown and nested members.
    for (const char* text :
         {R"({ "title" : "uno" , "url":"u" } )", R"({"title":"uno","title":"dos"})", R"({})",
          R"({"title":"a","n":1,"text":"b"})", R"({"x":{"title":"no"},"title":"sí"})",
          R"({"title":"\u00f1and\u00fa","text":"\ud83d\ude00"})", R"({"title":"x"} trailing)",
          R"({"title":"x",})", R"({"title":"x" "text":"y"})"}) {
        INFO(text);
        CHECK(same(article_from_stored_json(text), reference(text)));
    }
}

TEST_CASE("the public id: 16 hex digits of the id, indexed, the same however the text changes",
          "[document]") {
    const analysis::Analyzer an;
    auto tg = an.term_generator();
    Article a = sample();
    const std::string id = public_id(a);
    CHECK(is_public_id(id));
    CHECK(has_term(build_document(a, an, tg), public_id_term(id)));
    a.text += " Corrección."; // a corrected article keeps its id (its URL did not change)
    CHECK(public_id(a) == id);
    Article other = sample();
    other.url += "?v=2";
    CHECK(public_id(other) != id);
    Article no_url;
    no_url.stable_id = "extra.jsonl#7";
    CHECK(is_public_id(public_id(no_url)));
    CHECK(public_id(Article{}).empty()); // no id term, no public id

    for (const char* bad : {"", "25", "abc", "0123456789ABCDEF", "0123456789abcdeg", "0123456789abcdef0"})
        CHECK_FALSE(is_public_id(bad));
}
