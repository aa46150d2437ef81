// Parents and owned elements in the accessibility tree, as ARIA's required context and
// required owned elements rules (WAI-ARIA 1.2 §5.2.6, §5.2.7) see them: aria-owns moves an
// element under its owner, and elements that add nothing to the tree (role none, generic
// or role-less elements without a focus stop or global ARIA attribute) are looked through.
//
// An Ownership belongs to one Semantics (and its Document), which must outlive it. It
// builds the aria-owns map once. Not thread-safe, like Semantics.
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

#include "aria/semantics.h"
#include "html/dom.h"

namespace granska::aria {

class Ownership {
 public:
  explicit Ownership(Semantics& semantics);

  // True when the element is left out of the tree's structure: role none, or generic /
  // no role with no global ARIA attribute and no focus stop. Its children count as
  // children of its own parent.
  bool transparent(const html::Node& element);
  // The nearest ancestor that is in the tree and not transparent, or the element's
  // aria-owns owner; nullptr at the top.
  const html::Node* parent(const html::Node& element);
  // The elements `element` owns: its children (looking through transparent ones) that
  // are not hidden from assistive technology and not owned elsewhere, then its aria-owns
  // targets in order. Elements hidden only perhaps (CSS granska could not evaluate) are
  // included.
  std::vector<const html::Node*> owned(const html::Node& element);
  // The role to compare: role(), or "generic" for generic elements, "" for none at all.
  std::string_view role(const html::Node& element);
  // aria-owns ids on `element` that match no element in the document.
  std::vector<std::string> missing_owned_ids(const html::Node& element) const;

 private:
  void collect(const html::Node& parent, std::vector<const html::Node*>& out, int depth);
  void add_owned(const html::Node& child, std::vector<const html::Node*>& out, int depth);
  Semantics& sem_;
  std::unordered_map<const html::Node*, const html::Node*> owner_;  // owned → owner
};

}  // namespace granska::aria
