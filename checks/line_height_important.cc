// line-height-important: a style attribute that sets line-height with !important leaves it
// at least 1.5 times the font size (ACT 78fd32, WCAG 1.4.12). Applies like the letter- and
// word-spacing twins, but only to text that wraps over more than one line: line height
// does not matter on a single line. granska has no layout, so it fails a too small value
// only when the text is clearly longer than the width it is given (a px width/max-width on
// the element or an ancestor, else the 1280px viewport, with a generous 0.35em per
// character); otherwise a too small value is cantTell.
#include <algorithm>
#include <cstdio>

#include "aria/text_spacing.h"
#include "engine/registry.h"
#include "util/text.h"

namespace granska::checks {
namespace {

using namespace engine;

constexpr double kMinimum = 1.5;
constexpr double kNarrowestGlyph = 0.35;  // em per character, below any text font's average

const Message kHighEnough{"high-enough",
                          {"Radavståndet är minst 1,5 gånger textstorleken ({0}).",
                           "The line height is at least 1.5 times the font size ({0})."}};
const Message kTooSmall{"too-small",
                        {"style-attributet låser radavståndet med !important till {0} gånger textstorleken, "
                         "mindre än 1,5.",
                         "The style attribute locks the line height with !important at {0} times the font size, "
                         "less than 1.5."}};
const Message kMaybeSingleLine{
    "maybe-single-line",
    {"style-attributet låser radavståndet med !important till {0} gånger textstorleken, mindre än 1,5. "
     "Kontrollera om texten bryts på flera rader; då måste radavståndet gå att öka.",
     "The style attribute locks the line height with !important at {0} times the font size, less than 1.5. "
     "Check whether the text wraps over several lines; then the line height must be adjustable."}};
const Message kUnknown{"unknown",
                       {"granska kan inte räkna ut radavståndet eller textstorleken. Kontrollera att radavståndet "
                        "går att öka till 1,5 gånger textstorleken.",
                        "granska cannot compute the line height or the font size. Check that the line height "
                        "can be increased to 1.5 times the font size."}};

const RuleInfo kInfo{
    .id = "line-height-important",
    .title = {"Låst radavstånd är tillräckligt stort", "Locked line height is large enough"},
    .description = {"Kontrollerar att style-attribut som sätter line-height med !important ger minst 1,5 gånger "
                    "textstorleken. !important hindrar besökare som behöver större radavstånd från att ändra det "
                    "med egna inställningar.",
                    "Checks that style attributes that set line-height with !important give at least 1.5 times "
                    "the font size. !important stops visitors who need more space between lines from changing "
                    "it with their own settings."},
    .help = {"Ta bort !important från line-height i style-attributet, eller sätt värdet till minst 1.5.",
             "Remove !important from line-height in the style attribute, or set the value to at least 1.5."},
    .criteria = {sc("1.4.12")},
    .act_rules = {"78fd32"},
    .axe_rules = {"avoid-inline-spacing"},
    .impact = Impact::Moderate,
    .messages = {&kHighEnough, &kTooSmall, &kMaybeSingleLine, &kUnknown},
};

std::string ratio_text(double r) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3g", r);
  return buf;
}

// Characters of the element's own text, whitespace collapsed.
std::size_t text_length(const html::Node& e) {
  std::size_t n = 0;
  bool space = true;
  for (const html::Node* c : e.children()) {
    if (!c->is_text()) continue;
    for (char ch : c->data()) {
      if ((static_cast<unsigned char>(ch) & 0xC0) == 0x80) continue;  // UTF-8 continuation byte
      bool s = text::is_html_space(ch);
      if (s && space) continue;
      space = s;
      ++n;
    }
  }
  return n;
}

// Whether the element's text certainly needs more than one line.
bool surely_wraps(const style::ComputedStyles& styles, const html::Node& e, double font_size) {
  double width = styles.environment().viewport_width;
  for (const html::Node* a = &e; a; a = a->parent_element()) {
    const style::ComputedStyle& cs = styles.of(*a);
    // A width granska cannot compute (a percentage) is at most its container's: ignored.
    for (const std::optional<double>& w : {cs.width, cs.max_width}) {
      if (w && *w > 0 && *w != style::kNoLength) width = std::min(width, *w);
    }
  }
  return static_cast<double>(text_length(e)) * font_size * kNarrowestGlyph > width;
}

void evaluate(Context& ctx, Reporter& out) {
  const style::ComputedStyles& styles = ctx.aria.computed_styles();
  for (const aria::SpacingTarget& t : aria::important_spacing_targets(ctx.aria, style::Property::LineHeight)) {
    bool unknown = t.visibility_unknown;
    double worst = 1e9;
    bool worst_wraps = false;
    for (const html::Node* p : t.text_parents) {
      const style::ComputedStyle& cs = styles.of(*p);
      if (!cs.line_height || !cs.font_size || *cs.font_size <= 0) {
        unknown = true;
        continue;
      }
      double ratio = 1.2;  // "normal": browsers use about 1.2 for common fonts, always < 1.5
      if (cs.line_height->kind == style::LineHeight::Kind::Factor) ratio = cs.line_height->value;
      if (cs.line_height->kind == style::LineHeight::Kind::Px) ratio = cs.line_height->value / *cs.font_size;
      bool wraps = surely_wraps(styles, *p, *cs.font_size);
      if (ratio < kMinimum - 1e-9 && wraps && (!(worst < kMinimum - 1e-9) || !worst_wraps || ratio < worst)) {
        worst = ratio;
        worst_wraps = true;
      } else if (!worst_wraps && ratio < worst) {
        worst = ratio;
      }
    }
    if (worst < kMinimum - 1e-9) {
      if (worst_wraps) {
        out.failed(t.element, kTooSmall, {ratio_text(worst)});
      } else {
        out.cant_tell(t.element, kMaybeSingleLine, {ratio_text(worst)});
      }
    } else if (unknown) {
      out.cant_tell(t.element, kUnknown);
    } else {
      out.passed(t.element, kHighEnough, {ratio_text(worst)});
    }
  }
}

const RuleRegistration kRegistration(kInfo, evaluate);

}  // namespace
}  // namespace granska::checks
