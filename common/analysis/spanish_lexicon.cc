#include "analysis/spanish_lexicon.h"

#include "analysis/fold.h"

#include <hunspell/hunspell.hxx>

#include <cstdlib>
#include <filesystem>
#include <mutex>
#include <stdexcept>
#include <vector>

namespace hemeroteca::analysis {

namespace {

// One reading of a word: its dictionary stem and the affix flags that made it.
struct Reading {
    std::string stem;
    std::string flags; // one character per affix flag applied ("" = the entry itself)
};

// Hunspell's analyses look like " st:casar fl:E"; several fl: fields may follow.
std::vector<Reading> readings(Hunspell& h, const std::string& word) {
    std::vector<Reading> out;
    for (const std::string& a : h.analyze(word)) {
        Reading r;
        std::size_t pos = 0;
        while (pos < a.size()) {
            while (pos < a.size() && a[pos] == ' ') ++pos;
            std::size_t end = a.find(' ', pos);
            if (end == std::string::npos) end = a.size();
            const std::string_view field(a.data() + pos, end - pos);
            if (field.substr(0, 3) == "st:") r.stem = std::string(field.substr(3));
            if (field.substr(0, 3) == "fl:") r.flags += std::string(field.substr(3));
            pos = end;
        }
        if (!r.stem.empty()) out.push_back(std::move(r));
    }
    return out;
}

// es_ES.aff: S plural, G gender (and its plural); R, E, I, X conjugations, D
// participles; the rest derive new words (A -ción, P -miento, U/N diminutives…).
bool is_plural_flag(const std::string& f) { return f == "S"; }
bool is_gender_flag(const std::string& f) { return f == "G"; }
bool is_verbal(const std::string& f) {
    return !f.empty() && f.find_first_not_of("REIXD") == std::string::npos;
}

bool is_vowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

// The word with each of its vowels accented in turn (Spanish writes at most
// one acute accent), and gu as gü: what a folded word may have been.
std::vector<std::string> accent_variants(const std::string& w) {
    static constexpr const char* acute[] = {"á", "é", "í", "ó", "ú"};
    static constexpr char plain[] = "aeiou";
    std::vector<std::string> out{w};
    for (std::size_t i = 0; i < w.size(); ++i) {
        for (int v = 0; v < 5; ++v) {
            if (w[i] != plain[v]) continue;
            out.push_back(w.substr(0, i) + acute[v] + w.substr(i + 1));
        }
        if (w[i] == 'u' && i > 0 && w[i - 1] == 'g') out.push_back(w.substr(0, i) + "ü" + w.substr(i + 1));
    }
    return out;
}

// A plural ending a derived word loses: -ciones -> -cion, -es after a consonant, -s after a vowel.
std::string singular(const std::string& w) {
    if (w.size() > 4 && w.compare(w.size() - 2, 2, "es") == 0 && !is_vowel(w[w.size() - 3])) {
        if (w[w.size() - 3] == 'c' && w.size() > 5) return w.substr(0, w.size() - 3) + "z"; // voces -> voz
        return w.substr(0, w.size() - 2);
    }
    if (w.size() > 3 && w.back() == 's' && is_vowel(w[w.size() - 2])) return w.substr(0, w.size() - 1);
    return w;
}

// Hunspell keeps one process-wide UTF-8 table, counted by every Hunspell object
// it builds and frees without a lock: dictionaries made and dropped on several
// threads at once (the indexer's workers) race on that count, and the table
// leaked or could be freed while in use (found by LeakSanitizer). So every
// Hunspell is built and destroyed under this one lock, which guards the
// library's own global state (not ours).
std::mutex& hunspell_lifetime_lock() {
    static std::mutex lock;
    return lock;
}

} // namespace

void SpanishLexicon::HunspellDeleter::operator()(Hunspell* h) const {
    const std::lock_guard<std::mutex> guard(hunspell_lifetime_lock());
    delete h;
}

std::string default_dictionary_dir() {
    if (const char* dir = std::getenv("HEMEROTECA_HUNSPELL_DIR"); dir && *dir) return dir;
    return "/usr/share/hunspell";
}

SpanishLexicon::SpanishLexicon(const std::string& dir) {
    const std::filesystem::path aff = std::filesystem::path(dir) / "es_ES.aff";
    const std::filesystem::path dic = std::filesystem::path(dir) / "es_ES.dic";
    std::error_code ec;
    if (!std::filesystem::exists(aff, ec) || !std::filesystem::exists(dic, ec))
        throw std::runtime_error("no Spanish dictionary at " + dic.string() +
                                 " (install the Debian package hunspell-es)");
    const std::lock_guard<std::mutex> guard(hunspell_lifetime_lock());
    dict_.reset(new Hunspell(aff.c_str(), dic.c_str()));
}

SpanishLexicon::~SpanishLexicon() = default;

std::string SpanishLexicon::lemma(std::string_view folded) const {
    const std::string word(folded);
    if (word.size() < 2) return {};
    // Readings of every spelling the folded word may stand for, by kind.
    std::string entry_own_plural, entry, plural, gender, verb, derived;
    for (const std::string& spelling : accent_variants(word)) {
        if (!dict_->spell(spelling)) continue;
        for (const Reading& r : readings(*dict_, spelling)) {
            const std::string stem = fold_lower(r.stem);
            if (r.flags.empty()) {
                // The word is an entry itself; does it have a plural of its own?
                bool own_plural = false;
                for (const std::string& p : {spelling + "s", spelling + "es"})
                    for (const Reading& pr : readings(*dict_, p))
                        own_plural = own_plural || (pr.stem == r.stem && is_plural_flag(pr.flags));
                std::string& slot = own_plural ? entry_own_plural : entry;
                if (slot.empty()) slot = stem;
            } else if (is_plural_flag(r.flags)) {
                if (plural.empty()) plural = stem;
            } else if (is_gender_flag(r.flags)) {
                if (gender.empty()) gender = stem;
            } else if (is_verbal(r.flags)) {
                if (verb.empty()) verb = stem;
            } else if (derived.empty()) {
                derived = singular(word);
            }
        }
    }
    if (!entry_own_plural.empty()) return entry_own_plural;
    if (!plural.empty()) return plural;
    if (!gender.empty()) return gender;
    if (!entry.empty()) {
        // Some plurals are entries of their own (países): their singular's lemma.
        if (entry == word && word.size() > 5 && word.compare(word.size() - 2, 2, "es") == 0) {
            const std::string one = word.substr(0, word.size() - 2);
            for (const std::string& spelling : accent_variants(one))
                if (dict_->spell(spelling)) return lemma(one);
        }
        return entry;
    }
    if (!derived.empty()) return derived;
    return verb;
}

std::string SpanishLexicon::unknown_lemma(std::string_view word) {
    if (word.size() >= 5 && word.back() == 's' && is_vowel(word[word.size() - 2]))
        return std::string(word.substr(0, word.size() - 1));
    return std::string(word);
}

bool SpanishLexicon::is_name(std::string_view word) const {
    if (word.empty()) return false;
    const unsigned char c = static_cast<unsigned char>(word.front());
    const bool capital = (c >= 'A' && c <= 'Z') ||
                         (c == 0xC3 && word.size() > 1 && static_cast<unsigned char>(word[1]) < 0xA0); // Ñ
    if (!capital) return false;
    const std::string w(word);
    for (const std::string& spelling : accent_variants(w)) {
        if (!dict_->spell(spelling)) continue;
        for (const Reading& r : readings(*dict_, spelling))
            if (r.flags.empty() && r.stem == spelling) return true;
    }
    return false;
}

} // namespace hemeroteca::analysis
