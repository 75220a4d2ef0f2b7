#include "document.h"

#include "analysis/fold.h"
#include "article_json.h"
#include "facet_value.h"
#include "schema.h"
#include "util/hash.h"
#include "util/url_host.h"

#include <nlohmann/json.hpp>

namespace hemeroteca {

namespace {

std::string with_prefix(std::string_view prefix, std::string_view value) {
    std::string term(prefix);
    term += value;
    if (term.size() > schema::max_term_bytes) {
        term.resize(prefix.size());
        term += "#";
        term += util::hash_hex(value);
    }
    return term;
}

bool all_digits(std::string_view s) {
    for (const char c : s)
        if (c < '0' || c > '9') return false;
    return !s.empty();
}

// Section, outlet and author filters hold the facet key (facet_value.h): the filter
// selects exactly what the facet value counts.
void add_boolean(Xapian::Document& doc, std::string_view prefix, std::string_view value) {
    const std::string key = facets::key(value);
    if (!key.empty()) doc.add_boolean_term(with_prefix(prefix, key));
}

} // namespace

std::string id_term(const Article& article) {
    const std::string& id = !article.url.empty() ? article.url : article.stable_id;
    if (id.empty()) return {};
    return with_prefix(schema::prefix::id, id);
}

std::string origin_term(const std::string& origin) { return with_prefix(schema::prefix::origin, origin); }

std::string content_hash(const Article& a) {
    util::Fnv1a64 h;
    h.field(schema::schema_version).field(a.url).field(a.title).field(a.date).field(a.author);
    h.field(a.section).field(a.source).field(a.lang).field(a.text).field(a.stable_id);
    return h.hex();
}

std::string date_key(std::string_view iso) {
    if (iso.size() < 10 || iso[4] != '-' || iso[7] != '-') return {};
    const std::string key =
        std::string(iso.substr(0, 4)) + std::string(iso.substr(5, 2)) + std::string(iso.substr(8, 2));
    if (!all_digits(key)) return {};
    const int month = std::stoi(key.substr(4, 2));
    const int day = std::stoi(key.substr(6, 2));
    if (month < 1 || month > 12 || day < 1 || day > 31) return {};
    return key;
}

Xapian::Document build_document(const Article& a, const analysis::Analyzer& analyzer,
                                Xapian::TermGenerator& tg) {
    Xapian::Document doc;
    tg.set_document(doc);

    // Free text: the headline as a field and, weighted, in the general text.
    analyzer.index_text(tg, a.title, 1, schema::prefix::title);
    analyzer.index_text(tg, a.title, schema::title_wdf_inc);
    tg.increase_termpos(100); // no phrase spans headline and body
    analyzer.index_text(tg, a.text, schema::body_wdf_inc);
    analyzer.index_text(tg, a.author, 1, schema::prefix::author);
    analyzer.index_text(tg, a.section, 1, schema::prefix::section);
    analyzer.index_text(tg, a.source, 1, schema::prefix::source);

    // Boolean filters.
    const std::string id = id_term(a);
    if (!id.empty()) doc.add_boolean_term(id);
    if (const std::string pid = public_id(a); !pid.empty()) doc.add_boolean_term(public_id_term(pid));
    if (const std::string lang = analysis::fold_key(a.lang); !lang.empty())
        doc.add_boolean_term(with_prefix(schema::prefix::lang, lang));
    add_boolean(doc, schema::prefix::section_exact, a.section);
    add_boolean(doc, schema::prefix::source_exact, a.source);
    facets::for_each_author(
        a.author, [&](std::string_view one) { add_boolean(doc, schema::prefix::author_exact, one); });
    if (!a.origin.empty()) doc.add_boolean_term(origin_term(a.origin));
    for (const auto& domain : util::host_domains(util::url_host(a.url)))
        doc.add_boolean_term(with_prefix(schema::prefix::site, domain));

    const std::string day = date_key(a.date);
    if (!day.empty()) {
        doc.add_boolean_term(std::string(schema::prefix::year) + day.substr(0, 4));
        doc.add_boolean_term(std::string(schema::prefix::month) + day.substr(0, 6));
        doc.add_boolean_term(std::string(schema::prefix::day) + day);
        doc.add_value(schema::slot(schema::Slot::date), day);
        doc.add_value(schema::slot(schema::Slot::date_oldest), day);
        doc.add_value(schema::slot(schema::Slot::month), day.substr(0, 6));
        doc.add_value(schema::slot(schema::Slot::datetime), a.date);
    } else {
        doc.add_value(schema::slot(schema::Slot::date_oldest), std::string(schema::undated_last));
    }
    doc.add_value(schema::slot(schema::Slot::facets), facets::encode(a, day));
    doc.add_value(schema::slot(schema::Slot::content_hash), content_hash(a));

    doc.set_data(dump_json(to_json(a)));
    return doc;
}

std::string article_key(const Article& article) {
    return !article.url.empty() ? article.url : article.stable_id;
}

std::string public_id(const Article& article) {
    const std::string id = id_term(article);
    return id.empty() ? std::string() : util::hash_hex(id);
}

bool is_public_id(std::string_view text) {
    return text.size() == 16 && text.find_first_not_of("0123456789abcdef") == std::string_view::npos;
}

std::string public_id_term(std::string_view id) {
    return std::string(schema::prefix::public_id) + std::string(id);
}

Article stored_article(const Xapian::Document& doc) { return article_from_stored_json(doc.get_data()); }

} // namespace hemeroteca
