// Language of a text from stop-word profiles (es, en, pt, fr, it, ca, de, gl, eu).
// Never from <html lang>, which lies on real pages.
#pragma once

#include <string>
#include <string_view>

namespace hemeroteca::extract {

// ISO 639-1 code, or empty when the text is too short to tell.
std::string detect_language(std::string_view text);

} // namespace hemeroteca::extract
