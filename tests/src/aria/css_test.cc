// The small CSS reader: declarations, style sheets and media queries.
#include "aria/css.h"

#include <gtest/gtest.h>

namespace granska::aria::css {
namespace {

std::vector<Declaration> decls(std::string_view text) {
  std::vector<Declaration> out;
  parse_declarations(text, out);
  return out;
}

TEST(AriaCss, ParsesDeclarations) {
  auto d = decls(" color : red ; DISPLAY:none!important;margin:0 ");
  ASSERT_EQ(d.size(), 3u);
  EXPECT_EQ(d[0].property, "color");
  EXPECT_EQ(d[0].value, "red");
  EXPECT_FALSE(d[0].important);
  EXPECT_EQ(d[1].property, "DISPLAY");
  EXPECT_EQ(d[1].value, "none");
  EXPECT_TRUE(d[1].important);
  EXPECT_EQ(d[2].value, "0");
}

TEST(AriaCss, DeclarationsSurviveGarbage) {
  auto d = decls(";;: ;display;color:red;; font-family: 'a;b', \"c}d\" ; {x:y} visibility : hidden ! IMPORTANT");
  ASSERT_EQ(d.size(), 3u);
  EXPECT_EQ(d[0].property, "color");
  EXPECT_EQ(d[1].value, "'a;b', \"c}d\"");
  EXPECT_EQ(d[2].property, "visibility");
  EXPECT_TRUE(d[2].important);
}

TEST(AriaCss, WinningDeclaration) {
  auto d = decls("display:none; display:block");
  EXPECT_EQ(winning_declaration(d, "display")->value, "block");
  d = decls("display:none !important; display:block");
  EXPECT_EQ(winning_declaration(d, "Display")->value, "none");
  EXPECT_EQ(winning_declaration(d, "color"), nullptr);
}

TEST(AriaCss, StripsCommentsButNotStrings) {
  std::string storage;
  EXPECT_EQ(strip_comments("a{}", storage), "a{}");
  EXPECT_EQ(strip_comments("a/* x */b '/*keep*/' /* unterminated", storage), "a b '/*keep*/'  ");
}

TEST(AriaCss, ParsesStyleSheets) {
  StyleSheet sheet = StyleSheet::parse(
      "<!-- @charset 'utf-8'; .a, .b > c { display : none } /* gone */ @media print { .p { color: red } }"
      "@media screen { .s { visibility: hidden } } @font-face { font-family: x } "
      "@supports (display:grid) { .g { display: grid } } .broken { color: red -->");
  const auto& rules = sheet.rules();
  ASSERT_EQ(rules.size(), 4u);
  EXPECT_EQ(rules[0].selector, ".a, .b > c");
  EXPECT_EQ(rules[0].declarations[0].value, "none");
  EXPECT_EQ(rules[1].selector, ".s");
  EXPECT_EQ(rules[2].selector, ".g");
  EXPECT_EQ(rules[3].selector, ".broken");
}

TEST(AriaCss, NestedRulesAreFlagged) {
  StyleSheet sheet = StyleSheet::parse(".card { color: red; & .x { display: none } @media screen { display: block } }");
  const auto& rules = sheet.rules();
  ASSERT_EQ(rules.size(), 3u);
  EXPECT_EQ(rules[0].selector, ".card");
  EXPECT_FALSE(rules[0].nested);
  EXPECT_EQ(rules[1].selector, "& .x");
  EXPECT_TRUE(rules[1].nested);
  EXPECT_EQ(rules[2].selector, ".card");  // @media inside a rule applies to the rule's selector
  EXPECT_EQ(rules[2].declarations[0].value, "block");
}

TEST(AriaCss, SurvivesUnbalancedAndDeepInput) {
  std::string deep(10000, '{');
  StyleSheet a = StyleSheet::parse(deep);
  EXPECT_TRUE(a.rules().empty());
  StyleSheet b = StyleSheet::parse("}}} .x { display: none } @media {");
  ASSERT_EQ(b.rules().size(), 1u);
  StyleSheet moved = std::move(b);
  EXPECT_EQ(moved.rules()[0].selector, ".x");  // views stay valid after a move
}

struct MediaCase {
  const char* query;
  bool matches;
};

class AriaCssMedia : public ::testing::TestWithParam<MediaCase> {};

TEST_P(AriaCssMedia, Evaluates) { EXPECT_EQ(media_matches(GetParam().query), GetParam().matches) << GetParam().query; }

INSTANTIATE_TEST_SUITE_P(AriaCssMediaQueries, AriaCssMedia,
                         ::testing::Values(MediaCase{"", true}, MediaCase{"all", true}, MediaCase{"SCREEN", true},
                                           MediaCase{"print", false}, MediaCase{"not print", true},
                                           MediaCase{"screen, print", true}, MediaCase{"speech", false},
                                           MediaCase{"screen and (max-width: 600px)", false},
                                           MediaCase{"only screen and (min-width:768px)", true},
                                           MediaCase{"(min-width: 40em)", true},
                                           MediaCase{"(max-width: 79.99em)", false},
                                           MediaCase{"(width >= 600px)", true},
                                           MediaCase{"(400px < width < 1300px)", true},
                                           MediaCase{"(width < 1024px)", false},
                                           MediaCase{"(orientation: landscape)", true},
                                           MediaCase{"(prefers-reduced-motion: reduce)", false},
                                           MediaCase{"(prefers-color-scheme: dark)", false},
                                           MediaCase{"(hover)", true},
                                           MediaCase{"not (hover)", false},
                                           MediaCase{"(min-resolution: 2dppx)", false},
                                           MediaCase{"(-webkit-min-device-pixel-ratio: 1)", true},
                                           MediaCase{"(banana: 1)", false},
                                           MediaCase{"screen and (min-width: 1px) and (max-width: 2000px)", true},
                                           MediaCase{"(max-width: 600px) or (min-width: 1000px)", true},
                                           MediaCase{"screen and", false}));

}  // namespace
}  // namespace granska::aria::css
