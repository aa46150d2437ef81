#include "html/dom.h"

#include <gtest/gtest.h>

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

}  // namespace
}  // namespace granska::html
