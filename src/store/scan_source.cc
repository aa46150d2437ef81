#include "store/scan_source.h"

#include <nlohmann/json.hpp>

#include "store/site_json.h"
#include "store/sqlite_db.h"

namespace granska::store {

using namespace detail;

namespace {

results::ScanStatus status_of(long long v) {
  return v == kComplete ? results::ScanStatus::Complete
                        : v == kFailed ? results::ScanStatus::Failed : results::ScanStatus::Running;
}

// One read transaction: every statement in it sees the same committed state, however
// the writer goes on meanwhile.
class ReadTx {
 public:
  explicit ReadTx(sqlite3* db) : db_(db) { exec(db_, "BEGIN"); }
  ~ReadTx() { exec(db_, "COMMIT"); }
  ReadTx(const ReadTx&) = delete;
  ReadTx& operator=(const ReadTx&) = delete;

 private:
  sqlite3* db_;
};

// The page and depth limits and whether any page was to be rendered, from the crawl's
// stored settings (scan::CrawlSettings as JSON); left unknown when they are absent or
// unreadable.
void read_settings(const std::string& options, results::ScanInfo& s) {
  if (options.empty()) return;
  try {
    const nlohmann::json j = nlohmann::json::parse(options);
    if (j.contains("max_pages") && j["max_pages"].is_number_unsigned()) s.max_pages = j["max_pages"].get<std::size_t>();
    if (j.contains("max_depth") && j["max_depth"].is_number_integer()) s.max_depth = j["max_depth"].get<int>();
    auto renders = [](const nlohmann::json& mode) { return mode.is_string() && mode.get<std::string>() != "never"; };
    if (j.contains("render")) s.rendering = renders(j["render"]);
    if (j.contains("render_hosts") && j["render_hosts"].is_array()) {
      for (const nlohmann::json& h : j["render_hosts"]) {
        if (h.is_array() && h.size() == 2 && renders(h[1])) s.rendering = true;
      }
    }
  } catch (const std::exception&) {
    // Settings of another shape: the limits stay unknown, rendering false.
  }
}

class ScanStore final : public results::ScanSource {
 public:
  Connection connection;

  std::vector<results::ScanInfo> complete_scans() override {
    std::vector<results::ScanInfo> out;
    ReadTx tx(connection.db);
    Stmt q;
    if (!prepare(connection.db, q,
                 "SELECT s.id, s.started, s.finished, s.status, s.granska_version, s.ruleset_hash, s.config_name, "
                 "(SELECT count(*) FROM pages p WHERE p.scan_id = s.id), s.report_written, s.options FROM scans s "
                 "WHERE s.status = 1 AND s.structured = 1 ORDER BY s.id")) {
      return out;
    }
    Stmt deep;
    const bool can_count_deep = prepare(connection.db, deep,
                                        "SELECT count(*) FROM frontier f JOIN pages p ON p.scan_id = f.scan_id AND "
                                        "p.url = f.url WHERE f.scan_id = ?1 AND f.state = 1 AND f.depth >= ?2 AND "
                                        "p.kind = 'html'");
    while (q.step() == SQLITE_ROW) {
      results::ScanInfo s;
      s.id = q.i64(0);
      s.started = q.str(1);
      s.finished = q.str(2);
      s.status = status_of(q.i64(3));
      s.granska_version = q.str(4);
      s.ruleset_hash = q.str(5);
      s.config_name = q.str(6);
      s.pages = static_cast<std::size_t>(q.i64(7));
      s.report_written = q.str(8);
      read_settings(q.str(9), s);
      if (can_count_deep && s.max_depth >= 0) {
        deep.integer(1, s.id);
        deep.integer(2, s.max_depth);
        if (deep.step() == SQLITE_ROW) s.pages_at_max_depth = static_cast<std::size_t>(deep.i64(0));
        deep.reset();
      }
      out.push_back(std::move(s));
    }
    return out;
  }

  void for_each_page(results::ScanId scan, const std::function<void(const results::PageRow&)>& fn) override {
    sqlite3* db = connection.db;
    ReadTx tx(db);
    const RuleNames names = load_rule_names(db);
    Stmt pages, findings;
    const std::string sql = std::string("SELECT ") + kPageColumns +
                            " FROM pages p LEFT JOIN errors e ON e.page_id = p.id WHERE p.scan_id = ?1 ORDER BY p.url";
    if (!prepare(db, pages, sql.c_str()) || !prepare(db, findings, kFindingsSelect)) return;
    pages.integer(1, scan);
    results::PageRow row;
    while (pages.step() == SQLITE_ROW) {
      const long long id = read_page(pages, names, row);
      read_findings(findings, id, names, row);
      fn(row);
    }
  }

  void for_each_page_identity(results::ScanId scan,
                              const std::function<void(const results::PageIdentity&)>& fn) override {
    sqlite3* db = connection.db;
    ReadTx tx(db);
    Stmt q;
    if (!prepare(db, q,
                 "SELECT url, final_url, unit, kind, canonical, content_sha256 FROM pages WHERE scan_id = ?1 "
                 "ORDER BY url")) {
      return;
    }
    q.integer(1, scan);
    results::PageIdentity row;
    while (q.step() == SQLITE_ROW) {
      row.url = q.str(0);
      row.final_url = q.str(1);
      row.unit = q.str(2);
      row.kind = q.str(3);
      row.canonical = q.str(4);
      row.content_sha256 = q.str(5);
      fn(row);
    }
  }

  void for_each_media(results::ScanId scan, const std::function<void(const results::MediaRow&)>& fn) override {
    sqlite3* db = connection.db;
    ReadTx tx(db);
    Stmt q;
    const std::string sql = std::string("SELECT p.url, p.unit, ") + kMediaColumns +
                            " FROM media m JOIN pages p ON p.id = m.page_id WHERE p.scan_id = ?1 ORDER BY p.url, m.seq";
    if (!prepare(db, q, sql.c_str())) return;
    q.integer(1, scan);
    results::MediaRow row;
    while (q.step() == SQLITE_ROW) {
      row.page_url = q.str(0);
      row.unit = q.str(1);
      read_media(q, 2, row);
      fn(row);
    }
  }

  void for_each_document(results::ScanId scan, const std::function<void(const results::DocumentRow&)>& fn) override {
    sqlite3* db = connection.db;
    ReadTx tx(db);
    const RuleNames names = load_rule_names(db);
    Stmt q, findings, links;
    if (!prepare(db, q,
                 "SELECT p.id, p.url, p.final_url, p.unit, p.content_type, p.status, d.size, d.state, d.format, p.title, "
                 "p.content_sha256, p.unchanged, p.rule_outcomes, e.message_sv, e.message_en FROM documents d "
                 "JOIN pages p ON p.id = d.page_id LEFT JOIN errors e ON e.page_id = p.id "
                 "WHERE p.scan_id = ?1 ORDER BY p.url") ||
        !prepare(db, findings, kFindingsSelect) ||
        !prepare(db, links,
                 "SELECT from_url, from_unit FROM document_links WHERE scan_id = ?1 AND document_url = ?2 "
                 "ORDER BY from_url")) {
      return;
    }
    q.integer(1, scan);
    results::DocumentRow row;
    while (q.step() == SQLITE_ROW) {
      const long long id = q.i64(0);
      row.url = q.str(1);
      row.final_url = q.str(2);
      row.unit = q.str(3);
      row.content_type = q.str(4);
      row.status = static_cast<long>(q.i64(5));
      row.size = q.i64(6);
      row.state = q.str(7);
      row.format = q.str(8);
      row.title = q.str(9);
      row.content_sha256 = q.str(10);
      row.unchanged = q.i64(11) != 0;
      row.rule_outcomes = decode_rule_outcomes(q.str(12), names);
      row.error = q.str(13);
      row.error_en = q.str(14);
      row.findings.clear();
      read_findings(findings, id, names, row.findings);
      row.linked_from.clear();
      links.integer(1, scan);
      links.text(2, row.url);
      while (links.step() == SQLITE_ROW) row.linked_from.push_back({links.str(0), links.str(1)});
      links.reset();
      fn(row);
    }
  }

  std::vector<results::SiteSummary> sites(results::ScanId scan) override {
    std::vector<results::SiteSummary> out;
    sqlite3* db = connection.db;
    ReadTx tx(db);
    Stmt q;
    if (!prepare(db, q, "SELECT summary FROM site_results WHERE scan_id = ?1 ORDER BY seq")) return out;
    q.integer(1, scan);
    while (q.step() == SQLITE_ROW) {
      if (auto s = site_summary_from_json(q.str(0))) out.push_back(std::move(*s));
    }
    return out;
  }

  void for_each_site_finding(results::ScanId scan, const std::function<void(const results::SiteFinding&)>& fn) override {
    sqlite3* db = connection.db;
    ReadTx tx(db);
    Stmt q;
    if (!prepare(db, q,
                 "SELECT site, check_id, outcome, page_url, unit, message_id, args FROM site_findings "
                 "WHERE scan_id = ?1 ORDER BY seq")) {
      return;
    }
    q.integer(1, scan);
    results::SiteFinding f;
    while (q.step() == SQLITE_ROW) {
      if (!results::parse_site_check(q.str(1), f.check)) continue;
      f.site = q.str(0);
      f.outcome = outcome_from_code(q.i64(2)).value_or(engine::Outcome::CantTell);
      f.page_url = q.str(3);
      f.unit = q.str(4);
      f.message_id = q.str(5);
      f.args = decode_args(q.str(6));
      fn(f);
    }
  }
};

}  // namespace

Result<std::unique_ptr<results::ScanSource>> open_scan_source(const std::string& path) {
  auto store = std::make_unique<ScanStore>();
  if (Status st = open_database(path, true, store->connection); !st) return st.error();
  if (Status st = check_integrity(store->connection.db, path); !st) return st.error();
  return std::unique_ptr<results::ScanSource>(std::move(store));
}

Status mark_report_written(const std::string& path, results::ScanId scan, const std::string& when) {
  Connection c;
  if (Status st = open_database(path, false, c, /*create=*/false); !st) return st.error();
  Stmt q;
  if (!prepare(c.db, q, "UPDATE scans SET report_written = ?1 WHERE id = ?2 AND status = 1")) {
    return db_error(c.db, "cannot record the report of scan " + std::to_string(scan));
  }
  q.text(1, when);
  q.integer(2, scan);
  if (q.step() != SQLITE_DONE) return db_error(c.db, "cannot record the report of scan " + std::to_string(scan));
  if (sqlite3_changes(c.db) == 0) {
    return Error{"Scan database: " + path + " has no complete scan " + std::to_string(scan),
                 "Granskningsdatabasen: " + path + " har ingen avslutad genomsökning " + std::to_string(scan)};
  }
  return ok_status();
}

Result<std::vector<PrunedScan>> prune_scans(const std::string& path, int keep) {
  if (keep < 1) keep = 1;
  Connection c;
  if (Status st = open_database(path, false, c, /*create=*/false); !st) return st.error();
  sqlite3* db = c.db;
  if (!exec(db, "BEGIN IMMEDIATE")) return db_error(db, "cannot prune " + path);
  std::vector<PrunedScan> removed;
  {
    // The cut: the keep-th newest complete scan. Everything older goes, whatever its state.
    Stmt cut;
    long long oldest_kept = 0, newest_complete = 0;
    if (prepare(db, cut, "SELECT id FROM scans WHERE status = 1 ORDER BY id DESC LIMIT ?1")) {
      cut.integer(1, keep);
      std::size_t n = 0;
      while (cut.step() == SQLITE_ROW) {
        if (n++ == 0) newest_complete = cut.i64(0);
        oldest_kept = cut.i64(0);
      }
    }
    Stmt pick;
    if (newest_complete > 0 &&
        prepare(db, pick,
                "SELECT s.id, s.status, s.started, (SELECT count(*) FROM pages p WHERE p.scan_id = s.id) FROM scans s "
                "WHERE (s.status = 1 AND s.id < ?1) OR (s.status <> 1 AND s.id < ?2) ORDER BY s.id")) {
      pick.integer(1, oldest_kept);
      pick.integer(2, newest_complete);
      while (pick.step() == SQLITE_ROW) {
        removed.push_back(PrunedScan{pick.i64(0), status_of(pick.i64(1)), pick.str(2),
                                     static_cast<std::size_t>(pick.i64(3))});
      }
    }
  }
  static constexpr const char* kDeletes[] = {
      "DELETE FROM findings WHERE page_id IN (SELECT id FROM pages WHERE scan_id = ?1)",
      "DELETE FROM media WHERE page_id IN (SELECT id FROM pages WHERE scan_id = ?1)",
      "DELETE FROM documents WHERE page_id IN (SELECT id FROM pages WHERE scan_id = ?1)",
      "DELETE FROM document_links WHERE scan_id = ?1",
      "DELETE FROM errors WHERE page_id IN (SELECT id FROM pages WHERE scan_id = ?1)",
      "DELETE FROM page_facts WHERE page_id IN (SELECT id FROM pages WHERE scan_id = ?1)",
      "DELETE FROM nav_blocks WHERE scan_id = ?1",
      "DELETE FROM site_results WHERE scan_id = ?1",
      "DELETE FROM site_findings WHERE scan_id = ?1",
      "DELETE FROM pages WHERE scan_id = ?1",
      "DELETE FROM results WHERE scan_id = ?1",
      "DELETE FROM frontier WHERE scan_id = ?1",
      "DELETE FROM page_cache WHERE scan_id = ?1",
      "DELETE FROM scans WHERE id = ?1",
  };
  for (const char* sql : kDeletes) {
    Stmt d;
    bool ok = prepare(db, d, sql);
    for (const PrunedScan& s : removed) {
      if (!ok) break;
      d.integer(1, s.id);
      ok = d.step() == SQLITE_DONE;
      d.reset();
    }
    if (!ok) {
      Error e = db_error(db, "cannot prune " + path);
      exec(db, "ROLLBACK");
      return e;
    }
  }
  if (!exec(db, "COMMIT")) {
    Error e = db_error(db, "cannot prune " + path);
    exec(db, "ROLLBACK");
    return e;
  }
  return removed;
}

}  // namespace granska::store
