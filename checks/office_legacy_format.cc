// office-legacy-format: Word 97–2003 (.doc), Excel (.xls) and PowerPoint (.ppt) files
// cannot be checked automatically; the document needs a manual review (cantTell), and the
// usual fix is to publish it as docx/xlsx/pptx or as a tagged PDF.
#include "checks/common/document_rules.h"

namespace granska::checks {
namespace {

using namespace engine;

const Message kLegacy{"cannot-check", {"Filen har ett äldre Office-format (doc, xls eller ppt): den kan inte granskas "
                                       "automatiskt och kräver manuell granskning.",
                                       "The file is in an older Office format (doc, xls or ppt) that cannot be "
                                       "checked automatically: it needs a manual review."}};

const RuleInfo kInfo{
    .id = "office-legacy-format",
    .title = {"Äldre Office-format kan inte granskas automatiskt", "Older Office formats cannot be checked automatically"},
    .description = {"Säger till när ett dokument har ett äldre binärt Office-format som granska inte kan läsa.",
                    "Says so when a document is in an older binary Office format that granska cannot read."},
    .help = {"Spara filen i det nya formatet (Arkiv > Spara som > .docx, .xlsx eller .pptx), eller publicera den som "
             "taggad PDF, och granska den igen.",
             "Save the file in the new format (File > Save As > .docx, .xlsx or .pptx), or publish it as a tagged "
             "PDF, and check it again."},
    .criteria = {sc("1.3.1")},
    .impact = Impact::Moderate,
    .messages = {&kLegacy},
    .subject = Subject::Office,
};

void evaluate(const DocumentContext& ctx, Reporter& out) {
  if (ctx.doc.format == documents::Format::LegacyOffice) out.cant_tell(doc::document_place(), kLegacy);
}

const RuleRegistration kRegistration(kInfo, evaluate);

}  // namespace
}  // namespace granska::checks
