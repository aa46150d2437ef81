// What a crawl tells the operator while it runs, shared by `granska crawl` and `granska
// scan`: the progress line on a terminal, a line per page to a log, or one JSON event per
// page (--log-json); and the stop signals.
#pragma once

#include <atomic>
#include <cstddef>
#include <string>

#include "crawl/crawler.h"
#include "util/lang.h"

namespace granska::cli {

struct CrawlLog {
  bool quiet = false;
  bool log_json = false;
  bool tty = false;  // standard error is a terminal
  Lang lang = Lang::Sv;

  void page(const crawl::PageRecord& r) const;
  void progress(const crawl::CrawlStats& s) const;
  void end() const;  // ends the progress line
};

// SIGINT/SIGTERM ask a running crawl to stop (it then returns promptly, interrupted): the
// flag the handlers set, and a scope during which they are installed.
const std::atomic<bool>* stop_requested();
class StopSignals {
 public:
  StopSignals();
  ~StopSignals();
  StopSignals(const StopSignals&) = delete;
  StopSignals& operator=(const StopSignals&) = delete;
};


}  // namespace granska::cli
