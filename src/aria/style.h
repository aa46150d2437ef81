// What the page's own CSS says about each element's display and visibility, for hidden
// checks and for spacing in accessible names. Internal to src/aria.
//
// Reads the style attribute of every element and the <style> elements of the page (in any
// namespace, not inside <template> or <noscript>, with a type of text/css or none, and a
// media attribute that matches the fixed environment of css.h). Cascade: !important,
// then inline style over rules, then specificity, then source order.
//
// Limitations, on purpose:
// - External style sheets (<link rel=stylesheet>, @import) are not fetched: a page that
//   hides content only from an external sheet is treated as showing it.
// - Selectors go through html::Selector. A complex selector it cannot parse (pseudo-classes
//   such as :checked or :has(), namespaces, ...) is evaluated with those parts removed; if
//   that looser selector matches and its rule could change whether the element is
//   display:none or visibility:hidden, the answer becomes Unknown rather than a guess.
// - Selectors with a pseudo-element (::before, ::marker, ...) or a user-action
//   pseudo-class outside :not() (:hover, :focus, :active, :focus-within, :focus-visible,
//   :visited, :target) describe other boxes or other moments and are ignored: granska
//   judges the page as loaded, without interaction.
// - Rules nested with CSS Nesting are not evaluated; if they hide or show something they
//   are treated like unevaluable selectors for the elements their innermost part matches.
// - Only display, visibility and content-visibility are looked at; off-screen positioning,
//   clipping, opacity and size are not "hidden" in accname's sense anyway.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "html/dom.h"
#include "html/selector.h"

namespace granska::aria::detail {

enum class Display : std::uint8_t { Unset, None, Inline, Block };
enum class Visibility : std::uint8_t { Unset, Visible, Hidden, Inherit };

// The author-level cascaded values for one element (not inherited, not UA defaults), and
// what a rule granska could not evaluate might set instead if it applies and wins.
struct ElementStyle {
  Display display = Display::Unset;
  Visibility visibility = Visibility::Unset;
  bool content_hidden = false;       // content-visibility: hidden
  bool maybe_display_none = false;   // an unevaluated rule may set display:none
  bool maybe_display_shown = false;  // an unevaluated rule may set another display
  bool maybe_hidden = false;         // an unevaluated rule may set visibility:hidden
  bool maybe_visible = false;        // an unevaluated rule may set visibility:visible
};

// Cascaded style for every element of `doc`, indexed by Node::element_index().
std::vector<ElementStyle> compute_styles(const html::Document& doc);

}  // namespace granska::aria::detail

// ---- Shared with computed_style.cc (additive): selector preparation as compute_styles
// does it, so the general computed-style cascade treats selectors exactly alike.
namespace granska::aria::detail {

// One complex selector of a style rule, ready to match. `exact` is false for a looser
// stand-in of a selector granska cannot evaluate (see the header comment above); `bucket`
// names the id ('#'), class ('.') or type ('t') of its rightmost compound, or is empty
// ('\0' kind) when any element may match.
struct PreparedSelector {
  html::Selector selector;
  bool exact;
  char bucket_kind;  // '#', '.', 't' or '\0'
  std::string bucket_name;
};

// The complex selectors of a rule's selector list that can match an element at rest:
// pseudo-element and user-action selectors are left out, unparseable ones loosened.
// `nested` for a CSS Nesting rule (always inexact).
std::vector<PreparedSelector> prepare_selectors(std::string_view selector_list, bool nested);

// Whether a <style> element takes part in the cascade (not in <template>/<noscript>,
// type text/css or none, media matching the fixed environment).
bool style_element_applies(const html::Node& style);

}  // namespace granska::aria::detail
