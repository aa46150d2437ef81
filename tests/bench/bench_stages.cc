// Where the time of one page goes, stage by stage, on a generated municipal page (80 KB,
// the shape of malmo.se's): what `granska crawl`/`scan` do per page after the fetch.
// Run: build/tests/bench/granska_bench --benchmark_filter=Stage
#include <benchmark/benchmark.h>

#include <ostream>
#include <streambuf>

#include "engine/evaluate.h"
#include "html/dom.h"
#include "media/inventory.h"
#include "page_generator.h"
#include "pipeline/check_page.h"
#include "reports/page/report.h"
#include "results/rows_from_page.h"

namespace {

using namespace granska;

constexpr std::size_t kPageBytes = 80 * 1024;
constexpr const char* kUrl = "https://malmo.se/bench/sida.html";

const std::string& page() {
  static const std::string p = bench::generate_page(kPageBytes, 7, 1000);
  return p;
}

input::Page loaded() {
  input::Page p;
  p.target = kUrl;
  p.url = kUrl;
  p.http_status = 200;
  p.decoded.text = page();
  p.decoded.encoding = "utf-8";
  return p;
}

// A stream that discards what it is given, as fast as possible.
class NullBuf : public std::streambuf {
 protected:
  int_type overflow(int_type c) override { return traits_type::not_eof(c); }
  std::streamsize xsputn(const char*, std::streamsize n) override { return n; }
};

void counters(benchmark::State& state) {
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * page().size()));
}

void BM_Stage_Parse(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(html::Document::parse(page())->elements().size());
  counters(state);
}

void BM_Stage_Rules(benchmark::State& state) {  // semantics and styles included: they are lazy
  auto doc = html::Document::parse(page());
  for (auto _ : state) {
    aria::Semantics sem(*doc);
    benchmark::DoNotOptimize(engine::evaluate(*doc, sem, kUrl, engine::Registry::builtin()).rules.size());
  }
  counters(state);
}

void BM_Stage_Media(benchmark::State& state) {
  auto doc = html::Document::parse(page());
  aria::Semantics sem(*doc);
  const engine::PageEvaluation ev = engine::evaluate(*doc, sem, kUrl, engine::Registry::builtin());
  for (auto _ : state) {
    media::Inventory inv;
    inv.items = media::find_media(*doc, sem, kUrl);
    media::build_rows(inv, ev);
    benchmark::DoNotOptimize(inv.rows.size());
  }
  counters(state);
}

void BM_Stage_StoreRows(benchmark::State& state) {  // selectors and snippets of stored findings included
  auto doc = html::Document::parse(page());
  const engine::PageEvaluation ev = engine::evaluate(*doc, kUrl, engine::Registry::builtin());
  for (auto _ : state) {
    benchmark::DoNotOptimize(results::finding_rows(ev).size() + results::rule_outcome_rows(ev).size());
  }
  counters(state);
}

// The same rows on a minified page (every line break a space), as rustdoc and many CMSs
// write them: one line of the page's whole size. Per byte it must cost what the 80 KB page
// costs at every size: a finding's column was once counted from the line's start, which
// made a 1.2 MB one-line page's report quadratic (issue #22).
void BM_Stage_StoreRowsOneLine(benchmark::State& state) {
  std::string html = bench::generate_page(static_cast<std::size_t>(state.range(0)) * 1024, 7, 1000);
  for (char& c : html) {
    if (c == '\n') c = ' ';
  }
  auto doc = html::Document::parse(html);
  const engine::PageEvaluation ev = engine::evaluate(*doc, kUrl, engine::Registry::builtin());
  for (auto _ : state) benchmark::DoNotOptimize(results::finding_rows(ev).size());
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * html.size()));
}

template <bool kJson, bool kPassed = false>
void BM_Stage_Report(benchmark::State& state) {
  const auto checked = pipeline::check_page(loaded(), pipeline::RunContext{}, nullptr);
  NullBuf buf;
  std::ostream out(&buf);
  const reports::PageReport report{checked->page, checked->evaluation, &checked->inventory};
  for (auto _ : state) {
    if (kJson) {
      reports::Options options;
      options.show_passed = kPassed;  // --show-passed: every passed element listed too
      reports::write_json(out, report, options);
    } else {
      reports::write_text(out, report, {});
    }
  }
  counters(state);
}

void BM_Stage_WholeCheckPage(benchmark::State& state) {
  const pipeline::RunContext run;
  for (auto _ : state) benchmark::DoNotOptimize(pipeline::check_page(loaded(), run, nullptr)->evaluation.rules.size());
  counters(state);
}

BENCHMARK(BM_Stage_Parse)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Stage_Rules)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Stage_Media)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Stage_StoreRows)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Stage_StoreRowsOneLine)->Arg(80)->Arg(640)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Stage_Report<false>)->Name("BM_Stage_TextReport")->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Stage_Report<true>)->Name("BM_Stage_JsonReport")->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Stage_Report<true, true>)->Name("BM_Stage_JsonReportShowPassed")->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Stage_WholeCheckPage)->Unit(benchmark::kMillisecond);

}  // namespace
