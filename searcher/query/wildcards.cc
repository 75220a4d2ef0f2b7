#include "query/wildcards.h"

#include "query/query_builder.h"

#include <vector>

namespace hemeroteca::search {

namespace {

// What Xapian's QueryParser takes as a word's byte: letters, digits, '_' and
// every byte of a multi-byte UTF-8 letter (ñ, accented letters).
bool word_byte(char c) {
    const auto u = static_cast<unsigned char>(c);
    return (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') || u == '_' ||
           u >= 0x80;
}

} // namespace

std::string expand_wildcards(const std::string& text, const Xapian::Database& db, Xapian::termcount max_words,
                             const TextFieldPrefix& prefix_of, const WildcardGroup& group) {
    std::string out;
    std::size_t copied = 0;
    bool in_quotes = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '"') in_quotes = !in_quotes;
        if (text[i] != '*' || in_quotes) continue;
        std::size_t begin = i;
        while (begin > copied && word_byte(text[begin - 1])) --begin;
        const bool ends_word = i + 1 == text.size() || !word_byte(text[i + 1]);
        if (begin == i || !ends_word) continue;
        std::size_t from = begin; // where the replaced text starts: the field's name, if any
        std::string prefix;
        if (begin > copied && text[begin - 1] == ':') {
            std::size_t name = begin - 1;
            while (name > copied && word_byte(text[name - 1])) --name;
            const auto p = prefix_of(std::string_view(text).substr(name, begin - 1 - name));
            if (!p) continue; // another field (a filter, a date): left to the parser
            prefix = *p;
            from = name;
        }
        const std::string_view word = std::string_view(text).substr(begin, i - begin);
        const std::string pattern = prefix + std::string(word);
        std::vector<std::string> terms;
        for (auto t = db.allterms_begin(pattern); t != db.allterms_end(pattern); ++t) {
            if (max_words != 0 && terms.size() == max_words)
                throw wildcard_cost_error(std::string(word) + "*", max_words); // 0: no limit
            terms.push_back(*t);
        }
        const Xapian::Query expanded =
            terms.empty() ? Xapian::Query::MatchNothing
                          : Xapian::Query(Xapian::Query::OP_SYNONYM, terms.begin(), terms.end());
        out.append(text, copied, from - copied);
        out += group(expanded);
        copied = i + 1;
    }
    out.append(text, copied, std::string::npos);
    return out;
}

} // namespace hemeroteca::search
