// Accessible name and description: accname 1.2 §4.3 "Text Alternative Computation"
// (steps 1 and 2A-2I, cited below by their numbers) with the HTML host-language rules of
// HTML-AAM §4.1 "Accessible Name Computations By HTML Element" and §4.2 (descriptions).
//
// Deliberate choices where the specs leave room or browsers differ:
// - The element asked about is never skipped as hidden (step 2A applies to nodes reached
//   from it); if it is hidden itself its hidden content counts, as for a hidden node
//   referenced by aria-labelledby. Rules decide separately whether a hidden element matters.
// - CSS generated content (::before/::after, step 2F.ii) is not available and is skipped.
// - Text of block-level boxes and form controls is separated by spaces; inline text is
//   joined as written (accname issue #225 describes this browser behaviour).
// - Labels of a form control reached by name-from-content recursion are not followed (a
//   checkbox inside a link does not add its <label> to the link's name).
// - input type=image without alt/value gets no default name ("Submit Query" is a browser
//   convenience that ACT rule 59796f does not credit); submit and reset inputs get the
//   English defaults "Submit" and "Reset" as browsers do.
#include <algorithm>
#include <cstdlib>

#include "aria/semantics_impl.h"

namespace granska::aria {

namespace {

using detail::NameFrame;
using detail::RoleKind;

constexpr int kMaxDepth = 128;  // deeper markup contributes nothing (stack safety)

bool non_empty(std::string_view s) { return !text::trim(s).empty(); }

void append_with_space(std::string& acc, std::string_view part) {
  if (!non_empty(part)) return;
  if (!acc.empty()) acc += ' ';
  acc += part;
}

// A fresh "consulted once" set for one computation; restores the enclosing one after a
// nested computation (a role question can start a name computation of its own).
class VisitScope {
 public:
  VisitScope(std::uint32_t& stamp, std::uint32_t& next) : stamp_(stamp), saved_(stamp) { stamp_ = ++next; }
  ~VisitScope() { stamp_ = saved_; }
  VisitScope(const VisitScope&) = delete;
  VisitScope& operator=(const VisitScope&) = delete;

 private:
  std::uint32_t& stamp_;
  std::uint32_t saved_;
};

const html::Node* first_child(const html::Node& e, std::string_view tag, html::Namespace ns) {
  for (const html::Node* c : e.children()) {
    if (c->is_element() && c->ns() == ns && c->tag() == tag) return c;
  }
  return nullptr;
}

std::string option_text(const html::Node& option) {
  if (auto label = option.attr("label"); label && non_empty(*label)) return std::string(*label);
  return text::collapse_whitespace(option.text_content());
}

bool is_labelable(const html::Node& e) {
  if (e.ns() != html::Namespace::Html) return false;
  std::string_view t = e.tag();
  if (t == "input") return detail::input_type(e) != "hidden";
  return t == "button" || t == "meter" || t == "output" || t == "progress" || t == "select" ||
         t == "textarea";
}

bool is_textual_input(const html::Node& e) {
  if (e.is("textarea")) return true;
  if (!e.is("input")) return false;
  std::string_view t = detail::input_type(e);
  return t == "text" || t == "search" || t == "url" || t == "tel" || t == "email" || t == "password" ||
         t == "number";
}

// The value shown by a <select>: its selected options (HTML "selectedness").
std::string select_value(const html::Node& select) {
  std::vector<const html::Node*> options;
  for (const html::Node* d : select.descendant_elements()) {
    if (d->is("option")) options.push_back(d);
  }
  bool multiple = select.has_attr("multiple");
  std::string out;
  if (multiple) {
    for (const html::Node* o : options) {
      if (o->has_attr("selected")) append_with_space(out, option_text(*o));
    }
    return out;
  }
  const html::Node* chosen = nullptr;
  for (const html::Node* o : options) {
    if (o->has_attr("selected")) chosen = o;  // the last selected one wins
  }
  std::optional<long> size = select.attr("size") ? detail::parse_html_integer(*select.attr("size")) : std::nullopt;
  if (!chosen && (!size || *size <= 1)) {
    for (const html::Node* o : options) {
      if (!o->has_attr("disabled")) {
        chosen = o;
        break;
      }
    }
  }
  return chosen ? option_text(*chosen) : std::string();
}

std::string format_number(double v) {
  if (v == static_cast<double>(static_cast<long long>(v))) return std::to_string(static_cast<long long>(v));
  std::string s = std::to_string(v);
  while (!s.empty() && s.back() == '0') s.pop_back();
  return s;
}

double number_attr(const html::Node& e, std::string_view name, double fallback) {
  std::optional<std::string_view> v = e.attr(name);
  if (!v) return fallback;
  std::string s(text::trim(*v));
  char* end = nullptr;
  double d = std::strtod(s.c_str(), &end);
  return end && end != s.c_str() && *end == '\0' ? d : fallback;
}

}  // namespace

const std::vector<const html::Node*>& Semantics::Impl::labels_of(const html::Node& e) {
  if (!labels_built) {
    labels_built = true;
    labels.resize(doc.elements().size());
    for (const html::Node* label : doc.elements()) {
      if (!label->is("label")) continue;
      const html::Node* target = nullptr;
      if (auto for_attr = label->attr("for")) {
        target = doc.element_by_id(*for_attr);
      } else {
        for (const html::Node* d : label->descendant_elements()) {
          if (is_labelable(*d)) {
            target = d;
            break;
          }
        }
      }
      if (target && is_labelable(*target)) labels[target->element_index()].push_back(label);
    }
  }
  return labels[e.element_index()];
}

std::string Semantics::Impl::referenced_text(const html::Node& e, std::string_view idrefs_attribute,
                                             const html::Node& root, bool* any_valid) {
  std::optional<std::string_view> ids = e.attr(idrefs_attribute);
  std::string acc;
  if (!ids) return acc;
  detail::for_each_token(*ids, [&](std::string_view id) {
    const html::Node* ref = doc.element_by_id(id);
    if (!ref) return;
    *any_valid = true;
    NameFrame frame;
    frame.in_reference = true;
    frame.include_hidden = hidden_from_at(*ref) == Tristate::Yes;
    std::string part = text_alternative(*ref, root, frame, nullptr);
    append_with_space(acc, part);
  });
  return acc;
}

// Step 2C: the current value of a control embedded in another element's label.
std::optional<std::string> Semantics::Impl::embedded_control_value(const html::Node& e) {
  const detail::RoleEntry& r = role_entry(e);
  if (r.kind != RoleKind::Role) return std::nullopt;
  std::string_view role = r.info->name;
  if (role == "textbox" || role == "searchbox") {
    if (e.is("input")) return std::string(e.attr("value").value_or(""));
    return e.text_content();
  }
  if (role == "combobox" || role == "listbox") {
    if (e.is("select")) return select_value(e);
    if (e.is("input")) return std::string(e.attr("value").value_or(""));
    if (role == "listbox") {
      std::string out;
      for (const html::Node* d : e.descendant_elements()) {
        auto selected = d->attr("aria-selected");
        if (role_is(*d, "option") && selected && text::iequals(text::trim(*selected), "true")) {
          append_with_space(out, text::collapse_whitespace(d->text_content()));
        }
      }
      return out;
    }
    return e.text_content();
  }
  if (role == "slider" || role == "spinbutton" || role == "scrollbar") {
    if (auto t = e.attr("aria-valuetext")) return std::string(*t);
    if (auto n = e.attr("aria-valuenow")) return std::string(*n);
    if (e.is("input")) {
      if (auto v = e.attr("value")) return std::string(*v);
      if (detail::input_type(e) == "range") {
        double min = number_attr(e, "min", 0);
        double max = number_attr(e, "max", 100);
        return format_number(max < min ? min : min + (max - min) / 2);
      }
    }
    return std::string();
  }
  return std::nullopt;
}

// Step 2E: what HTML itself provides as a text alternative (HTML-AAM §4.1). Returns only
// non-empty results.
std::optional<std::string> Semantics::Impl::host_language_label(const html::Node& e, const html::Node& root,
                                                                NameFrame frame, NameSource* source) {
  auto found = [&](std::string text, NameSource s) -> std::optional<std::string> {
    if (!non_empty(text)) return std::nullopt;
    if (source) *source = s;
    return text;
  };
  auto from_element = [&](const html::Node* child, NameSource s) -> std::optional<std::string> {
    if (!child) return std::nullopt;
    NameFrame f = frame;
    f.from_content = true;
    f.include_hidden = frame.include_hidden || hidden_from_at(*child) == Tristate::Yes;
    f.depth = frame.depth + 1;
    return found(content_text(*child, root, f, false), s);
  };
  if (e.ns() == html::Namespace::Svg) {
    // SVG: the first <title> child (SVG-AAM / SVG2 §5.4).
    if (const html::Node* title = first_child(e, "title", html::Namespace::Svg)) {
      return found(text::collapse_whitespace(title->text_content()), NameSource::Title);
    }
    return std::nullopt;
  }
  if (e.ns() != html::Namespace::Html) return std::nullopt;
  std::string_view tag = e.tag();
  if (tag == "img" || tag == "area") return found(std::string(e.attr("alt").value_or("")), NameSource::Alt);
  if (tag == "input") {
    std::string_view type = detail::input_type(e);
    if (type == "image") {
      if (auto r = found(std::string(e.attr("alt").value_or("")), NameSource::Alt)) return r;
      return found(std::string(e.attr("value").value_or("")), NameSource::Value);
    }
    if (type == "button" || type == "submit" || type == "reset") {
      if (auto v = e.attr("value")) return found(std::string(*v), NameSource::Value);
      if (type == "submit") return found("Submit", NameSource::Value);
      if (type == "reset") return found("Reset", NameSource::Value);
      return std::nullopt;
    }
  }
  if (tag == "fieldset") return from_element(first_child(e, "legend", html::Namespace::Html), NameSource::Legend);
  if (tag == "figure") {
    const html::Node* caption = nullptr;
    for (const html::Node* c : e.children()) {
      if (c->is("figcaption")) {
        caption = c;
        break;
      }
    }
    return from_element(caption, NameSource::Caption);
  }
  if (tag == "table") return from_element(first_child(e, "caption", html::Namespace::Html), NameSource::Caption);
  if (tag == "optgroup" || tag == "option") return found(std::string(e.attr("label").value_or("")), NameSource::Label);
  if (is_labelable(e) && !frame.from_content) {
    std::string acc;
    for (const html::Node* label : labels_of(e)) {
      std::uint32_t& mark = visited[label->element_index()];
      if (mark == visit_stamp) continue;
      mark = visit_stamp;
      NameFrame f = frame;
      f.from_content = true;
      f.include_hidden = frame.include_hidden || hidden_from_at(*label) == Tristate::Yes;
      f.depth = frame.depth + 1;
      append_with_space(acc, content_text(*label, root, f, false));
    }
    return found(std::move(acc), NameSource::Label);
  }
  return std::nullopt;
}

// Steps 2F.iii / 2G: the text of the children, in order.
std::string Semantics::Impl::content_text(const html::Node& e, const html::Node& root, NameFrame frame,
                                          bool skip_own_text) {
  std::string acc;
  NameFrame child_frame = frame;
  child_frame.from_content = true;
  child_frame.depth = frame.depth + 1;
  for (const html::Node* c : e.children()) {
    if (c->is_text()) {
      if (!skip_own_text) acc += c->data();
      continue;
    }
    if (!c->is_element()) continue;
    std::string part = text_alternative(*c, root, child_frame, nullptr);
    if (is_block_level(*c)) {
      acc += ' ';
      acc += part;
      acc += ' ';
    } else {
      acc += part;
    }
  }
  return acc;
}

std::string Semantics::Impl::text_alternative(const html::Node& current, const html::Node& root, NameFrame frame,
                                              NameSource* source) {
  if (current.is_text()) return current.data();  // 2G
  // Bounded twice: by depth within this traversal, and by all traversals under way (a
  // role question inside a traversal can start another one, e.g. for a nested <section>).
  if (!current.is_element() || frame.depth > kMaxDepth || name_recursion > 2 * kMaxDepth) return std::string();
  struct Nesting {
    int& n;
    explicit Nesting(int& counter) : n(++counter) {}
    ~Nesting() { --n; }
    Nesting(const Nesting&) = delete;
    Nesting& operator=(const Nesting&) = delete;
  } nesting(name_recursion);
  bool is_root = source != nullptr;
  if (!is_root) {
    // The control itself, met again inside its own label, adds nothing.
    if (&current == &root && frame.from_content) return std::string();
    // "Each node in the subtree is consulted only once" (2F note): prevents loops.
    std::uint32_t& mark = visited[current.element_index()];
    if (mark == visit_stamp) return std::string();
    mark = visit_stamp;
  }

  // 2A: hidden nodes add nothing, unless the traversal started at a hidden node.
  if (is_root) frame.include_hidden = hidden_from_at(current) == Tristate::Yes;
  if (!frame.include_hidden) {
    const detail::HiddenEntry& h = hidden_entry(current);
    if (h.display_none == Tristate::Yes || h.aria_hidden) return std::string();
    if (h.invisible == Tristate::Yes) {
      // visibility:hidden hides the element's own text, not visible descendants.
      return content_text(current, root, frame, true);
    }
  }

  // 2B: aria-labelledby, unless already inside a labelledby/describedby traversal.
  if (!frame.in_reference) {
    bool any_valid = false;
    std::string acc = referenced_text(current, "aria-labelledby", root, &any_valid);
    if (any_valid && non_empty(acc)) {
      if (source) *source = NameSource::AriaLabelledby;
      return acc;
    }
  }

  // 2C: a control embedded in the label of another element contributes its value.
  if (!is_root && &current != &root) {
    if (std::optional<std::string> value = embedded_control_value(current)) return *value;
  }

  // 2D: aria-label.
  if (auto label = current.attr("aria-label"); label && non_empty(*label)) {
    if (source) *source = NameSource::AriaLabel;
    return std::string(*label);
  }

  // 2E: the host language's own text alternative, unless presentational.
  const detail::RoleEntry& role = role_entry(current);
  bool presentational = role.kind == RoleKind::Role && role.info->name == "none";
  if (!presentational) {
    if (std::optional<std::string> host = host_language_label(current, root, frame, source)) return *host;
  }

  // 2F/2H: name from content for roles that allow it, and for every node reached while
  // computing another node's name (referenced, label content, or descendants).
  bool summary = current.is("summary") && current.parent_element() && current.parent_element()->is("details");
  bool from_content = !is_root || summary ||
                      (role.kind == RoleKind::Role && (role.info->name_from & kNameFromContents) != 0);
  if (from_content) {
    std::string acc = content_text(current, root, frame, false);
    if (non_empty(acc)) {
      if (source) *source = NameSource::Contents;
      return acc;
    }
  }

  // 2I: the tooltip attribute.
  if (auto title = current.attr("title"); title && non_empty(*title)) {
    if (source) *source = NameSource::Title;
    return std::string(*title);
  }

  // HTML-AAM: placeholder is the last resort for text fields (and aria-placeholder for
  // ARIA text boxes).
  if (is_root) {
    std::optional<std::string_view> placeholder;
    if (is_textual_input(current)) {
      placeholder = current.attr("placeholder");
    } else if (role.kind == RoleKind::Role && role_is_a(role.info->name, "textbox")) {
      placeholder = current.attr("aria-placeholder");
    }
    if (placeholder && non_empty(*placeholder)) {
      *source = NameSource::Placeholder;
      return std::string(*placeholder);
    }
  }
  return std::string();
}

AccessibleName Semantics::Impl::compute_name(const html::Node& e) {
  // Step 1: roles that prohibit naming have no name (generic, none, paragraph, ...).
  const detail::RoleEntry& role = role_entry(e);
  if (role.kind == RoleKind::Generic) return {};
  if (role.kind == RoleKind::Role && (role.info->name_from & kNameFromProhibited) != 0) return {};
  VisitScope scope(visit_stamp, next_visit_stamp);
  NameSource source = NameSource::None;
  std::string flat = text::collapse_whitespace(text_alternative(e, e, NameFrame{}, &source));
  if (flat.empty()) return {};
  return AccessibleName{std::move(flat), source};
}

bool Semantics::Impl::has_author_name(const html::Node& e) {
  if (auto label = e.attr("aria-label"); label && non_empty(*label)) return true;
  if (e.has_attr("aria-labelledby")) {
    VisitScope scope(visit_stamp, next_visit_stamp);
    bool any_valid = false;
    if (non_empty(referenced_text(e, "aria-labelledby", e, &any_valid))) return true;
  }
  auto title = e.attr("title");
  return title && non_empty(*title);
}

// accname 1.2 §4.2.2 description: aria-describedby, then aria-description, then the host
// language (HTML-AAM: the title attribute when it did not already give the name).
AccessibleName Semantics::Impl::compute_description(const html::Node& e) {
  {
    VisitScope scope(visit_stamp, next_visit_stamp);
    bool any_valid = false;
    std::string flat = text::collapse_whitespace(referenced_text(e, "aria-describedby", e, &any_valid));
    if (!flat.empty()) return AccessibleName{std::move(flat), NameSource::AriaDescribedby};
  }
  if (auto d = e.attr("aria-description"); d && non_empty(*d)) {
    return AccessibleName{text::collapse_whitespace(*d), NameSource::AriaDescription};
  }
  if (auto title = e.attr("title"); title && non_empty(*title)) {
    auto& name_slot = names[e.element_index()];
    if (!name_slot) name_slot = compute_name(e);
    if (name_slot->source != NameSource::Title) {
      return AccessibleName{text::collapse_whitespace(*title), NameSource::Title};
    }
  }
  return {};
}

}  // namespace granska::aria
