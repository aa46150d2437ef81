// element-lang-valid: a lang attribute inside the page body names a real language
// (ACT de46e4, WCAG 3.1.2). Applies to elements in <body> (inclusive) with a non-empty
// lang whose language reaches some content: a non-blank text node that is rendered or a
// descendant with an accessible name (such as an image's alt), not claimed by a nearer
// lang. The <html> element is html-lang-valid's business.
#include "engine/registry.h"
#include "html/language_tag.h"
#include "util/text.h"

namespace granska::checks {
namespace {

using namespace engine;

const Message kValidLang{"valid-lang", {"lang=\"{0}\" är en giltig språkkod.", "lang=\"{0}\" is a valid language code."}};
const Message kInvalidLang{"invalid-lang",
                           {"lang=\"{0}\" är inte en giltig språkkod, så skärmläsaren vet inte hur texten ska "
                            "uttalas.",
                            "lang=\"{0}\" is not a valid language code, so the screen reader does not know how "
                            "to pronounce the text."}};
const Message kMaybeHidden{"maybe-hidden",
                           {"lang=\"{0}\" är inte en giltig språkkod, men texten kan vara dold med CSS som granska "
                            "inte kunde utvärdera. Kontrollera om den syns.",
                            "lang=\"{0}\" is not a valid language code, but the text may be hidden by CSS that "
                            "granska could not evaluate. Check whether it is visible."}};

const RuleInfo kInfo{
    .id = "element-lang-valid",
    .title = {"Språkbyten har giltig språkkod", "Language changes have a valid language code"},
    .description = {"Kontrollerar att lang-attribut på delar av sidan, till exempel ett citat på engelska, "
                    "har en giltig språkkod, så att skärmläsare byter till rätt uttal.",
                    "Checks that lang attributes on parts of the page, for example a quote in English, have a "
                    "valid language code, so screen readers switch to the right pronunciation."},
    .help = {"Använd språkets tvåbokstavskod, till exempel lang=\"en\" för engelska eller lang=\"fi\" för "
             "finska, inte språkets namn som lang=\"english\".",
             "Use the language's two-letter code, for example lang=\"en\" for English or lang=\"fi\" for "
             "Finnish, not the language's name such as lang=\"english\"."},
    .criteria = {sc("3.1.2")},
    .act_rules = {"de46e4"},
    .axe_rules = {"valid-lang"},
    .impact = Impact::Serious,
    .messages = {&kValidLang, &kInvalidLang, &kMaybeHidden},
};

bool has_visible_text(const html::Node& n) {
  for (const html::Node* c : n.children()) {
    if (c->is_text() && !text::trim(c->data()).empty()) return true;
  }
  return false;
}

enum class Reach { None, Unknown, Yes };

// Whether the language of `e` reaches rendered text or a named element.
Reach reach(Context& ctx, const html::Node& e) {
  Reach result = Reach::None;
  auto consider = [&](const html::Node& n) {
    if (has_visible_text(n)) {
      aria::Tristate hidden = ctx.aria.hidden(n);
      if (hidden == aria::Tristate::No) result = Reach::Yes;
      else if (hidden == aria::Tristate::Unknown) result = Reach::Unknown;
      if (result == Reach::Yes) return;
    }
    if (!ctx.aria.role(n).empty() && ctx.aria.hidden_from_at(n) != aria::Tristate::Yes &&
        !ctx.aria.name(n).text.empty()) {
      if (ctx.aria.hidden_from_at(n) == aria::Tristate::No) result = Reach::Yes;
      else result = Reach::Unknown;
    }
  };
  consider(e);
  auto descendants = e.descendant_elements();
  for (std::size_t i = 0; i < descendants.size() && result != Reach::Yes; ++i) {
    const html::Node* d = descendants[i];
    if (d->has_attr("lang")) {  // a nearer lang takes over this subtree
      i += d->descendant_elements().size();
      continue;
    }
    consider(*d);
  }
  return result;
}

void evaluate(Context& ctx, Reporter& out) {
  const html::Node* body = ctx.doc.body();
  if (!body) return;
  for (const html::Node* e : ctx.doc.elements()) {
    auto lang = e->attr("lang");
    if (!lang || lang->empty() || !body->contains(*e)) continue;
    Reach r = reach(ctx, *e);
    if (r == Reach::None) continue;
    if (html::has_valid_primary_language(*lang)) {
      out.passed(e, kValidLang, {std::string(*lang)});
    } else if (r == Reach::Unknown) {
      out.cant_tell(e, kMaybeHidden, {std::string(*lang)});
    } else {
      out.failed(e, kInvalidLang, {std::string(*lang)});
    }
  }
}

const RuleRegistration kRegistration(kInfo, evaluate);

}  // namespace
}  // namespace granska::checks
