// obsolete-elements: no presentational elements HTML has made obsolete (<font>, <center>,
// <big>, <tt>, <strike>, <blink>, ...), which is what other checkers flag on real pages
// (WCAG 1.3.1 as reference, technique G140: separate information from presentation).
// Applies to rendered elements of these kinds: basefont, big, blink, center, font, nobr,
// spacer, strike, tt, and acronym and dir (which have plain replacements).
//
// Kind: BestPractice. Browsers still render them and they hide nothing from assistive
// technology, so no criterion fails by them alone. But presentation written into the
// content does not follow the user's or the site's style sheet (larger text, high
// contrast), and <font color> or <center> usually stand where a heading or emphasis should
// be. <blink> has not blinked in any browser since 2013, so it is only outdated markup
// here (axe-core still counts it under 2.2.2).
#include <string>

#include "engine/registry.h"

namespace granska::checks {
namespace {

using namespace engine;

const Message kObsolete{"obsolete",
                        {"<{0}> är föråldrat i HTML. {1}", "<{0}> is obsolete in HTML. {2}"}};

const RuleInfo kInfo{
    .id = "obsolete-elements",
    .title = {"Inga föråldrade formateringselement", "No obsolete formatting elements"},
    .description = {"Varnar för element som <font>, <center>, <big> och <blink>, som styr utseendet direkt i "
                    "innehållet. Utseendet följer då inte besökarens eller webbplatsens inställningar, och de "
                    "står ofta där en rubrik eller betoning borde vara.",
                    "Warns about elements such as <font>, <center>, <big> and <blink>, which set the appearance "
                    "right in the content. The appearance then does not follow the visitor's or the site's "
                    "settings, and they often stand where a heading or emphasis should be."},
    .help = {"Ta bort elementet och låt webbplatsens CSS sköta utseendet. Är texten en rubrik: använd <h2> "
             "osv. Ska den betonas: använd <strong> eller <em>.",
             "Remove the element and let the site's CSS handle the appearance. If the text is a heading, use "
             "<h2> etc. If it should be emphasised, use <strong> or <em>."},
    .criteria = {sc("1.3.1")},
    .axe_rules = {"blink"},
    .impact = Impact::Minor,
    .kind = RuleKind::BestPractice,
    .messages = {&kObsolete},
};

struct Obsolete {
  std::string_view tag, sv, en;
};
constexpr Obsolete kObsoleteTags[] = {
    {"acronym", "Använd <abbr>.", "Use <abbr>."},
    {"basefont", "Sätt typsnitt och storlek i CSS.", "Set font and size in CSS."},
    {"big", "Sätt textstorleken i CSS, eller använd en rubrik om texten är en.",
     "Set the text size in CSS, or use a heading if the text is one."},
    {"blink", "Det blinkar inte längre i någon webbläsare; ta bort det.", "It no longer blinks in any browser; remove "
                                                                          "it."},
    {"center", "Centrera med CSS (text-align: center).", "Centre with CSS (text-align: center)."},
    {"dir", "Använd <ul>.", "Use <ul>."},
    {"font", "Sätt färg, typsnitt och storlek i CSS; använd <strong> eller en rubrik om texten ska framhävas.",
     "Set colour, font and size in CSS; use <strong> or a heading if the text should stand out."},
    {"nobr", "Använd CSS (white-space: nowrap).", "Use CSS (white-space: nowrap)."},
    {"spacer", "Skapa mellanrum med CSS (margin, padding).", "Make space with CSS (margin, padding)."},
    {"strike", "Använd <del> för borttagen text eller <s> för inaktuell text.",
     "Use <del> for removed text or <s> for text that is no longer accurate."},
    {"tt", "Använd <code>, <kbd> eller CSS.", "Use <code>, <kbd> or CSS."},
};

void evaluate(Context& ctx, Reporter& out) {
  for (const html::Node* e : ctx.doc.elements()) {
    if (e->ns() != html::Namespace::Html) continue;
    for (const Obsolete& o : kObsoleteTags) {
      if (e->tag() != o.tag) continue;
      if (ctx.aria.hidden(*e) != aria::Tristate::Yes) {
        out.failed(e, kObsolete, {std::string(o.tag), std::string(o.sv), std::string(o.en)});
      }
      break;
    }
  }
}

const RuleRegistration kRegistration(kInfo, evaluate);

}  // namespace
}  // namespace granska::checks
