#include "extract/extractor.h"

#include "extract/body.h"
#include "extract/charset.h"
#include "extract/classify.h"
#include "extract/dom.h"
#include "extract/jsonld.h"
#include "extract/language.h"
#include "extract/metadata.h"
#include "extract/prescan.h"
#include "extract/text.h"

namespace hemeroteca::extract {
namespace {

std::size_t count_paragraphs(std::string_view text) {
    if (text.empty()) return 0;
    std::size_t n = 1;
    for (std::size_t p = text.find("\n\n"); p != std::string_view::npos; p = text.find("\n\n", p + 2)) ++n;
    return n;
}

// Bytes that are no text at all (random data, an image, a compressed file saved as .html): the
// share of control characters (other than tab, line feed, form feed, carriage return) in the
// first 64 KB of the decoded text. Real pages, whatever their charset, have none or a handful.
std::string binary_evidence(std::string_view bytes) {
    const std::string_view head = bytes.substr(0, 64 * 1024);
    if (head.empty()) return {};
    std::size_t controls = 0;
    for (const char ch : head) {
        const auto c = static_cast<unsigned char>(ch);
        controls += (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') || c == 0x7F;
    }
    if (controls * 100 < head.size()) return {}; // under 1%
    return "not text: " + std::to_string(controls * 100 / head.size()) + "% of the first " +
           std::to_string(head.size()) + " bytes are control characters (binary data)";
}

// A page cut short in transit or on disk: no </body> or </html> near its end.
bool looks_truncated(std::string_view bytes) {
    while (!bytes.empty() && (bytes.back() == ' ' || bytes.back() == '\n' || bytes.back() == '\r' ||
                              bytes.back() == '\t' || bytes.back() == '\0'))
        bytes.remove_suffix(1);
    const std::string tail = ascii_lower(bytes.substr(bytes.size() > 2048 ? bytes.size() - 2048 : 0));
    return tail.find("</html") == std::string::npos && tail.find("</body") == std::string::npos;
}

} // namespace

Extraction extract_article(std::string_view html_bytes, const ExtractOptions& options) {
    Extraction result;
    // Decoded first: UTF-16 is half NUL bytes, and text once decoded.
    DecodedText decoded = decode_html(html_bytes, options.declared_charset);
    if (std::string why = binary_evidence(decoded.utf8); !why.empty()) {
        result.is_article = false; // not even with keep_non_articles: there is nothing to keep
        result.reason = std::move(why);
        result.charset = "binary";
        return result;
    }
    result.truncated = looks_truncated(decoded.utf8);
    result.charset = decoded.charset;

    Prescanned page;
    if (options.prescan) {
        page = prescan(decoded.utf8);
    } else {
        page.json_ld = collect_json_ld(decoded.utf8);
        page.html = std::move(decoded.utf8);
    }
    const HtmlDocument doc = parse_html(page.html);
    const GumboNode* root = doc->document;
    const JsonLd json_ld = read_json_ld(page.json_ld);
    const Metadata meta = read_metadata(root, json_ld, options.url);

    BodyHints hints;
    hints.title = meta.title.value;
    hints.json_ld_body = meta.json_ld_body;
    hints.description = meta.description;
    const Body body = extract_body(root, hints);

    Article& a = result.article;
    a.url = meta.url.value;
    a.title = meta.title.value;
    a.date = meta.date.value;
    a.author = meta.author.value;
    a.section = meta.section.value;
    a.source = meta.source.value;
    a.text = body.text;
    a.lang = detect_language(a.text.empty() ? a.title : a.text);

    PageSignals signals;
    signals.url = a.url;
    signals.og_type = meta.og_type;
    signals.json_ld_types = &json_ld.types;
    signals.has_article_json_ld = json_ld.article.is_object();
    signals.body_chars = utf8_length(a.text);
    signals.body_words = signals.body_chars < 200 ? words(a.text).size() : 200; // only briefs need it
    signals.has_headline = !a.title.empty();
    signals.has_date = !a.date.empty();
    signals.body_paragraphs = count_paragraphs(a.text);
    const Classification c = classify_page(root, signals);
    result.is_article = c.is_article || options.keep_non_articles;
    result.reason = c.reason;

    if (options.explain) {
        auto add = [&](const char* field, const Field& f) {
            if (!f.value.empty()) result.provenance.emplace_back(field, f.origin);
        };
        add("url", meta.url);
        add("title", meta.title);
        add("date", meta.date);
        add("author", meta.author);
        add("section", meta.section);
        add("source", meta.source);
        if (!a.text.empty())
            result.provenance.emplace_back(
                "text", body.origin + (c.short_article ? " (a brief, kept for its article markup)" : "") +
                            (result.truncated ? " (the page is truncated)" : ""));
        if (!a.lang.empty()) result.provenance.emplace_back("lang", "stop words");
        result.provenance.emplace_back("charset", decoded.origin);
        for (const auto& [field, notes] : meta.rejected)
            for (const auto& note : notes) result.rejected.emplace_back(field, note);
    }
    return result;
}

} // namespace hemeroteca::extract
