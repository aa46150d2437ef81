// pdf-reading-order: in a tagged document the tags decide the reading order; whether it
// matches the visual order (columns, boxes, footnotes) only a person can tell, so this is
// always cantTell (WCAG 1.3.2, Matterhorn 09-001, a human checkpoint).
#include "checks/common/document_rules.h"

namespace granska::checks {
namespace {

using namespace engine;

const Message kReview{"review-reading-order", {"Kontrollera att taggarnas ordning ({0} taggar) följer den ordning "
                                               "innehållet ska läsas i, till exempel med Acrobats Läsordning eller en "
                                               "skärmläsare.",
                                               "Check that the order of the tags ({0} tags) follows the order the "
                                               "content is meant to be read in, for example with Acrobat's Reading "
                                               "Order tool or a screen reader."}};

const RuleInfo kInfo{
    .id = "pdf-reading-order",
    .title = {"Läsordningen är meningsfull", "Reading order is meaningful"},
    .description = {"Påminner om att läsordningen i ett taggat dokument måste granskas av en person: ett program kan "
                    "inte avgöra om den stämmer med hur sidan är tänkt att läsas.",
                    "Reminds that the reading order of a tagged document must be reviewed by a person: a program "
                    "cannot tell whether it matches how the page is meant to be read."},
    .help = {"Öppna dokumentet i Acrobat Pro, välj Läsordning och visa innehållsordningen, eller lyssna igenom det med "
             "en skärmläsare. Flytta taggar som står i fel ordning.",
             "Open the document in Acrobat Pro, choose Reading Order and show the content order, or listen to it "
             "with a screen reader. Move tags that are out of order."},
    .criteria = {sc("1.3.2")},
    .impact = Impact::Moderate,
    .messages = {&kReview},
    .subject = Subject::Pdf,
    .pdfua = "7.2",
    .matterhorn = {"09-001"},
};

void evaluate(const DocumentContext& ctx, Reporter& out) {
  if (!doc::has_structure(ctx) || ctx.doc.pdf.elements.empty()) return;
  out.cant_tell(doc::document_place(), kReview, {std::to_string(ctx.doc.pdf.elements.size())});
}

const RuleRegistration kRegistration(kInfo, evaluate);

}  // namespace
}  // namespace granska::checks
