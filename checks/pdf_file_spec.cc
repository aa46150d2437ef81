// pdf-file-spec: embedded and attached files are named with both /F and /UF (PDF/UA-1
// 7.11, 7.18.7; Matterhorn 21-001), so readers can show the file name in any language.
// Best practice: WCAG does not look at file specifications.
#include "checks/common/document_rules.h"

namespace granska::checks {
namespace {

using namespace engine;

const Message kOk{"named", {"Den bifogade filen har namn (F och UF).", "The attached file is named (F and UF)."}};
const Message kMissing{"missing-name", {"Den bifogade filen saknar {0}.", "The attached file has no {0}."}};
const Message kEmpty{"empty-name", {"Den bifogade filen har ett tomt filnamn.", "The attached file has an empty file name."}};

const RuleInfo kInfo{
    .id = "pdf-file-spec",
    .title = {"Bifogade filer har filnamn", "Attached files have file names"},
    .description = {"Kontrollerar att inbäddade och bifogade filer har filnamn i båda de former PDF/UA kräver (F och UF).",
                    "Checks that embedded and attached files have file names in both forms PDF/UA requires (F and UF)."},
    .help = {"Bifoga filen på nytt med ett aktuellt verktyg (Acrobat: Bilagor > Lägg till fil), eller ta bort bilagan "
             "och länka till filen i stället.",
             "Attach the file again with a current tool (Acrobat: Attachments > Add File), or remove the attachment "
             "and link to the file instead."},
    .criteria = {sc("4.1.2")},
    .impact = Impact::Minor,
    .kind = RuleKind::BestPractice,
    .messages = {&kOk, &kMissing, &kEmpty},
    .subject = Subject::Pdf,
    .pdfua = "7.11",
    .matterhorn = {"21-001"},
    .best_practice_reason = {"WCAG ställer inga krav på bilagors filnamn; PDF/UA gör det.",
                             "WCAG sets no requirement on attachments' file names; PDF/UA does."},
};

void evaluate(const DocumentContext& ctx, Reporter& out) {
  if (!doc::readable(ctx)) return;
  for (const documents::Pdf::FileSpec& f : ctx.doc.pdf.file_specs) {
    const Place where = doc::page_place(f.page, f.object);
    if (!f.has_f || !f.has_uf) {
      out.failed(where, kMissing, {!f.has_f && !f.has_uf ? "F, UF" : (!f.has_f ? "F" : "UF")});
    } else if (f.empty) {
      out.failed(where, kEmpty);
    } else {
      out.passed(where, kOk);
    }
  }
}

const RuleRegistration kRegistration(kInfo, evaluate);

}  // namespace
}  // namespace granska::checks
