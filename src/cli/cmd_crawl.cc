// granska crawl URL...: crawl sites politely and check every page on the way; prints every
// page (status, final URL, errors, findings in the shape of `granska check`) as text or as
// JSON, streamed as pages finish, so memory stays flat. Exit code as for check, and 3 when
// another run holds the --db database's lock (<db>.lock).
#include <unistd.h>

#include <csignal>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "cli/commands.h"
#include "config/crawl_config.h"
#include "cli/scan_steps.h"
#include "cli/input_options.h"
#include "cli/load_config.h"
#include "config/org_config.h"
#include "crawl/crawler.h"
#include "engine/registry.h"
#include "granska_version.h"
#include "reports/page/report.h"
#include "reports/common/terminal_escape.h"
#include "results/rows_from_page.h"
#include "store/crawl_store.h"
#include "util/lock_file.h"
#include "util/clock.h"

namespace granska::cli {

namespace {

namespace fs = std::filesystem;

struct CrawlCliOptions {
  std::vector<std::string> seeds;
  std::vector<std::string> sitemaps;
  std::size_t max_pages = 1000;
  int max_depth = 50;
  int concurrency = 2;
  int delay_ms = 250;
  int workers = 0;
  std::vector<std::string> include, exclude, allowed_hosts;
  std::string format = "text";
  std::string lang = "sv";
  std::string fail_on = "minor";
  bool quiet = false;
  bool ignore_robots = false;
  std::string db;
  bool resume = false;
  std::string since_db;  // a completed earlier crawl: conditional requests
  long long previous_scan = 0;  // the earlier scan in --db used the same way (0: none)
  bool log_json = false;
  std::string config;
  // false for granska scan: pages go to the database only, and the per-page text/JSON
  // report (a large share of the CPU per page) is not rendered at all.
  bool print_pages = true;
  bool keep_seeds = false;  // granska scan was given URLs: the configuration's do not replace them
  bool lock_db = true;      // false for granska scan, which holds its own lock already
  InputFlags input;
  CLI::App* cmd = nullptr;  // to tell flags given on the command line from defaults
};

// Fills what the command line did not give from the configuration file.
Status apply_config(CrawlCliOptions& o) {
  Result<config::CrawlConfig> c = config::load_crawl_config(o.config);
  if (!c) return c.error();
  auto given = [&](const char* name) { return o.cmd && o.cmd->get_option(name)->count() > 0; };
  if (!given("url") && !o.keep_seeds) o.seeds = c->seeds;
  if (!given("--sitemap")) o.sitemaps = c->sitemaps;
  if (!given("--allow-host")) o.allowed_hosts = c->allowed_hosts;
  if (!given("--include")) o.include = c->include;
  if (!given("--exclude")) o.exclude = c->exclude;
  if (!given("--max-pages") && c->max_pages) o.max_pages = static_cast<std::size_t>(*c->max_pages);
  if (!given("--max-depth") && c->max_depth) o.max_depth = static_cast<int>(*c->max_depth);
  if (!given("--concurrency-per-host") && c->concurrency_per_host) o.concurrency = static_cast<int>(*c->concurrency_per_host);
  if (!given("--delay") && c->delay_ms) o.delay_ms = static_cast<int>(*c->delay_ms);
  if (!given("--user-agent") && !c->user_agent.empty()) o.input.user_agent = c->user_agent;
  if (!given("--header")) o.input.headers = c->headers;
  return ok_status();
}

// The configuration file as an absolute path, so a resumed crawl finds it again.
std::string config_path(const std::string& config) {
  if (config.empty()) return config;
  std::error_code ec;
  fs::path p = fs::absolute(config, ec);
  return ec ? config : p.string();
}

// The options a resumed crawl takes from its database (never headers: they are secrets).
nlohmann::json options_json(const CrawlCliOptions& o) {
  return {{"seeds", o.seeds}, {"sitemaps", o.sitemaps}, {"max_pages", o.max_pages}, {"max_depth", o.max_depth},
          {"concurrency", o.concurrency}, {"delay_ms", o.delay_ms}, {"include", o.include},
          {"exclude", o.exclude}, {"allowed_hosts", o.allowed_hosts}, {"format", o.format},
          {"lang", o.lang}, {"fail_on", o.fail_on}, {"ignore_robots", o.ignore_robots},
          {"since_db", o.since_db}, {"previous_scan", o.previous_scan}, {"config", config_path(o.config)},
          {"print_pages", o.print_pages}};
}

void options_from_json(const nlohmann::json& j, CrawlCliOptions& o) {
  o.seeds = j.at("seeds").get<std::vector<std::string>>();
  o.sitemaps = j.at("sitemaps").get<std::vector<std::string>>();
  o.max_pages = j.at("max_pages").get<std::size_t>();
  o.max_depth = j.at("max_depth").get<int>();
  o.concurrency = j.at("concurrency").get<int>();
  o.delay_ms = j.at("delay_ms").get<int>();
  o.include = j.at("include").get<std::vector<std::string>>();
  o.exclude = j.at("exclude").get<std::vector<std::string>>();
  o.allowed_hosts = j.at("allowed_hosts").get<std::vector<std::string>>();
  o.format = j.at("format").get<std::string>();
  o.lang = j.at("lang").get<std::string>();
  o.fail_on = j.at("fail_on").get<std::string>();
  o.ignore_robots = j.at("ignore_robots").get<bool>();
  o.since_db = j.value("since_db", std::string());  // absent in databases of older versions
  o.print_pages = j.value("print_pages", true);
  o.previous_scan = j.value("previous_scan", 0LL);
  if (o.config.empty()) o.config = j.value("config", std::string());  // units of a resumed scan
}

// An earlier result reused for a page that answered 304: the same block, marked unchanged.
std::string reuse_output(const std::string& old, bool json, Lang lang) {
  if (json) {
    try {
      nlohmann::ordered_json j = nlohmann::ordered_json::parse(old);
      j["http_status"] = 304;
      j["unchanged"] = true;
      return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    } catch (const std::exception&) {
      return old;
    }
  }
  // Text: "== 200 html URL" becomes "== 304 html URL" plus a note.
  std::string out = old;
  if (out.starts_with("== ")) {
    const std::size_t sp = out.find(' ', 3);
    if (sp != std::string::npos) out.replace(3, sp - 3, "304");
  }
  const std::size_t eol = out.find('\n');
  const std::string note = std::string("   ") + tr(lang, "Oförändrad sedan förra granskningen; resultatet därifrån gäller",
                                                      "Unchanged since the earlier crawl; its result stands") + "\n";
  if (eol == std::string::npos) return out + "\n" + note;
  return out.insert(eol + 1, note);
}

class StoreJournal final : public crawl::Journal {
 public:
  explicit StoreJournal(store::CrawlStore& s) : store_(s) {}
  void admitted(std::string_view url, int depth) override { store_.admitted(url, depth); }
  void redirect_seen(std::string_view url) override { store_.redirect_seen(url); }

 private:
  store::CrawlStore& store_;
};

// SIGINT/SIGTERM ask the crawl to stop; a signal handler can only reach a global.
std::atomic<bool> g_stop{false};
extern "C" void on_signal(int) { g_stop = true; }


std::string redirects_text(const crawl::PageRecord& r) {
  std::string out;
  for (const auto& h : r.redirects) {
    out += reports::escape_for_terminal(fetch::url_for_message(h.from)) + " → (" + std::to_string(h.status) + ") ";
  }
  return out;
}

nlohmann::json record_json(const crawl::PageRecord& r, Lang lang) {
  nlohmann::json redirects = nlohmann::json::array();
  for (const auto& h : r.redirects) redirects.push_back({{"from", h.from}, {"status", h.status}, {"to", h.to}});
  nlohmann::json j{{"url", r.url},
                   {"final_url", r.final_url},
                   {"depth", r.depth},
                   {"kind", crawl::to_string(r.kind)},
                   {"http_status", r.status},
                   {"redirects", std::move(redirects)},
                   {"content_type", r.content_type},
                   {"size", r.size},
                   {"attempts", r.attempts},
                   {"error", r.has_error ? nlohmann::json(r.error.text(lang)) : nlohmann::json(nullptr)},
                   {"reason", !r.has_error && !r.error.message.empty() ? nlohmann::json(r.error.text(lang))
                                                                       : nlohmann::json(nullptr)},
                   {"canonical", r.canonical.empty() ? nlohmann::json(nullptr) : nlohmann::json(r.canonical)},
                   {"links", r.links},
                   {"unchanged", r.unchanged}};
  return j;
}


// A finished record as the scan store keeps it. An unchanged page (304) carries the
// earlier scan's structured results over, as its rendered output is carried over.
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
  if (r.unchanged && earlier) {
    if (std::optional<store::CrawlStore::PageData> old = earlier->stored_page(earlier_scan, r.url)) {
      row.title = std::move(old->row.title);
      row.content_type = std::move(old->row.content_type);
      row.content_sha256 = std::move(old->row.content_sha256);
      row.rule_outcomes = std::move(old->row.rule_outcomes);
      row.findings = std::move(old->row.findings);
      d.media = std::move(old->media);
    }
  } else {
    row.title = std::move(r.title);
    row.content_sha256 = std::move(r.content_sha256);
    row.rule_outcomes = std::move(r.rule_outcomes);
    row.findings = std::move(r.findings);
    d.media = std::move(r.media);
  }
  for (results::MediaRow& m : d.media) {
    m.page_url = row.url;
    m.unit = row.unit;
  }
  if (r.kind == crawl::PageKind::Document) {
    d.document = true;
    d.document_size = r.size;
  }
  return d;
}

int run_crawl(const CrawlCliOptions& given) {
  CrawlCliOptions o = given;
  Lang lang = *parse_lang(o.lang);
  if (!o.config.empty()) {
    if (Status st = apply_config(o); !st) {
      print_error(st.error().text(lang));
      return kExitFailed;
    }
  }
  if (o.concurrency < 1) o.concurrency = 1;
  std::unique_ptr<store::CrawlStore> db;
  crawl::ResumeState resume;
  if (o.resume && o.db.empty()) {
    print_error(tr(lang, "--resume kräver --db FIL", "--resume needs --db FILE"));
    return kExitFailed;
  }
  std::optional<store::CrawlStore::ScanRef> resumed;
  // Two crawls writing one database would interleave their scans and fight over --resume;
  // the lock is the one `granska scan` takes by default, so a manual crawl and the nightly
  // scan keep apart too.
  std::optional<LockFile> db_lock;
  if (!o.db.empty() && o.lock_db) {
    bool held = false;
    Result<LockFile> lock = LockFile::acquire(o.db + ".lock", &held);
    if (!lock) {
      print_error(lock.error().text(lang));
      return held ? kExitLocked : kExitFailed;
    }
    db_lock.emplace(std::move(*lock));
  }
  if (!o.db.empty()) {
    auto opened = store::CrawlStore::open(o.db);
    if (!opened) {
      print_error(opened.error().text(lang));
      return kExitFailed;
    }
    db = std::move(*opened);
    if (o.resume) {
      // The newest running scan (an interrupted crawl) continues, with its own settings.
      resumed = db->latest_scan(results::ScanStatus::Running);
      if (!resumed || resumed->options.empty()) {
        print_error(tr(lang, "databasen innehåller ingen granskning att fortsätta: ",
                       "the database holds no crawl to resume: ") + o.db);
        return kExitFailed;
      }
      try {
        options_from_json(nlohmann::json::parse(resumed->options), o);
      } catch (const std::exception&) {
        print_error(tr(lang, "databasens inställningar kan inte läsas: ", "the database's settings cannot be read: ") + o.db);
        return kExitFailed;
      }
      lang = *parse_lang(o.lang);
    }
  }
  // Organisation map: every stored page's unit (committee or company), when the config
  // has one.
  std::optional<org::OrgMap> org_map;
  std::string config_name;
  if (db && !o.config.empty()) {
    std::optional<config::OrgConfig> oc = load_valid_org_config(o.config, lang);
    if (!oc) return kExitFailed;
    org_map = std::move(oc->map);
    config_name = std::filesystem::path(o.config).filename().string();
  }
  const std::string ruleset_hash = engine::Registry::builtin().fingerprint();
  // The earlier scan whose validators make requests conditional and whose results an
  // unchanged page keeps: --since-db's newest complete scan, or else the previous
  // complete scan in --db itself when it ran the same rules with the same format.
  struct Reference {
    store::CrawlStore* store = nullptr;
    results::ScanId scan = 0;
  } ref;
  std::unique_ptr<store::CrawlStore> since;
  if (!o.since_db.empty()) {
    auto opened = store::CrawlStore::open(o.since_db);
    if (!opened) {
      print_error(opened.error().text(lang));
      return kExitFailed;
    }
    since = std::move(*opened);
    std::optional<store::CrawlStore::ScanRef> earlier_scan = since->latest_scan(results::ScanStatus::Complete);
    if (!earlier_scan || earlier_scan->options.empty()) {
      print_error(tr(lang, "--since-db behöver en avslutad granskning: ", "--since-db needs a completed crawl: ") +
                  o.since_db);
      return kExitFailed;
    }
    // Results are reused as they were written: the same format and language are needed.
    CrawlCliOptions earlier;
    try {
      options_from_json(nlohmann::json::parse(earlier_scan->options), earlier);
    } catch (const std::exception&) {
      print_error(tr(lang, "databasens inställningar kan inte läsas: ", "the database's settings cannot be read: ") +
                  o.since_db);
      return kExitFailed;
    }
    if (!earlier.print_pages && o.print_pages) {
      print_error(tr(lang, "--since-db: den förra granskningen (granska scan) sparade inga sidrapporter att skriva ut: ",
                     "--since-db: the earlier crawl (granska scan) kept no page reports to print: ") + o.since_db);
      return kExitFailed;
    }
    if (earlier.format != o.format || earlier.lang != o.lang) {
      print_error(tr(lang, "--since-db: den förra granskningen skrevs med --format ", "--since-db: the earlier crawl was written with --format ") +
                  earlier.format + " --lang " + earlier.lang + tr(lang, "; använd samma", "; use the same"));
      return kExitFailed;
    }
    ref = {since.get(), earlier_scan->id};
  } else if (db && !o.resume) {
    std::optional<store::CrawlStore::ScanRef> earlier_scan = db->latest_scan(results::ScanStatus::Complete);
    if (earlier_scan && earlier_scan->structured && earlier_scan->ruleset_hash == ruleset_hash) {
      CrawlCliOptions earlier;
      try {
        options_from_json(nlohmann::json::parse(earlier_scan->options), earlier);
        // A scan without rendered pages cannot lend its output to one that prints them.
        if (earlier.format == o.format && earlier.lang == o.lang && (earlier.print_pages || !o.print_pages)) {
          o.previous_scan = earlier_scan->id;
        }
      } catch (const std::exception&) {
        // unreadable settings: a full scan
      }
    }
    if (o.previous_scan) ref = {db.get(), o.previous_scan};
  } else if (db && o.previous_scan) {
    ref = {db.get(), o.previous_scan};
  }
  if (o.seeds.empty() && o.sitemaps.empty()) {
    print_error(tr(lang, "ange minst en startadress", "give at least one start URL"));
    return kExitFailed;
  }
  if (db) {
    if (o.resume) {
      db->use_scan(resumed->id);
      auto loaded = db->load();
      if (!loaded) {
        print_error(loaded.error().text(lang));
        return kExitFailed;
      }
      resume.queued = std::move(loaded->queued);
      resume.seen = std::move(loaded->seen);
      resume.admitted = loaded->admitted;
    } else {
      auto begun = db->begin_scan({kVersion, ruleset_hash, config_name, options_json(o).dump()});
      if (!begun) {
        print_error(begun.error().text(lang));
        return kExitFailed;
      }
    }
  }
  std::optional<StoreJournal> journal;
  if (db) journal.emplace(*db);
  const bool sv = lang == Lang::Sv;
  crawl::CrawlOptions co;
  co.seeds = o.seeds;
  co.sitemaps = o.sitemaps;
  co.allowed_hosts = o.allowed_hosts;
  co.include = o.include;
  co.exclude = o.exclude;
  co.limits.max_pages = o.max_pages;
  co.limits.max_depth = o.max_depth;
  co.concurrency_per_host = o.concurrency;
  co.delay_ms = o.delay_ms;
  co.workers = o.workers;
  co.obey_robots = !o.ignore_robots;
  co.fetch = o.input.to_options().fetch;
  // Linked style sheets: one cache for the run, so each sheet is fetched and parsed once.
  style::SheetCache sheet_cache;
  co.run.sheets = &sheet_cache;
  co.run.fetch = co.fetch;
  if (journal) co.journal = &*journal;
  if (o.resume) co.resume = &resume;
  if (ref.store) {
    co.previous = [&ref](std::string_view url) -> std::optional<crawl::PreviousPage> {
      auto c = ref.store->cached(ref.scan, url);
      if (!c) return std::nullopt;
      return crawl::PreviousPage{std::move(c->etag), std::move(c->last_modified), std::move(c->links)};
    };
  }

  const bool json = o.format == "json";
  const engine::Impact threshold = fail_on_impact(o.fail_on);
  reports::Options ro{lang, false, false};
  const bool structured = db != nullptr;
  crawl::PageRenderer render = [&](const pipeline::CheckedPage& checked, crawl::PageRecord& rec) {
    const engine::PageEvaluation& ev = checked.evaluation;
    rec.findings_at_threshold = ev.fails_at(threshold);
    if (structured) {  // for the scan store, built here on the worker while the page lives
      rec.title = results::page_title(*checked.doc);
      rec.content_sha256 = checked.page.sha256;
      rec.findings = results::finding_rows(ev);
      rec.rule_outcomes = results::rule_outcome_rows(ev);
      rec.media = results::media_rows(checked.inventory);
    }
    if (!o.print_pages) return;
    std::ostringstream out;
    if (json) {
      reports::write_json(out, reports::PageReport{checked.page, ev}, ro);
    } else {
      reports::write_text(out, reports::PageReport{checked.page, ev}, ro);
    }
    rec.report = out.str();
  };

  const bool tty = isatty(STDERR_FILENO) != 0;
  // One page's output: a text block, or one JSON object on one line.
  auto render_record = [&](crawl::PageRecord& r) {
    std::ostringstream out;
    if (json) {
      std::string s = record_json(r, lang).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
      if (!r.report.empty()) {
        while (!r.report.empty() && (r.report.back() == '\n' || r.report.back() == ' ')) r.report.pop_back();
        s.pop_back();
        s += ",\"check\":" + r.report + "}";
      }
      return s;
    }
    out << "== " << (r.status ? std::to_string(r.status) : std::string("---")) << " " << crawl::to_string(r.kind)
        << " " << reports::escape_for_terminal(fetch::url_for_message(r.url)) << "\n";
    if (!r.redirects.empty()) {
      out << (sv ? "   Omdirigerad: " : "   Redirected: ") << redirects_text(r)
          << reports::escape_for_terminal(fetch::url_for_message(r.final_url)) << "\n";
    }
    if (!r.error.message.empty()) {
      out << (r.has_error ? (sv ? "   Fel: " : "   Error: ") : (sv ? "   Obs: " : "   Note: "))
          << reports::escape_for_terminal(r.error.text(lang)) << "\n";
    }
    if (r.kind != crawl::PageKind::Html && r.kind != crawl::PageKind::Failed && !r.content_type.empty()) {
      out << (sv ? "   Typ: " : "   Type: ") << reports::escape_for_terminal(r.content_type);
      if (r.size >= 0) out << ", " << r.size << (sv ? " byte" : " bytes");
      out << "\n";
    }
    out << r.report;
    if (!r.report.empty()) out << "\n";
    return out.str();
  };

  std::ostream& out = std::cout;
  bool first = true;
  auto print = [&](std::string_view block) {
    if (json) out << (first ? "" : ",\n");
    out << block;
    first = false;
  };
  if (json) {
    nlohmann::json head{{"schema_version", reports::kJsonSchemaVersion},
                        {"tool", {{"name", "granska"}, {"version", kVersion}}},
                        {"lang", sv ? "sv" : "en"}};
    std::string h = head.dump();
    h.pop_back();
    out << h << ",\"pages\":[\n";
  }
  bool any_at_threshold = false;
  crawl::PageSink sink = [&](crawl::PageRecord&& r) {
    std::string block;
    if (r.unchanged) {
      // The crawler asked conditionally only for pages with a stored, error-free result.
      std::optional<store::CrawlStore::Stored> old = ref.store->result(ref.scan, r.url);
      if (old) {
        r.findings_at_threshold = old->at_threshold;
        block = reuse_output(old->output, json, lang);
      } else {
        block = render_record(r);
      }
    } else {
      block = render_record(r);
    }
    if (r.findings_at_threshold) any_at_threshold = true;
    if (db) {
      // With a database the report is printed from it at the end, so a resumed crawl
      // reports every page, not only those of its last run.
      store::CrawlStore::PageData data = page_data(r, ref.store, ref.scan, org_map ? &*org_map : nullptr);
      db->finished(r.url, block, r.findings_at_threshold, r.has_error, r.kind == crawl::PageKind::Html, &data);
      if (r.kind == crawl::PageKind::Html && r.redirects.empty() && (!r.etag.empty() || !r.last_modified.empty())) {
        db->cache(r.url, r.etag, r.last_modified, r.outlinks);
      }
    } else {
      print(block);
    }
    if (o.log_json) {
      // One event per line for log collectors. URLs without user:password; error texts
      // never hold header values (cookies, tokens).
      nlohmann::json e{{"event", "page"},
                       {"url", fetch::url_for_message(r.url)},
                       {"final_url", fetch::url_for_message(r.final_url)},
                       {"status", r.status},
                       {"kind", crawl::to_string(r.kind)},
                       {"error", r.has_error ? nlohmann::json(r.error.text(lang)) : nlohmann::json(nullptr)},
                       {"unchanged", r.unchanged},
                       {"attempts", r.attempts},
                       {"elapsed_ms", static_cast<long long>(r.elapsed_ms + 0.5)}};
      std::cerr << e.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    } else if (!o.quiet && !tty) {
      std::cerr << "granska: crawl: " << (r.status ? std::to_string(r.status) : std::string("---")) << " "
                << crawl::to_string(r.kind) << " " << fetch::url_for_message(r.url) << "\n";
    }
  };
  crawl::ProgressFn progress = [&](const crawl::CrawlStats& s) {
    if (o.quiet || o.log_json || !tty) return;
    const double rate = s.seconds > 0 ? static_cast<double>(s.done) / s.seconds : 0;
    const long eta = rate > 0 ? static_cast<long>(static_cast<double>(s.queued) / rate) : 0;
    std::fprintf(stderr, sv ? "\r\x1b[K%zu klara, %zu i kö, %.1f sidor/s, %zu fel, kvar ca %ld s"
                            : "\r\x1b[K%zu done, %zu queued, %.1f pages/s, %zu errors, ETA %ld s",
                 s.done, s.queued, rate, s.errors, eta);
    std::fflush(stderr);
  };

  std::signal(SIGINT, on_signal);
  std::signal(SIGTERM, on_signal);
  Result<crawl::CrawlStats> stats = crawl::crawl(co, render, sink, progress, &g_stop);
  std::signal(SIGINT, SIG_DFL);
  std::signal(SIGTERM, SIG_DFL);
  if (!o.quiet && !o.log_json && tty) std::fputs("\n", stderr);
  if (!stats) {
    if (json) out << "]}\n";
    print_error(stats.error().text(lang));
    return kExitFailed;
  }
  std::size_t pages = stats->done, html = stats->html, errors = stats->errors;
  bool nothing_checked = false;
  if (db) {
    auto totals = o.print_pages ? db->for_each_result(print) : db->for_each_result([](std::string_view) {});
    if (!totals) {
      if (json) out << "]}\n";
      print_error(totals.error().text(lang));
      return kExitFailed;
    }
    pages = totals->pages;
    html = totals->html;
    errors = totals->errors;
    any_at_threshold = totals->any_at_threshold;
  }
  if (db && !stats->interrupted) {
    // Marks the scan complete: only then do reports show it and may a later crawl use it.
    // A scan that checked no page at all (the site down, robots.txt unreachable) says
    // nothing about the site: it is marked failed, so no report compares with it.
    nothing_checked = html == 0;
    if (Status st = db->finish_scan(nothing_checked ? results::ScanStatus::Failed : results::ScanStatus::Complete); !st) {
      print_error(st.error().text(lang));
      return kExitFailed;
    }
  }
  // The run's style sheet cache is bounded: say what it had to let go of (those sheets were
  // fetched again when a later page needed them).
  const style::SheetCache::Stats sheet_stats = sheet_cache.stats();
  if (sheet_stats.evicted > 0 && !o.quiet && !json) {
    std::cerr << (sv ? "granska: stilmallscachen var full och släppte " : "granska: the style sheet cache was full and let go of ")
              << sheet_stats.evicted << (sv ? " stilmallar, senast " : " sheets, most recently ")
              << fetch::url_for_message(sheet_stats.recently_evicted.back()) << "\n";
  }
  if (json) {
    nlohmann::json summary{{"pages", pages}, {"checked", html}, {"errors", errors}, {"unchanged", stats->unchanged},
                           {"seconds", stats->seconds}, {"interrupted", stats->interrupted},
                           {"stylesheets", {{"loaded", sheet_stats.loaded}, {"failed", sheet_stats.failed},
                                            {"evicted", sheet_stats.evicted}}}};
    out << "\n],\"summary\":" << summary.dump() << "}\n";
  } else if (o.print_pages || !o.quiet) {  // granska scan --quiet: errors only
    out << (sv ? "Sammanfattning: " : "Summary: ") << pages << (sv ? " adresser, " : " addresses, ") << html
        << (sv ? " sidor granskade, " : " pages checked, ") << errors << (sv ? " fel" : " errors")
        << (stats->interrupted ? (sv ? " (avbruten)" : " (interrupted)") : "") << "\n";
  }
  out.flush();
  if (stats->interrupted) return kExitFailed;
  if (nothing_checked) {
    print_error(tr(lang, "ingen sida kunde granskas; genomsökningen är markerad som misslyckad i ",
                   "no page could be checked; the scan is marked failed in ") + o.db);
    return kExitFailed;
  }
  if (html == 0 && errors > 0) return kExitFailed;
  return any_at_threshold ? kExitFindings : kExitOk;
}

}  // namespace

int run_crawl_step(const CrawlStep& step) {
  CrawlCliOptions o;
  o.config = step.config;
  o.db = step.db;
  o.seeds = step.seeds;
  o.keep_seeds = !step.seeds.empty();
  o.lang = step.lang;
  o.resume = step.resume;
  o.quiet = step.quiet;
  o.log_json = step.log_json;
  o.print_pages = false;
  o.lock_db = false;
  return run_crawl(o);
}

RunFn register_crawl(CLI::App& app, Lang lang) {
  auto o = std::make_shared<CrawlCliOptions>();
  CLI::App* cmd = app.add_subcommand(
      "crawl", tr(lang, "Gå igenom webbplatser och granska varje sida", "Crawl sites and check every page"));
  cmd->add_option("url", o->seeds, tr(lang, "Startadresser (http/https)", "Start URLs (http/https)"));
  cmd->add_option("--sitemap", o->sitemaps, tr(lang, "Adress till en webbplatskarta (sitemap.xml)", "Sitemap URL"));
  cmd->add_option("--max-pages", o->max_pages, tr(lang, "Högst så många adresser", "At most this many URLs"))
      ->check(CLI::PositiveNumber);
  cmd->add_option("--max-depth", o->max_depth, tr(lang, "Högst så många länksteg från start", "At most this many links from a start URL"))
      ->check(CLI::NonNegativeNumber);
  cmd->add_option("--concurrency-per-host", o->concurrency,
                  tr(lang, "Samtidiga anrop per värd (standard 2)", "Concurrent requests per host (default 2)"))
      ->check(CLI::Range(1, 64));
  cmd->add_option("--delay", o->delay_ms,
                  tr(lang, "Minsta tid mellan anrop till en värd, ms (standard 250)",
                     "Minimum time between requests to one host, ms (default 250)"))
      ->check(CLI::NonNegativeNumber);
  cmd->add_option("--workers", o->workers, tr(lang, "Trådar för granskning (0 = antal kärnor)", "Checking threads (0 = cores)"))
      ->check(CLI::NonNegativeNumber);
  cmd->add_option("--include", o->include, tr(lang, "Bara adresser som matchar detta reguljära uttryck", "Only URLs matching this regular expression"));
  cmd->add_option("--exclude", o->exclude, tr(lang, "Hoppa över adresser som matchar", "Skip URLs matching this regular expression"));
  cmd->add_option("--allow-host", o->allowed_hosts,
                  tr(lang, "Värdar (och underdomäner) som får granskas; standard: startadressernas",
                     "Hosts (and subdomains) in scope; default: the start URLs' hosts"));
  cmd->add_option("--format", o->format, tr(lang, "Utdataformat: text eller json", "Output format: text or json"))
      ->check(CLI::IsMember({"text", "json"}));
  cmd->add_option("--lang", o->lang, tr(lang, "Språk i rapporten: sv eller en", "Report language: sv or en"))
      ->check(CLI::IsMember({"sv", "en"}));
  add_fail_on_option(*cmd, o->fail_on, lang);
  cmd->add_flag("-q,--quiet", o->quiet, tr(lang, "Ingen förloppsrad eller logg", "No progress line or log"));
  cmd->add_flag("--ignore-robots", o->ignore_robots,
                tr(lang, "Följ inte robots.txt (bara för egna webbplatser)", "Do not obey robots.txt (own sites only)"));
  cmd->add_option("--db", o->db,
                  tr(lang, "Spara köer och resultat i denna SQLite-fil medan granskningen pågår",
                     "Keep the frontier and results in this SQLite file as the crawl goes"));
  cmd->add_flag("--resume", o->resume,
                tr(lang, "Fortsätt en avbruten granskning i --db (samma inställningar; -H anges igen)",
                   "Continue an interrupted crawl in --db (same settings; give -H again)"));
  cmd->add_option("--since-db", o->since_db,
                  tr(lang, "Databas (--db) från en avslutad tidigare granskning: sidor som inte ändrats "
                           "(ETag/Last-Modified, svar 304) behåller sitt resultat därifrån",
                     "Database (--db) of a completed earlier crawl: pages that did not change "
                     "(ETag/Last-Modified, answer 304) keep their result from it"));
  cmd->add_flag("--log-json", o->log_json,
                tr(lang, "En JSON-rad per sida på stderr (för loggsystem) i stället för förloppsraden",
                   "One JSON line per page on stderr (for log collectors) instead of the progress line"));
  cmd->add_option("--config", o->config,
                  tr(lang, "Inställningsfil (TOML); flaggor på kommandoraden går före",
                     "Configuration file (TOML); command-line flags override it"));
  add_input_options(*cmd, o->input, lang);
  o->cmd = cmd;
  return [o] { return run_crawl(*o); };
}

}  // namespace granska::cli
