#include "extract/boilerplate.h"

#include "extract/text.h"

#include <array>
#include <vector>

namespace hemeroteca::extract {
namespace {

// class/id split into lower-case words at spaces, '-', '_' and camelCase humps.
std::vector<std::string> hint_words(const GumboNode* node) {
    std::vector<std::string> out;
    std::string cur;
    auto flush = [&] { if (!cur.empty()) out.push_back(std::move(cur)); cur.clear(); };
    for (const char* name : {"class", "id"}) {
        const std::string_view v = attr(node, name);
        for (std::size_t i = 0; i < v.size(); ++i) {
            const char c = v[i];
            if (c == ' ' || c == '-' || c == '_' || c == '\t' || c == '\n' || c == ':') { flush(); continue; }
            if (c >= 'A' && c <= 'Z') {
                if (i > 0 && v[i - 1] >= 'a' && v[i - 1] <= 'z') flush();
                cur += static_cast<char>(c - 'A' + 'a');
            } else {
                cur += c;
            }
        }
        flush();
    }
    return out;
}

bool any_word(const std::vector<std::string>& ws, std::string_view exact_list, std::string_view prefix_list) {
    auto in_list = [](std::string_view list, std::string_view w, bool prefix) {
        std::size_t start = 0;
        while (start < list.size()) {
            std::size_t end = list.find(' ', start);
            if (end == std::string_view::npos) end = list.size();
            const std::string_view item = list.substr(start, end - start);
            if (prefix ? w.starts_with(item) : w == item) return true;
            start = end + 1;
        }
        return false;
    };
    for (const auto& w : ws)
        if (in_list(exact_list, w, false) || in_list(prefix_list, w, true)) return true;
    return false;
}

} // namespace

bool is_boilerplate_tag(const GumboNode* node) {
    switch (tag_of(node)) {
    case GUMBO_TAG_NAV: case GUMBO_TAG_ASIDE: case GUMBO_TAG_FOOTER: case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_FORM: case GUMBO_TAG_BUTTON: case GUMBO_TAG_SELECT:
    case GUMBO_TAG_INPUT: case GUMBO_TAG_TEXTAREA: case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE:
    case GUMBO_TAG_NOSCRIPT: case GUMBO_TAG_IFRAME: case GUMBO_TAG_SVG: case GUMBO_TAG_IMG:
    case GUMBO_TAG_VIDEO: case GUMBO_TAG_AUDIO: case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_H1: case GUMBO_TAG_TIME: case GUMBO_TAG_MENU: case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_EMBED: case GUMBO_TAG_CANVAS: case GUMBO_TAG_LABEL:
        return true;
    default:
        break;
    }
    const std::string_view role = attr(node, "role");
    return role == "navigation" || role == "complementary" || role == "contentinfo" || role == "banner" || role == "dialog";
}

bool is_hidden(const GumboNode* node) {
    if (has_attr(node, "hidden") || attr(node, "aria-hidden") == "true") return true;
    const std::string style = ascii_lower(attr(node, "style"));
    return style.find("display:none") != std::string::npos || style.find("display: none") != std::string::npos;
}

bool has_boilerplate_hint(const GumboNode* node) {
    if (!has_attr(node, "class") && !has_attr(node, "id")) return false;
    const std::vector<std::string> ws = hint_words(node);
    static constexpr std::string_view exact =
        "ad ads adv nav menu tags tag date fecha meta share sharing toolbar tools related "
        "breadcrumb breadcrumbs byline author authors autor autores firma signature credit credits caption "
        "pie foto photo sidebar footer comments comment comentarios popup modal overlay banner sponsor sponsored "
        "disclaimer newsletter subscribe subscription suscripcion rrss redes social widget outbrain "
        "taboola sr teaser teasers promo cookie cookies consent gdpr noprint skip more mas lee lea "
        "recomendados recommended relacionadas relacionados trending popular leidas masleidas moreinfo";
    static constexpr std::string_view prefix =
        "advert publicidad banner sharebar social shares relacionad recomend recommend newslett suscri subscri "
        "comentar comment cookie breadcrumb sidebar widget sponsor patrocin outbrain taboola dfp gpt adunit "
        "adslot navbar navigation footer byline caption toolbar related trending tambien";
    return any_word(ws, exact, prefix);
}

bool has_body_hint(const GumboNode* node) {
    if (attr(node, "itemprop") == "articleBody") return true;
    const std::vector<std::string> ws = hint_words(node);
    for (std::size_t i = 0; i + 1 < ws.size(); ++i) {
        const std::string& a = ws[i];
        const std::string& b = ws[i + 1];
        if ((a == "article" || a == "story" || a == "entry" || a == "post" || a == "news" || a == "nota" ||
             a == "noticia" || a == "td" || a == "single") &&
            (b == "body" || b == "content" || b == "text" || b == "texto" || b == "cuerpo"))
            return true;
    }
    for (const auto& w : ws)
        if (w == "articlebody" || w == "cuerpo" || w == "storybody" || w == "entrycontent") return true;
    return false;
}

bool is_boilerplate_text(std::string_view text) {
    const std::string f = fold(text);
    static constexpr std::array<std::string_view, 38> starts = {"lea tambien", "lee tambien", "leer tambien",
        "te puede interesar", "le puede interesar", "puede interesarte", "tambien te puede", "noticias relacionadas",
        "notas relacionadas", "articulos relacionados", "contenido relacionado", "mas noticias", "mas informacion:",
        "ver tambien", "leer mas", "sigue leyendo", "siga leyendo", "suscribete", "suscribase", "compartir",
        "comparte", "siguenos", "publicidad", "advertisement", "comentarios", "etiquetas", "temas:", "tags:",
        "te recomendamos", "recomendamos", "mas leidas", "lo mas leido", "relacionadas", "temas relacionados",
        "sobre la firma", "sobre el autor", "acerca del autor", "mas sobre"};
    for (std::string_view s : starts)
        if (f.starts_with(s)) return f.size() < s.size() + 200;
    // Short promotional lines: follow us, join, subscribe, download the app.
    if (f.size() < 160) {
        static constexpr std::array<std::string_view, 12> promo = {"canal de youtube", "whatsapp", "telegram",
            "google news", "hazte miembro", "hazte socio", "suscrib", "newsletter", "boletin", "siguenos",
            "descarga la app", "descarga nuestra app"};
        for (std::string_view p : promo)
            if (f.find(p) != std::string::npos) return true;
    }
    // Messages about the reader's account or subscription.
    if (f.size() < 400) {
        static constexpr std::array<std::string_view, 10> account = {"tu suscripcion", "tu cuenta", "tu contrasena",
            "inicia sesion", "iniciar sesion", "registrate", "ya eres suscriptor", "hazte suscriptor",
            "este dispositivo", "su suscripcion"};
        for (std::string_view p : account)
            if (f.find(p) != std::string::npos) return true;
    }
    return false;
}

} // namespace hemeroteca::extract
