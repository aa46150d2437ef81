#include "aria/text_spacing.h"

#include <algorithm>

#include "util/text.h"

namespace granska::aria {

namespace {

bool sets_own_value(std::string_view v) {
  return !(text::iequals(v, "inherit") || text::iequals(v, "unset") || text::iequals(v, "revert") ||
           text::iequals(v, "revert-layer"));
}

bool has_visible_text_child(const html::Node& e) {
  for (const html::Node* c : e.children()) {
    if (!c->is_text()) continue;
    for (char ch : c->data()) {
      if (!text::is_html_space(ch)) return true;
    }
  }
  return false;
}

}  // namespace

std::vector<SpacingTarget> important_spacing_targets(Semantics& aria, Prop p) {
  const ComputedStyles& styles = aria.computed_styles();
  std::vector<SpacingTarget> out;
  std::vector<bool> in_target;  // per element index: inherits the current target's value
  for (const html::Node* e : aria.document().elements()) {
    if (e->ns() != html::Namespace::Html || !e->has_attr("style")) continue;
    const Cascaded& c = styles.cascaded(*e, p);
    if (!c.declared || !c.from_style_attribute || !c.important || !sets_own_value(c.value)) continue;
    SpacingTarget target{e, {}, false};
    // The element and its descendants that inherit the value, in tree order.
    std::vector<const html::Node*> inheriting{e};
    if (in_target.size() < aria.document().elements().size()) in_target.resize(aria.document().elements().size());
    in_target[e->element_index()] = true;
    for (const html::Node* d : e->descendant_elements()) {
      const html::Node* parent = d->parent_element();
      in_target[d->element_index()] = false;
      if (!parent || !in_target[parent->element_index()]) continue;
      const Cascaded& dc = styles.cascaded(*d, p);
      if (dc.declared && sets_own_value(dc.value)) continue;
      in_target[d->element_index()] = true;
      inheriting.push_back(d);
    }
    for (const html::Node* d : inheriting) {
      if (!has_visible_text_child(*d)) continue;
      Tristate hidden = aria.hidden(*d);
      if (hidden == Tristate::Yes) continue;
      Placement where = placement(styles, *d);
      if (where == Placement::OffScreen) continue;
      if (hidden == Tristate::Unknown || where == Placement::Unknown) target.visibility_unknown = true;
      target.text_parents.push_back(d);
    }
    if (!target.text_parents.empty()) out.push_back(std::move(target));
  }
  return out;
}

SpacingRatio smallest_spacing_ratio(const ComputedStyles& styles, const SpacingTarget& t, Prop p) {
  SpacingRatio r;
  r.unknown = t.visibility_unknown;
  for (const html::Node* e : t.text_parents) {
    const ComputedStyle& cs = styles.of(*e);
    const std::optional<double>& spacing = p == Prop::LetterSpacing ? cs.letter_spacing : cs.word_spacing;
    if (!spacing || !cs.font_size || *cs.font_size <= 0) {
      r.unknown = true;
      continue;
    }
    r.worst = std::min(r.worst, *spacing / *cs.font_size);
  }
  return r;
}

}  // namespace granska::aria
