// The `granska inspect` report: what chosen elements are to assistive technology (role,
// accessible name and where it came from, description, hidden, focusable). It explains a
// finding to an editor and helps debug the semantics layer.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "html/dom.h"
#include "style/cascade.h"
#include "util/lang.h"

namespace granska::reports {

// One computed value for `inspect --styles`, and where it came from.
struct InspectedStyle {
  std::string property;  // "color"
  std::string value;     // as CSS writes it ("rgb(0, 0, 238)"); "" when granska cannot tell
  enum class Source : std::uint8_t {
    Initial, Inherited, UserAgent, StyleSheet, StyleElement, StyleAttribute, HtmlAttribute, Computed
  } source = Source::Initial;
  std::string url;  // StyleSheet: the sheet's address (untrusted)
  std::uint32_t line = 0;
  bool uncertain = false;  // a rule granska could not evaluate may set it instead
};

// The computed values granska uses for `element`, each with its origin.
std::vector<InspectedStyle> inspect_styles(const style::ComputedStyles& styles, const html::Node& element);

// One inspected element, resolved to plain data. Strings may hold page content: untrusted.
struct InspectedElement {
  std::string selector;  // unique selector path
  std::uint32_t line = 0, column = 0;
  std::string snippet;
  std::string role;  // "" = no role (generic)
  bool explicit_role = false;
  std::string name;
  std::string name_source;  // "aria-labelledby", "alt", "contents", … ("none" without a name)
  std::string description;
  std::string description_source;
  bool hidden = false;            // excluded from the accessibility tree
  bool hidden_uncertain = false;  // rests on CSS granska could not evaluate
  bool focusable = false;
  std::vector<InspectedStyle> styles;  // filled for `inspect --styles`
};

void write_inspect_text(std::ostream& out, const std::vector<InspectedElement>& elements, Lang lang);
// A JSON array, one object per element (fields as in InspectedElement; see README).
void write_inspect_json(std::ostream& out, const std::vector<InspectedElement>& elements);

}  // namespace granska::reports
