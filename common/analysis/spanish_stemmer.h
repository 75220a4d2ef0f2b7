// Snowball Spanish, plus the short plurals it leaves alone.
//
// Snowball only strips suffixes inside its RV region, so short plurals keep
// their -s: años ≠ año, días ≠ día, ojos ≠ ojo. In news those are among the
// commonest words, so when Snowball leaves a word unchanged and it ends in
// vowel + s (4+ letters), the -s goes: años → año, días → dia.
#pragma once

#include <xapian.h>

#include <string>
#include <unordered_map>

namespace hemeroteca::analysis {

// Like any Xapian::Stem, one instance is for one thread at a time. It remembers
// the stems it made: news repeats its words, and a look-up costs a fraction
// of Snowball.
class SpanishStemmer : public Xapian::StemImplementation {
public:
    SpanishStemmer() : snowball_("spanish") {}
    std::string operator()(const std::string& word) override;
    std::string get_description() const override { return "spanish+plurals"; }

private:
    std::string stem(const std::string& word);

    Xapian::Stem snowball_;
    std::unordered_map<std::string, std::string> cache_;
};

// A Xapian::Stem that uses SpanishStemmer.
Xapian::Stem make_spanish_stem();

} // namespace hemeroteca::analysis
