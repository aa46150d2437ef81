// label-in-name: the visible text of a control is part of its accessible name (ACT 2ee8b8,
// WCAG 2.5.3), so speech users can say what they see. Applies to elements with a widget
// role that takes its name from content (links, buttons, checkboxes, tabs, ...), whose
// name comes from aria-label or aria-labelledby, and that have visible text.
//
// Matching follows the rule: case-insensitive, whitespace collapsed, punctuation and
// symbols (…, **, >>>, emoji) ignored; the visible words must appear, in order and
// together, among the name's words. Static HTML cannot see everything a person sees, so a
// mismatch is only "failed" when nothing could explain it; otherwise cantTell:
//  - digits (2×2 may be read "two times two"), abbreviations ("Ave." for Avenue), words
//    split or joined ("nonstandard" / "non-standard", "W C A G"), text in parentheses;
//  - one-character text ("X") or an icon font that turns a word into a picture;
//  - descendants with class/style that CSS may hide (visually hidden text), or hiddenness
//    that rests on CSS granska did not evaluate.
#include <string>
#include <vector>

#include "aria/aria_data.h"
#include "engine/registry.h"
#include "util/text.h"

namespace granska::checks {
namespace {

using namespace engine;

const Message kContained{"label-in-name", {"Den synliga texten \"{0}\" finns med i namnet \"{1}\".",
                                           "The visible text \"{0}\" is part of the name \"{1}\"."}};
const Message kMissing{"label-not-in-name",
                       {"Den synliga texten \"{0}\" finns inte med i namnet \"{1}\". Den som styr med rösten "
                        "säger det hen ser, och då fungerar det inte.",
                        "The visible text \"{0}\" is not part of the name \"{1}\". People who use speech "
                        "control say what they see, and that will not work."}};
const Message kUnsure{"unsure",
                      {"Den synliga texten \"{0}\" verkar inte finnas med i namnet \"{1}\", men det kan bero på "
                       "siffror, förkortningar, ikoner eller CSS. Kontrollera att namnet börjar med det som syns.",
                       "The visible text \"{0}\" does not seem to be part of the name \"{1}\", but that may be "
                       "due to numbers, abbreviations, icons or CSS. Check that the name starts with what is "
                       "visible."}};

const RuleInfo kInfo{
    .id = "label-in-name",
    .title = {"Synlig text finns med i namnet", "Visible text is part of the name"},
    .description = {"Kontrollerar att länkar och knappar med aria-label eller aria-labelledby har ett namn som "
                    "innehåller den text som syns. Den som styr datorn med rösten säger det som står på knappen; "
                    "finns texten inte i namnet fungerar det inte.",
                    "Checks that links and buttons with aria-label or aria-labelledby have a name that contains "
                    "the visible text. People who control the computer by voice say what the button says; if "
                    "that text is not in the name, it does not work."},
    .help = {"Låt aria-label börja med den synliga texten, till exempel aria-label=\"Läs mer om bygglov\" för "
             "en länk med texten \"Läs mer\" — eller ta bort aria-label.",
             "Let aria-label start with the visible text, for example aria-label=\"Read more about building "
             "permits\" for a link that says \"Read more\" — or remove aria-label."},
    .criteria = {sc("2.5.3")},
    .act_rules = {"2ee8b8"},
    .axe_rules = {"label-content-name-mismatch"},
    .impact = Impact::Serious,
    .messages = {&kContained, &kMissing, &kUnsure},
};

// Decodes one UTF-8 code point at s[i], advancing i (invalid bytes count as themselves).
std::uint32_t next_code_point(std::string_view s, std::size_t& i) {
  auto b = static_cast<unsigned char>(s[i++]);
  if (b < 0x80) return b;
  int extra = b >= 0xF0 ? 3 : b >= 0xE0 ? 2 : b >= 0xC0 ? 1 : 0;
  std::uint32_t cp = b & (0x3F >> extra);
  for (int k = 0; k < extra && i < s.size(); ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i++]) & 0x3F);
  return cp;
}

// Letters and digits count; whitespace, punctuation and symbols separate words.
bool is_word_char(std::uint32_t cp) {
  if (cp < 0x80) return (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
  if (cp <= 0xBF || cp == 0xD7 || cp == 0xF7) return false;            // nbsp, Latin-1 symbols, × ÷
  if (cp >= 0x2000 && cp <= 0x2BFF) return false;                      // punctuation, symbols, arrows
  if (cp >= 0x3000 && cp <= 0x303F) return false;                      // CJK punctuation
  if (cp >= 0xFE00 && cp <= 0xFE0F) return false;                      // variation selectors
  if (cp >= 0x1F000) return false;                                     // emoji and pictographs
  return true;
}

std::vector<std::string> words(std::string_view s) {
  std::vector<std::string> out;
  std::string current;
  for (std::size_t i = 0; i < s.size();) {
    std::size_t start = i;
    std::uint32_t cp = next_code_point(s, i);
    if (is_word_char(cp)) {
      current.append(s.substr(start, i - start));
    } else if (!current.empty()) {
      out.push_back(text::ascii_lower(current));
      current.clear();
    }
  }
  if (!current.empty()) out.push_back(text::ascii_lower(current));
  return out;
}

std::string joined(const std::vector<std::string>& w) {
  std::string out;
  for (const std::string& x : w) out += x;
  return out;
}

bool contains_sequence(const std::vector<std::string>& hay, const std::vector<std::string>& needle) {
  if (needle.empty()) return true;
  for (std::size_t i = 0; i + needle.size() <= hay.size(); ++i) {
    bool all = true;
    for (std::size_t k = 0; k < needle.size() && all; ++k) all = hay[i + k] == needle[k];
    if (all) return true;
  }
  return false;
}

bool has_digit(std::string_view s) {
  for (char c : s) {
    if (c >= '0' && c <= '9') return true;
  }
  return false;
}

struct VisibleText {
  std::string text;
  bool uncertain = false;  // CSS may hide some of it
};

// In tree order with an explicit stack: no recursion over the DOM (issue #16).
void collect(Context& ctx, const html::Node& n, VisibleText& out) {
  std::vector<const html::Node*> stack(n.children().rbegin(), n.children().rend());
  while (!stack.empty()) {
    const html::Node* c = stack.back();
    stack.pop_back();
    if (c->is_text()) {
      out.text += c->data();
    } else if (c->is_element()) {
      aria::Tristate h = ctx.aria.hidden(*c);
      if (h == aria::Tristate::Yes) continue;
      if (h == aria::Tristate::Unknown || c->has_attr("class") || c->has_attr("style")) out.uncertain = true;
      if (c->is("br")) out.text += ' ';
      stack.insert(stack.end(), c->children().rbegin(), c->children().rend());
    }
  }
}

// The page may use an icon font (Material Icons, Font Awesome, ...) that draws words as
// pictures: then the visible "text" of a control is not what a person sees.
bool may_use_icon_font(const html::Document& doc) {
  for (const html::Node* e : doc.elements()) {
    std::string probe;
    if (e->is("link")) probe = std::string(e->attr("href").value_or(""));
    if (e->is("style")) probe = e->text_content();
    if (text::ascii_lower(probe).find("icon") != std::string::npos) return true;
  }
  return false;
}

bool name_from_content_widget(std::string_view role) {
  if (!aria::is_widget_role(role)) return false;
  const aria::RoleInfo* info = aria::find_role(role);
  return info && (info->name_from & aria::kNameFromContents);
}

void evaluate(Context& ctx, Reporter& out) {
  int icon_font = -1;  // computed on first need
  for (const html::Node* e : ctx.doc.elements()) {
    if (!e->has_attr("aria-label") && !e->has_attr("aria-labelledby")) continue;
    if (!name_from_content_widget(ctx.aria.role(*e))) continue;
    if (ctx.aria.hidden(*e) == aria::Tristate::Yes) continue;
    aria::AccessibleName name = ctx.aria.name(*e);
    if (name.source != aria::NameSource::AriaLabel && name.source != aria::NameSource::AriaLabelledby) continue;
    VisibleText visible;
    collect(ctx, *e, visible);
    std::vector<std::string> seen = words(visible.text);
    if (seen.empty()) continue;  // no visible text (an image, or only symbols)
    std::vector<std::string> named = words(name.text);
    std::string shown = text::collapse_whitespace(visible.text);
    if (contains_sequence(named, seen)) {
      out.passed(e, kContained, {shown, name.text});
      continue;
    }
    if (icon_font < 0) icon_font = may_use_icon_font(ctx.doc) ? 1 : 0;
    bool unsure = visible.uncertain || has_digit(visible.text) || has_digit(name.text) || icon_font == 1 ||
                  joined(seen).size() <= 1 || visible.text.find('(') != std::string::npos ||
                  visible.text.find('.') != std::string::npos ||
                  joined(named).find(joined(seen)) != std::string::npos;
    if (!unsure) {
      // A visible word that only starts a name word may be an abbreviation or a cut word.
      for (const std::string& s : seen) {
        for (const std::string& n : named) unsure = unsure || (n.size() > s.size() && n.starts_with(s));
      }
    }
    if (unsure) {
      out.cant_tell(e, kUnsure, {shown, name.text});
    } else {
      out.failed(e, kMissing, {shown, name.text});
    }
  }
}

const RuleRegistration kRegistration(kInfo, evaluate);

}  // namespace
}  // namespace granska::checks
