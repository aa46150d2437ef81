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

TEST(Selector, RejectsInvalidSyntax) {
  for (const char* bad : {"", "  ", "p >", "a[href", "a,", "#", "p:nth-child(x)", "a[x~]", "p:bogus", "::bogus",
                          "p::before span", ":-moz-focusring", "a:has(::before)", "svg|rect"}) {
    EXPECT_FALSE(Selector::parse(bad).ok()) << bad;
  }
}

TEST_F(SelectorMatching, StatesOfAPageAtRestNeverMatch) {
  // Valid selectors for other moments or other boxes: they parse, and match nothing.
  EXPECT_EQ(ids_of(*doc, "a:hover"), (Ids{}));
  EXPECT_EQ(ids_of(*doc, "p::before"), (Ids{}));
  EXPECT_EQ(ids_of(*doc, "a:visited"), (Ids{}));
  EXPECT_EQ(ids_of(*doc, "a:focus-within, p:target"), (Ids{}));
}

TEST_F(SelectorMatching, SelectorsLevel4) {
  EXPECT_EQ(ids_of(*doc, ":is(nav, div) > :where(ul, p)"), (Ids{"u", "p3"}));
  EXPECT_EQ(ids_of(*doc, "p:not(#p1, [title])"), (Ids{"p3"}));
  EXPECT_EQ(ids_of(*doc, "li:has(> a[href$='.pdf'])"), (Ids{"l2"}));
  EXPECT_EQ(ids_of(*doc, "main > :has(+ div)"), (Ids{"p2"}));
  EXPECT_EQ(ids_of(*doc, ":nth-child(2 of p)"), (Ids{"p2"}));
  EXPECT_EQ(ids_of(*doc, "a:link"), (Ids{"a1", "a2"}));
  EXPECT_EQ(ids_of(*doc, ":lang(sv)"), (Ids{"a1"}));
  EXPECT_EQ(ids_of(*doc, "a[HREF='/START' i]"), (Ids{"a1"}));
  EXPECT_EQ(ids_of(*doc, "div:empty, p:empty"), (Ids{}));
  EXPECT_EQ(ids_of(*doc, ":is(.nope, :bogus) , #d"), (Ids{"d"}));  // :is() forgives its members
}

// :has() looks for its relative selector's subject only where the combinators can put it:
// each case here has a decoy where a too-narrow search would miss or a too-wide one match.
TEST(Selector, HasFindsRelativeSubjectsWhereverTheCombinatorsReach) {
  auto doc = Document::parse(
      "<div id=a><h2 id=h1>x</h2><p id=p1><b id=b1></b></p><h2 id=h2>y</h2><div><p id=p2></p></div>"
      "<h2 id=h3></h2><i></i><span class=t></span><p id=p3></p><h2 id=h4></h2><em><h3></h3></em></div>"
      "<section id=s><em></em><div><i id=deep></i></div></section>");
  EXPECT_EQ(ids_of(*doc, "h2:has(+ p)"), (Ids{"h1"}));
  EXPECT_EQ(ids_of(*doc, "h2:has(+ i + span + p)"), (Ids{"h3"}));
  EXPECT_EQ(ids_of(*doc, "h2:has(~ p)"), (Ids{"h1", "h2", "h3"}));
  EXPECT_EQ(ids_of(*doc, "h2:has(~ * p)"), (Ids{"h1", "h2"}));     // p2 inside a later div
  EXPECT_EQ(ids_of(*doc, "h2:has(+ * > h3)"), (Ids{"h4"}));        // below the next sibling
  EXPECT_EQ(ids_of(*doc, "h2:has(+ p b)"), (Ids{"h1"}));
  EXPECT_EQ(ids_of(*doc, "section:has(> em + div)"), (Ids{"s"}));  // children only
  EXPECT_EQ(ids_of(*doc, "section:has(> i)"), (Ids{}));            // #deep is no child
  EXPECT_EQ(ids_of(*doc, "section:has(> div > i)"), (Ids{"s"}));
  EXPECT_EQ(ids_of(*doc, "section:has(i)"), (Ids{"s"}));
  EXPECT_EQ(ids_of(*doc, "div:has(~ section)"), (Ids{"a"}));
}

TEST(Selector, TriStateForWhatGranskaCannotKnow) {
  auto doc = Document::parse("<input id=i required><my-el id=c></my-el><p id=p>x</p>");
  MatchContext ctx(*doc);
  auto valid = Selector::parse(":valid");
  ASSERT_TRUE(valid.ok());
  EXPECT_EQ(valid->match(*doc->element_by_id("i"), ctx), Match::Maybe);
  EXPECT_EQ(valid->match(*doc->element_by_id("p"), ctx), Match::No);
  auto defined = Selector::parse(":not(:defined)");
  ASSERT_TRUE(defined.ok());
  EXPECT_EQ(defined->match(*doc->element_by_id("c"), ctx), Match::Maybe);
  EXPECT_EQ(defined->match(*doc->element_by_id("p"), ctx), Match::No);
}

TEST(Selector, FormStates) {
  auto doc = Document::parse(
      "<fieldset disabled><legend><input id=a></legend><input id=b></fieldset>"
      "<select id=s><option id=o1>1<option id=o2>2</select><input id=c type=checkbox checked>"
      "<input id=t placeholder=x><textarea id=r readonly></textarea>");
  auto ids = [&](std::string_view sel) {
    std::vector<std::string> out;
    for (const Node* e : Selector::parse(sel)->select_all(*doc)) out.emplace_back(*e->attr("id"));
    return out;
  };
  EXPECT_EQ(ids("input:disabled"), (Ids{"b"}));
  EXPECT_EQ(ids(":checked"), (Ids{"o1", "c"}));
  EXPECT_EQ(ids(":placeholder-shown"), (Ids{"t"}));
  EXPECT_EQ(ids("textarea:read-only, input:read-write"), (Ids{"a", "t", "r"}));
}

TEST(Selector, QuirksModeIgnoresCaseOfClassesAndIds) {
  auto quirks = Document::parse("<p id=Main class=Note>x</p>");  // no doctype
  auto standards = Document::parse("<!DOCTYPE html><p id=Main class=Note>x</p>");
  auto sel = Selector::parse("#main.note");
  ASSERT_TRUE(sel.ok());
  EXPECT_EQ(sel->select_all(*quirks).size(), 1u);
  EXPECT_EQ(sel->select_all(*standards).size(), 0u);
}

TEST(Selector, DeepTreesMatchInLinearTime) {
  // 20,000 nested divs and a selector whose ancestor search would be quadratic without
  // the context's memo; the match must also not recurse with the depth.
  std::string html = "<!DOCTYPE html><div class=top>";
  for (int i = 0; i < 20000; ++i) html += "<div class=d>";
  auto doc = Document::parse(html);
  auto sel = Selector::parse(".top .d .d");
  ASSERT_TRUE(sel.ok());
  MatchContext ctx(*doc);
  std::size_t n = 0;
  for (const Node* e : doc->elements()) n += sel->match(*e, ctx) == Match::Yes;
  EXPECT_EQ(n, 19999u);
  auto none = Selector::parse(".nowhere .d");
  for (const Node* e : doc->elements()) EXPECT_EQ(none->match(*e, ctx), Match::No);
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
