#include "store/result_store.h"

#include "store/sqlite_db.h"

namespace granska::store {

namespace {

using detail::Stmt;

// PRAGMA application_id of the web app's result file: "GRSV".
constexpr int kResultsApplicationId = 0x47525356;
constexpr int kResultsSchemaVersion = 1;

constexpr const char* kSchema = R"sql(
CREATE TABLE IF NOT EXISTS results(id TEXT PRIMARY KEY, address TEXT NOT NULL, created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL, payload TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS results_by_address ON results(address, created_at);
CREATE INDEX IF NOT EXISTS results_by_expiry ON results(expires_at);
)sql";

Error store_error(sqlite3* db, const std::string& what) {
  const std::string why = db ? sqlite3_errmsg(db) : "out of memory";
  return Error{"Result store: " + what + ": " + why, "Resultatlagret: " + what + ": " + why};
}

long long pragma_int(sqlite3* db, const char* sql) {
  Stmt q;
  if (!detail::prepare(db, q, sql) || q.step() != SQLITE_ROW) return -1;
  return q.i64(0);
}

StoredResult read_row(const Stmt& q) {
  return StoredResult{q.str(0), q.str(1), q.i64(2), q.i64(3), q.str(4)};
}

}  // namespace

struct ResultStore::Impl {
  detail::Connection conn;  // declared first: destroyed after the statements
  Stmt insert, by_id, previous, previous_of_all, prune;
};

ResultStore::ResultStore(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
ResultStore::~ResultStore() = default;

Result<std::unique_ptr<ResultStore>> ResultStore::open(const std::string& path) {
  auto impl = std::make_unique<Impl>();
  if (sqlite3_open_v2(path.c_str(), &impl->conn.db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) != SQLITE_OK) {
    return store_error(impl->conn.db, "cannot open " + path);
  }
  sqlite3* db = impl->conn.db;
  sqlite3_busy_timeout(db, 5000);
  const long long app = pragma_int(db, "PRAGMA application_id");
  const long long version = pragma_int(db, "PRAGMA user_version");
  if (app < 0 || version < 0) {
    return Error{"Result store: " + path + " is not a SQLite database", "Resultatlagret: " + path + " är ingen SQLite-databas"};
  }
  const long long tables = pragma_int(db, "SELECT count(*) FROM sqlite_master");
  if (tables > 0 && app != kResultsApplicationId) {
    return Error{"Result store: " + path + " is another program's database (is it a scan database?)",
                 "Resultatlagret: " + path + " är ett annat programs databas (är det en granskningsdatabas?)"};
  }
  if (version > kResultsSchemaVersion) {
    return Error{"Result store: " + path + " was written by a newer granska",
                 "Resultatlagret: " + path + " skrevs av en nyare granska"};
  }
  if (path != ":memory:") detail::exec(db, "PRAGMA journal_mode=WAL");
  if (!detail::exec(db, kSchema) ||
      !detail::exec(db, ("PRAGMA application_id=" + std::to_string(kResultsApplicationId)).c_str()) ||
      !detail::exec(db, ("PRAGMA user_version=" + std::to_string(kResultsSchemaVersion)).c_str())) {
    return store_error(db, "cannot create the tables in " + path);
  }
  if (!detail::prepare(db, impl->insert,
                       "INSERT INTO results(id, address, created_at, expires_at, payload) VALUES(?1, ?2, ?3, ?4, ?5)") ||
      !detail::prepare(db, impl->by_id,
                       "SELECT id, address, created_at, expires_at, payload FROM results WHERE id = ?1 AND expires_at > ?2") ||
      !detail::prepare(db, impl->previous,
                       "SELECT id, address, created_at, expires_at, payload FROM results WHERE address = ?1 AND id <> ?2 "
                       "AND expires_at > ?3 AND rowid < (SELECT rowid FROM results WHERE id = ?2) "
                       "ORDER BY rowid DESC LIMIT 1") ||
      !detail::prepare(db, impl->previous_of_all,
                       "SELECT id, address, created_at, expires_at, payload FROM results WHERE address = ?1 "
                       "AND expires_at > ?2 ORDER BY rowid DESC LIMIT 1") ||
      !detail::prepare(db, impl->prune, "DELETE FROM results WHERE expires_at <= ?1")) {
    return store_error(db, "cannot prepare statements");
  }
  return std::unique_ptr<ResultStore>(new ResultStore(std::move(impl)));
}

Status ResultStore::put(const StoredResult& r) {
  std::lock_guard lock(mutex_);
  Stmt& q = impl_->insert;
  q.reset();
  q.text(1, r.id);
  q.text(2, r.address);
  q.integer(3, r.created_at);
  q.integer(4, r.expires_at);
  q.text(5, r.payload);
  const int rc = q.step();
  q.reset();
  if (rc != SQLITE_DONE) return store_error(impl_->conn.db, "cannot store a result");
  return ok_status();
}

std::optional<StoredResult> ResultStore::get(const std::string& id, std::int64_t now) {
  std::lock_guard lock(mutex_);
  Stmt& q = impl_->by_id;
  q.reset();
  q.text(1, id);
  q.integer(2, now);
  std::optional<StoredResult> out;
  if (q.step() == SQLITE_ROW) out = read_row(q);
  q.reset();
  return out;
}

std::optional<StoredResult> ResultStore::previous_for(const std::string& address, const std::string& before_id,
                                                      std::int64_t now) {
  if (address.empty()) return std::nullopt;
  std::lock_guard lock(mutex_);
  Stmt& q = before_id.empty() ? impl_->previous_of_all : impl_->previous;
  q.reset();
  q.text(1, address);
  if (before_id.empty()) {
    q.integer(2, now);
  } else {
    q.text(2, before_id);
    q.integer(3, now);
  }
  std::optional<StoredResult> out;
  if (q.step() == SQLITE_ROW) out = read_row(q);
  q.reset();
  return out;
}

Result<std::size_t> ResultStore::prune(std::int64_t now) {
  std::lock_guard lock(mutex_);
  Stmt& q = impl_->prune;
  q.reset();
  q.integer(1, now);
  const int rc = q.step();
  q.reset();
  if (rc != SQLITE_DONE) return store_error(impl_->conn.db, "cannot remove expired results");
  return static_cast<std::size_t>(sqlite3_changes(impl_->conn.db));
}

}  // namespace granska::store
