#include "render/browser_styles.h"

#include <charconv>
#include <cmath>
#include <string>
#include <vector>

#include "util/text.h"

namespace granska::render {

namespace {

using style::ComputedStyle;
using style::Placement;

std::optional<double> number(std::string_view s) {
  // "16px", "0.5", "700": the browser's serialisation, a number and maybe "px".
  if (s.ends_with("px")) s.remove_suffix(2);
  double v = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || end != s.data() + s.size()) return std::nullopt;
  return v;
}

std::optional<style::Rgba> color(std::string_view s) {
  std::optional<style::Color> c = style::parse_color(s);
  if (!c || c->kind != style::Color::Kind::Rgba) return std::nullopt;
  return c->rgba;
}

std::optional<style::Display> display(std::string_view s) {
  for (int i = 0; i <= static_cast<int>(style::Display::BlockMath); ++i) {
    auto d = static_cast<style::Display>(i);
    if (style::display_name(d) == s) return d;
  }
  // Two-keyword forms the older names do not cover.
  if (s == "block flow") return style::Display::Block;
  if (s == "inline flow") return style::Display::Inline;
  if (s == "inline flow-root") return style::Display::InlineBlock;
  return std::nullopt;
}

std::optional<style::Overflow> overflow(std::string_view s) {
  if (s == "visible") return style::Overflow::Visible;
  if (s == "hidden") return style::Overflow::Hidden;
  if (s == "clip") return style::Overflow::Clip;
  if (s == "scroll") return style::Overflow::Scroll;
  if (s == "auto" || s == "overlay") return style::Overflow::Auto;
  return std::nullopt;
}

std::optional<style::Position> position(std::string_view s) {
  if (s == "static") return style::Position::Static;
  if (s == "relative") return style::Position::Relative;
  if (s == "absolute") return style::Position::Absolute;
  if (s == "fixed") return style::Position::Fixed;
  if (s == "sticky") return style::Position::Sticky;
  return std::nullopt;
}

// Elements a browser draws without a layout object of their own, or whose content it draws
// elsewhere: the snapshot has no style for them although they are not display: none.
bool drawn_without_box(const html::Node& e) {
  std::string_view tag = e.tag();
  if (tag == "option" || tag == "optgroup" || tag == "area" || tag == "source" || tag == "track" ||
      tag == "param" || tag == "map")
    return true;
  const html::Node* p = e.parent_element();
  return p && p->ns() == html::Namespace::Html && (p->tag() == "select" || p->tag() == "datalist");
}

void apply_browser_values(const RenderedPage& page, std::uint32_t n, const ComputedStyle* parent, ComputedStyle& cs) {
  auto v = [&](Prop p) { return page.style(n, p); };
  if (auto d = display(v(Prop::Display))) {
    cs.display = *d;
    cs.maybe_none = cs.maybe_shown = false;
  }
  std::string_view vis = v(Prop::Visibility);
  if (vis == "visible" || vis == "hidden" || vis == "collapse") {
    cs.visibility = vis == "visible"  ? style::Visibility::Visible
                    : vis == "hidden" ? style::Visibility::Hidden
                                      : style::Visibility::Collapse;
    cs.maybe_hidden = cs.maybe_visible = false;
  }
  cs.content_hidden = v(Prop::ContentVisibility) == "hidden";
  cs.opacity = number(v(Prop::Opacity));
  cs.color = color(v(Prop::Color));
  // A visited link's colour is not exposed by the browser (privacy): the unvisited one.
  cs.visited_color = cs.color;
  cs.background_color = color(v(Prop::BackgroundColor));
  std::string_view image = v(Prop::BackgroundImage);
  cs.background_image = image.empty() ? std::optional<bool>() : std::optional<bool>(image != "none");
  cs.font_size = number(v(Prop::FontSize));
  if (auto w = number(v(Prop::FontWeight))) cs.font_weight = static_cast<int>(*w);
  else cs.font_weight.reset();
  std::string_view lh = v(Prop::LineHeight);
  if (lh == "normal") cs.line_height = style::LineHeight{};
  else if (auto px = number(lh)) cs.line_height = style::LineHeight{style::LineHeight::Kind::Px, *px};
  else cs.line_height.reset();
  auto spacing = [&](Prop p) -> std::optional<double> {
    std::string_view s = v(p);
    return s == "normal" ? std::optional<double>(0.0) : number(s);
  };
  cs.letter_spacing = spacing(Prop::LetterSpacing);
  cs.word_spacing = spacing(Prop::WordSpacing);
  cs.text_indent = number(v(Prop::TextIndent));
  cs.text_shadow = v(Prop::TextShadow) != "none";
  cs.filter = v(Prop::Filter) != "none";
  cs.blend = v(Prop::MixBlendMode) != "normal";
  cs.text_clip = v(Prop::BackgroundClip) == "text";
  std::string_view fill = v(Prop::TextFillColor);
  cs.text_fill = !fill.empty() && fill != v(Prop::Color);
  std::string_view transform = v(Prop::Transform), rotate = v(Prop::Rotate);
  cs.transform = (transform != "none" && !transform.empty()) || (rotate != "none" && !rotate.empty());
  bool rotates = false, rotates_too = false;
  std::optional<double> a = style::rotation_degrees(style::Property::Transform, transform, rotates);
  std::optional<double> b = style::rotation_degrees(style::Property::Rotate, rotate, rotates_too);
  cs.rotates = rotates || rotates_too;
  cs.rotation = a && b ? std::optional<double>(*a + *b) : std::nullopt;
  cs.overflow_x = overflow(v(Prop::OverflowX));
  cs.overflow_y = overflow(v(Prop::OverflowY));
  cs.position = position(v(Prop::Position));
  std::string_view clip = v(Prop::Clip), clip_path = v(Prop::ClipPath);
  // Declared sizes and offsets (width, max-height, top, …) stay the cascade's: rules read
  // them as constraints, which the snapshot's used sizes are not.
  const std::optional<Rect>& box = page.nodes[n].box;
  const bool clipped = (!clip.empty() && clip != "auto" && box && box->width <= 1 && box->height <= 1) ||
                       (clip_path == "inset(50%)" || clip_path == "inset(100%)");
  cs.clipped_away = clipped;

  // Where it is: from the box the browser laid out, not from offsets.
  Placement own = Placement::InFlow;
  const bool out_of_flow = cs.position == style::Position::Absolute || cs.position == style::Position::Fixed;
  if (clipped) {
    own = Placement::OffScreen;
  } else if (box && (box->right() <= 0 || box->bottom() <= 0 || box->x <= -style::kOffScreen ||
                     box->y <= -style::kOffScreen)) {
    own = Placement::OffScreen;
  } else if (out_of_flow) {
    const bool tiny = box && box->width <= 1 && box->height <= 1 &&
                      (cs.overflow_x == style::Overflow::Hidden || cs.overflow_x == style::Overflow::Clip);
    own = tiny ? Placement::OffScreen : Placement::Positioned;
  }
  auto rank = [](Placement p) { return p == Placement::InFlow ? 0 : p == Placement::Positioned ? 1 : p == Placement::Unknown ? 2 : 3; };
  cs.placement = parent && rank(parent->placement) > rank(own) ? parent->placement : own;
}

}  // namespace

std::unique_ptr<style::ComputedStyles> browser_styles(const RenderedView& view, const style::PageSheets& sheets,
                                                      const style::Environment& environment) {
  const RenderedPage& page = view.page();
  // Open modal dialogs (the browser said :modal): everything outside them is inert (HTML
  // §6.3, "blocked by a modal dialog").
  std::vector<const html::Node*> modal;
  for (std::uint32_t i = 0; i < page.nodes.size(); ++i) {
    if (!page.nodes[i].modal) continue;
    if (const html::Node* dialog = view.element(i)) modal.push_back(dialog);
  }
  auto inside_modal = [&modal](const html::Node& e) {
    for (const html::Node* d : modal)
      for (const html::Node* a = &e; a; a = a->parent_element())
        if (a == d) return true;
    return false;
  };
  return std::make_unique<style::ComputedStyles>(
      view.document(), sheets, environment,
      [&](const html::Node& e, const ComputedStyle* parent, ComputedStyle& cs) {
        const std::uint32_t n = view.node_index(e);
        if (!modal.empty()) cs.blocked_by_modal = !inside_modal(e);
        if (page.nodes[n].style != kNoIndex) {
          apply_browser_values(page, n, parent, cs);
          return;
        }
        if (parent && parent->display == style::Display::None) {
          cs.display = style::Display::None;
          cs.maybe_none = cs.maybe_shown = false;
          return;
        }
        // SVG and MathML parts without boxes of their own (<title>, <desc>, <defs>, gradients)
        // are not hidden for that: names come from them.
        if (e.ns() != html::Namespace::Html || drawn_without_box(e) || (cs.display == style::Display::Contents && !cs.maybe_none)) return;
        // The browser did not lay it out: not rendered.
        cs.display = style::Display::None;
        cs.maybe_none = cs.maybe_shown = false;
      });
}

}  // namespace granska::render
