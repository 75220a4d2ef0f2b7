#include "analysis/tokens.h"

#include "analysis/fold.h"

#include <xapian.h>

namespace hemeroteca::analysis {

namespace {

struct Run {
    std::size_t begin = 0;
    std::size_t end = 0;
    bool all_letters = true;
    bool all_digits = true;
    std::size_t chars = 0;
};

class Scanner {
public:
    explicit Scanner(std::string_view text) : text_(text) {}

    // Next run of word characters at or after `pos`; false at the end.
    bool next_run(std::size_t pos, Run& run) const {
        Xapian::Utf8Iterator it(text_.data() + pos, text_.size() - pos);
        const Xapian::Utf8Iterator end;
        while (it != end && !Xapian::Unicode::is_wordchar(*it)) ++it;
        if (it == end) return false;
        run = Run{};
        run.begin = offset(it);
        for (; it != end && Xapian::Unicode::is_wordchar(*it); ++it) {
            const unsigned ch = *it;
            const bool digit = ch >= '0' && ch <= '9';
            const bool mark = ch >= 0x300 && ch <= 0x36F;
            if (!mark) ++run.chars;
            if (!digit) run.all_digits = false;
            if (digit ||
                (!mark && Xapian::Unicode::get_category(ch) == Xapian::Unicode::DECIMAL_DIGIT_NUMBER))
                run.all_letters = false;
        }
        run.end = it == end ? text_.size() : offset(it);
        return true;
    }

    char at(std::size_t i) const { return i < text_.size() ? text_[i] : '\0'; }
    std::string_view slice(std::size_t b, std::size_t e) const { return text_.substr(b, e - b); }
    std::size_t size() const { return text_.size(); }

private:
    std::size_t offset(const Xapian::Utf8Iterator& it) const {
        return static_cast<std::size_t>(it.raw() - text_.data());
    }
    std::string_view text_;
};

bool is_ascii_digit(char c) { return c >= '0' && c <= '9'; }

// Extends an acronym "EE.UU." starting at `first`; returns the number of groups.
std::size_t extend_acronym(const Scanner& s, const Run& first, std::size_t& end, std::string& joined) {
    std::size_t groups = 1;
    Run run = first;
    joined.assign(s.slice(first.begin, first.end));
    end = first.end;
    while (s.at(run.end) == '.') {
        Run next;
        if (!s.next_run(run.end + 1, next) || next.begin != run.end + 1) break;
        if (!next.all_letters || next.chars > 2) break;
        joined += s.slice(next.begin, next.end);
        run = next;
        end = next.end;
        ++groups;
    }
    if (groups > 1 && s.at(end) == '.') ++end; // the closing dot belongs to it
    return groups;
}

// Extends "15.000.000" starting at `first`; returns the number of dot groups.
std::size_t extend_number(const Scanner& s, const Run& first, std::size_t& end, std::string& joined) {
    std::size_t groups = 0;
    joined.assign(s.slice(first.begin, first.end));
    end = first.end;
    while (s.at(end) == '.' && is_ascii_digit(s.at(end + 1)) && is_ascii_digit(s.at(end + 2)) &&
           is_ascii_digit(s.at(end + 3))) {
        Run next;
        if (!s.next_run(end + 1, next) || !next.all_digits || next.end - next.begin != 3) break;
        joined += s.slice(next.begin, next.end);
        end = next.end;
        ++groups;
    }
    return groups;
}

} // namespace

void tokenize(std::string_view text, const std::function<void(const Token&)>& sink) {
    const Scanner s(text);
    std::size_t pos = 0;
    Run run;
    while (pos < s.size() && s.next_run(pos, run)) {
        Token tok;
        tok.begin = run.begin;
        std::size_t end = run.end;
        std::string joined;
        if (run.all_letters && run.chars <= 2 && extend_acronym(s, run, end, joined) > 1) {
            tok.text = fold(joined);
        } else if (run.all_digits && run.chars <= 3 && extend_number(s, run, end, joined) > 0) {
            tok.text = joined;
        } else {
            end = run.end;
            tok.text = fold(s.slice(run.begin, run.end));
        }
        tok.end = end;
        pos = end;
        sink(tok);
    }
}

std::string normalize(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    std::size_t copied = 0;
    tokenize(text, [&](const Token& tok) {
        out.append(text.substr(copied, tok.begin - copied));
        out += tok.text;
        copied = tok.end;
    });
    out.append(text.substr(copied));
    return out;
}

} // namespace hemeroteca::analysis
