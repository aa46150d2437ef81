// aria-deprecated: no role or ARIA attribute that WAI-ARIA 1.2 deprecated (axe-core
// "aria-deprecated-role"; WCAG 4.1.2 as reference). Applies to elements in the
// accessibility tree with a role attribute or a deprecated ARIA attribute:
//   - deprecated roles: directory, doc-biblioentry, doc-endnote (the first valid role token,
//     which is the one browsers use);
//   - deprecated attributes: aria-grabbed, aria-dropeffect;
//   - aria-disabled, aria-errormessage, aria-haspopup and aria-invalid on roles that do not
//     list them (global in ARIA 1.1, deprecated as global in 1.2);
//   - an attribute deprecated on its role (aria-expanded on alert, banner, heading, ...:
//     aria/aria_data.h role_deprecates_attribute).
//
// Kind: BestPractice. Browsers still map the deprecated roles (directory as a list, the
// DPUB ones as list items) and expose the deprecated attributes, so nothing reaches users
// differently today; but support may end, and the newer roles say the same thing. That is
// also why aria-allowed-attr passes these attributes: a warning here, no failure there.
#include <string>

#include "aria/aria_data.h"
#include "engine/registry.h"

namespace granska::checks {
namespace {

using namespace engine;

const Message kCurrentRole{"current-role", {"role=\"{0}\" är inte föråldrad.", "role=\"{0}\" is not deprecated."}};
const Message kDeprecatedRole{"deprecated-role",
                              {"Rollen {0} är föråldrad sedan WAI-ARIA 1.2. Använd {1} i stället.",
                               "The role {0} is deprecated since WAI-ARIA 1.2. Use {1} instead."}};
const Message kDeprecatedAttribute{"deprecated-attribute",
                                   {"{0} är föråldrat sedan WAI-ARIA 1.1 och stöds inte längre av skärmläsare. Ta "
                                    "bort det.",
                                    "{0} is deprecated since WAI-ARIA 1.1 and no longer supported by screen "
                                    "readers. Remove it."}};
const Message kDeprecatedGlobal{"deprecated-global",
                                {"{0} är föråldrat på rollen {1} sedan WAI-ARIA 1.2; det hör hemma på "
                                 "kontroller som knappar och formulärfält. Flytta eller ta bort det.",
                                 "{0} is deprecated on the role {1} since WAI-ARIA 1.2; it belongs on controls "
                                 "such as buttons and form fields. Move or remove it."}};
const Message kDeprecatedOnRole{"deprecated-on-role",
                                {"{0} är föråldrat på rollen {1} sedan WAI-ARIA 1.2. Sätt det på knappen som "
                                 "fäller ut innehållet i stället.",
                                 "{0} is deprecated on the role {1} since WAI-ARIA 1.2. Put it on the button that "
                                 "expands the content instead."}};

const RuleInfo kInfo{
    .id = "aria-deprecated",
    .title = {"Inga föråldrade ARIA-roller eller -attribut", "No deprecated ARIA roles or attributes"},
    .description = {"Varnar för roller och attribut som WAI-ARIA 1.2 har tagit bort eller flyttat, som "
                    "role=\"directory\", aria-grabbed och aria-expanded på en rubrik. Webbläsare stöder dem "
                    "fortfarande, men stödet kan försvinna.",
                    "Warns about roles and attributes that WAI-ARIA 1.2 removed or moved, such as "
                    "role=\"directory\", aria-grabbed and aria-expanded on a heading. Browsers still support "
                    "them, but support may end."},
    .help = {"Byt role=\"directory\" mot role=\"list\" (eller <ul>), doc-biblioentry och doc-endnote mot "
             "listitem, ta bort aria-grabbed och aria-dropeffect, och sätt aria-expanded på knappen som fäller "
             "ut innehållet.",
             "Replace role=\"directory\" with role=\"list\" (or <ul>), doc-biblioentry and doc-endnote with "
             "listitem, remove aria-grabbed and aria-dropeffect, and put aria-expanded on the button that "
             "expands the content."},
    .criteria = {sc("4.1.2")},
    .axe_rules = {"aria-deprecated-role"},
    .impact = Impact::Minor,
    .kind = RuleKind::BestPractice,
    .messages = {&kCurrentRole, &kDeprecatedRole, &kDeprecatedAttribute, &kDeprecatedGlobal, &kDeprecatedOnRole},
};

std::string_view replacement(std::string_view role) { return role == "directory" ? "list" : "listitem"; }

void evaluate(Context& ctx, Reporter& out) {
  for (const html::Node* e : ctx.doc.elements()) {
    auto role_attr = e->attr("role");
    bool has_aria = false;
    for (const html::Attribute& a : e->attributes()) has_aria = has_aria || a.name.starts_with("aria-");
    if (!role_attr && !has_aria) continue;
    if (ctx.aria.hidden_from_at(*e) == aria::Tristate::Yes) continue;
    std::string role(ctx.aria.role(*e));
    if (role_attr) {
      const aria::RoleInfo* r = aria::first_concrete_role(*role_attr);
      if (r && r->deprecated) {
        out.failed(e, kDeprecatedRole, {std::string(r->name), std::string(replacement(r->name))});
      } else if (r) {
        out.passed(e, kCurrentRole, {std::string(r->name)});
      }
    }
    for (const html::Attribute& a : e->attributes()) {
      if (!a.name.starts_with("aria-")) continue;
      const aria::AttributeInfo* info = aria::find_attribute(a.name);
      if (!info) continue;
      if (info->deprecated) {
        out.failed(e, kDeprecatedAttribute, {a.name});
      } else if (!role.empty() && info->deprecated_as_global && !aria::role_lists_attribute(role, a.name)) {
        out.failed(e, kDeprecatedGlobal, {a.name, role});
      } else if (!role.empty() && aria::role_deprecates_attribute(role, a.name)) {
        out.failed(e, kDeprecatedOnRole, {a.name, role});
      }
    }
  }
}

const RuleRegistration kRegistration(kInfo, evaluate);

}  // namespace
}  // namespace granska::checks
