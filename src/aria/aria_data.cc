#include "aria/aria_data.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdint>

#include "util/text.h"

namespace granska::aria {

namespace {

using VT = ValueType;

// The tables use designated initializers and rely on default member initializers for the
// fields an entry leaves out; g++ 12 still warns about those, so silence it here only.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"

// ---- WAI-ARIA 1.2 §6.6 Definitions of States and Properties (all aria-* attributes) ----
// Sorted by name (checked below at compile time).
constexpr AttributeInfo kAttributes[] = {
    {.name = "aria-activedescendant", .type = VT::IdRef},
    {.name = "aria-atomic", .type = VT::TrueFalse, .global = true, .default_value = "false"},
    {.name = "aria-autocomplete", .type = VT::Token, .tokens = "inline list both none",
     .default_value = "none"},
    {.name = "aria-braillelabel", .type = VT::String, .global = true, .aria13 = true},
    {.name = "aria-brailleroledescription", .type = VT::String, .global = true, .aria13 = true},
    {.name = "aria-busy", .type = VT::TrueFalse, .global = true, .is_state = true,
     .default_value = "false"},
    {.name = "aria-checked", .type = VT::Tristate, .is_state = true},
    {.name = "aria-colcount", .type = VT::Integer},
    {.name = "aria-colindex", .type = VT::Integer},
    {.name = "aria-colindextext", .type = VT::String, .aria13 = true},
    {.name = "aria-colspan", .type = VT::Integer},
    {.name = "aria-controls", .type = VT::IdRefs, .global = true},
    {.name = "aria-current", .type = VT::Token, .global = true, .is_state = true,
     .tokens = "page step location date time true false", .default_value = "false"},
    {.name = "aria-describedby", .type = VT::IdRefs, .global = true},
    {.name = "aria-description", .type = VT::String, .global = true, .aria13 = true},
    {.name = "aria-details", .type = VT::IdRef, .global = true},
    {.name = "aria-disabled", .type = VT::TrueFalse, .global = true, .is_state = true,
     .deprecated_as_global = true, .default_value = "false"},
    {.name = "aria-dropeffect", .type = VT::TokenList, .global = true, .deprecated = true,
     .tokens = "copy execute link move none popup", .default_value = "none"},
    {.name = "aria-errormessage", .type = VT::IdRef, .global = true,
     .deprecated_as_global = true},
    {.name = "aria-expanded", .type = VT::TrueFalseUndefined, .is_state = true},
    {.name = "aria-flowto", .type = VT::IdRefs, .global = true},
    {.name = "aria-grabbed", .type = VT::TrueFalseUndefined, .global = true, .is_state = true,
     .deprecated = true},
    {.name = "aria-haspopup", .type = VT::Token, .global = true, .deprecated_as_global = true,
     .tokens = "false true menu listbox tree grid dialog", .default_value = "false"},
    {.name = "aria-hidden", .type = VT::TrueFalseUndefined, .global = true, .is_state = true},
    {.name = "aria-invalid", .type = VT::Token, .global = true, .is_state = true,
     .deprecated_as_global = true, .tokens = "grammar false spelling true",
     .default_value = "false"},
    {.name = "aria-keyshortcuts", .type = VT::String, .global = true},
    {.name = "aria-label", .type = VT::String, .global = true},
    {.name = "aria-labelledby", .type = VT::IdRefs, .global = true},
    {.name = "aria-level", .type = VT::Integer},
    {.name = "aria-live", .type = VT::Token, .global = true, .tokens = "assertive off polite",
     .default_value = "off"},
    {.name = "aria-modal", .type = VT::TrueFalse, .default_value = "false"},
    {.name = "aria-multiline", .type = VT::TrueFalse, .default_value = "false"},
    {.name = "aria-multiselectable", .type = VT::TrueFalse, .default_value = "false"},
    {.name = "aria-orientation", .type = VT::Token, .tokens = "horizontal undefined vertical"},
    {.name = "aria-owns", .type = VT::IdRefs, .global = true},
    {.name = "aria-placeholder", .type = VT::String},
    {.name = "aria-posinset", .type = VT::Integer},
    {.name = "aria-pressed", .type = VT::Tristate, .is_state = true},
    {.name = "aria-readonly", .type = VT::TrueFalse, .default_value = "false"},
    {.name = "aria-relevant", .type = VT::TokenList, .global = true,
     .tokens = "additions all removals text", .default_value = "additions text"},
    {.name = "aria-required", .type = VT::TrueFalse, .default_value = "false"},
    {.name = "aria-roledescription", .type = VT::String, .global = true},
    {.name = "aria-rowcount", .type = VT::Integer},
    {.name = "aria-rowindex", .type = VT::Integer},
    {.name = "aria-rowindextext", .type = VT::String, .aria13 = true},
    {.name = "aria-rowspan", .type = VT::Integer},
    {.name = "aria-selected", .type = VT::TrueFalseUndefined, .is_state = true},
    {.name = "aria-setsize", .type = VT::Integer},
    {.name = "aria-sort", .type = VT::Token, .tokens = "ascending descending none other",
     .default_value = "none"},
    {.name = "aria-valuemax", .type = VT::Number},
    {.name = "aria-valuemin", .type = VT::Number},
    {.name = "aria-valuenow", .type = VT::Number},
    {.name = "aria-valuetext", .type = VT::String},
};

// Name From values (§5.2.8).
constexpr std::uint8_t kAuthor = kNameFromAuthor;
constexpr std::uint8_t kBoth = kNameFromAuthor | kNameFromContents;
constexpr std::uint8_t kNone = kNameFromProhibited;
constexpr RoleModule kGraphics = RoleModule::Graphics;
constexpr RoleModule kDpub = RoleModule::Dpub;

// §5.2.8.4 / §5.4: roles on which aria-label and aria-labelledby are prohibited.
constexpr const char* kNoNaming = "aria-label aria-labelledby";
constexpr const char* kMenuOwned =
    "group>menuitem group>menuitemcheckbox group>menuitemradio menuitem menuitemcheckbox "
    "menuitemradio";
constexpr const char* kMenuContext = "group menu menubar";

// ---- WAI-ARIA 1.2 §5.4 Definition of Roles; Graphics-ARIA §4; DPUB-ARIA 1.1 §4 ----
// Sorted by name (checked below at compile time). Supported attributes are each role's
// own list; inherited ones come from the superclasses (see role_lists_attribute).
constexpr RoleInfo kRoles[] = {
    {.name = "alert", .superclasses = "section",
     .implicit_values = "aria-atomic=true aria-live=assertive"},
    {.name = "alertdialog", .name_required = true, .superclasses = "alert dialog"},
    {.name = "application", .name_required = true, .superclasses = "structure",
     .supported_attributes = "aria-activedescendant aria-disabled aria-errormessage "
                             "aria-expanded aria-haspopup aria-invalid"},
    {.name = "article", .superclasses = "document",
     .supported_attributes = "aria-posinset aria-setsize"},
    {.name = "banner", .superclasses = "landmark"},
    {.name = "blockquote", .superclasses = "section"},
    {.name = "button", .name_from = kBoth, .name_required = true,
     .children_presentational = true, .superclasses = "command",
     .supported_attributes = "aria-disabled aria-expanded aria-haspopup aria-pressed"},
    {.name = "caption", .name_from = kNone, .superclasses = "section",
     .prohibited_attributes = kNoNaming, .required_context = "figure grid table treegrid"},
    {.name = "cell", .name_from = kBoth, .superclasses = "section",
     .supported_attributes = "aria-colindex aria-colspan aria-rowindex aria-rowspan",
     .required_context = "row"},
    {.name = "checkbox", .name_from = kBoth, .name_required = true,
     .children_presentational = true, .superclasses = "input",
     .required_attributes = "aria-checked",
     .supported_attributes = "aria-errormessage aria-expanded aria-invalid aria-readonly "
                             "aria-required"},
    {.name = "code", .name_from = kNone, .superclasses = "section",
     .prohibited_attributes = kNoNaming},
    {.name = "columnheader", .name_from = kBoth, .name_required = true,
     .superclasses = "cell gridcell sectionhead", .supported_attributes = "aria-sort",
     .required_context = "row"},
    // ARIA 1.2 dropped aria-controls from the required list (it is supported).
    {.name = "combobox", .name_required = true, .superclasses = "input",
     .required_attributes = "aria-expanded",
     .supported_attributes = "aria-activedescendant aria-autocomplete aria-controls "
                             "aria-errormessage aria-haspopup aria-invalid aria-readonly "
                             "aria-required",
     .implicit_values = "aria-expanded=false aria-haspopup=listbox"},
    {.name = "command", .abstract = true, .superclasses = "widget"},
    {.name = "complementary", .superclasses = "landmark"},
    {.name = "composite", .abstract = true, .superclasses = "widget",
     .supported_attributes = "aria-activedescendant aria-disabled"},
    {.name = "contentinfo", .superclasses = "landmark"},
    {.name = "definition", .superclasses = "section"},
    {.name = "deletion", .name_from = kNone, .superclasses = "section",
     .prohibited_attributes = kNoNaming},
    {.name = "dialog", .name_required = true, .superclasses = "window",
     .supported_attributes = "aria-modal"},
    {.name = "directory", .deprecated = true, .superclasses = "list"},
    {.name = "doc-abstract", .module = kDpub, .superclasses = "section"},
    {.name = "doc-acknowledgments", .module = kDpub, .superclasses = "landmark"},
    {.name = "doc-afterword", .module = kDpub, .superclasses = "landmark"},
    {.name = "doc-appendix", .module = kDpub, .superclasses = "landmark"},
    {.name = "doc-backlink", .module = kDpub, .name_from = kBoth, .superclasses = "link"},
    {.name = "doc-biblioentry", .module = kDpub, .deprecated = true, .superclasses = "listitem",
     .required_context = "list"},
    {.name = "doc-bibliography", .module = kDpub, .superclasses = "landmark"},
    {.name = "doc-biblioref", .module = kDpub, .name_from = kBoth, .superclasses = "link"},
    {.name = "doc-chapter", .module = kDpub, .superclasses = "landmark"},
    {.name = "doc-colophon", .module = kDpub, .superclasses = "section"},
    {.name = "doc-conclusion", .module = kDpub, .superclasses = "landmark"},
    {.name = "doc-cover", .module = kDpub, .superclasses = "img"},
    {.name = "doc-credit", .module = kDpub, .superclasses = "section"},
    {.name = "doc-credits", .module = kDpub, .superclasses = "landmark"},
    {.name = "doc-dedication", .module = kDpub, .superclasses = "section"},
    {.name = "doc-endnote", .module = kDpub, .deprecated = true, .superclasses = "listitem",
     .required_context = "list"},
    {.name = "doc-endnotes", .module = kDpub, .superclasses = "landmark"},
    {.name = "doc-epigraph", .module = kDpub, .superclasses = "section"},
    {.name = "doc-epilogue", .module = kDpub, .superclasses = "landmark"},
    {.name = "doc-errata", .module = kDpub, .superclasses = "landmark"},
    {.name = "doc-example", .module = kDpub, .superclasses = "section"},
    {.name = "doc-footnote", .module = kDpub, .superclasses = "section"},
    {.name = "doc-foreword", .module = kDpub, .superclasses = "landmark"},
    {.name = "doc-glossary", .module = kDpub, .superclasses = "landmark"},
    {.name = "doc-glossref", .module = kDpub, .name_from = kBoth, .superclasses = "link"},
    {.name = "doc-index", .module = kDpub, .superclasses = "navigation"},
    {.name = "doc-introduction", .module = kDpub, .superclasses = "landmark"},
    {.name = "doc-noteref", .module = kDpub, .name_from = kBoth, .superclasses = "link"},
    {.name = "doc-notice", .module = kDpub, .superclasses = "note"},
    {.name = "doc-pagebreak", .module = kDpub, .superclasses = "separator"},
    {.name = "doc-pagefooter", .module = kDpub, .superclasses = "section"},
    {.name = "doc-pageheader", .module = kDpub, .superclasses = "section"},
    {.name = "doc-pagelist", .module = kDpub, .superclasses = "navigation"},
    {.name = "doc-part", .module = kDpub, .superclasses = "landmark"},
    {.name = "doc-preface", .module = kDpub, .superclasses = "landmark"},
    {.name = "doc-prologue", .module = kDpub, .superclasses = "landmark"},
    {.name = "doc-pullquote", .module = kDpub, .superclasses = "none"},
    {.name = "doc-qna", .module = kDpub, .superclasses = "section"},
    {.name = "doc-subtitle", .module = kDpub, .name_from = kBoth, .superclasses = "sectionhead"},
    {.name = "doc-tip", .module = kDpub, .superclasses = "note"},
    {.name = "doc-toc", .module = kDpub, .superclasses = "navigation"},
    {.name = "document", .superclasses = "structure"},
    {.name = "emphasis", .name_from = kNone, .superclasses = "section",
     .prohibited_attributes = kNoNaming},
    {.name = "feed", .superclasses = "list", .required_owned = "article"},
    {.name = "figure", .superclasses = "section"},
    {.name = "form", .superclasses = "landmark"},
    // §5.4 generic: naming and aria-roledescription are prohibited.
    {.name = "generic", .name_from = kNone, .superclasses = "structure",
     .prohibited_attributes = "aria-label aria-labelledby aria-roledescription"},
    {.name = "graphics-document", .module = kGraphics, .name_required = true,
     .superclasses = "document"},
    {.name = "graphics-object", .module = kGraphics, .name_from = kBoth,
     .superclasses = "group"},
    {.name = "graphics-symbol", .module = kGraphics, .children_presentational = true,
     .superclasses = "img"},
    {.name = "grid", .name_required = true, .superclasses = "composite table",
     .supported_attributes = "aria-multiselectable aria-readonly",
     .required_owned = "row rowgroup>row"},
    {.name = "gridcell", .name_from = kBoth, .superclasses = "cell widget",
     .supported_attributes = "aria-disabled aria-errormessage aria-expanded aria-haspopup "
                             "aria-invalid aria-readonly aria-required aria-selected",
     .required_context = "row"},
    {.name = "group", .superclasses = "section",
     .supported_attributes = "aria-activedescendant aria-disabled"},
    {.name = "heading", .name_from = kBoth, .name_required = true, .superclasses = "sectionhead",
     .required_attributes = "aria-level", .implicit_values = "aria-level=2"},
    {.name = "img", .name_required = true, .children_presentational = true,
     .superclasses = "section"},
    {.name = "input", .abstract = true, .superclasses = "widget",
     .supported_attributes = "aria-disabled"},
    {.name = "insertion", .name_from = kNone, .superclasses = "section",
     .prohibited_attributes = kNoNaming},
    {.name = "landmark", .abstract = true, .superclasses = "section"},
    {.name = "link", .name_from = kBoth, .name_required = true, .superclasses = "command",
     .supported_attributes = "aria-disabled aria-expanded aria-haspopup"},
    {.name = "list", .superclasses = "section", .required_owned = "listitem"},
    {.name = "listbox", .name_required = true, .superclasses = "select",
     .supported_attributes = "aria-errormessage aria-expanded aria-invalid "
                             "aria-multiselectable aria-readonly aria-required",
     .required_owned = "group>option option", .implicit_values = "aria-orientation=vertical"},
    {.name = "listitem", .superclasses = "section",
     .supported_attributes = "aria-level aria-posinset aria-setsize",
     .required_context = "directory list"},
    {.name = "log", .superclasses = "section", .implicit_values = "aria-live=polite"},
    {.name = "main", .superclasses = "landmark"},
    {.name = "marquee", .name_required = true, .superclasses = "section"},
    {.name = "math", .superclasses = "section"},
    {.name = "menu", .superclasses = "select", .required_owned = kMenuOwned,
     .implicit_values = "aria-orientation=vertical"},
    {.name = "menubar", .superclasses = "menu", .required_owned = kMenuOwned,
     .implicit_values = "aria-orientation=horizontal"},
    {.name = "menuitem", .name_from = kBoth, .name_required = true, .superclasses = "command",
     .supported_attributes = "aria-disabled aria-expanded aria-haspopup aria-posinset "
                             "aria-setsize",
     .required_context = kMenuContext},
    {.name = "menuitemcheckbox", .name_from = kBoth, .name_required = true,
     .children_presentational = true, .superclasses = "menuitem",
     .required_attributes = "aria-checked", .required_context = kMenuContext},
    {.name = "menuitemradio", .name_from = kBoth, .name_required = true,
     .children_presentational = true, .superclasses = "menuitemcheckbox",
     .required_attributes = "aria-checked", .required_context = kMenuContext},
    {.name = "meter", .name_required = true, .children_presentational = true,
     .superclasses = "range", .required_attributes = "aria-valuenow",
     .implicit_values = "aria-valuemax=100 aria-valuemin=0"},
    {.name = "navigation", .superclasses = "landmark"},
    // §5.4 none / presentation: synonyms; naming prohibited. Granska reports both as "none".
    {.name = "none", .name_from = kNone, .superclasses = "structure",
     .prohibited_attributes = kNoNaming},
    {.name = "note", .superclasses = "section"},
    // ARIA 1.2 made aria-selected supported (implicitly false) instead of required.
    {.name = "option", .name_from = kBoth, .name_required = true,
     .children_presentational = true, .superclasses = "input",
     .supported_attributes = "aria-checked aria-posinset aria-selected aria-setsize",
     .required_context = "group listbox", .implicit_values = "aria-selected=false"},
    {.name = "paragraph", .name_from = kNone, .superclasses = "section",
     .prohibited_attributes = kNoNaming},
    {.name = "presentation", .name_from = kNone, .superclasses = "structure",
     .prohibited_attributes = kNoNaming},
    {.name = "progressbar", .name_required = true, .children_presentational = true,
     .superclasses = "range widget", .implicit_values = "aria-valuemax=100 aria-valuemin=0"},
    {.name = "radio", .name_from = kBoth, .name_required = true,
     .children_presentational = true, .superclasses = "input",
     .required_attributes = "aria-checked", .supported_attributes = "aria-posinset aria-setsize"},
    {.name = "radiogroup", .name_required = true, .superclasses = "select",
     .supported_attributes = "aria-errormessage aria-invalid aria-readonly aria-required",
     .required_owned = "radio"},
    {.name = "range", .abstract = true, .superclasses = "structure",
     .supported_attributes = "aria-valuemax aria-valuemin aria-valuenow aria-valuetext"},
    {.name = "region", .name_required = true, .superclasses = "landmark"},
    {.name = "roletype", .abstract = true},
    {.name = "row", .name_from = kBoth, .superclasses = "group widget",
     .supported_attributes = "aria-colindex aria-expanded aria-level aria-posinset "
                             "aria-rowindex aria-selected aria-setsize",
     .required_owned = "cell columnheader gridcell rowheader",
     .required_context = "grid rowgroup table treegrid"},
    {.name = "rowgroup", .name_from = kBoth, .superclasses = "structure",
     .required_owned = "row", .required_context = "grid table treegrid"},
    {.name = "rowheader", .name_from = kBoth, .name_required = true,
     .superclasses = "cell gridcell sectionhead",
     .supported_attributes = "aria-expanded aria-sort", .required_context = "row"},
    {.name = "scrollbar", .children_presentational = true, .superclasses = "range widget",
     .required_attributes = "aria-controls aria-valuenow",
     .supported_attributes = "aria-disabled aria-orientation",
     .implicit_values = "aria-orientation=vertical aria-valuemax=100 aria-valuemin=0"},
    {.name = "search", .superclasses = "landmark"},
    {.name = "searchbox", .name_required = true, .superclasses = "textbox"},
    {.name = "section", .abstract = true, .superclasses = "structure"},
    {.name = "sectionhead", .abstract = true, .name_from = kBoth, .superclasses = "structure"},
    {.name = "select", .abstract = true, .superclasses = "composite group",
     .supported_attributes = "aria-orientation"},
    // §5.4 separator: aria-valuenow is required only when the separator is focusable, so
    // it is listed as supported here; rules check the focusable case themselves.
    {.name = "separator", .children_presentational = true, .superclasses = "structure widget",
     .supported_attributes = "aria-disabled aria-orientation aria-valuemax aria-valuemin "
                             "aria-valuenow aria-valuetext",
     .implicit_values = "aria-orientation=horizontal aria-valuemax=100 aria-valuemin=0"},
    {.name = "slider", .name_required = true, .children_presentational = true,
     .superclasses = "input range", .required_attributes = "aria-valuenow",
     .supported_attributes = "aria-errormessage aria-haspopup aria-invalid aria-orientation "
                             "aria-readonly",
     .implicit_values = "aria-orientation=horizontal aria-valuemax=100 aria-valuemin=0"},
    // ARIA 1.2 made aria-valuenow supported rather than required on spinbutton.
    {.name = "spinbutton", .name_required = true, .superclasses = "composite input range",
     .supported_attributes = "aria-errormessage aria-invalid aria-readonly aria-required"},
    {.name = "status", .superclasses = "section",
     .implicit_values = "aria-atomic=true aria-live=polite"},
    {.name = "strong", .name_from = kNone, .superclasses = "section",
     .prohibited_attributes = kNoNaming},
    {.name = "structure", .abstract = true, .superclasses = "roletype"},
    {.name = "subscript", .name_from = kNone, .superclasses = "section",
     .prohibited_attributes = kNoNaming},
    {.name = "superscript", .name_from = kNone, .superclasses = "section",
     .prohibited_attributes = kNoNaming},
    {.name = "switch", .name_from = kBoth, .name_required = true,
     .children_presentational = true, .superclasses = "checkbox",
     .required_attributes = "aria-checked"},
    {.name = "tab", .name_from = kBoth, .children_presentational = true,
     .superclasses = "sectionhead widget",
     .supported_attributes = "aria-disabled aria-expanded aria-haspopup aria-posinset "
                             "aria-selected aria-setsize",
     .required_context = "tablist", .implicit_values = "aria-selected=false"},
    {.name = "table", .name_required = true, .superclasses = "section",
     .supported_attributes = "aria-colcount aria-rowcount",
     .required_owned = "row rowgroup>row"},
    {.name = "tablist", .superclasses = "composite",
     .supported_attributes = "aria-multiselectable aria-orientation", .required_owned = "tab",
     .implicit_values = "aria-orientation=horizontal"},
    {.name = "tabpanel", .name_required = true, .superclasses = "section"},
    {.name = "term", .superclasses = "section"},
    {.name = "textbox", .name_required = true, .superclasses = "input",
     .supported_attributes = "aria-activedescendant aria-autocomplete aria-errormessage "
                             "aria-haspopup aria-invalid aria-multiline aria-placeholder "
                             "aria-readonly aria-required"},
    {.name = "time", .superclasses = "section"},
    {.name = "timer", .superclasses = "status"},
    {.name = "toolbar", .superclasses = "group", .supported_attributes = "aria-orientation",
     .implicit_values = "aria-orientation=horizontal"},
    {.name = "tooltip", .name_from = kBoth, .name_required = true, .superclasses = "section"},
    {.name = "tree", .name_required = true, .superclasses = "select",
     .supported_attributes = "aria-errormessage aria-invalid aria-multiselectable "
                             "aria-required",
     .required_owned = "group>treeitem treeitem", .implicit_values = "aria-orientation=vertical"},
    {.name = "treegrid", .name_required = true, .superclasses = "grid tree",
     .required_owned = "row rowgroup>row"},
    {.name = "treeitem", .name_from = kBoth, .name_required = true,
     .superclasses = "listitem option", .supported_attributes = "aria-expanded aria-haspopup",
     .required_context = "group tree"},
    {.name = "widget", .abstract = true, .superclasses = "roletype"},
    {.name = "window", .abstract = true, .superclasses = "roletype"},
};
#pragma GCC diagnostic pop

template <class T, std::size_t N>
constexpr bool sorted_by_name(const T (&table)[N]) {
  for (std::size_t i = 1; i < N; ++i) {
    if (!(table[i - 1].name < table[i].name)) return false;
  }
  return true;
}
static_assert(sorted_by_name(kAttributes), "kAttributes must be sorted by name");
static_assert(sorted_by_name(kRoles), "kRoles must be sorted by name");

constexpr std::size_t kRoleCount = std::size(kRoles);
constexpr std::size_t kAttributeCount = std::size(kAttributes);
static_assert(kAttributeCount <= 64, "attribute masks are 64-bit");

// Rules ask for roles and attributes by name tens of thousands of times per page (every
// role() answer is a name, and role_is_a() looks both names up), so lookups go through a
// hash table built at compile time: one hash and one comparison instead of a binary search
// of string comparisons.
constexpr std::uint32_t name_hash(std::string_view s) {
  std::uint32_t h = 2166136261U;  // FNV-1a
  for (char c : s) h = (h ^ static_cast<unsigned char>(c)) * 16777619U;
  return h;
}

template <std::size_t Slots>
struct NameIndex {
  static_assert((Slots & (Slots - 1)) == 0, "a power of two");
  std::array<std::uint16_t, Slots> slot{};  // table index + 1; 0 = empty
};

template <std::size_t Slots, class T, std::size_t N>
constexpr NameIndex<Slots> make_index(const T (&table)[N]) {
  static_assert(N * 2 <= Slots, "keep the table at most half full");
  NameIndex<Slots> index;
  for (std::size_t i = 0; i < N; ++i) {
    std::size_t s = name_hash(table[i].name) & (Slots - 1);
    while (index.slot[s] != 0) s = (s + 1) & (Slots - 1);
    index.slot[s] = static_cast<std::uint16_t>(i + 1);
  }
  return index;
}

constexpr auto kRoleIndex = make_index<512>(kRoles);
constexpr auto kAttributeIndex = make_index<256>(kAttributes);

template <class T, std::size_t N, std::size_t Slots>
const T* find_by_name(const T (&table)[N], const NameIndex<Slots>& index, std::string_view name) {
  if (name.empty()) return nullptr;
  for (std::size_t s = name_hash(name) & (Slots - 1);; s = (s + 1) & (Slots - 1)) {
    std::uint16_t i = index.slot[s];
    if (i == 0) return nullptr;
    if (table[i - 1].name == name) return &table[i - 1];
  }
}
// Most role names asked about are ones Semantics::role() returned, which point into
// kRoles: those are found by their address, without reading the name. A match needs the
// same address and length, so it is always the same name.
struct RoleAddresses {
  static constexpr std::size_t kSlots = 512;
  std::array<std::uint16_t, kSlots> slot{};  // kRoles index + 1; 0 = empty
  static std::size_t hash(const char* p) {
    return static_cast<std::size_t>((reinterpret_cast<std::uintptr_t>(p) * 0x9E3779B97F4A7C15ULL) >> 55);
  }
  RoleAddresses() {
    for (std::size_t i = 0; i < kRoleCount; ++i) {
      std::size_t s = hash(kRoles[i].name.data());
      while (slot[s] != 0) s = (s + 1) & (kSlots - 1);
      slot[s] = static_cast<std::uint16_t>(i + 1);
    }
  }
  const RoleInfo* find(std::string_view name) const {
    for (std::size_t s = hash(name.data());; s = (s + 1) & (kSlots - 1)) {
      std::uint16_t i = slot[s];
      if (i == 0) return nullptr;
      const std::string_view n = kRoles[i - 1].name;
      if (n.data() == name.data() && n.size() == name.size()) return &kRoles[i - 1];
    }
  }
};
static_assert(kRoleCount * 2 <= RoleAddresses::kSlots);

const RoleInfo* find_by_name(const RoleInfo (&table)[kRoleCount], std::string_view name) {
  static const RoleAddresses addresses;
  if (const RoleInfo* r = addresses.find(name)) return r;
  return find_by_name(table, kRoleIndex, name);
}
const AttributeInfo* find_by_name(const AttributeInfo (&table)[kAttributeCount], std::string_view name) {
  return find_by_name(table, kAttributeIndex, name);
}

// Every role name and superclass, implicit value and list entry must name a known role or
// attribute; checked at compile time so a typo in the tables cannot ship.
constexpr bool role_known(std::string_view name) {
  for (const RoleInfo& r : kRoles) {
    if (r.name == name) return true;
  }
  return false;
}
constexpr bool attribute_known(std::string_view name) {
  for (const AttributeInfo& a : kAttributes) {
    if (a.name == name) return true;
  }
  return false;
}
constexpr bool tables_consistent() {
  for (const RoleInfo& r : kRoles) {
    for (std::string_view s : r.superclasses) {
      if (!role_known(s)) return false;
    }
    for (std::string_view s : r.required_context) {
      if (!role_known(s)) return false;
    }
    for (std::string_view s : r.required_owned) {
      std::size_t gt = s.find('>');
      if (gt != std::string_view::npos) {
        if (!role_known(s.substr(0, gt)) || !role_known(s.substr(gt + 1))) return false;
      } else if (!role_known(s)) {
        return false;
      }
    }
    for (WordList list : {r.required_attributes, r.supported_attributes, r.prohibited_attributes}) {
      for (std::string_view s : list) {
        if (!attribute_known(s)) return false;
      }
    }
    for (std::string_view s : r.implicit_values) {
      std::size_t eq = s.find('=');
      if (eq == std::string_view::npos || !attribute_known(s.substr(0, eq))) return false;
    }
  }
  return true;
}
static_assert(tables_consistent(), "a role table entry names an unknown role or attribute");

// Per role: the set of roles it is (itself and all ancestors) and the attributes it or an
// ancestor lists. Built once on first use; afterwards lookups are bit tests.
struct Closure {
  std::array<std::array<std::uint64_t, (kRoleCount + 63) / 64>, kRoleCount> is_a{};
  std::array<std::uint64_t, kRoleCount> listed{};  // required or supported, inherited
  std::uint64_t global = 0;
};

std::size_t role_index(const RoleInfo* r) { return static_cast<std::size_t>(r - kRoles); }
std::size_t attribute_index(const AttributeInfo* a) {
  return static_cast<std::size_t>(a - kAttributes);
}

void add_ancestors(Closure& c, std::size_t target, const RoleInfo& role, int depth) {
  std::size_t i = role_index(&role);
  c.is_a[target][i / 64] |= std::uint64_t{1} << (i % 64);
  for (WordList list : {role.required_attributes, role.supported_attributes}) {
    for (std::string_view a : list) {
      c.listed[target] |= std::uint64_t{1} << attribute_index(find_by_name(kAttributes, a));
    }
  }
  if (depth > 16) return;  // the hierarchy is a DAG a few levels deep; guard anyway
  for (std::string_view s : role.superclasses) {
    add_ancestors(c, target, *find_by_name(kRoles, s), depth + 1);
  }
}

const Closure& closure() {
  static const Closure c = [] {
    Closure built;
    for (std::size_t i = 0; i < kRoleCount; ++i) add_ancestors(built, i, kRoles[i], 0);
    for (std::size_t i = 0; i < kAttributeCount; ++i) {
      if (kAttributes[i].global) built.global |= std::uint64_t{1} << i;
    }
    return built;
  }();
  return c;
}

bool parse_integer(std::string_view s) {
  if (!s.empty() && (s.front() == '-' || s.front() == '+')) s.remove_prefix(1);
  if (s.empty()) return false;
  return std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool parse_number(std::string_view s) {
  if (!s.empty() && s.front() == '+') s.remove_prefix(1);
  if (s.empty()) return false;
  double value = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
  return ec == std::errc() && end == s.data() + s.size();
}

bool is_one_of(std::string_view value, WordList allowed) {
  for (std::string_view w : allowed) {
    if (text::iequals(w, value)) return true;
  }
  return false;
}

}  // namespace

std::string_view to_string(ValueType type) {
  switch (type) {
    case ValueType::TrueFalse: return "true/false";
    case ValueType::Tristate: return "tristate";
    case ValueType::TrueFalseUndefined: return "true/false/undefined";
    case ValueType::IdRef: return "idref";
    case ValueType::IdRefs: return "idrefs";
    case ValueType::Integer: return "integer";
    case ValueType::Number: return "number";
    case ValueType::String: return "string";
    case ValueType::Token: return "token";
    case ValueType::TokenList: return "token list";
  }
  return "string";
}

const AttributeInfo* find_attribute(std::string_view name) {
  return find_by_name(kAttributes, name);
}

std::span<const AttributeInfo> all_attributes() { return kAttributes; }

bool is_valid_attribute_value(const AttributeInfo& attribute, std::string_view value) {
  value = text::trim(value);
  switch (attribute.type) {
    case ValueType::TrueFalse: return is_one_of(value, "true false");
    case ValueType::Tristate: return is_one_of(value, "true false mixed undefined");
    case ValueType::TrueFalseUndefined: return is_one_of(value, "true false undefined");
    case ValueType::IdRef:
      return !value.empty() &&
             std::none_of(value.begin(), value.end(), [](char c) { return text::is_html_space(c); });
    case ValueType::IdRefs: return !value.empty();
    case ValueType::Integer: return parse_integer(value);
    case ValueType::Number: return parse_number(value);
    case ValueType::String: return true;
    case ValueType::Token: return is_one_of(value, attribute.tokens);
    case ValueType::TokenList: {
      bool any = false;
      std::size_t i = 0;
      while (i < value.size()) {
        while (i < value.size() && text::is_html_space(value[i])) ++i;
        std::size_t start = i;
        while (i < value.size() && !text::is_html_space(value[i])) ++i;
        if (i == start) break;
        if (!is_one_of(value.substr(start, i - start), attribute.tokens)) return false;
        any = true;
      }
      return any;
    }
  }
  return false;
}

const RoleInfo* find_role(std::string_view name) { return find_by_name(kRoles, name); }

const RoleInfo* find_role_token(std::string_view token) {
  char buf[32];
  if (token.empty() || token.size() > sizeof buf) return nullptr;
  for (std::size_t i = 0; i < token.size(); ++i) {
    char c = token[i];
    buf[i] = c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c;
  }
  return find_role(std::string_view(buf, token.size()));
}

std::span<const RoleInfo> all_roles() { return kRoles; }

const RoleInfo* first_concrete_role(std::string_view role_attribute) {
  while (!role_attribute.empty()) {
    std::size_t start = role_attribute.find_first_not_of(" \t\n\f\r");
    if (start == std::string_view::npos) break;
    role_attribute.remove_prefix(start);
    std::size_t end = role_attribute.find_first_of(" \t\n\f\r");
    if (end == std::string_view::npos) end = role_attribute.size();
    const RoleInfo* r = find_role_token(role_attribute.substr(0, end));
    if (r && !r->abstract) return r;
    role_attribute.remove_prefix(end);
  }
  return nullptr;
}

bool role_is_a(std::string_view role, std::string_view ancestor) {
  // Rules mostly ask whether a link is a link: one lookup.
  if (role == ancestor) return find_role(role) != nullptr;
  const RoleInfo* r = find_role(role);
  const RoleInfo* a = find_role(ancestor);
  if (!r || !a) return false;
  std::size_t ai = role_index(a);
  return (closure().is_a[role_index(r)][ai / 64] >> (ai % 64)) & 1U;
}

bool role_lists_attribute(std::string_view role, std::string_view attribute) {
  const RoleInfo* r = find_role(role);
  const AttributeInfo* a = find_attribute(attribute);
  if (!r || !a) return false;
  return (closure().listed[role_index(r)] >> attribute_index(a)) & 1U;
}

bool role_deprecates_attribute(std::string_view role, std::string_view attribute) {
  if (attribute != "aria-expanded" || role_lists_attribute(role, attribute)) return false;
  // Roles new in ARIA 1.2 never inherited it: for them it is simply not supported.
  static constexpr std::string_view kNewIn12[] = {"blockquote", "caption",  "code",      "deletion",
                                                  "emphasis",   "generic",  "insertion", "meter",
                                                  "paragraph",  "strong",   "subscript", "superscript",
                                                  "time"};
  for (std::string_view r : kNewIn12) {
    if (r == role) return false;
  }
  return role_is_a(role, "section") || role_is_a(role, "sectionhead") || role_is_a(role, "document") ||
         role_is_a(role, "window");
}

bool role_prohibits_attribute(std::string_view role, std::string_view attribute) {
  const RoleInfo* r = find_role(role);
  if (!r) return false;
  // ARIA 1.3 §6.7: the braille variants are prohibited wherever their counterparts are
  // (aria-braillelabel like aria-label, aria-brailleroledescription like aria-roledescription).
  if (attribute == "aria-braillelabel") attribute = "aria-label";
  if (attribute == "aria-brailleroledescription") attribute = "aria-roledescription";
  return r->prohibited_attributes.contains(attribute);
}

bool role_supports_attribute(std::string_view role, std::string_view attribute) {
  const AttributeInfo* a = find_attribute(attribute);
  if (!a || !find_role(role)) return false;
  if (role_prohibits_attribute(role, attribute)) return false;
  return a->global || role_lists_attribute(role, attribute);
}

std::string_view implicit_value(std::string_view role, std::string_view attribute) {
  const RoleInfo* r = find_role(role);
  if (!r) return {};
  for (std::string_view pair : r->implicit_values) {
    std::size_t eq = pair.find('=');
    if (pair.substr(0, eq) == attribute) return pair.substr(eq + 1);
  }
  return {};
}

namespace {
// Whether `role` is `ancestor` or inherits from it, the ancestor found once.
bool role_is_a(std::string_view role, const RoleInfo* ancestor) {
  const RoleInfo* r = find_role(role);
  if (!r) return false;
  std::size_t ai = role_index(ancestor);
  return (closure().is_a[role_index(r)][ai / 64] >> (ai % 64)) & 1U;
}
}  // namespace

bool is_widget_role(std::string_view role) {
  static const RoleInfo* const widget = find_role("widget");
  return role_is_a(role, widget);
}
bool is_landmark_role(std::string_view role) {
  static const RoleInfo* const landmark = find_role("landmark");
  return role_is_a(role, landmark);
}

}  // namespace granska::aria
