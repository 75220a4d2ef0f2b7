#include "article_json.h"

namespace hemeroteca {

nlohmann::json to_json(const Article& a) {
    return {{"url", a.url},         {"title", a.title},   {"date", a.date}, {"author", a.author},
            {"section", a.section}, {"source", a.source}, {"lang", a.lang}, {"text", a.text},
            {"origin", a.origin},   {"id", a.stable_id}};
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
        if (k == "url") return &a_.url;
        if (k == "title") return &a_.title;
        if (k == "date") return &a_.date;
        if (k == "author") return &a_.author;
        if (k == "section") return &a_.section;
        if (k == "source") return &a_.source;
        if (k == "lang") return &a_.lang;
        if (k == "text") return &a_.text;
        if (k == "origin") return &a_.origin;
        if (k == "id") return &a_.stable_id;
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
