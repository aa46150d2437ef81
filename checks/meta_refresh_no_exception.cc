// meta-refresh-no-exception: the page does not reload or redirect itself after any delay
// (ACT bisz58, WCAG 2.2.4 and 3.2.5, both AAA). The strict twin of meta-refresh: the same
// declaration (html/refresh.h), but no 20-hour exception — only an immediate redirect (0 s)
// passes. AAA is not required by EN 301 549, so the impact is minor.
#include "engine/registry.h"
#include "html/refresh.h"

namespace granska::checks {
namespace {

using namespace engine;

const Message kImmediate{"immediate", {"Sidan skickas vidare direkt (efter 0 sekunder).",
                                       "The page redirects immediately (after 0 seconds)."}};
const Message kDelayed{"delayed-refresh",
                       {"Sidan laddas om eller skickas vidare automatiskt efter {0} sekunder. Det avbryter "
                        "besökaren, även om det dröjer länge.",
                        "The page reloads or redirects automatically after {0} seconds. That interrupts the "
                        "visitor, even after a long time."}};

const RuleInfo kInfo{
    .id = "meta-refresh-no-exception",
    .title = {"Sidan laddas aldrig om automatiskt (AAA)", "The page never refreshes automatically (AAA)"},
    .description = {"Kontrollerar att sidan inte alls laddar om sig själv eller byter sida efter en fördröjning "
                    "med <meta http-equiv=\"refresh\">, inte ens efter många timmar. Det är ett krav på nivå "
                    "AAA, som lagen inte kräver men som gör sidan lugnare att använda.",
                    "Checks that the page never reloads itself or moves to another page after a delay with "
                    "<meta http-equiv=\"refresh\">, not even after many hours. This is a level AAA criterion, "
                    "which the law does not require but which makes the page calmer to use."},
    .help = {"Ta bort <meta http-equiv=\"refresh\"> från sidan. Ska sidan flyttas: gör en omdirigering på "
             "servern, eller använd content=\"0; url=…\" så att bytet sker direkt.",
             "Remove <meta http-equiv=\"refresh\"> from the page. If the page has moved, redirect on the "
             "server, or use content=\"0; url=…\" so the change happens at once."},
    .criteria = {sc("2.2.4"), sc("3.2.5")},
    .act_rules = {"bisz58"},
    .axe_rules = {"meta-refresh-no-exceptions"},
    .impact = Impact::Minor,
    .messages = {&kImmediate, &kDelayed},
};

void evaluate(Context& ctx, Reporter& out) {
  std::optional<html::RefreshDeclaration> refresh = html::first_refresh(ctx.doc);
  if (!refresh) return;
  if (refresh->delay == 0) {
    out.passed(refresh->meta, kImmediate);
  } else {
    out.failed(refresh->meta, kDelayed, {std::to_string(refresh->delay)});
  }
}

const RuleRegistration kRegistration(kInfo, evaluate);

}  // namespace
}  // namespace granska::checks
