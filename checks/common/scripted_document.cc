#include "checks/common/scripted_document.h"

namespace granska::checks {

OutsideDocument::OutsideDocument(const html::Document& doc) : flags_(doc.elements().size(), 0) {
  for (const html::Node* e : doc.elements()) {  // parents come before their children
    const html::Node* p = e->parent_element();
    flags_[e->element_index()] = p && (flags_[p->element_index()] || p->is("template") || p->is("noscript"));
  }
}

}  // namespace granska::checks
