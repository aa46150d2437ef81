// How links are marked up. Twin rules over links in the accessibility tree, for what other
// checkers flag on real pages:
//
//   link-used-as-button  (best practice) — an <a> whose href goes nowhere ("#",
//                        "javascript:...") and has no role: it is run by a script, so it is
//                        a button announced as a link. People expect a link to open a page
//                        and a button to do something here; the wrong one misleads.
//   link-title-redundant (best practice; WAVE "redundant title text") — the link's title
//                        repeats its text. Some screen readers read it twice, and sighted
//                        users get a tooltip that says nothing new.
//
// Both are best practices: the link works and has a name; what is wrong is its role or
// noise, which a person judges (a "#" link may truly go to the top of the page).
#include <string>

#include "aria/aria_data.h"
#include "checks/common/wording.h"
#include "engine/registry.h"
#include "util/text.h"

namespace granska::checks {
namespace {

using namespace engine;

// ---- link-used-as-button ----
const Message kAsButton{"link-as-button",
                        {"Länken har href=\"{0}\" och leder ingenstans, så den styrs av ett skript och fungerar som "
                         "en knapp. Skärmläsare säger ändå \"länk\". Använd <button type=\"button\">, eller en "
                         "riktig adress om den ska öppna en sida.",
                         "The link has href=\"{0}\" and leads nowhere, so a script runs it and it works as a "
                         "button. Screen readers still say \"link\". Use <button type=\"button\">, or a real "
                         "address if it should open a page."}};

const RuleInfo kButtonInfo{
    .id = "link-used-as-button",
    .title = {"Länkar leder någonstans", "Links lead somewhere"},
    .description = {"Varnar för länkar med href=\"#\" eller href=\"javascript:…\", som egentligen är knappar "
                    "som styrs av skript. De presenteras som länkar för skärmläsare och beter sig inte som "
                    "länkar.",
                    "Warns about links with href=\"#\" or href=\"javascript:…\", which are really buttons run by "
                    "scripts. They are presented as links to screen readers and do not behave like links."},
    .help = {"Byt länken mot <button type=\"button\"> om den gör något på sidan (öppnar en meny, visar mer). "
             "Ska den leda till en sida: skriv sidans adress i href.",
             "Replace the link with <button type=\"button\"> if it does something on the page (opens a menu, "
             "shows more). If it should lead to a page, write the page's address in href."},
    .criteria = {sc("4.1.2")},
    .impact = Impact::Moderate,
    .kind = RuleKind::BestPractice,
    .messages = {&kAsButton},
};

void evaluate_button(Context& ctx, Reporter& out) {
  for (const html::Node* e : ctx.doc.elements()) {
    if (!e->is("a") || e->has_attr("role")) continue;
    auto href = e->attr("href");
    if (!href) continue;
    std::string_view h = text::trim(*href);
    if (h != "#" && !text::istarts_with(h, "javascript:")) continue;
    if (ctx.aria.hidden_from_at(*e) == aria::Tristate::Yes) continue;
    out.failed(e, kAsButton, {text::truncate_utf8(h, 40)});
  }
}

// ---- link-title-redundant ----
const Message kTitleAdds{"title-adds", {"Länkens title (\"{0}\") säger något utöver länktexten.",
                                        "The link's title (\"{0}\") says something beyond the link text."}};
const Message kTitleRepeats{"title-repeats",
                            {"Länkens title upprepar länktexten \"{0}\". Vissa skärmläsare läser upp den två gånger. "
                             "Ta bort title.",
                             "The link's title repeats the link text \"{0}\". Some screen readers read it twice. "
                             "Remove title."}};

const RuleInfo kTitleInfo{
    .id = "link-title-redundant",
    .title = {"Länkars title upprepar inte länktexten", "Link titles do not repeat the link text"},
    .description = {"Varnar för länkar vars title-attribut säger samma sak som länktexten.",
                    "Warns about links whose title attribute says the same as the link text."},
    .help = {"Ta bort title från länken. Behövs mer information: skriv den i länktexten.",
             "Remove title from the link. If more information is needed, write it in the link text."},
    .criteria = {sc("2.4.4")},
    .impact = Impact::Minor,
    .kind = RuleKind::BestPractice,
    .messages = {&kTitleAdds, &kTitleRepeats},
};

void evaluate_title(Context& ctx, Reporter& out) {
  for (const html::Node* e : ctx.doc.elements()) {
    auto title = e->attr("title");
    if (!title || text::trim(*title).empty()) continue;
    std::string_view role = ctx.aria.role(*e);
    if (role.empty() || !aria::role_is_a(role, "link")) continue;
    if (ctx.aria.hidden_from_at(*e) == aria::Tristate::Yes) continue;
    aria::AccessibleName name = ctx.aria.name(*e);
    if (name.source == aria::NameSource::Title) continue;  // the title is the name: nothing repeated
    std::string t = wording::normalise_phrase(*title);
    if (!t.empty() && t == wording::normalise_phrase(name.text)) {
      out.failed(e, kTitleRepeats, {text::truncate_utf8(name.text, 60)});
    } else {
      out.passed(e, kTitleAdds, {text::truncate_utf8(text::collapse_whitespace(*title), 60)});
    }
  }
}

const RuleRegistration kButtonRegistration(kButtonInfo, evaluate_button);
const RuleRegistration kTitleRegistration(kTitleInfo, evaluate_title);

}  // namespace
}  // namespace granska::checks
