#include "reports/scan/scan_report.h"

#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <functional>
#include <system_error>

#include "reports/common/glossary.h"
#include "reports/scan/scan_report_model.h"
#include "util/clock.h"
#include "util/local_time.h"

namespace granska::reports {

namespace scan_report {

std::string message_text(const figures::RuleFacts& facts, const results::FindingRow& f, Lang lang) {
  if (!facts.rule) return "";
  for (const engine::Message* m : facts.rule->info.messages) {
    if (m->id == f.message_id) return engine::format_message(m->text.in(lang), f.args);
  }
  return "";
}

std::string display_time(std::string_view iso) { return stockholm_time_or_raw(iso); }

std::string scan_label(Lang lang, const results::ScanInfo& s) {
  return (lang == Lang::En ? "no. " : "nr ") + std::to_string(s.id) + ", " + display_time(s.started);
}

std::string criterion_title(Lang lang, const engine::Criterion& c) {
  return std::string(c.number) + " " + std::string(c.title.in(lang));
}

bool document_before(const results::DocumentRow& a, const figures::DocumentScore& sa, const results::DocumentRow& b,
                     const figures::DocumentScore& sb) {
  if (a.checked() != b.checked()) return a.checked();
  if (sa.failures != sb.failures) return sa.failures > sb.failures;
  if (sa.failed != sb.failed) return sa.failed;
  if (sa.cant_tell != sb.cant_tell) return sa.cant_tell > sb.cant_tell;
  return a.url < b.url;
}

std::string document_place(Lang lang, const results::FindingRow& f) {
  return glossary::document_place(lang, f.page, f.selector, f.object);
}

std::optional<Listing> listing_of(const figures::RuleFacts& facts, const results::FindingRow& f) {
  if (!facts.rule) return std::nullopt;
  if (f.outcome == engine::Outcome::Failed) {
    if (facts.counts()) return Listing::Failure;
    if (!facts.requirement) return Listing::Warning;
  } else if (f.outcome == engine::Outcome::CantTell && facts.counts()) {
    return Listing::NeedsReview;
  }
  return std::nullopt;
}

}  // namespace scan_report

namespace {

namespace fs = std::filesystem;

Error write_error(const fs::path& p) {
  return Error{"cannot write " + p.string(), "kan inte skriva " + p.string()};
}

// Opens a file for binary writing (CRLF in the CSV is written as is).
Result<std::ofstream> open_out(const fs::path& p) {
  std::ofstream out(p, std::ios::binary | std::ios::trunc);
  if (!out) return write_error(p);
  return out;
}

// The names a report folder holds (and the spool files of one being written).
bool report_file_name(const std::string& name) {
  static constexpr std::string_view kFiles[] = {"index.html", "findings.csv", "granskning.csv", "granskning.xlsx",
                                                "report.json"};
  if (std::find(std::begin(kFiles), std::end(kFiles), name) != std::end(kFiles)) return true;
  auto ends = [&](std::string_view suffix) {
    return name.size() >= suffix.size() && name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0;
  };
  return (name.rfind("unit-", 0) == 0 && ends(".html")) || (name.rfind(".unit-", 0) == 0 && ends(".rows.tmp"));
}

// `dir` may be replaced as a whole: it is missing, empty, or holds only report files.
Status check_target(const fs::path& dir) {
  std::error_code ec;
  if (!fs::exists(dir, ec)) return ok_status();
  if (!fs::is_directory(dir, ec) || fs::is_symlink(dir, ec)) {
    return Error{dir.string() + " is not a folder", dir.string() + " är inte en mapp"};
  }
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (!report_file_name(name) || !it->is_regular_file()) {
      return Error{"the folder " + dir.string() + " holds other files than a granska report (" + name +
                       "); write the report to a new or empty folder",
                   "mappen " + dir.string() + " innehåller annat än en rapport från granska (" + name +
                       "); skriv rapporten till en ny eller tom mapp"};
    }
  }
  if (ec) return Error{"cannot read the folder " + dir.string(), "kan inte läsa mappen " + dir.string()};
  return ok_status();
}

// Removes ".NAME.tmp-PID" and ".NAME.old-PID" folders beside `dir` left by runs that are
// gone (killed mid-write).
void remove_stale(const fs::path& dir) {
  const std::string name = dir.filename().string();
  std::error_code ec;
  for (fs::directory_iterator it(dir.parent_path(), ec), end; !ec && it != end; it.increment(ec)) {
    const std::string n = it->path().filename().string();
    for (std::string_view kind : {".tmp-", ".old-"}) {
      const std::string prefix = "." + name + std::string(kind);
      if (n.rfind(prefix, 0) != 0) continue;
      const std::string pid = n.substr(prefix.size());
      if (pid.empty() || !std::all_of(pid.begin(), pid.end(), [](char c) { return c >= '0' && c <= '9'; })) continue;
      const long p = std::stol(pid);
      if (p > 0 && ::kill(static_cast<pid_t>(p), 0) == 0 && p != ::getpid()) continue;  // still running
      std::error_code e;
      fs::remove_all(it->path(), e);
    }
  }
}

// Puts the complete folder `tmp` in place of `dir`. Where `dir` exists, the two are
// exchanged atomically (renameat2 RENAME_EXCHANGE) and the old one removed; where the
// file system cannot exchange, the old one is moved aside first (`dir` is missing for a
// moment, never half written).
Status publish(const fs::path& tmp, const fs::path& dir) {
  std::error_code ec;
  if (!fs::exists(dir, ec)) {
    fs::rename(tmp, dir, ec);
  } else if (::renameat2(AT_FDCWD, tmp.c_str(), AT_FDCWD, dir.c_str(), RENAME_EXCHANGE) == 0) {
    fs::remove_all(tmp, ec);  // now the old report; a failure here leaves a stale folder only
    ec.clear();
  } else {
    const fs::path old = dir.parent_path() / ("." + dir.filename().string() + ".old-" + std::to_string(::getpid()));
    fs::rename(dir, old, ec);
    if (!ec) fs::rename(tmp, dir, ec);
    if (!ec) {
      std::error_code ignored;
      fs::remove_all(old, ignored);
    }
  }
  if (ec) {
    return Error{"cannot move the report into " + dir.string() + ": " + ec.message(),
                 "kan inte flytta rapporten till " + dir.string() + ": " + ec.message()};
  }
  return ok_status();
}

Result<ScanReportResult> write_into(results::ScanSource& source, const std::vector<results::ScanInfo>& all,
                                    std::size_t reported, const org::OrgMap* map, const org::Profile& profile,
                                    const engine::Registry& registry, const ScanReportOptions& options,
                                    const fs::path& dir) {
  using namespace scan_report;
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
  const std::vector<results::ScanInfo> scans(all.begin(), all.begin() + static_cast<std::ptrdiff_t>(reported) + 1);
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
  source.for_each_media(scan.id, [&](const results::MediaRow& row) {
    media.emplace_back(resolver.unit_of(row.page_url, row.unit), row);
  });
  {
    // Documents are few next to pages: held whole, findings included, worst first.
    std::vector<results::DocumentRow> rows;
    std::vector<std::vector<std::size_t>> units;
    std::vector<figures::DocumentScore> scores;
    source.for_each_document(scan.id, [&](const results::DocumentRow& row) {
      units.push_back(figures::document_units(row, resolver));
      scores.push_back(figures::score_document(row, rules));
      rows.push_back(row);
    });
    std::vector<std::size_t> order(rows.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
      return document_before(rows[a], scores[a], rows[b], scores[b]);
    });
    for (std::size_t i : order) {
      m.document_index.emplace(rows[i].url, m.document_rows.size());
      m.document_rows.push_back(std::move(rows[i]));
      m.document_units.push_back(std::move(units[i]));
      m.document_scores.push_back(scores[i]);
    }
  }
  const figures::AliasIndex aliases = figures::AliasIndex::build(source, scan.id, resolver);
  m.units = resolver.units();
  const std::size_t n_units = m.units.size();
  m.media.resize(n_units);
  m.documents.resize(n_units);
  m.not_checked.resize(n_units);
  m.aliases.resize(n_units);
  for (auto& [u, row] : media) m.media[u].push_back(std::move(row));
  for (std::size_t d = 0; d < m.document_rows.size(); ++d) {
    for (std::size_t u : m.document_units[d]) m.documents[u].push_back(d);
  }
  // The site step's results: each unit sees the sites it has pages on or answers for.
  m.sites = source.sites(scan.id);
  source.for_each_site_finding(scan.id, [&](const results::SiteFinding& f) { m.site_findings.push_back(f); });
  m.unit_sites.resize(n_units);
  for (std::size_t i = 0; i < m.sites.size(); ++i) {
    for (std::size_t u = 0; u < n_units; ++u) {
      const std::vector<std::string>& on = m.sites[i].units;
      if (std::find(on.begin(), on.end(), m.units[u].id) != on.end() || m.sites[i].owner == m.units[u].id) {
        m.unit_sites[u].push_back(i);
      }
    }
  }
  for (figures::ScanFigures& f : m.history) {
    while (f.units.size() < n_units) f.units.push_back(figures::empty_figures(rules.criteria().size()));
  }
  if (scans.size() >= 2) {
    m.previous = scans[scans.size() - 2];
    m.trend = figures::compare(prev_keys, last_keys, n_units);
  }
  for (const figures::UnitFigures& f : m.latest().units) m.status.push_back(figures::status_of(f, options.thresholds));
  m.total_status = figures::status_of(m.latest().total, options.thresholds);
  m.order = figures::overview_order(m.status, m.latest().units);

  {
    auto out = open_out(dir / "index.html");
    if (!out) return out.error();
    write_index_html(*out, m);
    if (!*out) return write_error(dir / "index.html");
  }
  {
    auto out = open_out(dir / "granskning.csv");
    if (!out) return out.error();
    write_review_csv(*out, m);
    if (!*out) return write_error(dir / "granskning.csv");
  }
  if (Status st = write_review_xlsx(dir / "granskning.xlsx", m); !st) return st.error();

  // Pass 2 over the reported scan: CSV and JSON rows, and each unit's listed elements into
  // a temporary file of its own ("<listing>\t<rule index>\t<row>\n").
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
      fs::remove(part_path(u), ignored);
    }
  }};
  for (std::size_t u = 0; u < n_units; ++u) {
    parts[u].open(part_path(u), std::ios::binary | std::ios::trunc);
    if (!parts[u]) return write_error(part_path(u));
  }
  write_csv_header(*csv, m.lang);
  JsonReport jr(*json, m);
  jr.begin();
  std::size_t finding_number = 0;
  source.for_each_page(scan.id, [&](const results::PageRow& page) {
    const std::size_t u = resolver.unit_of(page.url, page.unit);
    const figures::Alias* alias = aliases.alias_of(page.url);
    ++result.pages;
    result.findings += write_csv_rows(*csv, m, page, u, finding_number);
    jr.page(page, u, alias);
    if (page.kind == "failed" || page.kind == "blocked" || page.kind == "skipped" || page.kind == "redirected") {
      m.not_checked[u].push_back({page.url, page.kind, page.status,
                                  m.lang == Lang::En && !page.error_en.empty() ? page.error_en : page.error});
    }
    if (page.kind != "html") return;
    if (alias) {
      std::size_t own = 0;
      for (const results::FindingRow& f : page.findings) {
        own += listing_of(rules.facts(f.rule), f) == Listing::Failure ? 1 : 0;
      }
      m.aliases[u].push_back({page.url, *alias, own});
      return;  // counted as its primary: listed there
    }
    for (const results::FindingRow& f : page.findings) {
      const figures::RuleFacts& facts = rules.facts(f.rule);
      const std::optional<Listing> listing = listing_of(facts, f);
      if (!listing) continue;
      parts[u] << static_cast<int>(*listing) << '\t' << facts.index << '\t' << unit_finding_row(m, page, f) << '\n';
    }
  });
  write_csv_site_rows(*csv, m, finding_number);
  jr.end();
  if (!*csv) return write_error(dir / "findings.csv");
  if (!*json) return write_error(dir / "report.json");

  // Unit pages, one at a time: only one unit's rows are in memory.
  std::error_code ec;
  for (std::size_t u = 0; u < n_units; ++u) {
    parts[u].close();
    UnitRows rows;
    for (auto& r : rows) r.resize(registry.rules().size());
    {
      std::ifstream in(part_path(u), std::ios::binary);
      std::string line;
      while (std::getline(in, line)) {
        const std::size_t tab1 = line.find('\t');
        const std::size_t tab2 = tab1 == std::string::npos ? tab1 : line.find('\t', tab1 + 1);
        if (tab2 == std::string::npos || tab1 != 1) continue;
        const std::size_t listing = static_cast<std::size_t>(line[0] - '0');
        const std::size_t idx = std::stoul(line.substr(tab1 + 1, tab2 - tab1 - 1));
        if (listing < kListings && idx < rows[listing].size()) rows[listing][idx].push_back(line.substr(tab2 + 1));
      }
    }
    fs::remove(part_path(u), ec);
    auto out = open_out(dir / m.unit_file(u));
    if (!out) return out.error();
    write_unit_html(*out, m, u, rows);
    if (!*out) return write_error(dir / m.unit_file(u));
  }
  return result;
}

}  // namespace

Result<ScanReportResult> write_scan_report(results::ScanSource& source, const org::OrgMap* map,
                                           const org::Profile& profile, const engine::Registry& registry,
                                           const ScanReportOptions& options, const std::filesystem::path& dir) {
  const std::vector<results::ScanInfo> scans = source.complete_scans();
  if (scans.empty()) {
    return Error{"the database has no complete scan: run a crawl first (granska crawl --db FILE)",
                 "databasen har ingen avslutad genomsökning: kör en genomsökning först (granska crawl --db FIL)"};
  }
  std::size_t reported = scans.size() - 1;
  if (options.scan != 0) {
    auto it = std::find_if(scans.begin(), scans.end(), [&](const results::ScanInfo& s) { return s.id == options.scan; });
    if (it == scans.end()) {
      return Error{"scan " + std::to_string(options.scan) + " is not a complete scan in this database",
                   "genomsökning " + std::to_string(options.scan) + " är inte en avslutad genomsökning i databasen"};
    }
    reported = static_cast<std::size_t>(it - scans.begin());
  }
  std::error_code ec;
  fs::path target = fs::absolute(dir, ec).lexically_normal();
  if (!target.has_filename()) target = target.parent_path();
  if (ec || target == target.root_path() || target.filename() == "." || target.filename() == "..") {
    return Error{"cannot write a report folder at " + dir.string(), "kan inte skriva en rapportmapp i " + dir.string()};
  }
  if (Status st = check_target(target); !st) return st.error();
  fs::create_directories(target.parent_path(), ec);
  if (ec || !fs::is_directory(target.parent_path())) {
    return Error{"cannot create the folder " + target.parent_path().string(),
                 "kan inte skapa mappen " + target.parent_path().string()};
  }
  remove_stale(target);
  const fs::path tmp = target.parent_path() / ("." + target.filename().string() + ".tmp-" + std::to_string(::getpid()));
  fs::remove_all(tmp, ec);
  if (!fs::create_directory(tmp, ec) || ec) {
    return Error{"cannot create the folder " + tmp.string(), "kan inte skapa mappen " + tmp.string()};
  }
  Result<ScanReportResult> written = write_into(source, scans, reported, map, profile, registry, options, tmp);
  if (written) {
    if (Status st = publish(tmp, target); !st) written = st.error();
  }
  if (!written) {
    std::error_code ignored;
    fs::remove_all(tmp, ignored);
  }
  return written;
}

}  // namespace granska::reports
