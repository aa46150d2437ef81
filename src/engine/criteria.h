// The WCAG 2.1 success criteria and their EN 301 549 clauses, in one table. Rules name
// criteria through sc("1.1.1"), which is checked at compile time: a typo does not build.
#pragma once

#include <array>
#include <span>
#include <string_view>

#include "util/lang.h"

namespace granska::engine {

enum class Level : unsigned char { A, AA, AAA };

struct Criterion {
  std::string_view number;  // "1.1.1"
  Level level;
  Text title;
  // EN 301 549 V3.2.1 clause for web content ("9.1.1.1"); empty for AAA, which EN 301 549
  // does not require.
  std::string_view en_clause;
  // The clause for non-web documents ("10.1.1.1"); empty for AAA and for the criteria
  // clause 10 leaves void for single documents (2.4.1, 2.4.5, 3.2.3, 3.2.4).
  std::string_view doc_clause = {};
};

// The EN 301 549 clause a rule's findings fall under: clause 10 for document rules,
// clause 9 for web pages.
inline std::string_view en_clause_for(const Criterion& c, bool document) {
  return document ? c.doc_clause : c.en_clause;
}

std::string_view to_string(Level level);
// All WCAG 2.1 success criteria in numeric order.
std::span<const Criterion> all_criteria();
const Criterion* find_criterion(std::string_view number);

namespace detail {
// Keep sorted in WCAG order; titles in Swedish follow the Swedish WCAG 2.1 translation's
// names where they exist.
inline constexpr std::array<Criterion, 78> kCriteria{{
    {"1.1.1", Level::A, {"Icke-textuellt innehåll", "Non-text Content"}, "9.1.1.1", "10.1.1.1"},
    {"1.2.1", Level::A, {"Enbart ljud och enbart video (förinspelat)", "Audio-only and Video-only (Prerecorded)"}, "9.1.2.1", "10.1.2.1"},
    {"1.2.2", Level::A, {"Undertexter (förinspelat)", "Captions (Prerecorded)"}, "9.1.2.2", "10.1.2.2"},
    {"1.2.3", Level::A, {"Syntolkning eller mediealternativ (förinspelat)", "Audio Description or Media Alternative (Prerecorded)"}, "9.1.2.3", "10.1.2.3"},
    {"1.2.4", Level::AA, {"Undertexter (direktsänt)", "Captions (Live)"}, "9.1.2.4", "10.1.2.4"},
    {"1.2.5", Level::AA, {"Syntolkning (förinspelat)", "Audio Description (Prerecorded)"}, "9.1.2.5", "10.1.2.5"},
    {"1.2.6", Level::AAA, {"Teckenspråk (förinspelat)", "Sign Language (Prerecorded)"}, "", ""},
    {"1.2.7", Level::AAA, {"Utökad syntolkning (förinspelat)", "Extended Audio Description (Prerecorded)"}, "", ""},
    {"1.2.8", Level::AAA, {"Mediealternativ (förinspelat)", "Media Alternative (Prerecorded)"}, "", ""},
    {"1.2.9", Level::AAA, {"Enbart ljud (direktsänt)", "Audio-only (Live)"}, "", ""},
    {"1.3.1", Level::A, {"Information och relationer", "Info and Relationships"}, "9.1.3.1", "10.1.3.1"},
    {"1.3.2", Level::A, {"Meningsfull ordningsföljd", "Meaningful Sequence"}, "9.1.3.2", "10.1.3.2"},
    {"1.3.3", Level::A, {"Sensoriska egenskaper", "Sensory Characteristics"}, "9.1.3.3", "10.1.3.3"},
    {"1.3.4", Level::AA, {"Visningsriktning", "Orientation"}, "9.1.3.4", "10.1.3.4"},
    {"1.3.5", Level::AA, {"Identifiera syftet med inmatningar", "Identify Input Purpose"}, "9.1.3.5", "10.1.3.5"},
    {"1.3.6", Level::AAA, {"Identifiera syftet", "Identify Purpose"}, "", ""},
    {"1.4.1", Level::A, {"Användning av färg", "Use of Color"}, "9.1.4.1", "10.1.4.1"},
    {"1.4.2", Level::A, {"Ljudkontroll", "Audio Control"}, "9.1.4.2", "10.1.4.2"},
    {"1.4.3", Level::AA, {"Kontrast (minimum)", "Contrast (Minimum)"}, "9.1.4.3", "10.1.4.3"},
    {"1.4.4", Level::AA, {"Ändra textstorlek", "Resize Text"}, "9.1.4.4", "10.1.4.4"},
    {"1.4.5", Level::AA, {"Bilder av text", "Images of Text"}, "9.1.4.5", "10.1.4.5"},
    {"1.4.6", Level::AAA, {"Kontrast (förbättrad)", "Contrast (Enhanced)"}, "", ""},
    {"1.4.7", Level::AAA, {"Svagt eller inget bakgrundsljud", "Low or No Background Audio"}, "", ""},
    {"1.4.8", Level::AAA, {"Visuell presentation", "Visual Presentation"}, "", ""},
    {"1.4.9", Level::AAA, {"Bilder av text (inga undantag)", "Images of Text (No Exception)"}, "", ""},
    {"1.4.10", Level::AA, {"Anpassning till skärmstorlek", "Reflow"}, "9.1.4.10", "10.1.4.10"},
    {"1.4.11", Level::AA, {"Kontrast för icke-textuellt innehåll", "Non-text Contrast"}, "9.1.4.11", "10.1.4.11"},
    {"1.4.12", Level::AA, {"Textavstånd", "Text Spacing"}, "9.1.4.12", "10.1.4.12"},
    {"1.4.13", Level::AA, {"Innehåll vid hovring eller fokus", "Content on Hover or Focus"}, "9.1.4.13", "10.1.4.13"},
    {"2.1.1", Level::A, {"Tangentbord", "Keyboard"}, "9.2.1.1", "10.2.1.1"},
    {"2.1.2", Level::A, {"Ingen tangentbordsfälla", "No Keyboard Trap"}, "9.2.1.2", "10.2.1.2"},
    {"2.1.3", Level::AAA, {"Tangentbord (inga undantag)", "Keyboard (No Exception)"}, "", ""},
    {"2.1.4", Level::A, {"Kortkommandon med tecken", "Character Key Shortcuts"}, "9.2.1.4", "10.2.1.4"},
    {"2.2.1", Level::A, {"Justerbar tidsgräns", "Timing Adjustable"}, "9.2.2.1", "10.2.2.1"},
    {"2.2.2", Level::A, {"Pausa, stoppa, dölj", "Pause, Stop, Hide"}, "9.2.2.2", "10.2.2.2"},
    {"2.2.3", Level::AAA, {"Ingen tidsgräns", "No Timing"}, "", ""},
    {"2.2.4", Level::AAA, {"Avbrott", "Interruptions"}, "", ""},
    {"2.2.5", Level::AAA, {"Återautentisering", "Re-authenticating"}, "", ""},
    {"2.2.6", Level::AAA, {"Tidsgränser", "Timeouts"}, "", ""},
    {"2.3.1", Level::A, {"Tre blinkningar eller under tröskelvärdet", "Three Flashes or Below Threshold"}, "9.2.3.1", "10.2.3.1"},
    {"2.3.2", Level::AAA, {"Tre blinkningar", "Three Flashes"}, "", ""},
    {"2.3.3", Level::AAA, {"Animering från interaktioner", "Animation from Interactions"}, "", ""},
    {"2.4.1", Level::A, {"Förbigå block", "Bypass Blocks"}, "9.2.4.1", ""},
    {"2.4.2", Level::A, {"Sidtitel", "Page Titled"}, "9.2.4.2", "10.2.4.2"},
    {"2.4.3", Level::A, {"Fokusordning", "Focus Order"}, "9.2.4.3", "10.2.4.3"},
    {"2.4.4", Level::A, {"Syfte med länk (i sitt sammanhang)", "Link Purpose (In Context)"}, "9.2.4.4", "10.2.4.4"},
    {"2.4.5", Level::AA, {"Flera sätt", "Multiple Ways"}, "9.2.4.5", ""},
    {"2.4.6", Level::AA, {"Rubriker och etiketter", "Headings and Labels"}, "9.2.4.6", "10.2.4.6"},
    {"2.4.7", Level::AA, {"Synligt fokus", "Focus Visible"}, "9.2.4.7", "10.2.4.7"},
    {"2.4.8", Level::AAA, {"Plats", "Location"}, "", ""},
    {"2.4.9", Level::AAA, {"Syfte med länk (enbart länk)", "Link Purpose (Link Only)"}, "", ""},
    {"2.4.10", Level::AAA, {"Avsnittsrubriker", "Section Headings"}, "", ""},
    {"2.5.1", Level::A, {"Pekargester", "Pointer Gestures"}, "9.2.5.1", "10.2.5.1"},
    {"2.5.2", Level::A, {"Pekaravbrytning", "Pointer Cancellation"}, "9.2.5.2", "10.2.5.2"},
    {"2.5.3", Level::A, {"Etikett i namn", "Label in Name"}, "9.2.5.3", "10.2.5.3"},
    {"2.5.4", Level::A, {"Rörelseaktivering", "Motion Actuation"}, "9.2.5.4", "10.2.5.4"},
    {"2.5.5", Level::AAA, {"Målstorlek", "Target Size"}, "", ""},
    {"2.5.6", Level::AAA, {"Samtidiga inmatningsmekanismer", "Concurrent Input Mechanisms"}, "", ""},
    {"3.1.1", Level::A, {"Sidans språk", "Language of Page"}, "9.3.1.1", "10.3.1.1"},
    {"3.1.2", Level::AA, {"Språk för delar", "Language of Parts"}, "9.3.1.2", "10.3.1.2"},
    {"3.1.3", Level::AAA, {"Ovanliga ord", "Unusual Words"}, "", ""},
    {"3.1.4", Level::AAA, {"Förkortningar", "Abbreviations"}, "", ""},
    {"3.1.5", Level::AAA, {"Läsnivå", "Reading Level"}, "", ""},
    {"3.1.6", Level::AAA, {"Uttal", "Pronunciation"}, "", ""},
    {"3.2.1", Level::A, {"Fokus", "On Focus"}, "9.3.2.1", "10.3.2.1"},
    {"3.2.2", Level::A, {"Inmatning", "On Input"}, "9.3.2.2", "10.3.2.2"},
    {"3.2.3", Level::AA, {"Konsekvent navigering", "Consistent Navigation"}, "9.3.2.3", ""},
    {"3.2.4", Level::AA, {"Konsekvent identifiering", "Consistent Identification"}, "9.3.2.4", ""},
    {"3.2.5", Level::AAA, {"Ändring på begäran", "Change on Request"}, "", ""},
    {"3.3.1", Level::A, {"Identifiering av fel", "Error Identification"}, "9.3.3.1", "10.3.3.1"},
    {"3.3.2", Level::A, {"Etiketter eller instruktioner", "Labels or Instructions"}, "9.3.3.2", "10.3.3.2"},
    {"3.3.3", Level::AA, {"Förslag vid fel", "Error Suggestion"}, "9.3.3.3", "10.3.3.3"},
    {"3.3.4", Level::AA, {"Förhindra fel (juridiska, ekonomiska, data)", "Error Prevention (Legal, Financial, Data)"}, "9.3.3.4", "10.3.3.4"},
    {"3.3.5", Level::AAA, {"Hjälp", "Help"}, "", ""},
    {"3.3.6", Level::AAA, {"Förhindra fel (alla)", "Error Prevention (All)"}, "", ""},
    {"4.1.1", Level::A, {"Parsning", "Parsing"}, "9.4.1.1", "10.4.1.1"},
    {"4.1.2", Level::A, {"Namn, roll, värde", "Name, Role, Value"}, "9.4.1.2", "10.4.1.2"},
    {"4.1.3", Level::AA, {"Statusmeddelanden", "Status Messages"}, "9.4.1.3", "10.4.1.3"},
}};

static_assert(kCriteria.front().number == "1.1.1" && kCriteria.back().number == "4.1.3",
              "the table must hold all 78 WCAG 2.1 success criteria");

consteval bool known_criterion(std::string_view number) {
  for (const Criterion& c : kCriteria) {
    if (c.number == number) return true;
  }
  return false;
}
}  // namespace detail

// A checked reference to a success criterion: sc("1.1.1"). An unknown number is a
// compile-time error ("call to consteval function is not a constant expression").
struct CriterionRef {
  std::string_view number;
};
consteval CriterionRef sc(std::string_view number) {
  if (!detail::known_criterion(number)) throw "unknown WCAG 2.1 success criterion";
  return CriterionRef{number};
}

}  // namespace granska::engine
