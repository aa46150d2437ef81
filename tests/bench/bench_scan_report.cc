// How long `granska report` takes for a large scan: a generated 50,000-page scan (12 units,
// ~10 stored findings per page, 2 complete scans, media and documents) is written as the
// full report folder (index, 12 unit pages, findings.csv, report.json) into a temporary
// folder. The scan is generated page by page as the report streams it, like the SQLite
// store does, so the peak memory counter (maxrss, whole process) is the report's own.
// Run: build/tests/bench/granska_bench --benchmark_filter=ScanReport
#include <benchmark/benchmark.h>
#include <sys/resource.h>

#include <filesystem>
#include <string>
#include <vector>

#include "engine/registry.h"
#include "org/org_map.h"
#include "org/profile.h"
#include "reports/scan/scan_report.h"
#include "results/scan_data.h"

namespace {

using namespace granska;

constexpr int kUnits = 12;

org::OrgMap city_map() {
  std::vector<org::Unit> units;
  std::vector<org::AssignRule> rules;
  for (int u = 0; u < kUnits; ++u) {
    units.push_back({"enhet-" + std::to_string(u), "Nämnd " + std::to_string(u), "Committee " + std::to_string(u),
                     u < 9 ? org::UnitType::Committee : org::UnitType::Company});
    if (u < 9) rules.push_back({"enhet-" + std::to_string(u), org::RuleKind::Prefix, "malmo.se/Sektion-" + std::to_string(u)});
    else rules.push_back({"enhet-" + std::to_string(u), org::RuleKind::Host, "bolag" + std::to_string(u) + ".se"});
  }
  return std::move(org::OrgMap::build(units, rules, "enhet-0")).value();
}

// Pages are generated on demand; scan 2 fixes about a tenth of scan 1's findings and adds
// a few new ones.
class GeneratedScans : public results::ScanSource {
 public:
  explicit GeneratedScans(std::size_t pages) : pages_(pages) {
    // Real rules with a message each, so message texts, help and criteria are looked up.
    for (const engine::Rule* r : engine::Registry::builtin().rules()) {
      if (!r->info.messages.empty()) rules_.push_back(r);
    }
  }
  std::vector<results::ScanInfo> complete_scans() override {
    std::vector<results::ScanInfo> out;
    for (int id = 1; id <= 2; ++id) {
      results::ScanInfo s;
      s.id = id;
      s.started = "2026-11-0" + std::to_string(id) + "T02:00:00Z";
      s.finished = "2026-11-0" + std::to_string(id) + "T05:00:00Z";
      s.status = results::ScanStatus::Complete;
      s.pages = pages_;
      out.push_back(s);
    }
    return out;
  }
  void for_each_page(results::ScanId scan, const std::function<void(const results::PageRow&)>& fn) override {
    results::PageRow p;
    for (std::size_t i = 0; i < pages_; ++i) {
      p.url = url(i);
      p.final_url = p.url;
      p.kind = i % 25 == 24 ? "document" : "html";
      p.status = 200;
      p.title = "Sida " + std::to_string(i) + " – Malmö stad";
      p.content_type = "text/html; charset=utf-8";
      p.fetched_at = "2026-11-01T02:10:00Z";
      p.findings.clear();
      p.rule_outcomes.clear();
      if (p.kind == "html") {
        const std::size_t n = 6 + (i * 7) % 9;  // 6..14, about 10 on average
        for (std::size_t k = 0; k < n; ++k) {
          if (scan == 2 && (i + k) % 10 == 0) continue;  // fixed
          add_finding(p, i, k);
        }
        if (scan == 2 && i % 7 == 0) add_finding(p, i, 99);  // new
        for (std::size_t k = 0; k < 20; ++k) {
          p.rule_outcomes.push_back({std::string(rules_[(i + k) % rules_.size()]->info.id), engine::Outcome::Passed});
        }
      }
      fn(p);
    }
  }
  void for_each_media(results::ScanId, const std::function<void(const results::MediaRow&)>& fn) override {
    for (std::size_t i = 0; i < pages_; i += 40) {
      results::MediaRow m;
      m.page_url = url(i);
      m.kind = "video";
      m.source = "https://www.youtube.com/embed/abc" + std::to_string(i);
      m.player = "YouTube";
      m.name = "Film om Malmö";
      m.captions = i % 80 == 0 ? engine::Outcome::Failed : engine::Outcome::Passed;
      fn(m);
    }
  }
  void for_each_document(results::ScanId, const std::function<void(const results::DocumentRow&)>& fn) override {
    for (std::size_t i = 24; i < pages_; i += 25) {
      results::DocumentRow d;
      d.url = d.final_url = url(i);
      d.content_type = "application/pdf";
      d.status = 200;
      d.size = 250000;
      fn(d);
    }
  }

 private:
  static std::string url(std::size_t i) {
    const std::size_t u = i % kUnits;
    if (u >= 9) return "https://bolag" + std::to_string(u) + ".se/sida-" + std::to_string(i);
    return "https://malmo.se/Sektion-" + std::to_string(u) + "/Underavdelning/Sida-om-n%C3%A5got-" + std::to_string(i);
  }
  void add_finding(results::PageRow& p, std::size_t i, std::size_t k) {
    const engine::Rule* r = rules_[(i * 3 + k * 5) % rules_.size()];
    results::FindingRow f;
    f.rule = std::string(r->info.id);
    f.outcome = k % 6 == 5 ? engine::Outcome::CantTell : engine::Outcome::Failed;
    f.message_id = std::string(r->info.messages.front()->id);
    f.args = {"Läs mer om " + std::to_string(k), "aria-label"};
    f.selector = "body > div.sidinnehall > main#innehall > section:nth-of-type(" + std::to_string(k + 1) + ") > a";
    f.line = static_cast<std::uint32_t>(100 + k * 13);
    f.column = 9;
    f.snippet = "<a href=\"/Sektion/Underavdelning/sida-" + std::to_string(k) +
                "\" class=\"lank lank--primar\">Läs mer om " + std::to_string(k) + "</a>";
    p.findings.push_back(std::move(f));
  }
  std::size_t pages_;
  std::vector<const engine::Rule*> rules_;
};

void BM_ScanReport(benchmark::State& state) {
  const auto pages = static_cast<std::size_t>(state.range(0));
  GeneratedScans source(pages);
  const org::OrgMap map = city_map();
  const std::filesystem::path dir = std::filesystem::temp_directory_path() / "granska-bench-scan-report";
  std::size_t findings = 0;
  for (auto _ : state) {
    reports::ScanReportOptions o;
    o.generated_at = "2026-11-02T06:00:00Z";
    auto r = reports::write_scan_report(source, &map, *org::find_profile("wcag21-aa"), engine::Registry::builtin(), o, dir);
    if (!r) state.SkipWithError(r.error().message.c_str());
    else findings = r->findings;
  }
  std::uintmax_t bytes = 0, html = 0, csv = 0, json = 0;
  for (const auto& e : std::filesystem::directory_iterator(dir)) {
    bytes += e.file_size();
    if (e.path().extension() == ".html") html += e.file_size();
    if (e.path().extension() == ".csv") csv += e.file_size();
    if (e.path().extension() == ".json") json += e.file_size();
  }
  std::filesystem::remove_all(dir);
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  state.counters["findings"] = static_cast<double>(findings);
  state.counters["output_MB"] = static_cast<double>(bytes) / 1e6;
  state.counters["html_MB"] = static_cast<double>(html) / 1e6;
  state.counters["csv_MB"] = static_cast<double>(csv) / 1e6;
  state.counters["json_MB"] = static_cast<double>(json) / 1e6;
  state.counters["peak_rss_MB"] = static_cast<double>(ru.ru_maxrss) / 1024.0;
}

}  // namespace

BENCHMARK(BM_ScanReport)->Arg(50000)->Unit(benchmark::kSecond)->Iterations(1);
