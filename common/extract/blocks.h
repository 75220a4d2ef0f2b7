// Reading a container as a sequence of text blocks (paragraphs, headings, list
// items) in document order, dropping boilerplate subtrees and link-heavy or
// boilerplate blocks.
#pragma once

#include "extract/dom.h"

#include <string>
#include <string_view>
#include <vector>

namespace hemeroteca::extract {

struct Block {
    std::string text;
    std::size_t link_chars = 0; // characters inside <a>
    bool heading = false;
};

class TextMass;

struct BlockOptions {
    std::string_view title;         // a block equal to the title is dropped
    const TextMass* mass = nullptr; // text figures of the page (required)
    std::size_t container_mass = 0; // paragraph text of the container (guards class hints)
    std::string_view description;   // og:description: a <figcaption> saying it is the standfirst
};

std::vector<Block> read_blocks(const GumboNode* container, const BlockOptions& options);

// The blocks' text, paragraphs separated by blank lines.
std::string join_blocks(const std::vector<Block>& blocks);

// The standfirst (subtitle, entradilla) when it sits outside the body container:
// an element with a standfirst class, an <h2> right after the <h1>, or a <figcaption> that the
// page's description repeats. Empty when none.
std::string find_standfirst(const GumboNode* root, const GumboNode* container, std::string_view title,
                            std::string_view description = {});

} // namespace hemeroteca::extract
