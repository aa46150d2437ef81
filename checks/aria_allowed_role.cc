// aria-allowed-role: the role attribute gives an element only a role that ARIA in HTML
// allows for it (axe-core "aria-allowed-role"; W3C ARIA in HTML §4 "Document conformance
// requirements for use of ARIA attributes in HTML"; WCAG 4.1.2 as reference).
//
// Applies to HTML elements in the accessibility tree with a role attribute whose first
// valid role token (the one browsers use) is a concrete WAI-ARIA or DPUB role. An invalid
// role is aria-role-valid's concern; a role equal to the element's own (implicit) role is
// redundant, not wrong, and passes. The table below is ARIA in HTML's, element by element:
// "any" for elements without strong semantics (div, span, p, b, ...), nothing for elements
// whose role must not change (<main>, <label>, <textarea>, ...), and the listed roles
// otherwise, with the variants ARIA in HTML distinguishes (a with/without href, img with
// and without alt text, input by type, select by size).
//
// Kind: BestPractice, as in axe-core. Browsers apply the author's role anyway, so what users
// get follows the role; the harm is a conflict with the element's native behaviour (a
// <button role="heading"> still submits forms and takes focus), which the other ARIA rules
// and a person judge.
#include <algorithm>
#include <optional>
#include <string>

#include "aria/aria_data.h"
#include "aria/semantics.h"
#include "engine/registry.h"
#include "util/text.h"

namespace granska::checks {
namespace {

using namespace engine;

const Message kAllowed{"allowed", {"role=\"{0}\" är tillåten på <{1}>.", "role=\"{0}\" is allowed on <{1}>."}};
const Message kNotAllowed{"not-allowed",
                          {"role=\"{0}\" är inte tillåten på <{1}> enligt ARIA i HTML. Elementet behåller sitt "
                           "eget beteende (till exempel fokus och tangenter), så rollen lovar något annat än det gör. "
                           "Använd ett element som passar rollen, eller ta bort role.",
                           "role=\"{0}\" is not allowed on <{1}> by ARIA in HTML. The element keeps its own "
                           "behaviour (such as focus and keys), so the role promises something else than it does. "
                           "Use an element that fits the role, or remove role."}};
const Message kNoRoleAllowed{"no-role-allowed",
                             {"<{1}> får inte ha någon role (här role=\"{0}\"): dess egen betydelse ska stå kvar.",
                              "<{1}> must not have any role (here role=\"{0}\"): its own meaning must stay."}};

const RuleInfo kInfo{
    .id = "aria-allowed-role",
    .title = {"Roller passar elementet", "Roles fit the element"},
    .description = {"Kontrollerar att role-attributet bara ger ett element en roll som ARIA i HTML tillåter för "
                    "det, till exempel inte role=\"heading\" på en <button> eller någon roll alls på <main>.",
                    "Checks that the role attribute gives an element only a role that ARIA in HTML allows for it, "
                    "for example not role=\"heading\" on a <button> or any role at all on <main>."},
    .help = {"Använd det HTML-element som redan har rollen (<h2> för en rubrik, <button> för en knapp) i stället "
             "för role, eller ta bort role om elementet redan betyder rätt sak.",
             "Use the HTML element that already has the role (<h2> for a heading, <button> for a button) instead "
             "of role, or remove role if the element already means the right thing."},
    .criteria = {sc("4.1.2")},
    .axe_rules = {"aria-allowed-role"},
    .impact = Impact::Minor,
    .kind = RuleKind::BestPractice,
    .messages = {&kAllowed, &kNotAllowed, &kNoRoleAllowed},
};

constexpr std::string_view kAny = "*";

// ARIA in HTML's allowed roles per element without variants, sorted by tag. "" = no role.
struct Allowed {
  std::string_view tag, roles;
};
constexpr Allowed kAllowedRoles[] = {
    {"abbr", kAny}, {"address", kAny},
    {"article", "application document feed main none presentation region"},
    {"aside", "doc-dedication doc-example doc-footnote doc-glossary doc-pullquote doc-tip feed none note "
              "presentation region search"},
    {"audio", "application"}, {"b", kAny}, {"base", ""}, {"bdi", kAny}, {"bdo", kAny}, {"blockquote", kAny},
    {"body", ""}, {"br", "none presentation"},
    {"button", "checkbox combobox gridcell link menuitem menuitemcheckbox menuitemradio option radio separator "
               "slider switch tab treeitem"},
    {"canvas", kAny}, {"caption", ""}, {"cite", kAny}, {"code", kAny}, {"col", ""}, {"colgroup", ""},
    {"data", kAny}, {"datalist", ""}, {"dd", ""}, {"del", kAny}, {"details", ""}, {"dfn", kAny},
    {"dialog", "alertdialog"}, {"div", kAny}, {"dl", "group list none presentation"}, {"dt", "listitem"},
    {"em", kAny}, {"embed", "application document img none presentation"},
    {"fieldset", "none presentation radiogroup"}, {"figcaption", "group none presentation"},
    {"footer", "doc-footnote group none presentation"}, {"form", "none presentation search"},
    {"h1", "doc-subtitle none presentation tab"}, {"h2", "doc-subtitle none presentation tab"},
    {"h3", "doc-subtitle none presentation tab"}, {"h4", "doc-subtitle none presentation tab"},
    {"h5", "doc-subtitle none presentation tab"}, {"h6", "doc-subtitle none presentation tab"},
    {"head", ""}, {"header", "doc-footnote group none presentation"}, {"hgroup", kAny},
    {"hr", "doc-pagebreak none presentation"}, {"html", ""}, {"i", kAny},
    {"iframe", "application document img none presentation"}, {"ins", kAny}, {"kbd", kAny}, {"label", ""},
    {"legend", ""},
    {"li", "doc-biblioentry doc-endnote menuitem menuitemcheckbox menuitemradio none option presentation radio "
           "separator tab treeitem"},
    {"link", ""}, {"main", ""}, {"map", ""}, {"mark", kAny},
    {"menu", "directory group listbox menu menubar none presentation radiogroup tablist toolbar tree"},
    {"meta", ""}, {"meter", ""},
    {"nav", "doc-index doc-pagelist doc-toc menu menubar none presentation tablist"}, {"noscript", ""},
    {"object", "application document img"},
    {"ol", "directory group listbox menu menubar none presentation radiogroup tablist toolbar tree"},
    {"optgroup", ""}, {"option", ""}, {"output", kAny}, {"p", kAny}, {"param", ""}, {"picture", ""},
    {"pre", kAny}, {"progress", ""}, {"q", kAny}, {"rp", kAny}, {"rt", kAny}, {"ruby", kAny}, {"s", kAny},
    {"samp", kAny}, {"script", ""}, {"search", "form group none presentation region search"},
    {"section", "alert alertdialog application banner complementary contentinfo dialog doc-abstract "
                "doc-acknowledgments doc-afterword doc-appendix doc-bibliography doc-chapter doc-colophon "
                "doc-conclusion doc-credit doc-credits doc-dedication doc-endnotes doc-epigraph doc-epilogue "
                "doc-errata doc-example doc-foreword doc-glossary doc-index doc-introduction doc-notice "
                "doc-pagelist doc-part doc-preface doc-prologue doc-pullquote doc-qna doc-toc document feed "
                "group log main marquee navigation none note presentation search status tabpanel"},
    {"slot", ""}, {"small", kAny}, {"source", ""}, {"span", kAny}, {"strong", kAny}, {"style", ""},
    {"sub", kAny}, {"summary", ""}, {"sup", kAny}, {"table", kAny}, {"tbody", kAny}, {"td", kAny},
    {"template", ""}, {"textarea", ""}, {"tfoot", kAny}, {"th", kAny}, {"thead", kAny}, {"time", kAny},
    {"title", ""}, {"tr", kAny}, {"track", ""}, {"u", kAny},
    {"ul", "directory group listbox menu menubar none presentation radiogroup tablist toolbar tree"},
    {"var", kAny}, {"video", "application"}, {"wbr", "none presentation"},
};

constexpr bool sorted() {
  for (std::size_t i = 1; i < std::size(kAllowedRoles); ++i) {
    if (!(kAllowedRoles[i - 1].tag < kAllowedRoles[i].tag)) return false;
  }
  return true;
}
static_assert(sorted(), "kAllowedRoles must be sorted by tag");

// The allowed roles of `e` (kAny, "" or a word list); nullopt when granska has no entry
// (unknown or custom elements: left alone).
std::optional<std::string_view> allowed_roles(Context& ctx, const html::Node& e) {
  std::string_view tag = e.tag();
  if (tag == "a") return e.has_attr("href") ? "button checkbox doc-backlink doc-biblioref doc-glossref doc-noteref "
                                              "menuitem menuitemcheckbox menuitemradio option radio switch tab "
                                              "treeitem"
                                            : kAny;
  if (tag == "area") return e.has_attr("href") ? "" : "button link";
  if (tag == "img") {
    auto alt = e.attr("alt");
    if (alt && alt->empty()) return "none presentation";
    bool named = (alt && !text::trim(*alt).empty()) || e.has_attr("aria-label") || e.has_attr("aria-labelledby") ||
                 e.has_attr("title");
    if (!named) return std::nullopt;  // no alt at all: image-alt's problem first
    return "button checkbox doc-cover link math menuitem menuitemcheckbox menuitemradio meter option progressbar "
           "radio scrollbar separator slider switch tab treeitem";
  }
  if (tag == "input") {
    std::string_view type = aria::Semantics::input_type(e);
    if (type == "button") {
      return "checkbox combobox link menuitem menuitemcheckbox menuitemradio option radio switch tab";
    }
    if (type == "checkbox") {
      return e.has_attr("aria-pressed") ? "button menuitemcheckbox option switch" : "menuitemcheckbox option switch";
    }
    if (type == "image") return "link menuitem menuitemcheckbox menuitemradio radio switch";
    if (type == "radio") return "menuitemradio";
    if (type == "text" || type == "search" || type == "tel" || type == "url" || type == "email") {
      return e.has_attr("list") ? "" : "combobox searchbox spinbutton";
    }
    return "";  // hidden, password, date/time, color, file, number, range, submit, reset
  }
  if (tag == "select") {
    auto size = e.attr("size");
    bool single = !e.has_attr("multiple") && (!size || text::trim(*size).empty() || text::trim(*size) == "1");
    return single ? "menu" : "";
  }
  if (tag == "figure") {
    for (const html::Node* c : e.children()) {
      if (c->is("figcaption")) return "";
    }
    return kAny;
  }
  if (tag.find('-') != std::string_view::npos) return std::nullopt;  // custom elements
  const Allowed* it = std::lower_bound(std::begin(kAllowedRoles), std::end(kAllowedRoles), tag,
                                       [](const Allowed& a, std::string_view t) { return a.tag < t; });
  if (it == std::end(kAllowedRoles) || it->tag != tag) return std::nullopt;
  (void)ctx;
  return it->roles;
}

void evaluate(Context& ctx, Reporter& out) {
  for (const html::Node* e : ctx.doc.elements()) {
    auto role_attr = e->attr("role");
    if (!role_attr || e->ns() != html::Namespace::Html) continue;
    const aria::RoleInfo* role = aria::first_concrete_role(*role_attr);
    if (!role) continue;  // aria-role-valid's concern
    if (ctx.aria.hidden_from_at(*e) == aria::Tristate::Yes) continue;
    std::optional<std::string_view> allowed = allowed_roles(ctx, *e);
    if (!allowed) continue;
    std::string name(role->name);
    std::string tag(e->tag());
    std::string_view implicit = ctx.aria.implicit_role(*e);
    bool redundant = implicit == role->name || (role->name == "presentation" && implicit == "none");
    if (*allowed == kAny || redundant || aria::WordList(*allowed).contains(role->name)) {
      out.passed(e, kAllowed, {name, tag});
    } else {
      out.failed(e, allowed->empty() ? kNoRoleAllowed : kNotAllowed, {name, tag});
    }
  }
}

const RuleRegistration kRegistration(kInfo, evaluate);

}  // namespace
}  // namespace granska::checks
