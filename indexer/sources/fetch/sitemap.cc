#include "sources/fetch/sitemap.h"

#include "sources/read_file.h"

namespace hemeroteca::indexer::fetch {

namespace {

std::string unescape(std::string_view s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s.substr(i, 9) == "<![CDATA[") {
            const auto end = s.find("]]>", i + 9);
            out.append(s.substr(i + 9, end == std::string_view::npos ? std::string_view::npos : end - i - 9));
            if (end == std::string_view::npos) break;
            i = end + 2;
            continue;
        }
        if (s[i] != '&') {
            out += s[i];
            continue;
        }
        static const std::pair<std::string_view, char> entities[] = {
            {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&apos;", '\''}};
        bool done = false;
        for (const auto& [name, c] : entities)
            if (s.substr(i, name.size()) == name) {
                out += c;
                i += name.size() - 1;
                done = true;
                break;
            }
        if (!done) out += '&';
    }
    const auto b = out.find_first_not_of(" \t\r\n");
    const auto e = out.find_last_not_of(" \t\r\n");
    return b == std::string::npos ? std::string() : out.substr(b, e - b + 1);
}

// The text of the first element whose local name is `name` inside `block`.
std::string element_text(std::string_view block, std::string_view name) {
    std::size_t pos = 0;
    while ((pos = block.find('<', pos)) != std::string_view::npos) {
        const auto end = block.find_first_of(" >/", pos + 1);
        if (end == std::string_view::npos) return {};
        std::string_view tag = block.substr(pos + 1, end - pos - 1);
        if (const auto colon = tag.find(':'); colon != std::string_view::npos) tag = tag.substr(colon + 1);
        if (tag == name) {
            const auto open_end = block.find('>', pos);
            const auto close = block.find("</", open_end);
            if (open_end == std::string_view::npos || close == std::string_view::npos) return {};
            return unescape(block.substr(open_end + 1, close - open_end - 1));
        }
        pos = end;
    }
    return {};
}

// Every <item>…</item> block (item = "url" or "sitemap", any prefix).
std::vector<std::string_view> blocks(std::string_view xml, std::string_view item) {
    std::vector<std::string_view> out;
    const std::string open = "<" + std::string(item), close = "</" + std::string(item) + ">";
    std::size_t pos = 0;
    while ((pos = xml.find(open, pos)) != std::string_view::npos) {
        const char next = pos + open.size() < xml.size() ? xml[pos + open.size()] : '\0';
        if (next != '>' && next != ' ' && next != '\t' && next != '\n' && next != '\r') {
            pos += open.size();
            continue;
        }
        const auto end = xml.find(close, pos);
        if (end == std::string_view::npos) break;
        out.push_back(xml.substr(pos, end - pos));
        pos = end + close.size();
    }
    return out;
}

} // namespace

Sitemap parse_sitemap(std::string_view xml) {
    Sitemap map;
    if (xml.find("<sitemapindex") != std::string_view::npos)
        map.is_index = true;
    else if (xml.find("<urlset") == std::string_view::npos)
        throw InputError("not a sitemap (no <urlset> or <sitemapindex>)");
    for (const auto block : blocks(xml, map.is_index ? "sitemap" : "url")) {
        SitemapEntry e;
        e.loc = element_text(block, "loc");
        if (!map.is_index) e.publication_date = element_text(block, "publication_date");
        if (!e.loc.empty()) map.entries.push_back(std::move(e));
    }
    return map;
}

} // namespace hemeroteca::indexer::fetch
