// pdf-element-language: language changes on structure elements (/Lang) are valid BCP 47
// language tags (WCAG 3.1.2). Whether every passage in another language is marked is a
// person's call.
#include "checks/common/document_rules.h"
#include "html/language_tag.h"

namespace granska::checks {
namespace {

using namespace engine;

const Message kValid{"valid-language", {"Språkbytet till \"{0}\" har en giltig språkkod.",
                                        "The change of language to \"{0}\" has a valid language code."}};
const Message kInvalid{"invalid-language", {"Språkkoden \"{0}\" är inte en giltig språkkod.",
                                            "The language code \"{0}\" is not a valid language code."}};

const RuleInfo kInfo{
    .id = "pdf-element-language",
    .title = {"Språkbyten i PDF har giltig språkkod", "Language changes in PDF have valid codes"},
    .description = {"Kontrollerar att delar av dokumentet som anger ett eget språk använder en giltig språkkod.",
                    "Checks that parts of the document that set their own language use a valid language code."},
    .help = {"Rätta språket på texten i källfilen (i Word: markera texten, Granska > Språk) och exportera igen. I "
             "Acrobat Pro: taggens egenskaper > Språk.",
             "Correct the language of the text in the source file (in Word: select the text, Review > Language) "
             "and export again. In Acrobat Pro: the tag's properties > Language."},
    .criteria = {sc("3.1.2")},
    .impact = Impact::Moderate,
    .messages = {&kValid, &kInvalid},
    .subject = Subject::Pdf,
    .pdfua = "7.2",
    .matterhorn = {"11-006"},
};

void evaluate(const DocumentContext& ctx, Reporter& out) {
  if (!doc::has_structure(ctx)) return;
  for (const documents::Element& e : ctx.doc.pdf.elements) {
    if (!e.lang || e.lang->empty()) continue;
    if (html::has_valid_primary_language(*e.lang)) {
      out.passed(doc::place(e), kValid, {doc::excerpt(*e.lang, 35)});
    } else {
      out.failed(doc::place(e), kInvalid, {doc::excerpt(*e.lang, 35)});
    }
  }
}

const RuleRegistration kRegistration(kInfo, evaluate);

}  // namespace
}  // namespace granska::checks
