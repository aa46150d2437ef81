// A crawl into the scan database: the part of `granska crawl --db` and `granska scan` that
// is not printing. Opens the database (taking its lock), starts a new scan or continues the
// interrupted one (leaving out a page that stopped granska twice: check_journal.h), asks an
// earlier scan's pages conditionally and carries unchanged pages' results over, stores
// every page's structured rows with its committee, checks linked documents and stores
// which pages (of which committees) link to each, and finishes the scan: complete, or
// failed when it checked no page at all (docs/decisions/0011).
//
// The caller decides what a page's stored output text is and what is printed (hooks); the
// network is a parameter, so tests run whole scans against an in-memory web.
#pragma once

#include <atomic>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "crawl/crawler.h"
#include "fetch/multi.h"
#include "org/org_map.h"
#include "scan/crawl_settings.h"
#include "store/crawl_store.h"
#include "util/lock_file.h"
#include "util/result.h"

namespace granska::scan {

struct StoredCrawlHooks {
  // On a worker thread while the checked page lives, after the rows for the store are
  // taken: e.g. render the page's report into record.report. Must be thread-safe.
  crawl::PageRenderer render;
  // The same for each checked document (e.g. its report for `granska crawl --db`).
  crawl::DocumentRenderer render_document;
  // On the calling thread, for every record: the text stored as the page's output (what
  // `granska crawl --db` prints at the end). `earlier` is the earlier scan's stored output
  // of a page that answered 304 Not Modified, whose result stands; null otherwise.
  std::function<std::string(crawl::PageRecord& record, const store::CrawlStore::Stored* earlier)> output;
  // After each record is stored (logging).
  std::function<void(const crawl::PageRecord& record)> stored;
  crawl::ProgressFn progress;
  // Just before the crawl starts, once everything it needs is in place.
  std::function<void()> started;
  // At the end, every stored output of the scan (a resumed scan's earlier part included),
  // in the order the pages finished.
  std::function<void(std::string_view output)> print;
};

struct StoredCrawl {
  CrawlSettings settings;  // for a new scan; a continued scan uses its stored settings
  bool resume = false;     // continue the newest interrupted scan
  fetch::Options fetch;    // limits and secrets (never stored)
  int workers = 0;         // 0: one per core
  pipeline::RunContext run;               // how pages are checked
  const org::OrgMap* units = nullptr;     // each page's committee; null: none
  std::string config_name;                // shown with the scan
  fetch::Transfers* network = nullptr;    // null: libcurl
  const std::atomic<bool>* stop = nullptr;
  // A page in check longer than this stops the process (crawl::CrawlOptions::watchdog_ms):
  // only for a run whose parent continues the scan afterwards; 0 = never.
  int watchdog_ms = 0;
};

struct StoredCrawlResult {
  results::ScanId scan = 0;
  crawl::CrawlStats stats;
  store::CrawlStore::Totals totals;  // over the whole scan, a continued one's earlier part included
  bool nothing_checked = false;      // the scan ran to its end without checking a page: marked failed
  // Rendering was asked for but the browser could not start: why (the pages it would have
  // rendered were checked as served, each with this reason as a note).
  std::optional<Error> browser_unavailable;
};

// The earlier scan a crawl leans on: its validators make requests conditional, and its
// stored results stand for the pages that answer 304 Not Modified.
struct EarlierScan {
  std::unique_ptr<store::CrawlStore> opened;  // a --since-db database, owned
  store::CrawlStore* store = nullptr;         // null: no earlier scan
  results::ScanId scan = 0;

  crawl::PreviousLookup lookup() const;
  // The earlier stored output of a page, when it is there.
  std::optional<store::CrawlStore::Stored> result(std::string_view url) const;
};

// `settings.since_db`'s newest complete scan, when it can stand in for this crawl's pages:
// it stored its pages' output (unless this crawl prints none) in the same format and
// language. Errors name what does not fit.
Result<EarlierScan> open_since_db(const CrawlSettings& settings);

class ScanDatabase {
 public:
  // Opens (creating) the database. With `lock`, first takes `<db>.lock` (the lock
  // `granska scan` takes by default): `*held` tells whether another run holds it.
  static Result<std::unique_ptr<ScanDatabase>> open(const std::string& db, bool lock, bool* held = nullptr);

  // The settings of the newest interrupted scan, to continue it. Errors: no scan to
  // continue; its settings cannot be read.
  Result<CrawlSettings> interrupted_settings();

  // Runs the crawl. Errors (bilingual, nothing half-done is lost: a crawl that stops
  // early leaves its scan running, to be continued): an unusable --since-db, no start
  // address, the crawler's own errors, a database write that fails.
  Result<StoredCrawlResult> crawl(StoredCrawl request, const StoredCrawlHooks& hooks);

  store::CrawlStore& store() { return *store_; }
  const std::string& path() const { return path_; }

 private:
  ScanDatabase() = default;
  std::string path_;
  std::optional<LockFile> lock_;
  std::unique_ptr<store::CrawlStore> store_;
};

}  // namespace granska::scan
