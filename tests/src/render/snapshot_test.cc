// DOMSnapshot answers (written out by hand in the protocol's shape) → RenderedPage →
// html::Document, with the way back from elements to the browser's styles and boxes.
#include "render/snapshot.h"

#include <gtest/gtest.h>

#include "render/rendered_view.h"

namespace granska::render {
namespace {

using nlohmann::json;

// A style row: display, color and visibility set, the other properties "".
json row(int display, int color, int visibility) {
  json r = json::array();
  for (std::size_t p = 0; p < kPropCount; ++p) {
    if (p == static_cast<std::size_t>(Prop::Display)) r.push_back(display);
    else if (p == static_cast<std::size_t>(Prop::Color)) r.push_back(color);
    else if (p == static_cast<std::size_t>(Prop::Visibility)) r.push_back(visibility);
    else r.push_back(0);  // ""
  }
  return r;
}

// <!DOCTYPE html><html><head><title>T</title></head><body><div id=app><h1>Byggd</h1></div>
// <p style=display:contents>hi</p><svg viewBox=…><foreignObject><b>x</b></foreignObject></svg>
// <span>(open shadow root: <em>sh</em>)</span><ul><li>(::marker)x</li></ul></body></html>
json sample_snapshot() {
  json strings = {"",          "http://127.0.0.1/app", "Byggd sida", "#document", "html",  "HTML",
                  "HEAD",      "TITLE",                "#text",      "T",         "BODY",  "DIV",
                  "id",        "app",                  "H1",         "Byggd",     "P",     "style",
                  "display:contents", "hi",            "svg",        "viewBox",   "0 0 1 1", "foreignObject",
                  "B",         "x",                    "SPAN",       "EM",        "sh",    "open",
                  "UL",        "LI",                   "::marker",   "marker",    "block", "rgb(0, 0, 0)",
                  "visible",   "contents",             "rgb(255, 0, 0)", "inline", "list-item", "rgb(1, 2, 3)"};
  json nodes_name = json::array();
  json nodes_value = json::array();
  json attributes = json::array();
  // 0 #document, 1 doctype, 2 html, 3 head, 4 title, 5 "T", 6 body, 7 div#app, 8 h1,
  // 9 "Byggd", 10 p, 11 "hi", 12 svg, 13 foreignObject, 14 b, 15 "x", 16 span, 17 em (shadow),
  // 18 "sh" (shadow), 19 ul, 20 li, 21 ::marker, 22 marker text, 23 li text "x", 24 spare text
  json parents = {-1, 0, 0, 2, 3, 4, 2, 6, 7, 8, 6, 10, 6, 12, 13, 14, 6, 16, 17, 6, 19, 20, 21, 20, 6};
  json types = {9, 10, 1, 1, 1, 3, 1, 1, 1, 3, 1, 3, 1, 1, 1, 3, 1, 1, 3, 1, 1, 1, 3, 3, 3};
  std::vector<int> name_ix = {3, 4, 5, 6, 7, 8, 10, 11, 14, 8, 16, 8, 20, 23, 24, 8, 26, 27, 8, 30, 31, 32, 8, 8, 8};
  std::vector<int> value_ix = {-1, -1, -1, -1, -1, 9, -1, -1, -1, 15, -1, 19, -1, -1, -1, 25, -1, -1, 28, -1, -1, -1, 33, 25, 0};
  for (int i : name_ix) nodes_name.push_back(i);
  for (int i : value_ix) nodes_value.push_back(i);
  for (std::size_t i = 0; i < name_ix.size(); ++i) attributes.push_back(json::array());
  attributes[7] = {12, 13};
  attributes[10] = {17, 18};
  attributes[12] = {21, 22};
  json backend = json::array();
  for (std::size_t i = 0; i < name_ix.size(); ++i) backend.push_back(100 + i);
  json nodes = {{"parentIndex", parents},
                {"nodeType", types},
                {"nodeName", nodes_name},
                {"nodeValue", nodes_value},
                {"backendNodeId", backend},
                {"attributes", attributes},
                {"shadowRootType", {{"index", {17, 18}}, {"value", {29, 29}}}},
                {"pseudoType", {{"index", {21}}, {"value", {33}}}},
                {"isClickable", {{"index", {8}}}},
                {"inputValue", {{"index", json::array()}, {"value", json::array()}}}};
  // Layout objects: html, body, div, h1, "Byggd", "hi" (display:contents parent), svg, li, ::marker.
  json layout = {
      {"nodeIndex", {2, 6, 7, 8, 9, 11, 12, 20, 21}},
      {"styles", {row(34, 35, 36), row(34, 35, 36), row(34, 35, 36), row(34, 41, 36), row(34, 41, 36),
                  row(37, 38, 36), row(39, 35, 36), row(40, 35, 36), row(39, 35, 36)}},
      {"bounds", {{0, 0, 1280, 800}, {8, 8, 1264, 300}, {8, 8, 1264, 40}, {8, 8, 1264, 40}, {8, 8, 80, 40},
                  {8, 60, 20, 19}, {8, 80, 100, 100}, {40, 200, 1232, 19}, {20, 200, 10, 19}}},
      {"blendedBackgroundColors", {-1, -1, -1, 38, -1, -1, -1, -1, -1}}};
  json document = {{"documentURL", 1}, {"title", 2}, {"nodes", nodes}, {"layout", layout},
                   {"contentWidth", 1280}, {"contentHeight", 900}};
  return {{"documents", {document, document}}, {"strings", strings}};
}

TEST(RenderSnapshot, ReadsNodesStylesAndBoxes) {
  RenderedPage page;
  Status s = read_snapshot(sample_snapshot(), page);
  ASSERT_TRUE(s.ok()) << s.error().message;
  EXPECT_EQ(page.final_url, "http://127.0.0.1/app");
  EXPECT_EQ(page.title, "Byggd sida");
  EXPECT_EQ(page.frames, 1u);
  EXPECT_EQ(page.shadow_roots, 1u);
  EXPECT_EQ(page.content_width, 1280);
  ASSERT_EQ(page.nodes.size(), 25u);
  EXPECT_EQ(page.nodes[1].kind, NodeKind::Doctype);
  EXPECT_EQ(page.nodes[8].tag, "h1");
  EXPECT_TRUE(page.nodes[8].clickable);
  EXPECT_EQ(page.nodes[8].backend_id, 108u);
  EXPECT_EQ(page.style(8, Prop::Color), "rgb(1, 2, 3)");
  EXPECT_EQ(page.style(8, Prop::Display), "block");
  EXPECT_EQ(page.style(8, Prop::OutlineStyle), "");
  EXPECT_EQ(page.nodes[8].blended_background, "rgb(255, 0, 0)");
  ASSERT_TRUE(page.nodes[8].box.has_value());
  EXPECT_EQ(page.nodes[8].box->width, 1264);
  // Not laid out: <head> content.
  EXPECT_FALSE(page.nodes[4].box.has_value());
  EXPECT_EQ(page.style(4, Prop::Display), "");
  // display:contents: no box, the style of its text child.
  EXPECT_FALSE(page.nodes[10].box.has_value());
  EXPECT_EQ(page.style(10, Prop::Display), "contents");
  EXPECT_EQ(page.style(10, Prop::Color), "rgb(255, 0, 0)");
  // Namespaces from nodeName case: svg and its children are SVG, foreignObject's are HTML.
  EXPECT_EQ(page.nodes[12].ns, html::Namespace::Svg);
  EXPECT_EQ(page.nodes[13].ns, html::Namespace::Svg);
  EXPECT_EQ(page.nodes[13].tag, "foreignobject");
  EXPECT_EQ(page.nodes[14].ns, html::Namespace::Html);
  EXPECT_EQ(page.nodes[12].attributes[0].name, "viewbox");
  EXPECT_TRUE(page.nodes[17].in_shadow_tree);
  EXPECT_TRUE(page.nodes[18].in_shadow_tree);
  EXPECT_EQ(page.nodes[21].pseudo, "marker");
  EXPECT_TRUE(page.nodes[22].in_shadow_tree);  // the marker's own text goes with it
}

TEST(RenderSnapshot, RefusesMalformedAnswers) {
  RenderedPage page;
  EXPECT_FALSE(read_snapshot(json::object(), page).ok());
  EXPECT_FALSE(read_snapshot(json::array(), page).ok());
  json bad = sample_snapshot();
  bad["documents"][0]["nodes"]["parentIndex"][5] = 9;  // after itself
  EXPECT_FALSE(read_snapshot(bad, page).ok());
  bad = sample_snapshot();
  bad["documents"][0]["nodes"]["nodeName"].erase(3);  // one short
  EXPECT_FALSE(read_snapshot(bad, page).ok());
  bad = sample_snapshot();
  bad["documents"][0]["nodes"]["nodeValue"][5] = 9999;  // no such string
  EXPECT_FALSE(read_snapshot(bad, page).ok());
  bad = sample_snapshot();
  bad["documents"][0]["layout"]["nodeIndex"][0] = 500;
  EXPECT_FALSE(read_snapshot(bad, page).ok());
  bad = sample_snapshot();
  bad["documents"][0]["layout"]["bounds"].erase(0);
  EXPECT_FALSE(read_snapshot(bad, page).ok());
  bad = sample_snapshot();
  bad["documents"][0]["nodes"]["isClickable"]["index"] = {77};
  EXPECT_FALSE(read_snapshot(bad, page).ok());
  EXPECT_TRUE(page.nodes.empty());  // untouched by the failures
}

TEST(RenderedView, BuildsADocumentOfTheLightDom) {
  RenderedPage page;
  ASSERT_TRUE(read_snapshot(sample_snapshot(), page).ok());
  auto view = RenderedView::build(std::move(page));
  ASSERT_TRUE(view.ok()) << view.error().message;
  const html::Document& doc = view->document();
  EXPECT_TRUE(doc.has_doctype());
  EXPECT_FALSE(doc.from_source());
  ASSERT_NE(doc.body(), nullptr);
  ASSERT_NE(doc.head(), nullptr);
  const html::Node* app = doc.element_by_id("app");
  ASSERT_NE(app, nullptr);
  EXPECT_EQ(app->text_content(), "Byggd");
  // html head title body div h1 p svg foreignobject b span ul li: no em (shadow), no ::marker.
  std::string tags;
  for (const html::Node* e : doc.elements()) tags += std::string(e->tag()) + " ";
  EXPECT_EQ(tags, "html head title body div h1 p svg foreignobject b span ul li ");
  EXPECT_EQ(doc.body()->text_content(), "Byggdhixx");  // the li's text, not the marker's
  const html::Node* h1 = app->children()[0];
  EXPECT_EQ(view->style(*h1, Prop::Color), "rgb(1, 2, 3)");
  ASSERT_TRUE(view->box(*h1).has_value());
  EXPECT_EQ(view->box(*h1)->height, 40);
  EXPECT_EQ(view->node(*h1).backend_id, 108u);
  EXPECT_EQ(view->element(view->node_index(*h1)), h1);
  EXPECT_EQ(view->element(17), nullptr);  // shadow node
  EXPECT_EQ(h1->position().line, 0u);
  EXPECT_EQ(h1->snippet(), "<h1>Byggd</h1>");
  const html::Node* title = doc.head()->children()[0];
  EXPECT_FALSE(view->has_style(*title));
  EXPECT_EQ(doc.elements()[7]->ns(), html::Namespace::Svg);
}

}  // namespace
}  // namespace granska::render
