// Rendering benchmark driver (not a test; tests/bench/render_bench.sh and axe_bench.sh run it).
//   granska_render_bench [--tabs N] [--rounds R] [--facts] [--rules] [--quiet MS] [--chromium PATH] URL...
// Starts one pool of N tabs, renders one warm-up page, then renders every URL R times from
// N threads and prints one line of figures: pages/s, mean milliseconds per phase (load and
// network idle, snapshot capture + conversion, building the html::Document, layout facts,
// and with --rules the check of the rendered page: pipeline::check_rendered, i.e. linked
// sheets from the run's cache, semantics with the browser's styles and every rule), the
// browser's resident memory idle and at its peak, and the mean node count.
#include <sys/resource.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "fetch/fetch.h"
#include "input/load.h"
#include "pipeline/check_page.h"
#include "render/pool.h"
#include "render/rendered_view.h"
#include "style/loader.h"

using granska::render::PageRequest;
using granska::render::Pool;
using granska::render::PoolOptions;
using granska::render::RenderedView;

namespace {
std::string fmt1(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}
}  // namespace

int main(int argc, char** argv) {
  PoolOptions options;
  options.launch.loopback_only = true;
  options.tabs = 1;
  int rounds = 3;
  bool facts = false;
  bool rules = false;
  std::vector<std::string> urls;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--tabs" && i + 1 < argc) options.tabs = std::atoi(argv[++i]);
    else if (a == "--rounds" && i + 1 < argc) rounds = std::atoi(argv[++i]);
    else if (a == "--facts") facts = true;
    else if (a == "--rules") rules = true;
    else if (a == "--quiet" && i + 1 < argc) options.idle_quiet_ms = std::atol(argv[++i]);
    else if (a == "--chromium" && i + 1 < argc) options.launch.chromium_path = argv[++i];
    else if (!a.empty() && a[0] != '-') urls.push_back(a);
    else {
      std::fprintf(stderr, "usage: %s [--tabs N] [--rounds R] [--facts] [--rules] [--quiet MS] [--chromium PATH] URL...\n", argv[0]);
      return 2;
    }
  }
  if (urls.empty() || options.tabs < 1 || rounds < 1) {
    std::fprintf(stderr, "usage: %s [--tabs N] [--rounds R] [--facts] [--rules] [--quiet MS] [--chromium PATH] URL...\n", argv[0]);
    return 2;
  }
  auto pool = Pool::start(options);
  if (!pool.ok()) {
    std::fprintf(stderr, "%s\n", pool.error().message.c_str());
    return 2;
  }
  auto request = [&](const std::string& url) {
    PageRequest r;
    r.url = url;
    r.facts.reflow = r.facts.focus = r.facts.targets = facts;
    return r;
  };
  (void)(*pool)->render(request(urls[0]));  // warm-up: the first page pays for process start-up
  const double idle_mb = static_cast<double>((*pool)->browser_memory_bytes()) / (1 << 20);

  // As `granska check --render` runs the rules: every rule (best practice included), one
  // sheet cache for the run, a fetcher per thread for linked sheets and caption tracks.
  granska::pipeline::RunContext run;
  granska::style::SheetCache sheets;
  run.sheets = &sheets;

  std::vector<std::string> work;
  for (int r = 0; r < rounds; ++r) work.insert(work.end(), urls.begin(), urls.end());
  std::atomic<std::size_t> next{0};
  std::mutex mu;
  double load = 0, snapshot = 0, view_ms = 0, facts_ms = 0, rules_ms = 0, total = 0, nodes = 0, findings = 0;
  std::size_t ok = 0, errors = 0;
  std::size_t peak = 0;
  auto started = std::chrono::steady_clock::now();
  std::vector<std::thread> threads;
  for (int t = 0; t < options.tabs; ++t) {
    threads.emplace_back([&] {
      auto fetcher = granska::fetch::make_curl_fetcher();
      for (;;) {
        std::size_t i = next++;
        if (i >= work.size()) return;
        auto page = (*pool)->render(request(work[i]));
        if (!page.ok()) {
          std::lock_guard lock(mu);
          ++errors;
          std::fprintf(stderr, "%s\n", page.error().message.c_str());
          continue;
        }
        double l = page->load_ms, s = page->snapshot_ms, f = page->facts_ms, tot = page->total_ms;
        double n = static_cast<double>(page->nodes.size());
        auto v0 = std::chrono::steady_clock::now();
        auto view = RenderedView::build(std::move(page).value());
        double v = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - v0).count();
        const bool built = view.ok();
        double r = 0, found = 0;
        if (rules && built) {
          granska::input::Page described;
          described.target = described.url = work[i];
          auto r0 = std::chrono::steady_clock::now();
          auto checked = granska::pipeline::check_rendered(std::move(described), std::move(view).value(), run,
                                                           fetcher.get(), fetcher.get());
          r = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - r0).count();
          found = static_cast<double>(checked->evaluation.count(granska::engine::Outcome::Failed));
        }
        std::size_t mem = i % 4 == 0 ? (*pool)->browser_memory_bytes() : 0;
        std::lock_guard lock(mu);
        if (!built) {
          ++errors;
          continue;
        }
        ++ok;
        load += l;
        snapshot += s;
        view_ms += v;
        facts_ms += f;
        rules_ms += r;
        findings += found;
        total += tot;
        nodes += n;
        peak = std::max(peak, mem);
      }
    });
  }
  for (auto& t : threads) t.join();
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  peak = std::max(peak, (*pool)->stats().peak_memory_bytes);
  double peak_mb = static_cast<double>(peak) / (1 << 20);
  double n = ok ? static_cast<double>(ok) : 1;
  std::printf(
      "tabs=%d facts=%s quiet_ms=%ld pages=%zu errors=%zu seconds=%.2f pages_per_s=%.2f load_ms=%.1f snapshot_ms=%.1f "
      "view_ms=%.2f facts_ms=%.1f rules_ms=%s page_ms=%.1f nodes=%.0f failed=%s browser_idle_mb=%.0f "
      "browser_peak_mb=%.0f per_tab_mb=%.0f\n",
      options.tabs, facts ? "on" : "off", options.idle_quiet_ms, ok, errors, seconds, static_cast<double>(ok) / seconds, load / n,
      snapshot / n, view_ms / n, facts_ms / n, rules ? fmt1(rules_ms / n).c_str() : "-", total / n, nodes / n,
      rules ? fmt1(findings / n).c_str() : "-", idle_mb, peak_mb,
      (peak_mb - idle_mb) / options.tabs);
  return errors ? 1 : 0;
}
