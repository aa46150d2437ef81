// granska audit: the pages of one service (a URL list, a sitemap and/or a small crawl),
// optionally behind a login, checked against a criteria profile, with an acceptance
// report (leveransgodkännande) and the CI formats. Exit code: 1 when a failure at or
// above --fail-on is not covered by an accepted issue, else 2 when a page could not be
// loaded (the review is incomplete), else 0.
//
// Secrets (header values, the cookie file's contents, the Basic credentials) go to the
// fetcher only: reports name which login mechanisms were used, never a value.
#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <set>
#include <sstream>

#include "audit/accepted.h"
#include "audit/acceptance.h"
#include "cli/commands.h"
#include "cli/input_options.h"
#include "cli/load_config.h"
#include "config/org_config.h"
#include "cli/output_files.h"
#include "crawl/crawler.h"
#include "crawl/sitemap.h"
#include "fetch/fetch.h"
#include "granska_version.h"
#include "input/load.h"
#include "pipeline/check_page.h"
#include "reports/acceptance/acceptance_report.h"
#include "reports/page/report.h"
#include "reports/common/terminal_escape.h"

namespace granska::cli {

namespace {

struct AuditOptions {
  std::vector<std::string> targets;  // pages (or crawl seeds with --crawl)
  std::string urls_file;
  std::vector<std::string> sitemaps;
  bool crawl = false;
  std::size_t max_pages = 50;
  std::string cookie_file;
  std::string auth_env;
  std::string profile = "wcag21-aa";
  std::string config;
  std::string service;
  std::vector<std::string> formats;
  std::string output_dir;
  std::string lang = "sv";
  std::string fail_on = "minor";
  std::string accepted;
  std::string today;  // hidden, for tests: YYYY-MM-DD
  InputFlags input;
};

std::string base64(std::string_view in) {
  static constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  std::size_t i = 0;
  for (; i + 2 < in.size(); i += 3) {
    const unsigned v = (static_cast<unsigned char>(in[i]) << 16) | (static_cast<unsigned char>(in[i + 1]) << 8) |
                       static_cast<unsigned char>(in[i + 2]);
    for (int s : {18, 12, 6, 0}) out += kAlphabet[(v >> s) & 63];
  }
  if (i < in.size()) {
    unsigned v = static_cast<unsigned char>(in[i]) << 16;
    if (i + 1 < in.size()) v |= static_cast<unsigned char>(in[i + 1]) << 8;
    out += kAlphabet[(v >> 18) & 63];
    out += kAlphabet[(v >> 12) & 63];
    out += i + 1 < in.size() ? kAlphabet[(v >> 6) & 63] : '=';
    out += '=';
  }
  return out;
}

bool is_http(std::string_view s) { return s.starts_with("http://") || s.starts_with("https://"); }

// "https://user:secret@host/p" → "https://host/p": credentials written into a URL are
// used for the request but never reach a report.
std::string without_userinfo(const std::string& url) {
  if (!is_http(url)) return url;
  const std::size_t start = url.find("://") + 3;
  const std::size_t end = url.find_first_of("/?#", start);
  const std::size_t at = url.rfind('@', end == std::string::npos ? url.size() : end);
  if (at == std::string::npos || at < start) return url;
  return url.substr(0, start) + url.substr(at + 1);
}

std::string trim(std::string s) {
  const auto b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return "";
  return s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1);
}

// One page of the audit: what was loaded and, when it loaded, the checked page (kept alive
// because findings point into it).
struct Loaded {
  reports::AuditedPage info;
  std::optional<input::Page> page;
  std::unique_ptr<pipeline::CheckedPage> checked;
};

// Sitemap entries (one level of sitemap index followed), in document order.
Status read_sitemap(const std::string& where, fetch::Fetcher& fetcher, const fetch::Options& fo, int depth,
                    std::vector<std::string>& out) {
  std::string body;
  if (is_http(where)) {
    Result<fetch::Response> r = fetcher.get(where, fo);
    if (!r) return r.error();
    if (r->status < 200 || r->status > 299) {
      const std::string u = fetch::url_for_message(where);
      return Error{"sitemap " + u + " answered HTTP " + std::to_string(r->status),
                   "webbplatskartan " + u + " svarade HTTP " + std::to_string(r->status)};
    }
    body = std::move(r->body);
  } else {
    std::ifstream in(where, std::ios::binary);
    if (!in) return Error{"cannot read the sitemap " + where, "kan inte läsa webbplatskartan " + where};
    body.assign(std::istreambuf_iterator<char>(in), {});
  }
  Result<crawl::Sitemap> sm = crawl::parse_sitemap(body);
  if (!sm) return sm.error();
  for (const crawl::SitemapEntry& e : sm->entries) {
    if (sm->kind == crawl::SitemapKind::Index) {
      if (depth == 0) {
        Status s = read_sitemap(e.loc, fetcher, fo, 1, out);
        if (!s) return s;
      }
    } else {
      out.push_back(e.loc);
    }
  }
  return ok_status();
}

int run_audit(const AuditOptions& o) {
  const Lang lang = *parse_lang(o.lang);
  const engine::Registry& registry = engine::Registry::builtin();

  // Profile: --config's [profile] when given, else --profile.
  org::Profile profile;
  if (!o.config.empty()) {
    const std::optional<config::OrgConfig> c = load_valid_org_config(o.config, lang);
    if (!c) return kExitFailed;
    profile = c->profile;
  } else {
    const org::Profile* p = org::find_profile(o.profile);
    if (!p) {
      print_error(tr(lang, "okänd profil: ", "unknown profile: ") + o.profile);
      return kExitFailed;
    }
    profile = *p;
  }

  audit::Date today = audit::today_utc();
  if (!o.today.empty()) {
    auto d = audit::parse_date(o.today);
    if (!d) {
      print_error(tr(lang, "--today ska vara ÅÅÅÅ-MM-DD", "--today must be YYYY-MM-DD"));
      return kExitFailed;
    }
    today = *d;
  }

  std::optional<audit::AcceptedList> accepted;
  if (!o.accepted.empty()) {
    auto known = [](std::string_view id) { return engine::Registry::builtin().find(id) != nullptr; };
    Result<audit::AcceptedList> list = audit::load_accepted(o.accepted, known);
    if (!list) {
      print_error(list.error().text(lang));
      return kExitFailed;
    }
    accepted = std::move(list.value());
  }

  // Login. Values are only handed to the fetcher.
  input::Options in = o.input.to_options();
  reports::LoginUsed login;
  login.headers = !o.input.headers.empty();
  if (!o.cookie_file.empty()) {
    std::ifstream probe(o.cookie_file);
    if (!probe) {
      print_error(tr(lang, "kan inte läsa cookie-filen ", "cannot read the cookie file ") + o.cookie_file);
      return kExitFailed;
    }
    in.fetch.cookie_file = o.cookie_file;
    login.cookie_file = true;
  }
  if (!o.auth_env.empty()) {
    const char* cred = std::getenv(o.auth_env.c_str());
    if (!cred || std::string_view(cred).find(':') == std::string_view::npos) {
      // Names the variable, never its value.
      print_error(tr(lang, "miljövariabeln ", "the environment variable ") + o.auth_env +
                  tr(lang, " saknas eller har inte formen användare:lösenord",
                     " is missing or not of the form user:password"));
      return kExitFailed;
    }
    in.fetch.headers.push_back("Authorization: Basic " + base64(cred));
    login.basic_auth = true;
  }

  // The page list: listed pages, then sitemaps, then what a crawl finds; no duplicates.
  std::vector<std::string> targets;
  std::set<std::string> seen;
  auto add = [&](const std::string& t) {
    if (!t.empty() && seen.insert(t).second) targets.push_back(t);
  };
  if (!o.urls_file.empty()) {
    std::ifstream f(o.urls_file);
    if (!f) {
      print_error(tr(lang, "kan inte läsa adresslistan ", "cannot read the URL list ") + o.urls_file);
      return kExitFailed;
    }
    for (std::string line; std::getline(f, line);) {
      line = trim(line);
      if (line.empty() || line[0] == '#') continue;
      // A file path in the list is relative to the list, so the list works from any directory.
      if (!is_http(line) && !line.starts_with("file:") && std::filesystem::path(line).is_relative()) {
        line = (std::filesystem::path(o.urls_file).parent_path() / line).lexically_normal().string();
      }
      add(line);
    }
  }
  for (const std::string& t : o.targets) add(t);
  auto fetcher = fetch::make_curl_fetcher();
  for (const std::string& sm : o.sitemaps) {
    std::vector<std::string> found;
    Status s = read_sitemap(sm, *fetcher, in.fetch, 0, found);
    if (!s) {
      print_error(s.error().text(lang));
      return kExitFailed;
    }
    std::size_t taken = 0;
    for (const std::string& u : found) {
      if (taken == o.max_pages) {
        // Listed pages are never cut; a sitemap may list thousands, so it is capped — and said so.
        print_error(tr(lang, "webbplatskartan har fler sidor än --max-pages; de första ",
                       "the sitemap lists more pages than --max-pages; the first ") +
                    std::to_string(o.max_pages) + tr(lang, " granskas", " are checked"));
        break;
      }
      add(u);
      ++taken;
    }
  }
  if (o.crawl) {
    crawl::CrawlOptions co;
    for (const std::string& t : o.targets) {
      if (is_http(t)) co.seeds.push_back(t);
    }
    if (co.seeds.empty()) {
      print_error(tr(lang, "--crawl behöver minst en http(s)-adress att börja från",
                     "--crawl needs at least one http(s) URL to start from"));
      return kExitFailed;
    }
    co.robots_sitemaps = false;
    co.limits.max_pages = o.max_pages;
    co.fetch = in.fetch;
    co.workers = 1;
    co.run.evaluate = false;  // discovery only: the pages are checked below, once
    std::vector<std::string> found;
    Result<crawl::CrawlStats> stats = crawl::crawl(co, {}, [&](crawl::PageRecord&& r) {
      if (r.kind == crawl::PageKind::Html) found.push_back(r.final_url.empty() ? r.url : r.final_url);
    });
    if (!stats) {
      print_error(stats.error().text(lang));
      return kExitFailed;
    }
    std::sort(found.begin(), found.end());  // completion order varies; the report must not
    for (const std::string& u : found) add(u);
  }
  if (targets.empty()) {
    print_error(tr(lang, "inga sidor att granska: ange adresser, --urls, --sitemap eller --crawl",
                   "no pages to check: give URLs, --urls, --sitemap or --crawl"));
    return kExitFailed;
  }

  // Load and check each page. A page that cannot be loaded is recorded, not fatal.
  std::vector<std::unique_ptr<Loaded>> pages;
  style::SheetCache sheets;  // every page's linked style sheets, each loaded once
  std::istringstream no_stdin;
  for (const std::string& t : targets) {
    auto l = std::make_unique<Loaded>();
    l->info.target = without_userinfo(t);
    l->info.url = l->info.target;
    Result<input::Page> page = t == "-" ? Result<input::Page>(Error{"standard input is not supported by audit",
                                                                    "audit kan inte läsa standard in"})
                                        : input::load(t, in, *fetcher, no_stdin);
    if (!page) {
      l->info.error = page.error();
    } else {
      l->page = std::move(page.value());
      l->page->target = without_userinfo(l->page->target);
      l->page->url = without_userinfo(l->page->url);
      for (fetch::Redirect& hop : l->page->redirects) {
        hop.from = without_userinfo(hop.from);
        hop.to = without_userinfo(hop.to);
      }
      l->info.loaded = true;
      l->info.url = l->page->url;
      l->info.http_status = l->page->http_status;
      l->info.sha256 = l->page->sha256;
      // As in `check`: a page from the web has its caption tracks fetched (with the login
      // and limits above) and their problems joined to the caption rules, before decide().
      pipeline::RunContext run;
      run.fetch = in.fetch;
      run.sheets = &sheets;
      l->checked = pipeline::check_page(std::move(*l->page), run, fetcher.get());
    }
    pages.push_back(std::move(l));
  }

  std::vector<audit::PageInput> inputs;
  for (const auto& l : pages) {
    inputs.push_back({l->info.url, l->checked ? &l->checked->evaluation : nullptr,
                      l->checked && !l->checked->inventory.items.empty()});
  }
  const audit::AcceptedList* acc = accepted ? &*accepted : nullptr;
  audit::Acceptance acceptance = audit::decide(registry, profile, inputs, acc, today);

  reports::AcceptanceReport report;
  report.service = o.service;
  report.date = audit::today_utc().iso();
  if (!o.today.empty()) report.date = today.iso();
  report.version = kVersion;
  report.rule_count = registry.rules().size();
  report.catalogue_sha256 = audit::catalogue_sha256(registry);
  report.profile = &profile;
  report.login = login;
  for (const auto& l : pages) report.pages.push_back(l->info);
  report.acceptance = &acceptance;
  report.accepted = acc;
  report.accepted_file = o.accepted;

  // JUnit and SARIF drive CI gates: an accepted failure in force must not fail them, yet
  // stays visible — a suppressed SARIF result, a skipped JUnit case (with its justification
  // and expiry). Expired acceptances are ordinary failures. The HTML and JSON reports list
  // accepted issues themselves; EARL keeps every outcome as observed.
  reports::Suppressions suppressed;
  for (const audit::Issue& is : acceptance.issues) {
    if (is.state != audit::IssueState::Accepted || !acc || is.accepted < 0) continue;
    const audit::AcceptedIssue& e = acc->entries[static_cast<std::size_t>(is.accepted)];
    suppressed[is.finding] = {e.justification, e.expires.iso(), e.ticket};
  }
  std::vector<reports::PageReport> full_reports;
  for (const auto& l : pages) {
    if (l->checked) full_reports.push_back({l->checked->page, l->checked->evaluation, nullptr});
  }

  const std::optional<std::vector<std::string>> formats =
      prepare_formats(o.formats, o.output_dir.empty() ? "text" : "html", o.output_dir, lang);
  if (!formats) return kExitFailed;
  const reports::Options ro{lang, false, false, &suppressed};
  for (const std::string& format : *formats) {
    const std::string path = o.output_dir.empty() ? "" : (std::filesystem::path(o.output_dir) / output_file_name(format)).string();
    const bool written = write_output(path, lang, [&](std::ostream& out) {
      if (format == "html") {
        reports::write_acceptance_html(out, report, ro);
      } else if (format == "json") {
        reports::write_acceptance_json(out, report, ro);
      } else if (format == "earl") {
        reports::write_earl(out, full_reports, ro);
      } else if (format == "junit") {
        reports::write_junit(out, full_reports, ro);
      } else if (format == "sarif") {
        reports::write_sarif(out, full_reports, ro);
      } else {
        std::ostringstream text;
        reports::write_acceptance_text(text, report, ro);
        if (path.empty()) {  // page text on a terminal: escaped line by line
          std::istringstream lines(text.str());
          for (std::string line; std::getline(lines, line);) out << reports::escape_for_terminal(line) << '\n';
        } else {
          out << text.str();
        }
      }
    });
    if (!written) return kExitFailed;
  }
  // Problems the user should see even when the report goes to files.
  if (!o.output_dir.empty()) {
    for (const auto& l : pages) {
      if (!l->info.loaded) print_error(l->info.error.text(lang));
    }
    std::cerr << reports::escape_for_terminal(reports::verdict_text(report, lang)) << '\n';
  }

  if (acceptance.fails_at(fail_on_impact(o.fail_on))) return kExitFindings;
  return acceptance.pages_failed > 0 ? kExitFailed : kExitOk;
}

}  // namespace

RunFn register_audit(CLI::App& app, Lang lang) {
  auto o = std::make_shared<AuditOptions>();
  CLI::App* cmd = app.add_subcommand(
      "audit", tr(lang, "Leveransgodkännande: granska en tjänsts sidor mot en profil och skriv en rapport",
                  "Acceptance review: check the pages of a service against a profile and write a report"));
  cmd->add_option("targets", o->targets,
                  tr(lang, "Sidor (adresser eller filer); med --crawl startadresser", "Pages (URLs or files); with --crawl, start URLs"));
  cmd->add_option("--urls", o->urls_file,
                  tr(lang, "Fil med en adress per rad (# inleder en kommentar)", "File with one URL per line (# starts a comment)"));
  cmd->add_option("--sitemap", o->sitemaps, tr(lang, "Webbplatskarta (adress eller fil)", "Sitemap (URL or file)"));
  cmd->add_flag("--crawl", o->crawl, tr(lang, "Följ länkar från startadresserna", "Follow links from the start URLs"));
  cmd->add_option("--max-pages", o->max_pages, tr(lang, "Högst så många sidor från --crawl och från varje webbplatskarta (standard 50)",
                     "At most this many pages from --crawl and from each sitemap (default 50)"))
      ->check(CLI::PositiveNumber);
  cmd->add_option("--cookie-file", o->cookie_file,
                  tr(lang, "Cookie-fil i Netscape-format för inloggning (visas aldrig i rapporter)",
                     "Netscape cookie file for a login (never shown in reports)"));
  cmd->add_option("--auth-env", o->auth_env,
                  tr(lang, "Miljövariabel med användare:lösenord för Basic-inloggning (visas aldrig)",
                     "Environment variable holding user:password for Basic auth (never shown)"));
  CLI::Option* profile = cmd->add_option("--profile", o->profile,
                                         tr(lang, "Kriterieprofil (standard wcag21-aa)", "Criteria profile (default wcag21-aa)"));
  cmd->add_option("--config", o->config, tr(lang, "Inställningsfil med en [profile]", "Configuration file with a [profile]"))
      ->excludes(profile);
  cmd->add_option("--service", o->service, tr(lang, "Tjänstens namn i rapporten", "The service's name in the report"));
  cmd->add_option("--format", o->formats,
                  tr(lang, "Format: html, json, earl, junit, sarif, text; flera med komma (kräver --output-dir)",
                     "Formats: html, json, earl, junit, sarif, text; several separated by commas (need --output-dir)"))
      ->delimiter(',')
      ->check(CLI::IsMember({"html", "json", "earl", "junit", "sarif", "text"}));
  cmd->add_option("--output-dir", o->output_dir,
                  tr(lang, "Skriv varje format till KATALOG/granska.{html,json,earl.jsonld,junit.xml,sarif,txt}",
                     "Write each format to DIR/granska.{html,json,earl.jsonld,junit.xml,sarif,txt}"));
  cmd->add_option("--lang", o->lang, tr(lang, "Språk i rapporten: sv eller en", "Report language: sv or en"))
      ->check(CLI::IsMember({"sv", "en"}));
  add_fail_on_option(*cmd, o->fail_on, lang);
  cmd->add_option("--accepted", o->accepted,
                  tr(lang, "Fil med accepterade brister (TOML, med motivering och slutdatum)",
                     "File of accepted issues (TOML, with justification and expiry date)"));
  cmd->add_option("--today", o->today, "")->group("");  // tests: a fixed date for expiry
  add_input_options(*cmd, o->input, lang);
  return [o] { return run_audit(*o); };
}

}  // namespace granska::cli
