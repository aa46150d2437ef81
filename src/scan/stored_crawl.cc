#include "scan/stored_crawl.h"

#include <filesystem>

#include "engine/registry.h"
#include "granska_version.h"
#include "reports/page/report.h"
#include "results/rows_from_page.h"
#include "scan/check_journal.h"
#include "util/clock.h"

namespace granska::scan {

namespace {

Error settings_unreadable(const std::string& db) {
  return Error{"the database's settings cannot be read: " + db, "databasens inställningar kan inte läsas: " + db};
}

class StoreJournal final : public crawl::Journal {
 public:
  explicit StoreJournal(store::CrawlStore& s) : store_(s) {}
  void admitted(std::string_view url, int depth) override { store_.admitted(url, depth); }
  void redirect_seen(std::string_view url) override { store_.redirect_seen(url); }

 private:
  store::CrawlStore& store_;
};

// A finished record as the scan store keeps it. An unchanged page (304) carries the
// earlier scan's structured results over, as its output is carried over.
store::CrawlStore::PageData page_data(crawl::PageRecord& r, store::CrawlStore* earlier, results::ScanId earlier_scan,
                                      const org::OrgMap* map) {
  store::CrawlStore::PageData d;
  results::PageRow& row = d.row;
  row.url = r.url;
  row.final_url = r.final_url;
  row.unit = map ? map->unit_of(r.url).id : std::string();
  row.kind = std::string(crawl::to_string(r.kind));
  row.status = r.status;
  row.content_type = r.content_type;
  row.fetched_at = utc_timestamp();
  if (!r.error.message.empty()) {
    row.error = r.error.text(Lang::Sv);
    row.error_en = r.error.message;
  }
  row.unchanged = r.unchanged;
  if (r.kind == crawl::PageKind::Document) {
    d.document = true;
    d.document_size = r.size;
    d.document_state = std::string(crawl::to_string(r.document));
    d.document_format = r.document_format;
  }
  d.reached = r.reached;
  if (r.unchanged && earlier) {
    if (std::optional<store::CrawlStore::PageData> old = earlier->stored_page(earlier_scan, r.url)) {
      row.title = std::move(old->row.title);
      row.content_type = std::move(old->row.content_type);
      row.content_sha256 = std::move(old->row.content_sha256);
      row.canonical = std::move(old->row.canonical);
      row.rule_outcomes = std::move(old->row.rule_outcomes);
      row.findings = std::move(old->row.findings);
      row.rendered = old->row.rendered;  // the results carried over are of that check
      d.media = std::move(old->media);
      if (old->document && d.document) {
        // The same document: its check (or why it could not be opened) stands.
        d.document_state = std::move(old->document_state);
        d.document_format = std::move(old->document_format);
        if (d.document_size < 0) d.document_size = old->document_size;
        row.error = std::move(old->row.error);
        row.error_en = std::move(old->row.error_en);
      }
      d.facts = std::move(old->facts);  // the site step reads them as if the page were fetched
    }
  } else {
    row.title = std::move(r.title);
    row.content_sha256 = std::move(r.content_sha256);
    row.canonical = std::move(r.canonical);  // one page under several URLs (figures/aliases.h)
    row.rule_outcomes = std::move(r.rule_outcomes);
    row.findings = std::move(r.findings);
    row.rendered = r.rendered;
    d.media = std::move(r.media);
    d.facts = std::move(r.facts);
  }
  for (results::MediaRow& m : d.media) {
    m.page_url = row.url;
    m.unit = row.unit;
  }
  return d;
}

// The configuration file as an absolute path, so a continued crawl finds it again.
std::string absolute_path(const std::string& path) {
  if (path.empty()) return path;
  std::error_code ec;
  std::filesystem::path p = std::filesystem::absolute(path, ec);
  return ec ? path : p.string();
}

}  // namespace

crawl::PreviousLookup EarlierScan::lookup() const {
  if (!store) return {};
  return [this](std::string_view url) -> std::optional<crawl::PreviousPage> {
    auto c = store->cached(scan, url);
    if (!c) return std::nullopt;
    crawl::PreviousPage p{std::move(c->etag), std::move(c->last_modified), std::move(c->links), c->document,
                          std::move(c->sha256), {}};
    // How its links were found on it, so the pages they lead to are recorded as reached so.
    if (auto f = store->stored_facts(scan, url)) {
      p.link_ways = results::link_ways(f->facts, f->final_url.empty() ? url : std::string_view(f->final_url), f->title,
                                       p.links);
    }
    return p;
  };
}

std::optional<store::CrawlStore::Stored> EarlierScan::result(std::string_view url) const {
  if (!store) return std::nullopt;
  return store->result(scan, url);
}

Result<EarlierScan> open_since_db(const CrawlSettings& s) {
  EarlierScan ref;
  auto opened = store::CrawlStore::open(s.since_db);
  if (!opened) return opened.error();
  ref.opened = std::move(*opened);
  std::optional<store::CrawlStore::ScanRef> earlier_scan = ref.opened->latest_scan(results::ScanStatus::Complete);
  if (!earlier_scan || earlier_scan->options.empty()) {
    return Error{"--since-db needs a completed crawl: " + s.since_db, "--since-db behöver en avslutad granskning: " + s.since_db};
  }
  // Results are reused as they were written: the same format and language are needed.
  Result<CrawlSettings> earlier = crawl_settings_from_json(earlier_scan->options);
  if (!earlier) return settings_unreadable(s.since_db);
  if (!earlier->print_pages && s.print_pages) {
    return Error{"--since-db: the earlier crawl (granska scan) kept no page reports to print: " + s.since_db,
                 "--since-db: den förra granskningen (granska scan) sparade inga sidrapporter att skriva ut: " +
                     s.since_db};
  }
  if (earlier->format != s.format || earlier->lang != s.lang) {
    return Error{"--since-db: the earlier crawl was written with --format " + earlier->format + " --lang " +
                     earlier->lang + "; use the same",
                 "--since-db: den förra granskningen skrevs med --format " + earlier->format + " --lang " +
                     earlier->lang + "; använd samma"};
  }
  if (!same_output(*earlier, s)) {
    const std::string schema = "JSON schema " + std::to_string(earlier->json_schema);
    const std::string how = schema + (earlier->show_passed ? ", passed elements listed" : "");
    const std::string hur = schema + (earlier->show_passed ? ", godkända element listade" : "");
    return Error{"--since-db: the earlier crawl's page reports were written in another layout (" + how +
                     "); crawl again without --since-db" +
                     (earlier->json_schema == reports::kJsonSchemaVersion ? ", or match --show-passed" : ""),
                 "--since-db: den förra granskningens sidrapporter skrevs i en annan form (" + hur +
                     "); granska om utan --since-db" +
                     (earlier->json_schema == reports::kJsonSchemaVersion ? ", eller ange --show-passed likadant" : "")};
  }
  ref.store = ref.opened.get();
  ref.scan = earlier_scan->id;
  return ref;
}

Result<std::unique_ptr<ScanDatabase>> ScanDatabase::open(const std::string& db, bool lock, bool* held) {
  std::unique_ptr<ScanDatabase> d(new ScanDatabase());
  d->path_ = db;
  // Two crawls writing one database would interleave their scans and fight over resuming.
  if (lock) {
    Result<LockFile> l = LockFile::acquire(db + ".lock", held);
    if (!l) return l.error();
    d->lock_.emplace(std::move(*l));
  }
  auto opened = store::CrawlStore::open(db);
  if (!opened) return opened.error();
  d->store_ = std::move(*opened);
  return d;
}

Result<CrawlSettings> ScanDatabase::interrupted_settings() {
  std::optional<store::CrawlStore::ScanRef> running = store_->latest_scan(results::ScanStatus::Running);
  if (!running || running->options.empty()) {
    return Error{"the database holds no crawl to resume: " + path_,
                 "databasen innehåller ingen granskning att fortsätta: " + path_};
  }
  Result<CrawlSettings> s = crawl_settings_from_json(running->options);
  if (!s) return settings_unreadable(path_);
  return s;
}

Result<StoredCrawlResult> ScanDatabase::crawl(StoredCrawl request, const StoredCrawlHooks& hooks) {
  CrawlSettings& s = request.settings;
  if (s.concurrency < 1) s.concurrency = 1;
  s.config = absolute_path(s.config);
  store::CrawlStore& db = *store_;
  std::optional<store::CrawlStore::ScanRef> resumed;
  if (request.resume) {
    resumed = db.latest_scan(results::ScanStatus::Running);
    if (!resumed || resumed->options.empty()) {
      return Error{"the database holds no crawl to resume: " + path_,
                   "databasen innehåller ingen granskning att fortsätta: " + path_};
    }
  }
  const std::string ruleset_hash = request.run.registry->fingerprint();

  // The earlier scan: --since-db's newest complete scan, or else the previous complete
  // scan in this database when it ran the same rules and stored the same kind of output.
  EarlierScan ref;
  if (!s.since_db.empty()) {
    Result<EarlierScan> opened = open_since_db(s);
    if (!opened) return opened.error();
    ref = std::move(*opened);
  } else if (!request.resume) {
    std::optional<store::CrawlStore::ScanRef> earlier_scan = db.latest_scan(results::ScanStatus::Complete);
    if (earlier_scan && earlier_scan->structured && earlier_scan->ruleset_hash == ruleset_hash) {
      Result<CrawlSettings> earlier = crawl_settings_from_json(earlier_scan->options);
      // A scan without rendered pages cannot lend its output to one that prints them.
      if (earlier && same_output(*earlier, s) && (earlier->print_pages || !s.print_pages)) {
        s.previous_scan = earlier_scan->id;
      }
    }
    if (s.previous_scan) ref.store = &db, ref.scan = s.previous_scan;
  } else if (s.previous_scan) {
    ref.store = &db;
    ref.scan = s.previous_scan;
  }
  if (s.seeds.empty() && s.sitemaps.empty()) {
    return Error{"give at least one start URL", "ange minst en startadress"};
  }

  crawl::ResumeState resume;
  std::size_t resume_documents = 0, resume_document_bytes = 0;
  // Pages that were in check when an earlier run of this scan stopped (check_journal.h).
  CheckJournalFile check_journal(path_ + ".checking");
  std::set<std::string> poison;
  if (request.resume) {
    const std::string key = "stopped-checks:" + std::to_string(resumed->id);
    const std::map<std::string, int> counts =
        count_stops(db.meta(key).value_or(""), check_journal.in_check_when_stopped());
    if (Status st = db.set_meta(key, format_stops(counts)); !st) return st.error();
    poison = poison_pages(counts);
  }
  if (Status st = check_journal.start(); !st) return st.error();
  if (request.resume) {
    db.use_scan(resumed->id);
    auto loaded = db.load();
    if (!loaded) return loaded.error();
    resume.queued = std::move(loaded->queued);
    resume.seen = std::move(loaded->seen);
    resume.admitted = loaded->admitted;
    resume_documents = loaded->documents;
    resume_document_bytes = loaded->document_bytes;
  } else {
    auto begun = db.begin_scan({kVersion, ruleset_hash, request.config_name, to_json(s)});
    if (!begun) return begun.error();
  }
  StoreJournal journal(db);
  crawl::CrawlOptions co = crawl_options(s, request.fetch, request.workers);
  co.run = request.run;
  // Rendering asked for (render = "auto" | "always"): one browser for the whole crawl. One
  // that cannot start costs the rendering, not the scan: the pages it would have rendered
  // keep their static check, each with the reason, and the caller is told.
  Result<std::unique_ptr<render::Pool>> browser = start_browser(s, request.fetch, request.workers);
  if (browser) {
    co.browser.pool = browser->get();
  } else {
    co.browser.unavailable = browser.error();
  }
  co.journal = &journal;
  co.transfers = request.network;
  if (request.resume) {
    co.resume = &resume;
    co.documents.count_before = resume_documents;
    co.documents.bytes_before = resume_document_bytes;
  }
  // A document counts for the committee of every page linking to it: the crawler keeps
  // one linking page of each.
  if (request.units) {
    co.referrer_group = [units = request.units](std::string_view url) { return units->unit_of(url).id; };
  }
  if (ref.store) co.previous = ref.lookup();
  co.check_journal = &check_journal;
  if (!poison.empty()) co.do_not_check = [&poison](std::string_view url) { return poison.contains(std::string(url)); };
  co.watchdog_ms = request.watchdog_ms;

  const engine::Impact threshold = engine::impact_from_string(s.fail_on);
  // The structured rows are built on the worker while the checked page lives.
  crawl::PageRenderer render = [&](const pipeline::CheckedPage& checked, crawl::PageRecord& rec) {
    const engine::PageEvaluation& ev = checked.evaluation;
    rec.findings_at_threshold = ev.fails_at(threshold);
    rec.title = results::page_title(*checked.doc);
    rec.content_sha256 = checked.page.sha256;
    rec.findings = results::finding_rows(ev);
    rec.rule_outcomes = results::rule_outcome_rows(ev);
    rec.media = results::media_rows(checked.inventory);
    if (checked.semantics) {
      rec.facts = results::page_facts(*checked.doc, *checked.semantics, checked.page.url);
      rec.outlink_ways = results::link_ways(*rec.facts, checked.page.url, rec.title, rec.outlinks);
    }
    if (hooks.render) hooks.render(checked, rec);
  };
  co.documents.render = [&](const pipeline::CheckedDocument& checked, crawl::PageRecord& rec) {
    const engine::PageEvaluation& ev = checked.evaluation;
    rec.findings_at_threshold = ev.fails_at(threshold);
    rec.title = results::document_title(checked.document);
    rec.findings = results::finding_rows(ev);
    rec.rule_outcomes = results::rule_outcome_rows(ev);
    if (hooks.render_document) hooks.render_document(checked, rec);
  };
  crawl::PageSink sink = [&](crawl::PageRecord&& r) {
    std::string output;
    std::optional<store::CrawlStore::Stored> old;
    // The crawler asked conditionally only for pages with a stored, error-free result.
    if (r.unchanged) old = ref.result(r.url);
    if (old) r.findings_at_threshold = old->at_threshold;
    if (hooks.output) output = hooks.output(r, old ? &*old : nullptr);
    store::CrawlStore::PageData data = page_data(r, ref.store, ref.scan, request.units);
    db.finished(r.url, output, r.findings_at_threshold, r.has_error, r.kind == crawl::PageKind::Html, &data);
    if (r.kind == crawl::PageKind::Html && r.redirects.empty() && (!r.etag.empty() || !r.last_modified.empty())) {
      db.cache(r.url, r.etag, r.last_modified, r.outlinks);
    }
    // A document's validators, or none: its SHA-256 then tells whether it changed.
    if (r.kind == crawl::PageKind::Document && r.redirects.empty() &&
        (r.document == crawl::DocumentCheck::Checked || r.document == crawl::DocumentCheck::Unreadable)) {
      db.cache(r.url, r.etag, r.last_modified, {});
    }
    for (const crawl::DocumentLink& link : r.document_links) {
      db.document_link(link.document, link.from, request.units ? request.units->unit_of(link.from).id : std::string());
    }
    if (hooks.stored) hooks.stored(r);
  };

  if (hooks.started) hooks.started();
  Result<crawl::CrawlStats> stats = crawl::crawl(co, render, sink, hooks.progress, request.stop);
  if (!stats) return stats.error();
  StoredCrawlResult out;
  out.scan = db.current_scan();
  out.stats = *stats;
  out.browser_unavailable = co.browser.unavailable;
  // With a database the output is printed from it at the end, so a continued crawl reports
  // every page, not only those of its last run.
  auto totals = db.for_each_result(hooks.print ? hooks.print : [](std::string_view) {});
  if (!totals) return totals.error();
  out.totals = *totals;
  if (!stats->interrupted) {
    // Marks the scan complete: only then do reports show it and may a later crawl use it.
    // A scan that checked no page at all (the site down, robots.txt unreachable) says
    // nothing about the site: it is marked failed, so no report compares with it.
    out.nothing_checked = totals->html == 0;
    if (Status st = db.finish_scan(out.nothing_checked ? results::ScanStatus::Failed : results::ScanStatus::Complete);
        !st) {
      return st.error();
    }
    check_journal.remove();
  }
  return out;
}

}  // namespace granska::scan
