// pdf-ua-identifier: the XMP metadata claims PDF/UA-1 (pdfuaid:part 1, written with the
// pdfuaid prefix), ISO 14289-1 clause 5. Best practice: the claim is not needed for WCAG,
// but it tells readers and checkers which rules the file follows.
#include "checks/common/document_rules.h"

namespace granska::checks {
namespace {

using namespace engine;

const Message kOk{"pdfua-1", {"Dokumentet anger att det följer PDF/UA-1.", "The document declares PDF/UA-1."}};
const Message kMissing{"no-identifier", {"Dokumentet anger inte att det följer PDF/UA (pdfuaid:part saknas i XMP-metadata).",
                                         "The document does not declare PDF/UA (pdfuaid:part is missing from the XMP "
                                         "metadata)."}};
const Message kWrongPart{"wrong-part", {"Dokumentet anger PDF/UA-del \"{0}\", inte 1.",
                                        "The document declares PDF/UA part \"{0}\", not 1."}};
const Message kPrefix{"wrong-prefix", {"PDF/UA-egenskapen \"{0}\" är skriven med ett annat prefix än pdfuaid.",
                                       "The PDF/UA property \"{0}\" is written with a prefix other than pdfuaid."}};

const RuleInfo kInfo{
    .id = "pdf-ua-identifier",
    .title = {"PDF-dokumentet anger PDF/UA", "PDF document declares PDF/UA"},
    .description = {"Kontrollerar att XMP-metadata anger att dokumentet följer PDF/UA-1 (ISO 14289-1).",
                    "Checks that the XMP metadata declares that the document follows PDF/UA-1 (ISO 14289-1)."},
    .help = {"Exportera med ett verktyg som skapar PDF/UA (till exempel Word med \"PDF/UA-kompatibel\" eller "
             "InDesign med PDF/UA-förinställning), eller lägg till identifieraren med Acrobat Pro när dokumentet "
             "är åtgärdat.",
             "Export with a tool that creates PDF/UA (for example Word with \"PDF/UA compliant\" or InDesign with a "
             "PDF/UA preset), or add the identifier with Acrobat Pro once the document is fixed."},
    .criteria = {sc("4.1.2")},
    .impact = Impact::Minor,
    .kind = RuleKind::BestPractice,
    .messages = {&kOk, &kMissing, &kWrongPart, &kPrefix},
    .subject = Subject::Pdf,
    .pdfua = "5",
    .matterhorn = {"06-002"},
    .best_practice_reason = {"WCAG kräver inte att ett dokument anger PDF/UA; angivelsen talar om för hjälpmedel och "
                             "granskningsverktyg vilka regler filen följer.",
                             "WCAG does not require a document to declare PDF/UA; the claim tells assistive "
                             "technology and checkers which rules the file follows."},
};

void evaluate(const DocumentContext& ctx, Reporter& out) {
  if (!doc::readable(ctx)) return;
  const documents::Catalog& c = ctx.doc.pdf.catalog;
  bool bad = false;
  if (!c.pdfua_part) {
    out.failed(doc::document_place(), kMissing);
    bad = true;
  } else if (*c.pdfua_part != "1") {
    out.failed(doc::document_place(), kWrongPart, {doc::excerpt(*c.pdfua_part, 20)});
    bad = true;
  }
  for (const std::string& p : c.pdfua_bad_prefix) {
    out.failed(doc::document_place(), kPrefix, {p});
    bad = true;
  }
  if (!bad) out.passed(doc::document_place(), kOk);
}

const RuleRegistration kRegistration(kInfo, evaluate);

}  // namespace
}  // namespace granska::checks
