// How form fields are labelled. Twin rules over form fields in the accessibility tree
// (<input> other than hidden and the button types, <select>, <textarea>, and elements with
// a form-field role):
//
//   label-title-only            (best practice; axe-core "label-title-only") — a field whose
//                               only name is its title attribute. The title shows as a tooltip
//                               for mouse users only, late and not on touch screens: everyone
//                               else sees a field without a label.
//   form-field-multiple-labels  (best practice; axe-core "form-field-multiple-labels") — a
//                               field with more than one visible <label>. Browsers join them
//                               into one name, but some screen readers read only the first,
//                               and clicking either moves focus to the field.
//
// Both are best practices: the field has a name (4.1.2 holds) and the labels are
// programmatically tied to it (1.3.1 holds); what is missing is a visible label for
// everyone (3.3.2 asks for labels "or instructions", which a person judges) or a single one.
#include <string>

#include "engine/registry.h"

namespace granska::checks {
namespace {

using namespace engine;

bool is_form_field(Context& ctx, const html::Node& e) {
  if (e.is("input")) {
    std::string_view t = aria::Semantics::input_type(e);
    return t != "hidden" && t != "submit" && t != "reset" && t != "button" && t != "image";
  }
  if (e.is("select") || e.is("textarea")) return true;
  std::string_view role = ctx.aria.role(e);
  static constexpr std::string_view kFieldRoles[] = {"textbox", "searchbox", "combobox",   "listbox", "checkbox",
                                                     "radio",   "slider",    "spinbutton", "switch"};
  for (std::string_view r : kFieldRoles) {
    if (role == r) return true;
  }
  return false;
}

// ---- label-title-only ----
const Message kVisibleLabel{"has-label", {"Fältet har etiketten \"{0}\" (från {1}).",
                                          "The field has the label \"{0}\" (from {1})."}};
const Message kTitleOnly{"title-only",
                         {"Fältet har bara title-attributet (\"{0}\") som etikett. Det syns först när man håller "
                          "muspekaren över fältet, och aldrig på en mobil. Lägg till en synlig etikett med <label>.",
                          "The field's only label is its title attribute (\"{0}\"). It shows only when the mouse "
                          "pointer rests on the field, and never on a phone. Add a visible label with <label>."}};

const RuleInfo kTitleInfo{
    .id = "label-title-only",
    .title = {"Formulärfält har en synlig etikett", "Form fields have a visible label"},
    .description = {"Varnar för formulärfält vars enda etikett är title-attributet, som bara syns som ett "
                    "verktygstips när muspekaren vilar på fältet.",
                    "Warns about form fields whose only label is the title attribute, which shows only as a "
                    "tooltip when the mouse pointer rests on the field."},
    .help = {"Skriv en synlig etikett med <label for=\"fältets-id\">, till exempel <label for=\"pnr\">"
             "Personnummer</label>. title kan finnas kvar som extra hjälptext.",
             "Write a visible label with <label for=\"field-id\">, for example <label for=\"pin\">Personal "
             "identity number</label>. title may stay as extra help text."},
    .criteria = {sc("3.3.2")},
    .axe_rules = {"label-title-only"},
    .impact = Impact::Serious,
    .kind = RuleKind::BestPractice,
    .messages = {&kVisibleLabel, &kTitleOnly},
};

void evaluate_title_only(Context& ctx, Reporter& out) {
  for (const html::Node* e : ctx.doc.elements()) {
    if (!is_form_field(ctx, *e) || ctx.aria.hidden_from_at(*e) == aria::Tristate::Yes) continue;
    aria::AccessibleName name = ctx.aria.name(*e);
    if (name.text.empty() || name.source == aria::NameSource::Placeholder) continue;  // other rules' cases
    if (name.source == aria::NameSource::Title) {
      out.failed(e, kTitleOnly, {std::move(name.text)});
    } else {
      out.passed(e, kVisibleLabel, {std::move(name.text), std::string(aria::to_string(name.source))});
    }
  }
}

// ---- form-field-multiple-labels ----
const Message kOneLabel{"one-label", {"Fältet har en etikett.", "The field has one label."}};
const Message kSeveralLabels{"several-labels",
                             {"Fältet har {0} etiketter (<label>). Vissa skärmläsare läser bara upp den första. "
                              "Slå ihop dem till en, eller koppla extra text med aria-describedby.",
                              "The field has {0} labels (<label>). Some screen readers read only the first. Merge "
                              "them into one, or connect extra text with aria-describedby."}};

const RuleInfo kMultipleInfo{
    .id = "form-field-multiple-labels",
    .title = {"Formulärfält har en etikett, inte flera", "Form fields have one label, not several"},
    .description = {"Varnar för formulärfält som har flera <label>-element. Webbläsare slår ihop dem, men "
                    "skärmläsare gör olika, så etiketten kan bli ofullständig.",
                    "Warns about form fields with several <label> elements. Browsers join them, but screen "
                    "readers differ, so the label may come out incomplete."},
    .help = {"Behåll en <label> per fält. Behövs en förklaring till, till exempel ett format: koppla den till "
             "fältet med aria-describedby.",
             "Keep one <label> per field. If an explanation is needed as well, for example a format, connect "
             "it to the field with aria-describedby."},
    .criteria = {sc("3.3.2")},
    .axe_rules = {"form-field-multiple-labels"},
    .impact = Impact::Moderate,
    .kind = RuleKind::BestPractice,
    .messages = {&kOneLabel, &kSeveralLabels},
};

void evaluate_multiple(Context& ctx, Reporter& out) {
  for (const html::Node* e : ctx.doc.elements()) {
    if (!is_form_field(ctx, *e)) continue;
    const auto& labels = ctx.aria.labels(*e);
    if (labels.empty() || ctx.aria.hidden_from_at(*e) == aria::Tristate::Yes) continue;
    std::size_t visible = 0;
    for (const html::Node* l : labels) visible += ctx.aria.hidden(*l) != aria::Tristate::Yes ? 1 : 0;
    if (visible > 1) {
      out.failed(e, kSeveralLabels, {std::to_string(visible)});
    } else if (visible == 1) {
      out.passed(e, kOneLabel);
    }
  }
}

const RuleRegistration kTitleRegistration(kTitleInfo, evaluate_title_only);
const RuleRegistration kMultipleRegistration(kMultipleInfo, evaluate_multiple);

}  // namespace
}  // namespace granska::checks
