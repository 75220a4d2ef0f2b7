// An Extraction as JSON, as `hemeroteca-index --dry-run --json [--explain]` prints it.
#pragma once

#include "extract/extractor.h"

#include <nlohmann/json.hpp>

namespace hemeroteca::extract {

// {url,title,date,author,section,source,lang,text}; with explain also
// is_article, reason, charset and explain:{field: origin}.
nlohmann::json to_json(const Extraction& extraction, bool explain);

} // namespace hemeroteca::extract
