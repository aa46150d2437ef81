#include "reports/scan/scan_report.h"

#include <algorithm>
#include <fstream>
#include <functional>
#include <system_error>

#include "reports/scan/scan_report_model.h"
#include "util/clock.h"

namespace granska::reports {

namespace scan_report {

std::string message_text(const figures::RuleFacts& facts, const results::FindingRow& f, Lang lang) {
  if (!facts.rule) return "";
  for (const engine::Message* m : facts.rule->info.messages) {
    if (m->id == f.message_id) return engine::format_message(m->text.in(lang), f.args);
  }
  return "";
}

std::string display_time(std::string_view iso) {
  if (iso.size() >= 17 && iso[10] == 'T') return std::string(iso.substr(0, 10)) + " " + std::string(iso.substr(11, 5)) + " UTC";
  return std::string(iso);
}

}  // namespace scan_report

namespace {


Error write_error(const std::filesystem::path& p) {
  return Error{"cannot write " + p.string(), "kan inte skriva " + p.string()};
}

// Opens a file for binary writing (CRLF in the CSV is written as is).
Result<std::ofstream> open_out(const std::filesystem::path& p) {
  std::ofstream out(p, std::ios::binary | std::ios::trunc);
  if (!out) return write_error(p);
  return out;
}

}  // namespace

Result<ScanReportResult> write_scan_report(results::ScanSource& source, const org::OrgMap* map,
                                           const org::Profile& profile, const engine::Registry& registry,
                                           const ScanReportOptions& options, const std::filesystem::path& dir) {
  using namespace scan_report;
  const std::vector<results::ScanInfo> scans = source.complete_scans();
  if (scans.empty()) {
    return Error{"the database has no complete scan: run a crawl first (granska crawl --db FILE)",
                 "databasen har ingen avslutad genomsökning: kör en genomsökning först (granska crawl --db FIL)"};
  }
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec || !std::filesystem::is_directory(dir)) {
    return Error{"cannot create the folder " + dir.string(), "kan inte skapa mappen " + dir.string()};
  }

  const figures::RuleIndex rules(registry, &profile);
  figures::UnitResolver resolver(map);
  Model m;
  m.lang = options.lang;
  m.generated_at = options.generated_at.empty() ? utc_timestamp() : options.generated_at;
  m.profile = &profile;
  m.rules = &rules;
  m.coverage = org::profile_coverage(registry, profile);
  m.thresholds = options.thresholds;

  // Pass 1: figures of every scan in the window; keys of the last two for the trend.
  const std::size_t window = std::min(std::max<std::size_t>(options.history, 1), scans.size());
  const std::size_t first = scans.size() - window;
  figures::KeyCollector prev_keys, last_keys;
  if (first > 0 && window == 1) {
    // Only the previous scan's keys are needed, not its figures in the charts.
    figures::aggregate_scan(source, scans[first - 1], rules, resolver, &prev_keys);
  }
  for (std::size_t i = first; i < scans.size(); ++i) {
    figures::KeyCollector* keys = i + 1 == scans.size() ? &last_keys : i + 2 == scans.size() ? &prev_keys : nullptr;
    m.history.push_back(figures::aggregate_scan(source, scans[i], rules, resolver, keys));
  }
  // Media and documents before the unit list is fixed: without a map, a stored unit id met
  // only here still gets its place.
  const results::ScanInfo& scan = scans.back();
  std::vector<std::pair<std::size_t, results::MediaRow>> media;
  std::vector<std::pair<std::size_t, results::DocumentRow>> documents;
  source.for_each_media(scan.id, [&](const results::MediaRow& row) {
    media.emplace_back(resolver.unit_of(row.page_url, row.unit), row);
  });
  source.for_each_document(scan.id, [&](const results::DocumentRow& row) {
    documents.emplace_back(resolver.unit_of(row.url, row.unit), row);
  });
  m.units = resolver.units();
  const std::size_t n_units = m.units.size();
  m.media.resize(n_units);
  m.documents.resize(n_units);
  for (auto& [u, row] : media) m.media[u].push_back(std::move(row));
  for (auto& [u, row] : documents) m.documents[u].push_back(std::move(row));
  for (figures::ScanFigures& f : m.history) {
    while (f.units.size() < n_units) {
      figures::UnitFigures z;
      z.failures_by_criterion.assign(rules.criteria().size(), 0);
      z.pages_by_criterion.assign(rules.criteria().size(), 0);
      f.units.push_back(std::move(z));
    }
  }
  if (scans.size() >= 2) {
    m.previous = scans[scans.size() - 2];
    m.trend = figures::compare(prev_keys, last_keys, n_units);
  }
  for (const figures::UnitFigures& f : m.latest().units) m.status.push_back(figures::status_of(f, options.thresholds));
  m.total_status = figures::status_of(m.latest().total, options.thresholds);

  {
    auto out = open_out(dir / "index.html");
    if (!out) return out.error();
    write_index_html(*out, m);
    if (!*out) return write_error(dir / "index.html");
  }

  // Pass 2 over the reported scan: CSV and JSON rows, and each unit's failing elements
  // into a temporary file of its own ("<rule index>\t<row>\n").
  ScanReportResult result;
  result.scan = scan.id;
  result.units = n_units;
  auto csv = open_out(dir / "findings.csv");
  if (!csv) return csv.error();
  auto json = open_out(dir / "report.json");
  if (!json) return json.error();
  std::vector<std::ofstream> parts(n_units);
  auto part_path = [&](std::size_t u) { return dir / (".unit-" + m.file_id(u) + ".rows.tmp"); };
  // Removes the temporary files however this function returns.
  struct Cleanup {
    std::function<void()> fn;
    ~Cleanup() { fn(); }
  } cleanup{[&] {
    std::error_code ignored;
    for (std::size_t u = 0; u < n_units; ++u) {
      if (parts[u].is_open()) parts[u].close();
      std::filesystem::remove(part_path(u), ignored);
    }
  }};
  for (std::size_t u = 0; u < n_units; ++u) {
    parts[u].open(part_path(u), std::ios::binary | std::ios::trunc);
    if (!parts[u]) return write_error(part_path(u));
  }
  write_csv_header(*csv, m.lang);
  JsonReport jr(*json, m);
  jr.begin();
  source.for_each_page(scan.id, [&](const results::PageRow& page) {
    const std::size_t u = resolver.unit_of(page.url, page.unit);
    ++result.pages;
    result.findings += write_csv_rows(*csv, m, page, u);
    jr.page(page, u);
    for (const results::FindingRow& f : page.findings) {
      if (f.outcome != engine::Outcome::Failed) continue;
      const figures::RuleFacts& facts = rules.facts(f.rule);
      if (!facts.counts()) continue;
      parts[u] << facts.index << '\t' << unit_failure_row(m, page, f) << '\n';
    }
  });
  jr.end();
  if (!*csv) return write_error(dir / "findings.csv");
  if (!*json) return write_error(dir / "report.json");

  // Unit pages, one at a time: only one unit's rows are in memory.
  for (std::size_t u = 0; u < n_units; ++u) {
    parts[u].close();
    std::vector<std::vector<std::string>> rows(registry.rules().size());
    {
      std::ifstream in(part_path(u), std::ios::binary);
      std::string line;
      while (std::getline(in, line)) {
        const std::size_t tab = line.find('\t');
        if (tab == std::string::npos) continue;
        const std::size_t idx = std::stoul(line.substr(0, tab));
        if (idx < rows.size()) rows[idx].push_back(line.substr(tab + 1));
      }
    }
    std::filesystem::remove(part_path(u), ec);
    auto out = open_out(dir / m.unit_file(u));
    if (!out) return out.error();
    write_unit_html(*out, m, u, rows);
    if (!*out) return write_error(dir / m.unit_file(u));
  }
  return result;
}

}  // namespace granska::reports
