// Internal to src/store: the SQLite connection, prepared statements and the versioned
// schema shared by the crawl writer (crawl_store.h), the report reader (scan_source.h) and
// pruning. Nothing outside src/store includes this header (SQLite stays in this module).
//
// Schema versions (PRAGMA user_version), applied in order, each in one transaction:
//   1  the crawl database of granska ≤ 0.x before scans: meta, frontier, results,
//      page_cache keyed by URL alone (files written by that release have user_version 0
//      and these tables; they are recognised and migrated, never rejected);
//   2  scans: every table keyed by scan, and the structured results (pages, findings,
//      errors, media, documents, rules). See docs/decisions/0011-scan-store.md.
//   3  pages.canonical (<link rel=canonical>, for counting one page under several URLs
//      once) and scans.report_written (when the scan's report folder was written; scans
//      completed before this version are marked "?": reported, as far as anyone knows).
//   4  scans.row_counts: the rows a complete scan wrote, checked before it is reported.
//   5  documents checked in the crawl: documents.state and .format, findings.doc_page and
//      .doc_object (a document finding's page and PDF object), and document_links (which
//      pages, of which units, link to each document). Documents stored before it are
//      "listed" (never checked).
//   6  the site-level checks: page_facts (how the crawl reached each page and what the
//      site step needs from it, facts_codec.h), nav_blocks (each distinct navigation block
//      of a scan once), site_results and site_findings (what the site step decided).
//   7  pages.rendered: the page was checked as headless Chromium rendered it (pages stored
//      before it were checked as served: 0).
// A file whose user_version is higher than kSchemaVersion comes from a newer granska and
// is refused; a file that is not SQLite, or SQLite without granska's tables, is refused.
#pragma once

#include <sqlite3.h>

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "results/scan_data.h"
#include "util/result.h"

namespace granska::store::detail {

inline constexpr int kSchemaVersion = 7;
// PRAGMA application_id of granska databases (from version 2): "GRSK".
inline constexpr int kApplicationId = 0x4752534b;

// Scan states as stored (results::ScanStatus order).
inline constexpr int kRunning = 0, kComplete = 1, kFailed = 2;

Error db_error(sqlite3* db, const std::string& what);

// A prepared statement; finalised on destruction.
struct Stmt {
  sqlite3_stmt* s = nullptr;
  Stmt() = default;
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;
  ~Stmt() { sqlite3_finalize(s); }
  void text(int i, std::string_view v) {
    sqlite3_bind_text(s, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
  }
  void integer(int i, long long v) { sqlite3_bind_int64(s, i, v); }
  void null(int i) { sqlite3_bind_null(s, i); }
  int step() { return sqlite3_step(s); }
  void reset() {
    sqlite3_reset(s);
    sqlite3_clear_bindings(s);
  }
  std::string str(int col) const;
  long long i64(int col) const { return sqlite3_column_int64(s, col); }
  bool is_null(int col) const { return sqlite3_column_type(s, col) == SQLITE_NULL; }
};

// Owns the connection. Declare it before the statements in a struct, so that it is
// destroyed after them.
struct Connection {
  sqlite3* db = nullptr;
  Connection() = default;
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;
  ~Connection() { sqlite3_close(db); }
};

bool prepare(sqlite3* db, Stmt& st, const char* sql);
bool exec(sqlite3* db, const char* sql);

// Opens `path` and brings its schema to kSchemaVersion (creating it in a new file).
// read_only: never writes; a file at an older version is first migrated through a short
// read-write connection (a new file is not created). Errors are bilingual: cannot open,
// not a granska database, made by a newer granska. create = false: a missing file is an
// error ("no database at …") rather than a new empty database (prune, readers).
Status open_database(const std::string& path, bool read_only, Connection& out, bool create = true);

// ---- Rows as stored (shared by the writer and the readers)

// engine::Outcome as stored: 0 passed, 1 failed, 2 cantTell, 3 inapplicable (stable
// numbers, independent of the enum's order).
int outcome_code(engine::Outcome o);
std::optional<engine::Outcome> outcome_from_code(long long code);

// Rule ids are interned (table rules) so per-page rule outcomes stay a short text:
// "<rule number><p|f|c|i>" joined by ",", e.g. "3f,7p,12c".
using RuleNames = std::unordered_map<long long, std::string>;
RuleNames load_rule_names(sqlite3* db);
std::string encode_rule_outcomes(const std::vector<results::RuleOutcome>& outcomes,
                                 const std::function<long long(const std::string&)>& rule_ref);
std::vector<results::RuleOutcome> decode_rule_outcomes(std::string_view text, const RuleNames& names);

// Message arguments as stored: a JSON array ("" when there are none).
std::string encode_args(const std::vector<std::string>& args);
std::vector<std::string> decode_args(const std::string& text);

// "SELECT <kPageColumns> FROM pages p LEFT JOIN errors e ON e.page_id = p.id ...": the
// columns read_page() expects, page id first.
inline constexpr const char* kPageColumns =
    "p.id, p.url, p.final_url, p.unit, p.kind, p.status, p.title, p.content_type, p.content_sha256, "
    "p.fetched_at, p.unchanged, p.rule_outcomes, e.message_sv, e.message_en, p.canonical, p.rendered";
long long read_page(const Stmt& q, const RuleNames& names, results::PageRow& row);
// `findings` is prepared from kFindingsSelect; appends the page's findings in order.
inline constexpr const char* kFindingsSelect =
    "SELECT rule, outcome, message_id, args, selector, line, col, snippet, doc_page, doc_object FROM findings "
    "WHERE page_id = ?1 ORDER BY seq";
void read_findings(Stmt& findings, long long page_id, const RuleNames& names, std::vector<results::FindingRow>& out);
inline void read_findings(Stmt& findings, long long page_id, const RuleNames& names, results::PageRow& row) {
  read_findings(findings, page_id, names, row.findings);
}
// Media rows: "SELECT kind, source, name, player, captions, description, transcript,
// autoplay" first in the statement's columns, from column `first`.
inline constexpr const char* kMediaColumns =
    "m.kind, m.source, m.name, m.player, m.captions, m.description, m.transcript, m.autoplay";
void read_media(const Stmt& q, int first, results::MediaRow& row);


// "pages=N findings=N errors=N media=N": the rows scan `scan_id` holds, kept in
// scans.row_counts when it completes and compared before anything is reported from it.
std::string scan_row_counts(sqlite3* db, long long scan_id);

// Refuses a damaged database before a report is written from it: PRAGMA quick_check
// (structure) and every complete scan's row counts against what it wrote. The error
// names the damage. Reads the whole file: seconds for a large database.
Status check_integrity(sqlite3* db, const std::string& path);

}  // namespace granska::store::detail
