// pdf-document-language: the language of the text can be determined (WCAG 3.1.1, PDF/UA-1
// 7.2; Matterhorn 11-001..11-005): a valid BCP 47 /Lang in the catalog, or, where the
// catalog has none, a /Lang on every structure element with text or alternate text (or on
// an ancestor), on marked content that carries Alt, ActualText or E, and on the structure
// element around every annotation with a description or form field with a name.
#include <algorithm>
#include <map>

#include "checks/common/document_rules.h"
#include "html/language_tag.h"

namespace granska::checks {
namespace {

using namespace engine;

const Message kCatalog{"document-language", {"Dokumentets språk är angivet: {0}.", "The document language is set: {0}."}};
const Message kInvalid{"invalid-language", {"Dokumentets språkkod \"{0}\" är inte en giltig språkkod.",
                                            "The document language code \"{0}\" is not a valid language code."}};
const Message kPerPart{"language-per-part", {"Dokumentet saknar ett övergripande språk men alla delar med text har "
                                             "ett angivet språk.",
                                             "The document has no overall language, but every part with text has "
                                             "one."}};
const Message kMissing{"no-language", {"Dokumentets språk är inte angivet (/Lang saknas i katalogen): skärmläsare "
                                       "kan läsa upp texten med fel uttal.",
                                       "The document language is not set (/Lang is missing from the catalog): "
                                       "screen readers may read the text with the wrong pronunciation."}};
const Message kText{"text-without-language",
                    {"Texten i den här delen har inget angivet språk (varken på taggen, de omgivande taggarna eller "
                     "dokumentet).",
                     "The text of this part has no language (neither on the tag, the tags around it nor the "
                     "document)."}};
const Message kAlt{"alt-without-language",
                   {"Alternativ- eller ersättningstexten i den här delen har inget angivet språk.",
                    "The alternate or replacement text of this part has no language."}};
const Message kContentAlt{"content-alt-without-language",
                          {"Ersättningstext i sidans innehåll (Alt, ActualText eller E) har inget angivet språk.",
                           "Replacement text in the page content (Alt, ActualText or E) has no language."}};
const Message kAnnotation{"annotation-without-language",
                          {"Beskrivningen av {0}-annoteringen har inget angivet språk.",
                           "The description of the {0} annotation has no language."}};

const RuleInfo kInfo{
    .id = "pdf-document-language",
    .title = {"PDF-dokumentets språk är angivet", "PDF document language is set"},
    .description = {"Kontrollerar att dokumentet anger vilket språk texten är skriven på, med en giltig språkkod, så "
                    "att skärmläsare läser upp den med rätt uttal.",
                    "Checks that the document states the language of its text with a valid language code, so "
                    "screen readers pronounce it correctly."},
    .help = {"Ange dokumentets språk i källfilen (i Word: Granska > Språk) innan export. I Acrobat: Arkiv > "
             "Egenskaper > Avancerat > Språk, till exempel sv-SE.",
             "Set the document language in the source file (in Word: Review > Language) before exporting. In "
             "Acrobat: File > Properties > Advanced > Language, for example sv-SE."},
    .criteria = {sc("3.1.1")},
    .impact = Impact::Serious,
    .messages = {&kCatalog, &kInvalid, &kPerPart, &kMissing, &kText, &kAlt, &kContentAlt, &kAnnotation},
    .subject = Subject::Pdf,
    .pdfua = "7.2",
    .matterhorn = {"11-001", "11-002", "11-003", "11-004", "11-005"},
};

constexpr std::size_t kMaxReported = 50;

void evaluate(const DocumentContext& ctx, Reporter& out) {
  if (!doc::readable(ctx)) return;
  const documents::Pdf& p = ctx.doc.pdf;
  if (doc::non_empty(p.catalog.lang)) {
    if (html::has_valid_primary_language(*p.catalog.lang)) {
      out.passed(doc::document_place(), kCatalog, {doc::excerpt(*p.catalog.lang, 35)});
    } else {
      out.failed(doc::document_place(), kInvalid, {doc::excerpt(*p.catalog.lang, 35)});
    }
    return;
  }
  // No document language: every part with text needs one of its own.
  std::size_t checked = 0, missing = 0;
  auto miss = [&](const Place& where, const Message& m, std::vector<std::string> args = {}) {
    if (++missing <= kMaxReported) out.failed(where, m, std::move(args));
  };
  std::map<std::uint32_t, std::map<int, const documents::Element*>> owner;  // page → MCID → element
  for (const documents::Element& e : p.elements) {
    for (int mcid : e.mcids) owner[e.page][mcid] = &e;
    const bool alt = e.alt || e.actual_text || e.expansion;
    if (!alt && e.mcids.empty()) continue;
    ++checked;
    if (!doc::language_of(p, &e)) miss(doc::place(e), alt ? kAlt : kText);
  }
  for (const documents::PageInfo& page : p.pages) {
    for (int mcid : page.text_without_lang) {
      ++checked;
      const documents::Element* e = nullptr;
      if (auto pi = owner.find(page.number); pi != owner.end() && mcid >= 0) {
        if (auto it = pi->second.find(mcid); it != pi->second.end()) e = it->second;
      }
      if (!doc::language_of(p, e)) miss(e ? doc::place(*e) : doc::page_place(page.number, page.object), kContentAlt);
    }
  }
  for (const documents::Annotation& a : p.annotations) {
    const bool text = doc::non_empty(a.contents) || (a.widget && doc::non_empty(a.field_tu));
    if (!text || !doc::presented(a)) continue;
    ++checked;
    const documents::Element* e = a.element >= 0 ? &p.elements[static_cast<std::size_t>(a.element)] : nullptr;
    if (!doc::language_of(p, e)) miss(doc::annotation_place(p, a), kAnnotation, {a.subtype});
  }
  const bool untagged_text =
      p.elements.empty() && std::any_of(p.pages.begin(), p.pages.end(), [](const auto& pg) { return pg.text_operators > 0; });
  if (untagged_text || (checked == 0 && missing == 0)) {
    // Nothing else can carry a language: the document needs one.
    out.failed(doc::document_place(), kMissing);
  } else if (missing == 0) {
    out.passed(doc::document_place(), kPerPart);
  }
}

const RuleRegistration kRegistration(kInfo, evaluate);

}  // namespace
}  // namespace granska::checks
