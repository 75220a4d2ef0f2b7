#include "extract/language.h"

#include "extract/text.h"

#include <array>
#include <cstdint>
#include <unordered_map>
#include <string_view>

namespace hemeroteca::extract {
namespace {

struct Profile {
    std::string_view code;
    std::string_view words; // frequent function words, folded, space separated, distinctive first
};

// Function words that are frequent in one language and rare in the others. Words
// shared by several languages (de, la, a, e, o) still count, but for all of them.
constexpr std::array<Profile, 9> profiles = {{
    {"es", "el la los las de del que y en un una por con para es se no al lo como mas pero sus le ya o este "
           "entre cuando muy sin sobre tambien fue ha han hay desde todo nos durante estos esta son dos"},
    {"en", "the of and to in a is that for it on was with as by be at this are from his have or an they "
           "which but not had has were their been will would who"},
    {"pt", "o a os as de do da dos das que e em um uma para com nao por no na mais se ao foi como mas "
           "pelo pela tambem sao ja ou seu sua entre quando muito"},
    {"fr", "le la les de des du et en un une que qui est pour dans ce il pas sur au par plus ne se avec "
           "sont aux mais ont cette elle ses leur lui nous vous ete"},
    {"it", "il la le di del della che e un una per con non sono gli dei delle nel nella al alla come piu "
           "ma anche stato questo ha da si ed tra sul dalla lo"},
    {"ca", "el la els les de del que i en un una per amb es no al com mes pero seu seva va dels aquest "
           "aquesta tambe son ha hi ho sobre entre quan molt"},
    {"de", "der die und in den von zu das mit sich des auf fur ist im dem nicht ein eine als auch es an "
           "werden aus er hat dass sie nach bei um am sind noch wie"},
    {"gl", "o a os as de do da dos das que e en un unha para con non por no na mais se ao foi como pero "
           "pola polo tamen son xa ou seu sua entre cando moito"},
    {"eu", "eta da ez du zen bat ere dira izan dute baina hori hau behar dago egin beste edo oso gure bere "
           "baino batean dela duela"},
}};

// Word -> bit set of the profiles that list it; built once from the constant profiles.
const std::unordered_map<std::string_view, std::uint16_t>& profile_index() {
    static const auto index = [] {
        std::unordered_map<std::string_view, std::uint16_t> m;
        for (std::size_t p = 0; p < profiles.size(); ++p) {
            const std::string_view list = profiles[p].words;
            std::size_t start = 0;
            while (start < list.size()) {
                std::size_t end = list.find(' ', start);
                if (end == std::string_view::npos) end = list.size();
                m[list.substr(start, end - start)] |= static_cast<std::uint16_t>(1u << p);
                start = end + 1;
            }
        }
        return m;
    }();
    return index;
}

} // namespace

std::string detect_language(std::string_view text) {
    // Enough words to decide: the first ~2000 words.
    const std::vector<std::string> ws = words(text.substr(0, std::min<std::size_t>(text.size(), 16000)));
    if (ws.size() < 5) return {};
    std::array<double, profiles.size()> score{};
    const auto& index = profile_index();
    for (const std::string& w : ws) {
        const auto it = index.find(w);
        if (it == index.end()) continue;
        for (std::size_t p = 0; p < profiles.size(); ++p)
            if (it->second & (1u << p)) score[p] += 1.0;
    }
    std::size_t best = 0;
    for (std::size_t p = 1; p < profiles.size(); ++p)
        if (score[p] > score[best]) best = p;
    // Too few function words of any language: undecided.
    if (score[best] < 2.0 || score[best] < static_cast<double>(ws.size()) * 0.08) return {};
    return std::string(profiles[best].code);
}

} // namespace hemeroteca::extract
