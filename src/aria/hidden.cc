// Hidden (not rendered), hidden from assistive technology, and focusable.
//
// Rendering: the one cascade (style/cascade.h), whose user-agent origin is HTML's default
// style sheet (hidden elements, [hidden], input type=hidden ...), plus what browsers hide
// outside CSS: <template> contents, SVG's non-rendered elements, the content of a closed
// <details>. <noscript> content is treated as not rendered, as a browser with scripting
// enabled (every browser a visitor is likely to use, and the one axe-core and the ACT
// examples run in) parses it as text: the tracking <img>/<iframe> in it is no image or frame.
// Focus: HTML §6.6.3 "Focusable areas" and "disabled" form controls (HTML §4.10.18.5).
#include "aria/semantics_impl.h"

namespace granska::aria {

namespace {

// Elements never rendered, whatever the author's CSS says.
bool never_rendered(const html::Node& e) {
  if (e.ns() == html::Namespace::Svg) {
    static constexpr std::string_view kSvg[] = {"clippath", "defs", "desc", "filter", "lineargradient",
                                                "marker", "mask", "metadata", "pattern",
                                                "radialgradient", "script", "style", "symbol", "title"};
    for (std::string_view t : kSvg) {
      if (e.tag() == t) return true;
    }
    return false;
  }
  if (e.ns() != html::Namespace::Html) return false;
  // Template contents are a separate document fragment; source and track elements never
  // have boxes of their own; <noscript> content is text to a browser that runs scripts.
  return e.is("template") || e.is("source") || e.is("track") || e.is("noscript");
}

// Content of a closed <details> other than its first <summary> child is not rendered.
bool in_closed_details(const html::Node& e) {
  const html::Node* parent = e.parent_element();
  if (!parent || !parent->is("details") || parent->has_attr("open")) return false;
  for (const html::Node* c : parent->children()) {
    if (c->is("summary")) return c != &e;
  }
  return true;
}

bool aria_hidden_true(const html::Node& e) {
  std::optional<std::string_view> v = e.attr("aria-hidden");
  return v && text::iequals(text::trim(*v), "true");
}

Tristate either(Tristate a, Tristate b) {
  if (a == Tristate::Yes || b == Tristate::Yes) return Tristate::Yes;
  if (a == Tristate::Unknown || b == Tristate::Unknown) return Tristate::Unknown;
  return Tristate::No;
}

}  // namespace

void Semantics::Impl::compute_hidden() {
  const auto& elements = doc.elements();
  const style::ComputedStyles& styles = this->styles();
  hidden_entries.assign(elements.size(), {});
  for (const html::Node* e : elements) {
    std::uint32_t i = e->element_index();
    const style::ComputedStyle& s = styles.of(*e);
    detail::HiddenEntry& h = hidden_entries[i];
    const html::Node* parent = e->parent_element();
    const detail::HiddenEntry* ph = parent ? &hidden_entries[parent->element_index()] : nullptr;

    Tristate self_none = Tristate::No;
    if (never_rendered(*e) || in_closed_details(*e)) {
      self_none = Tristate::Yes;
    } else if (e->is("area")) {
      // An image map's areas have no boxes of their own (display: none) but are drawn and
      // reached through their image.
      self_none = Tristate::No;
    } else if (s.display == style::Display::None) {
      self_none = s.maybe_shown ? Tristate::Unknown : Tristate::Yes;
    } else if (s.maybe_none) {
      self_none = Tristate::Unknown;
    }
    if (parent) {
      const std::optional<bool>& content_hidden = styles.of(*parent).content_hidden;
      if (content_hidden == true) self_none = Tristate::Yes;
      else if (!content_hidden && self_none == Tristate::No) self_none = Tristate::Unknown;
    }
    h.display_none = ph ? either(ph->display_none, self_none) : self_none;

    // visibility is inherited by the cascade itself.
    bool hidden = s.visibility != style::Visibility::Visible;
    h.invisible = hidden ? (s.maybe_visible ? Tristate::Unknown : Tristate::Yes)
                         : (s.maybe_hidden ? Tristate::Unknown : Tristate::No);

    h.aria_hidden = (ph && ph->aria_hidden) || aria_hidden_true(*e);
    h.inert_attribute = (ph && ph->inert_attribute) || e->has_attr("inert");
    h.inert = h.inert_attribute || s.blocked_by_modal;
    h.block_level = !style::is_inline_level(s.display) && s.display != style::Display::Contents &&
                    s.display != style::Display::None;
  }
}

const detail::HiddenEntry& Semantics::Impl::hidden_entry(const html::Node& e) {
  if (hidden_entries.empty()) compute_hidden();
  return hidden_entries[e.element_index()];
}

Tristate Semantics::Impl::hidden(const html::Node& e) {
  if (!e.is_element()) {
    const html::Node* p = e.parent_element();
    return p ? hidden(*p) : Tristate::No;
  }
  const detail::HiddenEntry& h = hidden_entry(e);
  return either(h.display_none, h.invisible);
}

Tristate Semantics::Impl::hidden_from_at(const html::Node& e) {
  if (!e.is_element()) {
    const html::Node* p = e.parent_element();
    return p ? hidden_from_at(*p) : Tristate::No;
  }
  // HTML §6.3 (inert subtrees): user agents do not expose inert nodes to accessibility APIs.
  const detail::HiddenEntry& h = hidden_entry(e);
  if (h.aria_hidden || h.inert) return Tristate::Yes;
  return hidden(e);
}

bool Semantics::Impl::is_disabled(const html::Node& e) const {
  static constexpr std::string_view kControls[] = {"button", "input", "select", "textarea", "optgroup",
                                                   "option", "fieldset"};
  bool control = false;
  for (std::string_view t : kControls) control = control || e.is(t);
  if (!control) return false;
  if (e.has_attr("disabled")) return true;
  if (e.is("option")) {  // an option in a disabled optgroup is disabled too
    const html::Node* p = e.parent_element();
    return p && p->is("optgroup") && p->has_attr("disabled");
  }
  // Inside a disabled fieldset, except within that fieldset's first legend child.
  const html::Node* child = &e;
  for (const html::Node* p = e.parent_element(); p; child = p, p = p->parent_element()) {
    if (!p->is("fieldset") || !p->has_attr("disabled")) continue;
    const html::Node* first_legend = nullptr;
    for (const html::Node* c : p->children()) {
      if (c->is("legend")) {
        first_legend = c;
        break;
      }
    }
    if (child != first_legend) return true;
  }
  return false;
}

bool Semantics::Impl::focusable(const html::Node& e) {
  if (!e.is_element()) return false;
  std::int8_t& slot = focusable_cache[e.element_index()];
  if (slot >= 0) return slot == 1;
  auto decide = [&]() -> bool {
    const detail::HiddenEntry& h = hidden_entry(e);
    if (h.inert || hidden(e) == Tristate::Yes || is_disabled(e)) return false;
    if (auto tabindex = e.attr("tabindex"); tabindex && detail::parse_html_integer(*tabindex)) return true;
    if (e.ns() == html::Namespace::Svg) return e.tag() == "a" && (e.has_attr("href") || e.has_attr("xlink:href"));
    if (e.ns() != html::Namespace::Html) return false;
    std::string_view tag = e.tag();
    if (tag == "a" || tag == "area") return e.has_attr("href");
    if (tag == "button" || tag == "select" || tag == "textarea" || tag == "iframe") return true;
    if (tag == "input") return detail::input_type(e) != "hidden";
    if (tag == "audio" || tag == "video") return e.has_attr("controls");
    if (tag == "summary") {
      const html::Node* details = e.parent_element();
      if (!details || !details->is("details")) return false;
      for (const html::Node* c : details->children()) {
        if (c->is("summary")) return c == &e;
      }
      return false;
    }
    // An editing host: contenteditable "", "true" or "plaintext-only" whose parent is not
    // editable itself (descendants of a host are part of it, not separate stops).
    auto editable = [](const html::Node& n) -> std::optional<bool> {
      std::optional<std::string_view> v = n.attr("contenteditable");
      if (!v) return std::nullopt;
      std::string_view t = text::trim(*v);
      if (t.empty() || text::iequals(t, "true") || text::iequals(t, "plaintext-only")) return true;
      if (text::iequals(t, "false")) return false;
      return std::nullopt;  // invalid: inherit
    };
    if (editable(e).value_or(false)) {
      for (const html::Node* p = e.parent_element(); p; p = p->parent_element()) {
        if (std::optional<bool> pe = editable(*p)) return !*pe;
      }
      return true;
    }
    return false;
  };
  bool result = decide();
  slot = result ? 1 : 0;
  return result;
}

bool Semantics::Impl::is_block_level(const html::Node& e) {
  if (!e.is_element()) return false;
  // <br> and form controls separate their neighbours' text in names too (browsers keep a
  // control's value apart even though it is an inline-block box).
  if (e.is("br") || e.is("button") || e.is("input") || e.is("select") || e.is("textarea")) return true;
  return hidden_entry(e).block_level;
}

}  // namespace granska::aria
