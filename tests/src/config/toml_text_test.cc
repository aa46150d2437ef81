#include "config/toml_text.h"

#include <gtest/gtest.h>

namespace granska::config {
namespace {

TEST(TomlText, NonAsciiInStringsAndCommentsIsFine) {
  EXPECT_EQ(stray_non_ascii_line("name_sv = \"Stadsbyggnadsnämnden\" # nämnd\n"), 0u);
  EXPECT_EQ(stray_non_ascii_line("a = 'Malmö'\nb = \"\"\"\nflera\nrader: åäö\"\"\"\nc = '''\nrå ''' \n"), 0u);
  EXPECT_EQ(stray_non_ascii_line("a = \"citat \\\" ö\"\n"), 0u) << "an escaped quote does not end the string";
  EXPECT_EQ(stray_non_ascii_line("a = \"\"\"slutar med citattecken\"\"\"\"\"\nb = \"ö\"\n"), 0u)
      << "two quotes before the closing delimiter belong to the string";
  EXPECT_EQ(stray_non_ascii_line("\xEF\xBB\xBF" "a = 1\n"), 0u) << "a byte order mark";
}

TEST(TomlText, NonAsciiOutsideQuotesIsFoundWithItsLine) {
  EXPECT_EQ(stray_non_ascii_line("a = 1\nnämnd = 2\n"), 2u);
  EXPECT_EQ(stray_non_ascii_line("a = \"x\"\xC2\xA1\n"), 1u);
  EXPECT_EQ(stray_non_ascii_line("a = \"\"\"\n\n\"\"\"\n\xE3\x80\x80= 1\n"), 4u);
  // A quote inside a bare value starts no string (toml++ reads on): found by Fuzz.fuzz_config.
  EXPECT_EQ(stray_non_ascii_line("a = [\"9 \xC2\xA7\",3\"9\xC2\xA7\"]\n"), 1u);
  // What a line-ending backslash trims is classified by toml++ as whitespace.
  EXPECT_EQ(stray_non_ascii_line("a = \"\"\"x \\\n  \xC2\xA0y\"\"\"\n"), 2u);
}

}  // namespace
}  // namespace granska::config
