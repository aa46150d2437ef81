#include "store/sqlite_db.h"

#include <unistd.h>

#include <filesystem>
#include <iterator>
#include <nlohmann/json.hpp>

#include "engine/rule.h"

namespace granska::store::detail {

namespace {

// Version 1: the crawl database as the first crawling release wrote it (which never set
// user_version). IF NOT EXISTS: such a file already has these tables (page_cache came
// later in that release, so an early file may lack it).
constexpr const char* kStep1 = R"sql(
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS frontier(url TEXT PRIMARY KEY, depth INTEGER NOT NULL, state INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS results(seq INTEGER PRIMARY KEY AUTOINCREMENT, url TEXT UNIQUE NOT NULL,
  output TEXT NOT NULL, at_threshold INTEGER NOT NULL, error INTEGER NOT NULL, html INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS page_cache(url TEXT PRIMARY KEY, etag TEXT NOT NULL, last_modified TEXT NOT NULL,
  links TEXT NOT NULL);
)sql";

// Version 2: scans. The one crawl a version-1 file holds becomes scan 1 (complete when
// its meta said so), with structured = 0: it has rendered output only, so reports skip
// it, while --resume, --since-db and printing keep working. Frontier, results and the
// validator cache get a scan id in their keys; the structured tables are new.
constexpr const char* kStep2 = R"sql(
CREATE TABLE scans(id INTEGER PRIMARY KEY AUTOINCREMENT, status INTEGER NOT NULL, started TEXT NOT NULL,
  finished TEXT NOT NULL DEFAULT '', granska_version TEXT NOT NULL, ruleset_hash TEXT NOT NULL,
  config_name TEXT NOT NULL, options TEXT NOT NULL DEFAULT '', structured INTEGER NOT NULL DEFAULT 1);
INSERT INTO scans(id, status, started, finished, granska_version, ruleset_hash, config_name, options, structured)
  SELECT 1, CASE WHEN (SELECT value FROM meta WHERE key = 'completed') = '1' THEN 1 ELSE 0 END, '', '', '', '', '',
         COALESCE((SELECT value FROM meta WHERE key = 'options'), ''), 0
  WHERE EXISTS(SELECT 1 FROM meta WHERE key = 'options') OR EXISTS(SELECT 1 FROM frontier)
     OR EXISTS(SELECT 1 FROM results);
DELETE FROM meta WHERE key IN ('options', 'completed');

CREATE TABLE frontier_v2(scan_id INTEGER NOT NULL, url TEXT NOT NULL, depth INTEGER NOT NULL,
  state INTEGER NOT NULL, UNIQUE(scan_id, url));
INSERT INTO frontier_v2(scan_id, url, depth, state) SELECT 1, url, depth, state FROM frontier ORDER BY rowid;
DROP TABLE frontier;
ALTER TABLE frontier_v2 RENAME TO frontier;

CREATE TABLE results_v2(seq INTEGER PRIMARY KEY AUTOINCREMENT, scan_id INTEGER NOT NULL, url TEXT NOT NULL,
  output TEXT NOT NULL, at_threshold INTEGER NOT NULL, error INTEGER NOT NULL, html INTEGER NOT NULL,
  UNIQUE(scan_id, url));
INSERT INTO results_v2(seq, scan_id, url, output, at_threshold, error, html)
  SELECT seq, 1, url, output, at_threshold, error, html FROM results ORDER BY seq;
DROP TABLE results;
ALTER TABLE results_v2 RENAME TO results;

CREATE TABLE page_cache_v2(scan_id INTEGER NOT NULL, url TEXT NOT NULL, etag TEXT NOT NULL,
  last_modified TEXT NOT NULL, links TEXT NOT NULL, PRIMARY KEY(scan_id, url)) WITHOUT ROWID;
INSERT INTO page_cache_v2(scan_id, url, etag, last_modified, links)
  SELECT 1, url, etag, last_modified, links FROM page_cache;
DROP TABLE page_cache;
ALTER TABLE page_cache_v2 RENAME TO page_cache;

CREATE TABLE rules(id INTEGER PRIMARY KEY, name TEXT UNIQUE NOT NULL);
CREATE TABLE pages(id INTEGER PRIMARY KEY, scan_id INTEGER NOT NULL, url TEXT NOT NULL, final_url TEXT NOT NULL,
  unit TEXT NOT NULL, kind TEXT NOT NULL, status INTEGER NOT NULL, title TEXT NOT NULL,
  content_type TEXT NOT NULL, content_sha256 TEXT NOT NULL, fetched_at TEXT NOT NULL,
  unchanged INTEGER NOT NULL, rule_outcomes TEXT NOT NULL, UNIQUE(scan_id, url));
CREATE TABLE findings(page_id INTEGER NOT NULL, seq INTEGER NOT NULL, rule INTEGER NOT NULL,
  outcome INTEGER NOT NULL, message_id TEXT NOT NULL, args TEXT NOT NULL, selector TEXT NOT NULL,
  line INTEGER NOT NULL, col INTEGER NOT NULL, snippet TEXT NOT NULL, PRIMARY KEY(page_id, seq)) WITHOUT ROWID;
CREATE TABLE errors(page_id INTEGER PRIMARY KEY, message_sv TEXT NOT NULL, message_en TEXT NOT NULL);
CREATE TABLE media(page_id INTEGER NOT NULL, seq INTEGER NOT NULL, kind TEXT NOT NULL, source TEXT NOT NULL,
  name TEXT NOT NULL, player TEXT NOT NULL, captions INTEGER, description INTEGER, transcript INTEGER,
  autoplay INTEGER, PRIMARY KEY(page_id, seq)) WITHOUT ROWID;
CREATE TABLE documents(page_id INTEGER PRIMARY KEY, size INTEGER NOT NULL);
)sql";

// Version 3: the canonical URL a page declares, and whether a scan's report was written.
// A scan completed before this version was reported by the release that ran it (its scan
// command wrote the report right after the crawl), unless that run was killed in between:
// nobody can tell now, so such scans are marked "?" rather than reported again in bulk.
constexpr const char* kStep3 = R"sql(
ALTER TABLE pages ADD COLUMN canonical TEXT NOT NULL DEFAULT '';
ALTER TABLE scans ADD COLUMN report_written TEXT NOT NULL DEFAULT '';
UPDATE scans SET report_written = '?' WHERE status = 1;
)sql";

// Version 4: each complete scan keeps the number of rows it wrote (scan_row_counts), so
// that rows lost to a damaged file are noticed before a report is written from it.
constexpr const char* kStep4 = R"sql(
ALTER TABLE scans ADD COLUMN row_counts TEXT NOT NULL DEFAULT '';
)sql";

// Version 5: documents are checked in the crawl. A document's findings go in `findings`
// like a page's, with the page and PDF object they are on; what became of the check in
// `documents`; and which pages link to each document in `document_links` (a document
// counts for the unit of every page that links to it). Small, additive: no table is rebuilt.
constexpr const char* kStep5 = R"sql(
ALTER TABLE findings ADD COLUMN doc_page INTEGER NOT NULL DEFAULT 0;
ALTER TABLE findings ADD COLUMN doc_object INTEGER NOT NULL DEFAULT 0;
ALTER TABLE documents ADD COLUMN state TEXT NOT NULL DEFAULT 'listed';
ALTER TABLE documents ADD COLUMN format TEXT NOT NULL DEFAULT '';
CREATE TABLE document_links(scan_id INTEGER NOT NULL, document_url TEXT NOT NULL, from_url TEXT NOT NULL,
  from_unit TEXT NOT NULL, PRIMARY KEY(scan_id, document_url, from_url)) WITHOUT ROWID;
)sql";

// Version 6: the site-level checks (issue 21). Facts per page record (how the crawl reached
// it, and for a checked page what the site step reads: facts_codec.h), the navigation
// blocks they refer to, interned per scan, and the site step's results. Scans written
// before this version have no facts: the site step says so rather than guess. New tables
// only, so the step stands alone.
constexpr const char* kStep6 = R"sql(
CREATE TABLE page_facts(page_id INTEGER PRIMARY KEY, reached INTEGER NOT NULL, facts BLOB);
CREATE TABLE nav_blocks(scan_id INTEGER NOT NULL, id INTEGER NOT NULL, data BLOB NOT NULL,
  PRIMARY KEY(scan_id, id)) WITHOUT ROWID;
CREATE TABLE site_results(scan_id INTEGER NOT NULL, seq INTEGER NOT NULL, site TEXT NOT NULL, summary TEXT NOT NULL,
  PRIMARY KEY(scan_id, seq)) WITHOUT ROWID;
CREATE TABLE site_findings(scan_id INTEGER NOT NULL, seq INTEGER NOT NULL, site TEXT NOT NULL, check_id TEXT NOT NULL,
  outcome INTEGER NOT NULL, page_url TEXT NOT NULL, unit TEXT NOT NULL, message_id TEXT NOT NULL, args TEXT NOT NULL,
  PRIMARY KEY(scan_id, seq)) WITHOUT ROWID;
)sql";

// Version 7: whether a page was checked as headless Chromium rendered it (render = "auto"
// or "always"), so a scan report can say how many were. Every page stored before was
// checked as served.
constexpr const char* kStep7 = R"sql(
ALTER TABLE pages ADD COLUMN rendered INTEGER NOT NULL DEFAULT 0;
)sql";

// Each step brings the file to its version; versions without a step here are skipped.
struct Step {
  int version;
  const char* sql;
};
constexpr Step kSteps[] = {{1, kStep1}, {2, kStep2}, {3, kStep3}, {4, kStep4}, {5, kStep5}, {6, kStep6}, {7, kStep7}};
static_assert(kSteps[std::size(kSteps) - 1].version == kSchemaVersion);

// The first step after version v.
const Step& next_step(int v) {
  for (const Step& s : kSteps) {
    if (s.version > v) return s;
  }
  return kSteps[std::size(kSteps) - 1];  // not reached: v < kSchemaVersion
}

Error not_granska(const std::string& path) {
  return Error{"Scan database: " + path + " is not a granska database",
               "Granskningsdatabasen: " + path + " är inte en granska-databas"};
}

Error damaged(const std::string& path, const std::string& what) {
  return Error{"Scan database: " + path + " is damaged (" + what +
                   "); no report is written from it: restore it from a backup",
               "Granskningsdatabasen: " + path + " är skadad (" + what +
                   "); ingen rapport skrivs från den: återställ den från en säkerhetskopia"};
}

Error newer(const std::string& path, int version) {
  const std::string v = std::to_string(version), mine = std::to_string(kSchemaVersion);
  return Error{"Scan database: " + path + " was written by a newer granska (schema version " + v +
                   ", this program knows up to " + mine + "); upgrade granska to read it",
               "Granskningsdatabasen: " + path + " skrevs av en nyare granska (schemaversion " + v +
                   ", det här programmet känner till högst " + mine + "); uppgradera granska för att läsa den"};
}

// -1: not readable as SQLite.
int pragma_int(sqlite3* db, const char* sql) {
  Stmt q;
  if (!prepare(db, q, sql) || q.step() != SQLITE_ROW) return -1;
  return static_cast<int>(q.i64(0));
}

bool has_table(sqlite3* db, const char* name) {
  Stmt q;
  if (!prepare(db, q, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?1")) return false;
  q.text(1, name);
  return q.step() == SQLITE_ROW;
}

int table_count(sqlite3* db) {
  return pragma_int(db, "SELECT count(*) FROM sqlite_master WHERE type = 'table'");
}

// A file at version 0 or 1 is ours when it is empty or holds the crawl tables.
bool looks_like_v1(sqlite3* db) {
  return table_count(db) == 0 ||
         (has_table(db, "meta") && has_table(db, "frontier") && has_table(db, "results"));
}

Status migrate(sqlite3* db, const std::string& path) {
  for (;;) {
    // IMMEDIATE: two programs opening an old file at once migrate it once.
    if (!exec(db, "BEGIN IMMEDIATE")) return db_error(db, "cannot upgrade " + path);
    const int v = pragma_int(db, "PRAGMA user_version");
    if (v >= kSchemaVersion) {
      exec(db, "COMMIT");
      return ok_status();
    }
    if (v < 0 || (v <= 1 && !looks_like_v1(db))) {
      exec(db, "ROLLBACK");
      return not_granska(path);
    }
    const Step& step = next_step(v);
    std::string sql = step.sql;
    sql += "PRAGMA user_version = " + std::to_string(step.version) + ";";
    if (step.version == 2) sql += "PRAGMA application_id = " + std::to_string(kApplicationId) + ";";
    if (!exec(db, sql.c_str())) {
      Error e = db_error(db, "cannot upgrade " + path + " to schema version " + std::to_string(step.version));
      exec(db, "ROLLBACK");
      return e;
    }
    if (!exec(db, "COMMIT")) return db_error(db, "cannot upgrade " + path);
  }
}

}  // namespace

Error db_error(sqlite3* db, const std::string& what) {
  const std::string why = db ? sqlite3_errmsg(db) : "out of memory";
  return Error{"Scan database: " + what + ": " + why, "Granskningsdatabasen: " + what + ": " + why};
}

std::string Stmt::str(int col) const {
  const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(s, col));
  return p ? std::string(p, static_cast<std::size_t>(sqlite3_column_bytes(s, col))) : std::string();
}

bool prepare(sqlite3* db, Stmt& st, const char* sql) {
  return sqlite3_prepare_v2(db, sql, -1, &st.s, nullptr) == SQLITE_OK;
}

bool exec(sqlite3* db, const char* sql) {
  return sqlite3_exec(db, sql, nullptr, nullptr, nullptr) == SQLITE_OK;
}

Status open_database(const std::string& path, bool read_only, Connection& out, bool create) {
  if (read_only || !create) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec)) {
      return Error{"Scan database: no database at " + path, "Granskningsdatabasen: ingen databas finns i " + path};
    }
  }
  const int flags = read_only ? SQLITE_OPEN_READONLY : create ? SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE : SQLITE_OPEN_READWRITE;
  if (sqlite3_open_v2(path.c_str(), &out.db, flags, nullptr) != SQLITE_OK) {
    return db_error(out.db, "cannot open " + path);
  }
  sqlite3_busy_timeout(out.db, 5000);
  const int version = pragma_int(out.db, "PRAGMA user_version");
  if (version < 0) {
    // Only a file SQLite cannot read as a database is "not a granska database"; a folder
    // it may not write its -wal/-shm files into (a read-only directory) is said as such.
    const int code = sqlite3_extended_errcode(out.db) & 0xFF;
    if (code == SQLITE_NOTADB) return not_granska(path);
    if (code == SQLITE_CORRUPT) return damaged(path, "SQLite: " + std::string(sqlite3_errmsg(out.db)));
    const std::filesystem::path dir = std::filesystem::absolute(path).parent_path();
    if (::access(dir.c_str(), W_OK) != 0) {
      const std::string d = dir.string();
      return Error{"Scan database: cannot read " + path + ": the folder " + d +
                       " is not writable, and SQLite needs to create the database's -wal and -shm files there",
                   "Granskningsdatabasen: kan inte läsa " + path + ": mappen " + d +
                       " är skrivskyddad, och SQLite behöver skapa databasens -wal- och -shm-filer där"};
    }
    return db_error(out.db, "cannot read " + path);
  }
  if (version > kSchemaVersion) return newer(path, version);
  if (version >= 2) {  // version 2 set the application id
    if (pragma_int(out.db, "PRAGMA application_id") != kApplicationId) return not_granska(path);
  } else if (!looks_like_v1(out.db)) {
    return not_granska(path);
  }
  if (read_only) {
    if (version == kSchemaVersion) return ok_status();
    // An older file: upgrade it once through a writing connection, then read.
    sqlite3_close(out.db);
    out.db = nullptr;
    {
      Connection writer;
      if (sqlite3_open_v2(path.c_str(), &writer.db, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
        return db_error(writer.db, "cannot open " + path + " to upgrade it");
      }
      sqlite3_busy_timeout(writer.db, 5000);
      exec(writer.db, "PRAGMA journal_mode=WAL");
      if (Status st = migrate(writer.db, path); !st) return st;
    }
    return open_database(path, true, out);
  }
  // WAL: readers (reports) read the last committed state while a crawl writes.
  if (!exec(out.db, "PRAGMA journal_mode=WAL") || !exec(out.db, "PRAGMA synchronous=NORMAL")) {
    return db_error(out.db, "cannot open " + path);
  }
  if (version < kSchemaVersion) return migrate(out.db, path);
  return ok_status();
}

int outcome_code(engine::Outcome o) {
  switch (o) {
    case engine::Outcome::Passed: return 0;
    case engine::Outcome::Failed: return 1;
    case engine::Outcome::CantTell: return 2;
    case engine::Outcome::Inapplicable: return 3;
  }
  return 3;
}

std::optional<engine::Outcome> outcome_from_code(long long code) {
  switch (code) {
    case 0: return engine::Outcome::Passed;
    case 1: return engine::Outcome::Failed;
    case 2: return engine::Outcome::CantTell;
    case 3: return engine::Outcome::Inapplicable;
    default: return std::nullopt;
  }
}

namespace {
constexpr char kOutcomeLetters[] = {'p', 'f', 'c', 'i'};
}

RuleNames load_rule_names(sqlite3* db) {
  RuleNames names;
  Stmt q;
  if (!prepare(db, q, "SELECT id, name FROM rules")) return names;
  while (q.step() == SQLITE_ROW) names.emplace(q.i64(0), q.str(1));
  return names;
}

std::string encode_rule_outcomes(const std::vector<results::RuleOutcome>& outcomes,
                                 const std::function<long long(const std::string&)>& rule_ref) {
  std::string out;
  out.reserve(outcomes.size() * 4);
  for (const results::RuleOutcome& r : outcomes) {
    if (!out.empty()) out += ',';
    out += std::to_string(rule_ref(r.rule));
    out += kOutcomeLetters[outcome_code(r.outcome)];
  }
  return out;
}

std::vector<results::RuleOutcome> decode_rule_outcomes(std::string_view text, const RuleNames& names) {
  std::vector<results::RuleOutcome> out;
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t j = text.find(',', i);
    if (j == std::string_view::npos) j = text.size();
    const std::string_view item = text.substr(i, j - i);
    i = j + 1;
    if (item.size() < 2) continue;
    const char letter = item.back();
    long long ref = 0;
    bool digits = true;
    for (char ch : item.substr(0, item.size() - 1)) {
      if (ch < '0' || ch > '9') digits = false;
      ref = ref * 10 + (ch - '0');
    }
    auto name = names.find(ref);
    if (!digits || name == names.end()) continue;
    for (int k = 0; k < 4; ++k) {
      if (kOutcomeLetters[k] == letter) out.push_back(results::RuleOutcome{name->second, *outcome_from_code(k)});
    }
  }
  return out;
}

std::string encode_args(const std::vector<std::string>& args) {
  if (args.empty()) return {};
  return nlohmann::json(args).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::vector<std::string> decode_args(const std::string& text) {
  if (text.empty()) return {};
  try {
    return nlohmann::json::parse(text).get<std::vector<std::string>>();
  } catch (const std::exception&) {
    return {};
  }
}

long long read_page(const Stmt& q, const RuleNames& names, results::PageRow& row) {
  row.url = q.str(1);
  row.final_url = q.str(2);
  row.unit = q.str(3);
  row.kind = q.str(4);
  row.status = static_cast<long>(q.i64(5));
  row.title = q.str(6);
  row.content_type = q.str(7);
  row.content_sha256 = q.str(8);
  row.fetched_at = q.str(9);
  row.unchanged = q.i64(10) != 0;
  row.rule_outcomes = decode_rule_outcomes(q.str(11), names);
  row.error = q.str(12);
  row.error_en = q.str(13);
  row.canonical = q.str(14);
  row.rendered = q.i64(15) != 0;
  row.findings.clear();
  return q.i64(0);
}

void read_findings(Stmt& f, long long page_id, const RuleNames& names, std::vector<results::FindingRow>& out) {
  f.integer(1, page_id);
  while (f.step() == SQLITE_ROW) {
    results::FindingRow x;
    auto name = names.find(f.i64(0));
    if (name != names.end()) x.rule = name->second;
    x.outcome = outcome_from_code(f.i64(1)).value_or(engine::Outcome::CantTell);
    x.message_id = f.str(2);
    x.args = decode_args(f.str(3));
    x.selector = f.str(4);
    x.line = static_cast<std::uint32_t>(f.i64(5));
    x.column = static_cast<std::uint32_t>(f.i64(6));
    x.snippet = f.str(7);
    x.page = static_cast<std::uint32_t>(f.i64(8));
    x.object = static_cast<std::uint32_t>(f.i64(9));
    out.push_back(std::move(x));
  }
  f.reset();
}

void read_media(const Stmt& q, int first, results::MediaRow& row) {
  row.kind = q.str(first);
  row.source = q.str(first + 1);
  row.name = q.str(first + 2);
  row.player = q.str(first + 3);
  auto outcome = [&](int col) -> std::optional<engine::Outcome> {
    if (q.is_null(col)) return std::nullopt;
    return outcome_from_code(q.i64(col));
  };
  row.captions = outcome(first + 4);
  row.description = outcome(first + 5);
  row.transcript = outcome(first + 6);
  row.autoplay = outcome(first + 7);
}


std::string scan_row_counts(sqlite3* db, long long scan_id) {
  auto count = [&](const char* sql) -> long long {
    Stmt q;
    if (!prepare(db, q, sql)) return -1;
    q.integer(1, scan_id);
    return q.step() == SQLITE_ROW ? q.i64(0) : -1;
  };
  const long long pages = count("SELECT COUNT(*) FROM pages WHERE scan_id = ?1");
  const long long findings =
      count("SELECT COUNT(*) FROM findings WHERE page_id IN (SELECT id FROM pages WHERE scan_id = ?1)");
  const long long errors = count("SELECT COUNT(*) FROM errors WHERE page_id IN (SELECT id FROM pages WHERE scan_id = ?1)");
  const long long media = count("SELECT COUNT(*) FROM media WHERE page_id IN (SELECT id FROM pages WHERE scan_id = ?1)");
  return "pages=" + std::to_string(pages) + " findings=" + std::to_string(findings) + " errors=" +
         std::to_string(errors) + " media=" + std::to_string(media);
}

Status check_integrity(sqlite3* db, const std::string& path) {
  {
    Stmt q;
    if (!prepare(db, q, "PRAGMA quick_check(5)")) return damaged(path, "SQLite: " + std::string(sqlite3_errmsg(db)));
    std::string problems;
    int rc = 0;
    while ((rc = q.step()) == SQLITE_ROW) {
      const unsigned char* t = sqlite3_column_text(q.s, 0);
      std::string line = t ? reinterpret_cast<const char*>(t) : "";
      if (line == "ok") continue;
      if (!problems.empty()) problems += "; ";
      problems += line;
    }
    if (rc != SQLITE_DONE && problems.empty()) problems = sqlite3_errmsg(db);
    if (!problems.empty()) return damaged(path, "quick_check: " + problems.substr(0, 300));
  }
  Stmt scans;
  if (!prepare(db, scans, "SELECT id, row_counts FROM scans WHERE status = 1 AND row_counts <> ''")) {
    return damaged(path, "SQLite: " + std::string(sqlite3_errmsg(db)));
  }
  int rc = 0;
  while ((rc = scans.step()) == SQLITE_ROW) {
    const long long id = scans.i64(0);
    const unsigned char* t = sqlite3_column_text(scans.s, 1);
    const std::string stored = t ? reinterpret_cast<const char*>(t) : "";
    const std::string now = scan_row_counts(db, id);
    if (now != stored) {
      return damaged(path, "scan " + std::to_string(id) + " wrote " + stored + " but holds " + now);
    }
  }
  if (rc != SQLITE_DONE) return damaged(path, "SQLite: " + std::string(sqlite3_errmsg(db)));
  return ok_status();
}

}  // namespace granska::store::detail
