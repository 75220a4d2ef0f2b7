// Snowball Spanish, plus the short plurals it leaves alone.
//
// Snowball only strips suffixes inside its RV region, so short plurals keep
// their -s: años ≠ año, días ≠ día, ojos ≠ ojo. In news those are among the
// commonest words, so when Snowball leaves a word unchanged and it ends in
// vowel + s (4+ letters), the -s goes: años → año, días → dia.
#pragma once

#include <xapian.h>

#include <string>

namespace hemeroteca::analysis {

class SpanishStemmer : public Xapian::StemImplementation {
public:
    SpanishStemmer() : snowball_("spanish") {}
    std::string operator()(const std::string& word) override;
    std::string get_description() const override { return "spanish+plurals"; }

private:
    Xapian::Stem snowball_;
};

// A Xapian::Stem that uses SpanishStemmer.
Xapian::Stem make_spanish_stem();

} // namespace hemeroteca::analysis
