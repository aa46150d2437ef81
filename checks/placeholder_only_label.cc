// placeholder-only-label: a form field whose only accessible name is its placeholder text
// (granska's own rule, no ACT rule; WCAG 3.3.2 and 1.3.1 as reference).
//
// Applies to fields in the accessibility tree whose accessible name comes from placeholder
// (or aria-placeholder) — accname uses it only when nothing else names the field, so
// src/aria reports NameSource::Placeholder exactly for these. Fields named by a label,
// aria-label(ledby) or title pass.
//
// Kind: BestPractice. The placeholder does give the field a name (4.1.2 is met), and it is
// visible while the field is empty, so WCAG has no failure technique for it. The harm is
// real but practical: the hint disappears as soon as one types, is often too pale to read,
// and people who fill in a long e-service form lose track of which field is which. A
// warning that asks for a visible <label> is the honest level.
#include "engine/registry.h"

namespace granska::checks {
namespace {

using namespace engine;

const Message kLabelled{"has-label", {"Fältet har en egen etikett: \"{0}\" (från {1}).",
                                      "The field has its own label: \"{0}\" (from {1})."}};
const Message kPlaceholderOnly{
    "placeholder-only",
    {"Fältet har bara platshållartexten \"{0}\" som etikett. Texten försvinner när man börjar skriva. "
     "Lägg till en synlig etikett med <label>.",
     "The field's only label is the placeholder text \"{0}\". The text disappears when you start typing. "
     "Add a visible label with <label>."}};
const Message kMaybeHidden{"maybe-hidden",
                           {"Fältet har bara platshållartext som etikett, men kan vara dolt med CSS som granska "
                            "inte kunde utvärdera. Kontrollera om det syns.",
                            "The field's only label is placeholder text, but it may be hidden by CSS that granska "
                            "could not evaluate. Check whether it is visible."}};

const RuleInfo kInfo{
    .id = "placeholder-only-label",
    .title = {"Formulärfält har en etikett utöver platshållartexten",
              "Form fields have a label besides the placeholder"},
    .description = {"Varnar för formulärfält där den enda etiketten är platshållartexten (den grå texten "
                    "inne i fältet). Den försvinner när man skriver, är ofta svår att läsa och gör det svårt "
                    "att kontrollera vad man fyllt i.",
                    "Warns about form fields whose only label is the placeholder (the grey text inside the "
                    "field). It disappears while typing, is often hard to read and makes it hard to check what "
                    "you filled in."},
    .help = {"Lägg till en synlig etikett ovanför fältet och koppla den till fältet: <label for=\"adress\">"
             "Adress</label> och id=\"adress\" på fältet. Använd platshållaren bara för ett exempel, som "
             "\"Storgatan 1\".",
             "Add a visible label above the field and tie it to the field: <label for=\"address\">Address"
             "</label> and id=\"address\" on the field. Use the placeholder only for an example, such as "
             "\"Storgatan 1\"."},
    .criteria = {sc("3.3.2"), sc("1.3.1")},
    .impact = Impact::Serious,
    .kind = RuleKind::BestPractice,
    .messages = {&kLabelled, &kPlaceholderOnly, &kMaybeHidden},
};

void evaluate(Context& ctx, Reporter& out) {
  for (const html::Node* e : ctx.doc.elements()) {
    if (!e->has_attr("placeholder") && !e->has_attr("aria-placeholder")) continue;
    std::string_view role = ctx.aria.role(*e);
    bool text_field = role == "textbox" || role == "searchbox" || role == "combobox" ||
                      (e->is("input") && role.empty());  // password, date, ...: no ARIA role
    if (!text_field) continue;
    aria::Tristate hidden = ctx.aria.hidden_from_at(*e);
    if (hidden == aria::Tristate::Yes) continue;
    aria::AccessibleName name = ctx.aria.name(*e);
    if (name.text.empty()) continue;  // no name at all: form-field-name reports that
    if (name.source != aria::NameSource::Placeholder) {
      out.passed(e, kLabelled, {std::move(name.text), std::string(aria::to_string(name.source))});
    } else if (hidden == aria::Tristate::Unknown) {
      out.cant_tell(e, kMaybeHidden);
    } else {
      out.failed(e, kPlaceholderOnly, {std::move(name.text)});
    }
  }
}

const RuleRegistration kRegistration(kInfo, evaluate);

}  // namespace
}  // namespace granska::checks
