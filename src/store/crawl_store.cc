#include "store/crawl_store.h"

#include <sqlite3.h>

#include <chrono>

namespace granska::store {

namespace {

// Frontier states.
// A transaction stays open at most this long, so a kill loses little on a slow site too.
constexpr auto kMaxUncommitted = std::chrono::milliseconds(200);
constexpr int kQueued = 0, kDone = 1, kRedirectSeen = 2;

constexpr const char* kSchema = R"sql(
PRAGMA journal_mode=WAL;
PRAGMA synchronous=NORMAL;
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS frontier(url TEXT PRIMARY KEY, depth INTEGER NOT NULL, state INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS results(seq INTEGER PRIMARY KEY AUTOINCREMENT, url TEXT UNIQUE NOT NULL,
  output TEXT NOT NULL, at_threshold INTEGER NOT NULL, error INTEGER NOT NULL, html INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS page_cache(url TEXT PRIMARY KEY, etag TEXT NOT NULL, last_modified TEXT NOT NULL,
  links TEXT NOT NULL);
)sql";

Error db_error(sqlite3* db, const std::string& what) {
  const std::string why = db ? sqlite3_errmsg(db) : "out of memory";
  return Error{"Crawl database: " + what + ": " + why, "Granskningsdatabasen: " + what + ": " + why};
}

struct Stmt {
  sqlite3_stmt* s = nullptr;
  Stmt() = default;
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;
  ~Stmt() { sqlite3_finalize(s); }
  void text(int i, std::string_view v) { sqlite3_bind_text(s, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT); }
  void integer(int i, long long v) { sqlite3_bind_int64(s, i, v); }
  int step() { return sqlite3_step(s); }
  void reset() {
    sqlite3_reset(s);
    sqlite3_clear_bindings(s);
  }
};

// Closes the connection; declared first in Impl so that it is destroyed last, after the
// statements.
struct Connection {
  sqlite3* db = nullptr;
  ~Connection() { sqlite3_close(db); }
};

}  // namespace

struct CrawlStore::Impl {
  Connection connection;
  sqlite3* db = nullptr;
  Stmt admit, redirect, done_frontier, done_result, set_meta, get_meta, put_cache, get_cache, get_result;
  int pending = 0;
  bool in_tx = false;
  std::chrono::steady_clock::time_point last_commit = std::chrono::steady_clock::now();

  ~Impl() {
    if (in_tx) sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
  }

  bool prepare(Stmt& st, const char* sql) { return sqlite3_prepare_v2(db, sql, -1, &st.s, nullptr) == SQLITE_OK; }

  void wrote() {
    if (!in_tx) {
      sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr);
      in_tx = true;
    }
    if (++pending >= kBatch || std::chrono::steady_clock::now() - last_commit > kMaxUncommitted) commit();
  }
  void begin() {
    if (!in_tx) {
      sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr);
      in_tx = true;
    }
  }
  bool commit() {
    pending = 0;
    last_commit = std::chrono::steady_clock::now();
    if (!in_tx) return true;
    in_tx = false;
    return sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr) == SQLITE_OK;
  }
};

Result<std::unique_ptr<CrawlStore>> CrawlStore::open(const std::string& path) {
  std::unique_ptr<CrawlStore> store(new CrawlStore());
  store->impl_ = std::make_unique<Impl>();
  Impl& im = *store->impl_;
  const int open_rc = sqlite3_open(path.c_str(), &im.connection.db);
  im.db = im.connection.db;
  if (open_rc != SQLITE_OK) return db_error(im.db, "cannot open " + path);
  sqlite3_busy_timeout(im.db, 5000);
  char* msg = nullptr;
  if (sqlite3_exec(im.db, kSchema, nullptr, nullptr, &msg) != SQLITE_OK) {
    sqlite3_free(msg);
    return db_error(im.db, path + " is not a granska crawl database");
  }
  const bool ok =
      im.prepare(im.admit, "INSERT OR IGNORE INTO frontier(url, depth, state) VALUES(?1, ?2, 0)") &&
      im.prepare(im.redirect, "INSERT OR IGNORE INTO frontier(url, depth, state) VALUES(?1, 0, 2)") &&
      im.prepare(im.done_frontier, "UPDATE frontier SET state = 1 WHERE url = ?1") &&
      im.prepare(im.done_result,
                 "INSERT OR REPLACE INTO results(url, output, at_threshold, error, html) VALUES(?1, ?2, ?3, ?4, ?5)") &&
      im.prepare(im.set_meta, "INSERT OR REPLACE INTO meta(key, value) VALUES(?1, ?2)") &&
      im.prepare(im.get_meta, "SELECT value FROM meta WHERE key = ?1") &&
      im.prepare(im.put_cache,
                 "INSERT OR REPLACE INTO page_cache(url, etag, last_modified, links) VALUES(?1, ?2, ?3, ?4)") &&
      im.prepare(im.get_cache,
                 "SELECT c.etag, c.last_modified, c.links FROM page_cache c JOIN results r ON r.url = c.url "
                 "WHERE c.url = ?1 AND r.html = 1 AND r.error = 0") &&
      im.prepare(im.get_result, "SELECT output, at_threshold, error, html FROM results WHERE url = ?1");
  if (!ok) return db_error(im.db, "cannot prepare statements");
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
  if (im.get_meta.step() == SQLITE_ROW) {
    out = reinterpret_cast<const char*>(sqlite3_column_text(im.get_meta.s, 0));
  }
  im.get_meta.reset();
  return out;
}

void CrawlStore::admitted(std::string_view url, int depth) {
  Impl& im = *impl_;
  im.begin();
  im.admit.text(1, url);
  im.admit.integer(2, depth);
  im.admit.step();
  im.admit.reset();
  im.wrote();
}

void CrawlStore::redirect_seen(std::string_view url) {
  Impl& im = *impl_;
  im.begin();
  im.redirect.text(1, url);
  im.redirect.step();
  im.redirect.reset();
  im.wrote();
}

void CrawlStore::finished(std::string_view url, std::string_view output, bool at_threshold, bool error, bool html) {
  Impl& im = *impl_;
  im.begin();  // the result and the state change commit together
  im.done_result.text(1, url);
  im.done_result.text(2, output);
  im.done_result.integer(3, at_threshold);
  im.done_result.integer(4, error);
  im.done_result.integer(5, html);
  im.done_result.step();
  im.done_result.reset();
  im.done_frontier.text(1, url);
  im.done_frontier.step();
  im.done_frontier.reset();
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
  im.put_cache.text(1, url);
  im.put_cache.text(2, etag);
  im.put_cache.text(3, last_modified);
  im.put_cache.text(4, joined);
  im.put_cache.step();
  im.put_cache.reset();
  im.wrote();
}

namespace {
std::string column(sqlite3_stmt* s, int i) {
  const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(s, i));
  return p ? std::string(p, static_cast<std::size_t>(sqlite3_column_bytes(s, i))) : std::string();
}
}  // namespace

std::optional<CrawlStore::Cached> CrawlStore::cached(std::string_view url) {
  Impl& im = *impl_;
  im.get_cache.text(1, url);
  std::optional<Cached> out;
  if (im.get_cache.step() == SQLITE_ROW) {
    out.emplace();
    out->etag = column(im.get_cache.s, 0);
    out->last_modified = column(im.get_cache.s, 1);
    const std::string links = column(im.get_cache.s, 2);
    for (std::size_t i = 0; i < links.size();) {
      const std::size_t j = links.find('\n', i);
      const std::size_t end = j == std::string::npos ? links.size() : j;
      if (end > i) out->links.emplace_back(links.substr(i, end - i));
      i = end + 1;
    }
  }
  im.get_cache.reset();
  return out;
}

std::optional<CrawlStore::Stored> CrawlStore::result(std::string_view url) {
  Impl& im = *impl_;
  im.get_result.text(1, url);
  std::optional<Stored> out;
  if (im.get_result.step() == SQLITE_ROW) {
    out.emplace();
    out->output = column(im.get_result.s, 0);
    out->at_threshold = sqlite3_column_int(im.get_result.s, 1) != 0;
    out->error = sqlite3_column_int(im.get_result.s, 2) != 0;
    out->html = sqlite3_column_int(im.get_result.s, 3) != 0;
  }
  im.get_result.reset();
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
  if (!im.prepare(q, "SELECT url, depth, state FROM frontier ORDER BY rowid")) return db_error(im.db, "cannot read");
  Resume r;
  while (q.step() == SQLITE_ROW) {
    std::string url = reinterpret_cast<const char*>(sqlite3_column_text(q.s, 0));
    const int depth = sqlite3_column_int(q.s, 1);
    const int state = sqlite3_column_int(q.s, 2);
    if (state != kRedirectSeen) ++r.admitted;
    if (state == kQueued) {
      r.queued.emplace_back(std::move(url), depth);
    } else if (state == kDone || state == kRedirectSeen) {
      r.seen.push_back(std::move(url));
    }
  }
  return r;
}

Result<CrawlStore::Totals> CrawlStore::for_each_result(const std::function<void(std::string_view)>& fn) {
  if (Status st = flush(); !st) return st.error();
  Impl& im = *impl_;
  Stmt q;
  if (!im.prepare(q, "SELECT output, at_threshold, error, html FROM results ORDER BY seq")) {
    return db_error(im.db, "cannot read");
  }
  Totals t;
  while (q.step() == SQLITE_ROW) {
    const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(q.s, 0));
    const int n = sqlite3_column_bytes(q.s, 0);
    fn(std::string_view(text ? text : "", static_cast<std::size_t>(n)));
    ++t.pages;
    if (sqlite3_column_int(q.s, 1)) t.any_at_threshold = true;
    if (sqlite3_column_int(q.s, 2)) ++t.errors;
    if (sqlite3_column_int(q.s, 3)) ++t.html;
  }
  return t;
}

Status CrawlStore::for_each_url(const std::function<void(std::string_view)>& fn) {
  if (Status st = flush(); !st) return st.error();
  Impl& im = *impl_;
  Stmt q;
  if (!im.prepare(q, "SELECT url FROM results ORDER BY seq")) return db_error(im.db, "cannot read");
  while (q.step() == SQLITE_ROW) {
    const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(q.s, 0));
    const int n = sqlite3_column_bytes(q.s, 0);
    fn(std::string_view(text ? text : "", static_cast<std::size_t>(n)));
  }
  return ok_status();
}

}  // namespace granska::store
