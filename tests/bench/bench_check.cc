// How fast one page is parsed and checked. Run: build/tests/bench/granska_bench
// The goal (docs/performance.md): all rules together cost at most half the parse time.
#include <benchmark/benchmark.h>

#include "aria/semantics.h"
#include "engine/evaluate.h"
#include "html/dom.h"
#include "page_generator.h"
#include "style/cascade.h"
#include "style/loader.h"

namespace {

using namespace granska;

void set_counters(benchmark::State& state, std::size_t bytes) {
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * bytes));
  state.SetItemsProcessed(state.iterations());  // pages
}

void BM_Parse(benchmark::State& state) {
  std::string page = bench::generate_page(static_cast<std::size_t>(state.range(0)) * 1024);
  for (auto _ : state) {
    auto doc = html::Document::parse(page);
    benchmark::DoNotOptimize(doc->elements().size());
  }
  set_counters(state, page.size());
}

void BM_RulesOnly(benchmark::State& state) {
  std::string page = bench::generate_page(static_cast<std::size_t>(state.range(0)) * 1024);
  auto doc = html::Document::parse(page);
  for (auto _ : state) {
    auto ev = engine::evaluate(*doc, "https://malmo.se/bench", engine::Registry::builtin());
    benchmark::DoNotOptimize(ev.rules.size());
  }
  set_counters(state, page.size());
}

void BM_ParseAndCheck(benchmark::State& state) {
  std::string page = bench::generate_page(static_cast<std::size_t>(state.range(0)) * 1024);
  for (auto _ : state) {
    auto doc = html::Document::parse(page);
    auto ev = engine::evaluate(*doc, "https://malmo.se/bench", engine::Registry::builtin());
    benchmark::DoNotOptimize(ev.rules.size());
  }
  set_counters(state, page.size());
}

// Role and accessible name of every element: the semantics layer's share of a check.
void BM_RoleAndNameOfEveryElement(benchmark::State& state) {
  std::string page = bench::generate_page(static_cast<std::size_t>(state.range(0)) * 1024);
  auto doc = html::Document::parse(page);
  for (auto _ : state) {
    aria::Semantics sem(*doc);
    std::size_t total = 0;
    for (const html::Node* e : doc->elements()) {
      total += sem.role(*e).size() + sem.name(*e).text.size();
    }
    benchmark::DoNotOptimize(total);
  }
  set_counters(state, page.size());
}

// Computed CSS values of every element (colour, background, fonts, spacing, position):
// what the contrast, text-spacing and orientation rules share through Semantics.
void BM_ComputedStyles(benchmark::State& state) {
  std::string page = bench::generate_page(static_cast<std::size_t>(state.range(0)) * 1024);
  auto doc = html::Document::parse(page);
  style::PageSheets sheets = style::collect_sheets(*doc, "https://malmo.se/bench", nullptr, nullptr, {});
  for (auto _ : state) {
    style::ComputedStyles styles(*doc, sheets);
    benchmark::DoNotOptimize(styles.of(*doc->elements().back()).font_size);
  }
  set_counters(state, page.size());
}

// The six rules that read computed styles (contrast, text spacing, orientation), with the
// computed styles they share.
void BM_CssRules(benchmark::State& state) {
  std::string page = bench::generate_page(static_cast<std::size_t>(state.range(0)) * 1024);
  auto doc = html::Document::parse(page);
  engine::Selection css_rules{{"text-contrast-minimum", "text-contrast-enhanced", "letter-spacing-important",
                               "word-spacing-important", "line-height-important", "orientation-transform"},
                              {},
                              true};
  for (auto _ : state) {
    auto ev = engine::evaluate(*doc, "https://malmo.se/bench", engine::Registry::builtin(), css_rules);
    benchmark::DoNotOptimize(ev.rules.size());
  }
  set_counters(state, page.size());
}

#define PAGE_SIZES ->Arg(30)->Arg(80)->Arg(150)->Unit(benchmark::kMillisecond)
BENCHMARK(BM_Parse) PAGE_SIZES;
BENCHMARK(BM_RulesOnly) PAGE_SIZES;
BENCHMARK(BM_ParseAndCheck) PAGE_SIZES;
BENCHMARK(BM_RoleAndNameOfEveryElement) PAGE_SIZES;
BENCHMARK(BM_ComputedStyles) PAGE_SIZES;
BENCHMARK(BM_CssRules) PAGE_SIZES;

// One rule alone on the 80 KB page, registered per rule in main(): which rule costs what.
// Each run builds its own semantics, so the sum is more than BM_RulesOnly, where rules
// share the page's cached roles, names and styles.
void BM_Rule(benchmark::State& state, std::string id) {
  std::string page = bench::generate_page(80 * 1024);
  auto doc = html::Document::parse(page);
  engine::Selection only;
  only.only = {id};
  for (auto _ : state) {
    auto ev = engine::evaluate(*doc, "https://malmo.se/bench", engine::Registry::builtin(), only);
    benchmark::DoNotOptimize(ev.rules.size());
  }
  set_counters(state, page.size());
}

}  // namespace

int main(int argc, char** argv) {
  for (const engine::Rule* rule : engine::Registry::builtin().rules()) {
    std::string id(rule->info.id);
    benchmark::RegisterBenchmark(("BM_Rule/" + id).c_str(), BM_Rule, id)->Unit(benchmark::kMillisecond);
  }
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
