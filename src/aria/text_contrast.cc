#include "aria/text_contrast.h"

#include <algorithm>
#include <string>
#include <unordered_set>

#include "aria/computed_style.h"
#include "util/text.h"

namespace granska::aria {

namespace {

const Rgba kCanvas{255, 255, 255, 1};
const Rgba kLink{0, 0, 238, 1};       // :link in every major browser
const Rgba kVisited{85, 26, 139, 1};  // :visited

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

bool declares_effect(const ComputedStyles& styles, const html::Node& e, Prop p, std::string_view none) {
  const Cascaded& c = styles.cascaded(e, p);
  if (c.uncertain) return true;
  if (!c.declared) return false;
  std::string_view v = text::trim(c.value);
  return !(text::iequals(v, none) || text::iequals(v, "initial") || text::iequals(v, "unset") ||
           text::iequals(v, "revert"));
}

bool is_link(const html::Node& e) { return (e.is("a") || e.is("area")) && e.has_attr("href"); }

// Text colour candidates; empty when unknown.
std::vector<Rgba> text_colors(const ComputedStyles& styles, const html::Node& e) {
  if (std::optional<Rgba> c = styles.of(e).color) return {*c};
  // The only unknown is a link's visited state: try both colours browsers use.
  for (const html::Node* a = &e; a; a = a->parent_element()) {
    const Cascaded& c = styles.cascaded(*a, Prop::Color);
    if (c.uncertain || c.declared) return {};
    if (is_link(*a)) return {kLink, kVisited};
  }
  return {};
}

// The colour of one point after painting the chain root..leaf (each element's background
// then, at the leaf, `glyph` if given), with every ancestor's opacity applied as a group.
// Iterative (issue #16: recursing once per level overflowed the stack on deep pages):
// down the chain each background is composited over its backdrop, then back up each
// element's opacity blends what was painted inside it with that backdrop.
Rgba paint(const std::vector<const ComputedStyle*>& chain, const Rgba* glyph, std::vector<Rgba>& backdrops) {
  backdrops.clear();
  Rgba inner = kCanvas;
  for (const ComputedStyle* cs : chain) {
    backdrops.push_back(inner);
    inner = composite(*cs->background_color, inner);
  }
  if (glyph) inner = composite(*glyph, inner);
  for (std::size_t i = chain.size(); i-- > 0;) {
    double o = *chain[i]->opacity;
    if (o >= 1) continue;
    const Rgba& b = backdrops[i];
    inner = Rgba{b.r + (inner.r - b.r) * o, b.g + (inner.g - b.g) * o, b.b + (inner.b - b.b) * o, 1};
  }
  return inner;
}

}  // namespace

std::vector<TextContrast> text_contrasts(Semantics& aria) {
  const html::Document& doc = aria.document();
  const ComputedStyles& styles = aria.computed_styles();
  std::unordered_set<const html::Node*> labels = disabled_labels(doc);

  // Boxes taken out of the flow: they may lie under or over any text near them.
  std::vector<const html::Node*> positioned;
  for (const html::Node* e : doc.elements()) {
    Placement p = placement(styles, *e);
    const html::Node* parent = e->parent_element();
    bool own = p == Placement::Positioned || p == Placement::Unknown;
    bool inherited_only = parent && own && placement(styles, *parent) == p;
    if (own && !inherited_only) positioned.push_back(e);
  }

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
  // invisible, disabled, labels a disabled widget), and the first reason its colours
  // cannot be computed (the nearest element's wins).
  std::size_t n = doc.elements().size();
  std::vector<bool> skip(n, false);
  std::vector<std::string_view> reason(n);
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
    } else if (declares_effect(styles, *e, Prop::Filter, "none") ||
               declares_effect(styles, *e, Prop::MixBlendMode, "normal") ||
               declares_effect(styles, *e, Prop::BackgroundClip, "border-box") ||
               declares_effect(styles, *e, Prop::TextFillColor, "currentcolor") ||
               declares_effect(styles, *e, Prop::TextStroke, "0")) {
      own = "effect";
    } else if (declares_effect(styles, *e, Prop::Transform, "none")) {
      own = "transform";
    }
    if (own.empty()) {
      // A box collapsed to no height with its overflow hidden (a closed accordion) shows
      // nothing now but may open: not judged.
      std::string_view overflow = text::trim(styles.cascaded(*e, Prop::Overflow).value);
      if (text::iequals(overflow, "hidden") || text::iequals(overflow, "clip")) {
        for (Prop p : {Prop::Height, Prop::MaxHeight}) {
          std::optional<double> h = parse_length(styles.cascaded(*e, p).value, cs.font_size.value_or(16));
          if (h && *h <= 0) own = "hidden";
        }
      }
    }
    if (!own.empty()) reason[i] = own;
  }

  std::vector<TextContrast> out;
  std::vector<const ComputedStyle*> chain;
  std::vector<Rgba> backdrops;
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
    Placement where = placement(styles, *e);
    if (where == Placement::OffScreen) continue;

    TextContrast r{e, reason[i], !has_words(own_text), 0, 0, std::nullopt};
    auto unknown = [&](std::string_view why) {
      if (r.unknown_reason.empty()) r.unknown_reason = why;
    };
    chain.clear();
    for (const html::Node* a = e; a; a = a->parent_element()) chain.push_back(&styles.of(*a));
    std::reverse(chain.begin(), chain.end());
    const ComputedStyle& cs = styles.of(*e);
    if (cs.font_size && *cs.font_size <= 0) continue;
    if (aria.hidden(*e) == Tristate::Unknown) unknown("hidden");
    if (where != Placement::InFlow) unknown("positioned");
    if (dark_scheme) unknown("color");
    if (!cs.has_text_shadow || *cs.has_text_shadow) unknown("text-shadow");
    // Positioned boxes in the same part of the page may cover the text or sit behind it.
    if (r.unknown_reason.empty()) {
      // The nearest ancestor with an opaque background bounds what can show through.
      const html::Node* bound = e;
      for (const html::Node* a = e; a; a = a->parent_element()) {
        bound = a;
        const ComputedStyle& s = styles.of(*a);
        if (s.background_color && s.background_color->a >= 1 && s.opacity && *s.opacity >= 1) break;
      }
      for (const html::Node* p : positioned) {
        if (p->contains(*e)) continue;  // an ancestor: its own position was judged above
        if (bound->contains(*p) || !bound->parent_element()) {
          unknown("positioned");
          break;
        }
      }
    }
    std::vector<Rgba> colors = text_colors(styles, *e);
    if (colors.empty()) unknown("color");
    if (r.unknown_reason.empty()) {
      Rgba background = paint(chain, nullptr, backdrops);
      r.min_ratio = 1e9;
      for (const Rgba& c : colors) {
        Rgba fg = paint(chain, &c, backdrops);
        double ratio = contrast_ratio(fg, background);
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
