// The style sheet parser: rules and declarations kept in compact form, CSS Syntax's error
// recovery, nesting, at-rules, and hostile input (deep, huge, random) in bounded time.
#include <gtest/gtest.h>

#include <random>

#include "style/sheet.h"

namespace granska::style {
namespace {

// "selector{prop=value;...}" per rule, for compact assertions.
std::vector<std::string> summary(const Sheet& s) {
  std::vector<std::string> out;
  for (const Rule& r : s.rules) {
    std::string line;
    for (std::uint32_t i = r.first; i < r.end; ++i) {
      const Declaration& d = s.declarations[i];
      if (!line.empty()) line += ";";
      line += d.property == Property::Custom ? d.name : std::string(property_name(d.property));
      if (d.important) line += "!";
    }
    out.push_back(line);
  }
  return out;
}

TEST(CssParser, KeepsTheDeclarationsGranskaComputes) {
  Sheet s = parse_stylesheet("a { color: red; margin: 0; display: none !important; --brand: #c00 }");
  ASSERT_EQ(s.rules.size(), 1u);
  EXPECT_EQ(summary(s), (std::vector<std::string>{"color;display!;--brand"}));
  EXPECT_EQ(s.declarations[2].value.text, "#c00");
  EXPECT_EQ(s.declarations[0].line, 1u);
}

TEST(CssParser, InvalidValuesAreDropped) {
  Sheet s = parse_stylesheet("p { color: blak; color: rgb(1,2); display: nonsense; display: block flow; opacity: x }");
  EXPECT_EQ(summary(s), (std::vector<std::string>{"display"}));
}

TEST(CssParser, ShorthandsExpand) {
  Sheet s = parse_stylesheet("p { background: #fff url(a.png) no-repeat; font: bold 12px/1.5 serif; overflow: hidden }");
  EXPECT_EQ(summary(s), (std::vector<std::string>{"background-color;background-image;background-clip;font-size;"
                                                  "font-weight;line-height;font-family;overflow-x;overflow-y"}));
}

TEST(CssParser, InvalidSelectorDropsTheWholeRule) {
  Sheet s = parse_stylesheet("a, b:nonsense { color: red } c { color: blue } ::-moz-focus-inner { color: red }");
  EXPECT_EQ(s.rules.size(), 1u);
  EXPECT_EQ(s.dropped_rules, 2u);
}

TEST(CssParser, ErrorRecovery) {
  // A broken declaration ends at ';', a stray '}' at top level becomes part of a selector
  // that fails, an unterminated block closes at the end.
  Sheet s = parse_stylesheet("a { color red; color: blue } } b { color: green } c { color: #123");
  EXPECT_EQ(summary(s), (std::vector<std::string>{"color", "color"}));
  // A '(' opens a block that only ')' closes: the rest of the sheet is the bad value.
  Sheet t = parse_stylesheet("a { color: (red; } display: none } b { color: red }");
  EXPECT_TRUE(t.rules.empty());
  Sheet u = parse_stylesheet("@media screen { a { color: red }");
  ASSERT_EQ(u.rules.size(), 1u);
  EXPECT_EQ(u.rules[0].condition, 0);
}

TEST(CssParser, AtRules) {
  Sheet s = parse_stylesheet(
      "@charset \"utf-8\"; @import url(base.css) layer(base) screen; @import 'late.css' print;"
      "@media (min-width: 40em) { a { color: red } }"
      "@supports (display: grid) { b { color: red } }"
      "@supports (banana: yes) { c { color: red } }"
      "@layer reset, theme; @layer theme { d { color: red } }"
      "@font-face { font-family: x; color: red } @keyframes k { from { color: red } }"
      "@container (min-width: 1px) { e { color: red } } @import 'ignored.css';");
  ASSERT_EQ(s.imports.size(), 2u);
  EXPECT_EQ(s.imports[0].url, "base.css");
  EXPECT_EQ(s.imports[0].media, "screen");
  EXPECT_GE(s.imports[0].layer, 0);
  EXPECT_EQ(s.imports[1].media, "print");
  ASSERT_EQ(s.rules.size(), 5u);
  EXPECT_EQ(s.conditions[static_cast<std::size_t>(s.rules[0].condition)].kind, Condition::Kind::Media);
  EXPECT_TRUE(s.conditions[static_cast<std::size_t>(s.rules[1].condition)].supported);
  EXPECT_FALSE(s.conditions[static_cast<std::size_t>(s.rules[2].condition)].supported);
  EXPECT_EQ(s.layers[static_cast<std::size_t>(s.rules[3].layer)], "theme");
  EXPECT_EQ(s.conditions[static_cast<std::size_t>(s.rules[4].condition)].kind, Condition::Kind::Unknown);
  // Layer order is the order of first mention: base (import), reset, theme.
  EXPECT_EQ(s.layers, (std::vector<std::string>{"base", "reset", "theme"}));
}

TEST(CssParser, Nesting) {
  Sheet s = parse_stylesheet(".card { color: red; &:hover { color: blue } .x { color: green } color: black;"
                             "@media screen { color: white } a:visited { color: gray } }");
  ASSERT_EQ(s.rules.size(), 6u);
  // The parent's declarations before its nested rules, then the nested rules, then a group
  // for the declarations that follow them.
  EXPECT_EQ(s.rules[0].end - s.rules[0].first, 1u);
  EXPECT_EQ(s.rules[3].end - s.rules[3].first, 1u);
  EXPECT_GE(s.rules[4].condition, 0);  // @media inside the rule: its declarations, conditional
}

TEST(CssParser, StyleAttributes) {
  std::vector<Declaration> d;
  parse_declaration_list("color: red; } display: none; p { color: blue } ; DISPLAY: BLOCK !IMPORTANT", d);
  ASSERT_EQ(d.size(), 3u);
  EXPECT_EQ(d[0].property, Property::Color);
  EXPECT_EQ(d[1].property, Property::Display);
  EXPECT_TRUE(d[2].important);
}

TEST(CssParser, DeeplyNestedBlocksDoNotRecurse) {
  std::string deep(200000, '{');
  Sheet a = parse_stylesheet(deep);
  EXPECT_TRUE(a.rules.empty());
  std::string nested;
  for (int i = 0; i < 100000; ++i) nested += "@media screen {";
  nested += "a { color: red }";
  Sheet b = parse_stylesheet(nested);
  EXPECT_TRUE(b.rules.empty());  // deeper than the open-block limit: skipped whole
  std::string rules;
  for (int i = 0; i < 50000; ++i) rules += ".a { color: red; ";
  Sheet c = parse_stylesheet(rules);
  EXPECT_GE(c.rules.size(), 200u);
  std::string parens(100000, '(');
  Sheet d = parse_stylesheet("a { color: " + parens + " } b { color: red }");
  EXPECT_LE(d.rules.size(), 1u);
}

TEST(CssParser, LargeSheets) {
  std::string many;
  for (int i = 0; i < 100000; ++i) many += ".c" + std::to_string(i) + " .x > p:not(.y) { color: #123 }\n";
  Sheet s = parse_stylesheet(many);
  EXPECT_EQ(s.rules.size(), 100000u);
  EXPECT_EQ(s.by_tag.at("p").size(), 100000u);  // filed under their subject's type
  std::string big(10 * 1024 * 1024, 'a');
  Sheet t = parse_stylesheet(big);
  EXPECT_TRUE(t.rules.empty());
}

TEST(CssParser, RandomInputParses) {
  std::mt19937 rng(42);
  const std::vector<std::string> pieces = {"a", ".b", "#c", " ", "{", "}", ";", ":", "color", "display", "none",
                                           "red", "@media", "@import", "@layer", "screen", "(", ")", "[", "]",
                                           "'", "\"", "/*", "*/", "\\", "!important", "var(--x)", "--x", ",",
                                           "&", "@supports", "url(", "calc(1px + 2em)", "\n", "\xC3\xA5", "\x00"};
  for (int round = 0; round < 1000; ++round) {
    std::string input;
    std::size_t n = rng() % 200;
    for (std::size_t i = 0; i < n; ++i) input += pieces[rng() % pieces.size()];
    Sheet s = parse_stylesheet(input);
    for (const Rule& r : s.rules) {
      ASSERT_LE(r.first, r.end);
      ASSERT_LE(r.end, s.declarations.size());
    }
    std::vector<Declaration> d;
    parse_declaration_list(input, d);
  }
  for (int round = 0; round < 300; ++round) {
    std::string bytes;
    std::size_t n = rng() % 500;
    for (std::size_t i = 0; i < n; ++i) bytes += static_cast<char>(rng() % 256);
    Sheet s = parse_stylesheet(bytes);
    EXPECT_LE(s.rules.size(), bytes.size());
  }
}

}  // namespace
}  // namespace granska::style
