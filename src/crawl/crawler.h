// A whole-site crawl: seeds and sitemaps in, one PageRecord per URL out.
//
// Threads: the calling thread runs the network loop (libcurl multi, the frontier, robots,
// politeness, retries); a pool of workers decodes, parses and checks HTML pages and
// extracts their links. Work in flight is bounded (transfers + pages waiting for or in a
// worker ≤ a fixed cap), so memory does not grow with the size of the site, only with
// the set of URLs seen.
//
// Every URL admitted to the frontier yields exactly one PageRecord, whatever happens to
// it (checked, recorded as a document, skipped, failed with a reason, blocked by robots).
//
// Documents (PDF, Office) on allowed hosts are checked too (DocumentOptions): the first
// request of any URL stops after the headers unless the answer is HTML, so a document is
// fetched by a second request with the documents' own size limit, after the per-scan cap
// (count and bytes) is consulted; a URL an earlier scan knew as a document is asked for
// with its body at once. Document bodies in memory are bounded (DocumentOptions), and
// documents are checked on the workers, pages first, by at most half of them (at least
// one), so a run of large PDFs never stalls page checking. docs/decisions/0022-docs-crawl.md
#pragma once

#include <atomic>
#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "crawl/frontier.h"
#include "fetch/fetch.h"
#include "fetch/multi.h"
#include "input/load.h"
#include "pipeline/check_document.h"
#include "pipeline/check_page.h"
#include "render/app_shell.h"
#include "render/pool.h"
#include "results/scan_data.h"
#include "results/site_facts.h"

namespace granska::crawl {

// What an earlier scan knew about a page: its validators, for a conditional request, and
// the links it had, followed again when the server answers 304 Not Modified (otherwise
// pages reachable only through unchanged pages would drop out of a later scan).
// A document's earlier result is kept when it answers 304, or, from a server that sends no
// validators, when its body has the same SHA-256 as before.
struct PreviousPage {
  std::string etag, last_modified;
  std::vector<std::string> links;
  bool document = false;  // the earlier scan fetched it as a document (then `links` is empty)
  std::string sha256;     // documents: of the body the earlier scan checked
  std::vector<results::Reached> link_ways;  // how each link was found on the page; may be empty
};
// Looks a normalised URL up in the earlier scan; nullopt: fetch it unconditionally.
// Called on the calling (network) thread.
using PreviousLookup = std::function<std::optional<PreviousPage>(std::string_view url)>;

// Marks the pages being checked, so that a crash of the whole process can be pinned on the
// page(s) it was checking (src/scan keeps it in a file beside the scan database). Called
// on worker threads: must be thread-safe.
class CheckJournal {
 public:
  virtual ~CheckJournal() = default;
  virtual void begin(std::string_view url) = 0;
  virtual void end(std::string_view url) = 0;
};

struct PageRecord;
// Runs on a worker thread for each checked document while it is alive (see PageRenderer).
using DocumentRenderer = std::function<void(const pipeline::CheckedDocument&, PageRecord&)>;

// How documents (PDF, Office, ...) met on allowed hosts are handled.
struct DocumentOptions {
  bool check = true;  // false: listed only (type and declared size), bodies never fetched
  std::size_t max_bytes = 50u * 1024 * 1024;  // one document; larger ones are not fetched
  // The scan's cap: documents fetched, and their bytes. What is over it is recorded as
  // DocumentCheck::OverCap (counted in CrawlStats). A body whose size is not declared in
  // advance counts after it arrived, so in-flight bodies may pass the byte cap by at most
  // a few documents.
  std::size_t max_count = 2000;
  std::size_t max_total_bytes = 2048ull * 1024 * 1024;
  // A continued scan: documents already fetched (and their bytes) before it stopped.
  std::size_t count_before = 0, bytes_before = 0;
  documents::Limits limits;  // opening a document (its max_bytes follows `max_bytes`)
  DocumentRenderer render;   // may be empty
};

// Rendering in a crawl (`render = "auto" | "always"`, `--render`): a page whose mode says so
// is checked as headless Chromium renders it, and that check is its result (links found in
// the rendered DOM are followed too). A page the browser cannot render (it crashed twice,
// timed out, refused) keeps its static check with a note saying why: rendering never
// costs the crawl a page.
struct BrowserOptions {
  render::Pool* pool = nullptr;  // not owned; null: nothing is rendered
  // Rendering was asked for but the browser could not start (why): with no pool, a page
  // the mode would render keeps its static check with this reason as a note and counts as
  // a failed render, so a scan without a usable browser is not lost.
  std::optional<Error> unavailable;
  // The mode for a page's URL (its site's setting). Empty: Auto.
  std::function<render::RenderMode(std::string_view url)> mode;
};

struct CrawlOptions {
  std::vector<std::string> seeds;     // absolute http(s) URLs, depth 0
  std::vector<std::string> sitemaps;  // sitemap URLs given explicitly
  bool robots_sitemaps = true;        // also read the Sitemap: lines of each host's robots.txt
  std::vector<std::string> allowed_hosts;  // empty: the seeds' hosts (and www./bare twins)
  std::vector<std::string> include, exclude;  // see Scope
  FrontierLimits limits;
  int concurrency_per_host = 2;
  int delay_ms = 250;              // minimum time between request starts on one host
  double max_crawl_delay_s = 30;   // robots.txt Crawl-delay is honoured up to this
  bool obey_robots = true;
  std::string robots_token = "granska";
  int max_retries = 3;             // transient errors, 429, 5xx
  int backoff_base_ms = 1000;      // first retry after this, doubling each time
  int backoff_max_ms = 60000;      // cap of the backoff
  int max_retry_after_ms = 120000; // a Retry-After longer than this is shortened to it
  // All back-off (Retry-After and retry waits) one host may cost a scan: past it the
  // host's remaining pages are recorded "not checked: rate limited" and the other hosts
  // go on (issue #16: a host answering 429 to every page stalled a 6-page site for 25 min).
  long max_backoff_per_host_ms = 5 * 60 * 1000;
  int max_redirects = 10;
  fetch::Options fetch;            // timeouts, body cap, user agent, headers (never logged)
  int workers = 0;                 // 0 = number of cores
  // How each page is checked (pipeline::check_page): rules, players, subresource limits.
  pipeline::RunContext run;
  Journal* journal = nullptr;          // persistence hooks; not owned; may be null
  const ResumeState* resume = nullptr; // continue an interrupted crawl; may be null
  PreviousLookup previous;             // a later scan: conditional requests; may be empty
  fetch::Transfers* transfers = nullptr;  // the network; null: libcurl (tests: an in-memory web)
  CheckJournal* check_journal = nullptr;  // may be null
  // Pages not to check again: granska stopped while checking them before (a poison page).
  // Such a page is recorded as failed, with the reason. May be empty.
  std::function<bool(std::string_view url)> do_not_check;
  // A page still being checked after this long stops the whole process (exit code
  // kWatchdogExit) so that a supervising `granska scan` continues without it; 0 = never.
  // For supervised runs only: a hung rule cannot be interrupted any other way.
  int watchdog_ms = 0;
  DocumentOptions documents;
  BrowserOptions browser;
  // Which group a linking page belongs to (its committee), for the pages a document is
  // linked from: at most kMaxReferrers are kept per document, but always one page of each
  // group, so every committee that links a document is known. Called on the calling
  // thread, once per checked page. Empty: one group.
  std::function<std::string(std::string_view url)> referrer_group;
};

// Pages kept per document as linking to it (beyond this, only one more per new group).
inline constexpr std::size_t kMaxReferrers = results::kMaxDocumentReferrers;

// The exit code of a process stopped by the watchdog (see CrawlOptions::watchdog_ms).
inline constexpr int kWatchdogExit = 70;

enum class PageKind {
  Html,        // fetched and checked
  Document,    // PDF, Office, OpenDocument, EPUB...: recorded for document checks
  Media,       // audio/video
  Captions,    // WebVTT, SRT, TTML
  Skipped,     // another type (images, CSS, ...), or binary content served as HTML
  Redirected,  // redirected to a URL that is (or will be) recorded on its own
  Blocked,     // robots.txt forbids it: never fetched
  Failed,      // network error, HTTP error, too large, redirect loop, ...
};
std::string_view to_string(PageKind k);

// What became of a document's check (PageKind::Document).
enum class DocumentCheck : unsigned char {
  Listed,      // recorded without its body: document checks are off
  Unsupported, // a format granska does not open (OpenDocument, EPUB, RTF): listed for a person
  Checked,     // fetched, opened and checked
  Unreadable,  // fetched but could not be opened (damaged, encrypted, a bomb, not a document)
  NotFetched,  // its body could not be fetched (network error, status, size over the limit)
  TooLarge,    // declared larger than DocumentOptions::max_bytes: not fetched
  OverCap,     // the scan's cap on documents was reached: not fetched
};
// "listed", "unsupported", "checked", "unreadable", "not-fetched", "too-large", "over-cap"
std::string_view to_string(DocumentCheck c);

// A page that links to a document: `from` links to `document` (both as admitted).
struct DocumentLink {
  std::string document;
  std::string from;
};

struct PageRecord {
  std::string url;        // normalised URL as admitted
  std::string final_url;  // after redirects
  int depth = 0;
  results::Reached reached = results::Reached::Unknown;  // how the crawl found the URL
  PageKind kind = PageKind::Failed;
  long status = 0;        // final HTTP status; 0 when no response
  std::vector<fetch::Redirect> redirects;
  std::string content_type;
  long long size = -1;    // bytes (declared or received); -1 unknown
  int attempts = 0;       // fetches made
  bool has_error = false;
  Error error;            // why it failed / was skipped (bilingual); secrets never included
  std::string canonical;  // <link rel=canonical> resolved, "" when absent
  std::size_t links = 0;  // links found on the page
  std::vector<std::string> outlinks;  // those links (absolute, not normalised)
  // How each outlink was found on the page (a navigation block, content, a site map page):
  // set by the PageRenderer, followed links are recorded as reached that way. Empty:
  // not known (each is recorded as Reached::Link).
  std::vector<results::Reached> outlink_ways;
  // Answered 304 to a conditional request: the page is as in the earlier scan, whose
  // result stands (kind Html, status 304, no check run, links from the earlier scan).
  bool unchanged = false;
  std::string etag, last_modified;  // validators of the page's response ("" when absent)
  double elapsed_ms = 0;  // network time over all hops and attempts, plus checking
  // Set on a worker by the PageRenderer for Html pages (e.g. the rendered report).
  std::string report;
  bool findings_at_threshold = false;
  std::size_t failed = 0, cant_tell = 0, passed = 0;  // findings
  // Checked as the browser rendered it (BrowserOptions); render_failed: it was to be
  // rendered but kept its static check (the reason is among the page's notes).
  bool rendered = false, render_failed = false;
  // Structured results for the scan store, set by the PageRenderer on the worker (Html
  // pages only; an unchanged page gets them from the earlier scan, in the sink).
  std::string title;           // <title>, untrusted
  std::string content_sha256;  // of the body as received
  std::vector<results::FindingRow> findings;        // failed and cantTell only
  std::vector<results::RuleOutcome> rule_outcomes;  // every rule that applied
  std::vector<results::MediaRow> media;             // page_url and unit left empty
  // Documents (kind Document): what became of the check, the format opened ("pdf",
  // "docx", ...; "" when not opened); findings, rule outcomes, title and SHA-256 as for a
  // page (set by the DocumentRenderer); the reason it was not checked in `error`.
  DocumentCheck document = DocumentCheck::Listed;
  std::string document_format;
  // Which pages link to which documents, as it becomes known: a document's record carries
  // the pages found linking to it so far, a page's record the documents it links to that
  // were recorded before it. Bounded per document (kMaxReferrers and CrawlOptions::referrer_group).
  std::vector<DocumentLink> document_links;
  // What the site-level checks need from the page (results/site_facts.h), set by the
  // PageRenderer; an unchanged page gets the earlier scan's, in the sink.
  std::optional<results::PageFacts> facts;
};

struct CrawlStats {
  std::size_t done = 0, queued = 0, errors = 0, html = 0, unchanged = 0;
  std::size_t documents = 0;           // documents checked (or kept unchanged)
  std::size_t documents_over_cap = 0;  // documents left out by the scan's cap
  std::size_t rendered = 0;         // pages checked as the browser rendered them
  std::size_t render_failures = 0;  // pages to render that kept their static check
  double seconds = 0;
  bool interrupted = false;
  // What the scan should say about itself, apart from its pages (bilingual): a robots.txt
  // read only in part, a sitemap too large or refused as unsafe, a host that rate-limited
  // the rest of its pages away. For the scan's notes and report.
  std::vector<Error> notes;
  // The run's style sheet cache: sheets loaded, failed, evicted (style/loader.h).
  style::SheetCache::Stats stylesheets;
};

// Runs on a worker thread for each checked HTML page while it is alive: fills
// record.report / findings_at_threshold and the structured results from the checked page.
// Must be thread-safe.
using PageRenderer = std::function<void(const pipeline::CheckedPage&, PageRecord&)>;
// Receives every record, on the calling thread, in completion order.
using PageSink = std::function<void(PageRecord&&)>;
// Called on the calling thread about twice a second and once at the end.
using ProgressFn = std::function<void(const CrawlStats&)>;

// Crawls until the frontier is empty or `stop` becomes true (then returns promptly,
// with interrupted = true; records of pages in flight are dropped).
// Errors: no usable seed, an invalid include/exclude pattern.
Result<CrawlStats> crawl(const CrawlOptions& options, const PageRenderer& render, const PageSink& sink,
                         const ProgressFn& progress = {}, const std::atomic<bool>* stop = nullptr);

// HTML links a crawler follows, resolved against the page (and its <base href>):
// a[href], area[href], iframe[src], frame[src]; `canonical` gets <link rel=canonical>.
// Only http(s) results; duplicates removed; not normalised.
struct ExtractedLinks {
  std::vector<std::string> links;
  std::string canonical;
};
ExtractedLinks extract_links(const html::Document& doc, std::string_view page_url);

// Classifies a content type (any case, with parameters) for the crawl.
PageKind kind_for_content_type(std::string_view content_type);

}  // namespace granska::crawl
