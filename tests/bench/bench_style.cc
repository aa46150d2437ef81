// The style module's costs (docs/performance.md): parsing a typical 250 KB site style
// sheet (paid once per run: the sheet cache keeps it), the cascade of one page with that
// sheet already parsed, and all rules on a page whose sheets come from the cache,
// against the parse of the page itself.
#include <benchmark/benchmark.h>

#include "aria/semantics.h"
#include "css_generator.h"
#include "engine/evaluate.h"
#include "html/dom.h"
#include "page_generator.h"
#include "style/cascade.h"
#include "style/loader.h"
#include "style/sheet.h"

namespace {

using namespace granska;

const std::string& site_css() {
  static const std::string css = bench::generate_stylesheet(250 * 1024);
  return css;
}

// The page with its theme linked, as the cache hands it to every page of a crawl.
style::PageSheets cached_sheets(const html::Document& doc) {
  style::PageSheets sheets = style::collect_sheets(doc, "https://malmo.se/bench", nullptr, nullptr, {});
  style::SheetUse theme;
  static const auto parsed = std::make_shared<const style::Sheet>(style::parse_stylesheet(site_css()));
  theme.sheet = parsed;
  theme.url = "https://malmo.se/theme.css";
  sheets.sheets.insert(sheets.sheets.begin(), theme);
  sheets.incomplete = false;
  sheets.notes.clear();
  return sheets;
}

void BM_ParseStylesheet(benchmark::State& state) {
  const std::string& css = site_css();
  std::size_t rules = 0;
  for (auto _ : state) {
    style::Sheet sheet = style::parse_stylesheet(css);
    rules = sheet.rules.size();
    benchmark::DoNotOptimize(rules);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * css.size()));
  state.counters["KB"] = static_cast<double>(css.size()) / 1024;
  state.counters["rules"] = static_cast<double>(rules);
}

void BM_CascadeWithCachedSheet(benchmark::State& state) {
  std::string page = bench::generate_page(static_cast<std::size_t>(state.range(0)) * 1024);
  auto doc = html::Document::parse(page);
  style::PageSheets sheets = cached_sheets(*doc);
  for (auto _ : state) {
    style::ComputedStyles styles(*doc, sheets);
    benchmark::DoNotOptimize(styles.of(*doc->elements().back()).font_size);
  }
  state.counters["elements"] = static_cast<double>(doc->elements().size());
}

void BM_AllRulesWithCachedSheet(benchmark::State& state) {
  std::string page = bench::generate_page(static_cast<std::size_t>(state.range(0)) * 1024);
  auto doc = html::Document::parse(page);
  style::PageSheets sheets = cached_sheets(*doc);
  for (auto _ : state) {
    aria::Semantics sem(*doc, &sheets);
    auto ev = engine::evaluate(*doc, sem, "https://malmo.se/bench", engine::Registry::builtin());
    benchmark::DoNotOptimize(ev.rules.size());
  }
  state.counters["elements"] = static_cast<double>(doc->elements().size());
}

BENCHMARK(BM_ParseStylesheet)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_CascadeWithCachedSheet)->Arg(30)->Arg(80)->Arg(150)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_AllRulesWithCachedSheet)->Arg(30)->Arg(80)->Arg(150)->Unit(benchmark::kMillisecond);

}  // namespace
