// html-has-lang and html-lang-valid: the page says which language it is in (WCAG 3.1.1,
// ACT b5c3f8 and bf051a). Twin rules: a missing lang is reported once, by html-has-lang;
// html-lang-valid only looks at a lang that is there.
#include "engine/registry.h"
#include "html/language_tag.h"
#include "util/text.h"

namespace granska::checks {
namespace {

using namespace engine;

const Message kHasLang{"has-lang", {"Sidans språk är angivet: lang=\"{0}\".", "The page language is set: lang=\"{0}\"."}};
const Message kNoLang{"no-lang", {"<html> saknar lang-attribut.", "<html> has no lang attribute."}};
const Message kEmptyLang{"empty-lang", {"lang-attributet på <html> är tomt.", "The lang attribute on <html> is empty."}};
const Message kOnlyXmlLang{"only-xml-lang",
                           {"<html> har bara xml:lang, som webbläsare inte använder i HTML. Lägg till lang.",
                            "<html> has only xml:lang, which browsers ignore in HTML. Add lang."}};

const RuleInfo kHasLangInfo{
    .id = "html-has-lang",
    .title = {"Sidans språk är angivet", "Page language is set"},
    .description = {"Kontrollerar att <html> har ett lang-attribut, så att skärmläsare läser upp texten med "
                    "rätt uttal.",
                    "Checks that <html> has a lang attribute, so screen readers read the text with the right "
                    "pronunciation."},
    .help = {"Ange sidans huvudspråk på <html>-elementet, till exempel <html lang=\"sv\"> för svenska. "
             "Det görs oftast en gång i webbplatsens sidmall.",
             "Set the page's main language on the <html> element, for example <html lang=\"sv\"> for "
             "Swedish. This is usually done once, in the site's page template."},
    .criteria = {sc("3.1.1")},
    .act_rules = {"b5c3f8"},
    .impact = Impact::Serious,
    .messages = {&kHasLang, &kNoLang, &kEmptyLang, &kOnlyXmlLang},
};

const Message kValidLang{"valid-lang", {"lang=\"{0}\" är en giltig språkkod.", "lang=\"{0}\" is a valid language code."}};
const Message kInvalidLang{"invalid-lang",
                           {"lang=\"{0}\" är inte en giltig språkkod (\"{1}\" är inget känt språk).",
                            "lang=\"{0}\" is not a valid language code (\"{1}\" is not a known language)."}};

const RuleInfo kValidInfo{
    .id = "html-lang-valid",
    .title = {"Sidans språkkod är giltig", "Page language code is valid"},
    .description = {"Kontrollerar att lang-attributet på <html> börjar med en giltig språkkod enligt BCP 47, "
                    "som \"sv\" eller \"en-GB\".",
                    "Checks that the lang attribute on <html> starts with a valid BCP 47 language code, such "
                    "as \"sv\" or \"en-GB\"."},
    .help = {"Använd en tvåbokstavskod för språket: \"sv\" för svenska, \"en\" för engelska, \"ar\" för "
             "arabiska. Tre bokstäver används bara för språk som saknar tvåbokstavskod, som \"sma\" "
             "(sydsamiska).",
             "Use the two-letter code of the language: \"sv\" for Swedish, \"en\" for English, \"ar\" for "
             "Arabic. Three letters are only for languages without a two-letter code, such as \"sma\" "
             "(Southern Sami)."},
    .criteria = {sc("3.1.1")},
    .act_rules = {"bf051a"},
    .impact = Impact::Serious,
    .messages = {&kValidLang, &kInvalidLang},
};

void evaluate_has_lang(Context& ctx, Reporter& out) {
  const html::Node* root = ctx.doc.html();
  if (!root) return;
  auto lang = root->attr("lang");
  if (!lang) {
    out.failed(root, root->has_attr("xml:lang") ? kOnlyXmlLang : kNoLang);
  } else if (text::trim(*lang).empty()) {
    out.failed(root, kEmptyLang);
  } else {
    out.passed(root, kHasLang, {std::string(*lang)});
  }
}

void evaluate_lang_valid(Context& ctx, Reporter& out) {
  const html::Node* root = ctx.doc.html();
  if (!root) return;
  auto lang = root->attr("lang");
  if (!lang || text::trim(*lang).empty()) return;
  if (html::has_valid_primary_language(*lang)) {
    out.passed(root, kValidLang, {std::string(*lang)});
  } else {
    out.failed(root, kInvalidLang, {std::string(*lang), std::string(html::primary_language_subtag(*lang))});
  }
}

const RuleRegistration kHasLangRegistration(kHasLangInfo, evaluate_has_lang);
const RuleRegistration kValidRegistration(kValidInfo, evaluate_lang_valid);

}  // namespace
}  // namespace granska::checks
