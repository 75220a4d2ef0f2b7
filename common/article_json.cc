#include "article_json.h"

namespace hemeroteca {

namespace {

// Every stored field and its name in the JSON object: the one list.
struct Field {
    const char* name;
    std::string Article::*member;
};
constexpr Field kFields[] = {{"url", &Article::url},         {"title", &Article::title},
                             {"date", &Article::date},       {"author", &Article::author},
                             {"section", &Article::section}, {"source", &Article::source},
                             {"lang", &Article::lang},       {"text", &Article::text},
                             {"origin", &Article::origin},   {"id", &Article::stable_id}};

} // namespace

nlohmann::json to_json(const Article& a) {
    nlohmann::json out = nlohmann::json::object();
    for (const Field& f : kFields) out[f.name] = a.*f.member;
    return out;
}

namespace {

// Reads the stored object's string members straight into an Article (no JSON
// tree: results are read on every search). Other members and nesting are skipped.
class StoredArticleReader : public nlohmann::json_sax<nlohmann::json> {
public:
    explicit StoredArticleReader(Article& a) : a_(a) {}

    bool key(string_t& k) override {
        target_ = depth_ == 1 ? field(k) : nullptr;
        return true;
    }
    bool string(string_t& v) override {
        if (target_) *target_ = std::move(v);
        target_ = nullptr;
        return true;
    }
    bool start_object(std::size_t) override { return enter(); }
    bool end_object() override { return leave(); }
    bool start_array(std::size_t) override { return enter(); }
    bool end_array() override { return leave(); }
    bool null() override { return scalar(); }
    bool boolean(bool) override { return scalar(); }
    bool number_integer(number_integer_t) override { return scalar(); }
    bool number_unsigned(number_unsigned_t) override { return scalar(); }
    bool number_float(number_float_t, const string_t&) override { return scalar(); }
    bool binary(binary_t&) override { return scalar(); }
    bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override {
        a_ = Article(); // unreadable data: an empty article, as for a non-object
        return false;
    }

private:
    std::string* field(const std::string& k) {
        for (const Field& f : kFields)
            if (k == f.name) return &(a_.*f.member);
        return nullptr;
    }
    bool enter() {
        ++depth_;
        target_ = nullptr;
        return true;
    }
    bool leave() {
        --depth_;
        return true;
    }
    bool scalar() {
        target_ = nullptr;
        return true;
    }

    Article& a_;
    std::string* target_ = nullptr;
    int depth_ = 0;
};

} // namespace

Article article_from_stored_json(std::string_view data) {
    Article a;
    if (data.empty() || data.front() != '{') return a;
    StoredArticleReader reader(a);
    nlohmann::json::sax_parse(data, &reader);
    return a;
}

std::string dump_json(const nlohmann::json& value, int indent) {
    return value.dump(indent, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string dump_json(const nlohmann::ordered_json& value, int indent) {
    return value.dump(indent, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

} // namespace hemeroteca
