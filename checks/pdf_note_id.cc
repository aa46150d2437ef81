// pdf-note-id: footnotes and endnotes (Note) have a unique ID, so references can point at
// them (PDF/UA-1 7.9; Matterhorn 19-003, 19-004). Best practice: WCAG does not ask for IDs.
#include <map>

#include "checks/common/document_rules.h"

namespace granska::checks {
namespace {

using namespace engine;

const Message kOk{"note-id", {"Noten har ett eget ID.", "The note has an ID of its own."}};
const Message kMissing{"no-id", {"Noten (Note) saknar ID.", "The note (Note) has no ID."}};
const Message kDuplicate{"duplicate-id", {"Noten har samma ID som en annan not.", "The note has the same ID as another note."}};

const RuleInfo kInfo{
    .id = "pdf-note-id",
    .title = {"Fotnoter har unika ID", "Footnotes have unique IDs"},
    .description = {"Kontrollerar att fotnoter och slutnoter (Note) har ett eget, unikt ID.",
                    "Checks that footnotes and endnotes (Note) have an ID of their own."},
    .help = {"Använd fotnotsfunktionen i källfilen och exportera med taggar; då får noterna ID automatiskt.",
             "Use the footnote feature of the source file and export with tags; notes then get IDs automatically."},
    .criteria = {sc("1.3.1")},
    .impact = Impact::Minor,
    .kind = RuleKind::BestPractice,
    .messages = {&kOk, &kMissing, &kDuplicate},
    .subject = Subject::Pdf,
    .pdfua = "7.9",
    .matterhorn = {"19-003", "19-004"},
    .best_practice_reason = {"WCAG kräver inte ID på noter; PDF/UA gör det så att hänvisningar kan peka på dem.",
                             "WCAG does not require IDs on notes; PDF/UA does, so references can point at them."},
};

void evaluate(const DocumentContext& ctx, Reporter& out) {
  if (!doc::has_structure(ctx)) return;
  std::map<std::string, int> seen;
  for (const documents::Element& e : ctx.doc.pdf.elements) {
    if (e.role == "Note" && e.id && !e.id->empty()) ++seen[*e.id];
  }
  for (const documents::Element& e : ctx.doc.pdf.elements) {
    if (e.role != "Note") continue;
    if (!e.id || e.id->empty()) {
      out.failed(doc::place(e), kMissing);
    } else if (seen[*e.id] > 1) {
      out.failed(doc::place(e), kDuplicate);
    } else {
      out.passed(doc::place(e), kOk);
    }
  }
}

const RuleRegistration kRegistration(kInfo, evaluate);

}  // namespace
}  // namespace granska::checks
