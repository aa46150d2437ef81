#include "checks/common/contrast_rule.h"

#include <string>

#include "aria/text_contrast.h"

namespace granska::checks {

namespace {

const Message kEnough{"enough-contrast",
                      {"Kontrasten mellan texten och bakgrunden är {0}:1 (minst {1}:1 krävs).",
                       "The contrast between the text and its background is {0}:1 (at least {1}:1 is required)."}};
const Message kTooLow{"too-low",
                      {"Kontrasten mellan texten och bakgrunden är bara {0}:1. Den måste vara minst {1}:1.",
                       "The contrast between the text and its background is only {0}:1. It must be at least "
                       "{1}:1."}};
const Message kBackgroundUnknown{
    "background-unknown",
    {"granska kan inte avgöra vad som ligger bakom texten (bakgrundsbild, gradient, positionerat innehåll, "
     "filter eller transform). Kontrollera kontrasten med ett verktyg som mäter färgerna."
     " Antal texter på sidan med samma fråga: {2}.",
     "granska cannot tell what lies behind the text (background image, gradient, positioned content, filter "
     "or transform). Check the contrast with a tool that measures the colours. Texts on this page with the same question: {2}."}};
const Message kTextShadow{"text-shadow",
                          {"Texten har en skugga (text-shadow) som påverkar kontrasten. Kontrollera kontrasten "
                           "med ett verktyg som mäter färgerna."
     " Antal texter på sidan med samma fråga: {2}.",
                           "The text has a shadow (text-shadow) that changes the contrast. Check the contrast "
                           "with a tool that measures the colours. Texts on this page with the same question: {2}."}};
const Message kColorUnknown{
    "color-unknown",
    {"granska kan inte räkna ut textens färg, bakgrundsfärg eller synlighet från sidans egen CSS. Kontrollera "
     "kontrasten med ett verktyg som mäter färgerna."
     " Antal texter på sidan med samma fråga: {2}.",
     "granska cannot compute the text colour, background colour or visibility from the page's own CSS. Check "
     "the contrast with a tool that measures the colours. Texts on this page with the same question: {2}."}};
const Message kSizeUnknown{
    "size-unknown",
    {"Kontrasten är {0}:1, vilket räcker bara för stor text, och granska kan inte räkna ut textens storlek. "
     "Kontrollera att texten är minst 18 punkter, eller 14 punkter och fet."
     " Antal texter på sidan med samma fråga: {2}.",
     "The contrast is {0}:1, which is enough only for large text, and granska cannot compute the text size. "
     "Check that the text is at least 18 points, or 14 points and bold. Texts on this page with the same question: {2}."}};
const Message kVisitedUnknown{
    "visited-unknown",
    {"Länkens kontrast är {0}:1 eller {1}:1 beroende på om den är besökt. Ge länken en egen färg med "
     "tillräcklig kontrast."
     " Antal texter på sidan med samma fråga: {2}.",
     "The link's contrast is {0}:1 or {1}:1 depending on whether it has been visited. Give the link its own "
     "colour with enough contrast. Texts on this page with the same question: {2}."}};
const Message kStylesheetUnknown{
    "stylesheet-unknown",
    {"Alla sidans stilmallar kunde inte läsas in (se anmärkningarna om sidan), så granska kan inte räkna ut "
     "textens färger. Kontrollera kontrasten med ett verktyg som mäter färgerna."
     " Antal texter på sidan med samma fråga: {2}.",
     "Not all of the page's style sheets could be loaded (see the notes about the page), so granska cannot "
     "compute the text colours. Check the contrast with a tool that measures the colours. Texts on this page with the same question: {2}."}};
const Message kNoWords{"no-words",
                       {"Texten består bara av tecken som inte är bokstäver eller siffror. Kontrollera om den "
                        "förmedlar något; gör den det måste kontrasten vara tillräcklig."
     " Antal texter på sidan med samma fråga: {2}.",
                        "The text consists only of characters that are not letters or digits. Check whether it "
                        "conveys anything; if it does, its contrast must be sufficient. Texts on this page with the same question: {2}."}};

std::string ratio_text(double r) {
  // Truncated, not rounded: 4.499 must not read as 4.5. Integer digits rather than printf:
  // every text node of a page gets a ratio, and "%.2f" was 6 % of a crawl's CPU.
  const long long hundredths = static_cast<long long>(r * 100);
  const long long frac = hundredths % 100;
  std::string out = std::to_string(hundredths / 100);
  out += '.';
  out += static_cast<char>('0' + frac / 10);
  out += static_cast<char>('0' + frac % 10);
  return out;
}

}  // namespace

std::vector<const Message*> contrast_messages() {
  return {&kEnough,         &kTooLow,         &kBackgroundUnknown, &kTextShadow, &kColorUnknown,
          &kSizeUnknown,    &kVisitedUnknown, &kNoWords,           &kStylesheetUnknown};
}

void report_contrast(Context& ctx, Reporter& out, ContrastThresholds thresholds) {
  const double normal = thresholds.normal, large = thresholds.large;
  // "Needs manual review" is said once per reason and page, on the first text it concerns,
  // with the number of texts: a page with a hero image does not need 200 identical lines.
  // The pooled outcome of the page (what ACT scores) is the same as with one per text.
  struct Group {
    const aria::TextContrast* first;
    const Message* message;
    std::vector<std::string> args;
    std::size_t count;
  };
  std::vector<Group> groups;
  auto cant_tell = [&](const aria::TextContrast& t, const Message& m, std::vector<std::string> args = {}) {
    for (Group& g : groups) {
      if (g.message == &m) {
        ++g.count;
        return;
      }
    }
    groups.push_back(Group{&t, &m, std::move(args), 1});
  };
  for (const aria::TextContrast& t : ctx.aria.text_contrasts()) {
    if (!t.unknown_reason.empty()) {
      std::string_view why = t.unknown_reason;
      if (why == "text-shadow") {
        cant_tell(t, kTextShadow);
      } else if (why == "background-image" || why == "positioned" || why == "effect" || why == "transform") {
        cant_tell(t, kBackgroundUnknown);
      } else if (why == "stylesheet") {
        cant_tell(t, kStylesheetUnknown);
      } else {
        cant_tell(t, kColorUnknown);
      }
      continue;
    }
    // The threshold that applies, or both when the size is unknown.
    double lo = t.large ? (*t.large ? large : normal) : large;
    double hi = t.large ? lo : normal;
    if (t.no_words) {
      // Symbols only: whether they convey anything is a question for a person, unless the
      // contrast is enough either way.
      if (t.min_ratio >= hi) {
        out.passed(t.element, kEnough, {ratio_text(t.min_ratio), ratio_text(hi)});
      } else {
        cant_tell(t, kNoWords);
      }
      continue;
    }
    if (t.min_ratio >= hi) {
      out.passed(t.element, kEnough, {ratio_text(t.min_ratio), ratio_text(hi)});
    } else if (t.max_ratio < lo) {
      out.failed(t.element, kTooLow, {ratio_text(t.max_ratio), ratio_text(lo)});
    } else if (t.min_ratio != t.max_ratio) {
      cant_tell(t, kVisitedUnknown, {ratio_text(t.min_ratio), ratio_text(t.max_ratio)});
    } else {
      cant_tell(t, kSizeUnknown, {ratio_text(t.min_ratio)});
    }
  }
  for (Group& g : groups) {
    g.args.resize(std::max<std::size_t>(g.args.size(), 2));
    g.args.push_back(std::to_string(g.count));
    out.cant_tell(g.first->element, *g.message, std::move(g.args));
  }
}

}  // namespace granska::checks
