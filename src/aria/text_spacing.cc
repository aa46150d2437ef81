#include "aria/text_spacing.h"

#include <algorithm>

#include "util/text.h"

namespace granska::aria {

namespace {

bool has_visible_text_child(const html::Node& e) {
  for (const html::Node* c : e.children()) {
    if (!c->is_text()) continue;
    for (char ch : c->data()) {
      if (!text::is_html_space(ch)) return true;
    }
  }
  return false;
}

// The declaration that set `p` on `e` gives it a value of its own (not inherit, unset,
// revert: those take the parent's).
bool sets_own_value(const style::Provenance& pv) {
  if (!pv.declaration) return false;
  const style::Value& v = pv.declaration->value;
  return !(v.is_wide(style::Wide::Inherit) || v.is_wide(style::Wide::Unset) || v.is_wide(style::Wide::Revert) ||
           v.is_wide(style::Wide::RevertLayer));
}

}  // namespace

std::vector<SpacingTarget> important_spacing_targets(Semantics& aria, style::Property p) {
  const style::ComputedStyles& styles = aria.computed_styles();
  std::vector<SpacingTarget> out;
  std::vector<bool> in_target;  // per element index: inherits the current target's value
  for (const html::Node* e : aria.document().elements()) {
    if (e->ns() != html::Namespace::Html || !e->has_attr("style")) continue;
    style::Provenance pv = styles.provenance(*e, p);
    if (!pv.style_attribute || !pv.declaration->important || !sets_own_value(pv)) continue;
    SpacingTarget target{e, {}, false};
    // The element and its descendants that inherit the value, in tree order.
    std::vector<const html::Node*> inheriting{e};
    if (in_target.size() < aria.document().elements().size()) in_target.resize(aria.document().elements().size());
    in_target[e->element_index()] = true;
    for (const html::Node* d : e->descendant_elements()) {
      const html::Node* parent = d->parent_element();
      in_target[d->element_index()] = false;
      if (!parent || !in_target[parent->element_index()]) continue;
      if (sets_own_value(styles.provenance(*d, p))) continue;
      in_target[d->element_index()] = true;
      inheriting.push_back(d);
    }
    for (const html::Node* d : inheriting) {
      if (!has_visible_text_child(*d)) continue;
      Tristate hidden = aria.hidden(*d);
      if (hidden == Tristate::Yes) continue;
      style::Placement where = styles.of(*d).placement;
      if (where == style::Placement::OffScreen) continue;
      if (hidden == Tristate::Unknown || where == style::Placement::Unknown) target.visibility_unknown = true;
      target.text_parents.push_back(d);
    }
    if (!target.text_parents.empty()) out.push_back(std::move(target));
  }
  return out;
}

SpacingRatio smallest_spacing_ratio(const style::ComputedStyles& styles, const SpacingTarget& t, style::Property p) {
  SpacingRatio r;
  r.unknown = t.visibility_unknown;
  for (const html::Node* e : t.text_parents) {
    const style::ComputedStyle& cs = styles.of(*e);
    const std::optional<double>& spacing = p == style::Property::LetterSpacing ? cs.letter_spacing : cs.word_spacing;
    if (!spacing || !cs.font_size || *cs.font_size <= 0) {
      r.unknown = true;
      continue;
    }
    r.worst = std::min(r.worst, *spacing / *cs.font_size);
  }
  return r;
}

}  // namespace granska::aria
