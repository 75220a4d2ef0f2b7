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

// The member a stored key names, or null for a key that is not a field.
std::string* field_of(Article& a, std::string_view key) {
    for (const Field& f : kFields)
        if (key == f.name) return &(a.*f.member);
    return nullptr;
}

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
        target_ = depth_ == 1 ? field_of(a_, k) : nullptr;
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

// The stored object as dump_json writes it, read without a general parser: one
// flat object of string members, whose strings use only the short escapes (\"
// \\ \/ \b \f \n \r \t). False for anything else (a number, nesting, \u, bad
// syntax), which the SAX reader then reads: results are read on every search,
// and the general lexer took 8% of a search's instructions on the 100k mix.
class FlatObjectReader {
public:
    explicit FlatObjectReader(std::string_view data) : s_(data) {}

    bool read(Article& a) {
        if (!skip_ws() || s_[at_++] != '{' || !skip_ws()) return false;
        if (s_[at_] == '}') return ++at_, at_end();
        for (;;) {
            key_.clear();
            if (s_[at_] != '"' || !string(key_) || !skip_ws() || s_[at_++] != ':' || !skip_ws() ||
                s_[at_] != '"')
                return false;
            std::string* target = field_of(a, key_);
            std::string ignored;
            std::string& value = target ? *target : ignored;
            value.clear();
            if (!string(value) || !skip_ws()) return false;
            const char next = s_[at_++];
            if (next == '}') return at_end();
            if (next != ',' || !skip_ws()) return false;
        }
    }

private:
    // Skips white space; false at the end of the data.
    bool skip_ws() {
        while (at_ < s_.size() && (s_[at_] == ' ' || s_[at_] == '\n' || s_[at_] == '\r' || s_[at_] == '\t'))
            ++at_;
        return at_ < s_.size();
    }
    bool at_end() {
        skip_ws();
        return at_ == s_.size();
    }
    // The string opening at s_[at_] (a '"'), unescaped into `out`.
    bool string(std::string& out) {
        ++at_;
        for (;;) {
            std::size_t run = at_;
            while (run < s_.size() && s_[run] != '"' && s_[run] != '\\' &&
                   static_cast<unsigned char>(s_[run]) >= 0x20)
                ++run;
            out.append(s_, at_, run - at_);
            at_ = run;
            if (at_ >= s_.size() || static_cast<unsigned char>(s_[at_]) < 0x20) return false;
            if (s_[at_++] == '"') return true;
            if (at_ >= s_.size()) return false;
            switch (s_[at_++]) {
            case '"': out += '"'; break;
            case '\\': out += '\\'; break;
            case '/': out += '/'; break;
            case 'b': out += '\b'; break;
            case 'f': out += '\f'; break;
            case 'n': out += '\n'; break;
            case 'r': out += '\r'; break;
            case 't': out += '\t'; break;
            default: return false; // \u (and anything else): the SAX reader's
            }
        }
    }

    std::string_view s_;
    std::size_t at_ = 0;
    std::string key_;
};

} // namespace

Article article_from_stored_json(std::string_view data) {
    Article a;
    if (data.empty() || data.front() != '{') return a;
    FlatObjectReader flat(data);
    if (flat.read(a)) return a;
    a = Article();
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
