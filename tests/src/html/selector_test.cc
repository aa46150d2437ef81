#include "html/selector.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "support/test_paths.h"

namespace granska::html {
namespace {

std::vector<std::string> ids_of(const Document& doc, std::string_view selector) {
  auto sel = Selector::parse(selector);
  EXPECT_TRUE(sel.ok()) << (sel.ok() ? "" : sel.error().message);
  std::vector<std::string> out;
  if (!sel.ok()) return out;
  for (const Node* e : sel->select_all(doc)) out.emplace_back(e->attr("id").value_or("?"));
  return out;
}

using Ids = std::vector<std::string>;

class SelectorMatching : public ::testing::Test {
 protected:
  std::unique_ptr<Document> doc = Document::parse(R"(
    <main id=m class="wide page">
      <nav id=n><ul id=u><li id=l1 class=first><a id=a1 href="/start" lang="sv-SE">Start</a></li>
      <li id=l2><a id=a2 href="https://malmo.se/x.pdf" data-kind="PDF doc">PDF</a></li></ul></nav>
      <p id=p1>Text</p><p id=p2 title="">Mer</p><div id=d><p id=p3>Inne</p></div>
    </main>)");
};

TEST_F(SelectorMatching, TypeIdClass) {
  EXPECT_EQ(ids_of(*doc, "li"), (Ids{"l1", "l2"}));
  EXPECT_EQ(ids_of(*doc, "#p2"), (Ids{"p2"}));
  EXPECT_EQ(ids_of(*doc, ".first"), (Ids{"l1"}));
  EXPECT_EQ(ids_of(*doc, "main.page.wide"), (Ids{"m"}));
  EXPECT_EQ(ids_of(*doc, "P#p1"), (Ids{"p1"}));
}

TEST_F(SelectorMatching, Attributes) {
  EXPECT_EQ(ids_of(*doc, "[title]"), (Ids{"p2"}));
  EXPECT_EQ(ids_of(*doc, "a[href^='https:']"), (Ids{"a2"}));
  EXPECT_EQ(ids_of(*doc, "a[href$=\".pdf\"]"), (Ids{"a2"}));
  EXPECT_EQ(ids_of(*doc, "a[href*=malmo]"), (Ids{"a2"}));
  EXPECT_EQ(ids_of(*doc, "[href=\"/start\"]"), (Ids{"a1"}));
  EXPECT_EQ(ids_of(*doc, "[data-kind~=doc]"), (Ids{"a2"}));
  EXPECT_EQ(ids_of(*doc, "[data-kind~=pdf i]"), (Ids{"a2"}));
  EXPECT_EQ(ids_of(*doc, "[lang|=sv]"), (Ids{"a1"}));
  EXPECT_EQ(ids_of(*doc, "[href^='']"), (Ids{}));
}

TEST_F(SelectorMatching, Combinators) {
  EXPECT_EQ(ids_of(*doc, "main p"), (Ids{"p1", "p2", "p3"}));
  EXPECT_EQ(ids_of(*doc, "main > p"), (Ids{"p1", "p2"}));
  EXPECT_EQ(ids_of(*doc, "nav li > a"), (Ids{"a1", "a2"}));
  EXPECT_EQ(ids_of(*doc, "p + p"), (Ids{"p2"}));
  EXPECT_EQ(ids_of(*doc, "nav ~ div p"), (Ids{"p3"}));
  EXPECT_EQ(ids_of(*doc, "#p1, #a1 ,li.first"), (Ids{"l1", "a1", "p1"}));  // tree order
}

TEST_F(SelectorMatching, PseudoClasses) {
  EXPECT_EQ(ids_of(*doc, "li:first-child"), (Ids{"l1"}));
  EXPECT_EQ(ids_of(*doc, "li:last-child"), (Ids{"l2"}));
  EXPECT_EQ(ids_of(*doc, "main > p:nth-of-type(2)"), (Ids{"p2"}));
  EXPECT_EQ(ids_of(*doc, "main > :nth-child(2n+1)"), (Ids{"n", "p2"}));
  EXPECT_EQ(ids_of(*doc, "p:not(#p1):not([title])"), (Ids{"p3"}));
  EXPECT_EQ(ids_of(*doc, "div > p:only-child"), (Ids{"p3"}));
}

TEST(Selector, RejectsWhatItCannotMatch) {
  for (const char* bad : {"", "  ", "p >", "a[href", "p:hover", "::before", "a,", "#", "p:nth-child(x)", "a[x~]"}) {
    EXPECT_FALSE(Selector::parse(bad).ok()) << bad;
  }
}

TEST(Selector, Specificity) {
  auto doc = Document::parse("<div id=a class=b><p class=c>x</p></div>");
  auto sel = Selector::parse("p, .b .c, #a p.c");
  ASSERT_TRUE(sel.ok());
  const Node* p = doc->elements().back();
  EXPECT_EQ(sel->specificity_for(*p), (Selector::Specificity{1, 1, 1}));
}

TEST(Selector, EscapedIdentifiers) {
  EXPECT_EQ(css_escape_identifier("1a"), "\\31 a");
  EXPECT_EQ(css_escape_identifier("a.b:c"), "a\\.b\\:c");
  EXPECT_EQ(css_escape_identifier("-"), "\\-");
  EXPECT_EQ(css_escape_identifier("åsa"), "åsa");
  auto doc = Document::parse("<p id='1a'>x</p><p id='a.b:c'>y</p><p id='-9'>z</p>");
  for (const Node* e : doc->elements()) {
    if (!e->attr("id")) continue;
    auto sel = Selector::parse("#" + css_escape_identifier(*e->attr("id")));
    ASSERT_TRUE(sel.ok());
    EXPECT_EQ(sel->select_all(*doc), std::vector<const Node*>{e});
  }
}

// The unique selector of every element, run back through the matcher, finds exactly it.
void expect_unique_selectors_round_trip(const Document& doc, const std::string& what) {
  for (const Node* e : doc.elements()) {
    std::string path = unique_selector(*e);
    auto sel = Selector::parse(path);
    ASSERT_TRUE(sel.ok()) << what << ": " << path << ": " << sel.error().message;
    EXPECT_EQ(sel->select_all(doc), std::vector<const Node*>{e}) << what << ": " << path;
  }
}

TEST(UniqueSelector, UsesUniqueIdsAndNthOfType) {
  auto doc = Document::parse(
      "<main id=main><p>a</p><p>b<img></p></main><div id=dup></div><div id=dup><span></span></div>");
  const auto& els = doc->elements();
  const Node* img = nullptr;
  const Node* span = nullptr;
  for (const Node* e : els) {
    if (e->is("img")) img = e;
    if (e->is("span")) span = e;
  }
  EXPECT_EQ(unique_selector(*img), "#main > p:nth-of-type(2) > img");
  EXPECT_EQ(unique_selector(*span), "html > body > div:nth-of-type(2) > span");
  expect_unique_selectors_round_trip(*doc, "inline");
}

TEST(UniqueSelector, RoundTripsOnEveryFixturePage) {
  namespace fs = std::filesystem;
  int pages = 0;
  for (const auto& f : fs::recursive_directory_iterator(testing::fixture_path(""))) {
    if (f.path().extension() != ".html" || f.file_size() > 2'000'000) continue;
    std::string rel = fs::relative(f.path(), testing::fixture_path("")).string();
    auto doc = Document::parse(testing::read_fixture(rel));
    expect_unique_selectors_round_trip(*doc, rel);
    ++pages;
  }
  EXPECT_GT(pages, 10);
}

TEST(UniqueSelector, RoundTripsOnAwkwardMarkup) {
  auto doc = Document::parse(
      "<svg><g><circle/><circle/></g><foreignObject><div id='x y'></div></foreignObject></svg>"
      "<table><tr><td>1<td>2</table><p id='#!'><b id=\"a'b\">q</b></p><custom-el><custom-el></custom-el></custom-el>"
      "<template><p>t</p><p>u</p></template>");
  expect_unique_selectors_round_trip(*doc, "awkward");
}

}  // namespace
}  // namespace granska::html
