#include "render/layout_facts.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <string_view>
#include <unordered_map>

#include "util/text.h"

namespace granska::render {

namespace {

std::optional<std::string_view> attr(const RenderedNode& n, std::string_view name) {
  for (const html::Attribute& a : n.attributes) {
    if (a.name == name) return std::string_view(a.value);
  }
  return std::nullopt;
}

// tabindex as the HTML standard parses integers: leading whitespace, optional sign, digits.
std::optional<long> tabindex(const RenderedNode& n) {
  auto v = attr(n, "tabindex");
  if (!v) return std::nullopt;
  std::string_view s = *v;
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\n' || s.front() == '\r' || s.front() == '\f')) {
    s.remove_prefix(1);
  }
  bool negative = false;
  if (!s.empty() && (s.front() == '-' || s.front() == '+')) {
    negative = s.front() == '-';
    s.remove_prefix(1);
  }
  long value = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
  if (ec != std::errc() || p == s.data()) return std::nullopt;
  return negative ? -value : value;
}

bool in_document(const RenderedNode& n) { return !n.in_shadow_tree && n.pseudo.empty(); }

bool rendered_visible(const RenderedPage& page, std::uint32_t i) {
  const RenderedNode& n = page.nodes[i];
  if (!n.box || n.style == kNoIndex) return false;
  std::string_view vis = page.style(i, Prop::Visibility);
  return vis != "hidden" && vis != "collapse";
}

bool natively_focusable(const RenderedPage& page, std::uint32_t i) {
  const RenderedNode& n = page.nodes[i];
  if (n.ns == html::Namespace::Svg && n.tag == "a") return attr(n, "href") || attr(n, "xlink:href");
  if (n.ns != html::Namespace::Html) return false;
  const std::string& t = n.tag;
  if (t == "a" || t == "area") return attr(n, "href").has_value();
  if (t == "button" || t == "select" || t == "textarea") return !attr(n, "disabled");
  if (t == "input") {
    auto type = attr(n, "type");
    std::string lower = type ? std::string(*type) : "";
    text::ascii_lower_in_place(lower);
    return lower != "hidden" && !attr(n, "disabled");
  }
  if (t == "iframe") return true;
  if (t == "audio" || t == "video") return attr(n, "controls").has_value();
  if (t == "summary") {
    // Only the first <summary> child of a <details> is its toggle.
    if (n.parent == kNoIndex || page.nodes[n.parent].tag != "details") return false;
    for (std::uint32_t j = n.parent + 1; j < i; ++j) {
      if (page.nodes[j].parent == n.parent && page.nodes[j].tag == "summary" && in_document(page.nodes[j])) return false;
    }
    return true;
  }
  if (auto ce = attr(n, "contenteditable")) {
    std::string v(*ce);
    text::ascii_lower_in_place(v);
    return v != "false";
  }
  return false;
}

bool is_focus_candidate(const RenderedPage& page, std::uint32_t i) {
  const RenderedNode& n = page.nodes[i];
  if (n.kind != NodeKind::Element || !in_document(n) || !rendered_visible(page, i)) return false;
  if (n.box->width <= 0 && n.box->height <= 0) return false;
  auto ti = tabindex(n);
  if (ti && *ti < 0) return false;
  return (ti && *ti >= 0) || natively_focusable(page, i);
}

double distance_to_rect(double cx, double cy, const Rect& r) {
  double dx = std::max({r.x - cx, 0.0, cx - r.right()});
  double dy = std::max({r.y - cy, 0.0, cy - r.bottom()});
  return std::sqrt(dx * dx + dy * dy);
}

bool has_visible_text(std::string_view s) {
  for (char c : s) {
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != '\f') return true;
  }
  return false;
}

}  // namespace

std::vector<std::uint32_t> focus_candidates(const RenderedPage& page, std::size_t cap, std::size_t* total) {
  std::vector<std::uint32_t> out;
  std::size_t count = 0;
  for (std::uint32_t i = 0; i < page.nodes.size(); ++i) {
    if (!is_focus_candidate(page, i)) continue;
    ++count;
    if (out.size() < cap) out.push_back(i);
  }
  if (total) *total = count;
  return out;
}

TargetFacts measure_targets(const RenderedPage& page, std::size_t cap) {
  TargetFacts facts;
  facts.measured = true;
  const std::size_t n = page.nodes.size();
  std::vector<bool> target(n, false);
  for (std::uint32_t i = 0; i < n; ++i) {
    const RenderedNode& node = page.nodes[i];
    if (node.kind != NodeKind::Element || !in_document(node)) continue;
    if (node.tag == "html" || node.tag == "body") continue;
    if (!rendered_visible(page, i) || node.box->width <= 0 || node.box->height <= 0) continue;
    if (page.style(i, Prop::PointerEvents) == "none") continue;
    if (is_focus_candidate(page, i) || node.clickable) target[i] = true;
  }
  // A clickable container of other targets (a card around a link) is not itself the
  // target a pointer user aims at: keep the innermost ones. Natively focusable elements
  // stay targets whatever they contain.
  std::vector<bool> has_target_inside(n, false);
  for (std::uint32_t i = static_cast<std::uint32_t>(n); i-- > 0;) {
    std::uint32_t p = page.nodes[i].parent;
    if (p == kNoIndex) continue;
    if (target[i] || has_target_inside[i]) has_target_inside[p] = true;
  }
  std::vector<std::uint32_t> chosen;
  for (std::uint32_t i = 0; i < n; ++i) {
    if (!target[i]) continue;
    if (has_target_inside[i] && !is_focus_candidate(page, i)) continue;
    ++facts.candidates;
    if (chosen.size() < cap) chosen.push_back(i);
  }
  facts.truncated = facts.candidates > chosen.size();
  for (std::uint32_t i : chosen) {
    TargetFacts::Target t;
    t.node = i;
    t.box = *page.nodes[i].box;
    t.large_enough = t.box.width >= 24 - 1e-6 && t.box.height >= 24 - 1e-6;
    std::string_view display = page.style(i, Prop::Display);
    std::uint32_t p = page.nodes[i].parent;
    if (display == "inline" && p != kNoIndex) {
      for (std::uint32_t j = p + 1; j < n; ++j) {
        if (page.nodes[j].parent == p && page.nodes[j].kind == NodeKind::Text && has_visible_text(page.nodes[j].text)) {
          t.inline_in_text = true;
          break;
        }
        // Children of p come after it; stop at the first node outside p's subtree.
        std::uint32_t a = page.nodes[j].parent;
        while (a != kNoIndex && a != p) a = page.nodes[a].parent;
        if (a == kNoIndex) break;
      }
    }
    facts.targets.push_back(t);
  }
  // Spacing: a 24 px circle centred on each undersized target must not meet another
  // target's box, nor the circle of another undersized target (centres 24 px apart).
  for (TargetFacts::Target& t : facts.targets) {
    if (t.large_enough) continue;
    double cx = t.box.x + t.box.width / 2;
    double cy = t.box.y + t.box.height / 2;
    bool clear = true;
    for (const TargetFacts::Target& o : facts.targets) {
      if (&o == &t) continue;
      if (distance_to_rect(cx, cy, o.box) < 12) {
        clear = false;
        break;
      }
      if (!o.large_enough) {
        double ox = o.box.x + o.box.width / 2;
        double oy = o.box.y + o.box.height / 2;
        if (std::hypot(cx - ox, cy - oy) < 24) {
          clear = false;
          break;
        }
      }
    }
    t.spaced = clear;
  }
  return facts;
}

ReflowFacts analyse_reflow(const RenderedPage& main, const RenderedPage& at_320, int width, int height,
                           std::size_t cap) {
  ReflowFacts facts;
  facts.measured = true;
  facts.viewport_width = width;
  facts.viewport_height = height;
  facts.content_width = at_320.content_width;
  const std::size_t n = at_320.nodes.size();
  const double edge = width + 1.0;  // sub-pixel rounding is not overflow

  // Clipping ancestors: an element whose overflow-x is not visible keeps its content in
  // its own box (scrolling or cut); <html> and <body> pass theirs to the viewport.
  std::vector<bool> clipped_inside(n, false);
  std::vector<bool> overflows(n, false);
  bool viewport_hides = false;
  for (std::uint32_t i = 0; i < n; ++i) {
    const RenderedNode& node = at_320.nodes[i];
    std::uint32_t p = node.parent;
    if (p != kNoIndex) {
      const RenderedNode& parent = at_320.nodes[p];
      std::string_view ox = at_320.style(p, Prop::OverflowX);
      bool root_box = parent.tag == "html" || parent.tag == "body";
      if (clipped_inside[p] || (!root_box && !ox.empty() && ox != "visible")) clipped_inside[i] = true;
    }
    if (node.kind != NodeKind::Element) continue;
    if (node.tag == "html" || node.tag == "body") {
      std::string_view ox = at_320.style(i, Prop::OverflowX);
      if (ox == "hidden" || ox == "clip") viewport_hides = true;
      continue;
    }
    if (clipped_inside[i] || node.in_shadow_tree || !node.pseudo.empty()) continue;
    if (!rendered_visible(at_320, i) || !node.box || node.box->width <= 0 || node.box->height <= 0) continue;
    if (node.box->right() > edge) overflows[i] = true;
  }
  std::unordered_map<std::uint64_t, std::uint32_t> main_by_id;
  main_by_id.reserve(main.nodes.size());
  for (std::uint32_t i = 0; i < main.nodes.size(); ++i) {
    if (main.nodes[i].backend_id) main_by_id.emplace(main.nodes[i].backend_id, i);
  }
  for (std::uint32_t i = 0; i < n; ++i) {
    if (!overflows[i]) continue;
    std::uint32_t p = at_320.nodes[i].parent;
    if (p != kNoIndex && overflows[p]) continue;  // the outermost one stands for its subtree
    ++facts.overflowing_total;
    auto m = main_by_id.find(at_320.nodes[i].backend_id);
    if (m == main_by_id.end() || facts.overflowing.size() >= cap) continue;
    facts.overflowing.push_back({m->second, *at_320.nodes[i].box});
  }
  facts.truncated = facts.overflowing.size() < facts.overflowing_total;
  bool wider = facts.content_width > edge || facts.overflowing_total > 0;
  facts.horizontal_scroll = wider && !viewport_hides && facts.content_width > edge;
  // Wider than the viewport but not scrollable (hidden by <html>/<body>, or fixed boxes the
  // page cannot scroll to): the content past the edge is cut off.
  facts.clipped = wider && !facts.horizontal_scroll;
  return facts;
}

const std::vector<std::string>& focus_probe_properties() {
  static const std::vector<std::string> props = {
      "outline-style", "outline-width", "outline-color", "outline-offset", "box-shadow",
      "border-top-style", "border-right-style", "border-bottom-style", "border-left-style",
      "border-top-width", "border-right-width", "border-bottom-width", "border-left-width",
      "border-top-color", "border-right-color", "border-bottom-color", "border-left-color",
      "background-color", "background-image", "color", "text-decoration-line",
      "text-decoration-color", "text-decoration-thickness", "text-shadow", "opacity",
      "transform", "filter", "visibility", "font-weight"};
  return props;
}

std::vector<std::string> focus_changes(const FocusSample& a, const FocusSample& b) {
  const auto& props = focus_probe_properties();
  std::vector<std::string> out;
  auto compare = [&](const std::vector<std::string>& x, const std::vector<std::string>& y, const std::string& prefix) {
    for (std::size_t i = 0; i < props.size() && i < x.size() && i < y.size(); ++i) {
      if (x[i] != y[i]) out.push_back(prefix + props[i]);
    }
  };
  compare(a.self, b.self, "");
  compare(a.parent, b.parent, "parent:");
  compare(a.before, b.before, "::before:");
  compare(a.after, b.after, "::after:");
  for (std::size_t k = 0; k < a.children.size() && k < b.children.size(); ++k) {
    std::size_t before = out.size();
    compare(a.children[k], b.children[k], "child:");
    // One entry per property, however many children show it.
    std::sort(out.begin() + static_cast<std::ptrdiff_t>(before), out.end());
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  auto moved = [](double p, double q) { return std::fabs(p - q) > 0.5; };
  if (moved(a.box.x, b.box.x) || moved(a.box.y, b.box.y) || moved(a.box.width, b.box.width) ||
      moved(a.box.height, b.box.height)) {
    out.emplace_back("box");
  }
  return out;
}

}  // namespace granska::render
