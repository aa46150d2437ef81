#include "html/dom.h"

#include <gtest/gtest.h>

#include <string>

namespace granska::html {
namespace {

TEST(Dom, ParsesTreeWithParentsAndAttributes) {
  auto doc = Document::parse("<!DOCTYPE html><html lang=sv><body><p id=a CLASS='x y'>Hej <b>du</b></p></body></html>");
  ASSERT_NE(doc->html(), nullptr);
  ASSERT_NE(doc->body(), nullptr);
  ASSERT_NE(doc->head(), nullptr);  // implied by the parser
  EXPECT_TRUE(doc->has_doctype());
  const Node* p = doc->element_by_id("a");
  ASSERT_NE(p, nullptr);
  EXPECT_TRUE(p->is("p"));
  EXPECT_EQ(p->attr("class"), "x y");  // attribute names are lowercased
  EXPECT_EQ(p->parent(), doc->body());
  EXPECT_EQ(p->text_content(), "Hej du");
  EXPECT_FALSE(p->attr("missing").has_value());
  EXPECT_EQ(doc->html()->attr("lang"), "sv");
}

// attr() first asks a 64-bit mask of the element's names: with far more names than bits
// (200; the parser keeps the first 255), every name must still be found with its own
// value, and names it lacks (whose bits are all set) must still be absent.
TEST(Dom, AttributeLookupIsExactWhenNamesShareMaskBits) {
  std::string html = "<!DOCTYPE html><div id=d";
  for (int i = 0; i < 200; ++i) html += " data-n" + std::to_string(i) + "=v" + std::to_string(i);
  html += " x=\"\" aria-label=''></div>";
  auto doc = Document::parse(html);
  const Node* d = doc->element_by_id("d");
  ASSERT_NE(d, nullptr);
  for (int i = 0; i < 200; ++i) {
    EXPECT_EQ(d->attr("data-n" + std::to_string(i)), "v" + std::to_string(i)) << i;
    EXPECT_FALSE(d->attr("data-m" + std::to_string(i)).has_value()) << i;
  }
  EXPECT_EQ(d->attr("x"), "");
  EXPECT_EQ(d->attr("aria-label"), "");  // empty values are present
  EXPECT_TRUE(d->has_attr("id"));
  EXPECT_FALSE(d->has_attr(""));
  EXPECT_FALSE(d->has_attr("aria-labelledby"));
  EXPECT_FALSE(doc->body()->has_attr("id"));
}

TEST(Dom, ElementsAreInTreeOrderWithDescendantSlices) {
  auto doc = Document::parse("<div id=d><span><i></i></span><b></b></div><p></p>");
  const auto& all = doc->elements();
  for (std::size_t i = 0; i < all.size(); ++i) EXPECT_EQ(all[i]->element_index(), i);
  const Node* d = doc->element_by_id("d");
  auto desc = d->descendant_elements();
  ASSERT_EQ(desc.size(), 3u);
  EXPECT_EQ(desc[0]->tag(), "span");
  EXPECT_EQ(desc[1]->tag(), "i");
  EXPECT_EQ(desc[2]->tag(), "b");
  EXPECT_TRUE(d->contains(*desc[1]));
  EXPECT_FALSE(desc[1]->contains(*d));
  EXPECT_EQ(doc->root().descendant_elements().size(), all.size());
}

TEST(Dom, SourcePositionsCountCodePoints) {
  auto doc = Document::parse("<html>\n<body>\n  <p>åäö</p><img\n src=x id=i>\n\t<b id=b>x</b>");
  const Node* img = doc->element_by_id("i");
  EXPECT_EQ(img->position().line, 3u);
  EXPECT_EQ(img->position().column, 13u);  // "  <p>åäö</p>" is 12 code points
  EXPECT_EQ(img->source_start_tag(), "<img\n src=x id=i>");
  const Node* b = doc->element_by_id("b");
  EXPECT_EQ(b->position().line, 5u);
  EXPECT_EQ(b->position().column, 2u);
}

// Columns on long lines come from marks every 256 bytes: counted the slow way here, for
// elements before, on and after the marks, with 2- and 3-byte characters across them.
TEST(Dom, SourcePositionsOnLongLinesMatchCountingFromTheLineStart) {
  std::string html = "<!DOCTYPE html><p>x</p>\n<div>";
  for (int i = 0; i < 400; ++i) {
    html += i % 3 == 0 ? "å" : i % 3 == 1 ? "€x" : "ab";
    html += "<span id=s" + std::to_string(i) + ">" + std::string(static_cast<std::size_t>(i % 7), 'q') + "</span>";
  }
  html += "</div>";
  auto doc = Document::parse(html);
  int checked = 0;
  for (const Node* e : doc->elements()) {
    auto id = e->attr("id");
    if (!id) continue;
    std::size_t offset = html.find("<span id=" + std::string(*id) + ">");
    ASSERT_NE(offset, std::string::npos);
    std::size_t line_start = html.rfind('\n', offset) + 1;
    std::uint32_t column = 1;
    for (std::size_t k = line_start; k < offset; ++k) column += (static_cast<unsigned char>(html[k]) & 0xC0) != 0x80;
    EXPECT_EQ(e->position().line, 2u);
    EXPECT_EQ(e->position().column, column) << *id;
    EXPECT_EQ(e->position().offset, offset);
    ++checked;
  }
  EXPECT_EQ(checked, 400);
  EXPECT_EQ(doc->position_at(static_cast<std::uint32_t>(html.size())).line, 2u);
}

TEST(Dom, ImpliedElementsHaveNoPosition) {
  auto doc = Document::parse("<table><tr><td>1</td></tr></table>");
  const Node* tbody = nullptr;
  for (const Node* e : doc->elements()) {
    if (e->is("tbody")) tbody = e;
  }
  ASSERT_NE(tbody, nullptr);
  EXPECT_EQ(tbody->position().line, 0u);
  EXPECT_TRUE(tbody->source_start_tag().empty());
  EXPECT_EQ(tbody->snippet(), "<tbody>1</tbody>");
}

TEST(Dom, SnippetIsShortAndSingleLine) {
  std::string long_text(500, 'x');
  auto doc = Document::parse("<p id=p\n class=c>" + long_text + "</p>");
  std::string s = doc->element_by_id("p")->snippet(40);
  EXPECT_EQ(s.rfind("<p id=p class=c>xxx", 0), 0u) << s;
  EXPECT_EQ(s.find('\n'), std::string::npos);
  EXPECT_TRUE(s.ends_with("…"));
}

TEST(Dom, DuplicateIdsAreAllKnown) {
  auto doc = Document::parse("<p id=x>1</p><p id=x>2</p><p id=''>3</p>");
  EXPECT_EQ(doc->elements_with_id("x").size(), 2u);
  EXPECT_EQ(doc->element_by_id("x")->text_content(), "1");
  EXPECT_EQ(doc->elements_with_id("").size(), 0u);
}

TEST(Dom, SvgAndTemplateContent) {
  auto doc = Document::parse("<svg viewBox='0 0 1 1'><foreignObject><p id=in>x</p></foreignObject><title>T</title></svg>"
                             "<template id=t><img id=ti></template>");
  const Node* title = nullptr;
  for (const Node* e : doc->elements()) {
    if (e->tag() == "title") title = e;
  }
  ASSERT_NE(title, nullptr);
  EXPECT_EQ(title->ns(), Namespace::Svg);
  EXPECT_FALSE(title->is("title"));
  EXPECT_TRUE(doc->element_by_id("in")->is("p"));
  EXPECT_EQ(doc->element_by_id("ti")->parent(), doc->element_by_id("t"));
}

TEST(Dom, EmptyAndBrokenInputStillParse) {
  auto empty = Document::parse("");
  ASSERT_NE(empty->html(), nullptr);
  EXPECT_NE(empty->body(), nullptr);
  auto broken = Document::parse("<div <p>>>><</b></i><table><td>x<tr></div>\x01\x02");
  EXPECT_NE(broken->html(), nullptr);
}

TEST(Dom, DeeplyNestedPageDoesNotExhaustTheStack) {
  std::string html;
  for (int i = 0; i < 5000; ++i) html += "<span>";
  html += "deep";
  auto doc = Document::parse(html);
  EXPECT_GE(doc->elements().size(), 5000u);
  EXPECT_EQ(doc->body()->text_content(), "deep");
  EXPECT_EQ(doc->body()->descendant_elements().size(), doc->elements().size() - 3);
}

// A tree as the rendering module hands it over: html > head, body > p#a > "Hej", b > "du".
std::vector<TreeNode> small_tree() {
  std::vector<TreeNode> t;
  auto el = [&](std::string tag, std::int32_t parent, std::vector<Attribute> attrs = {}) {
    TreeNode n;
    n.tag = std::move(tag);
    n.parent = parent;
    n.attributes = std::move(attrs);
    t.push_back(std::move(n));
  };
  auto text = [&](std::string data, std::int32_t parent) {
    TreeNode n;
    n.type = NodeType::Text;
    n.data = std::move(data);
    n.parent = parent;
    t.push_back(std::move(n));
  };
  el("html", -1, {{"lang", "sv"}});           // 0
  el("head", 0);                               // 1
  el("body", 0);                               // 2
  el("p", 2, {{"id", "a"}, {"title", "x \"&\" y"}});  // 3
  text("Hej ", 3);                             // 4
  el("b", 3);                                  // 5
  text("du", 5);                               // 6
  el("svg", 2);                                // 7
  t.back().ns = Namespace::Svg;
  return t;
}

TEST(DomFromTree, BuildsTheSameModelAsTheParser) {
  auto built = Document::from_tree(small_tree(), true);
  ASSERT_TRUE(built.ok()) << built.error().message;
  const Document& doc = **built;
  EXPECT_FALSE(doc.from_source());
  EXPECT_TRUE(doc.has_doctype());
  ASSERT_NE(doc.html(), nullptr);
  ASSERT_NE(doc.head(), nullptr);
  ASSERT_NE(doc.body(), nullptr);
  EXPECT_EQ(doc.html()->attr("lang"), "sv");
  EXPECT_FALSE(doc.html()->has_attr("id"));
  const Node* p = doc.element_by_id("a");
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->attr("title"), "x \"&\" y");
  EXPECT_FALSE(p->has_attr("lang"));
  EXPECT_EQ(p->parent(), doc.body());
  EXPECT_EQ(p->text_content(), "Hej du");
  ASSERT_EQ(doc.elements().size(), 6u);
  for (std::size_t i = 0; i < doc.elements().size(); ++i) EXPECT_EQ(doc.elements()[i]->element_index(), i);
  EXPECT_EQ(p->descendant_elements().size(), 1u);
  EXPECT_EQ(doc.body()->descendant_elements().size(), 3u);
  EXPECT_EQ(doc.elements()[5]->ns(), Namespace::Svg);
  EXPECT_EQ(doc.root().descendant_elements().size(), 6u);
}

TEST(DomFromTree, NothingHasASourcePositionButSnippetsWork) {
  auto built = Document::from_tree(small_tree(), false);
  ASSERT_TRUE(built.ok());
  const Document& doc = **built;
  const Node* p = doc.element_by_id("a");
  EXPECT_EQ(p->position().line, 0u);
  EXPECT_EQ(p->children()[0]->position().line, 0u);  // text nodes too
  EXPECT_TRUE(p->source_start_tag().empty());
  EXPECT_EQ(p->snippet(), "<p id=\"a\" title=\"x &quot;&amp;&quot; y\">Hej du</p>");
  EXPECT_FALSE(doc.has_doctype());
}

TEST(DomFromTree, RefusesParentsThatAreNotAnEarlierOpenElement) {
  auto t = small_tree();
  t[4].parent = 5;  // a later node
  EXPECT_FALSE(Document::from_tree(t, true).ok());
  t = small_tree();
  t[6].parent = 4;  // a text node
  EXPECT_FALSE(Document::from_tree(t, true).ok());
  t = small_tree();
  t[5].parent = 1;  // <head>, whose subtree already ended
  EXPECT_FALSE(Document::from_tree(t, true).ok());
  t = small_tree();
  t[0].parent = 0;  // itself
  EXPECT_FALSE(Document::from_tree(t, true).ok());
  EXPECT_TRUE(Document::from_tree({}, false).ok());  // an empty tree is a document too
}

}  // namespace
}  // namespace granska::html
