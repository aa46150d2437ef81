// heading-order: heading levels go down one step at a time, and the page has a level-1
// heading (granska's own rule, no ACT rule; WCAG 1.3.1 and 2.4.6 as reference, G141).
//
// Applies to headings in the accessibility tree — <h1>–<h6> and role="heading" — with a
// non-empty accessible name; empty headings are heading-name's business (ACT ffd0e9) and
// are left out here so that one mistake gives one warning. The level is aria-level when it
// is a positive integer (browsers honour it on <hN> too), else the tag's number, else 2 for
// role="heading" (WAI-ARIA's default). A heading passes when its level is at most one deeper
// than the previous heading's; going back up any number of steps is fine, and the first
// heading may have any level. The page warns once, on <body>, when it has headings but none
// at level 1, and when it has none at all although it has repeated content (menus, a page
// header: checks/common/page_regions.h) before its own: then a main heading is what people
// jump to. A short page with nothing to get past (a receipt, a message) needs none.
//
// Kind: BestPractice. WCAG does not require heading levels to be consecutive or an h1 to
// exist (G141 is advisory); a skipped level confuses people who navigate by headings, but
// fails no criterion by itself. Headings whose visibility rests on CSS granska did not
// evaluate are counted both ways: when the answer differs, the heading gets cantTell.
#include <optional>

#include "checks/common/page_regions.h"
#include "engine/registry.h"
#include "util/text.h"

namespace granska::checks {
namespace {

using namespace engine;

const Message kInOrder{"in-order", {"Rubriknivå {0} följer på nivå {1}.", "Heading level {0} follows level {1}."}};
const Message kFirst{"first-heading", {"Första rubriken på sidan har nivå {0}.",
                                       "The first heading on the page has level {0}."}};
const Message kSkipped{"skipped-level",
                       {"Rubriken \"{0}\" har nivå {1} men rubriken före har nivå {2}. Nivåer däremellan hoppas "
                        "över, så sidans struktur blir svår att följa. Ändra den till nivå {3}.",
                        "The heading \"{0}\" has level {1} but the heading before it has level {2}. Levels in "
                        "between are skipped, so the structure of the page is hard to follow. Change it to level {3}."}};
const Message kMaybeSkipped{"maybe-skipped",
                            {"Rubriken \"{0}\" kan hoppa över en nivå, beroende på om rubriker som döljs med CSS "
                             "som granska inte kunde utvärdera syns. Kontrollera ordningen.",
                             "The heading \"{0}\" may skip a level, depending on whether headings hidden by CSS "
                             "that granska could not evaluate are visible. Check the order."}};
const Message kNoH1{"no-h1",
                    {"Sidan har rubriker men ingen huvudrubrik på nivå 1. Gör sidans huvudrubrik till en <h1>.",
                     "The page has headings but no main heading at level 1. Make the page's main heading an <h1>."}};

const Message kNoHeadings{"no-headings",
                          {"Sidan har inga rubriker alls, fast den har menyer eller sidhuvud före sitt eget "
                           "innehåll. Börja innehållet med en huvudrubrik, <h1>, så hittar man dit.",
                           "The page has no headings at all, although it has menus or a page header before its own "
                           "content. Start the content with a main heading, <h1>, so people can find it."}};

const RuleInfo kInfo{
    .id = "heading-order",
    .title = {"Rubriknivåerna hoppar inte över något steg", "Heading levels do not skip a step"},
    .description = {"Varnar när en rubrik hoppar över en nivå, till exempel en h4 direkt efter en h2, och när "
                    "sidan saknar en huvudrubrik (h1). Den som använder skärmläsare hoppar mellan rubrikerna "
                    "och förstår sidans uppbyggnad genom nivåerna.",
                    "Warns when a heading skips a level, for example an h4 right after an h2, and when the page "
                    "has no main heading (h1). Screen reader users jump between headings and understand the "
                    "page's structure through their levels."},
    .help = {"Ändra rubriknivån så att den är högst ett steg under rubriken före: efter en h2 kommer en h3. "
             "Välj nivå efter sidans struktur, inte efter textstorlek; storleken ändras i CSS.",
             "Change the heading level so it is at most one step below the heading before: an h2 is followed "
             "by an h3. Choose the level by the page's structure, not by text size; the size is set in CSS."},
    .criteria = {sc("1.3.1"), sc("2.4.6")},
    .axe_rules = {"heading-order", "page-has-heading-one"},
    .impact = Impact::Moderate,
    .kind = RuleKind::BestPractice,
    .messages = {&kInOrder, &kFirst, &kSkipped, &kMaybeSkipped, &kNoH1, &kNoHeadings},
};

std::optional<int> positive_integer(std::string_view s) {
  s = text::trim(s);
  if (s.empty() || s.size() > 4) return std::nullopt;
  int v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return std::nullopt;
    v = v * 10 + (c - '0');
  }
  return v > 0 ? std::optional<int>(v) : std::nullopt;
}

int heading_level(const html::Node& e) {
  if (auto level = e.attr("aria-level")) {
    if (auto v = positive_integer(*level)) return *v;
  }
  std::string_view tag = e.tag();
  if (e.ns() == html::Namespace::Html && tag.size() == 2 && tag[0] == 'h' && tag[1] >= '1' && tag[1] <= '6') {
    return tag[1] - '0';
  }
  return 2;
}

void evaluate(Context& ctx, Reporter& out) {
  // Previous level counting headings of unknown visibility (all) and without them (known).
  int prev_all = 0, prev_known = 0;
  bool any_heading = false, h1_known = false, h1_maybe = false;
  for (const html::Node* e : ctx.doc.elements()) {
    if (ctx.aria.role(*e) != "heading") continue;
    aria::Tristate hidden = ctx.aria.hidden_from_at(*e);
    if (hidden == aria::Tristate::Yes) continue;
    std::string name = ctx.aria.name(*e).text;
    if (name.empty()) continue;
    int level = heading_level(*e);
    bool unknown = hidden == aria::Tristate::Unknown;
    std::string shown = text::truncate_utf8(name, 80);
    if (level == 1) (unknown ? h1_maybe : h1_known) = true;
    if (!unknown) any_heading = true;

    if (prev_all == 0 && prev_known == 0) {
      if (!unknown) out.passed(e, kFirst, {std::to_string(level)});
    } else {
      bool skip_all = prev_all != 0 && level > prev_all + 1;
      bool skip_known = prev_known != 0 && level > prev_known + 1;
      if (skip_all && skip_known && !unknown) {
        out.failed(e, kSkipped, {shown, std::to_string(level), std::to_string(prev_known), std::to_string(prev_known + 1)});
      } else if (skip_all || skip_known) {
        out.cant_tell(e, kMaybeSkipped, {shown});
      } else if (!unknown) {
        out.passed(e, kInOrder, {std::to_string(level), std::to_string(prev_known != 0 ? prev_known : prev_all)});
      }
    }
    prev_all = level;
    if (!unknown) prev_known = level;
  }
  if (any_heading && !h1_known && !h1_maybe && ctx.doc.body()) out.failed(ctx.doc.body(), kNoH1);
  if (!any_heading && !h1_maybe && prev_all == 0 && ctx.doc.body() && page_regions(ctx).needs_bypass()) {
    out.failed(ctx.doc.body(), kNoHeadings);
  }
}

const RuleRegistration kRegistration(kInfo, evaluate);

}  // namespace
}  // namespace granska::checks
