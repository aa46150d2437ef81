// The WAI-ARIA 1.2 vocabulary as data: every role and every aria-* attribute with the
// characteristics the spec lists for it, in one place, so rules ask here instead of
// keeping their own lists.
//
// Sources: WAI-ARIA 1.2 (https://www.w3.org/TR/wai-aria-1.2/) §5.4 "Definition of Roles"
// and §6.6/§6.7 "Definitions of States and Properties"; WAI-ARIA Graphics Module 1.0 §4;
// DPUB-ARIA 1.1 §4 (names, superclasses and name-from only). A few ARIA 1.3 additions that
// browsers already implement (aria-description, aria-braillelabel,
// aria-brailleroledescription) are listed and flagged, so pages using them are not
// reported as using unknown attributes.
//
// Lookups take lowercase names (role tokens and attribute names are ASCII
// case-insensitive; lowercase them first, or use find_role_token()). All tables are
// constexpr and sorted; lookups are binary searches without allocation. Thread-safe.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

namespace granska::aria {

// A list of words in one string literal, separated by single spaces. Iterating yields
// std::string_view words that point into the literal (static storage).
class WordList {
 public:
  constexpr WordList() = default;
  constexpr WordList(const char* words) : s_(words) {}  // NOLINT(google-explicit-constructor)
  constexpr explicit WordList(std::string_view words) : s_(words) {}

  class iterator {
   public:
    using value_type = std::string_view;
    using difference_type = std::ptrdiff_t;
    constexpr iterator() = default;
    constexpr explicit iterator(std::string_view rest) : rest_(rest) { settle(); }
    constexpr std::string_view operator*() const { return word_; }
    constexpr iterator& operator++() {
      settle();
      return *this;
    }
    constexpr iterator operator++(int) {
      iterator copy = *this;
      settle();
      return copy;
    }
    constexpr bool operator==(const iterator& o) const {
      return word_.data() == o.word_.data() && word_.size() == o.word_.size();
    }

   private:
    constexpr void settle() {
      while (!rest_.empty() && rest_.front() == ' ') rest_.remove_prefix(1);
      std::size_t n = rest_.find(' ');
      if (n == std::string_view::npos) n = rest_.size();
      word_ = rest_.substr(0, n);
      rest_.remove_prefix(n);
      if (word_.empty()) word_ = {};
    }
    std::string_view rest_;
    std::string_view word_;
  };

  constexpr iterator begin() const { return iterator(s_); }
  constexpr iterator end() const { return iterator(); }
  constexpr bool empty() const { return begin() == end(); }
  constexpr bool contains(std::string_view word) const {
    for (std::string_view w : *this) {
      if (w == word) return true;
    }
    return false;
  }
  constexpr std::string_view str() const { return s_; }

 private:
  std::string_view s_;
};

// ---- States and properties (WAI-ARIA 1.2 §6.6, value types §6.3) ----

enum class ValueType : std::uint8_t {
  TrueFalse,           // "true" | "false"
  Tristate,            // "true" | "false" | "mixed" (| "undefined")
  TrueFalseUndefined,  // "true" | "false" | "undefined"
  IdRef,               // one id
  IdRefs,              // space-separated ids
  Integer,             // a whole number
  Number,              // a real number
  String,              // any text
  Token,               // one of `tokens`
  TokenList,           // space-separated subset of `tokens`
};
std::string_view to_string(ValueType type);  // "true/false", "tristate", "idref", ...

struct AttributeInfo {
  std::string_view name;  // "aria-checked"
  ValueType type = ValueType::String;
  bool global = false;    // applies to every role (§6.4 "Global States and Properties")
  bool is_state = false;  // a state (may change with interaction) rather than a property
  // The whole attribute is deprecated in ARIA 1.2: aria-grabbed, aria-dropeffect (§6.6).
  bool deprecated = false;
  // Global in ARIA 1.2, but using it on roles that do not list it (role_lists_attribute)
  // is deprecated: aria-disabled, aria-errormessage, aria-haspopup, aria-invalid (§6.4 note).
  bool deprecated_as_global = false;
  bool aria13 = false;  // defined only in the ARIA 1.3 draft (but implemented by browsers)
  WordList tokens;         // allowed values of Token/TokenList types
  std::string_view default_value;  // value when absent ("" = undefined)
};

// nullptr when `name` is not an ARIA 1.2 (or flagged 1.3) attribute. Expects lowercase.
const AttributeInfo* find_attribute(std::string_view name);
std::span<const AttributeInfo> all_attributes();

// True when `value` is allowed for the attribute's type (empty counts as invalid except
// for String; whitespace is trimmed; tokens compare ASCII case-insensitively).
bool is_valid_attribute_value(const AttributeInfo& attribute, std::string_view value);

// ---- Roles (WAI-ARIA 1.2 §5.4 Definition of Roles, §5.2 Characteristics) ----

enum class RoleModule : std::uint8_t { Aria, Graphics, Dpub };

// "Name From" (§5.2.8); a role may allow both author and contents.
enum NameFrom : std::uint8_t {
  kNameFromAuthor = 1,
  kNameFromContents = 2,
  kNameFromProhibited = 4,
};

struct RoleInfo {
  std::string_view name;
  RoleModule module = RoleModule::Aria;
  bool abstract = false;    // never valid in role= (§5.3.1 Abstract Roles)
  bool deprecated = false;  // directory (ARIA 1.2)
  std::uint8_t name_from = kNameFromAuthor;
  bool name_required = false;             // "Accessible Name Required"
  bool children_presentational = false;   // "Children Presentational: True"
  WordList superclasses;            // direct superclass roles
  WordList required_attributes;     // "Required States and Properties"
  WordList supported_attributes;    // own "Supported States and Properties" (not inherited)
  WordList prohibited_attributes;   // "Prohibited States and Properties"
  // "Required Owned Elements"; "group>menuitem" means a menuitem owned through a group.
  WordList required_owned;
  WordList required_context;        // "Required Context Role"
  WordList implicit_values;         // "Implicit Value for Role", as "aria-level=2"
};

// nullptr for an unknown role. Expects lowercase; "presentation" is its own entry.
const RoleInfo* find_role(std::string_view name);
// ASCII case-insensitive lookup of one role token, as written in a role attribute.
const RoleInfo* find_role_token(std::string_view token);
std::span<const RoleInfo> all_roles();
// The first concrete (non-abstract) role named in a role attribute's value, as browsers
// pick it, before presentational conflict resolution; nullptr when none is valid.
// "presentation" is returned as itself (Semantics reports it as "none").
const RoleInfo* first_concrete_role(std::string_view role_attribute);

// True when `role` is `ancestor` or inherits from it (e.g. ("searchbox", "textbox"),
// ("switch", "checkbox"), ("button", "widget")).
bool role_is_a(std::string_view role, std::string_view ancestor);
// Whether `attribute` may be used on `role`: global ones (unless the role prohibits
// them) plus required and supported ones of the role and its superclasses.
bool role_supports_attribute(std::string_view role, std::string_view attribute);
// Whether `role` or a superclass lists `attribute` as required or supported (globals do
// not count). With AttributeInfo::deprecated_as_global this tells a deprecated use of
// aria-disabled/-errormessage/-haspopup/-invalid from a normal one.
bool role_lists_attribute(std::string_view role, std::string_view attribute);
bool role_prohibits_attribute(std::string_view role, std::string_view attribute);
// ARIA 1.2 "deprecated on this role": aria-expanded was supported on the abstract roles
// section, sectionhead, document and window in ARIA 1.1; 1.2 moved it to the widgets that
// expand, and the roles that had inherited it (alert, article, banner, dialog, heading,
// img, list, region, ...) keep it as deprecated. Browsers still expose it there, so using
// it is no error, only outdated. False where the role lists it, or never had it.
bool role_deprecates_attribute(std::string_view role, std::string_view attribute);
// The implicit value of `attribute` for `role` ("" when none), e.g. heading/aria-level → "2".
std::string_view implicit_value(std::string_view role, std::string_view attribute);
// Widget roles (subclasses of widget) and landmark roles (subclasses of landmark).
bool is_widget_role(std::string_view role);
bool is_landmark_role(std::string_view role);

}  // namespace granska::aria
