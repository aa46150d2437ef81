#include "engine/axe_core.h"

namespace granska::engine {

namespace {

constexpr UnmappedAxeRule kUnmapped[] = {
    {"aria-text",
     {"role=\"text\" är ingen WAI-ARIA-roll (bara Safari känner till den); aria-role-valid rapporterar varje "
      "användning av den.",
      "role=\"text\" is no WAI-ARIA role (only Safari knows it); aria-role-valid reports every use of it."}},
    {"focus-order-semantics",
     {"Experimentell i axe-core. granska kontrollerar det omvända, klickbara element som inte går att nå med "
      "tangentbordet (click-handler-not-focusable); vad ett fokuserbart element utan roll gör kräver en person.",
      "Experimental in axe-core. granska checks the reverse, clickable elements that the keyboard cannot reach "
      "(click-handler-not-focusable); what a focusable element without a role does takes a person."}},
    {"frame-tested",
     {"Ett meddelande från axe-core om ramar som axe inte kunde gå in i, ingen brist på sidan. granska granskar "
      "ramarnas sidor för sig när de crawlas.",
      "A notice from axe-core about frames axe could not enter, not a barrier on the page. granska checks the "
      "frames' pages on their own when they are crawled."}},
    {"hidden-content",
     {"En uppmaning i axe-core att titta på dolt innehåll, ingen brist. granska säger i varje regel när CSS den "
      "inte kunde utvärdera kan dölja något (kan ej avgöra).",
      "A prompt in axe-core to look at hidden content, not a barrier. granska says in each rule when CSS it could "
      "not evaluate may hide something (cannot tell)."}},
    {"link-in-text-block",
     {"Kräver länkarnas och textens färger och understrykning som de ritas; granska läser ännu inte "
      "text-decoration ur sidans CSS (stilmodulen, ärende 14).",
      "Needs the colours and underlining of links and text as rendered; granska does not yet read "
      "text-decoration from the page's CSS (the style module, issue 14)."}},
    {"p-as-heading",
     {"Experimentell i axe-core och kräver textens storlek och vikt som de ritas, jämfört med texten runt "
      "omkring; med bara sidans egen CSS blir det gissningar.",
      "Experimental in axe-core, and needs the text's size and weight as rendered, compared with the text "
      "around it; with only the page's own CSS it would be guesswork."}},
    {"target-size",
     {"Gäller WCAG 2.2 (2.5.8), inte WCAG 2.1 som EN 301 549 och DOS-lagen hänvisar till, och kräver "
      "klickytornas storlek och avstånd som de ritas.",
      "Belongs to WCAG 2.2 (2.5.8), not WCAG 2.1 which EN 301 549 and the DOS law refer to, and needs the size "
      "and spacing of targets as rendered."}},
};

constexpr bool sorted() {
  for (std::size_t i = 1; i < std::size(kUnmapped); ++i) {
    if (!(kUnmapped[i - 1].id < kUnmapped[i].id)) return false;
  }
  return true;
}
static_assert(sorted(), "kUnmapped must be sorted by id");

}  // namespace

std::span<const UnmappedAxeRule> unmapped_axe_rules() { return kUnmapped; }

}  // namespace granska::engine
