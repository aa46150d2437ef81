// meta-refresh: the page does not reload or redirect itself after a delay (ACT bc659a,
// WCAG 2.2.1). Applies to the first <meta http-equiv="refresh"> whose content the browser
// accepts (HTML "shared declarative refresh steps"); later ones are ignored by browsers.
// Passes for an immediate redirect (0 s) or a delay over 20 hours (72 000 s).
#include "engine/registry.h"
#include "html/refresh.h"

namespace granska::checks {
namespace {

using namespace engine;

const Message kNoDelay{"no-delay", {"Sidan skickas vidare direkt (efter {0} sekunder).",
                                    "The page redirects immediately (after {0} seconds)."}};
const Message kLongDelay{"long-delay", {"Sidan laddas om först efter {0} sekunder (mer än 20 timmar).",
                                        "The page reloads only after {0} seconds (more than 20 hours)."}};
const Message kDelayed{"delayed-refresh",
                       {"Sidan laddas om eller skickas vidare automatiskt efter {0} sekunder, utan att "
                        "besökaren kan stoppa det.",
                        "The page reloads or redirects automatically after {0} seconds, and the visitor cannot "
                        "stop it."}};

const RuleInfo kInfo{
    .id = "meta-refresh",
    .title = {"Sidan laddas inte om automatiskt", "The page does not refresh automatically"},
    .description = {"Kontrollerar att sidan inte laddar om sig själv eller byter sida efter en stund med "
                    "<meta http-equiv=\"refresh\">. Den som läser långsamt eller använder skärmläsare hinner "
                    "annars inte läsa klart.",
                    "Checks that the page does not reload itself or move to another page after a while with "
                    "<meta http-equiv=\"refresh\">. Otherwise people who read slowly or use a screen reader do "
                    "not have time to finish."},
    .help = {"Ta bort <meta http-equiv=\"refresh\"> från sidan. Ska sidan flyttas: gör en omdirigering på "
             "servern, eller använd content=\"0; url=…\" så att bytet sker direkt.",
             "Remove <meta http-equiv=\"refresh\"> from the page. If the page has moved, redirect on the "
             "server, or use content=\"0; url=…\" so the change happens at once."},
    .criteria = {sc("2.2.1")},
    .act_rules = {"bc659a"},
    .axe_rules = {"meta-refresh"},
    .impact = Impact::Serious,
    .messages = {&kNoDelay, &kLongDelay, &kDelayed},
};

void evaluate(Context& ctx, Reporter& out) {
  std::optional<html::RefreshDeclaration> refresh = html::first_refresh(ctx.doc);
  if (!refresh) return;
  std::string seconds = std::to_string(refresh->delay);
  if (refresh->delay == 0) {
    out.passed(refresh->meta, kNoDelay, {seconds});
  } else if (refresh->delay > 72000) {
    out.passed(refresh->meta, kLongDelay, {seconds});
  } else {
    out.failed(refresh->meta, kDelayed, {seconds});
  }
}

const RuleRegistration kRegistration(kInfo, evaluate);

}  // namespace
}  // namespace granska::checks
