// image-decorative-conflict: an image is not marked decorative and described at once (what
// other checkers flag on real pages; WCAG 1.1.1 as reference). Applies to rendered <img>
// elements that are
//   - marked decorative with alt="" (or role none/presentation) but have a non-empty title:
//     mouse users get a tooltip that says something, screen reader users get nothing;
//   - given role="none"/"presentation" but a non-empty alt: the role hides the alt text
//     from assistive technology, so either the alt was meant and the role is wrong, or the
//     image is decorative and the alt is left over.
//
// Kind: BestPractice. Which of the two markings is right is a human judgement: a decorative
// image with a leftover title fails nothing; an informative one hidden by its role fails
// 1.1.1. (A focusable image or one with global ARIA attributes keeps its role; that is
// presentation-role-conflict's case.)
#include <string>

#include "engine/registry.h"
#include "util/text.h"

namespace granska::checks {
namespace {

using namespace engine;

const Message kConsistent{"consistent", {"Bilden är markerad som dekorativ och beskrivs inte.",
                                         "The image is marked as decorative and not described."}};
const Message kTitleOnDecorative{"title-on-decorative",
                                 {"Bilden är markerad som dekorativ (tomt alt) men har title=\"{0}\", som visas för "
                                  "musanvändare men inte läses upp. Är bilden dekorativ: ta bort title. Annars: "
                                  "skriv texten i alt.",
                                  "The image is marked as decorative (empty alt) but has title=\"{0}\", which mouse "
                                  "users see but screen readers do not read. If the image is decorative, remove "
                                  "title; otherwise write the text in alt."}};
const Message kAltOnPresentation{"alt-on-presentation",
                                 {"Bilden har alt=\"{0}\" men också role=\"{1}\", som döljer alt-texten för "
                                  "skärmläsare. Är bilden informativ: ta bort role. Är den dekorativ: sätt alt=\"\".",
                                  "The image has alt=\"{0}\" but also role=\"{1}\", which hides the alt text from "
                                  "screen readers. If the image is informative, remove role; if it is decorative, "
                                  "set alt=\"\"."}};

const RuleInfo kInfo{
    .id = "image-decorative-conflict",
    .title = {"Dekorativa bilder beskrivs inte", "Decorative images are not described"},
    .description = {"Varnar för bilder som både är markerade som dekorativa och har en beskrivning: tomt alt "
                    "med ett title, eller role=\"presentation\" med en alt-text. Den ena markeringen är fel.",
                    "Warns about images that are both marked as decorative and described: an empty alt with a "
                    "title, or role=\"presentation\" with an alt text. One of the two is wrong."},
    .help = {"Bestäm om bilden är dekorativ. Är den det: alt=\"\" och inget title. Annars: en alt-text som säger "
             "vad bilden visar, och ingen role=\"presentation\".",
             "Decide whether the image is decorative. If it is: alt=\"\" and no title. Otherwise: an alt text "
             "that says what the image shows, and no role=\"presentation\"."},
    .criteria = {sc("1.1.1")},
    .impact = Impact::Moderate,
    .kind = RuleKind::BestPractice,
    .messages = {&kConsistent, &kTitleOnDecorative, &kAltOnPresentation},
};

void evaluate(Context& ctx, Reporter& out) {
  for (const html::Node* e : ctx.doc.elements()) {
    if (!e->is("img") || ctx.aria.hidden(*e) == aria::Tristate::Yes) continue;
    auto alt = e->attr("alt");
    auto title = e->attr("title");
    auto role = e->attr("role");
    std::string role_token = role ? text::ascii_lower(text::trim(*role)) : std::string();
    bool presentational_role = role_token == "none" || role_token == "presentation";
    bool empty_alt = alt && text::trim(*alt).empty();
    bool has_alt = alt && !text::trim(*alt).empty();
    bool has_title = title && !text::trim(*title).empty();
    if (presentational_role && has_alt) {
      out.failed(e, kAltOnPresentation, {text::truncate_utf8(text::collapse_whitespace(*alt), 60), role_token});
    } else if ((empty_alt || presentational_role) && has_title) {
      out.failed(e, kTitleOnDecorative, {text::truncate_utf8(text::collapse_whitespace(*title), 60)});
    } else if (empty_alt || presentational_role) {
      out.passed(e, kConsistent);
    }
  }
}

const RuleRegistration kRegistration(kInfo, evaluate);

}  // namespace
}  // namespace granska::checks
