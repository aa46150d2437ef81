// marquee: no scrolling <marquee> text (axe-core "marquee"; WCAG 2.2.2 Pause, Stop, Hide).
// Applies to rendered <marquee> elements. Browsers scroll their content for as long as the
// page is open and offer no way to pause or stop it, so moving text that starts by itself,
// lasts more than five seconds and sits beside other content fails 2.2.2. A marquee with
// scrollamount="0" does not move and passes.
//
// Kind: Requirement (2.2.2). <blink> is not here: no browser has made it blink since 2013,
// so it moves nothing; obsolete-elements reports it as outdated markup.
#include "engine/registry.h"
#include "util/text.h"

namespace granska::checks {
namespace {

using namespace engine;

const Message kStill{"not-moving", {"<marquee> har scrollamount=\"0\" och rör sig inte.",
                                    "<marquee> has scrollamount=\"0\" and does not move."}};
const Message kMoving{"moving",
                      {"Texten i <marquee> rullar hela tiden och kan inte pausas eller stoppas. Det stör den som "
                       "läser resten av sidan och är svårt att läsa. Gör texten stillastående.",
                       "The text in <marquee> scrolls all the time and cannot be paused or stopped. It distracts "
                       "people reading the rest of the page and is hard to read. Make the text still."}};
const Message kMaybeHidden{"maybe-hidden",
                           {"Texten i <marquee> rullar, men den kan vara dold med CSS som granska inte kunde "
                            "utvärdera. Kontrollera om den syns.",
                            "The text in <marquee> scrolls, but it may be hidden by CSS that granska could not "
                            "evaluate. Check whether it is visible."}};

const RuleInfo kInfo{
    .id = "marquee",
    .title = {"Ingen rullande text", "No scrolling text"},
    .description = {"Kontrollerar att sidan inte har rullande text i <marquee>, som rör sig hela tiden utan att "
                    "gå att pausa.",
                    "Checks that the page has no scrolling text in <marquee>, which moves all the time without "
                    "a way to pause it."},
    .help = {"Ersätt <marquee> med vanlig text, till exempel ett stycke eller en lista med nyheter.",
             "Replace <marquee> with ordinary text, for example a paragraph or a list of news."},
    .criteria = {sc("2.2.2")},
    .axe_rules = {"marquee"},
    .impact = Impact::Serious,
    .messages = {&kStill, &kMoving, &kMaybeHidden},
};

void evaluate(Context& ctx, Reporter& out) {
  for (const html::Node* e : ctx.doc.elements()) {
    if (!e->is("marquee")) continue;
    aria::Tristate hidden = ctx.aria.hidden(*e);
    if (hidden == aria::Tristate::Yes) continue;
    auto amount = e->attr("scrollamount");
    if (amount && text::trim(*amount) == "0") {
      out.passed(e, kStill);
    } else if (hidden == aria::Tristate::Unknown) {
      out.cant_tell(e, kMaybeHidden);
    } else {
      out.failed(e, kMoving);
    }
  }
}

const RuleRegistration kRegistration(kInfo, evaluate);

}  // namespace
}  // namespace granska::checks
