// office-title: a Word, Excel or PowerPoint file has a title in its document properties,
// which readers show and screen readers announce (WCAG 2.4.2, EN 301 549 10.2.4.2).
#include "checks/common/document_rules.h"

namespace granska::checks {
namespace {

using namespace engine;

const Message kOk{"has-title", {"Dokumentet har titeln \"{0}\".", "The document has the title \"{0}\"."}};
const Message kMissing{"no-title", {"Dokumentet saknar titel i dokumentegenskaperna.", "The document has no title in its document properties."}};

const RuleInfo kInfo{
    .id = "office-title",
    .title = {"Office-dokumentet har en titel", "Office document has a title"},
    .description = {"Kontrollerar att Word-, Excel- och PowerPoint-filer har en titel i dokumentegenskaperna.",
                    "Checks that Word, Excel and PowerPoint files have a title in their document properties."},
    .help = {"Fyll i titeln under Arkiv > Info > Egenskaper > Titel och spara filen igen.",
             "Fill in the title under File > Info > Properties > Title and save the file again."},
    .criteria = {sc("2.4.2")},
    .impact = Impact::Serious,
    .messages = {&kOk, &kMissing},
    .subject = Subject::Office,
};

void evaluate(const DocumentContext& ctx, Reporter& out) {
  if (ctx.doc.format == documents::Format::LegacyOffice) return;
  const auto& title = ctx.doc.office.title;
  if (doc::non_empty(title)) {
    out.passed(doc::document_place(), kOk, {doc::excerpt(*title)});
  } else {
    out.failed(doc::document_place(), kMissing);
  }
}

const RuleRegistration kRegistration(kInfo, evaluate);

}  // namespace
}  // namespace granska::checks
