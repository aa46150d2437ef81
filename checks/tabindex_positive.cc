// tabindex-positive: no element has a tabindex above 0.
//
// Applies to elements with a tabindex attribute that browsers accept (an integer per
// HTML's rules for parsing integers) and that are not hidden. Passes for 0 and negative
// values, fails for a positive value: every element with tabindex="1" and up is visited
// before everything else on the page, in tabindex order, so the Tab order no longer
// follows the page.
//
// Kind: BestPractice. A positive tabindex breaks 2.4.3 Focus Order only when the order it
// creates does not preserve meaning and operability — and a page whose every control has
// a carefully numbered tabindex can still be in a sensible order. Judging that needs a
// person. The pattern is almost always a mistake (and breaks as soon as content changes),
// so it is a warning; the failure of 2.4.3 itself is left to manual review.
#include "engine/registry.h"
#include "util/text.h"

namespace granska::checks {
namespace {

using namespace engine;

const Message kNotPositive{"not-positive", {"tabindex=\"{0}\" ändrar inte tabbordningen.",
                                            "tabindex=\"{0}\" does not change the Tab order."}};
const Message kPositive{"positive", {"tabindex=\"{0}\" gör att elementet nås med tabbtangenten före allt annat på "
                                     "sidan, i en egen ordning.",
                                     "tabindex=\"{0}\" makes the element come before everything else on the page "
                                     "when tabbing, in an order of its own."}};

const RuleInfo kInfo{
    .id = "tabindex-positive",
    .title = {"Tabbordningen följer sidan", "The Tab order follows the page"},
    .description = {"Letar efter element med tabindex större än 0. De hamnar först i tabbordningen, före "
                    "menyn och allt annat, så den som använder tangentbordet hoppar runt på sidan i en annan "
                    "ordning än den syns.",
                    "Looks for elements with a tabindex greater than 0. They come first in the Tab order, "
                    "before the menu and everything else, so keyboard users jump around the page in a different "
                    "order from the one they see."},
    .help = {"Ändra till tabindex=\"0\" (eller ta bort attributet på länkar, knappar och fält) och ordna i "
             "stället elementen i koden i den ordning de ska nås.",
             "Change to tabindex=\"0\" (or remove the attribute on links, buttons and fields) and put the "
             "elements in the code in the order they should be reached instead."},
    .criteria = {sc("2.4.3")},
    .axe_rules = {"tabindex"},
    .impact = Impact::Moderate,
    .kind = RuleKind::BestPractice,
    .messages = {&kNotPositive, &kPositive},
};

// HTML "rules for parsing integers": leading whitespace, optional sign, digits; anything
// after the digits is ignored. nullopt when browsers ignore the attribute.
std::optional<long long> parse_integer(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size() && text::is_html_space(s[i])) ++i;
  bool negative = false;
  if (i < s.size() && (s[i] == '-' || s[i] == '+')) negative = s[i++] == '-';
  if (i >= s.size() || s[i] < '0' || s[i] > '9') return std::nullopt;
  long long v = 0;
  for (; i < s.size() && s[i] >= '0' && s[i] <= '9'; ++i) {
    if (v < 1'000'000'000) v = v * 10 + (s[i] - '0');
  }
  return negative ? -v : v;
}

void evaluate(Context& ctx, Reporter& out) {
  for (const html::Node* e : ctx.doc.elements()) {
    auto attr = e->attr("tabindex");
    if (!attr) continue;
    std::optional<long long> value = parse_integer(*attr);
    if (!value || ctx.aria.hidden(*e) == aria::Tristate::Yes) continue;
    std::vector<std::string> args{std::string(text::trim(*attr))};
    if (*value > 0) {
      out.failed(e, kPositive, args);
    } else {
      out.passed(e, kNotPositive, args);
    }
  }
}

const RuleRegistration kRegistration(kInfo, evaluate);

}  // namespace
}  // namespace granska::checks
