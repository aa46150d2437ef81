// Layout facts as pure functions over hand-made RenderedPages.
#include "render/layout_facts.h"

#include <gtest/gtest.h>

namespace granska::render {
namespace {

// Builds a RenderedPage node by node: document → html → body → what the test adds.
class PageBuilder {
 public:
  PageBuilder() {
    page_.strings = {""};
    RenderedNode doc;
    doc.kind = NodeKind::Document;
    page_.nodes.push_back(doc);
    html_ = add("html", 0, Rect{0, 0, 1280, 800});
    body_ = add("html", html_, Rect{8, 8, 1264, 780});
    page_.nodes[body_].tag = "body";
  }
  std::uint32_t body() const { return body_; }
  std::uint32_t html() const { return html_; }

  std::uint32_t add(std::string tag, std::uint32_t parent, std::optional<Rect> box,
                    std::vector<html::Attribute> attrs = {}, std::string display = "block") {
    RenderedNode n;
    n.tag = std::move(tag);
    n.parent = parent;
    n.attributes = std::move(attrs);
    n.box = box;
    n.backend_id = page_.nodes.size() + 1000;
    if (box) {
      StyleRow row{};
      row.fill(0);
      row[static_cast<std::size_t>(Prop::Display)] = intern(display);
      row[static_cast<std::size_t>(Prop::Visibility)] = intern("visible");
      row[static_cast<std::size_t>(Prop::OverflowX)] = intern("visible");
      n.style = static_cast<std::uint32_t>(page_.styles.size());
      page_.styles.push_back(row);
    }
    page_.nodes.push_back(std::move(n));
    return static_cast<std::uint32_t>(page_.nodes.size() - 1);
  }
  std::uint32_t text(std::string data, std::uint32_t parent) {
    RenderedNode n;
    n.kind = NodeKind::Text;
    n.text = std::move(data);
    n.parent = parent;
    page_.nodes.push_back(std::move(n));
    return static_cast<std::uint32_t>(page_.nodes.size() - 1);
  }
  void set(std::uint32_t node, Prop p, const std::string& value) {
    page_.styles[page_.nodes[node].style][static_cast<std::size_t>(p)] = intern(value);
  }
  RenderedPage& page() { return page_; }

 private:
  std::uint32_t intern(const std::string& s) {
    for (std::uint32_t i = 0; i < page_.strings.size(); ++i) {
      if (page_.strings[i] == s) return i;
    }
    page_.strings.push_back(s);
    return static_cast<std::uint32_t>(page_.strings.size() - 1);
  }
  RenderedPage page_;
  std::uint32_t html_ = 0, body_ = 0;
};

TEST(RenderFocusCandidates, FollowTheKeyboardNotTheMouse) {
  PageBuilder b;
  Rect r{10, 10, 50, 20};
  auto link = b.add("a", b.body(), r, {{"href", "/x"}});
  b.add("a", b.body(), r);  // no href
  auto button = b.add("button", b.body(), r);
  b.add("button", b.body(), r, {{"disabled", ""}});
  b.add("input", b.body(), r, {{"type", "HIDDEN"}});
  b.add("button", b.body(), std::nullopt);  // display:none
  auto hidden = b.add("button", b.body(), r);
  b.set(hidden, Prop::Visibility, "hidden");
  b.add("button", b.body(), r, {{"tabindex", "-1"}});
  auto div = b.add("div", b.body(), r, {{"tabindex", " 0"}});
  auto details = b.add("details", b.body(), r);
  auto summary = b.add("summary", details, r);
  b.add("summary", details, r);  // not the first
  auto editable = b.add("div", b.body(), r, {{"contenteditable", ""}});
  b.add("div", b.body(), r, {{"contenteditable", "false"}});
  std::size_t total = 0;
  auto got = focus_candidates(b.page(), 100, &total);
  EXPECT_EQ(got, (std::vector<std::uint32_t>{link, button, div, summary, editable}));
  EXPECT_EQ(total, 5u);
  auto capped = focus_candidates(b.page(), 2, &total);
  EXPECT_EQ(capped.size(), 2u);
  EXPECT_EQ(total, 5u);
}

TEST(RenderTargets, SizeSpacingAndTheInlineException) {
  PageBuilder b;
  auto big = b.add("button", b.body(), Rect{10, 10, 44, 44});
  auto lone = b.add("button", b.body(), Rect{300, 300, 16, 16});         // small, nothing near
  auto pair1 = b.add("button", b.body(), Rect{500, 500, 10, 10});        // small, 12 px apart
  auto pair2 = b.add("button", b.body(), Rect{512, 500, 10, 10});
  auto p = b.add("p", b.body(), Rect{10, 600, 600, 20});
  b.text("Läs ", p);
  auto inline_link = b.add("a", p, Rect{40, 600, 30, 16}, {{"href", "/x"}}, "inline");
  auto card = b.add("div", b.body(), Rect{10, 700, 400, 60});
  b.page().nodes[card].clickable = true;                                 // a clickable card …
  auto card_link = b.add("a", card, Rect{20, 710, 100, 30}, {{"href", "/y"}});  // … around a link
  b.page().nodes[b.body()].clickable = true;                             // a listener on <body>
  TargetFacts t = measure_targets(b.page(), 100);
  ASSERT_TRUE(t.measured);
  std::vector<std::uint32_t> nodes;
  for (const auto& x : t.targets) nodes.push_back(x.node);
  EXPECT_EQ(nodes, (std::vector<std::uint32_t>{big, lone, pair1, pair2, inline_link, card_link}));
  EXPECT_TRUE(t.targets[0].large_enough);
  EXPECT_FALSE(t.targets[1].large_enough);
  EXPECT_TRUE(t.targets[1].spaced);
  EXPECT_FALSE(t.targets[2].spaced);
  EXPECT_FALSE(t.targets[3].spaced);
  EXPECT_TRUE(t.targets[4].inline_in_text);
  EXPECT_FALSE(t.targets[0].inline_in_text);
  EXPECT_FALSE(t.truncated);
  TargetFacts capped = measure_targets(b.page(), 2);
  EXPECT_EQ(capped.targets.size(), 2u);
  EXPECT_EQ(capped.candidates, 6u);
  EXPECT_TRUE(capped.truncated);
}

TEST(RenderReflow, FindsTheOutermostOverflowingElement) {
  PageBuilder main;
  auto wide_main = main.add("div", main.body(), Rect{8, 8, 600, 40});
  PageBuilder narrow;
  narrow.page().content_width = 608;
  auto wide = narrow.add("div", narrow.body(), Rect{8, 8, 600, 40});
  narrow.add("span", wide, Rect{8, 8, 500, 20});  // inside the wide one: not reported again
  auto scroller = narrow.add("div", narrow.body(), Rect{8, 60, 304, 100});
  narrow.set(scroller, Prop::OverflowX, "auto");
  narrow.add("table", scroller, Rect{8, 60, 900, 100});  // scrolls in its own box: allowed
  narrow.page().nodes[wide].backend_id = main.page().nodes[wide_main].backend_id;
  ReflowFacts r = analyse_reflow(main.page(), narrow.page(), 320, 256, 10);
  EXPECT_TRUE(r.measured);
  EXPECT_TRUE(r.horizontal_scroll);
  EXPECT_FALSE(r.clipped);
  ASSERT_EQ(r.overflowing.size(), 1u);
  EXPECT_EQ(r.overflowing[0].node, wide_main);
  EXPECT_EQ(r.overflowing[0].box.width, 600);
  EXPECT_EQ(r.overflowing_total, 1u);
}

TEST(RenderReflow, HiddenOverflowOnBodyCutsContentOff) {
  PageBuilder main;
  PageBuilder narrow;
  narrow.page().content_width = 320;
  narrow.set(narrow.body(), Prop::OverflowX, "hidden");
  narrow.add("div", narrow.body(), Rect{8, 8, 700, 40});
  ReflowFacts r = analyse_reflow(main.page(), narrow.page(), 320, 256, 10);
  EXPECT_FALSE(r.horizontal_scroll);
  EXPECT_TRUE(r.clipped);
  EXPECT_EQ(r.overflowing_total, 1u);
  EXPECT_TRUE(r.overflowing.empty());  // not in the main layout (no matching node id)
}

TEST(RenderReflow, APageThatFitsHasNothing) {
  PageBuilder main;
  PageBuilder narrow;
  narrow.page().content_width = 320;
  narrow.add("p", narrow.body(), Rect{8, 8, 304.4, 40});  // sub-pixel: not overflow
  ReflowFacts r = analyse_reflow(main.page(), narrow.page(), 320, 256, 10);
  EXPECT_FALSE(r.horizontal_scroll);
  EXPECT_FALSE(r.clipped);
  EXPECT_TRUE(r.overflowing.empty());
}

TEST(RenderFocusChanges, NamesWhatChanged) {
  const std::size_t n = focus_probe_properties().size();
  FocusSample a;
  a.self.assign(n, "x");
  a.parent.assign(n, "x");
  a.before.assign(n, "x");
  a.after.assign(n, "x");
  a.children = {std::vector<std::string>(n, "x"), std::vector<std::string>(n, "x")};
  a.box = Rect{0, 0, 10, 10};
  FocusSample b = a;
  EXPECT_TRUE(focus_changes(a, b).empty());
  b.self[0] = "solid";   // outline-style
  b.parent[4] = "y";     // box-shadow
  b.children[0][19] = "y";
  b.children[1][19] = "y";  // color on two children: once
  b.box.x = 5;
  auto changed = focus_changes(a, b);
  EXPECT_EQ(changed, (std::vector<std::string>{"child:color", "outline-style", "parent:box-shadow", "box"}));
  EXPECT_EQ(focus_probe_properties()[0], "outline-style");
  EXPECT_EQ(focus_probe_properties()[4], "box-shadow");
  EXPECT_EQ(focus_probe_properties()[19], "color");
}

}  // namespace
}  // namespace granska::render
