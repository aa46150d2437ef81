// aria-required-parent: an element given a role that only makes sense inside another
// role sits inside it (ACT ff89c9), e.g. role="listitem" inside a list and role="tab"
// inside a tablist. Applies to elements in the accessibility tree whose role= names a
// role with a required context role, unless that is the element's own role (an <li> in a
// <ul> carries its context natively). The parent is the nearest ancestor the
// accessibility tree keeps (role none and plain <div>/<span> are looked through) or the
// aria-owns owner. Content made by script (shadow DOM) is invisible to granska: an
// aria-owns pointing at ids missing from a page with scripts asks a person to check.
#include <string>

#include "aria/aria_data.h"
#include "aria/ownership.h"
#include "engine/registry.h"

namespace granska::checks {
namespace {

using namespace engine;

const Message kInContext{"in-context",
                         {"role=\"{0}\" ligger i ett element med rollen {1}, som den ska.",
                          "role=\"{0}\" is inside an element with the role {1}, as it should be."}};
const Message kWrongParent{"wrong-parent",
                           {"role=\"{0}\" måste ligga direkt i ett element med rollen {1}, men ligger i {2}.",
                            "role=\"{0}\" must be directly inside an element with the role {1}, but is inside "
                            "{2}."}};
const Message kNoParent{"no-parent",
                        {"role=\"{0}\" måste ligga i ett element med rollen {1}, men har inget sådant.",
                         "role=\"{0}\" must be inside an element with the role {1}, but has none."}};
const Message kMaybeHidden{"maybe-hidden",
                           {"role=\"{0}\" ligger inte i ett element med rollen {1}, men elementet kan vara dolt "
                            "med CSS som granska inte kunde utvärdera. Kontrollera om det syns.",
                            "role=\"{0}\" is not inside an element with the role {1}, but the element may be "
                            "hidden by CSS that granska could not evaluate. Check whether it is visible."}};
const Message kScriptedOwns{"scripted-owns",
                            {"aria-owns pekar på id som inte finns i sidans HTML ({0}). De skapas troligen av "
                             "skript; kontrollera att de ägda elementen har rätt förälder.",
                             "aria-owns points at ids that are not in the page's HTML ({0}). Scripts probably "
                             "create them; check that the owned elements have the right parent."}};

const RuleInfo kInfo{
    .id = "aria-required-parent",
    .title = {"Roller ligger i rätt sammanhang", "Roles are in their required context"},
    .description = {"Kontrollerar att element med roller som bara fungerar inuti en annan roll ligger där, till "
                    "exempel role=\"listitem\" i en lista och role=\"tab\" i en flikrad. Annars kan skärmläsare "
                    "inte berätta hur många delar som finns eller vilken del man är på.",
                    "Checks that elements with roles that only work inside another role are placed there, for "
                    "example role=\"listitem\" in a list and role=\"tab\" in a tab list. Otherwise screen readers "
                    "cannot tell how many parts there are or which part you are on."},
    .help = {"Lägg elementet direkt i ett element med rätt roll, till exempel role=\"listitem\" i "
             "role=\"list\". Ett mellanliggande element med en egen roll bryter sambandet; ge det "
             "role=\"none\" eller ta bort rollen. Enklast är ofta att använda <ul> och <li>.",
             "Put the element directly inside an element with the right role, for example role=\"listitem\" "
             "in role=\"list\". An element in between with a role of its own breaks the link; give it "
             "role=\"none\" or remove the role. Often it is simplest to use <ul> and <li>."},
    .criteria = {sc("1.3.1")},
    .act_rules = {"ff89c9"},
    .axe_rules = {"aria-required-parent"},
    .impact = Impact::Serious,
    .messages = {&kInContext, &kWrongParent, &kNoParent, &kMaybeHidden, &kScriptedOwns},
};

std::string joined(const aria::WordList& words, std::string_view sep) {
  std::string out;
  for (std::string_view w : words) {
    if (!out.empty()) out += sep;
    out += w;
  }
  return out;
}

bool page_has_script(const html::Document& doc) {
  for (const html::Node* e : doc.elements()) {
    if (e->is("script")) return true;
  }
  return false;
}

void evaluate(Context& ctx, Reporter& out) {
  aria::Ownership tree(ctx.aria);
  const bool scripted = page_has_script(ctx.doc);
  for (const html::Node* e : ctx.doc.elements()) {
    if (scripted) {
      std::vector<std::string> missing = tree.missing_owned_ids(*e);
      if (!missing.empty() && ctx.aria.hidden_from_at(*e) != aria::Tristate::Yes) {
        std::string ids;
        for (const std::string& id : missing) ids += (ids.empty() ? "" : " ") + id;
        out.cant_tell(e, kScriptedOwns, {ids});
      }
    }
    if (!e->has_attr("role") || !ctx.aria.has_explicit_role(*e)) continue;
    std::string_view role = ctx.aria.role(*e);
    const aria::RoleInfo* info = aria::find_role(role);
    if (!info || info->required_context.empty()) continue;
    if (ctx.aria.implicit_role(*e) == role) continue;
    aria::Tristate hidden = ctx.aria.hidden_from_at(*e);
    if (hidden == aria::Tristate::Yes) continue;
    std::string context = joined(info->required_context, ", ");
    const html::Node* parent = tree.parent(*e);
    std::string_view parent_role = parent ? tree.role(*parent) : std::string_view();
    bool ok = false;
    for (std::string_view want : info->required_context) {
      if (parent_role == want) ok = true;
    }
    if (ok) {
      out.passed(e, kInContext, {std::string(role), std::string(parent_role)});
    } else if (hidden == aria::Tristate::Unknown) {
      out.cant_tell(e, kMaybeHidden, {std::string(role), context});
    } else if (!parent || parent_role.empty()) {
      out.failed(e, kNoParent, {std::string(role), context});
    } else {
      out.failed(e, kWrongParent, {std::string(role), context, std::string(parent_role)});
    }
  }
}

const RuleRegistration kRegistration(kInfo, evaluate);

}  // namespace
}  // namespace granska::checks
