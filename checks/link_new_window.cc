// link-new-window: a link that opens a new window or tab says so.
//
// Applies to named <a href> and <area href> (nameless ones are link-name's finding)
// with target="_blank" in the accessibility tree, except links that open no page
// (mailto:, tel:, javascript:, a fragment of this page).
// Passes when the link's accessible name, description or title warns, in Swedish or
// English ("öppnas i nytt fönster", "ny flik", "new window", ...; see checks/common/wording.h) —
// an icon with such an alt is part of the name and counts. Links opened with
// window.open() are out of scope: static HTML does not show them.
//
// Kind: BestPractice. No level A or AA criterion requires the warning; WCAG's advice is
// technique G201 under 3.2.5 Change on Request (AAA). A new window still disorients
// people who cannot see it open (the Back button stops working), so it is worth a warning.
#include "aria/aria_data.h"
#include "engine/registry.h"
#include "checks/common/wording.h"
#include "util/text.h"

namespace granska::checks {
namespace {

using namespace engine;

const Message kWarns{"warns", {"Länken säger att den öppnas i ett nytt fönster eller en ny flik.",
                               "The link says that it opens in a new window or tab."}};
const Message kNoWarning{"no-warning",
                         {"Länken \"{0}\" öppnas i ett nytt fönster eller en ny flik utan att säga det.",
                          "The link \"{0}\" opens in a new window or tab without saying so."}};
const Message kMaybeHidden{"maybe-hidden",
                           {"Länken \"{0}\" öppnas i ett nytt fönster utan att säga det, men den kan vara dold med "
                            "CSS som granska inte kunde utvärdera. Kontrollera om den syns.",
                            "The link \"{0}\" opens in a new window without saying so, but it may be hidden by CSS "
                            "that granska could not evaluate. Check whether it is visible."}};

const RuleInfo kInfo{
    .id = "link-new-window",
    .title = {"Länkar som öppnar nytt fönster säger det", "Links that open a new window say so"},
    .description = {"Letar efter länkar med target=\"_blank\" som öppnas i ett nytt fönster eller en ny flik "
                    "utan att länktexten säger det. Den som inte ser skärmen märker inte att ett nytt fönster "
                    "öppnats, och Tillbaka-knappen fungerar inte längre.",
                    "Looks for links with target=\"_blank\" that open in a new window or tab without the link "
                    "text saying so. People who cannot see the screen do not notice the new window, and the Back "
                    "button stops working."},
    .help = {"Låt länken öppnas i samma fönster (ta bort target=\"_blank\"). Behövs ett nytt fönster: skriv det "
             "i länktexten, till exempel \"Boka tid (öppnas i nytt fönster)\", eller ge ikonen för nytt "
             "fönster alt=\"öppnas i nytt fönster\".",
             "Let the link open in the same window (remove target=\"_blank\"). If a new window is needed, say "
             "so in the link text, for example \"Book a time (opens in a new window)\", or give the new-window "
             "icon alt=\"opens in a new window\"."},
    .criteria = {sc("3.2.5")},
    .impact = Impact::Minor,
    .kind = RuleKind::BestPractice,
    .messages = {&kWarns, &kNoWarning, &kMaybeHidden},
};

bool opens_a_page(std::string_view href) {
  href = text::trim(href);
  if (href.empty() || href.front() == '#') return false;
  for (std::string_view scheme : {"mailto:", "tel:", "sms:", "javascript:"}) {
    if (text::istarts_with(href, scheme)) return false;
  }
  return true;
}

void evaluate(Context& ctx, Reporter& out) {
  for (const html::Node* e : ctx.doc.elements()) {
    if (!e->is("a") && !e->is("area")) continue;
    auto href = e->attr("href");
    auto target = e->attr("target");
    if (!href || !target || !text::iequals(text::trim(*target), "_blank") || !opens_a_page(*href)) continue;
    std::string_view role = ctx.aria.role(*e);
    if (role.empty() || !aria::role_is_a(role, "link")) continue;
    aria::Tristate hidden = ctx.aria.hidden_from_at(*e);
    if (hidden == aria::Tristate::Yes) continue;
    std::string name = ctx.aria.name(*e).text;
    if (name.empty()) continue;  // a link without a name is link-name's finding
    std::string said = name + " " + ctx.aria.description(*e).text + " " + std::string(e->attr("title").value_or(""));
    if (wording::mentions_new_window(said)) {
      out.passed(e, kWarns);
    } else if (hidden == aria::Tristate::Unknown) {
      out.cant_tell(e, kMaybeHidden, {name});
    } else {
      out.failed(e, kNoWarning, {name});
    }
  }
}

const RuleRegistration kRegistration(kInfo, evaluate);

}  // namespace
}  // namespace granska::checks
