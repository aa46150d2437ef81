// The scan report's HTML pages: index.html (all units side by side) and one page per unit.
// Accessible by construction (see reports/common/html_page.h for the shell): one h1, headings in
// order, tables with a caption and th scope, charts as inline SVG with role="img", a name
// and a table with the same figures. Every page-derived string goes through html_text.
#include <algorithm>
#include <cstdio>
#include <sstream>

#include "reports/common/html_page.h"
#include "reports/scan/scan_report_model.h"

namespace granska::reports::scan_report {

namespace {

std::string tr(Lang lang, std::string_view sv, std::string_view en) { return std::string(lang == Lang::En ? en : sv); }

std::string num(std::size_t n) { return std::to_string(n); }

// Empty values are written as a word, not a dash: a cell holding only a symbol says nothing
// to a screen reader user (and granska's contrast rules ask about symbol-only text).
std::string none(Lang lang) { return tr(lang, "saknas", "none"); }

std::string pct(Lang lang, std::size_t part, std::size_t whole) {
  if (whole == 0) return tr(lang, "ej tillämpligt", "n/a");
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", 100.0 * static_cast<double>(part) / static_cast<double>(whole));
  std::string s = buf;
  if (lang == Lang::Sv) {
    std::replace(s.begin(), s.end(), '.', ',');
    return s + "\u00a0%";
  }
  return s + "%";
}

std::string status_cell(Lang lang, figures::Status s) {
  return "<span class=\"status-" + std::string(figures::to_string(s)) + "\">" + html_text(figures::label(s).in(lang)) +
         "</span>";
}

std::string criterion_title(Lang lang, const engine::Criterion& c) {
  return std::string(c.number) + " " + std::string(c.title.in(lang));
}

std::string coverage_text(Lang lang, org::Coverage c) {
  switch (c) {
    case org::Coverage::Automatic: return tr(lang, "automatisk", "automatic");
    case org::Coverage::Partial: return tr(lang, "delvis (bästa praxis)", "partial (best practice)");
    case org::Coverage::Manual: return tr(lang, "manuell granskning", "manual review");
  }
  return "";
}

void th_col(std::ostream& o, std::string_view text, bool numeric = false) {
  o << "<th scope=\"col\"" << (numeric ? " class=\"num\"" : "") << ">" << html_text(text) << "</th>";
}
void td_num(std::ostream& o, std::string_view v) { o << "<td class=\"num\">" << v << "</td>"; }

std::string scan_label(Lang lang, const results::ScanInfo& s) {
  return tr(lang, "nr ", "no. ") + std::to_string(s.id) + ", " + display_time(s.started);
}

// A vertical bar chart as inline SVG: the figure is named (role="img" + <title>) and the
// same values follow in a table, so nothing is only in the picture.
void bar_chart(std::ostream& o, const std::string& id, const std::string& name,
               const std::vector<std::pair<std::string, double>>& bars, const std::string& value_suffix) {
  const double max = std::max(1.0, std::max_element(bars.begin(), bars.end(), [](auto& a, auto& b) {
                                     return a.second < b.second;
                                   })->second);
  const int bar_w = 48, gap = 24, left = 16, top = 24, height = 160;
  const int width = left * 2 + static_cast<int>(bars.size()) * (bar_w + gap);
  o << "<figure>\n<svg class=\"chart\" role=\"img\" aria-labelledby=\"" << id << "-title\" viewBox=\"0 0 " << width << ' '
    << (top + height + 40) << "\" width=\"" << width << "\" height=\"" << (top + height + 40)
    << "\" xmlns=\"http://www.w3.org/2000/svg\">\n<title id=\"" << id << "-title\">" << html_text(name) << "</title>\n"
    << "<line x1=\"" << left << "\" y1=\"" << (top + height) << "\" x2=\"" << (width - left) << "\" y2=\""
    << (top + height) << "\" stroke=\"#1b1b1b\"/>\n";
  for (std::size_t i = 0; i < bars.size(); ++i) {
    const int h = static_cast<int>(bars[i].second / max * height + 0.5);
    const int x = left + static_cast<int>(i) * (bar_w + gap) + gap / 2;
    char value[32];
    std::snprintf(value, sizeof value, bars[i].second == static_cast<double>(static_cast<long long>(bars[i].second)) ? "%.0f" : "%.1f",
                  bars[i].second);
    o << "<rect x=\"" << x << "\" y=\"" << (top + height - h) << "\" width=\"" << bar_w << "\" height=\"" << h
      << "\" fill=\"#0b3d91\"/>"
      << "<text x=\"" << (x + bar_w / 2) << "\" y=\"" << (top + height - h - 6)
      << "\" text-anchor=\"middle\" font-size=\"13\" fill=\"#1b1b1b\">" << value << html_text(value_suffix) << "</text>"
      << "<text x=\"" << (x + bar_w / 2) << "\" y=\"" << (top + height + 18)
      << "\" text-anchor=\"middle\" font-size=\"12\" fill=\"#1b1b1b\">" << html_text(bars[i].first) << "</text>\n";
  }
  o << "</svg>\n</figure>\n";
}

std::string unit_type_text(Lang lang, org::UnitType t) { return std::string(org::label(t).in(lang)); }

// The page figures of one unit (or the total) as the cells of a table row.
void figure_cells(std::ostream& o, Lang lang, const figures::UnitFigures& f, figures::Status s) {
  o << "<td>" << status_cell(lang, s) << "</td>";
  td_num(o, num(f.pages));
  td_num(o, num(f.html_pages));
  td_num(o, num(f.pages_without_failures));
  td_num(o, pct(lang, f.pages_without_failures, f.html_pages));
  td_num(o, num(f.failures));
  td_num(o, num(f.criteria_with_failures()));
  td_num(o, num(f.cant_tell));
  td_num(o, num(f.warnings));
  td_num(o, num(f.media_needing_work) + " / " + num(f.media));
  td_num(o, num(f.documents));
}

void figure_headers(std::ostream& o, Lang lang) {
  th_col(o, tr(lang, "Status", "Status"));
  th_col(o, tr(lang, "Sidor", "Pages"), true);
  th_col(o, tr(lang, "HTML-sidor", "HTML pages"), true);
  th_col(o, tr(lang, "Sidor utan fel", "Pages without failures"), true);
  th_col(o, tr(lang, "Andel utan fel", "Share without failures"), true);
  th_col(o, tr(lang, "Fel", "Failures"), true);
  th_col(o, tr(lang, "Kriterier med fel", "Criteria with failures"), true);
  th_col(o, tr(lang, "Kan inte avgöra", "Can't tell"), true);
  th_col(o, tr(lang, "Varningar (bästa praxis)", "Warnings (best practice)"), true);
  th_col(o, tr(lang, "Media att åtgärda / alla", "Media needing work / all"), true);
  th_col(o, tr(lang, "Dokument (manuell granskning)", "Documents (manual review)"), true);
}

std::string footer(const Model& m) {
  return tr(m.lang, "Skapad av granska ", "Generated by granska ") + tr(m.lang, "den ", "on ") +
         display_time(m.generated_at) + ". " +
         tr(m.lang, "Automatiska tester hittar inte alla brister: kriterier som kräver manuell granskning anges i rapporten.",
            "Automated tests do not find every problem: criteria that need a manual review are listed in the report.");
}

void manual_list(std::ostream& o, const Model& m) {
  o << "<ul>\n";
  for (const org::CriterionCoverage& c : m.coverage) {
    if (c.coverage == org::Coverage::Automatic) continue;
    o << "<li>" << html_text(criterion_title(m.lang, *c.criterion)) << " – " << html_text(coverage_text(m.lang, c.coverage))
      << "</li>\n";
  }
  o << "</ul>\n";
}

}  // namespace

void write_index_html(std::ostream& o, const Model& m) {
  const Lang lang = m.lang;
  const figures::ScanFigures& latest = m.latest();
  const std::string title = tr(lang, "Tillgänglighetsrapport per enhet", "Accessibility report by unit");
  std::string nav;
  for (auto [id, sv, en] : {std::tuple{"oversikt", "Översikt", "Overview"}, std::tuple{"utveckling", "Utveckling", "Trend"},
                            std::tuple{"historik", "Tidigare genomsökningar", "Earlier scans"},
                            std::tuple{"kriterier", "Fel per kriterium", "Failures by criterion"},
                            std::tuple{"profil", "Kriterier i granskningen", "Criteria reviewed"},
                            std::tuple{"om", "Om rapporten", "About this report"}}) {
    nav += "<li><a href=\"#" + std::string(id) + "\">" + tr(lang, sv, en) + "</a></li>\n";
  }
  write_html_page_start(o, {lang, title, nav, tr(lang, "Rapportens avsnitt", "Report sections")});
  o << "<h1>" << html_text(title) << "</h1>\n<p>"
    << html_text(tr(lang, "Genomsökning ", "Scan ") + scan_label(lang, latest.scan)) << ". "
    << html_text(tr(lang, "Granskning: ", "Review: ") + (lang == Lang::En ? m.profile->name_en : m.profile->name_sv) + " (" +
                 m.profile->id + ")")
    << ". " << html_text(tr(lang, "Sidor: ", "Pages: ") + num(latest.total.pages)) << ".</p>\n";

  // Overview.
  o << "<h2 id=\"oversikt\">" << tr(lang, "Översikt per enhet", "Overview by unit") << "</h2>\n<table>\n<caption>"
    << html_text(tr(lang, "Resultat per nämnd och bolag, genomsökning ", "Results by committee and company, scan ") +
                 scan_label(lang, latest.scan))
    << "</caption>\n<thead><tr>";
  th_col(o, tr(lang, "Enhet", "Unit"));
  th_col(o, tr(lang, "Typ", "Type"));
  figure_headers(o, lang);
  o << "</tr></thead>\n<tbody>\n";
  for (std::size_t u = 0; u < m.units.size(); ++u) {
    o << "<tr><th scope=\"row\"><a href=\"" << html_text(m.unit_file(u)) << "\">" << html_text(m.unit_name(u))
      << "</a></th><td>" << html_text(unit_type_text(lang, m.units[u].type)) << "</td>";
    figure_cells(o, lang, latest.units[u], m.status[u]);
    o << "</tr>\n";
  }
  o << "<tr><th scope=\"row\">" << tr(lang, "Totalt", "Total") << "</th><td>" << tr(lang, "alla", "all") << "</td>";
  figure_cells(o, lang, latest.total, m.total_status);
  o << "</tr>\n</tbody>\n</table>\n";

  // Trend since the previous scan.
  o << "<h2 id=\"utveckling\">" << tr(lang, "Utveckling sedan förra genomsökningen", "Change since the previous scan")
    << "</h2>\n";
  if (!m.previous) {
    o << "<p>" << tr(lang, "Det finns ingen tidigare avslutad genomsökning att jämföra med.",
                     "There is no earlier complete scan to compare with.")
      << "</p>\n";
  } else {
    o << "<p>" << html_text(tr(lang, "Jämfört med genomsökning ", "Compared with scan ") + scan_label(lang, *m.previous))
      << ". " << tr(lang, "Ett fel är samma fel när sida, regel, element och meddelande är desamma. Nya och åtgärdade "
                          "fel räknas bara på sidor som båda genomsökningarna granskade. Fel på sidor som bara den förra "
                          "granskade (inte nådda nu, eller hämtningen misslyckades) står under ”Ej granskade igen”; fel "
                          "på sidor som bara den här granskade (nya sidor, eller sidor som inte gick att nå förra "
                          "gången) står under ”På sidor som inte granskades förra gången”.",
                    "A failure is the same failure when page, rule, element and message are the same. New and fixed "
                    "failures are counted only on pages both scans checked. Failures on pages only the previous scan "
                    "checked (not reached now, or the page could not be fetched) are under “Not checked again”; "
                    "failures on pages only this scan checked (new pages, or pages that could not be reached last "
                    "time) are under “On pages not checked last time”.")
      << "</p>\n<table>\n<caption>" << tr(lang, "Nya, åtgärdade och kvarstående fel per enhet",
                                          "New, fixed and remaining failures by unit")
      << "</caption>\n<thead><tr>";
    th_col(o, tr(lang, "Enhet", "Unit"));
    th_col(o, tr(lang, "Nya fel", "New failures"), true);
    th_col(o, tr(lang, "Åtgärdade fel", "Fixed failures"), true);
    th_col(o, tr(lang, "Kvarstående fel", "Remaining failures"), true);
    th_col(o, tr(lang, "Ej granskade igen", "Not checked again"), true);
    th_col(o, tr(lang, "På sidor som inte granskades förra gången", "On pages not checked last time"), true);
    o << "</tr></thead>\n<tbody>\n";
    for (std::size_t u = 0; u <= m.units.size(); ++u) {
      const figures::Trend& t = m.trend[u];
      o << "<tr><th scope=\"row\">" << (u < m.units.size() ? html_text(m.unit_name(u)) : tr(lang, "Totalt", "Total"))
        << "</th>";
      td_num(o, num(t.added));
      td_num(o, num(t.fixed));
      td_num(o, num(t.remaining));
      td_num(o, num(t.not_rechecked));
      td_num(o, num(t.not_checked_before));
      o << "</tr>\n";
    }
    o << "</tbody>\n</table>\n";
  }

  // History: charts with their tables.
  o << "<h2 id=\"historik\">" << tr(lang, "De senaste genomsökningarna", "The latest scans") << "</h2>\n";
  std::vector<std::pair<std::string, double>> failures, shares;
  for (const figures::ScanFigures& f : m.history) {
    const std::string label = f.scan.started.substr(0, 10);
    failures.emplace_back(label, static_cast<double>(f.total.failures));
    shares.emplace_back(label, f.total.html_pages ? 100.0 * static_cast<double>(f.total.pages_without_failures) /
                                                        static_cast<double>(f.total.html_pages)
                                                  : 0.0);
  }
  o << "<h3>" << tr(lang, "Antal fel per genomsökning", "Failures per scan") << "</h3>\n";
  bar_chart(o, "chart-failures",
            tr(lang, "Stapeldiagram: antal fel per genomsökning, alla enheter. Samma siffror finns i tabellen nedan.",
               "Bar chart: failures per scan, all units. The same figures are in the table below."),
            failures, "");
  o << "<h3>" << tr(lang, "Andel sidor utan fel per genomsökning", "Share of pages without failures per scan")
    << "</h3>\n";
  bar_chart(o, "chart-share",
            tr(lang, "Stapeldiagram: andel HTML-sidor utan fel per genomsökning i procent. Samma siffror finns i tabellen nedan.",
               "Bar chart: share of HTML pages without failures per scan, in percent. The same figures are in the table below."),
            shares, "%");
  o << "<table>\n<caption>" << tr(lang, "Diagrammens siffror: fel och sidor utan fel per genomsökning",
                                  "The charts' figures: failures and pages without failures per scan")
    << "</caption>\n<thead><tr>";
  th_col(o, tr(lang, "Genomsökning", "Scan"));
  th_col(o, tr(lang, "Fel", "Failures"), true);
  th_col(o, tr(lang, "HTML-sidor", "HTML pages"), true);
  th_col(o, tr(lang, "Andel utan fel", "Share without failures"), true);
  th_col(o, tr(lang, "Status", "Status"));
  o << "</tr></thead>\n<tbody>\n";
  for (const figures::ScanFigures& f : m.history) {
    o << "<tr><th scope=\"row\">" << html_text(scan_label(lang, f.scan)) << "</th>";
    td_num(o, num(f.total.failures));
    td_num(o, num(f.total.html_pages));
    td_num(o, pct(lang, f.total.pages_without_failures, f.total.html_pages));
    o << "<td>" << status_cell(lang, figures::status_of(f.total, m.thresholds)) << "</td></tr>\n";
  }
  o << "</tbody>\n</table>\n<table>\n<caption>"
    << tr(lang, "Fel per enhet i de senaste genomsökningarna", "Failures by unit in the latest scans")
    << "</caption>\n<thead><tr>";
  th_col(o, tr(lang, "Enhet", "Unit"));
  // The scan number too: two scans on one day must not share a column heading.
  for (const figures::ScanFigures& f : m.history) {
    th_col(o, tr(lang, "nr ", "no. ") + std::to_string(f.scan.id) + ", " + f.scan.started.substr(0, 10), true);
  }
  o << "</tr></thead>\n<tbody>\n";
  for (std::size_t u = 0; u < m.units.size(); ++u) {
    o << "<tr><th scope=\"row\">" << html_text(m.unit_name(u)) << "</th>";
    for (const figures::ScanFigures& f : m.history) td_num(o, num(f.units[u].failures));
    o << "</tr>\n";
  }
  o << "</tbody>\n</table>\n";

  // Failures by criterion and unit.
  o << "<h2 id=\"kriterier\">" << tr(lang, "Fel per kriterium och enhet", "Failures by criterion and unit")
    << "</h2>\n<table>\n<caption>"
    << tr(lang, "Antal fel per kriterium (krav, inte bästa praxis) och enhet",
          "Failures by criterion (requirements, not best practice) and unit")
    << "</caption>\n<thead><tr>";
  th_col(o, tr(lang, "Kriterium", "Criterion"));
  for (std::size_t u = 0; u < m.units.size(); ++u) th_col(o, m.unit_name(u), true);
  th_col(o, tr(lang, "Totalt", "Total"), true);
  o << "</tr></thead>\n<tbody>\n";
  for (std::size_t c = 0; c < m.coverage.size(); ++c) {
    o << "<tr><th scope=\"row\">" << html_text(criterion_title(lang, *m.coverage[c].criterion)) << "</th>";
    if (m.coverage[c].coverage == org::Coverage::Manual) {
      for (std::size_t u = 0; u <= m.units.size(); ++u) o << "<td>" << tr(lang, "manuell", "manual") << "</td>";
    } else {
      for (std::size_t u = 0; u < m.units.size(); ++u) td_num(o, num(latest.units[u].failures_by_criterion[c]));
      td_num(o, num(latest.total.failures_by_criterion[c]));
    }
    o << "</tr>\n";
  }
  o << "</tbody>\n</table>\n";

  // The profile.
  o << "<h2 id=\"profil\">" << tr(lang, "Kriterier i granskningen", "Criteria in this review") << "</h2>\n<p>"
    << tr(lang,
          "Automatisk: granska hittar fel i kriteriet själv, men inga funna fel betyder inte att kriteriet är uppfyllt – "
          "delar av varje kriterium kräver en person. Delvis: granska pekar ut troliga problem som en person avgör. "
          "Manuell granskning: inget automatiskt test finns.",
          "Automatic: granska finds failures of the criterion by itself, but no failures found does not mean the "
          "criterion is met – parts of every criterion need a person. Partial: granska points at likely problems a "
          "person decides on. Manual review: there is no automated test.")
    << "</p>\n<table>\n<caption>"
    << html_text(tr(lang, "Kriterier i profilen ", "Criteria of the profile ") + m.profile->id) << "</caption>\n<thead><tr>";
  th_col(o, tr(lang, "Kriterium", "Criterion"));
  th_col(o, tr(lang, "Nivå", "Level"));
  th_col(o, "EN 301 549");
  th_col(o, tr(lang, "Täckning", "Coverage"));
  th_col(o, tr(lang, "Regler", "Rules"));
  o << "</tr></thead>\n<tbody>\n";
  for (const org::CriterionCoverage& c : m.coverage) {
    std::string rules;
    for (std::string_view r : c.requirement_rules) rules += (rules.empty() ? "" : ", ") + std::string(r);
    for (std::string_view r : c.best_practice_rules) rules += (rules.empty() ? "" : ", ") + std::string(r);
    o << "<tr><th scope=\"row\">" << html_text(criterion_title(lang, *c.criterion)) << "</th><td>"
      << engine::to_string(c.criterion->level) << "</td><td>" << html_text(c.criterion->en_clause) << "</td><td>"
      << html_text(coverage_text(lang, c.coverage)) << "</td><td>" << html_text(rules.empty() ? none(lang) : rules)
      << "</td></tr>\n";
  }
  o << "</tbody>\n</table>\n";

  // About.
  const figures::StatusThresholds& t = m.thresholds;
  auto share = [&](double d) { return pct(lang, static_cast<std::size_t>(d * 1000 + 0.5), 1000); };
  auto crit_limit = [&](int n) {
    return n < 0 ? std::string() : tr(lang, " och högst ", " and at most ") + std::to_string(n) +
                                       tr(lang, " kriterier med fel", " criteria with failures");
  };
  o << "<h2 id=\"om\">" << tr(lang, "Om rapporten", "About this report") << "</h2>\n<p>"
    << tr(lang, "Status bedöms på stadens tregradiga skala utifrån andelen HTML-sidor utan fel:",
          "The status uses the city's three-level scale, from the share of HTML pages without failures:")
    << "</p>\n<ul>\n<li>" << html_text(figures::label(figures::Status::Satisfactory).in(lang)) << ": "
    << html_text(tr(lang, "minst ", "at least ") + share(t.satisfactory_min_share) +
                 crit_limit(t.satisfactory_max_failed_criteria))
    << "</li>\n<li>" << html_text(figures::label(figures::Status::Partial).in(lang)) << ": "
    << html_text(tr(lang, "minst ", "at least ") + share(t.partial_min_share) + crit_limit(t.partial_max_failed_criteria))
    << "</li>\n<li>" << html_text(figures::label(figures::Status::Unsatisfactory).in(lang)) << ": "
    << tr(lang, "annars", "otherwise") << "</li>\n</ul>\n<p>"
    << tr(lang,
          "Fel räknas per element och gäller regler som testar krav i granskningens kriterier. Varningar (bästa praxis) "
          "och ”kan inte avgöra” räknas för sig. Alla fynd finns i ",
          "Failures are counted per element, for rules that test requirements of the review's criteria. Warnings (best "
          "practice) and “can't tell” are counted apart. Every finding is in ")
    << "<a href=\"findings.csv\">findings.csv</a> " << tr(lang, "(för Excel) och ", "(for Excel) and ")
    << "<a href=\"report.json\">report.json</a>.</p>\n<p>"
    << tr(lang, "Kriterier som inte testas automatiskt och kräver manuell granskning:",
          "Criteria that are not tested automatically and need a manual review:")
    << "</p>\n";
  manual_list(o, m);
  write_html_page_end(o, footer(m));
}

std::string unit_failure_row(const Model& m, const results::PageRow& page, const results::FindingRow& f) {
  const figures::RuleFacts& facts = m.rules->facts(f.rule);
  std::string out = "<tr><td>" + html_link(page.url, page.url) + "</td><td>" + html_text(message_text(facts, f, m.lang)) +
                    "</td><td>" + (f.selector.empty() ? tr(m.lang, "(hela sidan)", "(whole page)")
                                                      : "<code>" + html_text(f.selector) + "</code>") +
                    "</td><td class=\"num\">" + std::to_string(f.line) + ":" + std::to_string(f.column) + "</td><td>" +
                    (f.snippet.empty() ? none(m.lang) : "<code>" + html_text(f.snippet) + "</code>") + "</td></tr>";
  return out;
}

void write_unit_html(std::ostream& o, const Model& m, std::size_t u,
                     const std::vector<std::vector<std::string>>& rows_by_rule) {
  const Lang lang = m.lang;
  const figures::UnitFigures& f = m.latest().units[u];
  const std::string name(m.unit_name(u));
  std::string nav = "<li><a href=\"index.html\">" + tr(lang, "Alla enheter", "All units") + "</a></li>\n";
  for (auto [id, sv, en] : {std::tuple{"sammanfattning", "Sammanfattning", "Summary"},
                            std::tuple{"kriterier", "Fel per kriterium", "Failures by criterion"},
                            std::tuple{"sidor", "Sidor med flest fel", "Pages with most failures"},
                            std::tuple{"fel", "Alla fel", "All failures"}, std::tuple{"media", "Media", "Media"},
                            std::tuple{"dokument", "Dokument", "Documents"},
                            std::tuple{"manuellt", "Manuell granskning", "Manual review"}}) {
    nav += "<li><a href=\"#" + std::string(id) + "\">" + tr(lang, sv, en) + "</a></li>\n";
  }
  write_html_page_start(o, {lang, name + " – " + tr(lang, "tillgänglighetsrapport", "accessibility report"), nav,
                            tr(lang, "Sidans avsnitt", "Page sections")});
  o << "<h1>" << html_text(name) << "</h1>\n<p>" << html_text(unit_type_text(lang, m.units[u].type)) << ". "
    << html_text(tr(lang, "Genomsökning ", "Scan ") + scan_label(lang, m.latest().scan)) << ". "
    << tr(lang, "Status: ", "Status: ") << status_cell(lang, m.status[u]) << ".</p>\n";

  o << "<h2 id=\"sammanfattning\">" << tr(lang, "Sammanfattning", "Summary") << "</h2>\n<table>\n<caption>"
    << html_text(tr(lang, "Siffror för ", "Figures for ") + name) << "</caption>\n<thead><tr>";
  figure_headers(o, lang);
  o << "</tr></thead>\n<tbody>\n<tr>";
  figure_cells(o, lang, f, m.status[u]);
  o << "</tr>\n</tbody>\n</table>\n";
  if (!m.trend.empty()) {
    const figures::Trend& t = m.trend[u];
    o << "<p>" << html_text(tr(lang, "Sedan genomsökning ", "Since scan ") + scan_label(lang, *m.previous) + ": " +
                            num(t.added) + tr(lang, " nya fel, ", " new failures, ") + num(t.fixed) +
                            tr(lang, " åtgärdade, ", " fixed, ") + num(t.remaining) +
                            tr(lang, " kvarstående", " remaining") +
                            (t.not_rechecked == 0 ? std::string()
                                                  : tr(lang, ", ", ", ") + num(t.not_rechecked) +
                                                        tr(lang, " på sidor som inte kunde granskas igen",
                                                           " on pages that could not be checked again")) +
                            (t.not_checked_before == 0 ? std::string()
                                                       : tr(lang, ", ", ", ") + num(t.not_checked_before) +
                                                             tr(lang, " på sidor som inte granskades förra gången",
                                                                " on pages not checked last time")) +
                            ".")
      << "</p>\n";
  }

  o << "<h2 id=\"kriterier\">" << tr(lang, "Fel per kriterium", "Failures by criterion") << "</h2>\n<table>\n<caption>"
    << html_text(tr(lang, "Fel per kriterium för ", "Failures by criterion for ") + name) << "</caption>\n<thead><tr>";
  th_col(o, tr(lang, "Kriterium", "Criterion"));
  th_col(o, tr(lang, "Täckning", "Coverage"));
  th_col(o, tr(lang, "Fel", "Failures"), true);
  th_col(o, tr(lang, "Sidor med fel", "Pages with failures"), true);
  o << "</tr></thead>\n<tbody>\n";
  for (std::size_t c = 0; c < m.coverage.size(); ++c) {
    const bool manual = m.coverage[c].coverage == org::Coverage::Manual;
    o << "<tr><th scope=\"row\">" << html_text(criterion_title(lang, *m.coverage[c].criterion)) << "</th><td>"
      << html_text(coverage_text(lang, m.coverage[c].coverage)) << "</td>";
    td_num(o, manual ? tr(lang, "manuell", "manual") : num(f.failures_by_criterion[c]));
    td_num(o, manual ? tr(lang, "manuell", "manual") : num(f.pages_by_criterion[c]));
    o << "</tr>\n";
  }
  o << "</tbody>\n</table>\n";

  o << "<h2 id=\"sidor\">" << tr(lang, "Sidor med flest fel", "Pages with the most failures") << "</h2>\n";
  if (f.worst_pages.empty()) {
    o << "<p>" << tr(lang, "Inga sidor med fel.", "No pages with failures.") << "</p>\n";
  } else {
    o << "<table>\n<caption>" << html_text(tr(lang, "De ", "The ") + num(f.worst_pages.size()) +
                                           tr(lang, " sidor som har flest fel", " pages with the most failures"))
      << "</caption>\n<thead><tr>";
    th_col(o, tr(lang, "Sida", "Page"));
    th_col(o, tr(lang, "Sidtitel", "Page title"));
    th_col(o, tr(lang, "Fel", "Failures"), true);
    o << "</tr></thead>\n<tbody>\n";
    for (const figures::PageScore& p : f.worst_pages) {
      o << "<tr><td>" << html_link(p.url, p.url) << "</td><td>" << (p.title.empty() ? none(lang) : html_text(p.title))
        << "</td>";
      td_num(o, num(p.failures));
      o << "</tr>\n";
    }
    o << "</tbody>\n</table>\n";
  }

  // Every failing element, by criterion (a rule under the first of its criteria in the
  // profile) and rule, with how to fix it once per rule.
  o << "<h2 id=\"fel\">" << tr(lang, "Alla fel", "All failures") << "</h2>\n<p>"
    << tr(lang,
          "Varje element där en regel hittade fel, per kriterium och regel. Varningar (bästa praxis) och "
          "”kan inte avgöra” står inte här utan i findings.csv och report.json.",
          "Every element a rule found failing, by criterion and rule. Warnings (best practice) and “can't tell” are "
          "not listed here but in findings.csv and report.json.")
    << "</p>\n";
  const engine::Registry& registry = m.rules->registry();
  bool any = false;
  for (std::size_t c = 0; c < m.rules->criteria().size(); ++c) {
    std::vector<std::size_t> rules;
    for (std::size_t r = 0; r < rows_by_rule.size(); ++r) {
      if (rows_by_rule[r].empty()) continue;
      const figures::RuleFacts& facts = m.rules->facts(registry.rules()[r]->info.id);
      if (!facts.criteria.empty() && facts.criteria.front() == c) rules.push_back(r);
    }
    if (rules.empty()) continue;
    any = true;
    const engine::Criterion* crit = engine::find_criterion(m.rules->criteria()[c]);
    o << "<h3>" << html_text(criterion_title(lang, *crit) + " – " + num(f.failures_by_criterion[c]) +
                             tr(lang, " fel", " failures"))
      << "</h3>\n";
    for (std::size_t r : rules) {
      const engine::RuleInfo& info = registry.rules()[r]->info;
      std::string criteria;
      for (const engine::CriterionRef& ref : info.criteria) criteria += (criteria.empty() ? "" : ", ") + std::string(ref.number);
      o << "<h4>" << html_text(info.title.in(lang)) << " (" << html_text(info.id) << ")</h4>\n<p>"
        << tr(lang, "Så åtgärdar du: ", "How to fix: ") << html_text(info.help.in(lang)) << " "
        << html_text(tr(lang, "Kriterier: ", "Criteria: ") + criteria + ".") << "</p>\n<table>\n<caption>"
        << html_text(std::string(info.title.in(lang)) + ": " + num(rows_by_rule[r].size()) + tr(lang, " fel", " failures"))
        << "</caption>\n<thead><tr>";
      th_col(o, tr(lang, "Sida", "Page"));
      th_col(o, tr(lang, "Meddelande", "Message"));
      th_col(o, tr(lang, "Element (CSS-selektor)", "Element (CSS selector)"));
      th_col(o, tr(lang, "Rad:kolumn", "Line:column"), true);
      th_col(o, tr(lang, "Utdrag ur koden", "Code snippet"));
      o << "</tr></thead>\n<tbody>\n";
      for (const std::string& row : rows_by_rule[r]) o << row << '\n';
      o << "</tbody>\n</table>\n";
    }
  }
  if (!any) o << "<p>" << tr(lang, "Inga fel hittades.", "No failures found.") << "</p>\n";

  o << "<h2 id=\"media\">" << tr(lang, "Media", "Media") << "</h2>\n";
  if (m.media[u].empty()) {
    o << "<p>" << tr(lang, "Inga ljud- eller videoklipp hittades.", "No audio or video found.") << "</p>\n";
  } else {
    auto outcome = [&](const std::optional<engine::Outcome>& oc) {
      return oc ? html_text(engine::label(*oc).in(lang)) : tr(lang, "ej tillämpligt", "n/a");
    };
    o << "<table>\n<caption>" << html_text(tr(lang, "Ljud och video: ", "Audio and video: ") + num(f.media_needing_work) +
                                           tr(lang, " av ", " of ") + num(f.media) +
                                           tr(lang, " behöver åtgärdas", " need work"))
      << "</caption>\n<thead><tr>";
    th_col(o, tr(lang, "Sida", "Page"));
    th_col(o, tr(lang, "Typ", "Kind"));
    th_col(o, tr(lang, "Källa", "Source"));
    th_col(o, tr(lang, "Namn", "Name"));
    th_col(o, tr(lang, "Spelare", "Player"));
    th_col(o, tr(lang, "Undertexter", "Captions"));
    th_col(o, tr(lang, "Syntolkning", "Audio description"));
    th_col(o, tr(lang, "Textversion", "Transcript"));
    th_col(o, tr(lang, "Autouppspelning", "Autoplay"));
    o << "</tr></thead>\n<tbody>\n";
    for (const results::MediaRow& r : m.media[u]) {
      o << "<tr><td>" << html_link(r.page_url, r.page_url) << "</td><td>" << html_text(r.kind) << "</td><td>"
        << (r.source.empty() ? none(lang) : "<code>" + html_text(r.source) + "</code>") << "</td><td>"
        << (r.name.empty() ? none(lang) : html_text(r.name)) << "</td><td>" << (r.player.empty() ? none(lang) : html_text(r.player))
        << "</td><td>" << outcome(r.captions) << "</td><td>" << outcome(r.description) << "</td><td>"
        << outcome(r.transcript) << "</td><td>" << outcome(r.autoplay) << "</td></tr>\n";
    }
    o << "</tbody>\n</table>\n";
  }

  o << "<h2 id=\"dokument\">" << tr(lang, "Dokument", "Documents") << "</h2>\n";
  if (m.documents[u].empty()) {
    o << "<p>" << tr(lang, "Inga dokument hittades.", "No documents found.") << "</p>\n";
  } else {
    o << "<p>"
      << tr(lang, "Dokument (PDF, Office) granskas inte automatiskt: varje dokument behöver granskas manuellt.",
            "Documents (PDF, Office) are not checked automatically: each needs a manual review.")
      << "</p>\n<table>\n<caption>" << html_text(tr(lang, "Dokument: ", "Documents: ") + num(m.documents[u].size()))
      << "</caption>\n<thead><tr>";
    th_col(o, tr(lang, "Adress", "Address"));
    th_col(o, tr(lang, "Typ", "Type"));
    th_col(o, tr(lang, "Storlek (byte)", "Size (bytes)"), true);
    o << "</tr></thead>\n<tbody>\n";
    for (const results::DocumentRow& d : m.documents[u]) {
      o << "<tr><td>" << html_link(d.url, d.url) << "</td><td>"
        << (d.content_type.empty() ? none(lang) : html_text(d.content_type)) << "</td>";
      td_num(o, d.size < 0 ? tr(lang, "okänd", "unknown") : std::to_string(d.size));
      o << "</tr>\n";
    }
    o << "</tbody>\n</table>\n";
  }
  o << "<h2 id=\"manuellt\">" << tr(lang, "Kräver manuell granskning", "Needs a manual review") << "</h2>\n<p>"
    << tr(lang, "Dessa kriterier testas inte (eller bara delvis) automatiskt:",
          "These criteria are not (or only partly) tested automatically:")
    << "</p>\n";
  manual_list(o, m);
  write_html_page_end(o, footer(m));
}

}  // namespace granska::reports::scan_report
