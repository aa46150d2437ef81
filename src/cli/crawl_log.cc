#include "cli/crawl_log.h"

#include <csignal>
#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>

namespace granska::cli {

namespace {
// A signal handler can only reach a global.
std::atomic<bool> g_stop{false};
extern "C" void on_signal(int) { g_stop = true; }
}  // namespace

const std::atomic<bool>* stop_requested() { return &g_stop; }

StopSignals::StopSignals() {
  std::signal(SIGINT, on_signal);
  std::signal(SIGTERM, on_signal);
}

StopSignals::~StopSignals() {
  std::signal(SIGINT, SIG_DFL);
  std::signal(SIGTERM, SIG_DFL);
}

void CrawlLog::page(const crawl::PageRecord& r) const {
  if (log_json) {
    // One event per line for log collectors. URLs without user:password; error texts
    // never hold header values (cookies, tokens).
    nlohmann::json e{{"event", "page"},
                     {"url", fetch::url_for_message(r.url)},
                     {"final_url", fetch::url_for_message(r.final_url)},
                     {"status", r.status},
                     {"kind", crawl::to_string(r.kind)},
                     {"error", r.has_error ? nlohmann::json(r.error.text(lang)) : nlohmann::json(nullptr)},
                     {"unchanged", r.unchanged},
                     {"attempts", r.attempts},
                     {"elapsed_ms", static_cast<long long>(r.elapsed_ms + 0.5)}};
    std::cerr << e.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
  } else if (!quiet && !tty) {
    std::cerr << "granska: crawl: " << (r.status ? std::to_string(r.status) : std::string("---")) << " "
              << crawl::to_string(r.kind) << " " << fetch::url_for_message(r.url) << "\n";
  }
}

void CrawlLog::progress(const crawl::CrawlStats& s) const {
  if (quiet || log_json || !tty) return;
  const double rate = s.seconds > 0 ? static_cast<double>(s.done) / s.seconds : 0;
  const long eta = rate > 0 ? static_cast<long>(static_cast<double>(s.queued) / rate) : 0;
  std::fprintf(stderr, lang == Lang::Sv ? "\r\x1b[K%zu klara, %zu i kö, %.1f sidor/s, %zu fel, kvar ca %ld s"
                                        : "\r\x1b[K%zu done, %zu queued, %.1f pages/s, %zu errors, ETA %ld s",
               s.done, s.queued, rate, s.errors, eta);
  std::fflush(stderr);
}

void CrawlLog::end() const {
  if (!quiet && !log_json && tty) std::fputs("\n", stderr);
}

}  // namespace granska::cli
