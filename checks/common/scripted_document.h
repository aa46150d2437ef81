// What is not part of the document a browser with scripting on builds: the content of
// <template> (a separate fragment) and of <noscript> (parsed as text). granska's parser keeps
// both as elements; rules that do not ask aria::Semantics::hidden() — which already treats
// both as not rendered — leave them out with this, so they judge the page visitors get.
#pragma once

#include <cstdint>
#include <vector>

#include "html/dom.h"

namespace granska::checks {

class OutsideDocument {
 public:
  // One pass over the document's elements.
  explicit OutsideDocument(const html::Document& doc);
  // True for elements inside a <template> or <noscript>.
  bool contains(const html::Node& element) const { return flags_[element.element_index()] != 0; }

 private:
  std::vector<std::uint8_t> flags_;
};

}  // namespace granska::checks
