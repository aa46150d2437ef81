// pdf-form-field-name: every visible form field has a name for assistive technology: /TU
// on the field, or /Alt on the Form element around its widget (WCAG 4.1.2 and 3.3.2,
// PDF/UA-1 7.18.1; Matterhorn 28-005). /TU belongs to the field, not to its widgets.
#include <set>

#include "checks/common/document_rules.h"

namespace granska::checks {
namespace {

using namespace engine;

const Message kOk{"has-name", {"Formulärfältet har namnet \"{0}\".", "The form field has the name \"{0}\"."}};
const Message kMissing{"no-name", {"Formulärfältet {0} saknar namn för hjälpmedel (verktygstips /TU).",
                                   "The form field {0} has no name for assistive technology (tooltip /TU)."}};

const RuleInfo kInfo{
    .id = "pdf-form-field-name",
    .title = {"Formulärfält i PDF har ett namn", "Form fields in PDF have a name"},
    .description = {"Kontrollerar att varje formulärfält har ett namn (verktygstips) som skärmläsare läser upp.",
                    "Checks that every form field has a name (tooltip) that screen readers announce."},
    .help = {"Skriv en beskrivande verktygstips-text för fältet: i Acrobat Pro, högerklicka fältet > Egenskaper > "
             "Allmänt > Verktygstips, till exempel \"Förnamn\".",
             "Write a descriptive tooltip for the field: in Acrobat Pro, right-click the field > Properties > "
             "General > Tooltip, for example \"First name\"."},
    .criteria = {sc("4.1.2"), sc("3.3.2")},
    .impact = Impact::Critical,
    .messages = {&kOk, &kMissing},
    .subject = Subject::Pdf,
    .pdfua = "7.18.1",
    .matterhorn = {"28-005"},
};

void evaluate(const DocumentContext& ctx, Reporter& out) {
  if (!doc::readable(ctx)) return;
  const documents::Pdf& p = ctx.doc.pdf;
  std::set<std::uint32_t> fields;  // report each field once, on its first visible widget
  for (const documents::Annotation& a : p.annotations) {
    if (!a.widget || !doc::presented(a)) continue;
    if (a.field_object != 0 && !fields.insert(a.field_object).second) continue;
    const documents::Element* e = a.element >= 0 ? &p.elements[static_cast<std::size_t>(a.element)] : nullptr;
    const std::string name = a.field_name ? doc::excerpt(*a.field_name, 40) : std::string();
    if (doc::non_empty(a.field_tu)) {
      out.passed(doc::annotation_place(p, a, name), kOk, {doc::excerpt(*a.field_tu)});
    } else if (e && doc::non_empty(e->alt)) {
      out.passed(doc::annotation_place(p, a, name), kOk, {doc::excerpt(*e->alt)});
    } else {
      out.failed(doc::annotation_place(p, a, name), kMissing, {name.empty() ? "" : "\"" + name + "\""});
    }
  }
}

const RuleRegistration kRegistration(kInfo, evaluate);

}  // namespace
}  // namespace granska::checks
