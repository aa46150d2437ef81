// pdf-text-unicode: the characters of every font used for text map to Unicode, so a
// screen reader gets the words and not glyph numbers (WCAG 1.3.1, PDF/UA-1 7.21.7;
// Matterhorn 31-027, 31-030). A /ToUnicode map, a standard encoding or a predefined CJK
// collection gives the mapping; glyph names granska does not know are cantTell.
#include "checks/common/document_rules.h"

namespace granska::checks {
namespace {

using namespace engine;
using documents::Font;

const Message kOk{"unicode", {"Texten i typsnittet {0} går att tolka som tecken.", "The text in the font {0} maps to characters."}};
const Message kNone{"no-unicode", {"Texten i typsnittet {0} saknar koppling till Unicode: en skärmläsare läser upp "
                                   "obegripliga tecken eller ingenting.",
                                   "The text in the font {0} has no mapping to Unicode: a screen reader reads out "
                                   "gibberish or nothing."}};
const Message kInvalid{"invalid-unicode", {"Typsnittet {0} kopplar tecken till ogiltiga Unicode-värden ({1}).",
                                           "The font {0} maps characters to invalid Unicode values ({1})."}};
const Message kUnknown{"unknown-glyph-names", {"Typsnittet {0} saknar ToUnicode och använder glyfnamn som granska inte "
                                               "känner igen: kontrollera att texten går att kopiera ut korrekt.",
                                               "The font {0} has no ToUnicode and uses glyph names granska does not "
                                               "know: check that its text copies out correctly."}};
const Message kUnread{"to-unicode-unreadable", {"Typsnittets {0} ToUnicode-tabell kunde inte läsas.",
                                                "The ToUnicode map of the font {0} could not be read."}};

const RuleInfo kInfo{
    .id = "pdf-text-unicode",
    .title = {"Texten går att läsa som tecken", "Text maps to characters"},
    .description = {"Kontrollerar att texten i varje typsnitt går att översätta till Unicode-tecken, så att den kan "
                    "läsas upp, sökas i och kopieras.",
                    "Checks that the text of every font can be translated to Unicode characters, so it can be read "
                    "aloud, searched and copied."},
    .help = {"Exportera om från källfilen med inbäddade, vanliga typsnitt (OpenType/TrueType). Undvik att skriva ut "
             "till PDF via skrivardrivrutiner som gör om text till glyfer.",
             "Re-export from the source file with embedded, common fonts (OpenType/TrueType). Avoid printing to "
             "PDF through printer drivers that turn text into glyphs."},
    .criteria = {sc("1.3.1")},
    .impact = Impact::Serious,
    .messages = {&kOk, &kNone, &kInvalid, &kUnknown, &kUnread},
    .subject = Subject::Pdf,
    .pdfua = "7.21.7",
    .matterhorn = {"31-027", "31-030"},
};

void evaluate(const DocumentContext& ctx, Reporter& out) {
  if (!doc::readable(ctx)) return;
  for (const Font& f : ctx.doc.pdf.fonts) {
    const Place where{f.first_page, {}, f.object, doc::excerpt(f.name, 60)};
    const std::string name = doc::excerpt(f.name.empty() ? f.subtype : f.name, 60);
    if (!f.invalid_unicode.empty()) {
      std::string values;
      for (const std::string& v : f.invalid_unicode) values += (values.empty() ? "U+" : ", U+") + v;
      out.failed(where, kInvalid, {name, values});
    } else if (f.mapping == Font::Mapping::None) {
      out.failed(where, kNone, {name});
    } else if (f.mapping == Font::Mapping::Unknown) {
      out.cant_tell(where, kUnknown, {name});
    } else if (f.has_to_unicode && !f.to_unicode_readable) {
      out.cant_tell(where, kUnread, {name});
    } else {
      out.passed(where, kOk, {name});
    }
  }
}

const RuleRegistration kRegistration(kInfo, evaluate);

}  // namespace
}  // namespace granska::checks
