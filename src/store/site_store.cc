#include "store/site_store.h"

#include "store/facts_codec.h"
#include "store/site_json.h"
#include "store/sqlite_db.h"

namespace granska::store {

using namespace detail;

namespace {

std::string blob(const Stmt& q, int col) {
  const void* p = sqlite3_column_blob(q.s, col);
  return p ? std::string(static_cast<const char*>(p), static_cast<std::size_t>(sqlite3_column_bytes(q.s, col)))
           : std::string();
}

// One read transaction: a consistent snapshot however a crawl writes meanwhile.
struct ReadTx {
  sqlite3* db;
  explicit ReadTx(sqlite3* d) : db(d) { exec(db, "BEGIN"); }
  ~ReadTx() { exec(db, "COMMIT"); }
};

}  // namespace

struct SiteStore::Impl {
  Connection connection;
  std::string path;
};

SiteStore::SiteStore() : impl_(std::make_unique<Impl>()) {}
SiteStore::~SiteStore() = default;

Result<std::unique_ptr<SiteStore>> SiteStore::open(const std::string& path) {
  std::unique_ptr<SiteStore> s(new SiteStore());
  s->impl_->path = path;
  if (Status st = open_database(path, false, s->impl_->connection, /*create=*/false); !st) return st.error();
  return s;
}

Result<results::ScanInfo> SiteStore::complete_scan(results::ScanId id) {
  sqlite3* db = impl_->connection.db;
  Stmt q;
  const char* sql = id ? "SELECT id, started FROM scans WHERE status = 1 AND structured = 1 AND id = ?1"
                       : "SELECT id, started FROM scans WHERE status = 1 AND structured = 1 ORDER BY id DESC LIMIT 1";
  if (!prepare(db, q, sql)) return db_error(db, "cannot read the scans");
  if (id) q.integer(1, id);
  if (q.step() != SQLITE_ROW) {
    if (id) {
      return Error{"scan " + std::to_string(id) + " is not a complete scan in " + impl_->path,
                   "genomsökning " + std::to_string(id) + " är inte en avslutad genomsökning i " + impl_->path};
    }
    return Error{"the database has no complete scan: " + impl_->path,
                 "databasen har ingen avslutad genomsökning: " + impl_->path};
  }
  results::ScanInfo info;
  info.id = q.i64(0);
  info.started = q.str(1);
  return info;
}

Status SiteStore::for_each_page(results::ScanId scan, const std::function<void(const Page&)>& fn) {
  sqlite3* db = impl_->connection.db;
  ReadTx tx(db);
  Stmt q;
  if (!prepare(db, q,
               "SELECT p.id, p.url, p.final_url, p.unit, p.kind, p.status, p.title, p.content_type, "
               "COALESCE(f.reached, 0), p.content_sha256, p.canonical FROM pages p LEFT JOIN page_facts f ON f.page_id = p.id "
               "WHERE p.scan_id = ?1 ORDER BY p.url")) {
    return db_error(db, "cannot read the pages");
  }
  q.integer(1, scan);
  Page p;
  while (q.step() == SQLITE_ROW) {
    p.id = q.i64(0);
    p.url = q.str(1);
    p.final_url = q.str(2);
    p.unit = q.str(3);
    p.kind = q.str(4);
    p.status = static_cast<long>(q.i64(5));
    p.title = q.str(6);
    p.content_type = q.str(7);
    p.reached = results::reached_from_code(q.i64(8));
    p.content_sha256 = q.str(9);
    p.canonical = q.str(10);
    fn(p);
  }
  return ok_status();
}

Status SiteStore::for_each_block(results::ScanId scan,
                                 const std::function<void(std::int64_t, const results::NavBlock&)>& fn) {
  sqlite3* db = impl_->connection.db;
  ReadTx tx(db);
  Stmt q;
  if (!prepare(db, q, "SELECT id, data FROM nav_blocks WHERE scan_id = ?1")) return db_error(db, "cannot read the blocks");
  q.integer(1, scan);
  while (q.step() == SQLITE_ROW) {
    if (auto b = decode_block(blob(q, 1))) fn(q.i64(0), *b);
  }
  return ok_status();
}

Status SiteStore::for_each_facts(
    results::ScanId scan,
    const std::function<void(std::int64_t, const results::PageFacts&, const std::vector<std::int64_t>&)>& fn) {
  sqlite3* db = impl_->connection.db;
  ReadTx tx(db);
  Stmt q;
  if (!prepare(db, q,
               "SELECT p.id, p.url, p.final_url, f.facts FROM pages p JOIN page_facts f ON f.page_id = p.id "
               "WHERE p.scan_id = ?1 AND f.facts IS NOT NULL ORDER BY p.url")) {
    return db_error(db, "cannot read the page facts");
  }
  q.integer(1, scan);
  results::PageFacts facts;
  std::vector<std::int64_t> ids;
  while (q.step() == SQLITE_ROW) {
    facts = {};
    const std::string final_url = q.str(2);
    if (decode_facts(blob(q, 3), final_url.empty() ? q.str(1) : final_url, facts, ids)) fn(q.i64(0), facts, ids);
  }
  return ok_status();
}

std::size_t SiteStore::pages_with_facts(results::ScanId scan) {
  sqlite3* db = impl_->connection.db;
  Stmt q;
  if (!prepare(db, q,
               "SELECT count(*) FROM pages p JOIN page_facts f ON f.page_id = p.id WHERE p.scan_id = ?1 AND "
               "f.facts IS NOT NULL")) {
    return 0;
  }
  q.integer(1, scan);
  return q.step() == SQLITE_ROW ? static_cast<std::size_t>(q.i64(0)) : 0;
}

Status SiteStore::write(results::ScanId scan, const std::vector<results::SiteSummary>& sites,
                        const std::vector<results::SiteFinding>& findings) {
  sqlite3* db = impl_->connection.db;
  if (!exec(db, "BEGIN IMMEDIATE")) return db_error(db, "cannot write the site results");
  auto fail = [&] {
    Error e = db_error(db, "cannot write the site results");
    exec(db, "ROLLBACK");
    return e;
  };
  Stmt del1, del2, put_site, put_finding;
  if (!prepare(db, del1, "DELETE FROM site_results WHERE scan_id = ?1") ||
      !prepare(db, del2, "DELETE FROM site_findings WHERE scan_id = ?1") ||
      !prepare(db, put_site, "INSERT INTO site_results(scan_id, seq, site, summary) VALUES(?1, ?2, ?3, ?4)") ||
      !prepare(db, put_finding,
               "INSERT INTO site_findings(scan_id, seq, site, check_id, outcome, page_url, unit, message_id, args) "
               "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)")) {
    return fail();
  }
  for (Stmt* d : {&del1, &del2}) {
    d->integer(1, scan);
    if (d->step() != SQLITE_DONE) return fail();
  }
  long long seq = 0;
  for (const results::SiteSummary& s : sites) {
    put_site.integer(1, scan);
    put_site.integer(2, seq++);
    put_site.text(3, s.id);
    put_site.text(4, site_summary_json(s));
    if (put_site.step() != SQLITE_DONE) return fail();
    put_site.reset();
  }
  seq = 0;
  for (const results::SiteFinding& f : findings) {
    put_finding.integer(1, scan);
    put_finding.integer(2, seq++);
    put_finding.text(3, f.site);
    put_finding.text(4, results::to_string(f.check));
    put_finding.integer(5, outcome_code(f.outcome));
    put_finding.text(6, f.page_url);
    put_finding.text(7, f.unit);
    put_finding.text(8, f.message_id);
    put_finding.text(9, encode_args(f.args));
    if (put_finding.step() != SQLITE_DONE) return fail();
    put_finding.reset();
  }
  if (!exec(db, "COMMIT")) return fail();
  return ok_status();
}

}  // namespace granska::store
