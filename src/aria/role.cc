// Roles: the explicit role attribute (WAI-ARIA 1.2 §7.1 "Role Attribute"), the implicit
// roles of HTML elements (HTML-AAM §4 "Mapping HTML to Accessibility APIs", element
// mappings), presentational roles conflict resolution (WAI-ARIA 1.2 §9.3) and the
// propagation of role=none to required owned elements (WAI-ARIA 1.2 §5.3.3 presentation).
#include <algorithm>

#include "aria/semantics_impl.h"

namespace granska::aria {

namespace {

using detail::RoleEntry;
using detail::RoleKind;

const RoleInfo& role_named(std::string_view name) { return *find_role(name); }

RoleEntry make_role(std::string_view name) { return RoleEntry{RoleKind::Role, false, &role_named(name)}; }
RoleEntry generic() { return RoleEntry{RoleKind::Generic, false, nullptr}; }
RoleEntry no_role() { return RoleEntry{RoleKind::NoRole, false, nullptr}; }

// The first token of role= that names a concrete role; "presentation" reads as "none".
const RoleInfo* explicit_role(const html::Node& e) {
  std::optional<std::string_view> attr = e.attr("role");
  if (!attr) return nullptr;
  const RoleInfo* found = nullptr;
  detail::for_each_token(*attr, [&](std::string_view token) {
    if (found) return;
    const RoleInfo* r = find_role_token(token);
    if (r && !r->abstract) found = r;
  });
  if (found && found->name == "presentation") found = find_role("none");
  return found;
}

// HTML elements whose implicit role does not depend on context, sorted by tag.
struct TagRole {
  std::string_view tag;
  std::string_view role;  // "" = generic
};
constexpr TagRole kTagRoles[] = {
    {"address", "group"},      {"article", "article"},   {"b", ""},
    {"bdi", ""},               {"bdo", ""},              {"blockquote", "blockquote"},
    {"body", ""},              {"button", "button"},     {"code", "code"},
    {"data", ""},              {"datalist", "listbox"},  {"dd", "definition"},
    {"del", "deletion"},       {"details", "group"},     {"dfn", "term"},
    {"dialog", "dialog"},      {"div", ""},              {"dt", "term"},
    {"em", "emphasis"},        {"fieldset", "group"},    {"figure", "figure"},
    {"h1", "heading"},         {"h2", "heading"},        {"h3", "heading"},
    {"h4", "heading"},         {"h5", "heading"},        {"h6", "heading"},
    {"hgroup", "group"},       {"hr", "separator"},      {"html", "document"},
    {"i", ""},                 {"ins", "insertion"},     {"main", "main"},
    {"menu", "list"},          {"meter", "meter"},       {"nav", "navigation"},
    {"ol", "list"},            {"optgroup", "group"},    {"option", "option"},
    {"output", "status"},      {"p", "paragraph"},       {"pre", ""},
    {"progress", "progressbar"}, {"q", ""},              {"s", "deletion"},
    {"samp", ""},              {"search", "search"},     {"small", ""},
    {"span", ""},              {"strong", "strong"},     {"sub", "subscript"},
    {"sup", "superscript"},    {"textarea", "textbox"},  {"time", "time"},
    {"u", ""},                 {"ul", "list"},
};

constexpr bool tag_roles_sorted() {
  for (std::size_t i = 1; i < std::size(kTagRoles); ++i) {
    if (!(kTagRoles[i - 1].tag < kTagRoles[i].tag)) return false;
  }
  return true;
}
static_assert(tag_roles_sorted(), "kTagRoles must be sorted by tag");

const TagRole* find_tag_role(std::string_view tag) {
  const TagRole* it = std::lower_bound(std::begin(kTagRoles), std::end(kTagRoles), tag,
                                       [](const TagRole& t, std::string_view k) { return t.tag < k; });
  return it != std::end(kTagRoles) && it->tag == tag ? it : nullptr;
}

bool is_html(const html::Node& e) { return e.is_element() && e.ns() == html::Namespace::Html; }

bool tag_in(const html::Node& e, std::initializer_list<std::string_view> tags) {
  if (!is_html(e)) return false;
  return std::find(tags.begin(), tags.end(), e.tag()) != tags.end();
}

bool explicit_role_in(const html::Node& e, std::initializer_list<std::string_view> roles) {
  const RoleInfo* r = explicit_role(e);
  return r && std::find(roles.begin(), roles.end(), r->name) != roles.end();
}

// HTML-AAM: header/footer map to banner/contentinfo only when "scoped to the body":
// not inside sectioning content or an element with the matching landmark roles.
bool inside_sectioning(const html::Node& e, bool include_main) {
  for (const html::Node* p = e.parent_element(); p; p = p->parent_element()) {
    if (tag_in(*p, {"article", "aside", "nav", "section"})) return true;
    if (include_main && p->is("main")) return true;
    if (explicit_role_in(*p, {"article", "complementary", "navigation", "region"})) return true;
    if (include_main && explicit_role_in(*p, {"main"})) return true;
  }
  return false;
}

const html::Node* nearest_table(const html::Node& e) {
  for (const html::Node* p = e.parent_element(); p; p = p->parent_element()) {
    if (p->is("table")) return p;
  }
  return nullptr;
}

// th: columnheader or rowheader by scope, else by position (HTML-AAM th; the heuristic
// is the common one of browsers, kept simple): in thead → column; a th followed by data
// cells and preceded by none → row; otherwise column.
std::string_view header_cell_role(const html::Node& th) {
  if (auto scope = th.attr("scope")) {
    std::string_view s = text::trim(*scope);
    if (text::iequals(s, "col") || text::iequals(s, "colgroup")) return "columnheader";
    if (text::iequals(s, "row") || text::iequals(s, "rowgroup")) return "rowheader";
  }
  const html::Node* row = th.parent_element();
  if (!row || !row->is("tr")) return "columnheader";
  const html::Node* group = row->parent_element();
  if (group && group->is("thead")) return "columnheader";
  bool before = true;
  bool td_before = false;
  bool td_after = false;
  for (const html::Node* cell : row->children()) {
    if (cell == &th) {
      before = false;
      continue;
    }
    if (cell->is("td")) (before ? td_before : td_after) = true;
  }
  return td_after && !td_before ? "rowheader" : "columnheader";
}

}  // namespace

const detail::RoleEntry& Semantics::Impl::role_entry(const html::Node& e) {
  static const RoleEntry kNotElement{RoleKind::NoRole, false, nullptr};
  if (!e.is_element()) return kNotElement;
  RoleEntry& slot = roles[e.element_index()];
  if (slot.kind == RoleKind::Unset) {
    slot.kind = RoleKind::InProgress;
    RoleEntry computed = compute_role(e);
    roles[e.element_index()] = computed;
  } else if (slot.kind == RoleKind::InProgress) {
    // A cycle (e.g. a section named by a descendant whose role depends on the section):
    // answer generic for the inner question instead of recursing forever.
    static const RoleEntry kCycle{RoleKind::Generic, false, nullptr};
    return kCycle;
  }
  return roles[e.element_index()];
}

bool Semantics::Impl::role_is(const html::Node& e, std::string_view name) {
  const RoleEntry& r = role_entry(e);
  return r.kind == RoleKind::Role && r.info->name == name;
}

bool has_global_aria_attribute(const html::Node& e) {
  for (const html::Attribute& a : e.attributes()) {
    if (!a.name.starts_with("aria-") || a.name == "aria-hidden") continue;
    const AttributeInfo* info = find_attribute(a.name);
    // Presence counts, even with an empty value, as in browsers and ACT rule ffd0e9.
    if (info && info->global) return true;
  }
  return false;
}

detail::RoleEntry Semantics::Impl::compute_role(const html::Node& e) {
  // WAI-ARIA 1.2 §9.3: role none/presentation (explicit or implicit) is ignored on an
  // element that is focusable or carries a global ARIA attribute; the element keeps the
  // role it would otherwise have.
  auto conflicts = [&] { return focusable(e) || has_global_aria_attribute(e); };
  if (const RoleInfo* r = explicit_role(e)) {
    if (r->name != "none" || !conflicts()) return RoleEntry{RoleKind::Role, true, r};
    return implicit_role(e, false);
  }
  RoleEntry implicit = implicit_role(e, true);
  if (implicit.kind == RoleKind::Role && implicit.info->name == "none" && conflicts()) {
    return implicit_role(e, false);
  }
  return implicit;
}

detail::RoleEntry Semantics::Impl::implicit_role(const html::Node& e, bool allow_presentational) {
  if (e.ns() == html::Namespace::Svg) {
    // SVG-AAM: svg is a graphics document and a linking <a> a link; other SVG elements
    // are left without a role here (their names still come from <title>, see name.cc).
    if (e.tag() == "svg") return make_role("graphics-document");
    if (e.tag() == "a" && (e.has_attr("href") || e.has_attr("xlink:href"))) return make_role("link");
    return no_role();
  }
  if (e.ns() == html::Namespace::MathMl) return e.tag() == "math" ? make_role("math") : no_role();

  std::string_view tag = e.tag();
  if (const TagRole* t = find_tag_role(tag)) return t->role.empty() ? generic() : make_role(t->role);

  // The presentational role of a table or list propagates to the elements it requires
  // (WAI-ARIA 1.2 §5.3.3 presentation; HTML-AAM notes on tables and lists).
  RoleEntry presentational = allow_presentational ? make_role("none") : generic();

  if (tag == "a" || tag == "area") {
    if (e.has_attr("href")) return make_role("link");
    return tag == "a" ? generic() : no_role();
  }
  if (tag == "img") {
    std::optional<std::string_view> alt = e.attr("alt");
    if (alt && alt->empty() && allow_presentational) return make_role("none");
    return make_role("img");
  }
  if (tag == "input") {
    std::string_view type = detail::input_type(e);
    bool list = e.has_attr("list");
    if (type == "text" || type == "email" || type == "tel" || type == "url") {
      return make_role(list ? "combobox" : "textbox");
    }
    if (type == "search") return make_role(list ? "combobox" : "searchbox");
    if (type == "button" || type == "submit" || type == "reset" || type == "image") return make_role("button");
    if (type == "checkbox") return make_role("checkbox");
    if (type == "radio") return make_role("radio");
    if (type == "range") return make_role("slider");
    if (type == "number") return make_role("spinbutton");
    return no_role();  // password, date/time, color, file, hidden: no ARIA role
  }
  if (tag == "select") {
    std::optional<long> size = e.attr("size") ? detail::parse_html_integer(*e.attr("size")) : std::nullopt;
    return make_role(e.has_attr("multiple") || (size && *size > 1) ? "listbox" : "combobox");
  }
  if (tag == "header" || tag == "footer") {
    if (inside_sectioning(e, true)) return generic();
    return make_role(tag == "header" ? "banner" : "contentinfo");
  }
  if (tag == "aside") {
    if (inside_sectioning(e, false) && !has_author_name(e)) return generic();
    return make_role("complementary");
  }
  if (tag == "section") return has_author_name(e) ? make_role("region") : generic();
  if (tag == "form") return has_author_name(e) ? make_role("form") : generic();
  if (tag == "li") {
    const html::Node* parent = e.parent_element();
    if (!parent) return generic();
    const RoleEntry& pr = role_entry(*parent);
    if (pr.kind == RoleKind::Role) {
      if (pr.info->name == "list" || pr.info->name == "directory") return make_role("listitem");
      if (pr.info->name == "none" && tag_in(*parent, {"ul", "ol", "menu"})) return presentational;
    }
    return generic();
  }
  if (tag == "tr" || tag == "td" || tag == "th" || tag == "thead" || tag == "tbody" || tag == "tfoot" ||
      tag == "caption") {
    const html::Node* table = nearest_table(e);
    if (!table) return no_role();
    const RoleEntry& tr = role_entry(*table);
    std::string_view table_role = tr.kind == RoleKind::Role ? tr.info->name : std::string_view();
    if (table_role == "none") return presentational;
    bool grid = table_role == "grid" || table_role == "treegrid";
    if (!grid && table_role != "table") return no_role();
    if (tag == "tr") return make_role("row");
    if (tag == "td") return make_role(grid ? "gridcell" : "cell");
    if (tag == "th") return make_role(header_cell_role(e));
    if (tag == "caption") return make_role("caption");
    return make_role("rowgroup");
  }
  if (tag == "table") return make_role("table");
  return no_role();
}

}  // namespace granska::aria
