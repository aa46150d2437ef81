// How fast the organisation map assigns URLs to units: a 50,000-page scan is assigned in
// one pass when a report is written, so this must stay in milliseconds.
// Run: build/tests/bench/granska_bench --benchmark_filter=Assign
#include <benchmark/benchmark.h>

#include <string>
#include <vector>

#include "org/org_map.h"

namespace {

using namespace granska::org;

// A map shaped like config/malmo.toml: 20 units, 30 path prefixes on one host, company hosts,
// a "*." domain and (in the second case) two patterns.
OrgMap malmo_like(bool with_patterns) {
  std::vector<Unit> units;
  std::vector<AssignRule> rules;
  for (int u = 0; u < 20; ++u) {
    units.push_back({"unit-" + std::to_string(u), "Enhet", "Unit", u < 16 ? UnitType::Committee : UnitType::Company});
  }
  rules.push_back({"unit-0", RuleKind::Host, "malmo.se"});
  for (int p = 0; p < 30; ++p) {
    rules.push_back({"unit-" + std::to_string(1 + p % 15), RuleKind::Prefix,
                     "malmo.se/Sektion-" + std::to_string(p) + (p % 3 == 0 ? "/Underavdelning-med-namn" : "")});
  }
  for (int c = 16; c < 20; ++c) rules.push_back({"unit-" + std::to_string(c), RuleKind::Host, "bolag" + std::to_string(c) + ".se"});
  rules.push_back({"unit-3", RuleKind::Host, "*.malmo.se"});
  if (with_patterns) {
    rules.push_back({"unit-5", RuleKind::Pattern, R"(/Val/\d{4}/)"});
    rules.push_back({"unit-6", RuleKind::Pattern, R"(^https://malmo\.se/Sektion-7/.*\.pdf$)"});
  }
  auto m = OrgMap::build(std::move(units), std::move(rules), "unit-0");
  return std::move(m).value();
}

std::vector<std::string> urls(std::size_t n) {
  std::vector<std::string> out;
  out.reserve(n);
  for (std::size_t i = 0; i < n; ++i) {
    switch (i % 10) {
      case 0: out.push_back("https://bolag" + std::to_string(16 + i % 4) + ".se/sida-" + std::to_string(i)); break;
      case 1: out.push_back("https://komin.malmo.se/nyheter/" + std::to_string(i)); break;
      case 2: out.push_back("https://malmo.se/Okand-sektion/sida-" + std::to_string(i) + ".html"); break;
      default:
        out.push_back("https://malmo.se/Sektion-" + std::to_string(i % 30) +
                      (i % 2 ? "/Underavdelning-med-namn" : "/Annat") + "/Sida-om-n%C3%A5got-" + std::to_string(i) +
                      ".html?sv.target=12.3456&utm_source=nyhetsbrev");
    }
  }
  return out;
}

void run(benchmark::State& state, bool with_patterns) {
  const OrgMap map = malmo_like(with_patterns);
  const std::vector<std::string> all = urls(static_cast<std::size_t>(state.range(0)));
  for (auto _ : state) {
    std::size_t fallbacks = 0;
    for (const std::string& u : all) fallbacks += map.assign(u).fallback() ? 1 : 0;
    benchmark::DoNotOptimize(fallbacks);
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * all.size()));  // URLs
}

void BM_AssignHostsAndPrefixes(benchmark::State& state) { run(state, false); }
void BM_AssignWithTwoPatterns(benchmark::State& state) { run(state, true); }

}  // namespace

BENCHMARK(BM_AssignHostsAndPrefixes)->Arg(50000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_AssignWithTwoPatterns)->Arg(50000)->Unit(benchmark::kMillisecond);
