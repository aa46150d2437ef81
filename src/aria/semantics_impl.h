// Internal state of aria::Semantics, shared by semantics.cc, role.cc, name.cc and
// hidden.cc. Not for use outside src/aria.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "aria/aria_data.h"
#include "aria/semantics.h"
#include "html/dom.h"
#include "style/cascade.h"
#include "util/text.h"

namespace granska::aria {

namespace detail {

// How an element's role came about. Generic (an HTML element whose role is "generic")
// and NoRole (no corresponding ARIA role, e.g. label, iframe) both read as "" outside,
// but differ for naming: generic prohibits a name, NoRole allows one from the author.
enum class RoleKind : std::uint8_t { Unset, InProgress, NoRole, Generic, Role };

struct RoleEntry {
  RoleKind kind = RoleKind::Unset;
  bool explicit_role = false;
  const RoleInfo* info = nullptr;  // for RoleKind::Role
};

// Per-element visibility facts, computed for the whole document in one pass.
struct HiddenEntry {
  Tristate display_none = Tristate::No;  // not rendered, with its subtree (display:none, ...)
  Tristate invisible = Tristate::No;     // visibility:hidden/collapse (children may show)
  bool aria_hidden = false;              // aria-hidden="true" on it or an ancestor
  bool inert = false;                    // inert on it or an ancestor, or blocked by a modal dialog
  bool inert_attribute = false;          // inert on it or an ancestor
  bool block_level = false;              // for spacing in names
};

// Traversal flags of the accessible name computation (accname 1.2 §4.3.2).
struct NameFrame {
  bool in_reference = false;    // inside an aria-labelledby/-describedby traversal
  bool include_hidden = false;  // the traversal's directly referenced node was hidden
  bool from_content = false;    // reached by name-from-content recursion
  int depth = 0;
};

}  // namespace detail

struct Semantics::Impl {
  Impl(const html::Document& d, const style::PageSheets* s, const style::Environment& e);

  const html::Document& doc;
  std::unique_ptr<style::PageSheets> own_sheets;  // when none were given
  const style::PageSheets* sheets;
  style::Environment environment;
  std::unique_ptr<style::ComputedStyles> computed_styles;  // built on first use
  const style::ComputedStyles& styles();
  std::unique_ptr<std::vector<TextContrast>> text_contrasts;  // built on first use

  // ---- roles (role.cc) ----
  std::vector<detail::RoleEntry> roles;
  const detail::RoleEntry& role_entry(const html::Node& e);
  detail::RoleEntry compute_role(const html::Node& e);
  detail::RoleEntry implicit_role(const html::Node& e, bool allow_presentational);
  // True when the role is `name` (a concrete role name; "none" for none/presentation).
  bool role_is(const html::Node& e, std::string_view name);

  // ---- hidden / focusable (hidden.cc) ----
  std::vector<detail::HiddenEntry> hidden_entries;  // empty until first needed
  std::vector<std::int8_t> focusable_cache;        // -1 unknown, 0 no, 1 yes
  const detail::HiddenEntry& hidden_entry(const html::Node& e);
  void compute_hidden();
  Tristate hidden(const html::Node& e);
  Tristate hidden_from_at(const html::Node& e);
  bool focusable(const html::Node& e);
  bool is_disabled(const html::Node& e) const;
  bool is_block_level(const html::Node& e);

  // ---- names (name.cc) ----
  std::vector<std::optional<AccessibleName>> names, descriptions;
  std::vector<std::uint32_t> visited;  // == visit_stamp: consulted in the current computation
  std::uint32_t visit_stamp = 0;
  std::uint32_t next_visit_stamp = 0;
  int name_recursion = 0;  // text_alternative calls under way
  // label elements per labelable element (HTML "labels"), built on first use
  std::vector<std::vector<const html::Node*>> labels;
  bool labels_built = false;

  AccessibleName compute_name(const html::Node& e);
  AccessibleName compute_description(const html::Node& e);
  // Whether aria-labelledby, aria-label or title give `e` a non-empty name (HTML-AAM's
  // "has an accessible name" for section/form/aside, decided without knowing e's role).
  bool has_author_name(const html::Node& e);
  std::string text_alternative(const html::Node& current, const html::Node& root,
                               detail::NameFrame frame, NameSource* source);
  std::string content_text(const html::Node& e, const html::Node& root, detail::NameFrame frame,
                           bool skip_own_text);
  std::optional<std::string> host_language_label(const html::Node& e, const html::Node& root,
                                                 detail::NameFrame frame, NameSource* source);
  std::optional<std::string> embedded_control_value(const html::Node& e);
  std::string referenced_text(const html::Node& e, std::string_view idrefs_attribute,
                              const html::Node& root, bool* any_valid);
  const std::vector<const html::Node*>& labels_of(const html::Node& e);
};

namespace detail {

// Splits on HTML whitespace and calls f(token) for each token.
template <class F>
void for_each_token(std::string_view s, F&& f) {
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && text::is_html_space(s[i])) ++i;
    std::size_t start = i;
    while (i < s.size() && !text::is_html_space(s[i])) ++i;
    if (i > start) f(s.substr(start, i - start));
  }
}

// HTML "rules for parsing integers": optional whitespace and sign, then digits; trailing
// garbage is ignored. nullopt when there are no digits.
std::optional<long> parse_html_integer(std::string_view s);

// The input element's type, lowercase, "text" when missing or unknown.
std::string_view input_type(const html::Node& input);

}  // namespace detail

}  // namespace granska::aria
