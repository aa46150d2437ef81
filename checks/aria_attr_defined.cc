// aria-attr-defined: every aria-* attribute is one that WAI-ARIA defines (ACT 5f99a7).
// Applies to every element with an attribute whose name starts with "aria-"; one outcome
// per element. A misspelled attribute (aria-labeled, aria-not-checked) is ignored by
// browsers, so the information it was meant to carry is lost.
#include "aria/aria_data.h"
#include "checks/common/scripted_document.h"
#include "engine/registry.h"

namespace granska::checks {
namespace {

using namespace engine;

const Message kDefined{"defined", {"Alla aria-attribut på elementet finns i WAI-ARIA.",
                                   "All aria attributes on the element exist in WAI-ARIA."}};
const Message kUndefined{"undefined-attribute",
                         {"Attributet {0} finns inte i WAI-ARIA och ignoreras av webbläsare och skärmläsare.",
                          "The attribute {0} does not exist in WAI-ARIA and is ignored by browsers and screen "
                          "readers."}};

const RuleInfo kInfo{
    .id = "aria-attr-defined",
    .title = {"aria-attribut finns i WAI-ARIA", "aria attributes exist in WAI-ARIA"},
    .description = {"Kontrollerar att varje attribut som börjar med aria- är ett riktigt ARIA-attribut. Ett "
                    "felstavat attribut ignoreras, och då får skärmläsaren inte informationen.",
                    "Checks that every attribute starting with aria- is a real ARIA attribute. A misspelled "
                    "attribute is ignored, and then the screen reader does not get the information."},
    .help = {"Rätta stavningen av attributet, till exempel aria-labelledby i stället för aria-labelled, eller "
             "ta bort det om det inte behövs.",
             "Fix the spelling of the attribute, for example aria-labelledby instead of aria-labelled, or "
             "remove it if it is not needed."},
    .criteria = {sc("4.1.2")},
    .act_rules = {"5f99a7"},
    .axe_rules = {"aria-valid-attr"},
    .impact = Impact::Serious,
    .messages = {&kDefined, &kUndefined},
};

bool is_aria_name(std::string_view name) { return name.size() > 5 && name.substr(0, 5) == "aria-"; }

void evaluate(Context& ctx, Reporter& out) {
  const OutsideDocument outside(ctx.doc);  // <template>/<noscript> content is no part of the page
  for (const html::Node* e : ctx.doc.elements()) {
    if (outside.contains(*e)) continue;
    bool applicable = false;
    const html::Attribute* unknown = nullptr;
    for (const html::Attribute& a : e->attributes()) {
      if (!is_aria_name(a.name)) continue;
      applicable = true;
      if (!aria::find_attribute(a.name)) {
        unknown = &a;
        break;
      }
    }
    if (!applicable) continue;
    if (unknown) {
      out.failed(e, kUndefined, {unknown->name});
    } else {
      out.passed(e, kDefined);
    }
  }
}

const RuleRegistration kRegistration(kInfo, evaluate);

}  // namespace
}  // namespace granska::checks
