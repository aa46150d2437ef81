#include "util/text.h"

#include <gtest/gtest.h>

#include <random>
#include <string>

namespace granska::text {
namespace {

TEST(Text, CollapseWhitespaceTrimsAndJoinsRunsWithOneSpace) {
  EXPECT_EQ(collapse_whitespace(""), "");
  EXPECT_EQ(collapse_whitespace(" \t\n\r\f"), "");
  EXPECT_EQ(collapse_whitespace("a"), "a");
  EXPECT_EQ(collapse_whitespace("  Läs \n\t mer  om  oss\f"), "Läs mer om oss");
  EXPECT_EQ(collapse_whitespace("a\u00a0 b"), "a\u00a0 b");  // no-break space is not HTML whitespace
  EXPECT_EQ(collapse_whitespace(std::string("a\0 b", 4)), std::string("a\0 b", 4));
}

// Against the plain definition, on random strings over a small alphabet rich in spaces.
TEST(Text, CollapseWhitespaceMatchesItsDefinition) {
  auto reference = [](std::string_view s) {
    std::string out;
    for (char c : s) {
      if (is_html_space(c)) {
        if (!out.empty() && out.back() != ' ') out += ' ';
      } else {
        out += c;
      }
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
  };
  std::mt19937 rng(7);
  const std::string alphabet = " \t\nab\xc3\xa5";
  for (int n = 0; n < 2000; ++n) {
    std::string s;
    std::size_t len = rng() % 24;
    for (std::size_t i = 0; i < len; ++i) s += alphabet[rng() % alphabet.size()];
    EXPECT_EQ(collapse_whitespace(s), reference(s)) << s;
  }
}

}  // namespace
}  // namespace granska::text
