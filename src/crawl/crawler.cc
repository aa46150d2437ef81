#include "crawl/crawler.h"

#include <algorithm>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <deque>
#include <exception>
#include <mutex>
#include <optional>
#include <thread>
#include <unordered_map>
#include <unordered_set>

#include "crawl/robots.h"
#include "crawl/sitemap.h"
#include "fetch/multi.h"
#include "html/dom.h"
#include "url/url.h"
#include "util/sha256.h"
#include "util/text.h"

namespace granska::crawl {

namespace {

using std::chrono::milliseconds;

constexpr std::size_t kMaxSitemaps = 1000;  // sitemap files fetched per crawl
constexpr auto kProgressEvery = milliseconds(500);
constexpr auto kMaxWait = milliseconds(200);

Error reason(const std::string& url, const std::string& en, const std::string& sv) {
  const std::string u = fetch::url_for_message(url);
  return Error{en + " (" + u + ")", sv + " (" + u + ")"};
}

Error http_error(const std::string& url, long status) {
  std::string s = "HTTP " + std::to_string(status);
  if (std::string_view phrase = input::http_reason_phrase(status); !phrase.empty()) {
    s += " ";
    s += phrase;
  }
  return reason(url, "The server answered " + s, "Servern svarade " + s);
}

bool has_token(std::string_view list, std::string_view token) {
  std::size_t i = 0;
  while (i < list.size()) {
    while (i < list.size() && text::trim(list.substr(i, 1)).empty()) ++i;
    std::size_t j = i;
    while (j < list.size() && !text::trim(list.substr(j, 1)).empty()) ++j;
    if (j > i && text::ascii_lower(list.substr(i, j - i)) == token) return true;
    i = j;
  }
  return false;
}

// A job for the worker pool and its answer.
struct Job {
  PageRecord record;
  std::string body;
  bool document = false;       // a document's body (else an HTML page)
  std::string previous_sha256;  // documents: the earlier scan's hash of the body
};
struct Done {
  PageRecord record;  // its outlinks are the links to follow
  bool document = false;
};

// The number of workers that may check documents at once: half of them, at least one,
// so pages keep flowing while large documents are read.
std::size_t document_slots(int workers) { return static_cast<std::size_t>(std::max(1, workers / 2)); }

// Parsing and checking threads. The network thread bounds how many jobs exist at once, so
// the queues here need no cap of their own. Pages are taken before documents, and at most
// document_slots() documents are in check at a time.
class WorkerPool {
 public:
  WorkerPool(int n, const CrawlOptions& options, const PageRenderer& render, fetch::Transfers& multi)
      : options_(options),
        render_(render),
        multi_(multi),
        doc_slots_(document_slots(n)),
        started_(static_cast<std::size_t>(n)) {
    for (int i = 0; i < n; ++i) threads_.emplace_back([this, i] { run(static_cast<std::size_t>(i)); });
    if (options_.watchdog_ms > 0) watchdog_ = std::thread([this] { watch(); });
  }
  ~WorkerPool() {
    {
      std::lock_guard lock(mu_);
      shutdown_ = true;
    }
    cv_.notify_all();
    cv_watch_.notify_all();
    for (std::thread& t : threads_) t.join();
    if (watchdog_.joinable()) watchdog_.join();
  }
  void submit(Job job) {
    {
      std::lock_guard lock(mu_);
      (job.document ? doc_jobs_ : jobs_).push_back(std::move(job));
    }
    cv_.notify_one();
  }
  std::vector<Done> take() {
    std::lock_guard lock(mu_);
    std::vector<Done> out(std::make_move_iterator(done_.begin()), std::make_move_iterator(done_.end()));
    done_.clear();
    return out;
  }

 private:
  bool ready() const { return !jobs_.empty() || (!doc_jobs_.empty() && docs_in_check_ < doc_slots_); }

  void run(std::size_t slot) {
    // One fetcher per worker thread for style sheets (a Fetcher serves one thread).
    std::unique_ptr<fetch::Fetcher> sheet_fetcher = options_.run.sheets ? fetch::make_curl_fetcher() : nullptr;
    for (;;) {
      Job job;
      {
        std::unique_lock lock(mu_);
        cv_.wait(lock, [this] { return shutdown_ || ready(); });
        if (shutdown_) return;
        std::deque<Job>& from = jobs_.empty() ? doc_jobs_ : jobs_;
        job = std::move(from.front());
        from.pop_front();
        if (job.document) ++docs_in_check_;
        started_[slot] = {job.record.url, Clock::now()};
      }
      const bool document = job.document;
      Done d = process(std::move(job), sheet_fetcher.get());
      {
        std::lock_guard lock(mu_);
        started_[slot].url.clear();
        if (document) --docs_in_check_;
        done_.push_back(std::move(d));
      }
      if (document) cv_.notify_all();  // a document slot is free
      multi_.wakeup();
    }
  }

  Done process(Job job, fetch::Fetcher* sheet_fetcher) {
    const auto started = Clock::now();
    Done d = job.document ? check_document(std::move(job)) : check(std::move(job), sheet_fetcher);
    d.record.elapsed_ms += std::chrono::duration<double, std::milli>(Clock::now() - started).count();
    return d;
  }

  // A page checked for longer than the watchdog allows stops the process: nothing else can
  // interrupt a rule that hangs, and a supervising `granska scan` continues without the page
  // (its check journal shows which page it was).
  void watch() {
    std::unique_lock lock(mu_);
    while (!shutdown_) {
      cv_watch_.wait_for(lock, milliseconds(250));
      const auto now = Clock::now();
      for (const Started& s : started_) {
        if (s.url.empty() || now - s.at < milliseconds(options_.watchdog_ms)) continue;
        std::fprintf(stderr, "granska: checking %s took longer than %d s; stopping (exit %d)\n",
                     fetch::url_for_message(s.url).c_str(), options_.watchdog_ms / 1000, kWatchdogExit);
        std::fflush(stderr);
        std::_Exit(kWatchdogExit);
      }
    }
  }

  // A page (or document) that stopped granska twice before is not checked again.
  bool poisoned(PageRecord& rec) {
    if (!options_.do_not_check || !options_.do_not_check(rec.url)) return false;
    rec.kind = PageKind::Failed;
    rec.has_error = true;
    rec.error = reason(rec.url, "granska stopped twice while checking this page; it is not checked again",
                       "granska avbröts två gånger när sidan granskades; den granskas inte igen");
    return true;
  }

  // Marks the check in the journal for its whole duration (also when it throws).
  struct JournalScope {
    CheckJournal* journal;
    const std::string& url;
    JournalScope(CheckJournal* j, const std::string& u) : journal(j), url(u) {
      if (journal) journal->begin(url);
    }
    ~JournalScope() {
      if (journal) journal->end(url);
    }
    JournalScope(const JournalScope&) = delete;
    JournalScope& operator=(const JournalScope&) = delete;
  };

  Done check(Job job, fetch::Fetcher* sheet_fetcher) {
    Done d;
    d.record = std::move(job.record);
    PageRecord& rec = d.record;
    if (poisoned(rec)) return d;
    const JournalScope journal(options_.check_journal, rec.url);
    // Test-only: makes the process crash on a page, as a poison page would, so the scan's
    // supervision is tested end to end (tests/cli/scan_command_test.cc).
    if (crash_on_ && rec.url.find(crash_on_) != std::string::npos) std::abort();
    try {
      Result<input::Page> page = input::make_page(rec.url, rec.final_url, rec.redirects, rec.status,
                                                  job.body, rec.content_type);
      job.body.clear();
      job.body.shrink_to_fit();
      if (!page) {  // binary content labelled as HTML
        rec.kind = PageKind::Skipped;
        rec.error = page.error();
        return d;
      }
      // Caption tracks are not fetched from the workers: the network thread owns the crawl's
      // traffic and its politeness. Style sheets are the exception: a worker fetches a sheet
      // the run's cache does not have with its own fetcher, once per run (docs/decisions).
      std::unique_ptr<pipeline::CheckedPage> checked =
          pipeline::check_page(std::move(*page), options_.run, nullptr, sheet_fetcher);
      if (options_.browser.pool || options_.browser.unavailable) {
        const render::RenderMode mode =
            options_.browser.mode ? options_.browser.mode(rec.url) : render::RenderMode::Auto;
        if (options_.browser.pool) {
          checked = pipeline::render_if_wanted(std::move(checked), *options_.browser.pool, mode,
                                               {options_.fetch.headers, options_.fetch.cookie_file}, options_.run,
                                               nullptr, sheet_fetcher, &rec.rendered, &rec.render_failed);
        } else if (render::wants_rendering(mode, *checked->doc)) {
          pipeline::note_not_rendered(*checked, *options_.browser.unavailable);
          rec.render_failed = true;
        }
      }
      ExtractedLinks ex = extract_links(*checked->doc, checked->page.url);
      rec.canonical = std::move(ex.canonical);
      rec.links = ex.links.size();
      rec.outlinks = std::move(ex.links);
      const engine::PageEvaluation& ev = checked->evaluation;
      rec.failed = ev.count(engine::Outcome::Failed);
      rec.cant_tell = ev.count(engine::Outcome::CantTell);
      rec.passed = ev.count(engine::Outcome::Passed);
      rec.kind = PageKind::Html;
      if (ev.rules_not_run > 0 && !checked->page.notes.empty()) rec.error = checked->page.notes.back();  // a note, not an error
      if (render_) render_(*checked, rec);
    } catch (const std::exception& e) {
      rec.kind = PageKind::Failed;
      rec.has_error = true;
      rec.error = reason(rec.url, std::string("Internal error while checking: ") + e.what(),
                         std::string("Internt fel vid granskningen: ") + e.what());
    }
    return d;
  }

  // A document's body: unchanged since the earlier scan (same SHA-256), or opened and
  // checked; one that cannot be opened is recorded with the reason, never fatal.
  Done check_document(Job job) {
    Done d;
    d.document = true;
    d.record = std::move(job.record);
    PageRecord& rec = d.record;
    rec.kind = PageKind::Document;
    if (poisoned(rec)) return d;
    const JournalScope journal(options_.check_journal, rec.url);
    if (crash_on_ && rec.url.find(crash_on_) != std::string::npos) std::abort();
    try {
      rec.size = static_cast<long long>(job.body.size());
      rec.content_sha256 = sha256_hex(job.body);
      if (!job.previous_sha256.empty() && rec.content_sha256 == job.previous_sha256) {
        rec.unchanged = true;  // the earlier result stands (taken from the store by the sink)
        rec.document = DocumentCheck::Checked;
        return d;
      }
      Result<input::Page> page = input::make_document_page(rec.url, rec.final_url, rec.redirects, rec.status,
                                                           std::move(job.body), rec.content_type, rec.content_sha256);
      if (!page) {  // e.g. an HTML error page served as application/pdf
        rec.document = DocumentCheck::Unreadable;
        rec.error = page.error();
        return d;
      }
      documents::Limits limits = options_.documents.limits;
      limits.max_bytes = options_.documents.max_bytes;
      Result<std::unique_ptr<pipeline::CheckedDocument>> checked =
          pipeline::check_document(std::move(*page), options_.run, limits);
      if (!checked) {
        rec.document = DocumentCheck::Unreadable;
        rec.error = checked.error();
        return d;
      }
      const pipeline::CheckedDocument& doc = **checked;
      rec.document = DocumentCheck::Checked;
      rec.document_format = std::string(documents::to_string(doc.document.format));
      const engine::PageEvaluation& ev = doc.evaluation;
      rec.failed = ev.count(engine::Outcome::Failed);
      rec.cant_tell = ev.count(engine::Outcome::CantTell);
      rec.passed = ev.count(engine::Outcome::Passed);
      if (options_.documents.render) options_.documents.render(doc, rec);
    } catch (const std::exception& e) {
      rec.document = DocumentCheck::Unreadable;
      rec.error = reason(rec.url, std::string("Internal error while checking: ") + e.what(),
                         std::string("Internt fel vid granskningen: ") + e.what());
    }
    return d;
  }

  struct Started {
    std::string url;  // "" when the worker is idle
    Clock::time_point at;
  };
  const CrawlOptions& options_;
  const PageRenderer& render_;
  fetch::Transfers& multi_;
  const std::size_t doc_slots_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::condition_variable cv_watch_;
  std::vector<Started> started_;  // per worker, under mu_
  std::thread watchdog_;
  const char* crash_on_ = std::getenv("GRANSKA_TEST_CRASH_URL");
  std::deque<Job> jobs_, doc_jobs_;
  std::size_t docs_in_check_ = 0;
  std::deque<Done> done_;
  bool shutdown_ = false;
  std::vector<std::thread> threads_;
};

class Crawl {
 public:
  Crawl(const CrawlOptions& o, Frontier frontier, const PageSink& sink, const ProgressFn& progress,
        const std::atomic<bool>* stop)
      : o_(o),
        frontier_(std::move(frontier)),
        sink_(sink),
        progress_(progress),
        stop_(stop),
        own_network_(o.transfers ? nullptr : std::make_unique<fetch::Multi>()),
        multi_(o.transfers ? *o.transfers : *own_network_),
        docs_fetched_(o.documents.count_before),
        doc_bytes_(o.documents.bytes_before) {}

  CrawlStats run(const PageRenderer& render) {
    const int workers = o_.workers > 0 ? o_.workers
                                       : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    max_active_ = static_cast<std::size_t>(workers) * 4 + 8;
    // Document bodies held at once (downloading, waiting for a worker or in check): one per
    // document slot and one more being fetched, so memory stays at a few documents' size.
    max_doc_bodies_ = document_slots(workers) + 1;
    WorkerPool pool(workers, o_, render, multi_);
    pool_ = &pool;
    const auto start = Clock::now();
    auto last_progress = start;
    for (;;) {
      if (stop_ && stop_->load()) {
        stats_.interrupted = true;
        break;
      }
      for (Done& d : pool.take()) finish_page(std::move(d));
      dispatch();
      if (transfers_.empty() && jobs_ == 0 && frontier_.queued() == 0 && docs_queued_ == 0) break;
      for (fetch::Completion& c : multi_.wait(wait_ms())) complete(std::move(c));
      const auto now = Clock::now();
      if (progress_ && now - last_progress >= kProgressEvery) {
        last_progress = now;
        stats_.seconds = std::chrono::duration<double>(now - start).count();
        stats_.queued = queued();
        progress_(stats_);
      }
    }
    pool_ = nullptr;
    stats_.seconds = std::chrono::duration<double>(Clock::now() - start).count();
    stats_.queued = stats_.interrupted ? queued() : 0;
    if (progress_) progress_(stats_);
    return stats_;
  }

  void seed() {
    for (const std::string& s : o_.seeds) (void)frontier_.admit(s, 0, results::Reached::Seed);
    for (const std::string& s : o_.sitemaps) add_sitemap(s);
  }

 private:
  struct InFlight {
    Entry entry;
    std::string origin;
    std::optional<PreviousPage> previous;  // set when the request was conditional
    bool document_body = false;            // the request accepts a document's body
  };

  // The pages found linking to a URL (or a document), bounded: kMaxReferrers pages, and
  // beyond that one more for each group not met yet.
  struct Referrers {
    std::vector<std::string> pages;
    std::unordered_set<std::string> groups;
    std::size_t kept = 0;  // pages passed on so far (documents: over the whole crawl)
    // Whether `page` of `group` is to be kept.
    bool take(const std::string& group) {
      const bool new_group = groups.insert(group).second;
      if (kept >= kMaxReferrers && !new_group) return false;
      ++kept;
      return true;
    }
  };

  std::size_t queued() const { return frontier_.queued() + docs_queued_ + transfers_.size() + jobs_; }
  bool doc_body_free() const { return doc_bodies_ < max_doc_bodies_; }
  bool under_cap(long long more_bytes) const {
    const DocumentOptions& d = o_.documents;
    return docs_fetched_ < d.max_count &&
           doc_bytes_ + static_cast<std::size_t>(std::max(0LL, more_bytes)) <= d.max_total_bytes;
  }

  // The document bodies waiting for their request on `origin`: taken before the host's
  // pages while a body may be held (document_entry()), so they never wait behind a long
  // page queue and never hold up pages while they wait for room.
  std::deque<Entry>* documents_of(const std::string& origin) {
    auto it = doc_queue_.find(origin);
    return it == doc_queue_.end() || it->second.empty() ? nullptr : &it->second;
  }
  bool document_ready(const std::string& origin, Clock::time_point now) {
    std::deque<Entry>* q = documents_of(origin);
    return q && doc_body_free() && q->front().not_before <= now;
  }

  int wait_ms() {
    const auto now = Clock::now();
    auto soonest = now + kMaxWait;
    // At capacity, only a completion (network or worker wakeup) can free a slot.
    if (transfers_.size() + jobs_ >= max_active_) return static_cast<int>(kMaxWait.count());
    for (auto& [origin, h] : frontier_.hosts()) {
      if (h.in_flight >= o_.concurrency_per_host) continue;
      if (std::deque<Entry>* docs = documents_of(origin); docs && doc_body_free()) {
        soonest = std::min(soonest, std::max({h.next_start, h.paused_until, docs->front().not_before}));
      }
      if (h.queue.empty()) continue;
      if (h.robots_requested && !h.robots_ready && h.queue.front().kind == EntryKind::Page) continue;
      auto t = std::max({h.next_start, h.paused_until, h.queue.front().not_before});
      soonest = std::min(soonest, t);
    }
    return static_cast<int>(std::max<long>(
        0, std::chrono::duration_cast<milliseconds>(soonest - now).count()));
  }

  void dispatch() {
    const auto now = Clock::now();
    for (auto& [origin, h] : frontier_.hosts()) {
      while ((!h.queue.empty() || document_ready(origin, now)) && transfers_.size() + jobs_ < max_active_ &&
             h.in_flight < o_.concurrency_per_host && now >= h.next_start && now >= h.paused_until) {
        if (document_ready(origin, now)) {
          std::deque<Entry>& docs = doc_queue_[origin];
          Entry e = std::move(docs.front());
          docs.pop_front();
          --docs_queued_;
          if (h.rate_limited) {
            emit(document_not_fetched(e, rate_limited_record(e).error, 0));
            continue;
          }
          start(std::move(e), origin, h, now);
          continue;
        }
        if (!h.robots_requested) {
          h.robots_requested = true;
          if (o_.obey_robots) {
            Entry r;
            r.kind = EntryKind::Robots;
            r.url = origin + "/robots.txt";
            start(std::move(r), origin, h, now);
            break;
          }
          h.robots_ready = true;
          h.delay = milliseconds(o_.delay_ms);
        }
        Entry& front = h.queue.front();
        if (!h.robots_ready && front.kind == EntryKind::Page) break;
        if (front.not_before > now) break;
        Entry e = std::move(front);
        h.queue.pop_front();
        if (e.kind == EntryKind::Page && h.rate_limited) {
          emit(rate_limited_record(e));
          continue;
        }
        if (e.kind == EntryKind::Page && o_.obey_robots) {
          auto it = robots_.find(origin);
          Result<url::Url> u = url::Url::parse(e.url);
          if (it != robots_.end() && u && !it->second.allowed(*u)) {
            PageRecord rec = base_record(e);
            rec.kind = PageKind::Blocked;
            rec.error = reason(e.url, "Not fetched: robots.txt disallows it",
                               "Hämtades inte: robots.txt förbjuder det");
            emit(std::move(rec));
            continue;
          }
        }
        start(std::move(e), origin, h, now);
      }
    }
  }

  void start(Entry e, const std::string& origin, Frontier::Host& h, Clock::time_point now) {
    fetch::Request req;
    req.id = ++next_id_;
    req.url = e.url;
    req.options = o_.fetch;
    std::optional<PreviousPage> previous;
    bool document_body = false;
    if (e.kind == EntryKind::Page) {
      req.html_bodies_only = true;
      // Only a page's own URL has validators from the earlier scan (redirect hops do not).
      if (e.chain.empty() && o_.previous) {
        previous = o_.previous(e.url);
        if (previous) {
          req.if_none_match = previous->etag;
          req.if_modified_since = previous->last_modified;
        }
      }
      // A document last time is most likely one now: its body comes with this request
      // when there is room for it, saving the second request.
      if (previous && previous->document && o_.documents.check && doc_body_free() && under_cap(0)) {
        req.html_bodies_only = false;
        req.options.max_body_bytes = o_.documents.max_bytes;
        document_body = true;
      }
    } else if (e.kind == EntryKind::Document) {
      req.options.max_body_bytes = o_.documents.max_bytes;
      document_body = true;
    } else {
      req.follow_redirects = true;
      // curl follows these redirects itself, possibly to another host: no credentials.
      req.options.headers.clear();
      req.options.max_redirects = 5;  // RFC 9309 §2.3.1.2: at least five
      req.options.max_body_bytes =
          e.kind == EntryKind::Robots ? kRobotsMaxBytes : SitemapLimits{}.max_uncompressed_bytes;
      // RFC 9309 §2.5: parse the first 500 KiB of a larger (or gzip-bombed) robots.txt
      // and use it, rather than fail and read the whole site as disallowed.
      req.truncate_body = e.kind == EntryKind::Robots;
    }
    if (document_body) ++doc_bodies_;
    ++e.attempts;
    ++h.in_flight;
    h.next_start = now + h.delay;
    transfers_.emplace(req.id, InFlight{std::move(e), origin, std::move(previous), document_body});
    multi_.add(std::move(req));
  }

  PageRecord base_record(const Entry& e) {
    PageRecord rec;
    // What is stored and reported never holds a user:password@ (issue #16).
    rec.url = url::without_userinfo(e.original);
    rec.final_url = url::without_userinfo(e.url);
    rec.depth = e.depth;
    rec.reached = e.via;
    rec.redirects = e.chain;
    for (fetch::Redirect& r : rec.redirects) {
      r.from = url::without_userinfo(r.from);
      r.to = url::without_userinfo(r.to);
    }
    rec.attempts = e.attempts;
    rec.elapsed_ms = e.seconds * 1000;
    return rec;
  }

  void emit(PageRecord&& rec) {
    ++stats_.done;
    if (rec.has_error) ++stats_.errors;
    if (rec.kind == PageKind::Html) ++stats_.html;
    stats_.rendered += rec.rendered;
    stats_.render_failures += rec.render_failed;
    if (rec.unchanged) ++stats_.unchanged;
    if (rec.kind == PageKind::Document) {
      if (rec.document == DocumentCheck::Checked) ++stats_.documents;
      if (rec.document == DocumentCheck::OverCap) ++stats_.documents_over_cap;
    }
    resolve_referrers(rec);
    sink_(std::move(rec));
  }

  // The pages that linked to this record's URL while it waited: kept for a document
  // (passed on with its record), dropped for anything else.
  void resolve_referrers(PageRecord& rec) {
    auto it = pending_.find(rec.url);
    if (rec.kind == PageKind::Document) {
      Referrers& known = documents_[rec.url];
      if (it != pending_.end()) {
        for (std::string& page : it->second.pages) rec.document_links.push_back({rec.url, std::move(page)});
        known.groups = std::move(it->second.groups);
        known.kept = it->second.kept;
      }
    }
    if (it != pending_.end()) pending_.erase(it);
  }

  // Admits the outlinks of a page (checked now, or unchanged with its earlier links) and
  // notes the page as linking to each one not recorded yet, or to each document recorded
  // already (then on `rec`, which is about to be emitted).
  void admit_links(PageRecord& rec) {
    std::string group;
    bool grouped = false;
    std::string normalized;
    std::unordered_set<std::string> done;
    const bool ways = rec.outlink_ways.size() == rec.outlinks.size();  // how each link was found
    for (std::size_t i = 0; i < rec.outlinks.size(); ++i) {
      const std::string& link = rec.outlinks[i];
      const results::Reached via = ways ? rec.outlink_ways[i] : results::Reached::Link;
      const Admit a = frontier_.admit(link, rec.depth + 1, via, &normalized);
      if (a != Admit::Added && a != Admit::Duplicate) continue;
      normalized = url::without_userinfo(normalized);  // as records name URLs (base_record)
      if (normalized == rec.url || !done.insert(normalized).second) continue;
      Referrers* r = nullptr;
      bool document = false;
      if (a == Admit::Added) {
        r = &pending_[normalized];
      } else if (auto p = pending_.find(normalized); p != pending_.end()) {
        r = &p->second;
      } else if (auto d = documents_.find(normalized); d != documents_.end()) {
        r = &d->second;
        document = true;
      }
      if (!r) continue;
      if (!grouped) {
        group = o_.referrer_group ? o_.referrer_group(rec.url) : std::string();
        grouped = true;
      }
      if (!r->take(group)) continue;
      if (document) {
        rec.document_links.push_back({normalized, rec.url});
      } else {
        r->pages.push_back(rec.url);
      }
    }
  }

  void add_sitemap(const std::string& url) {
    Result<url::Url> u = url::Url::parse(url);
    if (!u) return;
    std::string n = u->normalized();
    if (sitemaps_.size() >= kMaxSitemaps || !sitemaps_.insert(n).second) return;
    Entry e;
    e.kind = EntryKind::Sitemap;
    e.url = n;
    frontier_.push(std::move(e), true);
  }

  void complete(fetch::Completion c) {
    auto it = transfers_.find(c.id);
    if (it == transfers_.end()) return;
    InFlight f = std::move(it->second);
    transfers_.erase(it);
    Frontier::Host& h = frontier_.host(f.origin);
    --h.in_flight;
    f.entry.seconds += c.seconds;
    switch (f.entry.kind) {
      case EntryKind::Robots: return robots_done(f, h, c);
      case EntryKind::Sitemap: return sitemap_done(c);
      case EntryKind::Page: return page_done(std::move(f), h, std::move(c));
      case EntryKind::Document: return document_done(std::move(f), h, std::move(c));
    }
  }

  void robots_done(const InFlight& f, Frontier::Host& h, const fetch::Completion& c) {
    Robots robots = c.ok ? Robots::from_fetch(c.status, c.body, o_.robots_token)
                         : Robots::from_fetch(0, {}, o_.robots_token);
    if (c.ok && c.body_truncated) {
      const std::string kib = std::to_string(kRobotsMaxBytes / 1024);
      stats_.notes.push_back(Error{fetch::url_for_message(f.entry.url) + " is larger than " + kib +
                                       " KiB: only its first " + kib + " KiB were read (RFC 9309)",
                                   fetch::url_for_message(f.entry.url) + " är större än " + kib +
                                       " KiB: bara de första " + kib + " KiB lästes (RFC 9309)"});
    }
    h.robots_ready = true;
    auto delay = milliseconds(o_.delay_ms);
    if (auto cd = robots.crawl_delay()) {
      const double s = std::min(*cd, o_.max_crawl_delay_s);
      delay = std::max(delay, milliseconds(static_cast<long>(s * 1000)));
    }
    h.delay = delay;
    if (o_.robots_sitemaps) {
      Result<url::Url> base = url::Url::parse(f.entry.url);
      for (const std::string& s : robots.sitemaps()) {
        if (!base) break;
        if (Result<url::Url> u = base->resolve(s)) {
          if (frontier_.scope().allows(*u, u->normalized())) add_sitemap(u->str());
        }
      }
    }
    robots_[f.origin] = std::move(robots);
  }

  void sitemap_done(const fetch::Completion& c) {
    // A sitemap that cannot be used is said in the scan's notes, never dropped silently.
    const std::string u = fetch::url_for_message(c.url);
    if (!c.ok) {
      stats_.notes.push_back(Error{"Sitemap not used: " + c.error.message, "Webbplatskartan användes inte: " + c.error.text(Lang::Sv)});
      return;
    }
    if (c.status < 200 || c.status > 299) {
      stats_.notes.push_back(Error{"Sitemap not used: " + u + " answered HTTP " + std::to_string(c.status),
                                   "Webbplatskartan användes inte: " + u + " svarade HTTP " + std::to_string(c.status)});
      return;
    }
    Result<Sitemap> map = parse_sitemap(c.body);
    if (!map) {
      stats_.notes.push_back(Error{"Sitemap not used: " + u + ": " + map.error().message,
                                   "Webbplatskartan användes inte: " + u + ": " + map.error().text(Lang::Sv)});
      return;
    }
    for (const SitemapEntry& e : map->entries) {
      if (map->kind == SitemapKind::Index) {
        add_sitemap(e.loc);
      } else {
        (void)frontier_.admit(e.loc, 0, results::Reached::Sitemap);
      }
    }
  }

  // Puts an entry back for another attempt: documents on their own queue, the rest on
  // the host's.
  void requeue(Entry e) {
    if (e.kind == EntryKind::Document) {
      Result<url::Url> u = url::Url::parse(e.url);
      doc_queue_[u ? u->origin() : std::string()].push_front(std::move(e));
      ++docs_queued_;
      return;
    }
    frontier_.push(std::move(e), true);
  }

  PageRecord rate_limited_record(const Entry& e) {
    PageRecord rec = base_record(e);
    rec.has_error = true;
    rec.error = reason(e.url, "Not checked: rate limited (the host kept answering 429/503)",
                       "Granskades inte: begränsad av servern (värden svarade 429/503 gång på gång)");
    return rec;
  }

  bool retry(InFlight& f, Frontier::Host& h, long retry_after_s, bool pause_host) {
    if (f.entry.attempts > o_.max_retries || h.rate_limited) return false;
    long ms = std::min<long>(o_.backoff_max_ms,
                             static_cast<long>(o_.backoff_base_ms) << std::min(f.entry.attempts - 1, 20));
    if (retry_after_s >= 0) ms = std::min<long>(std::min<long>(retry_after_s, 86400) * 1000, o_.max_retry_after_ms);
    if (pause_host) {
      // Only waits that hold the whole host count against its budget.
      if (h.backoff_spent_ms + ms > o_.max_backoff_per_host_ms) {
        h.rate_limited = true;
        stats_.notes.push_back(Error{
            "Rate limited: " + fetch::url_for_message(f.origin) + " kept answering 429/503 for over " +
                std::to_string(o_.max_backoff_per_host_ms / 1000) + " s of waiting; its remaining pages were not checked",
            "Begränsad av servern: " + fetch::url_for_message(f.origin) + " svarade 429/503 i mer än " +
                std::to_string(o_.max_backoff_per_host_ms / 1000) + " s väntan; resten av dess sidor granskades inte"});
        return false;
      }
      h.backoff_spent_ms += ms;
    }
    const auto when = Clock::now() + milliseconds(ms);
    if (pause_host) h.paused_until = std::max(h.paused_until, when);
    f.entry.not_before = when;
    requeue(std::move(f.entry));
    return true;
  }

  void page_done(InFlight f, Frontier::Host& h, fetch::Completion c) {
    // A document's body arrives below or never: either way the room it had is free again,
    // unless the body goes to a worker (then it is freed when the check is done).
    bool keep_body_room = false;
    struct Release {
      Crawl& self;
      bool held;
      bool& keep;
      ~Release() {
        if (held && !keep) --self.doc_bodies_;
      }
    } release{*this, f.document_body, keep_body_room};
    if (!c.ok) {
      if (c.transient && retry(f, h, -1, false)) return;
      PageRecord rec = base_record(f.entry);
      rec.has_error = true;
      rec.error = std::move(c.error);
      return emit(std::move(rec));
    }
    const long s = c.status;
    if ((s == 301 || s == 302 || s == 303 || s == 307 || s == 308) && !c.location.empty()) {
      return redirect(std::move(f), c);
    }
    if (s == 429 || s == 503 || s == 500 || s == 502 || s == 504) {
      if (retry(f, h, c.retry_after_s, s == 429 || s == 503)) return;
    }
    PageRecord rec = base_record(f.entry);
    rec.status = s;
    rec.etag = std::move(c.etag);
    rec.last_modified = std::move(c.last_modified);
    if (s == 304 && f.previous) {
      // Unchanged since the earlier scan: its result stands (and a page's links are followed).
      rec.kind = f.previous->document ? PageKind::Document : PageKind::Html;
      rec.unchanged = true;
      if (rec.etag.empty()) rec.etag = std::move(f.previous->etag);
      if (rec.last_modified.empty()) rec.last_modified = std::move(f.previous->last_modified);
      if (f.previous->document) {
        rec.document = DocumentCheck::Checked;
        rec.content_sha256 = std::move(f.previous->sha256);
        return emit(std::move(rec));
      }
      rec.outlinks = std::move(f.previous->links);
      rec.outlink_ways = std::move(f.previous->link_ways);
      admit_links(rec);
      rec.links = rec.outlinks.size();
      return emit(std::move(rec));
    }
    rec.content_type = c.content_type;
    rec.size = c.body_skipped ? c.declared_size : static_cast<long long>(c.body.size());
    if (s < 200 || s > 299) {
      rec.has_error = true;
      rec.error = http_error(rec.final_url, s);
      return emit(std::move(rec));
    }
    const PageKind kind = kind_for_content_type(c.content_type);
    if (kind == PageKind::Document) {
      keep_body_room = document_found(f, c, std::move(rec));
      return;
    }
    if (kind != PageKind::Html) {
      rec.kind = kind;
      if (kind == PageKind::Skipped) {
        const std::string t = fetch::mime_essence(c.content_type);
        rec.error = reason(rec.final_url, "Not checked: the type " + t + " is neither a page nor a document",
                           "Granskades inte: typen " + t + " är varken en sida eller ett dokument");
      }
      return emit(std::move(rec));
    }
    ++jobs_;
    pool_->submit(Job{std::move(rec), std::move(c.body), false, {}});
  }

  // The first answer says the URL is a document: listed, checked from the body that came
  // with it, or queued for a second request for its body, within the size limit and the
  // scan's cap. True when the body went to a worker (its room stays taken).
  bool document_found(InFlight& f, fetch::Completion& c, PageRecord rec) {
    rec.kind = PageKind::Document;
    const DocumentOptions& d = o_.documents;
    const std::string type = fetch::mime_essence(c.content_type);
    if (!d.check) {
      emit(std::move(rec));
      return false;
    }
    if (!openable_type(type)) {
      rec.document = DocumentCheck::Unsupported;
      rec.error = reason(rec.final_url, "Not checked: granska does not check documents of the type " + type +
                                            "; review it by hand",
                         "Granskades inte: granska kontrollerar inte dokument av typen " + type +
                             "; granska det manuellt");
      emit(std::move(rec));
      return false;
    }
    const std::string previous_sha = f.previous && f.previous->document ? f.previous->sha256 : std::string();
    if (!c.body_skipped) {  // asked with its body (an earlier scan knew it as a document)
      ++docs_fetched_;
      doc_bytes_ += c.body.size();
      ++jobs_;
      pool_->submit(Job{std::move(rec), std::move(c.body), true, previous_sha});
      return true;
    }
    const std::string limit = fetch::format_size(d.max_bytes);
    if (c.declared_size > 0 && static_cast<std::size_t>(c.declared_size) > d.max_bytes) {
      rec.document = DocumentCheck::TooLarge;
      const std::string size = fetch::format_size(static_cast<std::size_t>(c.declared_size));
      rec.error = reason(rec.final_url, "Not checked: the document is " + size + ", over the limit of " + limit,
                         "Granskades inte: dokumentet är " + size + ", över gränsen på " + limit);
      emit(std::move(rec));
      return false;
    }
    if (!under_cap(c.declared_size)) {
      rec.document = DocumentCheck::OverCap;
      rec.error = reason(rec.final_url,
                         "Not checked: the scan's limit of " + std::to_string(d.max_count) + " documents or " +
                             fetch::format_size(d.max_total_bytes) + " was reached",
                         "Granskades inte: genomsökningens gräns på " + std::to_string(d.max_count) +
                             " dokument eller " + fetch::format_size(d.max_total_bytes) + " nåddes");
      emit(std::move(rec));
      return false;
    }
    // Counted now, so that documents waiting for their body count against the cap too; the
    // real size replaces the declared one when the body comes (settle_bytes).
    ++docs_fetched_;
    doc_bytes_ += static_cast<std::size_t>(std::max(0LL, c.declared_size));
    declared_[f.entry.original] = std::max(0LL, c.declared_size);
    Entry e = std::move(f.entry);
    e.kind = EntryKind::Document;
    e.attempts = 0;
    e.not_before = {};
    e.sha256 = previous_sha;
    e.content_type = c.content_type;
    e.status = c.status;
    requeue(std::move(e));
    return false;
  }

  // The second request, for a document's body: checked on a worker, or recorded with why
  // the body could not be had.
  void document_done(InFlight f, Frontier::Host& h, fetch::Completion c) {
    bool to_worker = false;
    struct Release {
      Crawl& self;
      bool& kept;
      ~Release() {
        if (!kept) --self.doc_bodies_;
      }
    } release{*this, to_worker};
    auto not_fetched = [&](Error why, long status) { emit(document_not_fetched(f.entry, std::move(why), status)); };
    if (!c.ok) {
      if (c.transient && retry(f, h, -1, false)) return;
      return not_fetched(std::move(c.error), 0);
    }
    const long s = c.status;
    if (s == 429 || s == 503 || s == 500 || s == 502 || s == 504) {
      if (retry(f, h, c.retry_after_s, s == 429 || s == 503)) return;
    }
    if (s < 200 || s > 299) return not_fetched(http_error(f.entry.url, s), s);
    PageRecord rec = base_record(f.entry);
    rec.kind = PageKind::Document;
    rec.status = s;
    rec.content_type = c.content_type.empty() ? f.entry.content_type : c.content_type;
    rec.etag = std::move(c.etag);
    rec.last_modified = std::move(c.last_modified);
    settle_bytes(f.entry.original, c.body.size());
    ++jobs_;
    to_worker = true;
    pool_->submit(Job{std::move(rec), std::move(c.body), true, std::move(f.entry.sha256)});
  }

  // The record of a document whose body could not be had, with why.
  PageRecord document_not_fetched(const Entry& e, Error why, long status) {
    PageRecord rec = base_record(e);
    rec.kind = PageKind::Document;
    rec.document = DocumentCheck::NotFetched;
    rec.status = status ? status : e.status;
    rec.content_type = e.content_type;
    rec.error = std::move(why);
    settle_bytes(e.original, 0);
    return rec;
  }

  // Replaces a document's declared size in the byte count by what arrived.
  void settle_bytes(const std::string& url, std::size_t received) {
    auto it = declared_.find(url);
    const std::size_t declared = it == declared_.end() ? 0 : static_cast<std::size_t>(it->second);
    if (it != declared_.end()) declared_.erase(it);
    doc_bytes_ = doc_bytes_ - std::min(doc_bytes_, declared) + received;
  }

  // Types whose documents granska opens (documents::open); other document types (ODF,
  // EPUB, RTF) are listed for a person.
  static bool openable_type(std::string_view type) {
    return type == "application/pdf" || type == "application/msword" || type == "application/vnd.ms-excel" ||
           type == "application/vnd.ms-powerpoint" ||
           type.starts_with("application/vnd.openxmlformats-officedocument.");
  }

  void redirect(InFlight f, const fetch::Completion& c) {
    Entry& e = f.entry;
    e.chain.push_back(fetch::Redirect{e.url, c.status, c.location});
    Result<url::Url> target = url::Url::parse(c.location);
    auto fail = [&](const std::string& en, const std::string& sv, PageKind kind, bool error) {
      PageRecord rec = base_record(e);
      rec.status = c.status;
      rec.final_url = c.location;
      rec.kind = kind;
      rec.has_error = error;
      rec.error = reason(e.original, en, sv);
      emit(std::move(rec));
    };
    if (!target) {
      return fail("Redirected to an address that cannot be fetched: " + fetch::url_for_message(c.location),
                  "Omdirigerades till en adress som inte kan hämtas: " + fetch::url_for_message(c.location),
                  PageKind::Failed, true);
    }
    const std::string n = target->normalized(url::QueryFilter::tracking_defaults());
    const bool loop = n == e.original ||
                      std::any_of(e.chain.begin(), e.chain.end(), [&](const fetch::Redirect& r) { return r.from == n; });
    if (loop) return fail("Redirect loop", "Omdirigeringsslinga", PageKind::Failed, true);
    if (e.chain.size() > static_cast<std::size_t>(o_.max_redirects)) {
      return fail("Too many redirects", "För många omdirigeringar", PageKind::Failed, true);
    }
    switch (frontier_.admit_redirect(*target, n)) {
      case Admit::Added:
        e.url = n;
        e.attempts = 0;
        e.not_before = {};
        frontier_.push(std::move(e), true);
        return;
      case Admit::Duplicate:
        return fail("Redirects to a page that is recorded on its own", "Omdirigeras till en sida som redovisas för sig",
                    PageKind::Redirected, false);
      default:
        return fail("Redirects out of the crawl's scope; not followed",
                    "Omdirigeras utanför granskningens omfång; följdes inte", PageKind::Skipped, false);
    }
  }

  // Admits a page's links, each recorded as reached the way it was found on the page.
  void finish_page(Done d) {
    --jobs_;
    if (d.document) {
      --doc_bodies_;
      return emit(std::move(d.record));
    }
    admit_links(d.record);
    emit(std::move(d.record));
  }

  const CrawlOptions& o_;
  Frontier frontier_;
  const PageSink& sink_;
  const ProgressFn& progress_;
  const std::atomic<bool>* stop_;
  std::unique_ptr<fetch::Transfers> own_network_;  // libcurl, unless the options give a network
  fetch::Transfers& multi_;
  WorkerPool* pool_ = nullptr;
  std::unordered_map<std::uint64_t, InFlight> transfers_;
  std::unordered_map<std::string, Robots> robots_;
  std::unordered_set<std::string> sitemaps_;
  std::uint64_t next_id_ = 0;
  std::size_t jobs_ = 0;
  std::size_t max_active_ = 16;
  // Documents: bodies waiting for their request, per origin; bodies held (requested,
  // waiting for a worker or in check) and how many may be; the scan's cap so far.
  std::unordered_map<std::string, std::deque<Entry>> doc_queue_;
  std::size_t docs_queued_ = 0;
  std::size_t doc_bodies_ = 0;
  std::size_t max_doc_bodies_ = 2;
  std::size_t docs_fetched_ = 0;
  std::size_t doc_bytes_ = 0;
  std::unordered_map<std::string, long long> declared_;  // document URL -> declared size counted
  // Pages linking to URLs not recorded yet, and to documents recorded already.
  std::unordered_map<std::string, Referrers> pending_;
  std::unordered_map<std::string, Referrers> documents_;
  CrawlStats stats_;
};

}  // namespace

std::string_view to_string(DocumentCheck c) {
  switch (c) {
    case DocumentCheck::Listed: return "listed";
    case DocumentCheck::Unsupported: return "unsupported";
    case DocumentCheck::Checked: return "checked";
    case DocumentCheck::Unreadable: return "unreadable";
    case DocumentCheck::NotFetched: return "not-fetched";
    case DocumentCheck::TooLarge: return "too-large";
    case DocumentCheck::OverCap: return "over-cap";
  }
  return "";
}

std::string_view to_string(PageKind k) {
  switch (k) {
    case PageKind::Html: return "html";
    case PageKind::Document: return "document";
    case PageKind::Media: return "media";
    case PageKind::Captions: return "captions";
    case PageKind::Skipped: return "skipped";
    case PageKind::Redirected: return "redirected";
    case PageKind::Blocked: return "blocked";
    case PageKind::Failed: return "failed";
  }
  return "";
}

PageKind kind_for_content_type(std::string_view content_type) {
  const std::string t = fetch::mime_essence(content_type);
  if (t.empty() || t == "text/html" || t == "application/xhtml+xml") return PageKind::Html;
  if (t == "text/vtt" || t == "application/x-subrip" || t == "application/ttml+xml" ||
      t == "text/srt") {
    return PageKind::Captions;
  }
  if (t.starts_with("audio/") || t.starts_with("video/")) return PageKind::Media;
  static constexpr std::string_view kDocs[] = {
      "application/pdf", "application/msword", "application/rtf", "application/epub+zip",
      "application/vnd.openxmlformats-officedocument.", "application/vnd.ms-",
      "application/vnd.oasis.opendocument."};
  for (std::string_view d : kDocs) {
    if (t.starts_with(d)) return PageKind::Document;
  }
  return PageKind::Skipped;
}

namespace {

// A path-absolute reference ("/om-oss/kontakt") takes only the scheme and authority from
// its base, so it resolves the same on every page of a site, and a site's menus and footer
// repeat the same ones on every page. Each worker keeps their results (keyed by base
// scheme and authority, then the reference as written), bounded, cleared when full.
class PathLinkMemo {
 public:
  // True for references that resolve against the base's scheme and authority alone. The
  // second byte rules out "//host" (and a tab or line break, removed before resolving,
  // that would make one).
  static bool applies(std::string_view ref) {
    return ref.size() >= 2 && ref[0] == '/' && ref[1] != '/' && ref[1] != '\t' && ref[1] != '\n' && ref[1] != '\r';
  }
  // The resolved URL, or nullptr when it does not resolve.
  const std::string* resolve(const url::Url& base, std::string_view authority, std::string_view ref) {
    key_.assign(authority);
    key_ += '\n';  // never in a parsed URL's authority: the key splits one way only
    key_.append(ref);
    auto it = results_.find(key_);
    if (it == results_.end()) {
      if (results_.size() >= kMaxEntries) results_.clear();
      Result<url::Url> u = base.resolve(ref);
      it = results_.emplace(key_, u ? std::optional<std::string>(u->str()) : std::nullopt).first;
    }
    return it->second ? &*it->second : nullptr;
  }

 private:
  static constexpr std::size_t kMaxEntries = 20000;
  std::string key_;
  std::unordered_map<std::string, std::optional<std::string>> results_;
};

}  // namespace

ExtractedLinks extract_links(const html::Document& doc, std::string_view page_url) {
  ExtractedLinks out;
  Result<url::Url> page = url::Url::parse(page_url);
  if (!page) return out;
  url::Url base = *page;
  for (const html::Node* n : doc.elements()) {
    if (n->is("base")) {
      if (auto href = n->attr("href")) {
        if (Result<url::Url> b = page->resolve(*href)) base = *b;
      }
      break;  // only the first <base href> counts
    }
  }
  thread_local PathLinkMemo memo;
  const std::string_view spec = base.str();
  const std::string_view authority = spec.substr(0, static_cast<std::size_t>(base.path().data() - spec.data()));
  std::unordered_set<std::string> seen;
  std::unordered_set<std::string_view> seen_refs;  // as written: the same text resolves the same
  for (const html::Node* n : doc.elements()) {
    std::optional<std::string_view> ref;
    if (n->is("a") || n->is("area")) {
      ref = n->attr("href");
    } else if (n->is("iframe") || n->is("frame")) {
      ref = n->attr("src");
    } else if (n->is("link") && out.canonical.empty()) {
      auto rel = n->attr("rel");
      auto href = n->attr("href");
      if (rel && href && has_token(*rel, "canonical")) {
        if (Result<url::Url> u = base.resolve(*href)) out.canonical = u->str();
      }
      continue;
    }
    if (!ref || !seen_refs.insert(*ref).second) continue;
    if (PathLinkMemo::applies(*ref)) {
      const std::string* resolved = memo.resolve(base, authority, *ref);
      if (resolved && seen.insert(*resolved).second) out.links.push_back(*resolved);
      continue;
    }
    Result<url::Url> u = base.resolve(*ref);
    if (!u) continue;
    if (seen.insert(u->str()).second) out.links.push_back(u->str());
  }
  return out;
}

Result<CrawlStats> crawl(const CrawlOptions& options, const PageRenderer& render, const PageSink& sink,
                         const ProgressFn& progress, const std::atomic<bool>* stop) {
  std::vector<std::string> hosts = options.allowed_hosts;
  for (const std::string& s : options.seeds) {
    Result<url::Url> u = url::Url::parse(s);
    if (!u) return Error{"Not a crawlable start address: " + s + " (" + u.error().message + ")",
                         "Ingen giltig startadress: " + s + " (" + u.error().text(Lang::Sv) + ")"};
    if (options.allowed_hosts.empty()) hosts.push_back(text::ascii_lower(u->host()));
  }
  for (const std::string& s : options.sitemaps) {
    Result<url::Url> u = url::Url::parse(s);
    if (!u) return Error{"Not a sitemap address: " + s, "Ingen giltig adress till en webbplatskarta: " + s};
    if (options.allowed_hosts.empty()) hosts.push_back(text::ascii_lower(u->host()));
  }
  if (hosts.empty()) return Error{"Nothing to crawl: give a start address or a sitemap",
                                  "Inget att granska: ange en startadress eller en webbplatskarta"};
  Result<Scope> scope = Scope::make(std::move(hosts), options.include, options.exclude);
  if (!scope) return scope.error();
  Frontier frontier(std::move(*scope), options.limits);
  frontier.set_journal(options.journal);
  if (options.resume) frontier.restore(*options.resume);
  // The run's style sheet cache, unless the caller brought one: every page's linked sheets
  // through it, each fetched once per run by whichever worker needs it first.
  CrawlOptions opts = options;
  std::unique_ptr<style::SheetCache> own_sheets;
  if (!opts.run.sheets) {
    own_sheets = std::make_unique<style::SheetCache>();
    opts.run.sheets = own_sheets.get();
  }
  Crawl c(opts, std::move(frontier), sink, progress, stop);
  c.seed();
  CrawlStats stats = c.run(render);
  stats.stylesheets = opts.run.sheets->stats();
  if (stats.stylesheets.evicted > 0) {
    // Bounded memory: what the cache had to let go of was fetched again when needed.
    const std::string n = std::to_string(stats.stylesheets.evicted);
    const std::string last = fetch::url_for_message(stats.stylesheets.recently_evicted.back());
    stats.notes.push_back(Error{"The style sheet cache was full and let go of " + n + " sheets (most recently " + last +
                                    "); they were fetched again when a later page needed them",
                                "Stilmallscachen var full och släppte " + n + " stilmallar (senast " + last +
                                    "); de hämtades igen när en senare sida behövde dem"});
  }
  return stats;
}

}  // namespace granska::crawl
