// The scan report's HTML pages: index.html (all units side by side) and one page per unit.
// Accessible by construction (see reports/common/html_page.h for the shell): one h1, headings
// in order, every table in its own focusable scroll container with a caption and th scope,
// status as symbol + word + colour, charts as inline SVG with role="img", a name and a table
// with the same figures, long listings in <details> (no script). Every page-derived string
// goes through html_text. Words shared with the other reports come from
// reports/common/glossary.h.
#include <algorithm>
#include <cstdio>
#include <set>
#include <sstream>

#include "reports/common/criterion_links.h"
#include "reports/common/glossary.h"
#include "reports/common/html_page.h"
#include "reports/scan/scan_report_model.h"

namespace granska::reports::scan_report {

namespace {

namespace g = glossary;

std::string tr(Lang lang, std::string_view sv, std::string_view en) { return std::string(lang == Lang::En ? en : sv); }
std::string in(Lang lang, const Text& t) { return std::string(t.in(lang)); }

// A listing with more rows than this is collapsed (<details>) until the reader opens it.
constexpr std::size_t kOpenRows = 10;
// Criteria per table in the unit × criterion tables: every column fits an A4 landscape
// page and a laptop screen; a longer profile (wcag21-aa has 50) is split into parts.
constexpr std::size_t kCriteriaPerTable = 12;

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

// Status badges (.status-*, .mark-*): a symbol, a word and a colour, never the colour alone;
// the border and symbol contrast at least 5:1 with white and with the badge's tint (WCAG
// 1.4.1, 1.4.11), the text at least 15:1. The symbol (glossary::status_symbol) is generated
// content with an empty alternative ("✖" / ""): seen and printed, not read out again after
// the word it repeats.
std::string status_css() {
  struct Style {
    figures::Status status;
    const char* mark;
    const char* tint;
    const char* colour;
  };
  static constexpr Style kStyles[] = {
      {figures::Status::Satisfactory, "yes", "#e7f4ea", "#1a7431"},
      {figures::Status::Partial, "partly", "#fff3d6", "#8a5300"},
      {figures::Status::Unsatisfactory, "no", "#fdeceb", "#b3261e"},
      {figures::Status::NotAssessed, "not-tested", "#efefef", "#545454"},
  };
  std::string css =
      ".status{display:inline-block;white-space:nowrap;border:2px solid;border-radius:.25rem;padding:0 .35rem;"
      "font-weight:600;line-height:1.4}\n.status::before{font-weight:700;margin-right:.3rem}\n"
      "table.matrix .status{white-space:normal;font-size:.85rem;padding:0 .25rem}\n";
  for (const Style& s : kStyles) {
    const std::string cls = ".status-" + std::string(figures::to_string(s.status)) + ",.mark-" + s.mark;
    const std::string sym(g::status_symbol(s.status));
    css += cls + "{background:" + s.tint + ";border-color:" + s.colour + "}\n";
    css += ".status-" + std::string(figures::to_string(s.status)) + "::before,.mark-" + s.mark + "::before{content:\"" + sym +
           "\";content:\"" + sym + "\" / \"\";color:" + s.colour + "}\n";
  }
  return css;
}

// A status as a badge: its word; symbol and colour come from status_css().
std::string status_badge(Lang lang, figures::Status s) {
  return "<span class=\"status status-" + std::string(figures::to_string(s)) + "\">" +
         html_text(g::status_short(s).in(lang)) + "</span>";
}

std::string mark_badge(Lang lang, figures::ReviewMark mk) {
  return "<span class=\"status mark-" + std::string(figures::to_string(mk)) + "\">" + html_text(g::review_mark(mk).in(lang)) +
         "</span>";
}

// The criterion's number and title, linked to its text (criterion_links.h).
std::string criterion_link(Lang lang, const engine::Criterion& c) {
  return html_link(wcag_url(c, lang), criterion_title(lang, c));
}
std::string en_link(const engine::Criterion& c) {
  return c.en_clause.empty() ? std::string() : html_link(en_301_549_url(), "EN 301 549 " + std::string(c.en_clause) + " (PDF)");
}

void th_col(std::ostream& o, std::string_view text, bool numeric = false) {
  o << "<th scope=\"col\"" << (numeric ? " class=\"num\"" : "") << ">" << html_text(text) << "</th>";
}
void th_col_html(std::ostream& o, std::string_view html, bool numeric = false) {
  o << "<th scope=\"col\"" << (numeric ? " class=\"num\"" : "") << ">" << html << "</th>";
}
void td_num(std::ostream& o, std::string_view v) { o << "<td class=\"num\">" << v << "</td>"; }

std::string unit_type_text(Lang lang, org::UnitType t) { return std::string(org::label(t).in(lang)); }

// The label of a scan in charts and column heads: its local date and time, or with the scan
// number where two scans share the minute (labels must tell scans apart).
std::vector<std::pair<std::string, std::string>> scan_labels(const std::vector<figures::ScanFigures>& history) {
  std::vector<std::pair<std::string, std::string>> out;
  std::set<std::string> seen;
  bool clash = false;
  for (const figures::ScanFigures& f : history) {
    const std::string t = display_time(f.scan.started);
    const std::size_t sp = t.find(' ');
    out.emplace_back(sp == std::string::npos ? t : t.substr(0, sp), sp == std::string::npos ? "" : t.substr(sp + 1));
    clash = clash || !seen.insert(t).second;
  }
  if (clash) {
    for (std::size_t i = 0; i < out.size(); ++i) out[i].second += " nr " + std::to_string(history[i].scan.id);
  }
  return out;
}

// A round upper bound for a chart's scale whose half is a whole number too: 2, 4, 10 × 10^k.
double nice_max(double v) {
  if (v <= 2) return 2;
  double step = 1;
  while (step * 10 < v) step *= 10;
  for (double f : {2.0, 4.0, 10.0}) {
    if (f * step >= v) return f * step;
  }
  return 10 * step;
}

std::string fmt_value(double v, std::string_view suffix) {
  char buf[32];
  std::snprintf(buf, sizeof buf, v == static_cast<double>(static_cast<long long>(v)) ? "%.0f" : "%.1f", v);
  return std::string(buf) + std::string(suffix);
}

struct Bar {
  std::string line1, line2;  // x label (two lines)
  double value = 0;
  std::string value_text;    // above the bar
};

// A vertical bar chart as inline SVG on a scale from 0 to `max` with three labelled ticks:
// the figure is named (role="img" + <title>) and the same values follow in a table, so
// nothing is only in the picture.
void bar_chart(std::ostream& o, const std::string& id, const std::string& name, const std::vector<Bar>& bars, double max,
               std::string_view tick_suffix) {
  const int bar_w = 44, slot = 88, left = 56, top = 24, height = 160, bottom = 44;
  const int width = left + static_cast<int>(bars.size()) * slot + 8;
  const int full_h = top + height + bottom;
  o << "<figure>\n<svg class=\"chart\" role=\"img\" aria-labelledby=\"" << id << "-title\" viewBox=\"0 0 " << width << ' '
    << full_h << "\" width=\"" << width << "\" height=\"" << full_h << "\" xmlns=\"http://www.w3.org/2000/svg\">\n<title id=\""
    << id << "-title\">" << html_text(name) << "</title>\n";
  for (int t = 0; t <= 2; ++t) {
    const double v = max * t / 2;
    const int y = top + height - static_cast<int>(height * t / 2);
    o << "<line x1=\"" << left << "\" y1=\"" << y << "\" x2=\"" << (width - 4) << "\" y2=\"" << y << "\" stroke=\""
      << (t == 0 ? "#1b1b1b" : "#6b6b6b") << "\"" << (t == 0 ? "" : " stroke-dasharray=\"4 4\"") << "/>"
      << "<text x=\"" << (left - 6) << "\" y=\"" << (y + 4) << "\" text-anchor=\"end\" font-size=\"12\" fill=\"#1b1b1b\">"
      << html_text(fmt_value(v, tick_suffix)) << "</text>\n";
  }
  for (std::size_t i = 0; i < bars.size(); ++i) {
    const double v = std::min(std::max(bars[i].value, 0.0), max);
    const int h = static_cast<int>(v / max * height + 0.5);
    const int x = left + static_cast<int>(i) * slot + (slot - bar_w) / 2;
    const int cx = x + bar_w / 2;
    o << "<rect x=\"" << x << "\" y=\"" << (top + height - h) << "\" width=\"" << bar_w << "\" height=\"" << h
      << "\" fill=\"#0b3d91\"/>"
      << "<text x=\"" << cx << "\" y=\"" << (top + height - h - 6) << "\" text-anchor=\"middle\" font-size=\"13\" fill=\"#1b1b1b\">"
      << html_text(bars[i].value_text) << "</text>"
      << "<text x=\"" << cx << "\" y=\"" << (top + height + 18) << "\" text-anchor=\"middle\" font-size=\"12\" fill=\"#1b1b1b\">"
      << html_text(bars[i].line1) << "</text>"
      << "<text x=\"" << cx << "\" y=\"" << (top + height + 34) << "\" text-anchor=\"middle\" font-size=\"12\" fill=\"#1b1b1b\">"
      << html_text(bars[i].line2) << "</text>\n";
  }
  o << "</svg>\n</figure>\n";
}

// A small chart of one unit's failures per scan, on a scale shared by all units.
void small_chart(std::ostream& o, const std::string& id, const std::string& caption, const std::string& name,
                 const std::vector<std::size_t>& values, double max) {
  const int slot = 18, bar_w = 12, height = 56, top = 6, left = 4;
  const int width = left * 2 + static_cast<int>(values.size()) * slot;
  o << "<figure>\n<figcaption>" << caption << "</figcaption>\n<svg class=\"chart\" role=\"img\" aria-labelledby=\"" << id
    << "-title\" viewBox=\"0 0 " << width << ' ' << (top + height + 2) << "\" width=\"" << width * 2 << "\" height=\""
    << (top + height + 2) * 2 << "\" xmlns=\"http://www.w3.org/2000/svg\">\n<title id=\"" << id << "-title\">"
    << html_text(name) << "</title>\n<line x1=\"0\" y1=\"" << (top + height) << "\" x2=\"" << width << "\" y2=\""
    << (top + height) << "\" stroke=\"#1b1b1b\"/>\n";
  for (std::size_t i = 0; i < values.size(); ++i) {
    const int h = max > 0 ? static_cast<int>(static_cast<double>(values[i]) / max * height + 0.5) : 0;
    o << "<rect x=\"" << (left + static_cast<int>(i) * slot + (slot - bar_w) / 2) << "\" y=\"" << (top + height - h)
      << "\" width=\"" << bar_w << "\" height=\"" << h << "\" fill=\"#0b3d91\"/>";
  }
  o << "\n</svg>\n</figure>\n";
}

std::string footer(const Model& m) {
  return tr(m.lang, "Skapad av granska den ", "Generated by granska on ") + display_time(m.generated_at) +
         tr(m.lang, " (svensk tid). ", " (Swedish time). ") +
         tr(m.lang, "Automatiska tester hittar inte alla brister: kriterier som kräver manuell granskning anges i rapporten.",
            "Automated tests do not find every problem: criteria that need a manual review are listed in the report.");
}

void manual_list(std::ostream& o, const Model& m) {
  o << "<ul>\n";
  for (const org::CriterionCoverage& c : m.coverage) {
    if (c.coverage == org::Coverage::Automatic) continue;
    o << "<li>" << criterion_link(m.lang, *c.criterion) << " – " << html_text(g::coverage(c.coverage).in(m.lang)) << "</li>\n";
  }
  o << "</ul>\n";
}

// "12 sidor till utan fel och 2 kriterier färre med fel", or "uppnådd".
std::string gap_text(Lang lang, const figures::StatusGap& gap) {
  if (!gap.assessed) return in(lang, g::status_short(figures::Status::NotAssessed));
  if (gap.reached()) return tr(lang, "uppnått", "reached");
  std::string out;
  if (gap.pages > 0) out += g::count(gap.pages, g::kPages, lang) + tr(lang, " till utan fel", " more without failures");
  if (gap.criteria > 0) {
    if (!out.empty()) out += tr(lang, " och ", " and ");
    out += g::count(gap.criteria, g::kCriteria, lang) + tr(lang, " färre med fel", " fewer with failures");
  }
  return out;
}

// What it takes to reach the next levels, as a short list for the overview.
std::string what_it_takes(Lang lang, const figures::UnitFigures& f, figures::Status s, const figures::StatusThresholds& t) {
  if (s == figures::Status::NotAssessed) return html_text(tr(lang, "inga granskade sidor", "no checked pages"));
  if (s == figures::Status::Satisfactory) return html_text(tr(lang, "Ja är uppnått", "Yes is reached"));
  std::string out;
  if (s == figures::Status::Unsatisfactory) {
    out += html_text(in(lang, g::status_short(figures::Status::Partial)) + ": " +
                     gap_text(lang, figures::gap_to(f, figures::Status::Partial, t))) +
           "<br>";
  }
  out += html_text(in(lang, g::status_short(figures::Status::Satisfactory)) + ": " +
                   gap_text(lang, figures::gap_to(f, figures::Status::Satisfactory, t)));
  return out;
}

std::string trend_text(Lang lang, const std::vector<figures::Trend>& trend, std::size_t i) {
  if (trend.empty()) return tr(lang, "ingen jämförelse", "no comparison");
  const figures::Trend& t = trend[i];
  return glossary::number(t.added, lang) + tr(lang, " nya, ", " new, ") + glossary::number(t.fixed, lang) +
         tr(lang, " åtgärdade", " fixed");
}

void legend(std::ostream& o, Lang lang) {
  o << "<ul class=\"legend\" aria-label=\"" << html_text(tr(lang, "Teckenförklaring för status", "Status legend")) << "\">\n";
  for (figures::Status s : {figures::Status::Satisfactory, figures::Status::Partial, figures::Status::Unsatisfactory,
                            figures::Status::NotAssessed}) {
    // The long label without the word the badge already says: "Ja, tillfredsställande" ->
    // "tillfredsställande", "Ej bedömd (inga granskade sidor)" -> "inga granskade sidor".
    std::string rest(g::status_long(s).in(lang));
    rest = rest.substr(std::min(rest.size(), g::status_short(s).in(lang).size()));
    while (!rest.empty() && (rest.front() == ',' || rest.front() == ' ' || rest.front() == '(')) rest.erase(rest.begin());
    if (!rest.empty() && rest.back() == ')') rest.pop_back();
    o << "<li>" << status_badge(lang, s) << " " << html_text(rest) << "</li>\n";
  }
  o << "</ul>\n";
}

void status_rules(std::ostream& o, const Model& m) {
  const Lang lang = m.lang;
  const figures::StatusThresholds& t = m.thresholds;
  auto share = [&](double d) { return pct(lang, static_cast<std::size_t>(d * 1000 + 0.5), 1000); };
  auto crit_limit = [&](int n) {
    return n < 0 ? std::string()
                 : tr(lang, " och högst ", " and at most ") + g::count(static_cast<std::size_t>(n), g::kCriteria, lang) +
                       tr(lang, " med fel", " with failures");
  };
  auto named = [&](figures::Status s) {
    return status_badge(lang, s) + " " + html_text(std::string(g::status_long(s).in(lang)) + ": ");
  };
  o << "<ul>\n<li>" << named(figures::Status::Satisfactory)
    << html_text(tr(lang, "minst ", "at least ") + share(t.satisfactory_min_share) +
                 tr(lang, " av de granskade sidorna utan fel", " of the checked pages without failures") +
                 crit_limit(t.satisfactory_max_failed_criteria))
    << "</li>\n<li>" << named(figures::Status::Partial)
    << html_text(tr(lang, "minst ", "at least ") + share(t.partial_min_share) +
                 tr(lang, " utan fel", " without failures") + crit_limit(t.partial_max_failed_criteria))
    << "</li>\n<li>" << named(figures::Status::Unsatisfactory) << tr(lang, "annars", "otherwise")
    << "</li>\n<li>" << named(figures::Status::NotAssessed)
    << tr(lang, "det finns ingen andel att bedöma", "there is no share to judge")
    << "</li>\n</ul>\n";
}

void profile_note(std::ostream& o, const Model& m) {
  if (!m.profile->proposal) return;
  o << "<p class=\"note\">"
    << tr(m.lang,
          "Kriterielistan är ett förslag – fastställs av stadskontoret. Listan är den som följer med granska; "
          "stadskontoret anger sin egen i inställningsfilen ([profile] criteria).",
          "The list of criteria is granska's proposal – to be set by the city office, which names its list in the "
          "configuration ([profile] criteria).")
    << "</p>\n";
}

// How many pages were checked as the browser shows them is said only for a scan that
// asked for rendering (or rendered pages anyway): in the other scans, which are most, a
// count that is always 0 would only raise the question what it means.
bool shows_rendered(const figures::ScanFigures& f) { return f.scan.rendering || f.total.rendered > 0; }
std::string rendered_label(Lang lang) {
  return tr(lang, "Granskade som webbläsaren visar dem", "Checked as rendered by the browser");
}

// The profile's criteria in parts of at most kCriteriaPerTable.
std::vector<std::pair<std::size_t, std::size_t>> criteria_parts(std::size_t n) {
  std::vector<std::pair<std::size_t, std::size_t>> out;
  const std::size_t parts = std::max<std::size_t>(1, (n + kCriteriaPerTable - 1) / kCriteriaPerTable);
  const std::size_t per = (n + parts - 1) / parts;  // even parts: 50 -> 13, 13, 12, 12
  for (std::size_t from = 0; from < n; from += per) out.emplace_back(from, std::min(n, from + per));
  return out;
}

std::string part_caption(const Model& m, const std::string& base, std::size_t part, std::size_t parts, std::size_t from,
                         std::size_t to) {
  if (parts == 1) return base;
  return base + tr(m.lang, ", del ", ", part ") + std::to_string(part + 1) + tr(m.lang, " av ", " of ") +
         std::to_string(parts) + " (" + std::string(m.coverage[from].criterion->number) + "–" +
         std::string(m.coverage[to - 1].criterion->number) + ")";
}

// The EN 301 549 clause 10 reference of a criterion, linked; "" when clause 10 has none.
std::string doc_clause_link(const engine::Criterion& c) {
  return c.doc_clause.empty() ? std::string()
                              : html_link(en_301_549_url(), "EN 301 549 " + std::string(c.doc_clause) + " (PDF)");
}

// A document's name for people: its title, else the last part of its address.
std::string document_name(const results::DocumentRow& d) {
  if (!d.title.empty()) return d.title;
  std::string_view u = d.url;
  u = u.substr(0, u.find_first_of("?#"));
  const std::size_t slash = u.rfind('/');
  return std::string(slash == std::string_view::npos || slash + 1 == u.size() ? u : u.substr(slash + 1));
}

// The name of a document as a link's text: its name and, unless the name says it, its
// format ("Budget 2026 (PDF)"), so a reader knows a link leads to a file.
std::string document_link_text(const results::DocumentRow& d, Lang lang) {
  std::string kind(g::document_format(d.format).in(lang));
  if (kind.empty()) {  // not opened: from its content type
    const std::string_view type = std::string_view(d.content_type).substr(0, d.content_type.find(';'));
    if (type == "application/pdf") {
      kind = "PDF";
    } else if (type == "application/msword" || type.find("wordprocessing") != std::string_view::npos) {
      kind = "Word";
    } else if (type == "application/vnd.ms-excel" || type.find("spreadsheet") != std::string_view::npos) {
      kind = "Excel";
    } else if (type == "application/vnd.ms-powerpoint" || type.find("presentation") != std::string_view::npos) {
      kind = "PowerPoint";
    }
  }
  return document_name(d) + (kind.empty() ? std::string() : " (" + kind + ")");
}

// "3 sidor" linking to a document, and the other units it counts for.
std::string linked_from_text(const Model& m, std::size_t d, std::size_t unit) {
  const Lang lang = m.lang;
  const std::size_t n = m.document_rows[d].linked_from.size();
  std::string out = n == 0 ? tr(lang, "ingen granskad sida (hittad i en webbplatskarta eller som startadress)",
                                "no checked page (found in a sitemap or as a start address)")
                           : (n >= results::kMaxDocumentReferrers ? tr(lang, "minst ", "at least ") : std::string()) +
                                 g::count(n, g::kPages, lang);
  const std::string others = m.other_units(d, unit);
  if (!others.empty()) out += tr(lang, "; räknas också för ", "; also counts for ") + others;
  return out;
}

// The overview's documents: per unit, and the worst documents of the scan.
void write_index_documents(std::ostream& o, const Model& m) {
  const Lang lang = m.lang;
  const figures::ScanFigures& latest = m.latest();
  const figures::DocumentFigures& all = latest.total.docs;
  o << "<h2 id=\"dokument\">" << tr(lang, "Dokument", "Documents") << "</h2>\n";
  if (all.documents == 0) {
    o << "<p>" << tr(lang, "Sidorna länkar inte till några dokument.", "The pages link to no documents.") << "</p>\n";
    return;
  }
  o << "<p>"
    << html_text(tr(lang, "Sidorna länkar till ", "The pages link to ") + g::count(all.documents, g::kDocuments, lang) +
                 tr(lang, " (PDF, Word, Excel, PowerPoint): ", " (PDF, Word, Excel, PowerPoint): ") +
                 g::number(all.checked, lang) + tr(lang, " granskade, varav ", " checked, of which ") +
                 g::number(all.failing, lang) + tr(lang, " med fel; ", " with failures; ") + g::number(all.not_checked, lang) +
                 tr(lang, " kunde inte granskas. ", " could not be checked. "))
    << tr(lang, "De granskas mot kraven för dokument i ", "They are checked against the requirements for documents in ")
    << html_link(en_301_549_url(), tr(lang, "EN 301 549, kapitel 10 (PDF)", "EN 301 549, clause 10 (PDF)"))
    << html_text(tr(lang, ". Ett dokument räknas för varje enhet vars sidor länkar till det: ",
                    ". A document counts for every unit whose pages link to it: ") +
                 g::number(all.shared, lang) + tr(lang, " av dem räknas för flera enheter. ", " of them count for several units. ") +
                 tr(lang, "Dokumenten påverkar inte enheternas status, som bygger på webbsidorna.",
                    "Documents do not move the units' status, which is about their web pages."))
    << "</p>\n";
  if (all.over_cap > 0) {
    o << "<p class=\"note\">"
      << html_text(g::count(all.over_cap, g::kDocuments, lang) +
                   tr(lang, " granskades inte eftersom genomsökningens gräns för dokument (antal eller storlek) nåddes. Höj "
                            "max_documents eller max_documents_total_mb i inställningsfilen för att granska alla.",
                      " were not checked because the scan's limit on documents (number or size) was reached. Raise "
                      "max_documents or max_documents_total_mb in the configuration to check them all."))
      << "</p>\n";
  }
  write_table_start(o, "t-dokument", tr(lang, "Dokument per enhet", "Documents by unit"), "wide");
  o << "<thead><tr>";
  th_col(o, tr(lang, "Enhet", "Unit"));
  th_col(o, tr(lang, "Dokument", "Documents"), true);
  th_col(o, tr(lang, "Granskade", "Checked"), true);
  th_col(o, tr(lang, "Med fel", "With failures"), true);
  th_col(o, tr(lang, "Fel", "Failures"), true);
  th_col(o, tr(lang, "Kräver manuell granskning", "Needs manual review"), true);
  th_col(o, tr(lang, "Kunde inte granskas", "Could not be checked"), true);
  th_col(o, tr(lang, "Räknas också för en annan enhet", "Also count for another unit"), true);
  o << "</tr></thead>\n<tbody>\n";
  for (std::size_t i = 0; i <= m.units.size(); ++i) {
    const bool total = i == m.units.size();
    const figures::DocumentFigures& f = total ? all : latest.units[m.order[i]].docs;
    if (!total && f.documents == 0) continue;
    o << "<tr><th scope=\"row\">"
      << (total ? tr(lang, "Alla enheter (varje dokument en gång)", "All units (each document once)")
                : "<a href=\"" + html_text(m.unit_file(m.order[i])) + "#dokument\">" + html_text(m.unit_name(m.order[i])) +
                      "</a>")
      << "</th>";
    for (std::size_t n : {f.documents, f.checked, f.failing, f.failures, f.cant_tell, f.not_checked, f.shared}) {
      td_num(o, g::number(n, lang));
    }
    o << "</tr>\n";
  }
  o << "</tbody>\n";
  write_table_end(o);

  // The worst documents of the scan (document_rows is worst first).
  std::vector<std::size_t> worst;
  for (std::size_t d = 0; d < m.document_rows.size() && worst.size() < figures::kWorstPages; ++d) {
    if (m.document_rows[d].checked() && m.document_scores[d].failed) worst.push_back(d);
  }
  o << "<h3>" << tr(lang, "Dokument med flest fel", "Documents with the most failures") << "</h3>\n";
  if (worst.empty()) {
    o << "<p>" << tr(lang, "Inget granskat dokument har fel.", "No checked document has failures.") << "</p>\n";
    return;
  }
  write_table_start(o, "t-dokument-flest-fel",
                    tr(lang, "De ", "The ") + g::count(worst.size(), g::kDocuments, lang) +
                        tr(lang, " som har flest fel", " with the most failures"),
                    "wide");
  o << "<thead><tr>";
  th_col(o, tr(lang, "Dokument", "Document"));
  th_col(o, tr(lang, "Räknas för", "Counts for"));
  th_col(o, tr(lang, "Fel", "Failures"), true);
  th_col(o, tr(lang, "Kräver manuell granskning", "Needs manual review"), true);
  o << "</tr></thead>\n<tbody>\n";
  for (std::size_t d : worst) {
    const results::DocumentRow& doc = m.document_rows[d];
    std::string units;
    for (std::size_t u : m.document_units[d]) {
      // One per line: a ", " between links would be a text of punctuation only.
      units += (units.empty() ? "" : "<br>") + std::string("<a href=\"") + html_text(m.unit_file(u)) + "#dokument\">" +
               html_text(m.unit_name(u)) + "</a>";
    }
    o << "<tr><td class=\"url\">" << html_link(doc.url, document_link_text(doc, lang)) << "</td><td>" << units << "</td>";
    td_num(o, g::number(m.document_scores[d].failures, lang));
    td_num(o, g::number(m.document_scores[d].cant_tell, lang));
    o << "</tr>\n";
  }
  o << "</tbody>\n";
  write_table_end(o);
}

}  // namespace

void write_index_html(std::ostream& o, const Model& m) {
  const Lang lang = m.lang;
  const figures::ScanFigures& latest = m.latest();
  const std::string title = tr(lang, "Tillgänglighetsrapport per nämnd och bolag", "Accessibility report by committee and company");
  std::string nav;
  for (auto [id, sv, en] : {std::tuple{"oversikt", "Översikt", "Overview"},
                            std::tuple{"ej-granskade", "Sidor som inte kunde granskas", "Pages not checked"},
                            std::tuple{"dokument", "Dokument", "Documents"},
                            std::tuple{"webbplatser", "Webbplatserna", "The sites"},
                            std::tuple{"utveckling", "Utveckling", "Change"},
                            std::tuple{"status-over-tid", "Status per genomsökning", "Status per scan"},
                            std::tuple{"historik", "Fel över tid", "Failures over time"},
                            std::tuple{"granskning", "Granskningens bedömning", "The review's marks"},
                            std::tuple{"kriterier", "Fel per kriterium", "Failures by criterion"},
                            std::tuple{"profil", "Kriterierna", "The criteria"}, std::tuple{"om", "Om rapporten", "About"}}) {
    nav += "<li><a href=\"#" + std::string(id) + "\">" + tr(lang, sv, en) + "</a></li>\n";
  }
  write_html_page_start(o, {lang, title, nav, tr(lang, "Rapportens avsnitt", "Report sections")}, status_css());
  // A soft hyphen where the long Swedish word may break on a narrow screen.
  o << "<h1>" << html_text(tr(lang, "Tillgänglighets\u00adrapport per nämnd och bolag", title)) << "</h1>\n<p>"
    << html_text(tr(lang, "Genomsökning ", "Scan ") + scan_label(lang, latest.scan)) << tr(lang, " (svensk tid). ", " (Swedish time). ")
    << html_text(tr(lang, "Granskning: ", "Review: ") + (lang == Lang::En ? m.profile->name_en : m.profile->name_sv) + " (" +
                 m.profile->id + ", " + g::count(m.coverage.size(), g::kCriteria, lang) + "). ")
    << html_text(g::count(m.units.size(), g::kUnits, lang) + ", " + g::count(latest.total.html_pages, g::kPages, lang) +
                 tr(lang, " granskade", " checked"))
    << ".</p>\n";
  if (shows_rendered(latest)) {
    o << "<p>"
      << html_text(rendered_label(lang) + ": " + g::number(latest.total.rendered, lang) + tr(lang, " av ", " of ") +
                   g::number(latest.total.html_pages, lang) +
                   tr(lang,
                      " (visade i en webbläsare, headless Chromium, innan de granskades, så att innehåll som skript "
                      "bygger kom med; övriga granskades som webbservern skickar dem).",
                      " (shown in a browser, headless Chromium, before they were checked, so that content built by "
                      "scripts was included; the others were checked as the web server sends them)."))
      << "</p>\n";
  }
  profile_note(o, m);

  // Overview: what to act on first.
  o << "<h2 id=\"oversikt\">" << tr(lang, "Översikt: det här behöver åtgärdas först", "Overview: what to act on first")
    << "</h2>\n<p>"
    << tr(lang,
          "Enheterna står i den ordning de behöver åtgärda: Nej före Delvis före Ja, och inom varje status flest fel först. "
          "Status visas med symbol, ord och färg:",
          "Units are listed in the order they need to act: No before Partly before Yes, and within each status most "
          "failures first. Status is shown by symbol, word and colour:")
    << "</p>\n";
  legend(o, lang);
  write_table_start(o, "t-oversikt",
                    tr(lang, "Status och fel per nämnd och bolag, genomsökning ", "Status and failures by committee and company, scan ") +
                        scan_label(lang, latest.scan),
                    "wide overview");
  o << "<thead><tr>";
  th_col(o, tr(lang, "Enhet", "Unit"));
  th_col(o, tr(lang, "Status", "Status"));
  th_col(o, tr(lang, "Fel", "Failures"), true);
  th_col(o, tr(lang, "Granskade sidor", "Checked pages"), true);
  th_col(o, tr(lang, "Andel utan fel", "Share without failures"), true);
  th_col(o, tr(lang, "Kunde inte granskas", "Could not be checked"), true);
  th_col(o, tr(lang, "Sedan förra genomsökningen", "Since the previous scan"));
  th_col(o, tr(lang, "Det här krävs för Delvis och Ja", "What it takes to reach Partly and Yes"));
  o << "</tr></thead>\n<tbody>\n";
  auto overview_row = [&](const std::string& name_cell, const figures::UnitFigures& f, figures::Status s, std::size_t trend_i,
                          const std::string& not_checked_cell) {
    o << "<tr><th scope=\"row\">" << name_cell << "</th><td>" << status_badge(lang, s) << "</td>";
    td_num(o, g::number(f.failures, lang));
    td_num(o, g::number(f.html_pages, lang));
    td_num(o, pct(lang, f.pages_without_failures, f.html_pages));
    td_num(o, not_checked_cell);
    o << "<td>" << html_text(trend_text(lang, m.trend, trend_i)) << "</td><td>"
      << what_it_takes(lang, f, s, m.thresholds) << "</td></tr>\n";
  };
  for (std::size_t u : m.order) {
    const figures::UnitFigures& f = latest.units[u];
    const std::string n = g::number(f.not_checkable(), lang);
    overview_row("<a href=\"" + html_text(m.unit_file(u)) + "\">" + html_text(m.unit_name(u)) + "</a>", f, m.status[u], u,
                 f.not_checkable() > 0
                     // The visible "2" alone says nothing out of the table (2.4.9): the name
                     // starts with it (2.5.3) and says what and whose.
                     ? "<a href=\"" + html_text(m.unit_file(u)) + "#ej-granskade\" aria-label=\"" +
                           html_text(n + tr(lang, " sidor som inte kunde granskas: ", " pages that could not be checked: ") +
                                     std::string(m.unit_name(u))) +
                           "\">" + n + "</a>"
                     : n);
  }
  overview_row(tr(lang, "Alla enheter", "All units"), latest.total, m.total_status, m.units.size(),
               g::number(latest.total.not_checkable(), lang));
  o << "</tbody>\n";
  write_table_end(o);
  o << "<p>"
    << tr(lang,
          "Fel räknas per element. En sida som nås på flera adresser (till exempel / och /index.html) räknas en gång; "
          "adresserna listas på enhetens sida. Sidor som inte kunde granskas (till exempel svaret 404 eller stoppade av "
          "robots.txt) ingår inte i andelen utan fel.",
          "Failures are counted per element. A page reached at several addresses (such as / and /index.html) counts "
          "once; the addresses are listed on the unit's page. Pages that could not be checked (for example an answer of "
          "404, or blocked by robots.txt) are not in the share without failures.")
    << "</p>\n";

  // Every page accounted for.
  o << "<h2 id=\"ej-granskade\">" << tr(lang, "Sidor som inte kunde granskas", "Pages that could not be checked") << "</h2>\n";
  const results::ScanInfo& scan = latest.scan;
  if (scan.page_limit_reached()) {
    o << "<p class=\"note\">"
      << html_text(tr(lang, "Genomsökningen nådde sin gräns på ", "The scan reached its limit of ") +
                   g::count(scan.max_pages, g::kPages, lang) +
                   tr(lang, ": sidor bortom gränsen hämtades aldrig och finns inte med i rapporten. Höj max_pages i "
                            "inställningsfilen för att granska hela webbplatsen.",
                      ": pages beyond it were never fetched and are not in this report. Raise max_pages in the "
                      "configuration to check the whole site."))
      << "</p>\n";
  }
  if (scan.pages_at_max_depth > 0) {
    o << "<p class=\"note\">"
      << html_text(g::count(scan.pages_at_max_depth, g::kPages, lang) +
                   tr(lang, " ligger på genomsökningens största djup (", " lie at the scan's greatest depth (") +
                   std::to_string(scan.max_depth) +
                   tr(lang, " länkar från en startadress): deras länkar följdes inte, så sidor som bara nås därifrån saknas.",
                      " links from a start address): their links were not followed, so pages reached only from them are "
                      "missing."))
      << "</p>\n";
  }
  write_table_start(o, "t-ej-granskade",
                    tr(lang, "Sidor som inte granskades, per enhet och skäl", "Pages not checked, by unit and reason"), "wide");
  o << "<thead><tr>";
  th_col(o, tr(lang, "Enhet", "Unit"));
  th_col(o, tr(lang, "Kunde inte hämtas (404, 500 …)", "Could not be fetched (404, 500 …)"), true);
  th_col(o, tr(lang, "Stoppade av robots.txt", "Blocked by robots.txt"), true);
  th_col(o, tr(lang, "Inte en webbsida eller utanför granskningen", "Not a web page, or out of scope"), true);
  th_col(o, tr(lang, "Omdirigerade till en annan granskad sida", "Redirected to another checked page"), true);
  th_col(o, tr(lang, "Samma sida under en annan adress", "The same page at another address"), true);
  o << "</tr></thead>\n<tbody>\n";
  for (std::size_t u = 0; u <= m.units.size(); ++u) {
    const bool total = u == m.units.size();
    const figures::UnitFigures& f = total ? latest.total : latest.units[m.order[u]];
    o << "<tr><th scope=\"row\">"
      << (total ? tr(lang, "Alla enheter", "All units")
                : "<a href=\"" + html_text(m.unit_file(m.order[u])) + "#ej-granskade\">" + html_text(m.unit_name(m.order[u])) +
                      "</a>")
      << "</th>";
    for (std::size_t n : {f.error_pages, f.blocked, f.skipped, f.redirected, f.aliases}) td_num(o, g::number(n, lang));
    o << "</tr>\n";
  }
  o << "</tbody>\n";
  write_table_end(o);

  write_index_documents(o, m);

  // The site-level checks, per site.
  write_sites_overview(o, m);

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
      << "</p>\n";
    write_table_start(o, "t-utveckling",
                      tr(lang, "Nya, åtgärdade och kvarstående fel per enhet", "New, fixed and remaining failures by unit"),
                      "wide");
    o << "<thead><tr>";
    th_col(o, tr(lang, "Enhet", "Unit"));
    th_col(o, tr(lang, "Nya fel", "New failures"), true);
    th_col(o, tr(lang, "Åtgärdade fel", "Fixed failures"), true);
    th_col(o, tr(lang, "Kvarstående fel", "Remaining failures"), true);
    th_col(o, tr(lang, "Ej granskade igen", "Not checked again"), true);
    th_col(o, tr(lang, "På sidor som inte granskades förra gången", "On pages not checked last time"), true);
    o << "</tr></thead>\n<tbody>\n";
    for (std::size_t i = 0; i <= m.units.size(); ++i) {
      const std::size_t u = i < m.units.size() ? m.order[i] : m.units.size();
      const figures::Trend& t = m.trend[u];
      o << "<tr><th scope=\"row\">" << (u < m.units.size() ? html_text(m.unit_name(u)) : tr(lang, "Alla enheter", "All units"))
        << "</th>";
      for (std::size_t n : {t.added, t.fixed, t.remaining, t.not_rechecked, t.not_checked_before}) td_num(o, g::number(n, lang));
      o << "</tr>\n";
    }
    o << "</tbody>\n";
    write_table_end(o);
  }

  // Status per scan: the year towards the follow-up review.
  const auto labels = scan_labels(m.history);
  o << "<h2 id=\"status-over-tid\">" << tr(lang, "Status per genomsökning", "Status per scan") << "</h2>\n<p>"
    << html_text(tr(lang, "Varje enhets status i de senaste ", "Each unit's status in the latest ") +
                 g::count(m.history.size(), g::kScans, lang) +
                 tr(lang, ", äldst först (svensk tid).", ", oldest first (Swedish time)."))
    << "</p>\n";
  write_table_start(o, "t-status-over-tid", tr(lang, "Status per enhet och genomsökning", "Status by unit and scan"), "matrix");
  o << "<thead><tr>";
  th_col(o, tr(lang, "Enhet", "Unit"));
  for (const figures::ScanFigures& f : m.history) {
    const std::string t = display_time(f.scan.started);
    const std::size_t sp = t.find(' ');
    th_col_html(o, html_text(tr(lang, "nr ", "no. ") + std::to_string(f.scan.id)) + "<br>" + html_text(t.substr(0, sp)) +
                       (sp == std::string::npos ? std::string() : "<br>" + html_text(t.substr(sp + 1))));
  }
  o << "</tr></thead>\n<tbody>\n";
  for (std::size_t i = 0; i <= m.units.size(); ++i) {
    const bool total = i == m.units.size();
    const std::size_t u = total ? 0 : m.order[i];
    o << "<tr><th scope=\"row\">" << (total ? tr(lang, "Alla enheter", "All units") : html_text(m.unit_name(u))) << "</th>";
    for (const figures::ScanFigures& f : m.history) {
      o << "<td>" << status_badge(lang, figures::status_of(total ? f.total : f.units[u], m.thresholds)) << "</td>";
    }
    o << "</tr>\n";
  }
  o << "</tbody>\n";
  write_table_end(o);

  // History: charts with their tables.
  o << "<h2 id=\"historik\">" << tr(lang, "Fel över tid", "Failures over time") << "</h2>\n";
  std::vector<Bar> failures, shares;
  double max_failures = 0;
  for (std::size_t h = 0; h < m.history.size(); ++h) {
    const figures::UnitFigures& t = m.history[h].total;
    failures.push_back({labels[h].first, labels[h].second, static_cast<double>(t.failures), g::number(t.failures, lang)});
    max_failures = std::max(max_failures, static_cast<double>(t.failures));
    const double share = t.html_pages ? 100.0 * static_cast<double>(t.pages_without_failures) / static_cast<double>(t.html_pages) : 0;
    shares.push_back({labels[h].first, labels[h].second, share,
                      t.html_pages ? pct(lang, t.pages_without_failures, t.html_pages) : tr(lang, "ingen", "none")});
  }
  o << "<h3>" << tr(lang, "Antal fel per genomsökning", "Failures per scan") << "</h3>\n";
  bar_chart(o, "chart-failures",
            tr(lang, "Stapeldiagram: antal fel per genomsökning, alla enheter, skala från 0. Samma siffror finns i tabellen nedan.",
               "Bar chart: failures per scan, all units, scale from 0. The same figures are in the table below."),
            failures, nice_max(max_failures), "");
  o << "<h3>" << tr(lang, "Andel granskade sidor utan fel per genomsökning", "Share of checked pages without failures per scan")
    << "</h3>\n";
  bar_chart(o, "chart-share",
            tr(lang, "Stapeldiagram: andel granskade sidor utan fel per genomsökning, skala från 0 till 100 procent. Samma "
                     "siffror finns i tabellen nedan.",
               "Bar chart: share of checked pages without failures per scan, scale from 0 to 100 percent. The same figures "
               "are in the table below."),
            shares, 100, lang == Lang::En ? "%" : " %");
  write_table_start(o, "t-historik",
                    tr(lang, "Diagrammens siffror: fel och sidor utan fel per genomsökning",
                       "The charts' figures: failures and pages without failures per scan"));
  o << "<thead><tr>";
  th_col(o, tr(lang, "Genomsökning", "Scan"));
  th_col(o, tr(lang, "Fel", "Failures"), true);
  th_col(o, tr(lang, "Granskade sidor", "Checked pages"), true);
  th_col(o, tr(lang, "Andel utan fel", "Share without failures"), true);
  th_col(o, tr(lang, "Status", "Status"));
  o << "</tr></thead>\n<tbody>\n";
  for (const figures::ScanFigures& f : m.history) {
    o << "<tr><th scope=\"row\">" << html_text(scan_label(lang, f.scan)) << "</th>";
    td_num(o, g::number(f.total.failures, lang));
    td_num(o, g::number(f.total.html_pages, lang));
    td_num(o, pct(lang, f.total.pages_without_failures, f.total.html_pages));
    o << "<td>" << status_badge(lang, figures::status_of(f.total, m.thresholds)) << "</td></tr>\n";
  }
  o << "</tbody>\n";
  write_table_end(o);

  // Per-unit small multiples on one scale, then their table.
  double unit_max = 0;
  for (const figures::ScanFigures& f : m.history) {
    for (std::size_t u = 0; u < m.units.size(); ++u) unit_max = std::max(unit_max, static_cast<double>(f.units[u].failures));
  }
  unit_max = nice_max(unit_max);
  o << "<h3>" << tr(lang, "Fel per enhet", "Failures by unit") << "</h3>\n<p>"
    << html_text(tr(lang, "Ett litet diagram per enhet, äldsta genomsökningen till vänster. Alla diagram har samma skala, "
                          "från 0 till ",
                    "One small chart per unit, the oldest scan on the left. All charts share one scale, from 0 to ") +
                 g::count(static_cast<std::size_t>(unit_max), g::kFailures, lang) +
                 tr(lang, ", så att enheterna kan jämföras. Siffrorna finns i tabellen efter diagrammen.",
                    ", so that units can be compared. The figures are in the table after the charts."))
    << "</p>\n<ul class=\"multiples\">\n";
  for (std::size_t u : m.order) {
    std::vector<std::size_t> values;
    std::string list;
    for (const figures::ScanFigures& f : m.history) {
      values.push_back(f.units[u].failures);
      list += (list.empty() ? "" : ", ") + g::number(f.units[u].failures, lang);
    }
    o << "<li>";
    small_chart(o, "multiple-" + m.file_id(u), html_text(m.unit_name(u)) + ": " + html_text(g::count(values.back(), g::kFailures, lang)),
                std::string(m.unit_name(u)) + tr(lang, ": fel per genomsökning, äldst först: ", ": failures per scan, oldest first: ") +
                    list,
                values, unit_max);
    o << "</li>\n";
  }
  o << "</ul>\n";
  write_table_start(o, "t-fel-per-enhet", tr(lang, "Fel per enhet och genomsökning", "Failures by unit and scan"));
  o << "<thead><tr>";
  th_col(o, tr(lang, "Enhet", "Unit"));
  // The scan number too: two scans on one day must not share a column heading.
  for (std::size_t h = 0; h < m.history.size(); ++h) {
    th_col_html(o, html_text(tr(lang, "nr ", "no. ") + std::to_string(m.history[h].scan.id)) + "<br>" + html_text(labels[h].first),
                true);
  }
  o << "</tr></thead>\n<tbody>\n";
  for (std::size_t u : m.order) {
    o << "<tr><th scope=\"row\">" << html_text(m.unit_name(u)) << "</th>";
    for (const figures::ScanFigures& f : m.history) td_num(o, g::number(f.units[u].failures, lang));
    o << "</tr>\n";
  }
  o << "</tbody>\n";
  write_table_end(o);

  // The review's own view: a mark per unit and criterion.
  const auto parts = criteria_parts(m.coverage.size());
  o << "<h2 id=\"granskning\">" << tr(lang, "Granskningens bedömning per kriterium", "The review's mark per criterion")
    << "</h2>\n<p>"
    << tr(lang,
          "Stadens granskning bedömer varje kriterium för varje tjänst som Ja, Delvis eller Nej. Bedömningen här är ett "
          "förslag som räknas fram ur genomsökningen: ett kriterium som testas automatiskt får den status som ”Om rapporten” anger för andelen av de "
          "sidor där kriteriet testades som är utan fel på kriteriet. Ej testat: inget automatiskt test finns, eller inget "
          "test var tillämpligt på enhetens sidor – en person behöver bedöma det. Samma bedömning finns i ",
          "The city's review marks each criterion of each service Yes, Partly or No. This is granska's proposed mark: a "
          "criterion tested automatically gets the status “About” gives to the share of the pages it was tested on that "
          "have no failure of it. Not tested: there is no automated test, or no test applied to the unit's pages – a "
          "person must assess it. The same marks are in ")
    << "<a href=\"granskning.csv\">granskning.csv</a> " << tr(lang, "och ", "and ")
    << "<a href=\"granskning.xlsx\">granskning.xlsx</a>" << tr(lang, " för lägesrapporten.", " for the status report.")
    << "</p>\n";
  profile_note(o, m);
  for (std::size_t part = 0; part < parts.size(); ++part) {
    const auto [from, to] = parts[part];
    write_table_start(o, "t-granskning-" + std::to_string(part + 1),
                      part_caption(m,
                                   tr(lang, "Bedömning per enhet och kriterium (kolumnerna är kriteriernas nummer)",
                                      "Mark by unit and criterion (the columns are the criteria's numbers)"),
                                   part, parts.size(), from, to),
                      "matrix");
    o << "<thead><tr>";
    th_col(o, tr(lang, "Enhet", "Unit"));
    for (std::size_t c = from; c < to; ++c) {
      th_col_html(o, html_link(wcag_url(*m.coverage[c].criterion, lang), m.coverage[c].criterion->number));
    }
    o << "</tr></thead>\n<tbody>\n";
    for (std::size_t u : m.order) {
      o << "<tr><th scope=\"row\"><a href=\"" << html_text(m.unit_file(u)) << "#granskning\">" << html_text(m.unit_name(u))
        << "</a></th>";
      for (std::size_t c = from; c < to; ++c) o << "<td>" << mark_badge(lang, m.mark(u, c)) << "</td>";
      o << "</tr>\n";
    }
    o << "</tbody>\n";
    write_table_end(o);
  }

  // Failures by criterion and unit.
  o << "<h2 id=\"kriterier\">" << tr(lang, "Fel per kriterium och enhet", "Failures by criterion and unit") << "</h2>\n";
  for (std::size_t part = 0; part < parts.size(); ++part) {
    const auto [from, to] = parts[part];
    write_table_start(o, "t-kriterier-" + std::to_string(part + 1),
                      part_caption(m,
                                   tr(lang, "Antal fel per enhet och kriterium (krav, inte god praxis)",
                                      "Failures by unit and criterion (requirements, not best practice)"),
                                   part, parts.size(), from, to),
                      "matrix");
    o << "<thead><tr>";
    th_col(o, tr(lang, "Enhet", "Unit"));
    for (std::size_t c = from; c < to; ++c) {
      th_col_html(o, html_link(wcag_url(*m.coverage[c].criterion, lang), m.coverage[c].criterion->number), true);
    }
    o << "</tr></thead>\n<tbody>\n";
    for (std::size_t i = 0; i <= m.units.size(); ++i) {
      const bool total = i == m.units.size();
      const figures::UnitFigures& f = total ? latest.total : latest.units[m.order[i]];
      o << "<tr><th scope=\"row\">" << (total ? tr(lang, "Alla enheter", "All units") : html_text(m.unit_name(m.order[i])))
        << "</th>";
      for (std::size_t c = from; c < to; ++c) {
        td_num(o, m.coverage[c].coverage == org::Coverage::Automatic ? g::number(f.failures_by_criterion[c], lang)
                                                                      : tr(lang, "manuell", "manual"));
      }
      o << "</tr>\n";
    }
    o << "</tbody>\n";
    write_table_end(o);
  }

  // The profile, with the one table of links to the criteria's texts.
  o << "<h2 id=\"profil\">" << tr(lang, "Kriterierna i granskningen", "The criteria of this review") << "</h2>\n<p>"
    << tr(lang,
          "Varje kriterium länkar till sin text i den auktoriserade svenska översättningen av WCAG 2.1 och till EN 301 549. "
          "Testas automatiskt: granska hittar fel i kriteriet själv, men inga funna fel betyder inte att kriteriet är "
          "uppfyllt – delar av varje kriterium kräver en person. Bara varningar (god praxis): granska pekar ut troliga "
          "problem som en person avgör. Kräver manuell granskning: inget automatiskt test finns.",
          "Each criterion links to its text in WCAG 2.1 and to EN 301 549. Tested automatically: granska finds failures "
          "of the criterion by itself, but no failures found does not mean the criterion is met – parts of every "
          "criterion need a person. Best-practice warnings only: granska points at likely problems a person decides on. "
          "Needs manual review: there is no automated test.")
    << "</p>\n";
  profile_note(o, m);
  write_table_start(o, "t-profil", tr(lang, "Kriterierna i profilen ", "The criteria of the profile ") + m.profile->id, "wide");
  o << "<thead><tr>";
  th_col(o, tr(lang, "Kriterium (WCAG 2.1)", "Criterion (WCAG 2.1)"));
  th_col(o, tr(lang, "Nivå", "Level"));
  th_col(o, "EN 301 549");
  th_col(o, tr(lang, "Täckning", "Coverage"));
  th_col(o, tr(lang, "Regler", "Rules"));
  o << "</tr></thead>\n<tbody>\n";
  for (const org::CriterionCoverage& c : m.coverage) {
    std::string rules;
    for (std::string_view r : c.requirement_rules) rules += (rules.empty() ? "" : ", ") + std::string(r);
    for (std::string_view r : c.best_practice_rules) rules += (rules.empty() ? "" : ", ") + std::string(r);
    o << "<tr><th scope=\"row\">" << criterion_link(lang, *c.criterion) << "</th><td>" << engine::to_string(c.criterion->level)
      << "</td><td class=\"nowrap\">" << en_link(*c.criterion) << "</td><td>" << html_text(g::coverage(c.coverage).in(lang))
      << "</td><td>" << html_text(rules.empty() ? none(lang) : rules) << "</td></tr>\n";
  }
  o << "</tbody>\n";
  write_table_end(o);

  // About.
  o << "<h2 id=\"om\">" << tr(lang, "Om rapporten", "About this report") << "</h2>\n<p>"
    << tr(lang, "Status bedöms på stadens tregradiga skala utifrån andelen granskade sidor utan fel:",
          "The status uses the city's three-level scale, from the share of checked pages without failures:")
    << "</p>\n";
  status_rules(o, m);
  o << "<p>"
    << tr(lang,
          "Fel räknas per element och gäller regler som testar krav i granskningens kriterier. Varningar (god praxis) och "
          "sådant som kräver manuell granskning räknas för sig och står på enheternas sidor. Granskade sidor är webbsidor "
          "som hämtades och testades; en sida som nås på flera adresser räknas en gång (samma slutadress efter "
          "omdirigering, en länk rel=canonical till den andra adressen, eller samma innehåll på samma värd). Sidor som "
          "inte kunde hämtas, som robots.txt stoppade och som inte är webbsidor räknas inte in i andelen utan fel men "
          "listas med skäl på enheternas sidor.",
          "Failures are counted per element, for rules that test requirements of the review's criteria. Best-practice "
          "warnings and items that need manual review are counted apart and listed on the units' pages. Checked pages are "
          "web pages that were fetched and tested; a page reached at several addresses counts once (the same address "
          "after redirects, a rel=canonical link to the other address, or the same content on the same host). Pages that "
          "could not be fetched, that robots.txt blocked or that are not web pages are not in the share without "
          "failures, but are listed with the reason on the units' pages.")
    << "</p>\n<p>" << tr(lang, "Filer i rapportmappen:", "Files in the report folder:") << "</p>\n<ul>\n<li>"
    << "<a href=\"findings.csv\">findings.csv</a> – "
    << tr(lang, "alla fynd, en rad per fynd och kriterium (för Excel: semikolon, svenska värden, datum i svensk tid).",
          "every finding, one row per finding and criterion (for Excel).")
    << "</li>\n<li><a href=\"granskning.csv\">granskning.csv</a> " << tr(lang, "och ", "and ")
    << "<a href=\"granskning.xlsx\">granskning.xlsx</a> – "
    << tr(lang, "granskningens bedömning per enhet och kriterium, och status per genomsökning (arbetsboken).",
          "the review's mark by unit and criterion, and the status per scan (the workbook).")
    << "</li>\n<li><a href=\"report.json\">report.json</a> – "
    << tr(lang, "allt för program.", "everything, for programs.") << "</li>\n</ul>\n<p>"
    << tr(lang,
          "CSV-filerna öppnas rätt i svenska Excel med ett dubbelklick: UTF-8 med BOM, semikolon mellan cellerna, "
          "decimalkomma. Kriterier skrivs med namn (”1.1.1 Icke-textuellt innehåll”) så att Excel inte gör dem till datum.",
          "The CSV files open in Swedish Excel with a double click: UTF-8 with a BOM, semicolons between cells, decimal "
          "commas. Criteria are written with their names (“1.1.1 Icke-textuellt innehåll”) so that Excel does not turn "
          "them into dates.")
    << "</p>\n<p>"
    << tr(lang, "Kriterier som inte testas automatiskt och kräver manuell granskning:",
          "Criteria that are not tested automatically and need a manual review:")
    << "</p>\n";
  manual_list(o, m);
  write_html_page_end(o, footer(m));
}

std::string unit_finding_row(const Model& m, const results::PageRow& page, const results::FindingRow& f) {
  const figures::RuleFacts& facts = m.rules->facts(f.rule);
  std::string out = "<tr><td class=\"url\">" + html_link(page.url, page.url) + "</td><td>" + html_text(message_text(facts, f, m.lang)) +
                    "</td><td>" + (f.selector.empty() ? tr(m.lang, "(hela sidan)", "(whole page)")
                                                      : "<code>" + html_text(f.selector) + "</code>") +
                    "</td><td class=\"num\">" + std::to_string(f.line) + ":" + std::to_string(f.column) + "</td><td>" +
                    (f.snippet.empty() ? none(m.lang) : "<code>" + html_text(f.snippet) + "</code>") + "</td></tr>";
  return out;
}

namespace {

// A unit page, written section by section.
struct UnitPage {
  std::ostream& o;
  const Model& m;
  std::size_t u;
  const UnitRows& rows;
  Lang lang() const { return m.lang; }
  const figures::UnitFigures& f() const { return m.latest().units[u]; }
  std::string name() const { return std::string(m.unit_name(u)); }
};

// The sections of a unit page, in order: each is an id (its anchor), a title (its h2 and
// nav entry) and a writer. "Webbplatsen" is the unit's site as a whole (the accessibility
// statement, consistent navigation, scan_report_site.cc).
struct UnitSection {
  const char* id;
  Text title;
  void (*write)(UnitPage&);
};

void section_summary(UnitPage& p) {
  const Lang lang = p.lang();
  const figures::UnitFigures& f = p.f();
  write_table_start(p.o, "t-sammanfattning", tr(lang, "Siffror för ", "Figures for ") + p.name());
  p.o << "<thead><tr>";
  th_col(p.o, tr(lang, "Vad", "What"));
  th_col(p.o, tr(lang, "Antal", "Count"), true);
  p.o << "</tr></thead>\n<tbody>\n";
  auto row = [&](std::string_view what, const std::string& value) {
    p.o << "<tr><th scope=\"row\">" << html_text(what) << "</th>";
    td_num(p.o, value);
    p.o << "</tr>\n";
  };
  row(tr(lang, "Fel", "Failures"), g::number(f.failures, lang));
  row(tr(lang, "Kriterier med fel", "Criteria with failures"), g::number(f.criteria_with_failures(), lang));
  row(tr(lang, "Granskade sidor", "Checked pages"), g::number(f.html_pages, lang));
  row(tr(lang, "Granskade sidor utan fel", "Checked pages without failures"),
      g::number(f.pages_without_failures, lang) + " (" + pct(lang, f.pages_without_failures, f.html_pages) + ")");
  if (shows_rendered(p.m.latest())) row(rendered_label(lang), g::number(f.rendered, lang));
  row(tr(lang, "Kräver manuell granskning", "Needs manual review"), g::number(f.cant_tell, lang));
  row(tr(lang, "Varningar (god praxis)", "Warnings (best practice)"), g::number(f.warnings, lang));
  row(tr(lang, "Sidor som inte kunde granskas", "Pages that could not be checked"), g::number(f.not_checkable(), lang));
  row(tr(lang, "Samma sida under en annan adress", "The same page at another address"), g::number(f.aliases, lang));
  row(tr(lang, "Ljud och video som behöver åtgärdas, av alla", "Audio and video needing work, of all"),
      g::number(f.media_needing_work, lang) + tr(lang, " av ", " of ") + g::number(f.media, lang));
  row(tr(lang, "Dokument som enhetens sidor länkar till", "Documents the unit's pages link to"), g::number(f.docs.documents, lang));
  row(tr(lang, "Granskade dokument med fel, av granskade", "Checked documents with failures, of checked"),
      g::number(f.docs.failing, lang) + tr(lang, " av ", " of ") + g::number(f.docs.checked, lang));
  row(tr(lang, "Dokument som inte kunde granskas", "Documents that could not be checked"), g::number(f.docs.not_checked, lang));
  row(tr(lang, "Adresser i genomsökningen, alla slag", "Addresses in the scan, of every kind"), g::number(f.pages, lang));
  p.o << "</tbody>\n";
  write_table_end(p.o);
  if (!p.m.trend.empty()) {
    const figures::Trend& t = p.m.trend[p.u];
    std::string s = tr(lang, "Sedan genomsökning ", "Since scan ") + scan_label(lang, *p.m.previous) + ": " +
                    g::number(t.added, lang) + tr(lang, " nya fel, ", " new failures, ") + g::number(t.fixed, lang) +
                    tr(lang, " åtgärdade, ", " fixed, ") + g::number(t.remaining, lang) + tr(lang, " kvarstående", " remaining");
    if (t.not_rechecked) {
      s += ", " + g::number(t.not_rechecked, lang) +
           tr(lang, " på sidor som inte kunde granskas igen", " on pages that could not be checked again");
    }
    if (t.not_checked_before) {
      s += ", " + g::number(t.not_checked_before, lang) +
           tr(lang, " på sidor som inte granskades förra gången", " on pages not checked last time");
    }
    p.o << "<p>" << html_text(s + ".") << "</p>\n";
  }
}

void section_next_level(UnitPage& p) {
  const Lang lang = p.lang();
  const figures::Status s = p.m.status[p.u];
  p.o << "<p>" << tr(lang, "Status nu: ", "Status now: ") << status_badge(lang, s) << " "
      << html_text(g::status_long(s).in(lang)) << ".</p>\n<ul>\n";
  for (figures::Status target : {figures::Status::Partial, figures::Status::Satisfactory}) {
    p.o << "<li>" << status_badge(lang, target) << " " << html_text(gap_text(lang, figures::gap_to(p.f(), target, p.m.thresholds)))
        << "</li>\n";
  }
  p.o << "</ul>\n<p>"
      << tr(lang,
            "Att åtgärda en sida betyder att rätta alla fel på den. Sidorna med flest fel står längre ned; gränserna står "
            "under ”Om rapporten” på översiktssidan.",
            "Fixing a page means fixing every failure on it. The pages with most failures are further down; the thresholds "
            "are under “About” on the overview page.")
      << "</p>\n";
}

void section_review(UnitPage& p) {
  const Lang lang = p.lang();
  const figures::UnitFigures& f = p.f();
  profile_note(p.o, p.m);
  write_table_start(p.o, "t-granskning",
                    tr(lang, "Granskningens bedömning per kriterium för ", "The review's mark per criterion for ") + p.name(),
                    "wide");
  p.o << "<thead><tr>";
  th_col(p.o, tr(lang, "Kriterium", "Criterion"));
  for (figures::ReviewMark mk : {figures::ReviewMark::Yes, figures::ReviewMark::Partly, figures::ReviewMark::No,
                                 figures::ReviewMark::NotTested}) {
    th_col(p.o, g::review_mark(mk).in(lang));
  }
  th_col(p.o, tr(lang, "Sidor där kriteriet testades", "Pages it was tested on"), true);
  th_col(p.o, tr(lang, "Sidor med fel", "Pages with failures"), true);
  th_col(p.o, tr(lang, "Fel", "Failures"), true);
  th_col(p.o, tr(lang, "Kräver manuell granskning", "Needs manual review"), true);
  p.o << "</tr></thead>\n<tbody>\n";
  for (std::size_t c = 0; c < p.m.coverage.size(); ++c) {
    const figures::ReviewMark mark = p.m.mark(p.u, c);
    p.o << "<tr><th scope=\"row\">" << criterion_link(lang, *p.m.coverage[c].criterion) << "</th>";
    for (figures::ReviewMark mk : {figures::ReviewMark::Yes, figures::ReviewMark::Partly, figures::ReviewMark::No,
                                   figures::ReviewMark::NotTested}) {
      p.o << "<td>" << (mk == mark ? mark_badge(lang, mk) : std::string()) << "</td>";
    }
    const bool tested = p.m.coverage[c].coverage == org::Coverage::Automatic;
    for (std::size_t n : {f.pages_tested_by_criterion[c], f.pages_by_criterion[c], f.failures_by_criterion[c],
                          f.cant_tell_by_criterion[c]}) {
      td_num(p.o, tested ? g::number(n, lang) : tr(lang, "manuell", "manual"));
    }
    p.o << "</tr>\n";
  }
  p.o << "</tbody>\n";
  write_table_end(p.o);
}

void section_history(UnitPage& p) {
  const Lang lang = p.lang();
  const auto labels = scan_labels(p.m.history);
  std::vector<Bar> bars;
  double max = 0;
  for (std::size_t h = 0; h < p.m.history.size(); ++h) {
    const std::size_t n = p.m.history[h].units[p.u].failures;
    bars.push_back({labels[h].first, labels[h].second, static_cast<double>(n), g::number(n, lang)});
    max = std::max(max, static_cast<double>(n));
  }
  bar_chart(p.o, "chart-unit-failures",
            tr(lang, "Stapeldiagram: antal fel per genomsökning för ", "Bar chart: failures per scan for ") + p.name() +
                tr(lang, ", skala från 0. Samma siffror finns i tabellen nedan.", ", scale from 0. The same figures are in the table below."),
            bars, nice_max(max), "");
  write_table_start(p.o, "t-historik", tr(lang, "Status och fel per genomsökning", "Status and failures per scan"));
  p.o << "<thead><tr>";
  th_col(p.o, tr(lang, "Genomsökning", "Scan"));
  th_col(p.o, tr(lang, "Status", "Status"));
  th_col(p.o, tr(lang, "Fel", "Failures"), true);
  th_col(p.o, tr(lang, "Granskade sidor", "Checked pages"), true);
  th_col(p.o, tr(lang, "Andel utan fel", "Share without failures"), true);
  p.o << "</tr></thead>\n<tbody>\n";
  for (const figures::ScanFigures& s : p.m.history) {
    const figures::UnitFigures& f = s.units[p.u];
    p.o << "<tr><th scope=\"row\">" << html_text(scan_label(lang, s.scan)) << "</th><td>"
        << status_badge(lang, figures::status_of(f, p.m.thresholds)) << "</td>";
    td_num(p.o, g::number(f.failures, lang));
    td_num(p.o, g::number(f.html_pages, lang));
    td_num(p.o, pct(lang, f.pages_without_failures, f.html_pages));
    p.o << "</tr>\n";
  }
  p.o << "</tbody>\n";
  write_table_end(p.o);
}

// One listing (failures, needs-review items or warnings) grouped by criterion: each rule
// under the first of its criteria in the profile, rules testing none of them last.
void write_listing(UnitPage& p, Listing listing, const std::string& id, const g::Noun& noun, std::size_t figure,
                   const Text& empty) {
  const Lang lang = p.lang();
  const engine::Registry& registry = p.m.rules->registry();
  const auto& by_rule = p.rows[static_cast<std::size_t>(listing)];
  const std::size_t n_criteria = p.m.rules->criteria().size();
  std::size_t listed = 0;
  for (const auto& r : by_rule) listed += r.size();
  if (listed == 0) {
    p.o << "<p>" << html_text(empty.in(lang)) << "</p>\n";
    return;
  }
  p.o << "<p>" << html_text(g::count(figure, noun, lang) + tr(lang, " i genomsökningen.", " in the scan."))
      << (listed > kOpenRows ? tr(lang, " Långa listor är hopfällda: öppna dem för att se varje element.",
                                  " Long lists are collapsed: open them to see every element.")
                             : std::string())
      << "</p>\n";
  for (std::size_t c = 0; c <= n_criteria; ++c) {
    std::vector<std::size_t> rules;
    std::size_t in_criterion = 0;
    for (std::size_t r = 0; r < by_rule.size(); ++r) {
      if (by_rule[r].empty()) continue;
      const figures::RuleFacts& facts = p.m.rules->facts(registry.rules()[r]->info.id);
      const std::size_t first = facts.criteria.empty() ? n_criteria : facts.criteria.front();
      if (first != c) continue;
      rules.push_back(r);
      in_criterion += by_rule[r].size();
    }
    if (rules.empty()) continue;
    if (c < n_criteria) {
      const engine::Criterion& crit = *engine::find_criterion(p.m.rules->criteria()[c]);
      p.o << "<h3 id=\"" << id << "-" << c << "\">" << criterion_link(lang, crit) << " – "
          << html_text(g::count(in_criterion, noun, lang)) << "</h3>\n";
    } else {
      p.o << "<h3 id=\"" << id << "-ovriga\">"
          << html_text(tr(lang, "Utanför granskningens kriterier – ", "Outside the review's criteria – ") +
                       g::count(in_criterion, noun, lang))
          << "</h3>\n";
    }
    for (std::size_t r : rules) {
      const engine::RuleInfo& info = registry.rules()[r]->info;
      std::string criteria;
      for (const engine::CriterionRef& ref : info.criteria) criteria += (criteria.empty() ? "" : ", ") + std::string(ref.number);
      p.o << "<h4>" << html_text(info.title.in(lang)) << " (" << html_text(info.id) << ")</h4>\n<p>"
          << tr(lang, "Så åtgärdar du: ", "How to fix: ") << html_text(info.help.in(lang)) << " "
          << html_text(tr(lang, "Allvarlighet: ", "Impact: ") + in(lang, g::impact(info.impact)) + ". " +
                       (criteria.empty() ? std::string() : tr(lang, "Kriterier: ", "Criteria: ") + criteria + "."))
          << "</p>\n";
      const auto& rows = by_rule[r];
      const std::string caption = std::string(info.title.in(lang)) + ": " + g::count(rows.size(), noun, lang);
      const bool collapse = rows.size() > kOpenRows;
      if (collapse) p.o << "<details>\n<summary>" << html_text(tr(lang, "Visa alla: ", "Show all: ") + caption) << "</summary>\n";
      write_table_start(p.o, id + "-" + std::string(info.id), caption, "wide");
      p.o << "<thead><tr>";
      th_col(p.o, tr(lang, "Sida", "Page"));
      th_col(p.o, tr(lang, "Meddelande", "Message"));
      th_col(p.o, tr(lang, "Element (CSS-selektor)", "Element (CSS selector)"));
      th_col(p.o, tr(lang, "Rad:kolumn", "Line:column"), true);
      th_col(p.o, tr(lang, "Utdrag ur koden", "Code snippet"));
      p.o << "</tr></thead>\n<tbody>\n";
      for (const std::string& row : rows) p.o << row << '\n';
      p.o << "</tbody>\n";
      write_table_end(p.o);
      if (collapse) p.o << "</details>\n";
    }
  }
}

void section_failures(UnitPage& p) {
  p.o << "<p>"
      << tr(p.lang(),
            "Varje element där en regel hittade fel mot ett krav i granskningens kriterier, per kriterium och regel.",
            "Every element on which a rule found a failure of a requirement of the review's criteria, by criterion and rule.")
      << "</p>\n";
  write_listing(p, Listing::Failure, "fel", g::kFailures, p.f().failures, {"Inga fel hittades.", "No failures found."});
}

void section_needs_review(UnitPage& p) {
  p.o << "<p>"
      << tr(p.lang(),
            "Element där en regel för granskningens kriterier inte kunde avgöra om kravet är uppfyllt: en person behöver "
            "titta. De räknas inte som fel.",
            "Elements on which a rule of the review's criteria could not decide whether the requirement is met: a person "
            "needs to look. They do not count as failures.")
      << "</p>\n";
  write_listing(p, Listing::NeedsReview, "granskas", g::kNeedsReviewItems, p.f().cant_tell,
                {"Inget behöver granskas manuellt.", "Nothing needs a manual review."});
}

void section_warnings(UnitPage& p) {
  p.o << "<p>"
      << tr(p.lang(),
            "Regler om god praxis som granska lägger till: troliga problem som inte underkänner något kriterium och inte "
            "räknas som fel.",
            "granska's own best-practice rules: likely problems that fail no criterion and do not count as failures.")
      << "</p>\n";
  write_listing(p, Listing::Warning, "varningar", g::kWarnings, p.f().warnings,
                {"Inga varningar hittades.", "No warnings found."});
}

void section_worst(UnitPage& p) {
  const Lang lang = p.lang();
  const figures::UnitFigures& f = p.f();
  if (f.worst_pages.empty()) {
    p.o << "<p>" << tr(lang, "Inga sidor med fel.", "No pages with failures.") << "</p>\n";
    return;
  }
  write_table_start(p.o, "t-sidor",
                    tr(lang, "De ", "The ") + g::count(f.worst_pages.size(), g::kPages, lang) +
                        tr(lang, " som har flest fel", " with the most failures"));
  p.o << "<thead><tr>";
  th_col(p.o, tr(lang, "Sida", "Page"));
  th_col(p.o, tr(lang, "Sidtitel", "Page title"));
  th_col(p.o, tr(lang, "Fel", "Failures"), true);
  p.o << "</tr></thead>\n<tbody>\n";
  for (const figures::PageScore& s : f.worst_pages) {
    p.o << "<tr><td class=\"url\">" << html_link(s.url, s.url) << "</td><td>" << (s.title.empty() ? none(lang) : html_text(s.title)) << "</td>";
    td_num(p.o, g::number(s.failures, lang));
    p.o << "</tr>\n";
  }
  p.o << "</tbody>\n";
  write_table_end(p.o);
}

void section_media(UnitPage& p) {
  const Lang lang = p.lang();
  const auto& media = p.m.media[p.u];
  if (media.empty()) {
    p.o << "<p>" << tr(lang, "Inga ljud- eller videoklipp hittades.", "No audio or video found.") << "</p>\n";
    return;
  }
  auto outcome = [&](const std::optional<engine::Outcome>& oc) {
    return oc ? html_text(g::outcome(*oc).in(lang)) : tr(lang, "ej tillämplig", "not applicable");
  };
  auto crit = [&](std::string_view number) { return *engine::find_criterion(number); };
  p.o << "<p>"
      << tr(lang, "Varje kolumn är ett kriterium: ", "Each column is a criterion: ") << criterion_link(lang, crit("1.2.2"))
      << ", " << criterion_link(lang, crit("1.2.5")) << ", " << criterion_link(lang, crit("1.2.1")) << ", "
      << criterion_link(lang, crit("1.4.2")) << ".</p>\n";
  const figures::UnitFigures& f = p.f();
  const bool collapse = media.size() > kOpenRows;
  const std::string caption = tr(lang, "Ljud och video: ", "Audio and video: ") + g::number(f.media_needing_work, lang) +
                              tr(lang, " av ", " of ") + g::number(f.media, lang) + tr(lang, " behöver åtgärdas", " need work");
  if (collapse) p.o << "<details>\n<summary>" << html_text(tr(lang, "Visa alla: ", "Show all: ") + caption) << "</summary>\n";
  write_table_start(p.o, "t-media", caption, "wide");
  p.o << "<thead><tr>";
  th_col(p.o, tr(lang, "Sida", "Page"));
  th_col(p.o, tr(lang, "Typ", "Kind"));
  th_col(p.o, tr(lang, "Källa", "Source"));
  th_col(p.o, tr(lang, "Namn", "Name"));
  th_col(p.o, tr(lang, "Spelare", "Player"));
  th_col(p.o, tr(lang, "Undertexter (1.2.2)", "Captions (1.2.2)"));
  th_col(p.o, tr(lang, "Syntolkning (1.2.5)", "Audio description (1.2.5)"));
  th_col(p.o, tr(lang, "Textversion (1.2.1)", "Transcript (1.2.1)"));
  th_col(p.o, tr(lang, "Automatisk uppspelning (1.4.2)", "Autoplay (1.4.2)"));
  p.o << "</tr></thead>\n<tbody>\n";
  for (const results::MediaRow& r : media) {
    p.o << "<tr><td class=\"url\">" << html_link(r.page_url, r.page_url) << "</td><td>" << html_text(r.kind) << "</td><td>"
        << (r.source.empty() ? none(lang) : "<code>" + html_text(r.source) + "</code>") << "</td><td>"
        << (r.name.empty() ? none(lang) : html_text(r.name)) << "</td><td>" << (r.player.empty() ? none(lang) : html_text(r.player))
        << "</td><td>" << outcome(r.captions) << "</td><td>" << outcome(r.description) << "</td><td>" << outcome(r.transcript)
        << "</td><td>" << outcome(r.autoplay) << "</td></tr>\n";
  }
  p.o << "</tbody>\n";
  write_table_end(p.o);
  if (collapse) p.o << "</details>\n";
}

// One checked document's findings (failures, needs-review items and warnings) by
// criterion, as a table.
void document_findings_table(UnitPage& p, std::size_t d, const std::string& id) {
  const Lang lang = p.lang();
  const results::DocumentRow& doc = p.m.document_rows[d];
  struct Row {
    std::size_t criterion;  // index into RuleIndex::criteria(); n_criteria: none of them
    std::size_t rule;
    const results::FindingRow* f;
    Listing listing;
  };
  const std::size_t n_criteria = p.m.rules->criteria().size();
  std::vector<Row> rows;
  for (const results::FindingRow& f : doc.findings) {
    const figures::RuleFacts& facts = p.m.rules->facts(f.rule);
    const std::optional<Listing> listing = listing_of(facts, f);
    if (!listing) continue;
    rows.push_back({facts.criteria.empty() ? n_criteria : facts.criteria.front(), facts.index, &f, *listing});
  }
  std::stable_sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) {
    if (a.listing != b.listing) return a.listing < b.listing;
    return a.criterion != b.criterion ? a.criterion < b.criterion : a.rule < b.rule;
  });
  if (rows.empty()) {
    p.o << "<p>" << tr(lang, "Inga fel, inget som kräver manuell granskning och inga varningar.",
                       "No failures, nothing needing manual review and no warnings.")
        << "</p>\n";
    return;
  }
  const std::string caption = tr(lang, "Fynd i ", "Findings in ") + document_name(doc) + ": " +
                              g::count(rows.size(), g::kFindings, lang);
  const bool collapse = rows.size() > kOpenRows;
  if (collapse) p.o << "<details>\n<summary>" << html_text(tr(lang, "Visa alla: ", "Show all: ") + caption) << "</summary>\n";
  write_table_start(p.o, id, caption, "wide");
  p.o << "<thead><tr>";
  th_col(p.o, tr(lang, "Kriterium", "Criterion"));
  th_col(p.o, tr(lang, "Utfall", "Outcome"));
  th_col(p.o, tr(lang, "Regel", "Rule"));
  th_col(p.o, tr(lang, "Meddelande", "Message"));
  th_col(p.o, tr(lang, "Var i dokumentet", "Where in the document"));
  th_col(p.o, tr(lang, "Utdrag", "Excerpt"));
  p.o << "</tr></thead>\n<tbody>\n";
  for (const Row& r : rows) {
    const figures::RuleFacts& facts = p.m.rules->facts(r.f->rule);
    std::string crit;
    if (r.criterion < n_criteria) {
      const engine::Criterion& c = *engine::find_criterion(p.m.rules->criteria()[r.criterion]);
      crit = criterion_link(lang, c);
      if (const std::string clause = doc_clause_link(c); !clause.empty()) crit += "<br>" + clause;
    } else {
      crit = html_text(tr(lang, "utanför granskningens kriterier", "outside the review's criteria"));
    }
    const std::string outcome = r.listing == Listing::Failure       ? in(lang, g::kFailure)
                                : r.listing == Listing::NeedsReview ? in(lang, g::kNeedsReview)
                                                                    : in(lang, g::kWarning);
    p.o << "<tr><td>" << crit << "</td><td>" << html_text(outcome) << "</td><td>"
        << html_text(facts.rule->info.title.in(lang)) << " (" << html_text(r.f->rule) << ")</td><td>"
        << html_text(message_text(facts, *r.f, lang)) << "</td><td>" << html_text(document_place(lang, *r.f))
        << "</td><td>" << (r.f->snippet.empty() ? none(lang) : "<code>" + html_text(r.f->snippet) + "</code>")
        << "</td></tr>\n";
  }
  p.o << "</tbody>\n";
  write_table_end(p.o);
  if (collapse) p.o << "</details>\n";
}

void section_documents(UnitPage& p) {
  const Lang lang = p.lang();
  const auto& docs = p.m.documents[p.u];
  const figures::DocumentFigures& f = p.f().docs;
  if (docs.empty()) {
    p.o << "<p>" << tr(lang, "Enhetens sidor länkar inte till några dokument.", "The unit's pages link to no documents.")
        << "</p>\n";
    return;
  }
  p.o << "<p>"
      << html_text(tr(lang, "Enhetens sidor länkar till ", "The unit's pages link to ") + g::count(f.documents, g::kDocuments, lang) +
                   ": " + g::number(f.checked, lang) + tr(lang, " granskade, varav ", " checked, of which ") +
                   g::number(f.failing, lang) + tr(lang, " med fel; ", " with failures; ") + g::number(f.not_checked, lang) +
                   tr(lang, " kunde inte granskas.", " could not be checked."))
      << " "
      << tr(lang,
            "Dokument (PDF, Word, Excel, PowerPoint) granskas mot kraven för dokument i ",
            "Documents (PDF, Word, Excel, PowerPoint) are checked against the requirements for documents in ")
      << html_link(en_301_549_url(), tr(lang, "EN 301 549, kapitel 10 (PDF)", "EN 301 549, clause 10 (PDF)"))
      << tr(lang,
            ". Ett dokument räknas för varje enhet vars sidor länkar till det. Dokumenten påverkar inte enhetens status, "
            "som bygger på webbsidorna. Läsordning, alternativtexternas kvalitet och färger kräver alltid en person.",
            ". A document counts for every unit whose pages link to it. Documents do not move the unit's status, which is "
            "about its web pages. Reading order, the quality of alternative texts and colours always need a person.")
      << "</p>\n";
  if (f.over_cap > 0) {
    p.o << "<p class=\"note\">"
        << html_text(g::count(f.over_cap, g::kDocuments, lang) +
                     tr(lang, " granskades inte eftersom genomsökningens gräns för antal dokument (eller deras storlek) nåddes. "
                              "Höj max_documents eller max_documents_total_mb i inställningsfilen.",
                        " were not checked because the scan's limit on documents (their number or size) was reached. Raise "
                        "max_documents or max_documents_total_mb in the configuration."))
        << "</p>\n";
  }

  // Every document the unit has, worst first.
  const std::string caption =
      tr(lang, "Dokument, flest fel först: ", "Documents, most failures first: ") + g::number(docs.size(), lang);
  const bool collapse = docs.size() > kOpenRows;
  if (collapse) p.o << "<details>\n<summary>" << html_text(tr(lang, "Visa alla: ", "Show all: ") + caption) << "</summary>\n";
  write_table_start(p.o, "t-dokument", caption, "wide");
  p.o << "<thead><tr>";
  th_col(p.o, tr(lang, "Dokument", "Document"));
  th_col(p.o, tr(lang, "Format", "Format"));
  th_col(p.o, tr(lang, "Granskning", "Check"));
  th_col(p.o, tr(lang, "Fel", "Failures"), true);
  th_col(p.o, tr(lang, "Kräver manuell granskning", "Needs manual review"), true);
  th_col(p.o, tr(lang, "Varningar (god praxis)", "Warnings (best practice)"), true);
  th_col(p.o, tr(lang, "Länkas från", "Linked from"));
  p.o << "</tr></thead>\n<tbody>\n";
  for (std::size_t d : docs) {
    const results::DocumentRow& doc = p.m.document_rows[d];
    const figures::DocumentScore& sc = p.m.document_scores[d];
    const std::string format(g::document_format(doc.format).in(lang));
    std::string check = in(lang, g::document_check(doc.state));
    if (doc.unchanged) check += tr(lang, " (oförändrat sedan förra genomsökningen)", " (unchanged since the previous scan)");
    p.o << "<tr><td class=\"url\">" << html_link(doc.url, document_link_text(doc, lang))
        << (doc.title.empty() ? std::string() : "<br><span class=\"url\">" + html_text(doc.url) + "</span>") << "</td><td>"
        << html_text(format.empty() ? (doc.content_type.empty() ? none(lang) : doc.content_type) : format) << "</td><td>"
        << html_text(check) << "</td>";
    for (std::size_t n : {sc.failures, sc.cant_tell, sc.warnings}) {
      td_num(p.o, doc.checked() ? g::number(n, lang) : tr(lang, "ej granskat", "not checked"));
    }
    p.o << "<td>" << html_text(linked_from_text(p.m, d, p.u)) << "</td></tr>\n";
  }
  p.o << "</tbody>\n";
  write_table_end(p.o);
  if (collapse) p.o << "</details>\n";

  // The findings of each checked document that has any, worst first.
  std::size_t with_findings = 0;
  for (std::size_t d : docs) {
    const figures::DocumentScore& sc = p.m.document_scores[d];
    with_findings += p.m.document_rows[d].checked() && (sc.failures + sc.cant_tell + sc.warnings) > 0 ? 1 : 0;
  }
  p.o << "<h3 id=\"dokument-fynd\">" << tr(lang, "Fynd per dokument", "Findings by document") << "</h3>\n";
  if (with_findings == 0) {
    p.o << "<p>" << tr(lang, "Inget granskat dokument har fel, varningar eller något som kräver manuell granskning.",
                       "No checked document has failures, warnings or anything needing manual review.")
        << "</p>\n";
  } else {
    p.o << "<p>"
        << tr(lang,
              "Per dokument, fel först och sedan det som kräver manuell granskning, per kriterium med hänvisning till "
              "kapitel 10 i EN 301 549. Var i dokumentet anges med sida, taggens plats i strukturträdet (eller delen "
              "i Office-filen) och PDF-objektets nummer.",
              "Per document, failures first, then what needs manual review, by criterion with its clause 10 reference in "
              "EN 301 549. Where in the document is given by page, the tag's place in the structure tree (or the part of "
              "the Office file) and the PDF object's number.")
        << "</p>\n";
    std::size_t n = 0;
    for (std::size_t d : docs) {
      const results::DocumentRow& doc = p.m.document_rows[d];
      const figures::DocumentScore& sc = p.m.document_scores[d];
      if (!doc.checked() || sc.failures + sc.cant_tell + sc.warnings == 0) continue;
      ++n;
      p.o << "<h4>" << html_text(document_name(doc)) << "</h4>\n<p>" << html_link(doc.url, doc.url) << ": "
          << html_text(g::count(sc.failures, g::kFailures, lang) + ", " + g::number(sc.cant_tell, lang) + " " +
                       std::string(g::form(sc.cant_tell, g::kNeedsReviewItems, lang)) + ", " +
                       g::count(sc.warnings, g::kWarnings, lang) + ".")
          << "</p>\n";
      document_findings_table(p, d, "t-dokument-" + std::to_string(n));
    }
  }

  // Those that could not be checked, with why.
  std::vector<std::size_t> unchecked;
  for (std::size_t d : docs) {
    if (!p.m.document_rows[d].checked()) unchecked.push_back(d);
  }
  p.o << "<h3 id=\"dokument-ej-granskade\">" << tr(lang, "Dokument som inte kunde granskas", "Documents that could not be checked")
      << "</h3>\n";
  if (unchecked.empty()) {
    p.o << "<p>" << tr(lang, "Alla dokument kunde granskas.", "Every document could be checked.") << "</p>\n";
    return;
  }
  p.o << "<p>"
      << tr(lang,
            "De här dokumenten behöver granskas manuellt: granska kunde inte öppna eller hämta dem. Ett dokument som "
            "inte går att öppna (skadat, lösenordsskyddat) går inte heller att läsa med hjälpmedel.",
            "These documents need a manual review: granska could not open or fetch them. A document that cannot be "
            "opened (damaged, password protected) cannot be read with assistive technology either.")
      << "</p>\n";
  write_table_start(p.o, "t-dokument-ej-granskade",
                    tr(lang, "Dokument som inte kunde granskas: ", "Documents that could not be checked: ") +
                        g::number(unchecked.size(), lang),
                    "wide");
  p.o << "<thead><tr>";
  th_col(p.o, tr(lang, "Dokument", "Document"));
  th_col(p.o, tr(lang, "Vad", "What"));
  th_col(p.o, tr(lang, "Skäl", "Reason"));
  p.o << "</tr></thead>\n<tbody>\n";
  for (std::size_t d : unchecked) {
    const results::DocumentRow& doc = p.m.document_rows[d];
    const std::string& why = lang == Lang::En && !doc.error_en.empty() ? doc.error_en : doc.error;
    p.o << "<tr><td class=\"url\">" << html_link(doc.url, doc.url) << "</td><td>"
        << html_text(g::document_check(doc.state).in(lang)) << "</td><td>" << (why.empty() ? none(lang) : html_text(why))
        << "</td></tr>\n";
  }
  p.o << "</tbody>\n";
  write_table_end(p.o);
}

void section_not_checked(UnitPage& p) {
  const Lang lang = p.lang();
  const auto& rows = p.m.not_checked[p.u];
  const results::ScanInfo& scan = p.m.latest().scan;
  if (scan.page_limit_reached()) {
    p.o << "<p class=\"note\">"
        << html_text(tr(lang, "Genomsökningen nådde sin gräns på ", "The scan reached its limit of ") +
                     g::count(scan.max_pages, g::kPages, lang) +
                     tr(lang, ": fler sidor kan finnas som aldrig hämtades.", ": there may be more pages that were never fetched."))
        << "</p>\n";
  }
  if (rows.empty()) {
    p.o << "<p>" << tr(lang, "Alla adresser som hittades kunde granskas.", "Every address found could be checked.") << "</p>\n";
    return;
  }
  p.o << "<p>"
      << tr(lang,
            "Adresser som genomsökningen hittade men inte granskade, med skälet. Sidor som inte kunde hämtas och sidor som "
            "robots.txt stoppade räknas som ”kunde inte granskas”; filer som inte är webbsidor och omdirigeringar till en "
            "sida som granskas för sig räknas inte.",
            "Addresses the scan found but did not check, with the reason. Pages that could not be fetched and pages "
            "robots.txt blocked count as “could not be checked”; files that are not web pages and redirects to a page "
            "checked on its own do not.")
      << "</p>\n";
  const bool collapse = rows.size() > kOpenRows;
  const std::string caption = tr(lang, "Adresser som inte granskades: ", "Addresses not checked: ") + g::number(rows.size(), lang);
  if (collapse) p.o << "<details>\n<summary>" << html_text(tr(lang, "Visa alla: ", "Show all: ") + caption) << "</summary>\n";
  write_table_start(p.o, "t-ej-granskade", caption, "wide");
  p.o << "<thead><tr>";
  th_col(p.o, tr(lang, "Adress", "Address"));
  th_col(p.o, tr(lang, "Vad", "What"));
  th_col(p.o, tr(lang, "HTTP-status", "HTTP status"), true);
  th_col(p.o, tr(lang, "Skäl", "Reason"));
  p.o << "</tr></thead>\n<tbody>\n";
  for (const NotChecked& r : rows) {
    p.o << "<tr><td class=\"url\">" << html_link(r.url, r.url) << "</td><td>" << html_text(g::page_kind(r.kind).in(lang)) << "</td>";
    td_num(p.o, r.status > 0 ? std::to_string(r.status) : tr(lang, "inget svar", "no answer"));
    p.o << "<td>" << (r.reason.empty() ? none(lang) : html_text(r.reason)) << "</td></tr>\n";
  }
  p.o << "</tbody>\n";
  write_table_end(p.o);
  if (collapse) p.o << "</details>\n";
}

void section_aliases(UnitPage& p) {
  const Lang lang = p.lang();
  const auto& rows = p.m.aliases[p.u];
  if (rows.empty()) {
    p.o << "<p>" << tr(lang, "Ingen sida nåddes under flera adresser.", "No page was reached at several addresses.") << "</p>\n";
    return;
  }
  p.o << "<p>"
      << tr(lang,
            "Dessa adresser visar samma sida som en annan adress och räknas inte för sig: sidan räknas en gång, under "
            "adressen i andra kolumnen. Skiljer sig felen (kolumnen ”Egna fel”) pekar rel=canonical på en sida med annat "
            "innehåll: rätta länken.",
            "These addresses show the same page as another address and are not counted on their own: the page counts once, "
            "under the address in the second column. Where the failures differ (column “Own failures”), rel=canonical "
            "points at a page with other content: correct the link.")
      << "</p>\n";
  const bool collapse = rows.size() > kOpenRows;
  const std::string caption =
      tr(lang, "Samma sida under flera adresser: ", "The same page at several addresses: ") + g::number(rows.size(), lang);
  if (collapse) p.o << "<details>\n<summary>" << html_text(tr(lang, "Visa alla: ", "Show all: ") + caption) << "</summary>\n";
  write_table_start(p.o, "t-alias", caption, "wide");
  p.o << "<thead><tr>";
  th_col(p.o, tr(lang, "Adress", "Address"));
  th_col(p.o, tr(lang, "Räknas som", "Counted as"));
  th_col(p.o, tr(lang, "Varför", "Why"));
  th_col(p.o, tr(lang, "Egna fel", "Own failures"), true);
  p.o << "</tr></thead>\n<tbody>\n";
  for (const AliasRow& r : rows) {
    p.o << "<tr><td class=\"url\">" << html_link(r.url, r.url) << "</td><td class=\"url\">" << html_link(r.alias.primary, r.alias.primary) << "</td><td>"
        << html_text(figures::label(r.alias.reason).in(lang)) << "</td>";
    td_num(p.o, g::number(r.own_failures, lang));
    p.o << "</tr>\n";
  }
  p.o << "</tbody>\n";
  write_table_end(p.o);
  if (collapse) p.o << "</details>\n";
}

void section_site(UnitPage& p) { write_unit_sites(p.o, p.m, p.u); }

void section_manual(UnitPage& p) {
  p.o << "<p>"
      << tr(p.lang(), "Dessa kriterier testas inte (eller bara delvis) automatiskt:",
            "These criteria are not (or only partly) tested automatically:")
      << "</p>\n";
  manual_list(p.o, p.m);
}

constexpr UnitSection kUnitSections[] = {
    {"sammanfattning", {"Sammanfattning", "Summary"}, section_summary},
    {"nasta-niva", {"Det här krävs för Delvis och Ja", "What it takes to reach Partly and Yes"}, section_next_level},
    {"granskning", {"Granskningens bedömning per kriterium", "The review's mark per criterion"}, section_review},
    {"over-tid", {"Fel över tid", "Failures over time"}, section_history},
    {"fel", {"Fel", "Failures"}, section_failures},
    {"granskas", {"Kräver manuell granskning", "Needs manual review"}, section_needs_review},
    {"varningar", {"Varningar (god praxis)", "Warnings (best practice)"}, section_warnings},
    {"sidor", {"Sidor med flest fel", "Pages with the most failures"}, section_worst},
    {"media", {"Ljud och video", "Audio and video"}, section_media},
    {"dokument", {"Dokument", "Documents"}, section_documents},
    {"ej-granskade", {"Sidor som inte kunde granskas", "Pages that could not be checked"}, section_not_checked},
    {"alias", {"Samma sida under flera adresser", "The same page at several addresses"}, section_aliases},
    {"webbplatsen", {"Webbplatsen", "The site"}, section_site},
    {"manuellt", {"Kriterier som kräver manuell granskning", "Criteria that need manual review"}, section_manual},
};

}  // namespace

void write_unit_html(std::ostream& o, const Model& m, std::size_t u, const UnitRows& rows) {
  const Lang lang = m.lang;
  const std::string name(m.unit_name(u));
  std::string nav = "<li><a href=\"index.html\">" + tr(lang, "Alla enheter", "All units") + "</a></li>\n";
  for (const UnitSection& s : kUnitSections) {
    nav += "<li><a href=\"#" + std::string(s.id) + "\">" + html_text(s.title.in(lang)) + "</a></li>\n";
  }
  write_html_page_start(o, {lang, name + " – " + tr(lang, "tillgänglighetsrapport", "accessibility report"), nav,
                            tr(lang, "Sidans avsnitt", "Page sections")},
                        status_css());
  o << "<h1>" << html_text(name) << "</h1>\n<p>" << tr(lang, "Typ: ", "Type: ") << html_text(unit_type_text(lang, m.units[u].type)) << ". "
    << html_text(tr(lang, "Genomsökning ", "Scan ") + scan_label(lang, m.latest().scan)) << tr(lang, " (svensk tid). ", " (Swedish time). ")
    << tr(lang, "Status: ", "Status: ") << status_badge(lang, m.status[u]) << "</p>\n";
  UnitPage page{o, m, u, rows};
  for (const UnitSection& s : kUnitSections) {
    o << "<h2 id=\"" << s.id << "\">" << html_text(s.title.in(lang)) << "</h2>\n";
    s.write(page);
  }
  write_html_page_end(o, footer(m));
}

}  // namespace granska::reports::scan_report
