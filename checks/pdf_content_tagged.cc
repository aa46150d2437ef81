// pdf-content-tagged: every piece of page content is either tagged (in marked content
// with an MCID, so it belongs to the structure tree) or marked as an artifact, and the two
// are not nested in each other (PDF/UA-1 7.1; Matterhorn 01-003, 01-004, 01-005).
// Whether each artifact really is decoration is a person's call (01-001/01-002).
#include "checks/common/document_rules.h"

namespace granska::checks {
namespace {

using namespace engine;

const Message kOk{"content-tagged", {"Allt innehåll på sidan är taggat eller markerat som artefakt.",
                                     "All content on the page is tagged or marked as an artifact."}};
const Message kUntagged{"untagged-content",
                        {"{0} delar av innehållet på sidan är varken taggade eller markerade som artefakt: en "
                         "skärmläsare hoppar över dem eller läser dem i fel ordning.",
                         "{0} pieces of content on the page are neither tagged nor marked as artifacts: a screen "
                         "reader skips them or reads them out of order."}};
const Message kArtifactInTagged{"artifact-in-tagged",
                                {"Innehåll markerat som artefakt ligger inuti taggat innehåll ({0} gånger).",
                                 "Content marked as an artifact is inside tagged content ({0} times)."}};
const Message kTaggedInArtifact{"tagged-in-artifact",
                                {"Taggat innehåll ligger inuti innehåll markerat som artefakt ({0} gånger): det döljs "
                                 "för skärmläsare.",
                                 "Tagged content is inside content marked as an artifact ({0} times): it is hidden "
                                 "from screen readers."}};
const Message kUnread{"content-unreadable", {"Sidans innehåll kunde inte läsas helt; kontrollera taggningen manuellt.",
                                             "The page content could not be read in full; review its tagging by hand."}};

const RuleInfo kInfo{
    .id = "pdf-content-tagged",
    .title = {"Allt innehåll är taggat eller artefakt", "All content is tagged or an artifact"},
    .description = {"Kontrollerar att varje text, bild och grafik på sidorna antingen hör till dokumentets taggar "
                    "eller är markerad som dekoration (artefakt), så att inget innehåll försvinner för skärmläsare.",
                    "Checks that every text, image and graphic on the pages either belongs to the document's tags "
                    "or is marked as decoration (an artifact), so no content is lost to screen readers."},
    .help = {"Tagga om dokumentet från källfilen med taggning påslagen. Åtgärda enstaka delar i Acrobat Pro med "
             "verktyget Läsordning: tagga innehållet eller markera det som bakgrund/artefakt.",
             "Re-export the document from its source with tagging on. Fix single items in Acrobat Pro with the "
             "Reading Order tool: tag the content or mark it as background/artifact."},
    .criteria = {sc("1.3.1")},
    .impact = Impact::Serious,
    .messages = {&kOk, &kUntagged, &kArtifactInTagged, &kTaggedInArtifact, &kUnread},
    .subject = Subject::Pdf,
    .pdfua = "7.1",
    .matterhorn = {"01-003", "01-004", "01-005"},
};

void evaluate(const DocumentContext& ctx, Reporter& out) {
  if (!doc::has_structure(ctx)) return;
  for (const documents::PageInfo& p : ctx.doc.pdf.pages) {
    const Place where = doc::page_place(p.number, p.object);
    bool bad = false;
    if (p.untagged > 0) {
      out.failed(where, kUntagged, {std::to_string(p.untagged)});
      bad = true;
    }
    if (p.artifact_in_tagged > 0) {
      out.failed(where, kArtifactInTagged, {std::to_string(p.artifact_in_tagged)});
      bad = true;
    }
    if (p.tagged_in_artifact > 0) {
      out.failed(where, kTaggedInArtifact, {std::to_string(p.tagged_in_artifact)});
      bad = true;
    }
    if (bad) continue;
    if (!p.content_read) {
      out.cant_tell(where, kUnread);
    } else if (p.text_operators + p.images + p.marked > 0) {
      out.passed(where, kOk);
    }
  }
}

const RuleRegistration kRegistration(kInfo, evaluate);

}  // namespace
}  // namespace granska::checks
