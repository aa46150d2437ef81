// The CSV files, written for Swedish Excel: UTF-8 with a byte order mark (so Excel does not
// read it as Windows-1252), ';' between cells (Swedish Excel's list separator, since ',' is
// the decimal comma), CRLF line ends, RFC 4180 quoting, values in the report's language
// (glossary.h), times as "YYYY-MM-DD HH:MM" in Swedish local time (which Excel reads as a
// date and time), shares with a decimal comma. A criterion is written with its title
// ("1.1.1 Icke-textuellt innehåll"): a bare "1.1.1" is a date to Swedish Excel.
//   findings.csv    one row per stored finding and criterion of its rule
//   granskning.csv  one row per unit and criterion of the profile: the review's view
// Columns: docs/report-format.md.
#include <algorithm>
#include <array>
#include <cstdio>

#include "reports/common/glossary.h"
#include "reports/scan/scan_report_model.h"
#include "reports/site/site_report.h"
#include "site/messages.h"

namespace granska::reports::scan_report {

namespace {

namespace g = glossary;

struct Column {
  std::string_view sv, en;
};
constexpr std::array<Column, 27> kColumns{{
    {"genomsökning", "scan"},
    {"startad", "started"},
    {"enhet_id", "unit_id"},
    {"enhet", "unit"},
    {"sida", "page_url"},
    {"sidtitel", "page_title"},
    {"regel_id", "rule_id"},
    {"regel", "rule"},
    {"typ", "kind"},
    {"utfall", "outcome"},
    {"allvarlighet", "impact"},
    {"kriterium", "criterion"},
    {"en_301_549", "en_301_549"},
    {"i_granskningen", "in_review"},
    {"räknas_som_fel", "counts_as_failure"},
    {"meddelande_id", "message_id"},
    {"meddelande", "message"},
    {"selektor", "selector"},
    {"rad", "line"},
    {"kolumn", "column"},
    {"utdrag", "snippet"},
    {"åtgärd", "how_to_fix"},
    {"fynd_nr", "finding_no"},
    {"rader_för_fyndet", "rows_for_finding"},
    {"gäller", "applies_to"},
    {"dokumentsida", "document_page"},
    {"pdf_objekt", "pdf_object"},
}};

constexpr std::array<Column, 15> kReviewColumns{{
    {"genomsökning", "scan"},
    {"startad", "started"},
    {"enhet_id", "unit_id"},
    {"enhet", "unit"},
    {"typ", "type"},
    {"enhetens_status", "unit_status"},
    {"kriterium", "criterion"},
    {"nivå", "level"},
    {"en_301_549", "en_301_549"},
    {"täckning", "coverage"},
    {"bedömning", "mark"},
    {"sidor_testade", "pages_tested"},
    {"sidor_med_fel", "pages_with_failures"},
    {"andel_utan_fel", "share_without_failures"},
    {"fel", "failures"},
}};

template <std::size_t N>
void row(std::ostream& out, const std::array<std::string, N>& cells) {
  for (std::size_t i = 0; i < cells.size(); ++i) {
    if (i) out << ';';
    out << csv_cell(cells[i]);
  }
  out << "\r\n";
}

template <std::size_t N>
void header(std::ostream& out, Lang lang, const std::array<Column, N>& columns) {
  out << "\xEF\xBB\xBF";
  std::array<std::string, N> cells;
  for (std::size_t i = 0; i < N; ++i) cells[i] = std::string(lang == Lang::En ? columns[i].en : columns[i].sv);
  row(out, cells);
}

std::string yes_no(Lang lang, bool b) { return lang == Lang::En ? (b ? "yes" : "no") : (b ? "ja" : "nej"); }
std::string lower(std::string_view s) {
  // The glossary's labels start with a capital where they head a line; cells are values.
  std::string out(s);
  if (!out.empty() && out[0] >= 'A' && out[0] <= 'Z') out[0] = static_cast<char>(out[0] - 'A' + 'a');
  return out;
}

}  // namespace

std::string csv_cell(std::string_view value) {
  std::string v = clean_utf8(value);
  // CSV injection: a cell that starts like a formula (= + - @, or a tab or CR that Excel
  // skips before one) is run by Excel and LibreOffice. A leading apostrophe makes it text.
  if (!v.empty() && (v[0] == '=' || v[0] == '+' || v[0] == '-' || v[0] == '@' || v[0] == '\t' || v[0] == '\r')) {
    v.insert(v.begin(), '\'');
  }
  if (v.find_first_of(";\"\r\n") == std::string::npos) return v;
  std::string q = "\"";
  for (char c : v) {
    if (c == '"') q += '"';
    q += c;
  }
  q += '"';
  return q;
}

std::string csv_share(Lang lang, std::size_t part, std::size_t whole) {
  if (whole == 0) return "";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", 100.0 * static_cast<double>(part) / static_cast<double>(whole));
  std::string s = buf;
  if (lang == Lang::Sv) std::replace(s.begin(), s.end(), '.', ',');
  return s;
}

void write_csv_header(std::ostream& out, Lang lang) { header(out, lang, kColumns); }

std::size_t write_csv_rows(std::ostream& out, const Model& m, const results::PageRow& page, std::size_t unit,
                           std::size_t& finding_number) {
  const Lang lang = m.lang;
  const results::ScanInfo& scan = m.latest().scan;
  // A document's findings count for every unit it counts for (figures::document_units): a
  // row for each, so that a pivot by unit counts as the report does. A document finding
  // has no line and column: its selector is the structure path, with its page and object.
  const bool document = page.kind == "document";
  std::vector<std::size_t> units{unit};
  std::string title = page.title;
  if (document) {
    if (auto it = m.document_index.find(page.url); it != m.document_index.end()) units = m.document_units[it->second];
  }
  for (const results::FindingRow& f : page.findings) {
    ++finding_number;
    const figures::RuleFacts& facts = m.rules->facts(f.rule);
    const engine::RuleInfo* info = facts.rule ? &facts.rule->info : nullptr;
    // One row per criterion of the rule (one row when it has none), so that a pivot by
    // criterion counts as the report does: an element failing a rule of 2.4.4 and 4.1.2
    // counts under both.
    std::vector<const engine::Criterion*> criteria;
    if (info) {
      for (const engine::CriterionRef& c : info->criteria) criteria.push_back(engine::find_criterion(c.number));
    }
    if (criteria.empty()) criteria.push_back(nullptr);
    const std::string counts = yes_no(lang, f.outcome == engine::Outcome::Failed && facts.counts());
    for (std::size_t u : units) {
      for (const engine::Criterion* c : criteria) {
        const bool in_review = c && std::find(m.profile->criteria.begin(), m.profile->criteria.end(), c->number) !=
                                        m.profile->criteria.end();
        const std::string clause = c ? std::string(engine::en_clause_for(*c, document)) : std::string();
        row(out, std::array<std::string, kColumns.size()>{
                     std::to_string(scan.id),
                     display_time(scan.started),
                     m.units[u].id,
                     std::string(m.unit_name(u)),
                     page.url,
                     title,
                     f.rule,
                     info ? std::string(info->title.in(lang)) : std::string(),
                     info ? std::string(g::rule_kind(info->kind).in(lang)) : (lang == Lang::En ? "unknown" : "okänd"),
                     lower(g::outcome(f.outcome).in(lang)),
                     info ? std::string(g::impact(info->impact).in(lang)) : std::string(),
                     c ? criterion_title(lang, *c) : std::string(),
                     clause,
                     yes_no(lang, in_review),
                     counts,
                     f.message_id,
                     message_text(facts, f, lang),
                     f.selector,
                     document ? std::string() : std::to_string(f.line),
                     document ? std::string() : std::to_string(f.column),
                     f.snippet,
                     info ? std::string(info->help.in(lang)) : std::string(),
                     std::to_string(finding_number),
                     std::to_string(criteria.size() * units.size()),
                     std::string(g::page_kind(document ? "document" : "html").in(lang)),
                     document && f.page > 0 ? std::to_string(f.page) : std::string(),
                     document && f.object > 0 ? std::to_string(f.object) : std::string(),
                 });
      }
    }
  }
  return page.findings.size();
}

void write_csv_site_rows(std::ostream& out, const Model& m, std::size_t& finding_number) {
  const Lang lang = m.lang;
  const results::ScanInfo& scan = m.latest().scan;
  const std::string kind = lang == Lang::En ? "site" : "webbplats";
  auto site_row = [&](results::SiteCheck check, engine::Outcome outcome,
                      const std::string& unit, const std::string& page, const std::string& message_id,
                      const std::string& message, const std::string& evidence) {
    ++finding_number;
    const std::string_view number = results::criterion_of(check);
    const engine::Criterion* c = number.empty() ? nullptr : engine::find_criterion(number);
    const bool in_review = c && std::find(m.profile->criteria.begin(), m.profile->criteria.end(), c->number) !=
                                    m.profile->criteria.end();
    row(out, std::array<std::string, kColumns.size()>{
                 std::to_string(scan.id),
                 display_time(scan.started),
                 unit,
                 unit_name_of(m, unit),
                 page,
                 std::string(),
                 "site-" + std::string(results::to_string(check)),
                 std::string(site::check_title(check).in(lang)),
                 kind,
                 lower(site_report::outcome_words(check, outcome, lang)),
                 std::string(),
                 c ? criterion_title(lang, *c) : std::string(),
                 c ? std::string(c->en_clause) : std::string(),
                 yes_no(lang, in_review),
                 yes_no(lang, false),  // site findings are reported apart from the units' failures
                 message_id,
                 message,
                 std::string(),
                 std::string(),
                 std::string(),
                 evidence,
                 std::string(),
                 std::to_string(finding_number),
                 "1",
             });
  };
  for (const results::SiteSummary& s : m.sites) {
    for (const results::StatementItem& it : s.statement.items) {
      std::string message = std::string(site::statement_item_title(it.id).in(lang)) + ": " +
                            std::string(site::statement_item_outcome(it.outcome).in(lang));
      if (!it.note.empty()) message += " (" + site::message_text(it.note, it.note_args, lang) + ")";
      site_row(results::SiteCheck::Statement, it.outcome, s.owner, s.statement.url, "statement-item:" + it.id, message,
               it.evidence);
    }
    for (const results::SiteFinding& f : m.site_findings) {
      if (f.site != s.id) continue;
      site_row(f.check, f.outcome, f.unit, f.page_url, f.message_id, site::message_text(f.message_id, f.args, lang), "");
    }
  }
}

void write_review_csv(std::ostream& out, const Model& m) {
  const Lang lang = m.lang;
  header(out, lang, kReviewColumns);
  const results::ScanInfo& scan = m.latest().scan;
  for (std::size_t u : m.order) {
    const figures::UnitFigures& f = m.latest().units[u];
    for (std::size_t c = 0; c < m.coverage.size(); ++c) {
      const engine::Criterion& crit = *m.coverage[c].criterion;
      const bool automatic = m.coverage[c].coverage == org::Coverage::Automatic;
      const std::size_t tested = f.pages_tested_by_criterion[c];
      row(out, std::array<std::string, kReviewColumns.size()>{
                   std::to_string(scan.id),
                   display_time(scan.started),
                   m.units[u].id,
                   std::string(m.unit_name(u)),
                   std::string(org::label(m.units[u].type).in(lang)),
                   std::string(g::status_short(m.status[u]).in(lang)),
                   criterion_title(lang, crit),
                   std::string(engine::to_string(crit.level)),
                   std::string(crit.en_clause),
                   std::string(g::coverage(m.coverage[c].coverage).in(lang)),
                   std::string(g::review_mark(m.mark(u, c)).in(lang)),
                   automatic ? std::to_string(tested) : std::string(),
                   automatic ? std::to_string(f.pages_by_criterion[c]) : std::string(),
                   automatic ? csv_share(lang, tested - std::min(tested, f.pages_by_criterion[c]), tested) : std::string(),
                   automatic ? std::to_string(f.failures_by_criterion[c]) : std::string(),
               });
    }
  }
}

}  // namespace granska::reports::scan_report
