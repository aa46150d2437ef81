#include "store/crawl_store.h"

#include <algorithm>
#include <chrono>
#include <unordered_map>

#include "store/facts_codec.h"
#include "store/sqlite_db.h"
#include "util/clock.h"

namespace granska::store {

using namespace detail;

namespace {

// A transaction stays open at most this long, so a kill loses little on a slow site too.
constexpr auto kMaxUncommitted = std::chrono::milliseconds(200);
// Frontier states.
constexpr int kQueued = 0, kDone = 1, kRedirectSeen = 2;

results::ScanStatus status_of(long long v) {
  return v == kComplete ? results::ScanStatus::Complete
                        : v == kFailed ? results::ScanStatus::Failed : results::ScanStatus::Running;
}
int code_of(results::ScanStatus s) {
  return s == results::ScanStatus::Complete ? kComplete : s == results::ScanStatus::Failed ? kFailed : kRunning;
}

}  // namespace

struct CrawlStore::Impl {
  Connection connection;
  sqlite3* db = nullptr;
  Stmt admit, redirect, done_frontier, done_result, set_meta, get_meta, put_cache, get_cache, get_result;
  Stmt put_page, put_finding, put_error, put_media, put_document, put_rule, put_document_link;
  Stmt get_page, get_findings, get_media, get_document;
  Stmt put_facts, get_facts, put_block, get_block, get_blocks, get_page_facts;
  // Navigation blocks interned for the scan `blocks_scan`: encoded block -> id.
  std::unordered_map<std::string, std::int64_t> block_ids;
  results::ScanId blocks_scan = 0;
  std::int64_t next_block = 1;
  std::unordered_map<std::string, long long> rule_ids;
  RuleNames rule_names;
  int pending = 0;
  bool in_tx = false;
  std::chrono::steady_clock::time_point last_commit = std::chrono::steady_clock::now();

  ~Impl() {
    if (in_tx) exec(db, "COMMIT");
  }

  bool prepare(Stmt& st, const char* sql) { return detail::prepare(db, st, sql); }

  void wrote() {
    if (++pending >= kBatch || std::chrono::steady_clock::now() - last_commit > kMaxUncommitted) commit();
  }
  void begin() {
    if (!in_tx) {
      exec(db, "BEGIN");
      in_tx = true;
    }
  }
  bool commit() {
    pending = 0;
    last_commit = std::chrono::steady_clock::now();
    if (!in_tx) return true;
    in_tx = false;
    return exec(db, "COMMIT");
  }

  // The number of a rule id; inserted on first use (in the open transaction).
  long long rule_ref(const std::string& name) {
    auto it = rule_ids.find(name);
    if (it != rule_ids.end()) return it->second;
    put_rule.text(1, name);
    put_rule.step();
    put_rule.reset();
    const long long id = sqlite3_last_insert_rowid(db);
    rule_ids.emplace(name, id);
    rule_names.emplace(id, name);
    return id;
  }

  void write_page(results::ScanId scan, const PageData& d) {
    const results::PageRow& r = d.row;
    Stmt& p = put_page;
    p.integer(1, scan);
    p.text(2, r.url);
    p.text(3, r.final_url);
    p.text(4, r.unit);
    p.text(5, r.kind);
    p.integer(6, r.status);
    p.text(7, r.title);
    p.text(8, r.content_type);
    p.text(9, r.content_sha256);
    p.text(10, r.fetched_at);
    p.integer(11, r.unchanged);
    p.text(12, encode_rule_outcomes(r.rule_outcomes, [this](const std::string& n) { return rule_ref(n); }));
    p.text(13, r.canonical);
    p.integer(14, r.rendered);
    const int rc = p.step();
    p.reset();
    // Recorded once: a page already stored for this scan keeps its first record.
    if (rc != SQLITE_DONE || sqlite3_changes(db) == 0) return;
    const long long page = sqlite3_last_insert_rowid(db);
    long long seq = 0;
    for (const results::FindingRow& f : r.findings) {
      Stmt& q = put_finding;
      q.integer(1, page);
      q.integer(2, seq++);
      q.integer(3, rule_ref(f.rule));
      q.integer(4, outcome_code(f.outcome));
      q.text(5, f.message_id);
      q.text(6, encode_args(f.args));
      q.text(7, f.selector);
      q.integer(8, f.line);
      q.integer(9, f.column);
      q.text(10, f.snippet);
      q.integer(11, f.page);
      q.integer(12, f.object);
      q.step();
      q.reset();
    }
    if (!r.error.empty() || !r.error_en.empty()) {
      put_error.integer(1, page);
      put_error.text(2, r.error);
      put_error.text(3, r.error_en);
      put_error.step();
      put_error.reset();
    }
    seq = 0;
    for (const results::MediaRow& m : d.media) {
      Stmt& q = put_media;
      q.integer(1, page);
      q.integer(2, seq++);
      q.text(3, m.kind);
      q.text(4, m.source);
      q.text(5, m.name);
      q.text(6, m.player);
      int col = 7;
      for (const auto& o : {m.captions, m.description, m.transcript, m.autoplay}) {
        if (o) {
          q.integer(col, outcome_code(*o));
        } else {
          q.null(col);
        }
        ++col;
      }
      q.step();
      q.reset();
    }
    if (d.document) {
      put_document.integer(1, page);
      put_document.integer(2, d.document_size);
      put_document.text(3, d.document_state);
      put_document.text(4, d.document_format);
      put_document.step();
      put_document.reset();
    }
    put_facts.integer(1, page);
    put_facts.integer(2, static_cast<int>(d.reached));
    if (d.facts) {
      std::vector<std::int64_t> ids;
      for (const results::NavBlock& b : d.facts->blocks) ids.push_back(block_ref(scan, b));
      const std::string blob = encode_facts(*d.facts, ids, r.final_url.empty() ? r.url : r.final_url);
      sqlite3_bind_blob(put_facts.s, 3, blob.data(), static_cast<int>(blob.size()), SQLITE_TRANSIENT);
    } else {
      put_facts.null(3);
    }
    put_facts.step();
    put_facts.reset();
  }

  // The id of a navigation block in `scan`, inserted on first use (in the open transaction).
  std::int64_t block_ref(results::ScanId scan, const results::NavBlock& b) {
    if (blocks_scan != scan) {  // first block of this scan (or a continued one): load what it has
      block_ids.clear();
      next_block = 1;
      blocks_scan = scan;
      get_blocks.integer(1, scan);
      while (get_blocks.step() == SQLITE_ROW) {
        const std::int64_t id = get_blocks.i64(0);
        block_ids.emplace(blob(get_blocks, 1), id);
        next_block = std::max(next_block, id + 1);
      }
      get_blocks.reset();
    }
    std::string data = encode_block(b);
    auto it = block_ids.find(data);
    if (it != block_ids.end()) return it->second;
    const std::int64_t id = next_block++;
    put_block.integer(1, scan);
    put_block.integer(2, id);
    sqlite3_bind_blob(put_block.s, 3, data.data(), static_cast<int>(data.size()), SQLITE_TRANSIENT);
    put_block.step();
    put_block.reset();
    block_ids.emplace(std::move(data), id);
    return id;
  }

  static std::string blob(const Stmt& q, int col) {
    const void* p = sqlite3_column_blob(q.s, col);
    return p ? std::string(static_cast<const char*>(p), static_cast<std::size_t>(sqlite3_column_bytes(q.s, col)))
             : std::string();
  }

  // A page's facts as stored, with its blocks looked up; nullopt when it has none.
  std::optional<results::PageFacts> read_facts(results::ScanId scan, long long page_id, std::string_view final_url,
                                               results::Reached* reached) {
    std::optional<results::PageFacts> out;
    get_facts.integer(1, page_id);
    if (get_facts.step() == SQLITE_ROW) {
      if (reached) *reached = results::reached_from_code(get_facts.i64(0));
      results::PageFacts f;
      std::vector<std::int64_t> ids;
      if (!get_facts.is_null(1) && decode_facts(blob(get_facts, 1), final_url, f, ids)) {
        bool ok = true;
        for (std::int64_t id : ids) {
          get_block.integer(1, scan);
          get_block.integer(2, id);
          std::optional<results::NavBlock> b;
          if (get_block.step() == SQLITE_ROW) b = decode_block(blob(get_block, 0));
          get_block.reset();
          if (!b) ok = false;
          else f.blocks.push_back(std::move(*b));
        }
        if (ok) out = std::move(f);
      }
    }
    get_facts.reset();
    return out;
  }
};

Result<std::unique_ptr<CrawlStore>> CrawlStore::open(const std::string& path) {
  std::unique_ptr<CrawlStore> store(new CrawlStore());
  store->impl_ = std::make_unique<Impl>();
  Impl& im = *store->impl_;
  if (Status st = open_database(path, false, im.connection); !st) return st.error();
  im.db = im.connection.db;
  const bool ok =
      im.prepare(im.admit, "INSERT OR IGNORE INTO frontier(scan_id, url, depth, state) VALUES(?1, ?2, ?3, 0)") &&
      im.prepare(im.redirect, "INSERT OR IGNORE INTO frontier(scan_id, url, depth, state) VALUES(?1, ?2, 0, 2)") &&
      im.prepare(im.done_frontier, "UPDATE frontier SET state = 1 WHERE scan_id = ?1 AND url = ?2") &&
      im.prepare(im.done_result,
                 "INSERT OR REPLACE INTO results(scan_id, url, output, at_threshold, error, html) "
                 "VALUES(?1, ?2, ?3, ?4, ?5, ?6)") &&
      im.prepare(im.set_meta, "INSERT OR REPLACE INTO meta(key, value) VALUES(?1, ?2)") &&
      im.prepare(im.get_meta, "SELECT value FROM meta WHERE key = ?1") &&
      im.prepare(im.put_cache,
                 "INSERT OR REPLACE INTO page_cache(scan_id, url, etag, last_modified, links) "
                 "VALUES(?1, ?2, ?3, ?4, ?5)") &&
      im.prepare(im.get_cache,
                 "SELECT c.etag, c.last_modified, c.links, p.kind, p.content_sha256 FROM page_cache c "
                 "JOIN results r ON r.scan_id = c.scan_id AND r.url = c.url "
                 "JOIN pages p ON p.scan_id = c.scan_id AND p.url = c.url "
                 "LEFT JOIN documents d ON d.page_id = p.id "
                 "WHERE c.scan_id = ?1 AND c.url = ?2 AND r.error = 0 AND "
                 "((p.kind = 'html' AND r.html = 1 AND p.rendered = 0) OR "
                 "(p.kind = 'document' AND d.state IN ('checked', 'unreadable') AND p.content_sha256 <> ''))") &&
      im.prepare(im.get_result,
                 "SELECT output, at_threshold, error, html FROM results WHERE scan_id = ?1 AND url = ?2") &&
      im.prepare(im.put_page,
                 "INSERT OR IGNORE INTO pages(scan_id, url, final_url, unit, kind, status, title, content_type, "
                 "content_sha256, fetched_at, unchanged, rule_outcomes, canonical, rendered) "
                 "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)") &&
      im.prepare(im.put_finding,
                 "INSERT OR REPLACE INTO findings(page_id, seq, rule, outcome, message_id, args, selector, line, col, "
                 "snippet, doc_page, doc_object) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)") &&
      im.prepare(im.put_error, "INSERT OR REPLACE INTO errors(page_id, message_sv, message_en) VALUES(?1, ?2, ?3)") &&
      im.prepare(im.put_media,
                 "INSERT OR REPLACE INTO media(page_id, seq, kind, source, name, player, captions, description, "
                 "transcript, autoplay) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)") &&
      im.prepare(im.put_document,
                 "INSERT OR REPLACE INTO documents(page_id, size, state, format) VALUES(?1, ?2, ?3, ?4)") &&
      im.prepare(im.put_document_link,
                 "INSERT OR IGNORE INTO document_links(scan_id, document_url, from_url, from_unit) "
                 "VALUES(?1, ?2, ?3, ?4)") &&
      im.prepare(im.put_rule, "INSERT INTO rules(name) VALUES(?1)") &&
      im.prepare(im.get_page, (std::string("SELECT ") + kPageColumns +
                               " FROM pages p LEFT JOIN errors e ON e.page_id = p.id "
                               "WHERE p.scan_id = ?1 AND p.url = ?2").c_str()) &&
      im.prepare(im.get_findings, kFindingsSelect) &&
      im.prepare(im.get_media, (std::string("SELECT ") + kMediaColumns +
                                " FROM media m WHERE m.page_id = ?1 ORDER BY m.seq").c_str()) &&
      im.prepare(im.get_document, "SELECT size, state, format FROM documents WHERE page_id = ?1") &&
      im.prepare(im.put_facts, "INSERT OR REPLACE INTO page_facts(page_id, reached, facts) VALUES(?1, ?2, ?3)") &&
      im.prepare(im.get_facts, "SELECT reached, facts FROM page_facts WHERE page_id = ?1") &&
      im.prepare(im.put_block, "INSERT OR IGNORE INTO nav_blocks(scan_id, id, data) VALUES(?1, ?2, ?3)") &&
      im.prepare(im.get_block, "SELECT data FROM nav_blocks WHERE scan_id = ?1 AND id = ?2") &&
      im.prepare(im.get_blocks, "SELECT id, data FROM nav_blocks WHERE scan_id = ?1") &&
      im.prepare(im.get_page_facts, "SELECT id, title, final_url FROM pages WHERE scan_id = ?1 AND url = ?2");
  if (!ok) return db_error(im.db, "cannot prepare statements");
  im.rule_names = load_rule_names(im.db);
  for (const auto& [id, name] : im.rule_names) im.rule_ids.emplace(name, id);
  return store;
}

CrawlStore::~CrawlStore() = default;  // Impl commits; statements finalise before the close

Status CrawlStore::set_meta(std::string_view key, std::string_view value) {
  Impl& im = *impl_;
  im.set_meta.text(1, key);
  im.set_meta.text(2, value);
  const int rc = im.set_meta.step();
  im.set_meta.reset();
  if (rc != SQLITE_DONE) return db_error(im.db, "cannot write settings");
  return ok_status();
}

std::optional<std::string> CrawlStore::meta(std::string_view key) {
  Impl& im = *impl_;
  im.get_meta.text(1, key);
  std::optional<std::string> out;
  if (im.get_meta.step() == SQLITE_ROW) out = im.get_meta.str(0);
  im.get_meta.reset();
  return out;
}

Result<results::ScanId> CrawlStore::begin_scan(const ScanStart& start) {
  if (Status st = flush(); !st) return st.error();
  Impl& im = *impl_;
  if (!exec(im.db, "BEGIN IMMEDIATE")) return db_error(im.db, "cannot start a scan");
  Stmt abandon, insert;
  bool ok = im.prepare(abandon, "UPDATE scans SET status = 2 WHERE status = 0") && abandon.step() == SQLITE_DONE &&
            im.prepare(insert,
                       "INSERT INTO scans(status, started, granska_version, ruleset_hash, config_name, options) "
                       "VALUES(0, ?1, ?2, ?3, ?4, ?5)");
  if (ok) {
    insert.text(1, utc_timestamp());
    insert.text(2, start.granska_version);
    insert.text(3, start.ruleset_hash);
    insert.text(4, start.config_name);
    insert.text(5, start.options);
    ok = insert.step() == SQLITE_DONE;
  }
  if (!ok || !exec(im.db, "COMMIT")) {
    Error e = db_error(im.db, "cannot start a scan");
    exec(im.db, "ROLLBACK");
    return e;
  }
  current_ = sqlite3_last_insert_rowid(im.db);
  return current_;
}

std::optional<CrawlStore::ScanRef> CrawlStore::latest_scan(std::optional<results::ScanStatus> status) {
  Impl& im = *impl_;
  Stmt q;
  const char* sql = status ? "SELECT id, status, options, ruleset_hash, structured FROM scans WHERE status = ?1 "
                             "ORDER BY id DESC LIMIT 1"
                           : "SELECT id, status, options, ruleset_hash, structured FROM scans ORDER BY id DESC LIMIT 1";
  if (!im.prepare(q, sql)) return std::nullopt;
  if (status) q.integer(1, code_of(*status));
  if (q.step() != SQLITE_ROW) return std::nullopt;
  return ScanRef{q.i64(0), status_of(q.i64(1)), q.str(2), q.str(3), q.i64(4) != 0};
}

Status CrawlStore::complete_scan() { return finish_scan(results::ScanStatus::Complete); }

Status CrawlStore::finish_scan(results::ScanStatus status) {
  Impl& im = *impl_;
  im.begin();  // the last batch and the status change commit together
  Stmt q;
  if (!im.prepare(q, "UPDATE scans SET status = ?1, finished = ?2 WHERE id = ?3")) {
    return db_error(im.db, "cannot finish the scan");
  }
  q.integer(1, static_cast<int>(status));
  q.text(2, utc_timestamp());
  q.integer(3, current_);
  if (q.step() != SQLITE_DONE) return db_error(im.db, "cannot finish the scan");
  if (status == results::ScanStatus::Complete) {
    // The rows are all inserted (this transaction holds the last batch): record how many.
    Stmt counts;
    if (!im.prepare(counts, "UPDATE scans SET row_counts = ?1 WHERE id = ?2")) {
      return db_error(im.db, "cannot finish the scan");
    }
    counts.text(1, scan_row_counts(im.db, current_));
    counts.integer(2, current_);
    if (counts.step() != SQLITE_DONE) return db_error(im.db, "cannot finish the scan");
  }
  return flush();
}

void CrawlStore::admitted(std::string_view url, int depth) {
  Impl& im = *impl_;
  im.begin();
  im.admit.integer(1, current_);
  im.admit.text(2, url);
  im.admit.integer(3, depth);
  im.admit.step();
  im.admit.reset();
  im.wrote();
}

void CrawlStore::redirect_seen(std::string_view url) {
  Impl& im = *impl_;
  im.begin();
  im.redirect.integer(1, current_);
  im.redirect.text(2, url);
  im.redirect.step();
  im.redirect.reset();
  im.wrote();
}

void CrawlStore::finished(std::string_view url, std::string_view output, bool at_threshold, bool error, bool html,
                          const PageData* data) {
  Impl& im = *impl_;
  im.begin();  // the result, the structured record and the state change commit together
  im.done_result.integer(1, current_);
  im.done_result.text(2, url);
  im.done_result.text(3, output);
  im.done_result.integer(4, at_threshold);
  im.done_result.integer(5, error);
  im.done_result.integer(6, html);
  im.done_result.step();
  im.done_result.reset();
  im.done_frontier.integer(1, current_);
  im.done_frontier.text(2, url);
  im.done_frontier.step();
  im.done_frontier.reset();
  if (data) im.write_page(current_, *data);
  im.wrote();
}

void CrawlStore::cache(std::string_view url, std::string_view etag, std::string_view last_modified,
                       const std::vector<std::string>& links) {
  Impl& im = *impl_;
  std::string joined;
  for (const std::string& l : links) {
    if (l.find('\n') != std::string::npos) continue;
    joined += l;
    joined += '\n';
  }
  im.begin();
  im.put_cache.integer(1, current_);
  im.put_cache.text(2, url);
  im.put_cache.text(3, etag);
  im.put_cache.text(4, last_modified);
  im.put_cache.text(5, joined);
  im.put_cache.step();
  im.put_cache.reset();
  im.wrote();
}

void CrawlStore::document_link(std::string_view document_url, std::string_view from_url, std::string_view from_unit) {
  Impl& im = *impl_;
  im.begin();
  im.put_document_link.integer(1, current_);
  im.put_document_link.text(2, document_url);
  im.put_document_link.text(3, from_url);
  im.put_document_link.text(4, from_unit);
  im.put_document_link.step();
  im.put_document_link.reset();
  im.wrote();
}

std::optional<CrawlStore::Cached> CrawlStore::cached(results::ScanId scan, std::string_view url) {
  Impl& im = *impl_;
  im.get_cache.integer(1, scan);
  im.get_cache.text(2, url);
  std::optional<Cached> out;
  if (im.get_cache.step() == SQLITE_ROW) {
    out.emplace();
    out->etag = im.get_cache.str(0);
    out->last_modified = im.get_cache.str(1);
    const std::string links = im.get_cache.str(2);
    for (std::size_t i = 0; i < links.size();) {
      const std::size_t j = links.find('\n', i);
      const std::size_t end = j == std::string::npos ? links.size() : j;
      if (end > i) out->links.emplace_back(links.substr(i, end - i));
      i = end + 1;
    }
    out->document = im.get_cache.str(3) == "document";
    if (out->document) out->sha256 = im.get_cache.str(4);
  }
  im.get_cache.reset();
  return out;
}

std::optional<CrawlStore::Stored> CrawlStore::result(results::ScanId scan, std::string_view url) {
  Impl& im = *impl_;
  im.get_result.integer(1, scan);
  im.get_result.text(2, url);
  std::optional<Stored> out;
  if (im.get_result.step() == SQLITE_ROW) {
    out.emplace();
    out->output = im.get_result.str(0);
    out->at_threshold = im.get_result.i64(1) != 0;
    out->error = im.get_result.i64(2) != 0;
    out->html = im.get_result.i64(3) != 0;
  }
  im.get_result.reset();
  return out;
}

std::optional<CrawlStore::PageData> CrawlStore::stored_page(results::ScanId scan, std::string_view url) {
  Impl& im = *impl_;
  im.get_page.integer(1, scan);
  im.get_page.text(2, url);
  std::optional<PageData> out;
  if (im.get_page.step() == SQLITE_ROW) {
    out.emplace();
    const long long id = read_page(im.get_page, im.rule_names, out->row);
    read_findings(im.get_findings, id, im.rule_names, out->row);
    im.get_media.integer(1, id);
    while (im.get_media.step() == SQLITE_ROW) {
      results::MediaRow m;
      read_media(im.get_media, 0, m);
      m.page_url = out->row.url;
      m.unit = out->row.unit;
      out->media.push_back(std::move(m));
    }
    im.get_media.reset();
    im.get_document.integer(1, id);
    if (im.get_document.step() == SQLITE_ROW) {
      out->document = true;
      out->document_size = im.get_document.i64(0);
      out->document_state = im.get_document.str(1);
      out->document_format = im.get_document.str(2);
    }
    im.get_document.reset();
    out->facts = im.read_facts(scan, id, out->row.final_url.empty() ? out->row.url : out->row.final_url, &out->reached);
  }
  im.get_page.reset();
  return out;
}

std::optional<CrawlStore::StoredFacts> CrawlStore::stored_facts(results::ScanId scan, std::string_view url) {
  Impl& im = *impl_;
  im.get_page_facts.integer(1, scan);
  im.get_page_facts.text(2, url);
  std::optional<StoredFacts> out;
  if (im.get_page_facts.step() == SQLITE_ROW) {
    const long long id = im.get_page_facts.i64(0);
    std::string title = im.get_page_facts.str(1), final_url = im.get_page_facts.str(2);
    im.get_page_facts.reset();
    if (auto f = im.read_facts(scan, id, final_url.empty() ? url : std::string_view(final_url), nullptr)) {
      out = StoredFacts{std::move(*f), std::move(title), std::move(final_url)};
    }
  }
  im.get_page_facts.reset();
  return out;
}

Status CrawlStore::flush() {
  if (!impl_->commit()) return db_error(impl_->db, "cannot commit");
  return ok_status();
}

Result<CrawlStore::Resume> CrawlStore::load() {
  if (Status st = flush(); !st) return st.error();
  Impl& im = *impl_;
  Stmt q;
  if (!im.prepare(q, "SELECT url, depth, state FROM frontier WHERE scan_id = ?1 ORDER BY rowid")) {
    return db_error(im.db, "cannot read");
  }
  q.integer(1, current_);
  Resume r;
  while (q.step() == SQLITE_ROW) {
    std::string url = q.str(0);
    const int depth = static_cast<int>(q.i64(1));
    const int state = static_cast<int>(q.i64(2));
    if (state != kRedirectSeen) ++r.admitted;
    if (state == kQueued) {
      r.queued.emplace_back(std::move(url), depth);
    } else if (state == kDone || state == kRedirectSeen) {
      r.seen.push_back(std::move(url));
    }
  }
  // Document bodies fetched before the stop count against the scan's cap.
  Stmt docs;
  if (!im.prepare(docs,
                  "SELECT count(*), coalesce(sum(max(d.size, 0)), 0) FROM documents d JOIN pages p ON p.id = d.page_id "
                  "WHERE p.scan_id = ?1 AND d.state IN ('checked', 'unreadable', 'not-fetched') AND p.status <> 304")) {
    return db_error(im.db, "cannot read");
  }
  docs.integer(1, current_);
  if (docs.step() == SQLITE_ROW) {
    r.documents = static_cast<std::size_t>(docs.i64(0));
    r.document_bytes = static_cast<std::size_t>(docs.i64(1));
  }
  return r;
}

Result<CrawlStore::Totals> CrawlStore::for_each_result(const std::function<void(std::string_view)>& fn) {
  if (Status st = flush(); !st) return st.error();
  Impl& im = *impl_;
  Stmt q;
  if (!im.prepare(q, "SELECT output, at_threshold, error, html FROM results WHERE scan_id = ?1 ORDER BY seq")) {
    return db_error(im.db, "cannot read");
  }
  q.integer(1, current_);
  Totals t;
  while (q.step() == SQLITE_ROW) {
    const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(q.s, 0));
    const int n = sqlite3_column_bytes(q.s, 0);
    fn(std::string_view(text ? text : "", static_cast<std::size_t>(n)));
    ++t.pages;
    if (q.i64(1)) t.any_at_threshold = true;
    if (q.i64(2)) ++t.errors;
    if (q.i64(3)) ++t.html;
  }
  return t;
}

Status CrawlStore::for_each_url(const std::function<void(std::string_view)>& fn) {
  if (Status st = flush(); !st) return st.error();
  Impl& im = *impl_;
  Stmt q;
  if (!im.prepare(q, "SELECT url FROM results WHERE scan_id = ?1 ORDER BY seq")) return db_error(im.db, "cannot read");
  q.integer(1, current_);
  while (q.step() == SQLITE_ROW) {
    const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(q.s, 0));
    const int n = sqlite3_column_bytes(q.s, 0);
    fn(std::string_view(text ? text : "", static_cast<std::size_t>(n)));
  }
  return ok_status();
}

}  // namespace granska::store
