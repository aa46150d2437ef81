// summary-name: the <summary> that opens and closes a <details> has an accessible name
// (ACT 2t702h, WCAG 4.1.2). Applies to the summary of its parent details (its first
// <summary> child; later ones are ordinary content) when it is in the accessibility tree
// and keeps its native role: an explicit role such as role="button" takes it out of scope
// (button-name checks that), but role="none" does not, because browsers ignore it on an
// element that can take focus.
#include "checks/common/name_rule.h"
#include "engine/registry.h"

namespace granska::checks {
namespace {

using namespace engine;

const Message kHasName{"has-name", {"Sammanfattningen har namnet \"{0}\" (från {1}).",
                                    "The summary has the name \"{0}\" (from {1})."}};
const Message kNoName{"no-name",
                      {"Sammanfattningen (<summary>) saknar text. En skärmläsare säger bara att något kan "
                       "fällas ut, inte vad.",
                       "The summary (<summary>) has no text. A screen reader only says that something can be "
                       "expanded, not what."}};
const Message kMaybeHidden{"maybe-hidden",
                           {"Sammanfattningen saknar text, men kan vara dold med CSS som granska inte kunde "
                            "utvärdera. Kontrollera om den syns.",
                            "The summary has no text, but may be hidden by CSS that granska could not "
                            "evaluate. Check whether it is visible."}};

const RuleInfo kInfo{
    .id = "summary-name",
    .title = {"Utfällbara avsnitt har en rubriktext", "Expandable sections have a heading text"},
    .description = {"Kontrollerar att varje utfällbart avsnitt (<details>) har en <summary> med text som "
                    "säger vad som finns i avsnittet. Utan text vet den som använder skärmläsare inte vad "
                    "knappen fäller ut.",
                    "Checks that every expandable section (<details>) has a <summary> with a text that says "
                    "what the section holds. Without a text, screen reader users do not know what the control "
                    "expands."},
    .help = {"Skriv en kort text i <summary>, till exempel <summary>Öppettider</summary>.",
             "Write a short text in <summary>, for example <summary>Opening hours</summary>."},
    .criteria = {sc("4.1.2")},
    .act_rules = {"2t702h"},
    .axe_rules = {"summary-name"},
    .impact = Impact::Serious,
    .messages = {&kHasName, &kNoName, &kMaybeHidden},
};

// True for the first <summary> child of a <details>: the one the browser makes its toggle.
bool is_details_summary(const html::Node& e) {
  const html::Node* details = e.parent_element();
  if (!details || !details->is("details")) return false;
  for (const html::Node* c : details->children()) {
    if (c->is("summary")) return c == &e;
  }
  return false;
}

void evaluate(Context& ctx, Reporter& out) {
  for (const html::Node* e : ctx.doc.elements()) {
    if (!e->is("summary") || !is_details_summary(*e)) continue;
    if (ctx.aria.has_explicit_role(*e) && ctx.aria.role(*e) != ctx.aria.implicit_role(*e)) continue;
    report_accessible_name(ctx, out, *e, {kHasName, kNoName, kMaybeHidden});
  }
}

const RuleRegistration kRegistration(kInfo, evaluate);

}  // namespace
}  // namespace granska::checks
