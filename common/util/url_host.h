// The host of a URL, as `site:` matches it: lower case, without "www.", and the
// domains it belongs to ("noticias.elpais.com" is also in "elpais.com").
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace hemeroteca::util {

// "https://www.DiarioLibre.com:443/a?b" -> "diariolibre.com"; "diariolibre.com/x" -> "diariolibre.com";
// "" when there is no host.
std::string url_host(std::string_view url);

// The host and each parent domain of two labels or more:
// "m.noticias.elpais.com" -> {"m.noticias.elpais.com", "noticias.elpais.com", "elpais.com"}.
std::vector<std::string> host_domains(std::string_view host);

// True for the link shorteners whose links often die (goo.gl, ow.ly, bit.ly, t.co...).
bool is_short_link_host(std::string_view host);

} // namespace hemeroteca::util
