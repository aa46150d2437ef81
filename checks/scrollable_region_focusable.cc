// scrollable-region-focusable: content that scrolls inside a box can be reached with the
// keyboard (ACT 0ssw9k; axe-core "scrollable-region-focusable"; WCAG 2.1.1 and 2.1.3).
//
// Applies to rendered elements (not <html>/<body>, whose scrolling is the page's) whose
// overflow is scroll or auto in the page's own CSS and that hold perceivable text or images,
// when their content can overflow: they have a height or max-height, or they hold content
// that can be wider than the box (a table, <pre>, an image, an element with its own width) —
// a block is as wide as its container, so such content scrolls sideways. A box whose content
// does not overflow does not scroll, and granska has no layout engine, so:
//   - the box or something in it is in the tab order (tabindex >= 0, a link, a control):
//     passed — keyboard users can reach it and scroll it;
//   - otherwise, when the text alone must overflow the box's height: failed. That is a
//     lower bound granska can prove from the CSS: a block of text takes at least
//     ceil(characters × 0.35 em / box width) lines of at least its line height (0.35 em is
//     narrower than the average letter of any common font, a line is at least 1 em), so a
//     box lower than its tallest block overflows, whatever font is used (the tallest, not
//     the sum: blocks may sit side by side in a flex or grid box). Only when nothing on the
//     page could break the bound: no white-space, columns, writing-mode, zoom or transform
//     in its CSS, no negative letter-spacing, no wider element inside the box;
//   - otherwise cantTell: the content may or may not overflow (images, wide tables, text
//     that may just fit), which a person checks by tabbing through the page.
// Sizes and fonts that come from style sheets granska does not read make the box cantTell
// at most. overflow-x/overflow-y are read as one value (the one that wins the cascade), so
// a box that scrolls on one axis only may be missed; it is never reported wrongly.
//
// Kind: Requirement (2.1.1, and 2.1.3 which ACT maps too): without a focusable element in
// it, the box cannot be scrolled from the keyboard in browsers that do not make scroll
// boxes focusable themselves (Safari; Chrome and Firefox now do, which is why a person
// should confirm a cantTell in Safari).
#include <algorithm>
#include <cmath>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "style/cascade.h"
#include "engine/registry.h"
#include "util/text.h"

namespace granska::checks {
namespace {

using namespace engine;

const Message kReachable{"reachable", {"Rutan kan rulla, och {0} i den går att nå med tabbtangenten.",
                                       "The box can scroll, and {0} in it can be reached with the Tab key."}};
const Message kNotReachable{
    "not-reachable",
    {"Rutan är {0} px hög men texten i den behöver minst {1} px, så den rullar. Inget i den går att nå med "
     "tabbtangenten, så den som använder tangentbord kan inte rulla fram resten. Ge rutan tabindex=\"0\" och ett "
     "namn (aria-label), eller låt den växa med innehållet.",
     "The box is {0} px high but its text needs at least {1} px, so it scrolls. Nothing in it can be reached with "
     "the Tab key, so keyboard users cannot scroll to the rest. Give the box tabindex=\"0\" and a name "
     "(aria-label), or let it grow with its content."}};
const Message kMayScroll{"may-scroll",
                         {"Rutan kan rulla (overflow: {0}), och inget i den går att nå med tabbtangenten. "
                          "Kontrollera om innehållet får plats; rullar det måste rutan gå att nå med tangentbordet.",
                          "The box may scroll (overflow: {0}), and nothing in it can be reached with the Tab key. "
                          "Check whether the content fits; if it scrolls, the box must be reachable with the "
                          "keyboard."}};

const RuleInfo kInfo{
    .id = "scrollable-region-focusable",
    .title = {"Rullningsbara rutor går att nå med tangentbordet", "Scrolling boxes can be reached with the "
                                                                  "keyboard"},
    .description = {"Kontrollerar att rutor med eget rullningsfält (overflow: auto eller scroll) går att nå med "
                    "tabbtangenten, så att den som inte använder mus kan rulla fram innehållet.",
                    "Checks that boxes with their own scroll bar (overflow: auto or scroll) can be reached with "
                    "the Tab key, so people who do not use a mouse can scroll to the content."},
    .help = {"Låt rutan växa med innehållet, eller ge den tabindex=\"0\", role=\"region\" och ett namn, till "
             "exempel <div class=\"tabellruta\" tabindex=\"0\" role=\"region\" aria-label=\"Taxor 2025\">.",
             "Let the box grow with its content, or give it tabindex=\"0\", role=\"region\" and a name, for "
             "example <div class=\"table-box\" tabindex=\"0\" role=\"region\" aria-label=\"Rates 2025\">."},
    .criteria = {sc("2.1.1"), sc("2.1.3")},
    .act_rules = {"0ssw9k"},
    .axe_rules = {"scrollable-region-focusable"},
    .impact = Impact::Serious,
    .messages = {&kReachable, &kNotReachable, &kMayScroll},
};

// The narrowest average letter width of a common font, in em, and the smallest line height.
constexpr double kMinCharEm = 0.35;
constexpr double kMinLineEm = 1.0;

// Scrolling on either axis ("overflow: hidden auto" and similar), decided for sure: a value
// granska could not evaluate, or a rule it could not evaluate that may win, is no scroller.
bool scrolls(const style::ComputedStyles& styles, const html::Node& e) {
  const style::ComputedStyle& s = styles.of(e);
  auto scrolling = [](std::optional<style::Overflow> o) {
    return o && (*o == style::Overflow::Auto || *o == style::Overflow::Scroll);
  };
  if (!scrolling(s.overflow_x) && !scrolling(s.overflow_y)) return false;
  return !styles.provenance(e, style::Property::OverflowX).uncertain &&
         !styles.provenance(e, style::Property::OverflowY).uncertain;
}

// "auto", or "hidden auto" when the axes differ, as in the overflow shorthand.
std::string overflow_text(const style::ComputedStyle& s) {
  auto name = [](std::optional<style::Overflow> o) -> std::string_view {
    if (!o) return "?";
    switch (*o) {
      case style::Overflow::Visible: return "visible";
      case style::Overflow::Hidden: return "hidden";
      case style::Overflow::Clip: return "clip";
      case style::Overflow::Scroll: return "scroll";
      case style::Overflow::Auto: return "auto";
    }
    return "?";
  };
  std::string x(name(s.overflow_x));
  std::string_view y = name(s.overflow_y);
  return x == y ? x : x + " " + std::string(y);
}

// A length that constrains the box, in px: nullopt for auto/none, unknown (percentages) or
// uncertain values.
std::optional<double> length_px(const style::ComputedStyles& styles, const html::Node& e, style::Property p,
                                std::optional<double> value) {
  if (!value || *value >= style::kNoLength) return std::nullopt;
  if (styles.provenance(e, p).uncertain) return std::nullopt;
  return value;
}

bool is_block_tag(const html::Node& e) {
  static constexpr std::string_view kBlocks[] = {"address", "article", "aside", "blockquote", "dd", "div",
                                                 "dl", "dt", "figcaption", "figure", "footer", "h1", "h2",
                                                 "h3", "h4", "h5", "h6", "header", "li", "main", "nav",
                                                 "ol", "p", "pre", "section", "table", "tr", "ul"};
  for (std::string_view t : kBlocks) {
    if (e.is(t)) return true;
  }
  return false;
}

struct Content {
  bool any = false;              // perceivable text or an image
  bool wide = false;             // holds something that may be wider than the box
  bool bound_ok = true;          // nothing (negative letter-spacing) breaks the height bound
  double min_height = 0;         // px, a lower bound of the text's height (0: none known)
  const html::Node* focus = nullptr;  // first element in the tab order, itself included
};

// Lower bound of the text height in `box` of width `width`, and whether anything in it is in
// the tab order. Iterative: blocks are the nearest block-level ancestor of each text.
Content measure(Context& ctx, const style::ComputedStyles& styles, const html::Node& box, double width) {
  Content c;
  if (ctx.aria.in_sequential_focus_order(box)) c.focus = &box;
  struct Block {
    std::size_t chars = 0;
    double font = 0, line = 0;
    bool known = true;
  };
  std::vector<std::pair<const html::Node*, Block>> blocks;  // in tree order of first text
  std::unordered_map<const html::Node*, std::size_t> block_index;
  auto block_of = [&](const html::Node& e) -> const html::Node* {
    for (const html::Node* a = &e; a && a != &box; a = a->parent_element()) {
      if (is_block_tag(*a)) return a;
    }
    return &box;
  };
  auto visit_text_of = [&](const html::Node& e) {
    if (ctx.aria.hidden(e) == aria::Tristate::Yes) return;
    for (const html::Node* t : e.children()) {
      if (!t->is_text()) continue;
      std::string collapsed = text::collapse_whitespace(t->data());
      if (collapsed.empty()) continue;
      c.any = true;
      const style::ComputedStyle& s = styles.of(e);
      const html::Node* b = block_of(e);
      auto [slot, inserted] = block_index.try_emplace(b, blocks.size());
      if (inserted) blocks.push_back({b, Block{}});
      Block& bl = blocks[slot->second].second;
      for (unsigned char ch : collapsed) bl.chars += (ch & 0xC0) != 0x80 ? 1 : 0;  // code points
      if (!s.letter_spacing || *s.letter_spacing < 0) c.bound_ok = false;
      if (!s.font_size) {
        bl.known = false;
        continue;
      }
      double line = kMinLineEm * *s.font_size;
      if (s.line_height) {
        if (s.line_height->kind == style::LineHeight::Kind::Px) line = s.line_height->value;
        if (s.line_height->kind == style::LineHeight::Kind::Factor) line = s.line_height->value * *s.font_size;
      }
      bl.font = bl.font == 0 ? *s.font_size : std::min(bl.font, *s.font_size);
      bl.line = bl.line == 0 ? line : std::min(bl.line, line);
    }
  };
  visit_text_of(box);
  for (const html::Node* d : box.descendant_elements()) {
    if (ctx.aria.hidden(*d) == aria::Tristate::Yes) continue;
    if (!c.focus && ctx.aria.in_sequential_focus_order(*d)) c.focus = d;
    // Something inside that may be wider than the box, or keep its text on one line.
    if (d->is("pre") || d->is("table") || d->is("textarea") || d->is("img") || d->is("svg") || d->is("video") ||
        d->is("canvas") || d->is("iframe") || d->has_attr("width")) {
      c.wide = true;
    }
    const style::ComputedStyle& ds = styles.of(*d);
    for (const std::optional<double>& w : {ds.width, ds.max_width}) {
      if (!w || *w != style::kNoLength) c.wide = true;  // a set (or unknown) width
    }
    if (d->is("img") || d->is("svg") || d->is("video") || d->is("canvas")) c.any = true;
    visit_text_of(*d);
  }
  // The tallest block whose font is known: blocks of unknown size can only add height.
  for (const auto& [node, b] : blocks) {
    if (!b.known || b.font == 0) continue;
    double chars_per_line = std::max(1.0, std::floor(width / (kMinCharEm * b.font)));
    double lines = std::ceil(static_cast<double>(b.chars) / chars_per_line);
    c.min_height = std::max(c.min_height, lines * b.line);
  }
  return c;
}

std::string describe(Context& ctx, const html::Node& e) {
  std::string name = text::truncate_utf8(ctx.aria.name(e).text, 40);
  std::string tag = "<" + std::string(e.tag()) + ">";
  return name.empty() ? tag : tag + " \"" + name + "\"";
}

// The page's own CSS uses a property that can put more text on a line than the bound allows.
bool css_may_break_bound(Context& ctx) {
  static constexpr std::string_view kWords[] = {"white-space", "column", "writing-mode", "zoom", "transform",
                                                "font-size-adjust", "text-wrap", "scale"};
  auto mentions = [](std::string_view css) {
    std::string lower = text::ascii_lower(css);
    for (std::string_view w : kWords) {
      if (lower.find(w) != std::string::npos) return true;
    }
    return false;
  };
  for (const html::Node* e : ctx.doc.elements()) {
    if (e->is("style") && mentions(e->text_content())) return true;
    if (auto st = e->attr("style"); st && mentions(*st)) return true;
  }
  return false;
}

void evaluate(Context& ctx, Reporter& out) {
  const style::ComputedStyles& styles = ctx.aria.computed_styles();
  std::optional<bool> css_unsafe;  // computed when first needed
  for (const html::Node* e : ctx.doc.elements()) {
    if (e->ns() != html::Namespace::Html || e->is("html") || e->is("body") || e->is("iframe") ||
        e->is("textarea") || e->is("select")) {
      continue;
    }
    if (!scrolls(styles, *e)) continue;
    if (ctx.aria.hidden(*e) == aria::Tristate::Yes) continue;
    const style::ComputedStyle& es = styles.of(*e);
    std::optional<double> height = length_px(styles, *e, style::Property::Height, es.height);
    std::optional<double> max_height = length_px(styles, *e, style::Property::MaxHeight, es.max_height);
    std::optional<double> width = length_px(styles, *e, style::Property::Width, es.width);
    std::optional<double> max_width = length_px(styles, *e, style::Property::MaxWidth, es.max_width);
    double box_width = width ? *width : max_width ? *max_width : 1280;  // the fixed viewport at most
    Content c = measure(ctx, styles, *e, std::max(1.0, box_width));
    if (!c.any) continue;  // nothing to scroll to (a bare scroll bar)
    // Without a height limit the box grows downwards; it scrolls only sideways, and only
    // with content that can be wider than it.
    if (!height && !max_height && !c.wide) continue;
    if (c.focus) {
      out.passed(e, kReachable, {describe(ctx, *c.focus)});
      continue;
    }
    std::optional<double> limit = height ? height : max_height;
    if (limit && !c.wide && c.bound_ok && c.min_height > *limit && ctx.aria.hidden(*e) == aria::Tristate::No &&
        !(css_unsafe ? *css_unsafe : *(css_unsafe = css_may_break_bound(ctx)))) {
      out.failed(e, kNotReachable, {std::to_string(static_cast<int>(*limit)),
                                    std::to_string(static_cast<int>(c.min_height))});
    } else {
      out.cant_tell(e, kMayScroll, {overflow_text(es)});
    }
  }
}

const RuleRegistration kRegistration(kInfo, evaluate);

}  // namespace
}  // namespace granska::checks
