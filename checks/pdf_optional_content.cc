// pdf-optional-content: the default configuration of optional content (layers) has a name
// readers can show (PDF/UA-1 7.10; Matterhorn 20-001, 20-002). Best practice: WCAG does
// not name layer configurations.
#include "checks/common/document_rules.h"

namespace granska::checks {
namespace {

using namespace engine;

const Message kOk{"named", {"Lagerinställningen har namnet \"{0}\".", "The layer configuration has the name \"{0}\"."}};
const Message kMissing{"no-name", {"Dokumentets lagerinställning (/OCProperties /D) saknar namn.",
                                   "The document's layer configuration (/OCProperties /D) has no name."}};
const Message kEmpty{"empty-name", {"Dokumentets lagerinställning har ett tomt namn.", "The document's layer configuration has an empty name."}};

const RuleInfo kInfo{
    .id = "pdf-optional-content",
    .title = {"Lagerinställningar har namn", "Layer configurations have names"},
    .description = {"Kontrollerar att dokument med lager (valfritt innehåll) har ett namn på lagerinställningen.",
                    "Checks that documents with layers (optional content) name their layer configuration."},
    .help = {"Platta till lagren vid export om de inte behövs, eller ge lagerinställningen ett namn i Acrobat Pro "
             "(Lager > Lageregenskaper).",
             "Flatten layers on export when they are not needed, or name the layer configuration in Acrobat Pro "
             "(Layers > Layer Properties)."},
    .criteria = {sc("4.1.2")},
    .impact = Impact::Minor,
    .kind = RuleKind::BestPractice,
    .messages = {&kOk, &kMissing, &kEmpty},
    .subject = Subject::Pdf,
    .pdfua = "7.10",
    .matterhorn = {"20-001", "20-002"},
    .best_practice_reason = {"WCAG nämner inte lagerinställningar; PDF/UA kräver namnet så att läsprogram kan visa det.",
                             "WCAG does not mention layer configurations; PDF/UA requires the name so readers can show it."},
};

void evaluate(const DocumentContext& ctx, Reporter& out) {
  if (!doc::readable(ctx)) return;
  const documents::Catalog& c = ctx.doc.pdf.catalog;
  if (!c.has_optional_content) return;
  if (!c.optional_content_name) {
    out.failed(doc::document_place(), kMissing);
  } else if (c.optional_content_name->empty()) {
    out.failed(doc::document_place(), kEmpty);
  } else {
    out.passed(doc::document_place(), kOk, {doc::excerpt(*c.optional_content_name)});
  }
}

const RuleRegistration kRegistration(kInfo, evaluate);

}  // namespace
}  // namespace granska::checks
