// Hidden (not rendered), hidden from assistive technology, and focusable.
//
// Rendering: HTML's user-agent style sheet (HTML §15.3 "Non-rendered elements" and the
// [hidden] rule, which author display values override) plus the page's own CSS (style.h).
// <noscript> content is treated as not rendered, as a browser with scripting enabled
// (every browser a visitor is likely to use, and the one axe-core and the ACT examples
// run in) parses it as text: the tracking <img>/<iframe> in it is no image or frame.
// Focus: HTML §6.6.3 "Focusable areas" and "disabled" form controls (HTML §4.10.18.5).
#include "aria/semantics_impl.h"

namespace granska::aria {

namespace {

using detail::Display;
using detail::Visibility;

// Elements never rendered, whatever the author's CSS says (for practical purposes).
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
  static constexpr std::string_view kHtml[] = {"base", "datalist", "head",   "link",     "meta",
                                               "noscript", "param", "rp", "script", "source",
                                               "style", "template", "title", "track"};
  for (std::string_view t : kHtml) {
    if (e.tag() == t) return true;
  }
  if (e.is("input") && detail::input_type(e) == "hidden") return true;
  if (e.is("dialog") && !e.has_attr("open")) return true;
  if (e.is("audio") && !e.has_attr("controls")) return true;
  return false;
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
  std::vector<detail::ElementStyle> styles = detail::compute_styles(doc);
  hidden_entries.assign(elements.size(), {});
  // Inherited computed visibility per element: Visible, Hidden or (unknown) Unset.
  std::vector<Visibility> visibility(elements.size(), Visibility::Visible);
  for (const html::Node* e : elements) {
    std::uint32_t i = e->element_index();
    const detail::ElementStyle& s = styles[i];
    detail::HiddenEntry& h = hidden_entries[i];
    const html::Node* parent = e->parent_element();
    const detail::HiddenEntry* ph = parent ? &hidden_entries[parent->element_index()] : nullptr;
    Visibility parent_vis = parent ? visibility[parent->element_index()] : Visibility::Visible;

    // display: UA "none" for [hidden] unless the author sets another display value.
    Tristate self_none = Tristate::No;
    bool ua_none = never_rendered(*e) || in_closed_details(*e);
    bool hidden_attr = e->has_attr("hidden") && s.display == Display::Unset;
    if (ua_none || hidden_attr || s.display == Display::None) {
      self_none = Tristate::Yes;
      if (!ua_none && s.maybe_display_shown) self_none = Tristate::Unknown;
    } else if (s.maybe_display_none) {
      self_none = Tristate::Unknown;
    }
    bool parent_content_hidden = parent && styles[parent->element_index()].content_hidden;
    if (parent_content_hidden) self_none = Tristate::Yes;
    h.display_none = ph ? either(ph->display_none, self_none) : self_none;

    // visibility: inherited unless set; Unset here stands for "unknown".
    Visibility v = parent_vis;
    if (s.visibility == Visibility::Hidden || s.visibility == Visibility::Visible) v = s.visibility;
    bool sure = s.visibility == Visibility::Hidden || s.visibility == Visibility::Visible;
    if ((v != Visibility::Hidden && s.maybe_hidden) || (v == Visibility::Hidden && s.maybe_visible) ||
        (!sure && parent_vis == Visibility::Unset)) {
      v = Visibility::Unset;
    }
    visibility[i] = v;
    h.invisible = v == Visibility::Hidden ? Tristate::Yes : v == Visibility::Unset ? Tristate::Unknown : Tristate::No;

    h.aria_hidden = (ph && ph->aria_hidden) || aria_hidden_true(*e);
    h.inert = (ph && ph->inert) || e->has_attr("inert");
    h.author_display = s.display;
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
  Display d = hidden_entry(e).author_display;
  if (d == Display::Block) return true;
  if (d == Display::Inline) return false;
  if (e.ns() != html::Namespace::Html) return false;
  // HTML's default block-level boxes (HTML §15.3.3 and §15.3.7-8), plus table parts,
  // list items and <br>: browsers separate their text from their neighbours' in names.
  static constexpr std::string_view kBlocks[] = {
      "address", "article", "aside", "blockquote", "body", "br", "caption", "center", "dd",
      "details", "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure",
      "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr",
      "legend", "li", "listing", "main", "menu", "nav", "ol", "optgroup", "option", "p",
      "plaintext", "pre", "search", "section", "summary", "table", "tbody", "td", "tfoot",
      "th", "thead", "tr", "ul", "xmp",
      // Form controls are inline-block boxes; browsers keep their values apart too.
      "button", "input", "select", "textarea"};
  for (std::string_view t : kBlocks) {
    if (e.tag() == t) return true;
  }
  return false;
}

}  // namespace granska::aria
