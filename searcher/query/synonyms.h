// Query-time synonyms and acronyms from a plain-text file ("EEUU = Estados
// Unidos", one group a line; see synonyms-es.txt, the default shipped list).
// A query word or phrase found in a group is replaced by the OR of the group.
#pragma once

#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace hemeroteca::analysis {
class Analyzer;
}

namespace hemeroteca::search {

class Synonyms {
public:
    Synonyms() = default;
    // Parses the file's text; throws RequestError naming the bad line.
    static Synonyms parse(std::string_view text, const analysis::Analyzer& analyzer);
    static Synonyms from_file(const std::filesystem::path& path, const analysis::Analyzer& analyzer);
    // The list shipped with the project (embedded at build time).
    static Synonyms spanish_default(const analysis::Analyzer& analyzer);

    // Expands a normalised, lowercased query: outside quotes and field values,
    // "eeuu aranceles" -> "(\"eeuu\" OR \"estados unidos\" OR \"eua\") aranceles".
    std::string expand(const std::string& normalized_query) const;
    // The same, each group that matches written as `write_group(alternatives)`,
    // each alternative rendered as above ("\"estados unidos\"", "\"eeuu\"").
    std::string expand(const std::string& normalized_query,
                       const std::function<std::string(std::vector<std::string>)>& write_group) const;

    std::size_t size() const { return groups_.size(); }

private:
    struct Phrase {
        std::vector<std::string> words; // lowercase folded tokens
        // Written in capitals in the list (EEUU, OMS): matched as that exact word, never
        // stemmed (an acronym's lowercase form may be a word of its own).
        bool acronym = false;
    };
    std::vector<std::vector<Phrase>> groups_;
};

} // namespace hemeroteca::search
