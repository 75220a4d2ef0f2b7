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

    // Next run of word characters at or after `pos`; false at the end. ASCII,
    // most of any text, is classified here; the rest by Xapian's Unicode tables.
    bool next_run(std::size_t pos, Run& run) const {
        std::size_t i = pos;
        unsigned ch = 0;
        std::size_t next = 0;
        while (i < text_.size()) {
            decode(i, ch, next);
            if (is_wordchar(ch)) break;
            i = next;
        }
        if (i >= text_.size()) return false;
        run = Run{};
        run.begin = i;
        while (i < text_.size()) {
            decode(i, ch, next);
            if (!is_wordchar(ch)) break;
            const bool digit = ch >= '0' && ch <= '9';
            const bool mark = ch >= 0x300 && ch <= 0x36F;
            if (!mark) ++run.chars;
            if (!digit) run.all_digits = false;
            if (digit || (ch >= 0x80 && !mark &&
                          Xapian::Unicode::get_category(ch) == Xapian::Unicode::DECIMAL_DIGIT_NUMBER))
                run.all_letters = false;
            i = next;
        }
        run.end = i;
        return true;
    }

    char at(std::size_t i) const { return i < text_.size() ? text_[i] : '\0'; }
    std::string_view slice(std::size_t b, std::size_t e) const { return text_.substr(b, e - b); }
    std::size_t size() const { return text_.size(); }

private:
    // The character at text_[i] (as Xapian's Utf8Iterator reads it, invalid
    // bytes included) and the offset of the next one.
    void decode(std::size_t i, unsigned& ch, std::size_t& next) const {
        const auto b = static_cast<unsigned char>(text_[i]);
        if (b < 0x80) {
            ch = b;
            next = i + 1;
            return;
        }
        Xapian::Utf8Iterator it(text_.data() + i, text_.size() - i);
        ch = *it;
        ++it;
        next =
            it == Xapian::Utf8Iterator() ? text_.size() : static_cast<std::size_t>(it.raw() - text_.data());
    }
    static bool is_wordchar(unsigned ch) {
        if (ch < 0x80)
            return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') ||
                   ch == '_';
        return Xapian::Unicode::is_wordchar(ch);
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

// Extends "COVID-19", "G-20", "F-16" (letters, a hyphen, 1-3 digits) into one
// token, as "Covid19" and "G20" are written too; a year ("Mundial-2022") stays apart.
bool extend_code(const Scanner& s, const Run& first, std::size_t& end, std::string& joined) {
    if (s.at(first.end) != '-' || !is_ascii_digit(s.at(first.end + 1))) return false;
    Run next;
    if (!s.next_run(first.end + 1, next) || next.begin != first.end + 1 || !next.all_digits ||
        next.end - next.begin > 3)
        return false;
    joined.assign(s.slice(first.begin, first.end));
    joined += s.slice(next.begin, next.end);
    end = next.end;
    return true;
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
        } else if (run.all_letters && extend_code(s, run, end, joined)) {
            tok.text = fold(joined);
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
