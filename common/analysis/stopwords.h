// The Spanish stop-word list (Snowball's, plus interrogatives), accent-folded
// and lowercased, so it applies to the normalised text the index sees.
#pragma once

#include <span>
#include <string_view>

namespace hemeroteca::analysis {

std::span<const std::string_view> spanish_stopwords();

} // namespace hemeroteca::analysis
