#include "aria/text_contrast.h"

#include <algorithm>
#include <array>
#include <string>
#include <unordered_set>

#include "util/text.h"

namespace granska::aria {

namespace {

using style::ComputedStyle;
using style::Rgba;

const Rgba kCanvas{255, 255, 255, 1};

bool is_blank(const html::Node& text_node) {
  return std::all_of(text_node.data().begin(), text_node.data().end(), text::is_html_space);
}

// Letters or digits: ASCII alphanumerics, or a code point outside the symbol and
// punctuation blocks.
bool has_words(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      if (std::isalnum(c)) return true;
      ++i;
      continue;
    }
    std::size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
    std::uint32_t cp = c & (len == 2 ? 0x1F : len == 3 ? 0x0F : 0x07);
    for (std::size_t k = 1; k < len && i + k < s.size(); ++k) cp = (cp << 6) | (s[i + k] & 0x3F);
    i += len;
    bool symbol = (cp >= 0xA0 && cp <= 0xBF) || cp == 0xD7 || cp == 0xF7 || (cp >= 0x2000 && cp <= 0x2BFF) ||
                  (cp >= 0x3000 && cp <= 0x303F) || (cp >= 0x1F000 && cp <= 0x1FAFF) || cp == 0xFE0F;
    if (!symbol) return true;
  }
  return false;
}

bool attr_true(const html::Node& e, std::string_view name) {
  auto v = e.attr(name);
  return v && text::iequals(text::trim(*v), "true");
}

bool natively_disableable(const html::Node& e) {
  return e.is("button") || e.is("input") || e.is("select") || e.is("textarea") || e.is("optgroup") ||
         e.is("option") || e.is("fieldset");
}

// The element or an ancestor is disabled (disabled attribute, disabled fieldset,
// aria-disabled=true): text in it belongs to a disabled widget or group.
bool in_disabled(const html::Node& e) {
  for (const html::Node* a = &e; a; a = a->parent_element()) {
    if (attr_true(*a, "aria-disabled")) return true;
    if (natively_disableable(*a) && a->has_attr("disabled")) return true;
  }
  return false;
}

const html::Node* labelled_control(const html::Node& label) {
  if (auto f = label.attr("for")) {
    auto found = label.document().elements_with_id(*f);
    return found.empty() ? nullptr : found.front();
  }
  for (const html::Node* d : label.descendant_elements()) {
    if (d->is("input") || d->is("select") || d->is("textarea") || d->is("button") || d->is("meter") ||
        d->is("output") || d->is("progress")) {
      return d;
    }
  }
  return nullptr;
}

// Elements whose text names a disabled widget: labels of disabled controls and elements
// that a disabled element's aria-labelledby points to.
std::unordered_set<const html::Node*> disabled_labels(const html::Document& doc) {
  std::unordered_set<const html::Node*> out;
  for (const html::Node* e : doc.elements()) {
    if (e->is("label")) {
      if (const html::Node* c = labelled_control(*e); c && in_disabled(*c)) out.insert(e);
    }
    auto ids = e->attr("aria-labelledby");
    if (!ids || !in_disabled(*e)) continue;
    std::string_view s = *ids;
    std::size_t i = 0;
    while (i < s.size()) {
      while (i < s.size() && text::is_html_space(s[i])) ++i;
      std::size_t start = i;
      while (i < s.size() && !text::is_html_space(s[i])) ++i;
      if (i > start) {
        for (const html::Node* t : doc.elements_with_id(s.substr(start, i - start))) out.insert(t);
      }
    }
  }
  return out;
}

// A single character in a control that the author names otherwise ("X" in a button with
// aria-label="Close"): a glyph, not text in a human language (ACT afw4f7 Passed Example 7).
bool stands_for_name(const html::Node& e, std::string_view own_text) {
  std::string_view trimmed = text::trim(own_text);
  if (trimmed.empty() || trimmed.size() > 4) return false;  // one code point is at most 4 bytes
  char32_t cp = 0;
  std::size_t len = text::utf8_sequence(trimmed, 0, cp);
  if (trimmed.empty() || len != trimmed.size()) return false;
  for (const html::Node* a = &e; a; a = a->parent_element()) {
    bool control = a->is("button") || (a->is("a") && a->has_attr("href")) || a->has_attr("role");
    if (!control) continue;
    auto label = a->attr("aria-label");
    return (label && !text::trim(*label).empty()) || a->has_attr("aria-labelledby");
  }
  return false;
}

// What every point of an element is painted with, as an affine map of the colour painted
// at the innermost level: each ancestor's opacity blends its whole subtree with the
// backdrop it was painted on (the ancestors' backgrounds composited over the canvas).
// Computed top-down in one pass, so the cost does not grow with the depth of the tree.
struct Paint {
  Rgba backdrop;     // the ancestors' backgrounds over the canvas, opacity aside
  double scale = 1;  // final = scale * inner + offset, per channel
  std::array<double, 3> offset{0, 0, 0};
  bool known = true;

  Rgba apply(const Rgba& inner) const {
    return Rgba{scale * inner.r + offset[0], scale * inner.g + offset[1], scale * inner.b + offset[2], 1};
  }
};

}  // namespace

std::vector<TextContrast> text_contrasts(Semantics& aria) {
  const html::Document& doc = aria.document();
  const style::ComputedStyles& styles = aria.computed_styles();
  std::unordered_set<const html::Node*> labels = disabled_labels(doc);
  std::size_t n = doc.elements().size();

  // Boxes taken out of the flow may lie under or over text. Without layout granska cannot
  // tell where they end up, so it assumes each stays within its containing block (the
  // nearest positioned ancestor; the viewport for position: fixed), as boxes normally do:
  // a visible positioned box may touch the text of any element in its containing block.
  // Counted along each ancestor chain, top-down, so the question costs O(1) per text.
  std::vector<std::uint8_t> positioned(n, 0);
  std::vector<std::uint32_t> cb_count(n, 0), near_boxes(n, 0), chain_positioned(n, 0), bound(n, 0);
  std::vector<std::int32_t> containing(n, -1), anchor(n, -1);
  for (const html::Node* e : doc.elements()) {
    std::size_t i = e->element_index();
    const ComputedStyle& cs = styles.of(*e);
    const html::Node* parent = e->parent_element();
    std::size_t pi = parent ? parent->element_index() : i;
    style::Placement p = cs.placement;
    bool own = p == style::Placement::Positioned || p == style::Placement::Unknown;
    bool inherited_only = parent && own && styles.of(*parent).placement == p;
    positioned[i] = own && !inherited_only && aria.hidden(*e) != Tristate::Yes;
    // The nearest ancestor that positions its descendants.
    if (parent) {
      const ComputedStyle& ps = styles.of(*parent);
      bool establishes = !ps.position || *ps.position != style::Position::Static;
      containing[i] = establishes ? static_cast<std::int32_t>(pi) : containing[pi];
    }
    if (positioned[i]) {
      bool fixed = cs.position == style::Position::Fixed;
      std::size_t cb = fixed || containing[i] < 0 ? 0 : static_cast<std::size_t>(containing[i]);
      ++cb_count[cb];
    }
    anchor[i] = positioned[i] ? static_cast<std::int32_t>(i) : (parent ? anchor[pi] : -1);
    chain_positioned[i] = (parent ? chain_positioned[pi] : 0) + positioned[i];
    // The nearest ancestor-or-self with an opaque background bounds what can show through.
    bool opaque = cs.background_color && cs.background_color->a >= 1 && cs.opacity && *cs.opacity >= 1;
    bound[i] = opaque || !parent ? static_cast<std::uint32_t>(i) : bound[pi];
  }
  // A positioned box matters only if it paints an area that may lie behind or over text: a
  // background (colour or image) or an image, video, frame or other replaced content, in
  // it or its descendants. A box with only text in it (an anchor glyph beside a heading)
  // would collide with other text, not change its background. Generated content (::before,
  // ::after) is not modelled. Decided bottom-up in one pass.
  std::vector<std::uint8_t> paints(n, 0);
  const auto& elements = doc.elements();
  for (std::size_t k = n; k-- > 0;) {
    const html::Node* e = elements[k];
    if (aria.hidden(*e) == Tristate::Yes) continue;  // paints nothing, nor do its descendants
    const ComputedStyle& cs = styles.of(*e);
    bool own = !cs.background_color || cs.background_color->a > 0 || cs.background_image != false;
    std::string_view t = e->tag();
    own = own || t == "img" || t == "svg" || t == "video" || t == "canvas" || t == "iframe" || t == "object" ||
          t == "embed" || t == "picture";
    if (own) paints[k] = 1;
    if (paints[k] && e->parent_element()) paints[e->parent_element()->element_index()] = 1;
  }
  for (std::size_t k = 0; k < n; ++k) {
    if (!positioned[k] || paints[k]) continue;
    // Nothing painted: take the box back out of the counts.
    positioned[k] = 0;
    const ComputedStyle& cs = styles.of(*elements[k]);
    bool fixed = cs.position == style::Position::Fixed;
    --cb_count[fixed || containing[k] < 0 ? 0 : static_cast<std::size_t>(containing[k])];
  }
  for (const html::Node* e : elements) {
    std::size_t i = e->element_index();
    const html::Node* parent = e->parent_element();
    chain_positioned[i] = (parent ? chain_positioned[parent->element_index()] : 0) + positioned[i];
    anchor[i] = positioned[i] ? static_cast<std::int32_t>(i) : (parent ? anchor[parent->element_index()] : -1);
  }
  // Positioned boxes whose containing block holds each element (counted once the whole
  // tree is known: a box later in the tree counts for text before it too).
  for (const html::Node* e : doc.elements()) {
    std::size_t i = e->element_index();
    const html::Node* parent = e->parent_element();
    near_boxes[i] = (parent ? near_boxes[parent->element_index()] : 0) + cb_count[i];
  }
  auto contains = [&](std::size_t outer, std::size_t inner) {
    auto below = doc.elements()[outer]->descendant_elements();
    return inner >= outer && inner <= outer + below.size();
  };

  // Elements a script attaches a shadow root to: their text is written by the script.
  std::unordered_set<const html::Node*> shadow_hosts;
  for (const html::Node* e : doc.elements()) {
    if (!e->is("script")) continue;
    std::string code = e->text_content();
    if (code.find("attachShadow") == std::string::npos) continue;
    for (const html::Node* h : doc.elements()) {
      auto id = h->attr("id");
      if (!id || id->empty()) continue;
      for (char q : {'\'', '"', '`'}) {
        if (code.find(q + std::string(*id) + q) != std::string::npos) shadow_hosts.insert(h);
      }
    }
  }

  // A page that asks for a dark colour scheme only gets a dark canvas and light default
  // text, which granska does not model.
  bool dark_scheme = false;
  for (const html::Node* e : doc.elements()) {
    auto name = e->attr("name");
    if (!e->is("meta") || !name || !text::iequals(text::trim(*name), "color-scheme")) continue;
    std::string content = text::ascii_lower(e->attr("content").value_or(""));
    dark_scheme = content.find("dark") != std::string::npos && content.find("light") == std::string::npos;
  }

  // Per element, inherited down the tree: text in it is out of scope (not rendered,
  // invisible, disabled, labels a disabled widget), the first reason its colours cannot be
  // computed (the nearest element's wins), and how it is painted.
  std::vector<bool> skip(n, false);
  std::vector<std::string_view> reason(n);
  std::vector<Paint> paint(n);
  bool incomplete = styles.sheets().incomplete;
  for (const html::Node* e : doc.elements()) {
    std::size_t i = e->element_index();
    const html::Node* parent = e->parent_element();
    if (parent) {
      skip[i] = skip[parent->element_index()];
      reason[i] = reason[parent->element_index()];
    }
    const ComputedStyle& cs = styles.of(*e);
    if (!skip[i]) {
      std::string_view t = e->tag();
      bool own_skip = e->ns() != html::Namespace::Html || t == "script" || t == "style" || t == "template" ||
                      t == "noscript" || t == "head" || t == "title" || t == "iframe" || t == "object" ||
                      t == "canvas" || t == "video" || t == "audio" || t == "select" || t == "datalist" ||
                      (t == "dialog" && !e->has_attr("open"));
      // Closed <details> shows only its summary.
      if (parent && parent->is("details") && !parent->has_attr("open") && !e->is("summary")) own_skip = true;
      if (attr_true(*e, "aria-disabled") || (natively_disableable(*e) && e->has_attr("disabled"))) own_skip = true;
      if (labels.count(e)) own_skip = true;
      if (cs.opacity && *cs.opacity <= 0) own_skip = true;
      skip[i] = own_skip;
    }
    std::string_view own;
    if (!cs.opacity) {
      own = "opacity";
    } else if (!cs.background_image || *cs.background_image) {
      own = "background-image";
    } else if (!cs.background_color) {
      own = "background-color";
    } else if (cs.filter != false || cs.blend != false || cs.text_clip != false || cs.text_fill != false ||
               cs.text_stroke != false) {
      own = "effect";
    } else if (cs.transform != false) {
      own = "transform";
    } else if (cs.overflow_x == style::Overflow::Hidden || cs.overflow_x == style::Overflow::Clip ||
               cs.overflow_y == style::Overflow::Hidden || cs.overflow_y == style::Overflow::Clip) {
      // A box collapsed to no height with its overflow hidden (a closed accordion) shows
      // nothing now but may open: not judged.
      if ((cs.height && *cs.height <= 0) || (cs.max_height && *cs.max_height <= 0)) own = "hidden";
    }
    if (!own.empty()) reason[i] = own;

    // How this element is painted (meaningful only while nothing above is unknown).
    Paint p = parent ? paint[parent->element_index()] : Paint{kCanvas};
    if (parent) {
      const ComputedStyle& ps = styles.of(*parent);
      if (ps.background_color) p.backdrop = style::composite(*ps.background_color, p.backdrop);
    }
    if (cs.opacity && cs.background_color && p.known) {
      double o = *cs.opacity;
      // f(x) = backdrop + (x - backdrop) * o, composed inside the parent's map.
      std::array<double, 3> b{p.backdrop.r, p.backdrop.g, p.backdrop.b};
      for (int k = 0; k < 3; ++k) p.offset[static_cast<std::size_t>(k)] += p.scale * (1 - o) * b[static_cast<std::size_t>(k)];
      p.scale *= o;
    } else {
      p.known = false;
    }
    paint[i] = p;
  }

  std::vector<TextContrast> out;
  for (const html::Node* e : doc.elements()) {
    if (shadow_hosts.count(e) && aria.hidden(*e) != Tristate::Yes) {
      out.push_back(TextContrast{e, "script", false, 0, 0, std::nullopt});
      continue;
    }
    std::size_t i = e->element_index();
    if (skip[i]) continue;
    std::string own_text;
    for (const html::Node* c : e->children()) {
      if (c->is_text() && !is_blank(*c)) own_text += c->data();
    }
    if (own_text.empty() || (e->is("details") && !e->has_attr("open"))) continue;
    if (aria.hidden(*e) == Tristate::Yes) continue;
    const ComputedStyle& cs = styles.of(*e);
    style::Placement where = cs.placement;
    if (where == style::Placement::OffScreen) continue;

    TextContrast r{e, reason[i], !has_words(own_text) || stands_for_name(*e, own_text), 0, 0, std::nullopt};
    auto unknown = [&](std::string_view why) {
      if (r.unknown_reason.empty()) r.unknown_reason = why;
    };
    if (cs.font_size && *cs.font_size <= 0) continue;
    if (incomplete) unknown("stylesheet");
    if (aria.hidden(*e) == Tristate::Unknown) unknown("hidden");
    if (where == style::Placement::Unknown) unknown("positioned");
    if (where == style::Placement::Positioned) {
      // Inside a positioned box: what lies behind the text is known only when an opaque
      // background inside that box is behind it.
      std::int32_t a = anchor[i];
      if (a < 0 || !contains(static_cast<std::size_t>(a), bound[i])) unknown("positioned");
    }
    if (dark_scheme) unknown("color");
    if (!cs.text_shadow || *cs.text_shadow) unknown("text-shadow");
    // Another positioned box in the same containing block may cover the text or sit behind it.
    if (r.unknown_reason.empty() && near_boxes[i] > chain_positioned[i]) unknown("positioned");
    std::vector<Rgba> colors;
    if (cs.color && cs.visited_color) {
      colors.push_back(*cs.color);
      if (!(*cs.visited_color == *cs.color)) colors.push_back(*cs.visited_color);
    } else {
      unknown("color");
    }
    if (r.unknown_reason.empty() && !paint[i].known) unknown("background-color");
    if (r.unknown_reason.empty()) {
      const Paint& p = paint[i];
      Rgba under = style::composite(*cs.background_color, p.backdrop);
      Rgba background = p.apply(under);
      r.min_ratio = 1e9;
      for (const Rgba& c : colors) {
        Rgba fg = p.apply(style::composite(c, under));
        double ratio = style::contrast_ratio(fg, background);
        r.min_ratio = std::min(r.min_ratio, ratio);
        r.max_ratio = std::max(r.max_ratio, ratio);
      }
      // Text in the very colour of its background is not visible: not applicable.
      if (r.max_ratio <= 1.0 + 1e-9) continue;
    }
    if (cs.font_size && cs.font_weight) {
      r.large = *cs.font_size >= 24 - 1e-6 || (*cs.font_size >= 18.66 && *cs.font_weight >= 700);
    }
    out.push_back(r);
  }
  return out;
}

}  // namespace granska::aria
