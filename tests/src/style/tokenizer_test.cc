// CSS Syntax Level 3 tokenization: token kinds, escapes, numbers, URLs, error tokens, and
// random input (seeded, so a failure repeats).
#include "style/tokenizer.h"

#include <gtest/gtest.h>

#include <random>

namespace granska::style {
namespace {

using T = TokenType;

std::vector<Token> tokens(std::string_view css, std::deque<std::string>& arena) {
  return tokenize_all(css, arena);
}

std::vector<T> kinds(std::string_view css) {
  std::deque<std::string> arena;
  std::vector<T> out;
  for (const Token& t : tokens(css, arena)) out.push_back(t.type);
  return out;
}

TEST(CssTokenizer, Basics) {
  EXPECT_EQ(kinds("a{color:red}"), (std::vector<T>{T::Ident, T::LeftBrace, T::Ident, T::Colon, T::Ident,
                                                   T::RightBrace}));
  EXPECT_EQ(kinds("@media (x) ;,[]"), (std::vector<T>{T::AtKeyword, T::Whitespace, T::LeftParen, T::Ident,
                                                     T::RightParen, T::Whitespace, T::Semicolon, T::Comma,
                                                     T::LeftBracket, T::RightBracket}));
  EXPECT_EQ(kinds("<!-- -->"), (std::vector<T>{T::Cdo, T::Whitespace, T::Cdc}));
  EXPECT_EQ(kinds("a/* comment */b"), (std::vector<T>{T::Ident, T::Ident}));
  EXPECT_EQ(kinds("a /* unterminated"), (std::vector<T>{T::Ident, T::Whitespace}));
}

TEST(CssTokenizer, Numbers) {
  std::deque<std::string> arena;
  auto t = tokens("12 -3.5e2 +.5% 10px 1e3em -0", arena);
  ASSERT_EQ(t.size(), 11u);
  EXPECT_EQ(t[0].type, T::Number);
  EXPECT_TRUE(t[0].integer);
  EXPECT_EQ(t[2].number, -350);
  EXPECT_FALSE(t[2].integer);
  EXPECT_EQ(t[4].type, T::Percentage);
  EXPECT_EQ(t[4].number, 0.5);
  EXPECT_EQ(t[6].type, T::Dimension);
  EXPECT_EQ(t[6].unit, "px");
  EXPECT_EQ(t[8].number, 1000);
  EXPECT_EQ(t[8].unit, "em");
  auto huge = tokens("1e999999px", arena);
  ASSERT_EQ(huge.size(), 1u);
  EXPECT_TRUE(std::isfinite(huge[0].number));
}

TEST(CssTokenizer, EscapesAndHashes) {
  std::deque<std::string> arena;
  auto t = tokens("#\\31 a .a\\:b \\0 #-x #1", arena);
  ASSERT_GE(t.size(), 7u);
  EXPECT_EQ(t[0].type, T::Hash);
  EXPECT_EQ(t[0].value, "1a");
  EXPECT_TRUE(t[0].hash_id);
  EXPECT_EQ(t[3].value, "a:b");
  EXPECT_EQ(t[5].value, "\xEF\xBF\xBD");  // \0 is U+FFFD
  EXPECT_EQ(t[t.size() - 1].type, T::Hash);
  EXPECT_FALSE(t[t.size() - 1].hash_id);  // #1 does not start an identifier
}

TEST(CssTokenizer, StringsAndUrls) {
  std::deque<std::string> arena;
  auto t = tokens("'a\\'b'", arena);
  ASSERT_EQ(t.size(), 1u);
  EXPECT_EQ(t[0].type, T::String);
  EXPECT_EQ(t[0].value, "a'b");
  EXPECT_EQ(kinds("\"x\ny\""), (std::vector<T>{T::BadString, T::Whitespace, T::Ident, T::String}));
  auto u = tokens("url( a.png )", arena);
  ASSERT_EQ(u.size(), 1u);
  EXPECT_EQ(u[0].type, T::Url);
  EXPECT_EQ(u[0].value, "a.png");
  EXPECT_EQ(kinds("url(\"q\")"), (std::vector<T>{T::Function, T::String, T::RightParen}));
  EXPECT_EQ(kinds("url(a b) x"), (std::vector<T>{T::BadUrl, T::Whitespace, T::Ident}));
  EXPECT_EQ(kinds("url(a\"b) x"), (std::vector<T>{T::BadUrl, T::Whitespace, T::Ident}));
}

TEST(CssTokenizer, NewlinesAndNul) {
  EXPECT_EQ(kinds("a\r\nb"), (std::vector<T>{T::Ident, T::Whitespace, T::Ident}));
  std::deque<std::string> arena;
  std::string with_nul("a\0b", 3);
  auto t = tokens(with_nul, arena);
  ASSERT_EQ(t.size(), 1u);
  EXPECT_EQ(t[0].value, "a\xEF\xBF\xBD" "b");
}

// Random bytes, and random mixes of CSS's special characters: the tokenizer ends, every
// token lies within the input, and tokens follow each other without overlap.
TEST(CssTokenizer, RandomInputIsTokenizedWithoutTrouble) {
  std::mt19937 rng(20261207);
  const std::string alphabet = "{}()[];:,.#@!'\"\\/*-+<>=%0123456789abcdefurl \n\t\r\f\x01\xC3\xA5\xFF";
  for (int round = 0; round < 2000; ++round) {
    std::string input;
    std::size_t len = rng() % 300;
    bool bytes = round % 2 == 0;
    for (std::size_t i = 0; i < len; ++i) {
      input += bytes ? static_cast<char>(rng() % 256) : alphabet[rng() % alphabet.size()];
    }
    std::deque<std::string> arena;
    Tokenizer tok(input, arena);
    std::uint32_t last_end = 0;
    std::size_t count = 0;
    while (true) {
      Token t = tok.next();
      if (t.type == T::Eof) break;
      ASSERT_LE(last_end, t.begin) << "round " << round;
      ASSERT_LT(t.begin, t.end) << "round " << round;
      ASSERT_LE(t.end, input.size()) << "round " << round;
      last_end = t.end;
      ASSERT_LT(++count, input.size() + 2) << "round " << round;
    }
  }
}

}  // namespace
}  // namespace granska::style
