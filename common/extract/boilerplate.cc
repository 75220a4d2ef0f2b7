#include "extract/boilerplate.h"

#include "extract/text.h"

#include <array>
#include <unordered_set>

namespace hemeroteca::extract {
namespace {

// Words of the class and id hint lists, for constant-time lookups.
using WordSet = std::unordered_set<std::string_view>;

WordSet split_words(std::string_view list) {
    WordSet set;
    std::size_t start = 0;
    while (start < list.size()) {
        std::size_t end = list.find(' ', start);
        if (end == std::string_view::npos) end = list.size();
        set.insert(list.substr(start, end - start));
        start = end + 1;
    }
    return set;
}

constexpr std::string_view kExact =
    "ad ads adv nav menu tags tag date fecha meta share sharing toolbar tools related "
    "breadcrumb breadcrumbs byline author authors autor autores firma signature credit credits caption "
    "pie foto photo sidebar footer comments comment comentarios popup modal overlay banner sponsor sponsored "
    "disclaimer newsletter subscribe subscription suscripcion rrss redes social widget outbrain "
    "taboola sr teaser teasers promo cookie cookies consent gdpr noprint skip more mas lee lea "
    "recomendados recommended relacionadas relacionados trending popular leidas masleidas moreinfo";
constexpr std::string_view kPrefix =
    "advert publicidad banner sharebar social shares relacionad recomend recommend newslett suscri subscri "
    "comentar comment cookie breadcrumb sidebar widget sponsor patrocin outbrain taboola dfp gpt adunit "
    "adslot navbar navigation footer byline caption toolbar related trending tambien";
constexpr std::string_view kBodyFirst = "article story entry post news nota noticia td single";
constexpr std::string_view kBodySecond = "body content text texto cuerpo";
constexpr std::string_view kBodyWhole = "articlebody cuerpo storybody entrycontent";

// The lengths of the words in a set, as bits: prefixes of other lengths are not looked up.
unsigned lengths_of(const WordSet& set) {
    unsigned bits = 0;
    for (const std::string_view w : set)
        if (w.size() < 32) bits |= 1u << w.size();
    return bits;
}

bool has_prefix_in(const WordSet& prefixes, unsigned lengths, std::string_view word) {
    for (std::size_t n = 2; n <= word.size() && n <= 12; ++n)
        if ((lengths >> n) & 1u && prefixes.count(word.substr(0, n))) return true;
    return false;
}

// Calls on_word for each lower-case word of the class and id (split at spaces,
// '-', '_', ':' and camelCase humps), without allocating.
template <typename OnWord> void for_each_hint_word(const GumboNode* node, OnWord on_word) {
    char buffer[48];
    std::size_t len = 0;
    bool overflow = false;
    auto flush = [&] {
        if (len > 0 && !overflow) on_word(std::string_view(buffer, len));
        len = 0;
        overflow = false;
    };
    for (const char* name : {"class", "id"}) {
        const std::string_view v = attr(node, name);
        for (std::size_t i = 0; i < v.size(); ++i) {
            const char c = v[i];
            if (c == ' ' || c == '-' || c == '_' || c == '\t' || c == '\n' || c == ':') {
                flush();
                continue;
            }
            const bool upper = c >= 'A' && c <= 'Z';
            if (upper && i > 0 && v[i - 1] >= 'a' && v[i - 1] <= 'z') flush();
            if (len == sizeof buffer)
                overflow = true;
            else
                buffer[len++] = upper ? static_cast<char>(c - 'A' + 'a') : c;
        }
        flush();
    }
}

} // namespace

bool is_boilerplate_tag(const GumboNode* node) {
    switch (tag_of(node)) {
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_SELECT:
    case GUMBO_TAG_INPUT:
    case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_SVG:
    case GUMBO_TAG_IMG:
    case GUMBO_TAG_VIDEO:
    case GUMBO_TAG_AUDIO:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_H1:
    case GUMBO_TAG_TIME:
    case GUMBO_TAG_MENU:
    case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_EMBED:
    case GUMBO_TAG_CANVAS:
    case GUMBO_TAG_LABEL: return true;
    default: break;
    }
    const std::string_view role = attr(node, "role");
    return role == "navigation" || role == "complementary" || role == "contentinfo" || role == "banner" ||
           role == "dialog";
}

bool is_hidden(const GumboNode* node) {
    if (has_attr(node, "hidden") || attr(node, "aria-hidden") == "true") return true;
    const std::string style = ascii_lower(attr(node, "style"));
    return style.find("display:none") != std::string::npos ||
           style.find("display: none") != std::string::npos;
}

ClassHints class_hints(const GumboNode* node) {
    ClassHints hints;
    if (attr(node, "itemprop") == "articleBody") hints.body = true;
    if (!has_attr(node, "class") && !has_attr(node, "id")) return hints;
    static const WordSet exact = split_words(kExact);
    static const WordSet prefixes = split_words(kPrefix);
    static const unsigned prefix_lengths = lengths_of(prefixes);
    static const WordSet body_first = split_words(kBodyFirst);
    static const WordSet body_second = split_words(kBodySecond);
    static const WordSet body_whole = split_words(kBodyWhole);
    bool previous_body_first = false;
    for_each_hint_word(node, [&](std::string_view w) {
        if (exact.count(w) || has_prefix_in(prefixes, prefix_lengths, w)) hints.boilerplate = true;
        if (body_whole.count(w) || (previous_body_first && body_second.count(w))) hints.body = true;
        previous_body_first = body_first.count(w) > 0;
    });
    return hints;
}

bool is_boilerplate_text(std::string_view text) {
    const std::string f = fold(text);
    // Prompts that introduce a link or a list: the block may go on with the link's text.
    static constexpr std::array<std::string_view, 31> prompts = {"lea tambien",
                                                                 "lee tambien",
                                                                 "leer tambien",
                                                                 "te puede interesar",
                                                                 "le puede interesar",
                                                                 "puede interesarte",
                                                                 "tambien te puede",
                                                                 "tambien le puede",
                                                                 "podria interesarte",
                                                                 "quizas te interese",
                                                                 "te podria interesar",
                                                                 "noticias relacionadas",
                                                                 "notas relacionadas",
                                                                 "articulos relacionados",
                                                                 "contenido relacionado",
                                                                 "temas relacionados",
                                                                 "relacionado:",
                                                                 "mas informacion:",
                                                                 "ver tambien",
                                                                 "sigue leyendo",
                                                                 "siga leyendo",
                                                                 "suscribete",
                                                                 "suscribase",
                                                                 "siguenos",
                                                                 "recibe nuestras",
                                                                 "escucha esta noticia",
                                                                 "te recomendamos",
                                                                 "temas:",
                                                                 "tags:",
                                                                 "archivado en",
                                                                 "mas informacion"};
    for (std::string_view s : prompts)
        if (f.starts_with(s) && f.size() < s.size() + 200) return true;
    // Words that are boilerplate only as a heading or a label of their own.
    static constexpr std::array<std::string_view, 29> labels = {"relacionadas",   "mas noticias",
                                                                "otras noticias", "ultimas noticias",
                                                                "lo ultimo",      "noticias destacadas",
                                                                "ver mas",        "leer mas",
                                                                "compartir",      "comparte",
                                                                "comparta",       "unete",
                                                                "publicidad",     "advertisement",
                                                                "anuncio",        "contenido patrocinado",
                                                                "comentarios",    "deja tu comentario",
                                                                "etiquetas",      "recomendado",
                                                                "mas leidas",     "lo mas leido",
                                                                "lo mas visto",   "mas vistas",
                                                                "tendencias",     "sobre la firma",
                                                                "sobre el autor", "escucha la noticia",
                                                                "escuchar"};
    for (std::string_view s : labels)
        if (f.starts_with(s) && f.size() < s.size() + 25) return true;

    // Short promotional lines: follow us, join, subscribe, download the app.
    if (f.size() < 160) {
        static constexpr std::array<std::string_view, 12> promo = {
            "canal de youtube", "whatsapp",    "telegram",        "google news",
            "hazte miembro",    "hazte socio", "suscrib",         "newsletter",
            "boletin",          "siguenos",    "descarga la app", "descarga nuestra app"};
        for (std::string_view p : promo)
            if (f.find(p) != std::string::npos) return true;
    }
    // A photo credit or caption written as a paragraph of its own («Foto: Nombre Apellido»).
    if (f.size() < 150) {
        static constexpr std::array<std::string_view, 9> credits = {"foto:",        "fotos:",  "foto de ",
                                                                    "fotografia:",  "imagen:", "credito:",
                                                                    "ilustracion:", "(foto",   "video:"};
        for (std::string_view c : credits)
            if (f.starts_with(c)) return true;
    }
    // An embedded tweet's text and a page counter («(Visited 122 times, 11 visits today)»).
    if (f.size() < 400 && f.find("pic.twitter.com/") != std::string::npos) return true;
    if (f.size() < 80 && (f.starts_with("(visited ") || f.starts_with("visited ")) &&
        f.find(" times") != std::string::npos)
        return true;
    // Messages about the reader's account or subscription.
    if (f.size() < 400) {
        static constexpr std::array<std::string_view, 10> account = {
            "tu suscripcion", "tu cuenta",          "tu contrasena",    "inicia sesion",    "iniciar sesion",
            "registrate",     "ya eres suscriptor", "hazte suscriptor", "este dispositivo", "su suscripcion"};
        for (std::string_view p : account)
            if (f.find(p) != std::string::npos) return true;
    }
    return false;
}

bool is_article_end_text(std::string_view text) {
    if (text.size() > 900) return false;
    const std::string f = fold(text);
    // Membership and donation appeals: «Tú también puedes hacer periodismo…», «sin tu apoyo».
    static constexpr std::array<std::string_view, 9> appeals = {
        "hacer periodismo",         "sin tu apoyo",         "sin su apoyo",         "apoya el periodismo",
        "apoya nuestro periodismo", "apoyar el periodismo", "unete a la membresia", "hazte miembro",
        "con cada membresia"};
    for (std::string_view a : appeals)
        if (f.find(a) != std::string::npos) return true;
    if (f.find("{{") != std::string::npos && f.find("}}") != std::string::npos) return true; // a template
    return (f.starts_with("(visited ") || f.starts_with("visited ")) && f.find(" times") != std::string::npos;
}

} // namespace hemeroteca::extract
