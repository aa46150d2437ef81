// What each element is to assistive technology: role, accessible name and description,
// hidden and focusable — computed per WAI-ARIA 1.2, HTML-AAM and accname 1.2, without a
// browser. Rules ask here; none re-derives these.
//
// A Semantics object belongs to one Document and caches what it computes, so it is cheap
// to ask the same question twice. Not thread-safe: one Semantics per thread per document.
// The Document (and the PageSheets given) must outlive it.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "html/dom.h"
#include "style/cascade.h"

namespace granska::aria {

struct TextContrast;  // aria/text_contrast.h

// Where an accessible name (or description) came from, for explaining a finding.
enum class NameSource : std::uint8_t {
  None,             // no name
  AriaLabelledby,   // aria-labelledby
  AriaLabel,        // aria-label
  Label,            // <label for> or wrapping <label>
  Alt,              // alt on img/area/input type=image
  Value,            // input button value, or the browser default ("Submit"/"Reset")
  Legend,           // fieldset/legend
  Caption,          // table/caption, figure/figcaption
  Title,            // title attribute (also <title> of svg)
  Placeholder,      // placeholder (last resort)
  Contents,         // name from content
  AriaDescribedby,  // descriptions only
  AriaDescription,  // descriptions only
};
std::string_view to_string(NameSource s);  // "aria-labelledby", "alt", "contents", ...

struct AccessibleName {
  std::string text;  // whitespace-normalised, trimmed
  NameSource source = NameSource::None;
};

// Whether a yes/no answer rests on CSS granska could not evaluate (@container, :valid,
// :has() over its budget ...): rules turn Unknown into cantTell, never into passed.
enum class Tristate : std::uint8_t { No, Yes, Unknown };

class Semantics {
 public:
  // `sheets`: the page's style sheets as style::collect_sheets() loaded them. nullptr:
  // only the page's <style> elements (linked sheets count as not loaded, so styles that
  // depend on them are unknown).
  // `environment`: the screen the page is styled for (style/media.h).
  explicit Semantics(const html::Document& doc, const style::PageSheets* sheets = nullptr,
                     const style::Environment& environment = {});
  // A page whose styles were computed elsewhere (a rendered page: the browser's values,
  // render/browser_styles.h); `styles` belongs to `doc` and is used for everything that
  // reads styles.
  Semantics(const html::Document& doc, std::unique_ptr<style::ComputedStyles> styles);
  ~Semantics();
  Semantics(const Semantics&) = delete;
  Semantics& operator=(const Semantics&) = delete;

  const html::Document& document() const;

  // Computed role: the first valid, non-abstract token of role=, else the implicit
  // HTML-AAM role; "" when the element has no role (generic/none with nothing to expose),
  // "none" after presentational conflict resolution keeps role=none/presentation.
  std::string_view role(const html::Node& element);
  // True when the role came from a valid role= token.
  bool has_explicit_role(const html::Node& element);
  // True when role() is "" because the element maps to the generic role (div, span, b,
  // a without href, ...), as opposed to an element with no role at all (audio, tbody
  // outside a table, unknown elements). Generic forbids naming; no-role elements do not.
  bool is_generic(const html::Node& element);
  // The role the element would have without its role attribute (HTML-AAM, in its context);
  // "" when it has none. Lets rules tell role="checkbox" on <input type=checkbox> (native
  // semantics apply) from the same role on a <div>.
  std::string_view implicit_role(const html::Node& element);

  // The element's accessible name and description, computed once and kept: the reference
  // stays valid as long as this object.
  const AccessibleName& name(const html::Node& element);
  const AccessibleName& description(const html::Node& element);
  // The <label> elements of a labelable element (HTML "labels": <label for> and wrapping
  // labels without for), in tree order; empty for other elements. The reference stays
  // valid as long as this object.
  const std::vector<const html::Node*>& labels(const html::Node& element);

  // Hidden from everyone (not rendered): display:none (the browser's default style sheet
  // included: [hidden], <template>, input type=hidden ...) or visibility:hidden from the
  // page's CSS, content-visibility:hidden on an ancestor, a closed <details> or <dialog>,
  // or an ancestor of those. Unknown when a rule granska could not evaluate might decide.
  Tristate hidden(const html::Node& element);
  // Excluded from the accessibility tree: hidden, or aria-hidden="true" or inert on it or an
  // ancestor (HTML: inert nodes are not exposed to accessibility APIs).
  Tristate hidden_from_at(const html::Node& element);
  // HTML inert: the inert attribute on it or an ancestor, or (on a rendered page) outside an
  // open modal dialog. Inert elements cannot be focused and are not exposed to AT.
  bool inert(const html::Node& element);
  // In sequential focus order or focusable by script (any tabindex), and not disabled,
  // inert or hidden. aria-hidden does not affect this.
  bool focusable(const html::Node& element);
  // Focusable and reached with the Tab key: focusable() without a negative tabindex.
  bool in_sequential_focus_order(const html::Node& element);
  // HTML "actually disabled": a form control with disabled, in a disabled fieldset (outside
  // its first legend), or an option in a disabled optgroup. aria-disabled does not count.
  bool disabled(const html::Node& element);
  // The input element's type state, lowercase; "text" when missing or unknown.
  static std::string_view input_type(const html::Node& input);

  // Computed CSS values of every element (style/cascade.h), computed once and shared by
  // hidden/shown decisions and the rules that read styles.
  const style::ComputedStyles& computed_styles();
  // The contrast of every applicable text (aria/text_contrast.h), computed once per page
  // for both contrast rules.
  const std::vector<TextContrast>& text_contrasts();

  // A fact about the page that several rules derive the same way (its repeated regions,
  // its landmarks, its media): made by make() (returning a T) on the first call for this
  // T, then kept as long as this object, so every rule of the page shares one. One T per
  // page: give each fact a type of its own. A fact may fill itself in as rules ask (a
  // memo per element, say). Like the rest of Semantics, not thread-safe.
  template <class T, class Make>
  T& page_fact(Make&& make) {
    const void* key = &FactKey<T>::key;
    for (const Fact& f : facts_) {
      if (f.key == key) return *static_cast<T*>(f.value.get());
    }
    auto made = std::make_shared<T>(make());
    T& ref = *made;
    facts_.push_back(Fact{key, std::move(made)});
    return ref;
  }

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  template <class T>
  struct FactKey {
    static constexpr char key = 0;
  };
  struct Fact {
    const void* key;
    std::shared_ptr<void> value;
  };
  std::vector<Fact> facts_;
};

// True when the element has a global WAI-ARIA attribute other than aria-hidden (these
// keep an element in the accessibility tree, WAI-ARIA 1.2 §9.3).
bool has_global_aria_attribute(const html::Node& element);

}  // namespace granska::aria
