// pdf-heading-order: numbered headings start at H1 and never skip a level going down, and
// a document does not mix H with H1–H6 (PDF/UA-1 7.4.2, 7.4.4; Matterhorn 14-002, 14-003,
// 14-007). Best practice for WCAG, as heading-order is for web pages.
#include "checks/common/document_rules.h"

namespace granska::checks {
namespace {

using namespace engine;

const Message kOk{"heading-order", {"Rubriknivåerna följer varandra utan hopp.", "The heading levels follow each other without gaps."}};
const Message kFirst{"first-not-h1", {"Den första rubriken är {0}, inte H1.", "The first heading is {0}, not H1."}};
const Message kSkipped{"skipped-level", {"Rubriken {0} följer direkt på {1}: en nivå hoppas över.",
                                         "The heading {0} directly follows {1}: a level is skipped."}};
const Message kMixed{"mixed-h-and-hn", {"Dokumentet blandar rubriktaggen H med numrerade rubriker (H1–H6).",
                                        "The document mixes the heading tag H with numbered headings (H1–H6)."}};

const RuleInfo kInfo{
    .id = "pdf-heading-order",
    .title = {"Rubriknivåerna i PDF hoppar inte över något steg", "PDF heading levels skip no step"},
    .description = {"Kontrollerar att numrerade rubriker börjar på H1 och inte hoppar över någon nivå, och att "
                    "dokumentet inte blandar H med H1–H6.",
                    "Checks that numbered headings start at H1 and skip no level, and that the document does not "
                    "mix H with H1–H6."},
    .help = {"Använd rubrikmallarna i ordning i källfilen: Rubrik 1 för huvudrubriken, Rubrik 2 under den, och så "
             "vidare.",
             "Use the heading styles in order in the source file: Heading 1 for the main heading, Heading 2 under "
             "it, and so on."},
    .criteria = {sc("1.3.1"), sc("2.4.6")},
    .impact = Impact::Moderate,
    .kind = RuleKind::BestPractice,
    .messages = {&kOk, &kFirst, &kSkipped, &kMixed},
    .subject = Subject::Pdf,
    .pdfua = "7.4",
    .matterhorn = {"14-002", "14-003", "14-007"},
    .best_practice_reason = {"WCAG kräver inte att rubriknivåerna följer varandra; PDF/UA gör det, och hopp gör "
                             "strukturen svår att förstå med skärmläsare.",
                             "WCAG does not require heading levels to follow each other; PDF/UA does, and gaps make "
                             "the structure hard to follow with a screen reader."},
};

int level(const std::string& role) {
  return role.size() == 2 && role[0] == 'H' && role[1] >= '1' && role[1] <= '6' ? role[1] - '0' : 0;
}

void evaluate(const DocumentContext& ctx, Reporter& out) {
  if (!doc::has_structure(ctx)) return;
  const documents::Element* previous = nullptr;
  bool any_h = false, bad = false;
  for (const documents::Element& e : ctx.doc.pdf.elements) {
    if (e.role == "H") any_h = true;
    const int l = level(e.role);
    if (l == 0) continue;
    if (!previous && l != 1) {
      out.failed(doc::place(e), kFirst, {e.role});
      bad = true;
    } else if (previous && l > level(previous->role) + 1) {
      out.failed(doc::place(e), kSkipped, {e.role, previous->role});
      bad = true;
    }
    previous = &e;
  }
  if (any_h && previous) {
    out.failed(doc::document_place(), kMixed);
    bad = true;
  }
  if (!bad && previous) out.passed(doc::document_place(), kOk);
}

const RuleRegistration kRegistration(kInfo, evaluate);

}  // namespace
}  // namespace granska::checks
