#include "style/tokenizer.h"

#include <charconv>
#include <cmath>

#include "util/text.h"

namespace granska::style {

namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_hex(char c) { return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }
bool is_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_non_ascii(char c) { return static_cast<unsigned char>(c) >= 0x80; }
bool is_ident_start(char c) { return is_letter(c) || is_non_ascii(c) || c == '_' || c == '\0'; }
bool is_newline(char c) { return c == '\n' || c == '\r' || c == '\f'; }
bool is_whitespace(char c) { return c == ' ' || c == '\t' || is_newline(c); }
bool non_printable(char c) {
  auto u = static_cast<unsigned char>(c);
  return u <= 0x08 || u == 0x0B || (u >= 0x0E && u <= 0x1F) || u == 0x7F;
}
int hex_value(char c) {
  if (is_digit(c)) return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return c - 'A' + 10;
}

}  // namespace

bool is_ident_char(char c) { return is_letter(c) || is_digit(c) || is_non_ascii(c) || c == '_' || c == '-'; }

bool Token::is_ident(std::string_view name) const {
  return type == TokenType::Ident && text::iequals(value, name);
}
bool Token::is_function(std::string_view name) const {
  return type == TokenType::Function && text::iequals(value, name);
}

Tokenizer::Tokenizer(std::string_view css, std::deque<std::string>& arena)
    : s_(css.substr(0, std::min<std::size_t>(css.size(), 0xFFFFFFF0u))), arena_(arena) {}

std::string& Tokenizer::scratch() { return arena_.emplace_back(); }

std::size_t Tokenizer::newline_length(std::size_t i) const {
  if (at(i) == '\r' && at(i + 1) == '\n') return 2;
  return is_newline(at(i)) ? 1 : 0;
}

// §4.3.8: a backslash not followed by a newline (or the end).
bool Tokenizer::valid_escape(std::size_t i) const {
  return i < s_.size() && s_[i] == '\\' && (i + 1 >= s_.size() ? true : !is_newline(s_[i + 1]));
}

// §4.3.9. A backslash at the very end is a valid escape (it yields U+FFFD).
bool Tokenizer::starts_ident(std::size_t i) const {
  if (i >= s_.size()) return false;
  char c = s_[i];
  if (c == '-') {
    if (i + 1 >= s_.size()) return false;
    char d = s_[i + 1];
    return is_ident_start(d) || d == '-' || valid_escape(i + 1);
  }
  if (c == '\\') return valid_escape(i);
  return is_ident_start(c);
}

// §4.3.10.
bool Tokenizer::starts_number(std::size_t i) const {
  char c = at(i);
  if (c == '+' || c == '-') {
    if (is_digit(at(i + 1))) return i + 1 < s_.size();
    return at(i + 1) == '.' && i + 2 < s_.size() && is_digit(at(i + 2));
  }
  if (c == '.') return i + 1 < s_.size() && is_digit(at(i + 1));
  return i < s_.size() && is_digit(c);
}

// §4.3.7, after the backslash has been consumed.
void Tokenizer::consume_escape(std::string& out) {
  if (pos_ >= s_.size()) {
    out += kReplacement;
    return;
  }
  if (is_hex(s_[pos_])) {
    std::uint32_t cp = 0;
    std::size_t n = 0;
    while (n < 6 && pos_ < s_.size() && is_hex(s_[pos_])) {
      cp = cp * 16 + static_cast<std::uint32_t>(hex_value(s_[pos_]));
      ++pos_;
      ++n;
    }
    if (pos_ < s_.size() && is_whitespace(s_[pos_])) pos_ += std::max<std::size_t>(1, newline_length(pos_));
    if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
      out += kReplacement;
    } else {
      text::append_utf8(out, cp);
    }
    return;
  }
  if (s_[pos_] == '\0') {
    out += kReplacement;
    ++pos_;
    return;
  }
  // Any other code point stands for itself: copy it whole (all its UTF-8 bytes).
  std::size_t len = 1;
  auto lead = static_cast<unsigned char>(s_[pos_]);
  if (lead >= 0xC0) len = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2;
  len = std::min(len, s_.size() - pos_);
  out.append(s_.substr(pos_, len));
  pos_ += len;
}

std::string_view Tokenizer::consume_ident_sequence() {
  std::size_t start = pos_;
  // Fast path: no escape and no NUL, so the value is a slice of the input.
  while (pos_ < s_.size() && is_ident_char(s_[pos_]) ) ++pos_;
  if (pos_ >= s_.size() || (s_[pos_] != '\\' && s_[pos_] != '\0')) return s_.substr(start, pos_ - start);
  std::string& out = scratch();
  out.assign(s_.substr(start, pos_ - start));
  while (pos_ < s_.size()) {
    char c = s_[pos_];
    if (is_ident_char(c)) {
      out += c;
      ++pos_;
    } else if (c == '\0') {
      out += kReplacement;
      ++pos_;
    } else if (valid_escape(pos_)) {
      ++pos_;
      consume_escape(out);
    } else {
      break;
    }
  }
  return out;
}

// §4.3.3 and §4.3.12.
Token Tokenizer::consume_numeric(std::size_t start) {
  Token t;
  std::size_t i = pos_;
  bool integer = true;
  if (at(i) == '+' || at(i) == '-') ++i;
  while (i < s_.size() && is_digit(s_[i])) ++i;
  if (at(i) == '.' && is_digit(at(i + 1)) && i + 1 < s_.size()) {
    integer = false;
    i += 1;
    while (i < s_.size() && is_digit(s_[i])) ++i;
  }
  if ((at(i) == 'e' || at(i) == 'E') && i + 1 < s_.size()) {
    std::size_t j = i + 1;
    if ((at(j) == '+' || at(j) == '-') && is_digit(at(j + 1)) && j + 1 < s_.size()) ++j;
    if (j < s_.size() && is_digit(at(j))) {
      integer = false;
      i = j;
      while (i < s_.size() && is_digit(s_[i])) ++i;
    }
  }
  std::string_view digits = s_.substr(pos_, i - pos_);
  if (!digits.empty() && digits.front() == '+') digits.remove_prefix(1);
  double v = 0;
  auto [p, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), v);
  if (ec == std::errc::result_out_of_range) {
    v = digits.starts_with('-') ? -HUGE_VAL : HUGE_VAL;  // clamped below
  }
  (void)p;
  if (!std::isfinite(v)) v = v < 0 ? -3.4e38 : 3.4e38;
  pos_ = i;
  t.number = v;
  t.integer = integer;
  if (starts_ident(pos_)) {
    t.type = TokenType::Dimension;
    t.unit = consume_ident_sequence();
  } else if (at(pos_) == '%' && pos_ < s_.size()) {
    ++pos_;
    t.type = TokenType::Percentage;
  } else {
    t.type = TokenType::Number;
  }
  t.begin = static_cast<std::uint32_t>(start);
  t.end = static_cast<std::uint32_t>(pos_);
  return t;
}

void Tokenizer::consume_bad_url_remnants() {
  while (pos_ < s_.size()) {
    char c = s_[pos_];
    if (c == ')') {
      ++pos_;
      return;
    }
    if (valid_escape(pos_)) {
      ++pos_;
      std::string ignored;
      consume_escape(ignored);
      continue;
    }
    ++pos_;
  }
}

// §4.3.6, after "url(".
Token Tokenizer::consume_url(std::size_t start) {
  Token t;
  t.type = TokenType::Url;
  while (pos_ < s_.size() && is_whitespace(s_[pos_])) ++pos_;
  std::size_t value_start = pos_;
  std::string* out = nullptr;  // set once an escape or NUL forces a copy
  auto finish = [&](TokenType type) {
    t.type = type;
    t.begin = static_cast<std::uint32_t>(start);
    t.end = static_cast<std::uint32_t>(pos_);
    return t;
  };
  std::size_t value_end = value_start;
  while (true) {
    if (pos_ >= s_.size()) {
      value_end = pos_;
      break;
    }
    char c = s_[pos_];
    if (c == ')') {
      value_end = pos_;
      ++pos_;
      break;
    }
    if (is_whitespace(c)) {
      value_end = pos_;
      while (pos_ < s_.size() && is_whitespace(s_[pos_])) ++pos_;
      if (pos_ >= s_.size()) break;
      if (s_[pos_] == ')') {
        ++pos_;
        break;
      }
      consume_bad_url_remnants();
      return finish(TokenType::BadUrl);
    }
    if (c == '"' || c == '\'' || c == '(' || non_printable(c)) {
      consume_bad_url_remnants();
      return finish(TokenType::BadUrl);
    }
    if (c == '\\' || c == '\0') {
      if (c == '\\' && !valid_escape(pos_)) {
        consume_bad_url_remnants();
        return finish(TokenType::BadUrl);
      }
      if (!out) {
        out = &scratch();
        out->assign(s_.substr(value_start, pos_ - value_start));
      }
      if (c == '\0') {
        *out += kReplacement;
        ++pos_;
      } else {
        ++pos_;
        consume_escape(*out);
      }
      continue;
    }
    if (out) *out += c;
    ++pos_;
  }
  t.value = out ? std::string_view(*out) : s_.substr(value_start, value_end - value_start);
  return finish(TokenType::Url);
}

// §4.3.4.
Token Tokenizer::consume_ident_like(std::size_t start) {
  Token t;
  std::string_view name = consume_ident_sequence();
  t.value = name;
  if (text::iequals(name, "url") && at(pos_) == '(' && pos_ < s_.size()) {
    ++pos_;
    std::size_t j = pos_;
    while (j < s_.size() && is_whitespace(s_[j])) ++j;
    if (at(j) == '"' || at(j) == '\'') {
      t.type = TokenType::Function;  // url("...") is a function with a string argument
    } else {
      return consume_url(start);
    }
  } else if (at(pos_) == '(' && pos_ < s_.size()) {
    ++pos_;
    t.type = TokenType::Function;
  } else {
    t.type = TokenType::Ident;
  }
  t.begin = static_cast<std::uint32_t>(start);
  t.end = static_cast<std::uint32_t>(pos_);
  return t;
}

// §4.3.5, after the opening quote.
Token Tokenizer::consume_string(std::size_t start, char quote) {
  Token t;
  t.type = TokenType::String;
  std::size_t value_start = pos_;
  std::size_t value_end = s_.size();  // unterminated at EOF: a parse error, still a string
  std::string* out = nullptr;
  while (pos_ < s_.size()) {
    char c = s_[pos_];
    if (c == quote) {
      value_end = pos_;
      ++pos_;
      break;
    }
    if (is_newline(c)) {  // reconsumed: the newline stays for the next token
      t.type = TokenType::BadString;
      break;
    }
    if (c == '\\' || c == '\0') {
      if (!out) {
        out = &scratch();
        out->assign(s_.substr(value_start, pos_ - value_start));
      }
      if (c == '\0') {
        *out += kReplacement;
        ++pos_;
      } else if (pos_ + 1 >= s_.size()) {
        ++pos_;  // backslash at EOF: nothing
      } else if (is_newline(s_[pos_ + 1])) {
        pos_ += 1 + newline_length(pos_ + 1);  // line continuation
      } else {
        ++pos_;
        consume_escape(*out);
      }
      continue;
    }
    if (out) *out += c;
    ++pos_;
  }
  if (t.type == TokenType::String) t.value = out ? std::string_view(*out) : s_.substr(value_start, value_end - value_start);
  t.begin = static_cast<std::uint32_t>(start);
  t.end = static_cast<std::uint32_t>(pos_);
  return t;
}

Token Tokenizer::next() {
  // Comments (§4.3.2) produce nothing; an unterminated one runs to the end.
  while (at(pos_) == '/' && at(pos_ + 1) == '*' && pos_ + 1 < s_.size()) {
    std::size_t end = s_.find("*/", pos_ + 2);
    pos_ = end == std::string_view::npos ? s_.size() : end + 2;
  }
  std::size_t start = pos_;
  Token t;
  t.begin = t.end = static_cast<std::uint32_t>(start);
  if (pos_ >= s_.size()) return t;
  char c = s_[pos_];
  auto simple = [&](TokenType type) {
    ++pos_;
    t.type = type;
    t.end = static_cast<std::uint32_t>(pos_);
    return t;
  };
  auto delim = [&] {
    std::size_t len = 1;
    auto lead = static_cast<unsigned char>(c);
    if (lead >= 0xC0) len = std::min<std::size_t>(lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2, s_.size() - pos_);
    t.type = TokenType::Delim;
    t.value = c == '\0' ? kReplacement : s_.substr(pos_, len);
    pos_ += len;
    t.end = static_cast<std::uint32_t>(pos_);
    return t;
  };
  if (is_whitespace(c)) {
    while (pos_ < s_.size() && is_whitespace(s_[pos_])) ++pos_;
    t.type = TokenType::Whitespace;
    t.end = static_cast<std::uint32_t>(pos_);
    return t;
  }
  switch (c) {
    case '"':
    case '\'':
      ++pos_;
      return consume_string(start, c);
    case '#':
      if (is_ident_char(at(pos_ + 1)) && pos_ + 1 < s_.size()) {
        ++pos_;
        t.hash_id = starts_ident(pos_);
        t.type = TokenType::Hash;
        t.value = consume_ident_sequence();
        t.end = static_cast<std::uint32_t>(pos_);
        return t;
      }
      if (valid_escape(pos_ + 1) || (at(pos_ + 1) == '\0' && pos_ + 1 < s_.size())) {
        ++pos_;
        t.hash_id = starts_ident(pos_);
        t.type = TokenType::Hash;
        t.value = consume_ident_sequence();
        t.end = static_cast<std::uint32_t>(pos_);
        return t;
      }
      return delim();
    case '(': return simple(TokenType::LeftParen);
    case ')': return simple(TokenType::RightParen);
    case ',': return simple(TokenType::Comma);
    case ':': return simple(TokenType::Colon);
    case ';': return simple(TokenType::Semicolon);
    case '[': return simple(TokenType::LeftBracket);
    case ']': return simple(TokenType::RightBracket);
    case '{': return simple(TokenType::LeftBrace);
    case '}': return simple(TokenType::RightBrace);
    case '+':
    case '.':
      if (starts_number(pos_)) return consume_numeric(start);
      return delim();
    case '-':
      if (starts_number(pos_)) return consume_numeric(start);
      if (at(pos_ + 1) == '-' && at(pos_ + 2) == '>' && pos_ + 2 < s_.size()) {
        pos_ += 3;
        t.type = TokenType::Cdc;
        t.end = static_cast<std::uint32_t>(pos_);
        return t;
      }
      if (starts_ident(pos_)) return consume_ident_like(start);
      return delim();
    case '<':
      if (s_.substr(pos_, 4) == "<!--") {
        pos_ += 4;
        t.type = TokenType::Cdo;
        t.end = static_cast<std::uint32_t>(pos_);
        return t;
      }
      return delim();
    case '@':
      if (starts_ident(pos_ + 1)) {
        ++pos_;
        t.type = TokenType::AtKeyword;
        t.value = consume_ident_sequence();
        t.end = static_cast<std::uint32_t>(pos_);
        return t;
      }
      return delim();
    case '\\':
      if (valid_escape(pos_)) return consume_ident_like(start);
      return delim();
    default: break;
  }
  if (is_digit(c)) return consume_numeric(start);
  if (is_ident_start(c)) return consume_ident_like(start);
  return delim();
}

std::vector<Token> tokenize_all(std::string_view css, std::deque<std::string>& arena) {
  Tokenizer t(css, arena);
  std::vector<Token> out;
  while (true) {
    Token tok = t.next();
    if (tok.type == TokenType::Eof) break;
    out.push_back(tok);
  }
  return out;
}

}  // namespace granska::style
