// iframe-name: every inline frame has an accessible name (ACT cae760, WCAG 4.1.2).
// Applies to <iframe> elements in the accessibility tree, except those taken out of the
// tab order with a negative tabindex and those marked as decorative with
// role="none"/"presentation". Passes when the accessible name (title, aria-label,
// aria-labelledby) is not empty; the name attribute is not a name.
#include "aria/aria_data.h"
#include "checks/common/name_rule.h"
#include "engine/registry.h"
#include "util/text.h"

namespace granska::checks {
namespace {

using namespace engine;

const Message kHasName{"has-name", {"Ramen har namnet \"{0}\" (från {1}).",
                                    "The frame has the name \"{0}\" (from {1})."}};
const Message kNoName{"no-name",
                      {"Ramen (iframe) saknar title. En skärmläsare kan inte säga vad den innehåller.",
                       "The frame (iframe) has no title. A screen reader cannot tell what it contains."}};
const Message kMaybeHidden{"maybe-hidden",
                           {"Ramen saknar title, men kan vara dold med CSS som granska inte kunde "
                            "utvärdera. Kontrollera om den syns.",
                            "The frame has no title, but may be hidden by CSS that granska could not "
                            "evaluate. Check whether it is visible."}};

const RuleInfo kInfo{
    .id = "iframe-name",
    .title = {"Inbäddade ramar har en titel", "Inline frames have a title"},
    .description = {"Kontrollerar att varje inbäddad ram (iframe), till exempel en karta, en video eller ett "
                    "formulär från en annan tjänst, har en titel som säger vad den innehåller.",
                    "Checks that every inline frame (iframe), for example a map, a video or a form from "
                    "another service, has a title that says what it contains."},
    .help = {"Ge iframe-elementet ett title-attribut som säger vad ramen innehåller, till exempel "
             "title=\"Karta över återvinningscentraler i Malmö\".",
             "Give the iframe element a title attribute that says what the frame contains, for example "
             "title=\"Map of recycling centres in Malmö\"."},
    .criteria = {sc("4.1.2")},
    .act_rules = {"cae760"},
    .impact = Impact::Serious,
    .messages = {&kHasName, &kNoName, &kMaybeHidden},
};

bool negative_tabindex(const html::Node& e) {
  auto t = e.attr("tabindex");
  if (!t) return false;
  std::string_view v = text::trim(*t);
  return v.size() >= 2 && v[0] == '-' && v[1] >= '0' && v[1] <= '9';
}

// Marked as decorative: the first role token granska knows is none or presentation
// (whatever presentational conflict resolution later makes of it).
bool marked_decorative(const html::Node& e) {
  auto roles = e.attr("role");
  if (!roles) return false;
  std::string_view rest = *roles;
  while (!rest.empty()) {
    std::size_t start = rest.find_first_not_of(" \t\n\f\r");
    if (start == std::string_view::npos) break;
    rest.remove_prefix(start);
    std::size_t end = rest.find_first_of(" \t\n\f\r");
    std::string_view token = rest.substr(0, end);
    rest.remove_prefix(end == std::string_view::npos ? rest.size() : end);
    const aria::RoleInfo* info = aria::find_role_token(token);
    if (info && !info->abstract) return info->name == "none" || info->name == "presentation";
  }
  return false;
}

void evaluate(Context& ctx, Reporter& out) {
  for (const html::Node* e : ctx.doc.elements()) {
    if (!e->is("iframe") || negative_tabindex(*e) || marked_decorative(*e)) continue;
    report_accessible_name(ctx, out, *e, {kHasName, kNoName, kMaybeHidden});
  }
}

const RuleRegistration kRegistration(kInfo, evaluate);

}  // namespace
}  // namespace granska::checks
