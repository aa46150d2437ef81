// CSS Syntax Level 3 tokenizer (§4): turns style sheet text into tokens, one at a time.
//
// The input is UTF-8 (decode first: style/loader.h does, honouring BOM and @charset).
// Everything the spec preprocesses is handled: CR, CRLF and FF count as one newline, NUL
// and escaped surrogates or out-of-range code points become U+FFFD. The tokenizer never
// fails and never reads past its input; garbage becomes delim or bad-* tokens, as the spec
// says. It keeps no recursion and O(1) state besides the escape arena below.
//
// Token views point into the input or, for values with escapes, into the tokenizer's
// arena; both stay valid until release_arena() or the tokenizer's destruction.
// Not thread-safe (one tokenizer per thread); the input must outlive the tokenizer.
#pragma once

#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

namespace granska::style {

enum class TokenType : std::uint8_t {
  Ident,
  Function,   // value: the name, without "("
  AtKeyword,  // value: the name, without "@"
  Hash,       // value: the name, without "#"; hash_id when it would start an identifier
  String,     // value: the contents, unquoted and unescaped
  BadString,
  Url,        // value: the URL of url(...) written without quotes
  BadUrl,
  Delim,      // value: the one code point (UTF-8)
  Number,
  Percentage,
  Dimension,  // number + unit
  Whitespace,
  Cdo,  // <!--
  Cdc,  // -->
  Colon,
  Semicolon,
  Comma,
  LeftBracket,
  RightBracket,
  LeftParen,
  RightParen,
  LeftBrace,
  RightBrace,
  Eof,
};

struct Token {
  TokenType type = TokenType::Eof;
  bool hash_id = false;     // Hash: type flag "id"
  bool integer = false;     // Number/Percentage/Dimension: type flag "integer"
  std::string_view value;   // see TokenType
  std::string_view unit;    // Dimension
  double number = 0;        // Number/Percentage/Dimension (percentage: 50 for 50%)
  std::uint32_t begin = 0;  // byte offsets of the token in the input
  std::uint32_t end = 0;

  bool is(TokenType t) const { return type == t; }
  // Ident/Function/AtKeyword whose value equals `name` ASCII case-insensitively.
  bool is_ident(std::string_view name) const;
  bool is_function(std::string_view name) const;
  bool is_delim(char c) const { return type == TokenType::Delim && value.size() == 1 && value[0] == c; }
};

class Tokenizer {
 public:
  // `css` must outlive the tokenizer. Inputs over 4 GiB are cut at 4 GiB (offsets are
  // 32-bit); callers cap sheets far below that.
  explicit Tokenizer(std::string_view css) : Tokenizer(css, own_arena_) {}
  // The same, keeping decoded escapes in `arena` (which must outlive the tokens).
  Tokenizer(std::string_view css, std::deque<std::string>& arena);
  Tokenizer(const Tokenizer&) = delete;
  Tokenizer& operator=(const Tokenizer&) = delete;

  Token next();
  bool at_end() const { return pos_ >= s_.size(); }
  // Byte position of the next token: save it with position() and return to it with
  // seek() (CSS Syntax's "mark"/"restore" for declarations that turn out to be rules).
  std::uint32_t position() const { return static_cast<std::uint32_t>(pos_); }
  void seek(std::uint32_t pos) { pos_ = pos; }
  // Forgets the decoded values of escaped tokens; views of earlier tokens die.
  void release_arena() { arena_.clear(); }
  std::string_view input() const { return s_; }

 private:
  // The code point at s_[i] after preprocessing, as ASCII or 0x80 for any non-ASCII
  // byte (all non-ASCII code points behave alike in CSS tokenization); 0 at the end.
  char at(std::size_t i) const { return i < s_.size() ? s_[i] : '\0'; }
  bool valid_escape(std::size_t i) const;
  bool starts_ident(std::size_t i) const;
  bool starts_number(std::size_t i) const;
  std::size_t newline_length(std::size_t i) const;
  void consume_escape(std::string& out);
  // Consumes an ident sequence; returns a view of the input, or of the arena when it
  // had escapes.
  std::string_view consume_ident_sequence();
  Token consume_numeric(std::size_t start);
  Token consume_ident_like(std::size_t start);
  Token consume_string(std::size_t start, char quote);
  Token consume_url(std::size_t start);
  void consume_bad_url_remnants();
  std::string& scratch();

  std::deque<std::string> own_arena_;
  std::string_view s_;
  std::size_t pos_ = 0;
  std::deque<std::string>& arena_;
};

// Tokens of a short text (a value to re-parse after var() substitution), without the
// final Eof. Views point into `css` and `arena`.
std::vector<Token> tokenize_all(std::string_view css, std::deque<std::string>& arena);

// Whether `c` may appear in an identifier (letters, digits, "-", "_", non-ASCII).
bool is_ident_char(char c);

}  // namespace granska::style
