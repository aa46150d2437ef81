// office-language: the document states the language of its text (WCAG 3.1.1, EN 301 549
// 10.3.1.1): Word's default text language (styles), PowerPoint's default text language, or
// the language property. Excel keeps no text language of its own, so a workbook without the
// property is cantTell: the reader's own language is then used.
#include "checks/common/document_rules.h"
#include "html/language_tag.h"

namespace granska::checks {
namespace {

using namespace engine;

const Message kOk{"language", {"Dokumentets språk är {0}.", "The document language is {0}."}};
const Message kInvalid{"invalid-language", {"Dokumentets språkkod \"{0}\" är inte giltig.", "The document language code \"{0}\" is not valid."}};
const Message kMissing{"no-language", {"Dokumentet anger inte vilket språk texten är skriven på.",
                                       "The document does not state the language of its text."}};
const Message kWorkbook{"workbook-language", {"Arbetsboken anger inget språk; kontrollera att texten läses upp med rätt språk.",
                                              "The workbook states no language; check that its text is read in the right language."}};

const RuleInfo kInfo{
    .id = "office-language",
    .title = {"Office-dokumentets språk är angivet", "Office document language is set"},
    .description = {"Kontrollerar att Word-, Excel- och PowerPoint-filer anger textens språk med en giltig språkkod.",
                    "Checks that Word, Excel and PowerPoint files state the language of their text with a valid code."},
    .help = {"Markera all text och välj Granska > Språk > Ange korrekturspråk, till exempel svenska (Sverige), och "
             "spara igen.",
             "Select all text and choose Review > Language > Set Proofing Language, for example Swedish (Sweden), "
             "and save again."},
    .criteria = {sc("3.1.1")},
    .impact = Impact::Serious,
    .messages = {&kOk, &kInvalid, &kMissing, &kWorkbook},
    .subject = Subject::Office,
};

void evaluate(const DocumentContext& ctx, Reporter& out) {
  if (ctx.doc.format == documents::Format::LegacyOffice) return;
  const auto& lang = ctx.doc.office.language;
  if (doc::non_empty(lang)) {
    if (html::has_valid_primary_language(*lang)) {
      out.passed(doc::document_place(), kOk, {doc::excerpt(*lang, 35)});
    } else {
      out.failed(doc::document_place(), kInvalid, {doc::excerpt(*lang, 35)});
    }
  } else if (ctx.doc.format == documents::Format::Xlsx) {
    out.cant_tell(doc::document_place(), kWorkbook);
  } else {
    out.failed(doc::document_place(), kMissing);
  }
}

const RuleRegistration kRegistration(kInfo, evaluate);

}  // namespace
}  // namespace granska::checks
