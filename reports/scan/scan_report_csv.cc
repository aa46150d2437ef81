// findings.csv: one row per stored finding (failed and cantTell) of the reported scan.
// Written for Swedish Excel: UTF-8 with a byte order mark (so Excel does not read it as
// Windows-1252), ';' between cells (Swedish Excel's list separator, since ',' is the
// decimal comma), CRLF line ends, RFC 4180 quoting. Columns: docs/report-format.md.
#include <array>

#include "reports/scan/scan_report_model.h"

namespace granska::reports::scan_report {

namespace {

struct Column {
  std::string_view sv, en;
};
constexpr std::array<Column, 20> kColumns{{
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
    {"kriterier", "criteria"},
    {"meddelande_id", "message_id"},
    {"meddelande", "message"},
    {"selektor", "selector"},
    {"rad", "line"},
    {"kolumn", "column"},
    {"utdrag", "snippet"},
    {"åtgärd", "how_to_fix"},
    {"i_profilen", "in_profile"},
}};

void row(std::ostream& out, const std::array<std::string, kColumns.size()>& cells) {
  for (std::size_t i = 0; i < cells.size(); ++i) {
    if (i) out << ';';
    out << csv_cell(cells[i]);
  }
  out << "\r\n";
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

void write_csv_header(std::ostream& out, Lang lang) {
  out << "\xEF\xBB\xBF";
  std::array<std::string, kColumns.size()> cells;
  for (std::size_t i = 0; i < kColumns.size(); ++i) cells[i] = std::string(lang == Lang::En ? kColumns[i].en : kColumns[i].sv);
  row(out, cells);
}

std::size_t write_csv_rows(std::ostream& out, const Model& m, const results::PageRow& page, std::size_t unit) {
  const results::ScanInfo& scan = m.latest().scan;
  for (const results::FindingRow& f : page.findings) {
    const figures::RuleFacts& facts = m.rules->facts(f.rule);
    const engine::RuleInfo* info = facts.rule ? &facts.rule->info : nullptr;
    std::string criteria;
    if (info) {
      for (const engine::CriterionRef& c : info->criteria) criteria += (criteria.empty() ? "" : " ") + std::string(c.number);
    }
    row(out, {std::to_string(scan.id),
              scan.started,
              m.units[unit].id,
              std::string(m.unit_name(unit)),
              page.url,
              page.title,
              f.rule,
              info ? std::string(info->title.in(m.lang)) : std::string(),
              info ? std::string(engine::to_string(info->kind)) : std::string("unknown"),
              std::string(engine::to_string(f.outcome)),
              info ? std::string(engine::to_string(info->impact)) : std::string(),
              criteria,
              f.message_id,
              message_text(facts, f, m.lang),
              f.selector,
              std::to_string(f.line),
              std::to_string(f.column),
              f.snippet,
              info ? std::string(info->help.in(m.lang)) : std::string(),
              facts.in_profile ? "1" : "0"});
  }
  return page.findings.size();
}

}  // namespace granska::reports::scan_report
