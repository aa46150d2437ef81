// What a scan report reads: the stored results of completed scans, as plain data.
//
// The contract between the scan store (src/store, which implements ScanSource over SQLite)
// and the report builder (src/figures + reports/scan/, which only reads through ScanSource, so its
// tests can feed it from memory). Pages are streamed one at a time with their findings, so
// a report over a 50,000-page scan never holds the whole scan in memory.
//
// Only failed and cantTell findings are stored element by element; passed and inapplicable
// outcomes are kept per page and rule (PageRow::rule_outcomes), which is what per-criterion
// aggregation needs ("applied on this page and passed") without storing every passed
// element of every page.
//
// Everything that came from a page (URLs, titles, selectors, snippets, message arguments,
// media names) is untrusted: writers escape it for their format.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "engine/rule.h"
#include "results/site_data.h"

namespace granska::results {

using ScanId = std::int64_t;

enum class ScanStatus : unsigned char { Running, Complete, Failed };

struct ScanInfo {
  ScanId id = 0;
  std::string started;   // UTC, ISO 8601 "2026-11-23T02:00:05Z"
  std::string finished;  // "" while running
  ScanStatus status = ScanStatus::Running;
  std::string granska_version;
  std::string ruleset_hash;  // engine::Registry fingerprint: rules and their versions
  std::string config_name;   // the configuration file's name/title the scan ran with; may be ""
  std::size_t pages = 0;     // page records (every URL admitted, whatever happened to it)
  // When the report folder of this scan was last written (UTC ISO 8601), "" when never;
  // kReportWrittenUnknown for scans completed before granska recorded it.
  std::string report_written;
  // The crawl's limits as the scan ran with them (0 = unknown: a scan of an older release),
  // and whether it met them: pages beyond them were never fetched, so no page record says so.
  std::size_t max_pages = 0;
  int max_depth = -1;
  std::size_t pages_at_max_depth = 0;  // admitted at max_depth: their links were not followed
  // The scan's settings asked for rendering (render "auto" or "always" for some site);
  // false for scans of releases that could not render.
  bool rendering = false;
  bool page_limit_reached() const { return max_pages > 0 && pages >= max_pages; }
};
inline constexpr const char* kReportWrittenUnknown = "?";

struct FindingRow {
  std::string rule;        // rule id (engine::RuleInfo::id)
  engine::Outcome outcome = engine::Outcome::Failed;  // Failed or CantTell only
  std::string message_id;  // engine::Message::id within the rule
  std::vector<std::string> args;  // message arguments (untrusted)
  std::string selector;    // "" for page-level findings; a document's structure path or part
  std::uint32_t line = 0, column = 0;
  std::string snippet;     // untrusted
  // Documents: the page (or slide) and the PDF object the finding is on; 0 when none. A
  // document finding has no line and column: page, selector (path) and object locate it.
  std::uint32_t page = 0, object = 0;
};

struct RuleOutcome {
  std::string rule;
  engine::Outcome outcome = engine::Outcome::Inapplicable;  // the page-level outcome
};

// kind: the crawl::PageKind name ("html", "document", "media", "captions", "skipped",
// "redirected", "blocked", "failed").
struct PageRow {
  std::string url;        // normalised, as admitted
  std::string final_url;  // after redirects
  std::string unit;       // org::Unit::id the organisation map gave the URL
  std::string kind;
  long status = 0;        // HTTP status; 0 when no response
  std::string title;      // <title>, untrusted; "" when none
  std::string content_type;
  std::string content_sha256;  // of the body as received; "" when not fetched
  std::string fetched_at;      // UTC ISO 8601
  std::string error;           // why it failed or was skipped, in Swedish ("" when none)
  std::string error_en;
  std::string canonical;       // <link rel=canonical> resolved against the page, "" when none
  bool unchanged = false;      // 304 on a conditional request: results carried over
  bool rendered = false;       // checked as headless Chromium rendered it (render = "auto"/"always")
  std::vector<RuleOutcome> rule_outcomes;  // every rule run on the page except inapplicable ones
  std::vector<FindingRow> findings;        // failed and cantTell, in document order per rule
};

// One media item on a page (see media/inventory.h); statuses are the media rules' outcome
// on the item, or nullopt when the rule did not apply.
struct MediaRow {
  std::string page_url;
  std::string unit;
  std::string kind;        // media::MediaKind name
  std::string source;      // first source URL or player URL, untrusted
  std::string name;        // accessible name, untrusted
  std::string player;      // known player's name, "" when none
  std::optional<engine::Outcome> captions, description, transcript, autoplay;
};

// The pages kept per document as linking to it; beyond this, only one more per unit not
// met yet (so every unit linking a document is known while the store stays small).
inline constexpr std::size_t kMaxDocumentReferrers = 20;

// A page that links to a document.
struct DocumentReferrer {
  std::string url;   // the linking page, as admitted
  std::string unit;  // its unit as stored (org::Unit::id)
};

// A document (PDF, Office, ...) met during the crawl: its check and the pages linking to it.
// A document belongs to the unit of every page that links to it; one that no checked page
// links to (listed in a sitemap, a start address) belongs to the unit of its own URL.
struct DocumentRow {
  std::string url;        // as admitted
  std::string final_url;  // after redirects
  std::string unit;       // the unit of its own URL
  std::string content_type;
  long status = 0;
  long long size = -1;    // bytes; -1 unknown
  // What became of the check (crawl::DocumentCheck name): "checked", "unreadable",
  // "not-fetched", "too-large", "over-cap", "unsupported", "listed" (stored by a release
  // that did not check documents).
  std::string state = "listed";
  std::string format;     // "pdf", "docx", "xlsx", "pptx", "legacy-office"; "" when not opened
  std::string title;      // from the document's properties, untrusted; "" when none
  std::string content_sha256;
  bool unchanged = false;  // the earlier scan's result stands (304 or the same SHA-256)
  std::string error, error_en;  // why it was not checked ("" when it was)
  std::vector<RuleOutcome> rule_outcomes;
  std::vector<FindingRow> findings;  // failed and cantTell, located by page, path and object
  // The pages found linking to it: at most kMaxDocumentReferrers, plus one for each
  // further unit.
  std::vector<DocumentReferrer> linked_from;
  bool checked() const { return state == "checked"; }
};

// What decides whether two page records are the same page (figures/aliases.h): a page
// record without its findings, so a report can read a whole scan's identities cheaply.
struct PageIdentity {
  std::string url;
  std::string final_url;
  std::string unit;
  std::string kind;
  std::string canonical;
  std::string content_sha256;
};

class ScanSource {
 public:
  virtual ~ScanSource() = default;
  // Completed scans, oldest first (running and failed scans are never shown in reports).
  virtual std::vector<ScanInfo> complete_scans() = 0;
  // Streams one scan's pages in URL order. `fn` may not keep references past the call.
  virtual void for_each_page(ScanId scan, const std::function<void(const PageRow&)>& fn) = 0;
  virtual void for_each_media(ScanId scan, const std::function<void(const MediaRow&)>& fn) = 0;
  virtual void for_each_document(ScanId scan, const std::function<void(const DocumentRow&)>& fn) = 0;
  // The identity of every page record of one scan, in URL order. The default reads the
  // pages with for_each_page; a store overrides it with a cheaper read.
  virtual void for_each_page_identity(ScanId scan, const std::function<void(const PageIdentity&)>& fn) {
    for_each_page(scan, [&](const PageRow& p) {
      fn(PageIdentity{p.url, p.final_url, p.unit, p.kind, p.canonical, p.content_sha256});
    });
  }
  // The site step's results for one scan (site/site_step.h): one summary per site, and
  // the findings in the order the step wrote them. Empty when the step has not run on the
  // scan (a scan of an earlier release, a crawl without it); a source without site
  // results keeps these defaults.
  virtual std::vector<SiteSummary> sites(ScanId /*scan*/) { return {}; }
  virtual void for_each_site_finding(ScanId /*scan*/, const std::function<void(const SiteFinding&)>& /*fn*/) {}
};

}  // namespace granska::results
