// pdf-list-structure: list and table-of-contents tags nest as ISO 32000-1 Tables 333 and
// 336 say: LI inside L, Lbl and LBody inside LI, TOCI inside TOC (WCAG 1.3.1, PDF/UA-1 7.2;
// Matterhorn 09-005, 09-006). Otherwise a screen reader cannot announce a list or count
// its items.
#include "checks/common/document_rules.h"

namespace granska::checks {
namespace {

using namespace engine;

const Message kOk{"list-structure", {"Listan är taggad som L med LI-punkter.", "The list is tagged as L with LI items."}};
const Message kLi{"li-outside-list", {"Listpunkten (LI) ligger inte i en lista (L) utan i {0}.",
                                      "The list item (LI) is not inside a list (L) but inside {0}."}};
const Message kBody{"item-part-outside-li", {"{0} ligger inte i en listpunkt (LI) utan i {1}.",
                                             "{0} is not inside a list item (LI) but inside {1}."}};
const Message kToci{"toci-outside-toc", {"Innehållsförteckningsposten (TOCI) ligger inte i en innehållsförteckning (TOC) utan i {0}.",
                                         "The table of contents item (TOCI) is not inside a table of contents (TOC) "
                                         "but inside {0}."}};

const RuleInfo kInfo{
    .id = "pdf-list-structure",
    .title = {"Listor i PDF är taggade som listor", "Lists in PDF are tagged as lists"},
    .description = {"Kontrollerar att listor och innehållsförteckningar är taggade med rätt delar i rätt ordning "
                    "(L, LI, Lbl, LBody; TOC, TOCI).",
                    "Checks that lists and tables of contents are tagged with the right parts in the right order "
                    "(L, LI, Lbl, LBody; TOC, TOCI)."},
    .help = {"Skapa listor med listknapparna i källfilen, inte med tecken och tabbar, och exportera med taggar. I "
             "Acrobat Pro går taggarna att flytta i taggpanelen.",
             "Create lists with the list buttons in the source file, not with characters and tabs, and export with "
             "tags. In Acrobat Pro the tags can be moved in the Tags panel."},
    .criteria = {sc("1.3.1")},
    .impact = Impact::Serious,
    .messages = {&kOk, &kLi, &kBody, &kToci},
    .subject = Subject::Pdf,
    .pdfua = "7.2",
    .matterhorn = {"09-005", "09-006"},
};

void evaluate(const DocumentContext& ctx, Reporter& out) {
  if (!doc::has_structure(ctx)) return;
  const documents::Pdf& p = ctx.doc.pdf;
  for (const documents::Element& e : p.elements) {
    const documents::Element* parent = doc::parent(p, e);
    const std::string parent_role = parent ? parent->role : "StructTreeRoot";
    if (e.role == "LI" && parent_role != "L") {
      out.failed(doc::place(e), kLi, {parent ? parent->type : parent_role});
    } else if ((e.role == "Lbl" || e.role == "LBody") && parent_role != "LI") {
      // Lbl also labels other things in ISO 32000-1 (notes, bibliography entries): only
      // an Lbl inside a list is a list part.
      if (e.role == "LBody" || parent_role == "L") out.failed(doc::place(e), kBody, {e.type, parent ? parent->type : parent_role});
    } else if (e.role == "TOCI" && parent_role != "TOC") {
      out.failed(doc::place(e), kToci, {parent ? parent->type : parent_role});
    } else if (e.role == "L") {
      bool items = false;
      for (int c : e.children) items = items || p.elements[static_cast<std::size_t>(c)].role == "LI";
      if (items) out.passed(doc::place(e), kOk);
    }
  }
}

const RuleRegistration kRegistration(kInfo, evaluate);

}  // namespace
}  // namespace granska::checks
