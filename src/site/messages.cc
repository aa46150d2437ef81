#include "site/messages.h"

#include <vector>

#include "engine/rule.h"

namespace granska::site {

namespace {

// Which arguments are codes granska made (translated here) rather than page text.
enum ArgKind : unsigned char { Plain, Block, Ways, Reached, SearchPart, Items, LinkName };

struct Message {
  std::string_view id;
  Text text;
  std::vector<ArgKind> args = {};  // kinds of {0}, {1}, ...; missing ones are Plain
};

const std::vector<Message>& messages() {
  static const std::vector<Message> kMessages = {
      // The statement.
      {"no-statement",
       {"Ingen länk till en tillgänglighetsredogörelse hittades på någon av webbplatsens {0} granskade sidor. Lagen "
        "(2018:1937) 16 § kräver en redogörelse, och DIGG anger att länken ska finnas på startsidan eller på alla "
        "sidor, till exempel i sidfoten.",
        "No link to an accessibility statement was found on any of the site's {0} checked pages. The law (2018:1937, "
        "section 16) requires a statement, and DIGG says the link must be on the start page or on every page, for "
        "example in the footer."}},
      {"statement-link-missing",
       {"Sidan länkar inte till tillgänglighetsredogörelsen ({0}). Startsidan gör det inte heller, så länken behöver "
        "finnas på varje sida, till exempel i sidfoten.",
        "The page does not link to the accessibility statement ({0}). Nor does the start page, so the link must be on "
        "every page, for example in the footer."}},
      {"statement-unreadable",
       {"Tillgänglighetsredogörelsen {0} kunde inte läsas: {1}", "The accessibility statement {0} could not be read: {1}"}},
      {"statement-pdf",
       {"Tillgänglighetsredogörelsen {0} är ett dokument ({1}), inte en webbsida: DIGG anger att den ska publiceras i "
        "ett tillgängligt format, helst som webbsida. granska läser ännu inte redogörelser i dokument; innehållet "
        "kräver manuell granskning.",
        "The accessibility statement {0} is a document ({1}), not a web page: DIGG says it must be published in an "
        "accessible format, preferably a web page. granska does not read statements in documents yet; its contents "
        "need a manual review."}},
      {"statement-missing-items",
       {"Tillgänglighetsredogörelsen {0} saknar {1} av de elva uppgifter DIGG anger: {2}.",
        "The accessibility statement {0} lacks {1} of the eleven items DIGG lists: {2}."},
       {Plain, Plain, Items}},
      // Notes on a statement item.
      {"not-in-digg-words",
       {"Följsamheten anges inte med DIGG:s formulering (helt förenlig, delvis förenlig eller inte förenlig).",
        "Compliance is not stated in DIGG's words (fully, partially or not compliant)."}},
      {"no-date", {"Frasen finns men inget datum i samma mening.", "The phrase is there but no date in the same sentence."}},
      {"stale",
       {"Senast uppdaterad {0}, mer än ett år före genomsökningen ({1}): redogörelsen ska hållas aktuell.",
        "Last updated {0}, more than a year before the scan ({1}): the statement must be kept up to date."}},
      {"no-means",
       {"Ingen e-postadress, telefon, formulär eller länk hittades i samma stycke.",
        "No e-mail address, telephone number, form or link was found in the same paragraph."}},
      {"digg-not-linked",
       {"DIGG nämns, men länken till anmälningsfunktionen (digg.se/tdosanmalan) hittades inte.",
        "DIGG is mentioned, but the link to its reporting function (digg.se/tdosanmalan) was not found."}},
      {"fully-compliant",
       {"Behövs inte: redogörelsen anger att webbplatsen är helt förenlig.",
        "Not needed: the statement says the site is fully compliant."}},
      {"only-if-exempted",
       {"Nämns inte. Behövs bara om något innehåll undantas; kontrollera att inget gör det.",
        "Not mentioned. Needed only when content is exempted; check that none is."}},
      {"general-phrase",
       {"Bara en allmän formulering hittades; kontrollera att uppgiften finns.",
        "Only a general phrase was found; check that the item is there."}},
      {"names-owner", {"Nämner {0}.", "Names {0}."}},
      // 3.2.3
      {"nav-order",
       {"I {0} kommer ”{1}” före ”{2}”; på {3} andra sidor är ordningen den omvända.",
        "In {0}, “{1}” comes before “{2}”; on {3} other pages the order is the reverse."},
       {Block}},
      {"nav-order-tie",
       {"I {0} kommer ”{1}” före ”{2}” på {3} sidor och i omvänd ordning på lika många: vilken ordning som är "
        "webbplatsens behöver en person avgöra.",
        "In {0}, “{1}” comes before “{2}” on {3} pages and after it on as many: a person needs to decide which order is "
        "the site's."},
       {Block}},
      {"block-order",
       {"{0} kommer före {1} på sidan; på {2} andra sidor kommer det efter.",
        "{0} comes before {1} on the page; on {2} other pages it comes after."},
       {Block, Block}},
      // 3.2.4
      {"name-variant",
       {"Länken till {0} i {1} heter ”{2}” här men ”{3}” på {4} andra sidor.",
        "The link to {0} in {1} is named “{2}” here but “{3}” on {4} other pages."},
       {Plain, Block}},
      {"name-variant-similar",
       {"Länken till {0} i {1} heter ”{2}” här men ”{3}” på {4} andra sidor. Namnen liknar varandra: kontrollera att "
        "de identifierar länken på samma sätt.",
        "The link to {0} in {1} is named “{2}” here but “{3}” on {4} other pages. The names are alike: check that they "
        "identify the link the same way."},
       {Plain, Block}},
      {"search-variant",
       {"Sökfunktionens {0} i {1} heter ”{2}” här men ”{3}” på {4} andra sidor.",
        "The search function's {0} in {1} is named “{2}” here but “{3}” on {4} other pages."},
       {SearchPart, Block}},
      {"icon-variant",
       {"En ikonknapp i {0} ({1}) heter ”{2}” här men ”{3}” på {4} andra sidor. Samma ikon kan ha olika funktion: "
        "kontrollera.",
        "An icon button in {0} ({1}) is named “{2}” here but “{3}” on {4} other pages. The same icon may have another "
        "function: check."},
       {Block}},
      // 2.4.5
      {"one-way",
       {"Sidan hittades bara via {0}. Kravet är minst två sätt att hitta den (sök, webbplatskarta, navigering, "
        "innehållsförteckning, relaterade länkar); granska ser bara de sidor den granskade. Om sidan är ett steg i en "
        "process gäller inte kravet.",
        "The page was found only through {0}. The requirement is at least two ways to find it (search, site map, "
        "navigation, table of contents, related links); granska sees only the pages it checked. It does not apply to "
        "a step in a process."},
       {Ways}},
      {"no-way",
       {"Ingen annan granskad sida länkar hit och webbplatsen har ingen sökfunktion som granska hittade; sidan nåddes "
        "via {0}. Om sidan är ett steg i en process gäller inte kravet.",
        "No other checked page links here and granska found no search function on the site; the page was reached "
        "through {0}. It does not apply to a step in a process."},
       {Reached}},
      // Broken links and anchors.
      {"broken-link",
       {"Länken ”{0}” går till {1}, som svarade HTTP {2}.", "The link “{0}” leads to {1}, which answered HTTP {2}."},
       {LinkName}},
      {"broken-link-block",
       {"Länken ”{0}” i {1} går till {2}, som svarade HTTP {3}. Blocket finns på {4} sidor.",
        "The link “{0}” in {1} leads to {2}, which answered HTTP {3}. The block is on {4} pages."},
       {LinkName, Block}},
      {"broken-anchor",
       {"Länken ”{0}” går till {1}, men den sidan har inget element med id ”{2}”.",
        "The link “{0}” leads to {1}, but that page has no element with the id “{2}”."},
       {LinkName}},
      {"broken-anchor-block",
       {"Länken ”{0}” i {1} går till {2}, men sidan har inget element med id ”{3}”; så är det på {4} sidor.",
        "The link “{0}” in {1} leads to {2}, but the page has no element with the id “{3}”; so on {4} pages."},
       {LinkName, Block}},
  };
  return kMessages;
}

std::string way_words(std::string_view ways, Lang lang) {
  std::vector<std::string> words;
  std::size_t i = 0;
  while (i <= ways.size()) {
    std::size_t j = ways.find('|', i);
    if (j == std::string_view::npos) j = ways.size();
    const std::string_view w = ways.substr(i, j - i);
    i = j + 1;
    if (w.empty()) continue;
    const bool en = lang == Lang::En;
    if (w == "nav") words.push_back(en ? "navigation" : "navigeringen");
    else if (w == "search") words.push_back(en ? "the search function" : "sökfunktionen");
    else if (w == "site-map") words.push_back(en ? "a site map page" : "en webbplatskarta");
    else if (w == "related") words.push_back(en ? "links in the content of other pages" : "länkar i andra sidors innehåll");
    else words.push_back(std::string(w));
  }
  std::string out;
  for (std::size_t k = 0; k < words.size(); ++k) {
    if (k) out += k + 1 == words.size() ? (lang == Lang::En ? " and " : " och ") : ", ";
    out += words[k];
  }
  return out.empty() ? (lang == Lang::En ? "nothing" : "inget") : out;
}

std::string reached_words(std::string_view code, Lang lang) {
  const bool en = lang == Lang::En;
  if (code == "seed") return en ? "a start address of the scan" : "en startadress för genomsökningen";
  if (code == "sitemap") return en ? "sitemap.xml (the site map for search engines)" : "sitemap.xml (webbplatskartan för sökmotorer)";
  if (code == "nav-link" || code == "content-link" || code == "site-map-page" || code == "link") {
    return en ? "a link on a page outside the site's checked pages" : "en länk på en sida utanför webbplatsens granskade sidor";
  }
  return en ? "an unrecorded path" : "en väg som inte registrerades";
}

}  // namespace

std::string block_code(std::string_view kind, std::string_view label, int ordinal) {
  std::string code(kind);
  if (!label.empty()) code += ":" + std::string(label);
  if (ordinal > 1) code = std::to_string(ordinal) + "#" + code;
  return code;
}

std::string block_words(std::string_view code, Lang lang) {
  const bool en = lang == Lang::En;
  std::string ordinal;
  if (const std::size_t hash = code.find('#'); hash != std::string_view::npos && hash < 4) {
    ordinal = std::string(code.substr(0, hash));
    code.remove_prefix(hash + 1);
  }
  const std::size_t colon = code.find(':');
  const std::string_view kind = code.substr(0, colon);
  const std::string_view label = colon == std::string_view::npos ? std::string_view() : code.substr(colon + 1);
  std::string out;
  if (kind == "header") out = en ? "the header" : "sidhuvudet";
  else if (kind == "footer") out = en ? "the footer" : "sidfoten";
  else out = en ? "the navigation" : "navigeringen";
  if (!label.empty()) out += en ? " “" + std::string(label) + "”" : " ”" + std::string(label) + "”";
  if (!ordinal.empty()) out += en ? " (number " + ordinal + ")" : " (nummer " + ordinal + ")";
  return out;
}

std::string message_text(std::string_view id, std::span<const std::string> args, Lang lang) {
  for (const Message& m : messages()) {
    if (m.id != id) continue;
    std::vector<std::string> words(args.begin(), args.end());
    for (std::size_t i = 0; i < words.size() && i < m.args.size(); ++i) {
      switch (m.args[i]) {
        case Block: words[i] = block_words(words[i], lang); break;
        case Ways: words[i] = way_words(words[i], lang); break;
        case Reached: words[i] = reached_words(words[i], lang); break;
        case SearchPart:
          words[i] = words[i] == "search-button" ? (lang == Lang::En ? "button" : "knapp")
                                                 : (lang == Lang::En ? "field" : "sökfält");
          break;
        case Items: {
          std::string list;
          std::size_t i0 = 0;
          const std::string ids = words[i];
          while (i0 <= ids.size()) {
            std::size_t j = ids.find('|', i0);
            if (j == std::string::npos) j = ids.size();
            const Text t = statement_item_title(std::string_view(ids).substr(i0, j - i0));
            if (!t.sv.empty()) list += (list.empty() ? "" : "; ") + std::string(t.in(lang));
            i0 = j + 1;
          }
          words[i] = list;
          break;
        }
        case LinkName:
          if (words[i].empty()) words[i] = lang == Lang::En ? "(without a name)" : "(utan namn)";
          break;
        case Plain: break;
      }
    }
    return engine::format_message(m.text.in(lang), words);
  }
  return {};
}

Text check_title(results::SiteCheck check) {
  switch (check) {
    case results::SiteCheck::Statement: return {"Tillgänglighetsredogörelse", "Accessibility statement"};
    case results::SiteCheck::ConsistentNavigation: return {"Konsekvent navigering (3.2.3)", "Consistent navigation (3.2.3)"};
    case results::SiteCheck::ConsistentIdentification:
      return {"Konsekvent identifiering (3.2.4)", "Consistent identification (3.2.4)"};
    case results::SiteCheck::MultipleWays: return {"Flera sätt att hitta sidor (2.4.5)", "Multiple ways (2.4.5)"};
    case results::SiteCheck::BrokenLinks: return {"Trasiga länkar (god praxis)", "Broken links (best practice)"};
    case results::SiteCheck::BrokenAnchors: return {"Trasiga ankarlänkar (god praxis)", "Broken anchors (best practice)"};
  }
  return {"", ""};
}

Text statement_item_title(std::string_view id) {
  if (id == "public-body") return {"Namnet på den offentliga aktören", "The name of the public body"};
  if (id == "service-name") return {"Namnet på den digitala servicen", "The name of the digital service"};
  if (id == "compliance") {
    return {"Följsamhet: helt, delvis eller inte förenlig", "Compliance: fully, partially or not compliant"};
  }
  if (id == "non-accessible-content") {
    return {"Förteckning över innehåll som inte är tillgängligt, och varför", "List of non-accessible content, and why"};
  }
  if (id == "assessment-date") return {"Datum för bedömningen av följsamheten", "Date compliance was assessed"};
  if (id == "last-updated") return {"Datum för senaste uppdatering", "Date of the last update"};
  if (id == "method") return {"Utvärderingsmetod", "Evaluation method"};
  if (id == "feedback") {
    return {"Sätt att meddela brister och begära otillgängligt innehåll", "A way to report problems and request content"};
  }
  if (id == "digg-link") return {"Länk till DIGG:s anmälningsfunktion", "Link to DIGG's reporting function"};
  if (id == "disproportionate-burden") {
    return {"Undantag för oskäligt betungande anpassning (12 §), med skäl", "Disproportionate burden (section 12), with reasons"};
  }
  if (id == "outside-scope") return {"Innehåll som inte omfattas av lagen (9 §)", "Content outside the law's scope (section 9)"};
  return {"", ""};
}

Text statement_item_outcome(engine::Outcome outcome) {
  switch (outcome) {
    case engine::Outcome::Passed: return {"Hittades", "Found"};
    case engine::Outcome::Failed: return {"Saknas", "Not found"};
    case engine::Outcome::CantTell: return {"Kräver manuell granskning", "Needs manual review"};
    case engine::Outcome::Inapplicable: return {"Behövs inte", "Not needed"};
  }
  return {"", ""};
}

}  // namespace granska::site
