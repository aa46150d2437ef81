// html-has-lang and html-lang-valid: the page says which language it is in (WCAG 3.1.1,
// ACT b5c3f8 and bf051a). Twin rules: a missing lang is reported once, by html-has-lang;
// html-lang-valid only looks at a lang that is there.
//
// Third twin, html-xml-lang-mismatch (axe-core "html-xml-lang-mismatch"): when <html> has
// both lang and xml:lang, their primary languages agree. Best practice: in a page served
// as HTML, browsers take the language from lang and ignore xml:lang, so a mismatch changes
// nothing that screen readers get; it only shows that one of them was left behind (and an
// XHTML reader would use the other).
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
    .axe_rules = {"html-has-lang"},
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
    .axe_rules = {"html-lang-valid"},
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

const Message kLangsMatch{"match", {"lang=\"{0}\" och xml:lang=\"{1}\" anger samma språk.",
                                    "lang=\"{0}\" and xml:lang=\"{1}\" give the same language."}};
const Message kLangsDiffer{"mismatch",
                           {"lang=\"{0}\" och xml:lang=\"{1}\" anger olika språk. Webbläsare använder lang; ändra "
                            "xml:lang så att de stämmer, eller ta bort xml:lang.",
                            "lang=\"{0}\" and xml:lang=\"{1}\" give different languages. Browsers use lang; change "
                            "xml:lang so they agree, or remove xml:lang."}};

const RuleInfo kMismatchInfo{
    .id = "html-xml-lang-mismatch",
    .title = {"lang och xml:lang anger samma språk", "lang and xml:lang give the same language"},
    .description = {"Kontrollerar att lang och xml:lang på <html>, när båda finns, anger samma språk.",
                    "Checks that lang and xml:lang on <html>, when both are there, give the same language."},
    .help = {"Sätt samma språkkod i båda, till exempel lang=\"sv\" xml:lang=\"sv\", eller ta bort xml:lang, som "
             "inte behövs i HTML.",
             "Set the same language code in both, for example lang=\"sv\" xml:lang=\"sv\", or remove xml:lang, "
             "which HTML does not need."},
    .criteria = {sc("3.1.1")},
    .axe_rules = {"html-xml-lang-mismatch"},
    .impact = Impact::Minor,
    .kind = RuleKind::BestPractice,
    .messages = {&kLangsMatch, &kLangsDiffer},
};

void evaluate_mismatch(Context& ctx, Reporter& out) {
  const html::Node* root = ctx.doc.html();
  if (!root) return;
  auto lang = root->attr("lang");
  auto xml_lang = root->attr("xml:lang");
  if (!lang || !xml_lang || text::trim(*lang).empty() || text::trim(*xml_lang).empty()) return;
  std::string a = text::ascii_lower(html::primary_language_subtag(*lang));
  std::string b = text::ascii_lower(html::primary_language_subtag(*xml_lang));
  std::vector<std::string> args{std::string(text::trim(*lang)), std::string(text::trim(*xml_lang))};
  if (a == b) {
    out.passed(root, kLangsMatch, std::move(args));
  } else {
    out.failed(root, kLangsDiffer, std::move(args));
  }
}

const RuleRegistration kHasLangRegistration(kHasLangInfo, evaluate_has_lang);
const RuleRegistration kMismatchRegistration(kMismatchInfo, evaluate_mismatch);
const RuleRegistration kValidRegistration(kValidInfo, evaluate_lang_valid);

}  // namespace
}  // namespace granska::checks
