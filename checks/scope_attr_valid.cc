// scope-attr-valid: the scope attribute is used where and as HTML defines it (axe-core
// "scope-attr-valid"; WCAG 1.3.1 as reference). Applies to every element with a scope
// attribute that is not hidden from assistive technology: it belongs on <th> only (on <td>
// it is obsolete since HTML5, and browsers differ in whether they honour it), and its value
// is row, col, rowgroup or colgroup (anything else is the "auto" state: the browser guesses).
//
// Kind: BestPractice. Browsers mostly recover (an invalid value falls back to the same
// guess as no scope; Chromium still reads scope on a <td>), so the headers usually come out
// right; the attribute just does not do what its author meant, which is worth fixing.
#include "engine/registry.h"
#include "util/text.h"

namespace granska::checks {
namespace {

using namespace engine;

const Message kValid{"valid", {"scope=\"{0}\" på <th> är giltigt.", "scope=\"{0}\" on <th> is valid."}};
const Message kOnTd{"scope-on-td",
                    {"scope används på <td>, där det är föråldrat och inte fungerar i alla webbläsare. Är cellen "
                     "en rubrik: gör den till <th scope=\"{0}\">, annars ta bort scope.",
                     "scope is used on <td>, where it is obsolete and does not work in every browser. If the "
                     "cell is a header, make it a <th scope=\"{0}\">; otherwise remove scope."}};
const Message kBadValue{"invalid-value",
                        {"scope=\"{0}\" är inget giltigt värde. Använd col för kolumnrubriker och row för "
                         "radrubriker.",
                         "scope=\"{0}\" is not a valid value. Use col for column headers and row for row "
                         "headers."}};
const Message kNotInTable{"not-a-cell",
                          {"scope används på <{0}>, som inte är en tabellcell. Attributet gör ingenting där.",
                           "scope is used on <{0}>, which is not a table cell. The attribute does nothing "
                           "there."}};

const RuleInfo kInfo{
    .id = "scope-attr-valid",
    .title = {"scope används rätt", "scope is used correctly"},
    .description = {"Kontrollerar att attributet scope bara används på rubrikceller (<th>) och har värdet col, "
                    "row, colgroup eller rowgroup, så att skärmläsare kopplar rubrikerna till rätt celler.",
                    "Checks that the scope attribute is used only on header cells (<th>) with the value col, "
                    "row, colgroup or rowgroup, so screen readers connect headers to the right cells."},
    .help = {"Skriv scope=\"col\" på kolumnrubriker och scope=\"row\" på radrubriker, och bara på <th>.",
             "Write scope=\"col\" on column headers and scope=\"row\" on row headers, and only on <th>."},
    .criteria = {sc("1.3.1")},
    .axe_rules = {"scope-attr-valid"},
    .impact = Impact::Moderate,
    .kind = RuleKind::BestPractice,
    .messages = {&kValid, &kOnTd, &kBadValue, &kNotInTable},
};

void evaluate(Context& ctx, Reporter& out) {
  for (const html::Node* e : ctx.doc.elements()) {
    auto scope = e->attr("scope");
    if (!scope || e->ns() != html::Namespace::Html) continue;
    if (ctx.aria.hidden_from_at(*e) == aria::Tristate::Yes) continue;
    std::string value = text::ascii_lower(text::trim(*scope));
    bool valid = value == "row" || value == "col" || value == "rowgroup" || value == "colgroup";
    if (e->is("td")) {
      out.failed(e, kOnTd, {valid ? value : std::string("col")});
    } else if (!e->is("th")) {
      out.failed(e, kNotInTable, {std::string(e->tag())});
    } else if (!valid) {
      out.failed(e, kBadValue, {std::string(text::trim(*scope))});
    } else {
      out.passed(e, kValid, {value});
    }
  }
}

const RuleRegistration kRegistration(kInfo, evaluate);

}  // namespace
}  // namespace granska::checks
