// fieldset-legend: a <fieldset> has a legend that says what its fields are about (what
// other checkers flag on real pages; WCAG 1.3.1 and 3.3.2 as reference, technique H71).
// Applies to rendered <fieldset> elements in the accessibility tree. Passes with a first
// <legend> child that has text, or a name from aria-label/aria-labelledby; fails without a
// legend or with an empty one. Screen readers read the legend before each field of the
// group ("Leveransadress, Gatuadress"); without it the group is announced without a name.
//
// Kind: BestPractice. A fieldset is also used just to draw a frame around fields, and a
// group whose fields are clear on their own fails nothing; whether the grouping matters
// (radio buttons answering one question do: radio-checkbox-group) a person judges.
#include <string>

#include "engine/registry.h"
#include "util/text.h"

namespace granska::checks {
namespace {

using namespace engine;

const Message kHasLegend{"has-legend", {"Gruppen har rubriken \"{0}\".", "The group has the caption \"{0}\"."}};
const Message kNoLegend{"no-legend",
                        {"<fieldset> saknar <legend>. Skärmläsare kan inte säga vad fälten i gruppen gäller. Lägg "
                         "till en <legend> som första element, till exempel <legend>Leveransadress</legend>.",
                         "<fieldset> has no <legend>. Screen readers cannot say what the fields of the group are "
                         "about. Add a <legend> as the first element, for example <legend>Delivery "
                         "address</legend>."}};
const Message kEmptyLegend{"empty-legend",
                           {"Gruppens <legend> är tom. Skriv vad fälten i gruppen gäller.",
                            "The group's <legend> is empty. Write what the fields of the group are about."}};

const RuleInfo kInfo{
    .id = "fieldset-legend",
    .title = {"Fältgrupper har en rubrik", "Field groups have a caption"},
    .description = {"Varnar för <fieldset> utan <legend>, eller med en tom <legend>. Rubriken läses upp före "
                    "varje fält i gruppen och säger vad de gäller.",
                    "Warns about <fieldset> without a <legend>, or with an empty one. The caption is read out "
                    "before each field of the group and says what they are about."},
    .help = {"Ge varje <fieldset> en <legend> som första element, till exempel <legend>Vill du ha "
             "påminnelser?</legend>. Används fieldset bara för en ram: byt det mot en <div>.",
             "Give each <fieldset> a <legend> as its first element, for example <legend>Do you want "
             "reminders?</legend>. If the fieldset only draws a frame, replace it with a <div>."},
    .criteria = {sc("1.3.1")},
    .impact = Impact::Moderate,
    .kind = RuleKind::BestPractice,
    .messages = {&kHasLegend, &kNoLegend, &kEmptyLegend},
};

void evaluate(Context& ctx, Reporter& out) {
  for (const html::Node* e : ctx.doc.elements()) {
    if (!e->is("fieldset") || ctx.aria.hidden_from_at(*e) == aria::Tristate::Yes) continue;
    const html::Node* legend = nullptr;
    for (const html::Node* c : e->children()) {
      if (c->is_element()) {
        if (c->is("legend")) legend = c;
        break;
      }
    }
    aria::AccessibleName name = ctx.aria.name(*e);
    if (!name.text.empty()) {
      out.passed(e, kHasLegend, {text::truncate_utf8(name.text, 60)});
    } else if (legend) {
      out.failed(legend, kEmptyLegend);
    } else {
      out.failed(e, kNoLegend);
    }
  }
}

const RuleRegistration kRegistration(kInfo, evaluate);

}  // namespace
}  // namespace granska::checks
