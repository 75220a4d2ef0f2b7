// Spanish lemmas from hunspell's Spanish dictionary (Debian hunspell-es,
// /usr/share/hunspell/es_ES.{aff,dic}).
//
// Snowball's suffix stripping merges unrelated words (casa/caso -> cas,
// Moro/morir -> mor, parte/partido -> part); the dictionary knows which forms
// belong together. A word's lemma, chosen among the dictionary's readings:
//   - nominal readings (the word itself, its plural, its gender form) before
//     verbal ones: casa -> casa (not casar), parte -> parte (not partir);
//   - a feminine form joins its masculine when the feminine is no noun of its
//     own: política -> político, económicas -> económico, but partida and
//     salida keep their own lemma (they have plurals of their own);
//   - a verb form with no nominal reading goes to its infinitive:
//     dijo -> decir, recordó -> recordar;
//   - derived words (-ción, -miento, diminutives) stay themselves, less their plural.
// Input and output are folded (accents removed, ñ kept) and lowercase: the
// accents a folded word may have had are tried one vowel at a time.
#pragma once

#include <memory>
#include <string>
#include <string_view>

class Hunspell;

namespace hemeroteca::analysis {

// Where the dictionary is looked for: $HEMEROTECA_HUNSPELL_DIR, else /usr/share/hunspell.
std::string default_dictionary_dir();

class SpanishLexicon {
public:
    // Loads DIR/es_ES.aff and DIR/es_ES.dic; throws std::runtime_error when absent.
    explicit SpanishLexicon(const std::string& dir = default_dictionary_dir());
    ~SpanishLexicon();
    SpanishLexicon(const SpanishLexicon&) = delete;
    SpanishLexicon& operator=(const SpanishLexicon&) = delete;

    // The folded lemma of a folded lowercase word, or "" when the dictionary does not know it.
    std::string lemma(std::string_view word) const;
    // A word the dictionary does not know, less a plural -s after a vowel (5+ letters):
    // ctenóforos -> ctenoforo, hugonotes -> hugonote; Clippers and covid stay.
    static std::string unknown_lemma(std::string_view word);
    // True when the dictionary holds this capitalised word as a name ("Moro",
    // "Morales"; not "Casa"). `word` is folded, case kept.
    bool is_name(std::string_view word) const;

private:
    struct HunspellDeleter {
        void operator()(Hunspell* h) const; // under the lock that guards hunspell's global table
    };
    std::unique_ptr<Hunspell, HunspellDeleter> dict_;
};

} // namespace hemeroteca::analysis
