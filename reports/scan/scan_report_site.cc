// The site-level results in the committee report: the overview's "Webbplatser" section (one
// row per site) and a unit page's "Webbplatsen" section (per site the unit has pages on:
// who answers for the site, the accessibility statement with the sentence behind each of
// DIGG's contents, the site-level checks, and the findings on the unit's own pages).
// findings.csv gets a row per statement content and per site finding. Texts come from
// site/messages.h; everything from a page is escaped.
#include <algorithm>
#include <array>

#include "reports/common/criterion_links.h"
#include "reports/common/glossary.h"
#include "reports/common/html_page.h"
#include "reports/scan/scan_report_model.h"
#include "reports/site/site_report.h"
#include "site/messages.h"

namespace granska::reports::scan_report {

namespace {

namespace g = glossary;
using results::SiteCheck;

std::string tr(Lang lang, std::string_view sv, std::string_view en) { return std::string(lang == Lang::En ? en : sv); }

constexpr std::size_t kOpenRows = 10;
// Findings per check listed on a unit page. A broken link in a site's footer is one
// finding per page: 50,000 rows would make the page unreadable (and hundreds of MB);
// findings.csv and report.json keep every one.
constexpr std::size_t kListedRows = 200;

void th(std::ostream& o, std::string_view text, bool numeric = false) {
  o << "<th scope=\"col\"" << (numeric ? " class=\"num\"" : "") << ">" << html_text(text) << "</th>";
}

std::string outcome_text(SiteCheck check, engine::Outcome outcome, Lang lang) {
  return html_text(site_report::outcome_words(check, outcome, lang));
}

const results::SiteCheckSummary* check_of(const results::SiteSummary& s, SiteCheck c) {
  for (const results::SiteCheckSummary& x : s.checks) {
    if (x.check == c) return &x;
  }
  return nullptr;
}

// "3.2.3 Konsekvent navigering" linked to the criterion's text, or the check's title.
std::string check_heading(SiteCheck c, Lang lang) {
  const std::string_view number = results::criterion_of(c);
  if (!number.empty()) {
    if (const engine::Criterion* crit = engine::find_criterion(number)) {
      return html_link(wcag_url(*crit, lang), criterion_title(lang, *crit));
    }
  }
  return html_text(site::check_title(c).in(lang));
}

std::string tested_text(SiteCheck c, std::size_t n, Lang lang) {
  const std::string num = g::number(n, lang);
  switch (c) {
    case SiteCheck::ConsistentNavigation:
      return num + tr(lang, " navigeringsblock som återkommer", " navigation blocks that repeat");
    case SiteCheck::ConsistentIdentification:
      return num + tr(lang, " länkar och funktioner som återkommer", " links and functions that repeat");
    default: return g::count(n, g::kPages, lang);
  }
}

std::size_t missing_items(const results::StatementResult& st) {
  return static_cast<std::size_t>(std::count_if(st.items.begin(), st.items.end(), [](const results::StatementItem& i) {
    return i.outcome == engine::Outcome::Failed;
  }));
}

std::string statement_summary(const results::SiteSummary& s, Lang lang) {
  const results::StatementResult& st = s.statement;
  if (st.url.empty()) return html_text(tr(lang, "Ingen länk hittades", "No link found"));
  std::string out = html_link(st.url, tr(lang, "Redogörelsen", "The statement")) + ": " +
                    html_text(tr(lang, "länkad från ", "linked from ") + g::number(st.pages_linking, lang) +
                              tr(lang, " av ", " of ") + g::count(st.pages, g::kPages, lang)) +
                    (st.linked_from_start ? html_text(tr(lang, ", startsidan också", ", the start page included"))
                                          : html_text(tr(lang, ", inte från startsidan", ", not from the start page")));
  return out;
}

}  // namespace

std::string unit_name_of(const Model& m, const std::string& id) {
  for (std::size_t u = 0; u < m.units.size(); ++u) {
    if (m.units[u].id == id) return std::string(m.unit_name(u));
  }
  return {};
}

void write_sites_overview(std::ostream& o, const Model& m) {
  const Lang lang = m.lang;
  o << "<h2 id=\"webbplatser\">" << tr(lang, "Webbplatserna", "The sites") << "</h2>\n";
  if (m.sites.empty()) {
    o << "<p>"
      << tr(lang,
            "Kontrollerna på webbplatsnivå (tillgänglighetsredogörelsen, konsekvent navigering och identifiering, flera "
            "sätt att hitta sidor, trasiga länkar) har inte körts för den här genomsökningen. granska scan kör dem efter "
            "genomsökningen; för en äldre genomsökning: granska site.",
            "The site-level checks (the accessibility statement, consistent navigation and identification, multiple "
            "ways, broken links) have not run on this scan. granska scan runs them after the crawl; for an older scan: "
            "granska site.")
      << "</p>\n";
    return;
  }
  o << "<p>"
    << tr(lang,
          "Krav som gäller en webbplats som helhet och inte en enskild sida. Lagen (2018:1937) 16 § kräver en "
          "tillgänglighetsredogörelse; DIGG anger vad den ska innehålla och att länken ska finnas på startsidan eller på "
          "alla sidor. 3.2.3, 3.2.4 och 2.4.5 är krav på nivå AA. granska bedömer dem utifrån de sidor den granskade: "
          "en sida utanför genomsökningen, en sökfunktion eller en meny som byggs med skript ser den inte. Trasiga länkar "
          "är god praxis och underkänner inget kriterium. Ansvarig är den enhet som svarar för webbplatsens startsida.",
          "Requirements on a site as a whole rather than on one page. The law (2018:1937, section 16) requires an "
          "accessibility statement; DIGG says what it must contain and that the link must be on the start page or on "
          "every page. 3.2.3, 3.2.4 and 2.4.5 are level AA requirements. granska judges them from the pages it checked: "
          "it does not see a page outside the scan, a search function or a menu built by script. Broken links are best "
          "practice and fail no criterion. Responsible is the unit that answers for the site's start page.")
    << "</p>\n";
  write_table_start(o, "t-webbplatser", tr(lang, "Webbplatsernas resultat", "Results per site"), "wide");
  o << "<thead><tr>";
  th(o, tr(lang, "Webbplats", "Site"));
  th(o, tr(lang, "Ansvarig", "Responsible"));
  th(o, tr(lang, "Tillgänglighetsredogörelse", "Accessibility statement"));
  th(o, tr(lang, "Uppgifter som saknas (av 11)", "Items not found (of 11)"), true);
  for (SiteCheck c : {SiteCheck::ConsistentNavigation, SiteCheck::ConsistentIdentification, SiteCheck::MultipleWays,
                      SiteCheck::BrokenLinks, SiteCheck::BrokenAnchors}) {
    th(o, site::check_title(c).in(lang));
  }
  o << "</tr></thead>\n<tbody>\n";
  for (const results::SiteSummary& s : m.sites) {
    std::string owner_cell = html_text(unit_name_of(m, s.owner).empty() ? s.owner : unit_name_of(m, s.owner));
    for (std::size_t u = 0; u < m.units.size(); ++u) {
      if (m.units[u].id == s.owner) owner_cell = "<a href=\"" + html_text(m.unit_file(u)) + "#webbplatsen\">" + owner_cell + "</a>";
    }
    o << "<tr><th scope=\"row\">" << html_text(s.name) << "</th><td>" << owner_cell << "</td><td>"
      << statement_summary(s, lang) << "</td>";
    o << "<td class=\"num\">"
      << (s.statement.items.empty() ? html_text(tr(lang, "ej läst", "not read")) : g::number(missing_items(s.statement), lang))
      << "</td>";
    for (SiteCheck c : {SiteCheck::ConsistentNavigation, SiteCheck::ConsistentIdentification, SiteCheck::MultipleWays,
                        SiteCheck::BrokenLinks, SiteCheck::BrokenAnchors}) {
      const results::SiteCheckSummary* sum = check_of(s, c);
      o << "<td>"
        << (sum ? outcome_text(c, sum->outcome, lang) +
                      (sum->findings ? html_text(" (" + g::number(sum->findings, lang) + tr(lang, " fynd)", " findings)"))
                                     : std::string())
                : html_text(tr(lang, "ej körd", "not run")))
        << "</td>";
    }
    o << "</tr>\n";
  }
  o << "</tbody>\n";
  write_table_end(o);
}

void write_unit_sites(std::ostream& o, const Model& m, std::size_t u) {
  const Lang lang = m.lang;
  if (m.sites.empty()) {
    o << "<p>"
      << tr(lang,
            "Kontrollerna på webbplatsnivå har inte körts för den här genomsökningen (granska site kör dem för en äldre "
            "genomsökning).",
            "The site-level checks have not run on this scan (granska site runs them for an older scan).")
      << "</p>\n";
    return;
  }
  const std::vector<std::size_t>& mine = u < m.unit_sites.size() ? m.unit_sites[u] : std::vector<std::size_t>{};
  if (mine.empty()) {
    o << "<p>" << tr(lang, "Enheten har inga granskade sidor på de kontrollerade webbplatserna.",
                     "The unit has no checked pages on the sites checked.")
      << "</p>\n";
    return;
  }
  o << "<p>"
    << tr(lang,
          "Krav på webbplatsen som helhet. Tillgänglighetsredogörelsen och webbplatsens resultat gäller alla enheter på "
          "webbplatsen; fynden nedan är de som gäller enhetens egna sidor (och, för den ansvariga enheten, webbplatsen "
          "som helhet). granska bedömer utifrån de sidor den granskade.",
          "Requirements on the site as a whole. The accessibility statement and the site's results apply to every unit on "
          "the site; the findings below are those on the unit's own pages (and, for the responsible unit, on the site as "
          "a whole). granska judges from the pages it checked.")
    << "</p>\n";
  const std::string& unit_id = m.units[u].id;
  for (std::size_t i : mine) {
    const results::SiteSummary& s = m.sites[i];
    const std::string prefix = "ws" + std::to_string(i);
    const std::string owner = unit_name_of(m, s.owner).empty() ? s.owner : unit_name_of(m, s.owner);
    o << "<h3 id=\"" << prefix << "\">" << html_text(tr(lang, "Webbplatsen ", "The site ") + s.name) << "</h3>\n<p>"
      << html_text(tr(lang, "Ansvarig för webbplatsen: ", "Responsible for the site: ") + (owner.empty() ? tr(lang, "okänd", "unknown") : owner) +
                   (s.owner == unit_id ? tr(lang, " (den här enheten). ", " (this unit). ") : ". ") +
                   g::count(s.html_pages, g::kPages, lang) + tr(lang, " granskade.", " checked."))
      << "</p>\n";

    // The statement.
    const results::StatementResult& st = s.statement;
    o << "<h4>" << tr(lang, "Tillgänglighetsredogörelse", "Accessibility statement") << "</h4>\n<p>";
    if (st.url.empty()) {
      o << html_text(tr(lang, "Ingen länk till en tillgänglighetsredogörelse hittades på webbplatsens granskade sidor.",
                        "No link to an accessibility statement was found on the site's checked pages."));
    } else {
      o << statement_summary(s, lang) << ".";
      if (!st.link_text.empty()) o << html_text(tr(lang, " Länktext: ”", " Link text: “") + st.link_text + tr(lang, "”.", "”."));
      if (!st.last_updated.empty()) o << html_text(tr(lang, " Senast uppdaterad: ", " Last updated: ") + st.last_updated + ".");
      const std::string& err = lang == Lang::En ? st.read_error_en : st.read_error_sv;
      if (!err.empty()) o << html_text(tr(lang, " Kunde inte läsas: ", " Could not be read: ") + err + ".");
      if (st.format == "pdf" || st.format == "other") {
        o << html_text(tr(lang, " Redogörelsen är ett dokument, inte en webbsida; innehållet kräver manuell granskning.",
                          " The statement is a document, not a web page; its contents need a manual review."));
      }
    }
    o << "</p>\n";
    if (!st.items.empty()) {
      write_table_start(o, "t-" + prefix + "-redogorelse",
                        tr(lang, "DIGG:s elva uppgifter i redogörelsen för ", "DIGG's eleven items in the statement of ") + s.name,
                        "wide");
      o << "<thead><tr>";
      th(o, tr(lang, "Uppgift", "Item"));
      th(o, tr(lang, "Resultat", "Result"));
      th(o, tr(lang, "Meningen som matchade", "The sentence that matched"));
      th(o, tr(lang, "Anmärkning", "Note"));
      o << "</tr></thead>\n<tbody>\n";
      for (const results::StatementItem& it : st.items) {
        o << "<tr><th scope=\"row\">" << html_text(site::statement_item_title(it.id).in(lang)) << "</th><td>"
          << html_text(site::statement_item_outcome(it.outcome).in(lang)) << "</td><td>"
          << (it.evidence.empty() ? html_text(tr(lang, "ingen", "none")) : html_text("”" + it.evidence + "”")) << "</td><td>"
          << (it.note.empty() ? html_text(tr(lang, "ingen", "none")) : html_text(site::message_text(it.note, it.note_args, lang)))
          << "</td></tr>\n";
      }
      o << "</tbody>\n";
      write_table_end(o);
    }

    // The checks.
    std::vector<const results::SiteFinding*> own;
    for (const results::SiteFinding& f : m.site_findings) {
      if (f.site == s.id && f.unit == unit_id) own.push_back(&f);
    }
    o << "<h4>" << tr(lang, "Kontrollerna", "The checks") << "</h4>\n";
    write_table_start(o, "t-" + prefix + "-kontroller", tr(lang, "Kontroller på webbplatsen ", "Checks on the site ") + s.name,
                      "wide");
    o << "<thead><tr>";
    th(o, tr(lang, "Kontroll", "Check"));
    th(o, tr(lang, "Resultat för webbplatsen", "Result for the site"));
    th(o, tr(lang, "Fynd på webbplatsen", "Findings on the site"), true);
    th(o, tr(lang, "Varav enhetens", "Of which the unit's"), true);
    th(o, tr(lang, "Vad som kontrollerades", "What was checked"));
    o << "</tr></thead>\n<tbody>\n";
    for (const results::SiteCheckSummary& c : s.checks) {
      const std::size_t n = static_cast<std::size_t>(
          std::count_if(own.begin(), own.end(), [&](const results::SiteFinding* f) { return f->check == c.check; }));
      o << "<tr><th scope=\"row\">" << html_text(site::check_title(c.check).in(lang)) << "</th><td>"
        << outcome_text(c.check, c.outcome, lang) << "</td><td class=\"num\">" << g::number(c.findings, lang)
        << "</td><td class=\"num\">" << g::number(n, lang) << "</td><td>" << html_text(tested_text(c.check, c.tested, lang))
        << "</td></tr>\n";
    }
    o << "</tbody>\n";
    write_table_end(o);

    // The findings on the unit's pages, per check.
    if (own.empty()) {
      o << "<p>" << tr(lang, "Inga fynd på enhetens sidor.", "No findings on the unit's pages.") << "</p>\n";
      continue;
    }
    for (SiteCheck c : results::kSiteChecks) {
      std::vector<const results::SiteFinding*> rows;
      for (const results::SiteFinding* f : own) {
        if (f->check == c) rows.push_back(f);
      }
      if (rows.empty()) continue;
      o << "<h5>" << check_heading(c, lang) << "</h5>\n";
      const std::string caption = std::string(site::check_title(c).in(lang)) + ": " + g::number(rows.size(), lang) +
                                  tr(lang, " fynd på enhetens sidor", " findings on the unit's pages");
      const bool collapse = rows.size() > kOpenRows;
      if (collapse) o << "<details>\n<summary>" << html_text(tr(lang, "Visa alla: ", "Show all: ") + caption) << "</summary>\n";
      write_table_start(o, "t-" + prefix + "-" + std::string(results::to_string(c)), caption, "wide");
      o << "<thead><tr>";
      th(o, tr(lang, "Sida", "Page"));
      th(o, tr(lang, "Resultat", "Result"));
      th(o, tr(lang, "Meddelande", "Message"));
      o << "</tr></thead>\n<tbody>\n";
      const std::size_t listed = std::min(rows.size(), kListedRows);
      for (std::size_t k = 0; k < listed; ++k) {
        const results::SiteFinding* f = rows[k];
        o << "<tr><td class=\"url\">"
          << (f->page_url.empty() ? html_text(tr(lang, "(hela webbplatsen)", "(the whole site)")) : html_link(f->page_url, f->page_url))
          << "</td><td>" << outcome_text(c, f->outcome, lang) << "</td><td>"
          << html_text(site::message_text(f->message_id, f->args, lang)) << "</td></tr>\n";
      }
      o << "</tbody>\n";
      write_table_end(o);
      if (listed < rows.size()) {
        o << "<p>" << html_text(tr(lang, "Här visas de första ", "The first ") + g::number(listed, lang) +
                                tr(lang, " av ", " of ") + g::number(rows.size(), lang) +
                                tr(lang, " fynden; alla finns i findings.csv och report.json.",
                                   " findings are shown here; all of them are in findings.csv and report.json."))
          << "</p>\n";
      }
      if (collapse) o << "</details>\n";
    }
  }
}

}  // namespace granska::reports::scan_report
