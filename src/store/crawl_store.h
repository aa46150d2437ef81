// The scan database (SQLite, WAL), written by `granska crawl --db`: one file holds many
// scans. Per scan: its frontier and every page's rendered output (so `--resume` continues
// an interrupted crawl, even after kill -9, with nothing lost and nothing recorded twice),
// the validators of checked pages (conditional requests in a later scan), and the
// structured results the reports read (pages, findings, per-rule page outcomes, errors,
// media, documents; read through scan_source.h). The only module that uses SQLite; the
// schema and its versions are in sqlite_db.h and docs/decisions/0011-scan-store.md.
//
// Scans: begin_scan() creates a running scan; complete_scan() marks it complete in one
// transaction after everything else is committed, so a reader never sees a half-written
// scan as complete. An interrupted crawl leaves its scan running; use_scan() continues it.
//
// Durability: writes are grouped in transactions of up to kBatch writes or 200 ms.
// A kill loses at most the open transaction; its URLs are still "queued" in the file, so
// they are fetched again on resume and their results written once (keyed by scan and URL).
// A page's output, frontier state and structured rows commit together.
//
// Not thread-safe: used by the crawl's network thread only.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "results/scan_data.h"
#include "results/site_facts.h"
#include "util/result.h"

namespace granska::store {

class CrawlStore {
 public:
  static constexpr int kBatch = 200;

  // Opens or creates the database file and upgrades an older schema. Errors (bilingual):
  // cannot open, not a granska database, written by a newer granska.
  static Result<std::unique_ptr<CrawlStore>> open(const std::string& path);
  ~CrawlStore();
  CrawlStore(const CrawlStore&) = delete;
  CrawlStore& operator=(const CrawlStore&) = delete;

  // Free-form settings of the database (not of one scan).
  Status set_meta(std::string_view key, std::string_view value);
  std::optional<std::string> meta(std::string_view key);

  // ---- Scans
  struct ScanStart {
    std::string granska_version;
    std::string ruleset_hash;
    std::string config_name;
    std::string options;  // the crawl's settings (JSON), for --resume
  };
  struct ScanRef {
    results::ScanId id = 0;
    results::ScanStatus status = results::ScanStatus::Running;
    std::string options;
    std::string ruleset_hash;
    bool structured = true;  // false: a crawl of an earlier release (rendered output only)
  };
  // Starts a new running scan and makes it current. Running scans left by earlier
  // interrupted crawls are marked failed (abandoned): only the newest can be resumed.
  Result<results::ScanId> begin_scan(const ScanStart& start);
  // The newest scan (by id), optionally only with this status.
  std::optional<ScanRef> latest_scan(std::optional<results::ScanStatus> status = std::nullopt);
  // Makes an existing scan current (to resume it, or to read it back).
  void use_scan(results::ScanId id) { current_ = id; }
  results::ScanId current_scan() const { return current_; }
  // Commits everything and marks the current scan complete with its finish time.
  Status complete_scan();
  // The same, for another final status: Failed for a crawl that ran to its end without
  // checking any page (the site was down), which reports and later scans must not take
  // for the site's state.
  Status finish_scan(results::ScanStatus status);

  // ---- Writing the current scan
  // Frontier: a page URL admitted at `depth` (state queued); a URL only seen as a
  // redirect target; a page finished with its rendered output.
  void admitted(std::string_view url, int depth);
  void redirect_seen(std::string_view url);
  // The structured record of a page, written with its output (see results::PageRow).
  // `row.url` must equal the finished url. `document` also lists the record in documents
  // (kind "document"), with its size, what became of its check and its format.
  struct PageData {
    results::PageRow row;
    std::vector<results::MediaRow> media;  // page_url/unit are taken from row
    long long document_size = -1;
    bool document = false;
    std::string document_state = "listed";  // results::DocumentRow::state
    std::string document_format;
    results::Reached reached = results::Reached::Unknown;  // how the crawl found the URL
    // What the site step needs from a checked page (results/site_facts.h); its reached
    // member is ignored (the member above is stored). Absent for other page records.
    std::optional<results::PageFacts> facts;
  };
  void finished(std::string_view url, std::string_view output, bool at_threshold, bool error, bool html,
                const PageData* data = nullptr);
  Status flush();

  // A checked page's validators (ETag, Last-Modified) and links, so that a later scan
  // can ask for it conditionally and follow its links when it is unchanged; for a
  // document, its validators (possibly none: its SHA-256 in `pages` stands in).
  // Links are stored newline-separated (URLs contain no newline).
  void cache(std::string_view url, std::string_view etag, std::string_view last_modified,
             const std::vector<std::string>& links);
  // `from_url` (of unit `from_unit`) links to the document `document_url` (as admitted).
  // Written once per pair and scan.
  void document_link(std::string_view document_url, std::string_view from_url, std::string_view from_unit);

  // ---- Reading any scan of this file (a later scan's reference)
  struct Cached {
    std::string etag, last_modified;
    std::vector<std::string> links;
    bool document = false;  // a document, checked (or found unreadable) in `scan`
    std::string sha256;     // documents: of the body checked
  };
  // The cache entry of a page of `scan` whose result is stored as checked without error
  // and which has its structured record (so an unchanged page can carry it over), or of a
  // document whose body was fetched and checked or found unreadable. Not of a page that
  // was rendered: its HTML may be unchanged while what its scripts build is not, so it is
  // fetched and rendered again.
  std::optional<Cached> cached(results::ScanId scan, std::string_view url);
  struct Stored {
    std::string output;
    bool at_threshold = false, error = false, html = false;
  };
  // One page's stored output in `scan`.
  std::optional<Stored> result(results::ScanId scan, std::string_view url);
  // One page's structured record in `scan` (row with findings and rule outcomes, media,
  // facts with their navigation blocks).
  std::optional<PageData> stored_page(results::ScanId scan, std::string_view url);
  // One page's facts in `scan` with its title (for the links of a page that answered 304).
  struct StoredFacts {
    results::PageFacts facts;
    std::string title, final_url;
  };
  std::optional<StoredFacts> stored_facts(results::ScanId scan, std::string_view url);

  // ---- Reading the current scan back
  struct Resume {
    std::vector<std::pair<std::string, int>> queued;  // url, depth: to fetch again
    std::vector<std::string> seen;                   // finished pages and redirect targets
    std::size_t admitted = 0;                         // page URLs admitted (queued + finished)
    std::size_t documents = 0, document_bytes = 0;    // document bodies fetched (the scan's cap)
  };
  Result<Resume> load();

  struct Totals {
    std::size_t pages = 0, html = 0, errors = 0;
    bool any_at_threshold = false;
  };
  // Every finished page's output, in the order finished.
  Result<Totals> for_each_result(const std::function<void(std::string_view output)>& fn);
  // Every finished page's URL (as fetched), in the order finished.
  Status for_each_url(const std::function<void(std::string_view url)>& fn);

 private:
  CrawlStore() = default;
  struct Impl;
  std::unique_ptr<Impl> impl_;
  results::ScanId current_ = 0;
};

}  // namespace granska::store
