// pdf-headings: a tagged document of more than one page tags its headings (WCAG 1.3.1,
// 2.4.6). A document without heading tags may still have no visual headings, so that is
// cantTell, never failed; whether the tagged headings are the visual ones is also a
// person's call.
#include "checks/common/document_rules.h"

namespace granska::checks {
namespace {

using namespace engine;

const Message kHeadings{"has-headings", {"Dokumentet har {0} taggade rubriker. Kontrollera att de motsvarar de synliga rubrikerna.",
                                         "The document has {0} tagged headings. Check that they match the visible headings."}};
const Message kNone{"no-headings", {"Dokumentet har inga taggade rubriker. Har det synliga rubriker måste de taggas som "
                                    "rubriker (H1–H6) för att gå att hitta med skärmläsare.",
                                    "The document has no tagged headings. If it has visible headings, they must be "
                                    "tagged as headings (H1–H6) for screen reader users to find them."}};

const RuleInfo kInfo{
    .id = "pdf-headings",
    .title = {"PDF-dokumentet har taggade rubriker", "PDF document has tagged headings"},
    .description = {"Kontrollerar om ett dokument med flera sidor har rubriker taggade som rubriker, så att det går "
                    "att navigera i det med skärmläsare.",
                    "Checks whether a document of several pages has headings tagged as headings, so screen reader "
                    "users can navigate it."},
    .help = {"Använd formatmallarna Rubrik 1, Rubrik 2 … i källfilen (inte bara fet, stor text) och exportera med "
             "taggar.",
             "Use the Heading 1, Heading 2 … styles in the source file (not just bold, large text) and export with "
             "tags."},
    .criteria = {sc("1.3.1"), sc("2.4.6")},
    .impact = Impact::Moderate,
    .messages = {&kHeadings, &kNone},
    .subject = Subject::Pdf,
    .pdfua = "7.4",
    .matterhorn = {"14-001"},
};

bool is_heading(const std::string& role) {
  return role == "H" || (role.size() == 2 && role[0] == 'H' && role[1] >= '1' && role[1] <= '6');
}

void evaluate(const DocumentContext& ctx, Reporter& out) {
  if (!doc::has_structure(ctx)) return;
  std::size_t n = 0;
  for (const documents::Element& e : ctx.doc.pdf.elements) n += is_heading(e.role);
  if (n > 0) {
    out.passed(doc::document_place(), kHeadings, {std::to_string(n)});
  } else if (ctx.doc.pdf.pages.size() > 1) {
    out.cant_tell(doc::document_place(), kNone);
  }
}

const RuleRegistration kRegistration(kInfo, evaluate);

}  // namespace
}  // namespace granska::checks
