// aria-braille-equivalent: the braille attributes come with their plain counterparts (axe-core
// "aria-braille-equivalent"; WAI-ARIA 1.3 §6.7; WCAG 4.1.2). Applies to elements in the
// accessibility tree with a non-empty aria-braillelabel or aria-brailleroledescription:
//   - aria-braillelabel only replaces the accessible name on a braille display; the element
//     must have a non-empty accessible name as well;
//   - aria-brailleroledescription only replaces aria-roledescription; the element must have a
//     non-empty aria-roledescription.
// ARIA 1.3 tells browsers to ignore the braille attribute otherwise.
//
// Kind: Requirement. Without the plain counterpart the braille text is dropped and speech
// users get no name or description at all: the author's name or role description reaches
// no one (4.1.2).
#include <string>

#include "engine/registry.h"
#include "util/text.h"

namespace granska::checks {
namespace {

using namespace engine;

const Message kHasName{"has-name", {"Elementet med aria-braillelabel har också namnet \"{0}\".",
                                    "The element with aria-braillelabel also has the name \"{0}\"."}};
const Message kHasRoleDescription{"has-roledescription",
                                  {"aria-brailleroledescription har sin motsvarighet aria-roledescription=\"{0}\".",
                                   "aria-brailleroledescription has its counterpart "
                                   "aria-roledescription=\"{0}\"."}};
const Message kNoName{"no-name",
                      {"aria-braillelabel används, men elementet saknar namn. Punktskriftstexten ignoreras då, och "
                       "den som lyssnar får inget namn alls. Ge elementet en text eller aria-label också.",
                       "aria-braillelabel is used, but the element has no name. The braille text is then ignored, "
                       "and people who listen get no name at all. Give the element a text or aria-label as "
                       "well."}};
const Message kNoRoleDescription{"no-roledescription",
                                 {"aria-brailleroledescription används utan aria-roledescription. "
                                  "Punktskriftstexten ignoreras då. Lägg till aria-roledescription.",
                                  "aria-brailleroledescription is used without aria-roledescription. The braille "
                                  "text is then ignored. Add aria-roledescription."}};

const RuleInfo kInfo{
    .id = "aria-braille-equivalent",
    .title = {"Punktskriftsattribut har sin motsvarighet", "Braille attributes have their counterpart"},
    .description = {"Kontrollerar att aria-braillelabel bara används på element som också har ett namn, och "
                    "aria-brailleroledescription bara tillsammans med aria-roledescription. Annars ignoreras "
                    "punktskriftstexten.",
                    "Checks that aria-braillelabel is used only on elements that also have a name, and "
                    "aria-brailleroledescription only together with aria-roledescription. Otherwise the "
                    "braille text is ignored."},
    .help = {"Ge elementet ett namn (text, aria-label) eller aria-roledescription, och låt punktskriftsattributet "
             "bara vara en kortare form av det.",
             "Give the element a name (text, aria-label) or aria-roledescription, and let the braille attribute "
             "only be a shorter form of it."},
    .criteria = {sc("4.1.2")},
    .axe_rules = {"aria-braille-equivalent"},
    .impact = Impact::Serious,
    .messages = {&kHasName, &kHasRoleDescription, &kNoName, &kNoRoleDescription},
};

void evaluate(Context& ctx, Reporter& out) {
  for (const html::Node* e : ctx.doc.elements()) {
    auto label = e->attr("aria-braillelabel");
    auto roledesc = e->attr("aria-brailleroledescription");
    bool has_label = label && !text::trim(*label).empty();
    bool has_roledesc = roledesc && !text::trim(*roledesc).empty();
    if (!has_label && !has_roledesc) continue;
    if (ctx.aria.hidden_from_at(*e) == aria::Tristate::Yes) continue;
    if (has_label) {
      std::string name = ctx.aria.name(*e).text;
      if (name.empty()) {
        out.failed(e, kNoName);
      } else {
        out.passed(e, kHasName, {name});
      }
    }
    if (has_roledesc) {
      auto plain = e->attr("aria-roledescription");
      if (!plain || text::trim(*plain).empty()) {
        out.failed(e, kNoRoleDescription);
      } else {
        out.passed(e, kHasRoleDescription, {std::string(text::trim(*plain))});
      }
    }
  }
}

const RuleRegistration kRegistration(kInfo, evaluate);

}  // namespace
}  // namespace granska::checks
