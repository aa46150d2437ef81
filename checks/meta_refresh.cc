// meta-refresh: the page does not reload or redirect itself after a delay (ACT bc659a,
// WCAG 2.2.1). Applies to the first <meta http-equiv="refresh"> whose content the browser
// accepts (HTML "shared declarative refresh steps"); later ones are ignored by browsers.
// Passes for an immediate redirect (0 s) or a delay over 20 hours (72 000 s).
#include "engine/registry.h"
#include "util/text.h"

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
    .impact = Impact::Serious,
    .messages = {&kNoDelay, &kLongDelay, &kDelayed},
};

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// The delay of a refresh declaration, per HTML's shared declarative refresh steps; -1 when
// the browser would ignore the declaration. Saturates at a value far above 72 000.
long long refresh_delay(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size() && text::is_html_space(s[i])) ++i;
  std::size_t start = i;
  long long time = 0;
  while (i < s.size() && is_digit(s[i])) {
    if (time < 1'000'000'000) time = time * 10 + (s[i] - '0');
    ++i;
  }
  if (i == start && (i >= s.size() || s[i] != '.')) return -1;
  while (i < s.size() && (is_digit(s[i]) || s[i] == '.')) ++i;
  if (i < s.size() && s[i] != ';' && s[i] != ',' && !text::is_html_space(s[i])) return -1;
  return time;
}

void evaluate(Context& ctx, Reporter& out) {
  for (const html::Node* e : ctx.doc.elements()) {
    if (!e->is("meta")) continue;
    auto equiv = e->attr("http-equiv");
    if (!equiv || !text::iequals(text::trim(*equiv), "refresh")) continue;
    auto content = e->attr("content");
    if (!content || content->empty()) continue;
    long long delay = refresh_delay(*content);
    if (delay < 0) continue;
    std::string seconds = std::to_string(delay);
    if (delay == 0) {
      out.passed(e, kNoDelay, {seconds});
    } else if (delay > 72000) {
      out.passed(e, kLongDelay, {seconds});
    } else {
      out.failed(e, kDelayed, {seconds});
    }
    return;  // browsers act on the first valid declaration only
  }
}

const RuleRegistration kRegistration(kInfo, evaluate);

}  // namespace
}  // namespace granska::checks
