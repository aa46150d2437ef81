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
#include "audit/audit_run.h"
#include "cli/commands.h"
#include "cli/browser_options.h"
#include "cli/input_options.h"
#include "cli/load_config.h"
#include "config/org_config.h"
#include "cli/output_files.h"
#include "fetch/fetch.h"
#include "granska_version.h"
#include "input/load.h"
#include "pipeline/check_page.h"
#include "reports/acceptance/acceptance_report.h"
#include "reports/formats.h"
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
  std::string render = "never";
  BrowserFlags browser;
};

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

  audit::AuditRequest request;
  request.targets = o.targets;
  request.urls_file = o.urls_file;
  request.sitemaps = o.sitemaps;
  request.crawl = o.crawl;
  request.max_pages = o.max_pages;
  request.input = o.input.to_options();
  request.cookie_file = o.cookie_file;
  if (!o.auth_env.empty()) {
    const char* cred = std::getenv(o.auth_env.c_str());
    if (!cred || std::string_view(cred).find(':') == std::string_view::npos) {
      // Names the variable, never its value.
      print_error(tr(lang, "miljövariabeln ", "the environment variable ") + o.auth_env +
                  tr(lang, " saknas eller har inte formen användare:lösenord",
                     " is missing or not of the form user:password"));
      return kExitFailed;
    }
    request.basic_credentials = cred;
  }
  request.profile = &profile;
  const audit::AcceptedList* acc = accepted ? &*accepted : nullptr;
  request.accepted = acc;
  request.today = today;
  request.registry = &registry;
  // --render: one browser for the audit, a tab per core.
  std::unique_ptr<render::Pool> browser;
  if (o.render != "never") {
    Result<std::unique_ptr<render::Pool>> started = render::Pool::start(o.browser.pool_options(o.input.timeout_s, 0));
    if (!started) {
      print_error(started.error().text(lang));
      return kExitFailed;
    }
    browser = std::move(started).value();
    request.browser = browser.get();
    request.render = *render::parse_render_mode(o.render);
  }
  auto fetcher = fetch::make_curl_fetcher();
  Result<audit::AuditRun> run =
      audit::run_audit(request, {fetcher.get(), nullptr}, [&](const Error& e) { print_error(e.text(lang)); });
  if (!run) {
    print_error(run.error().text(lang));
    return kExitFailed;
  }
  const audit::Acceptance& acceptance = run->acceptance;

  reports::AcceptanceReport report;
  report.service = o.service;
  report.date = audit::today_utc().iso();
  if (!o.today.empty()) report.date = today.iso();
  report.version = kVersion;
  report.rule_count = registry.rules().size();
  report.catalogue_sha256 = audit::catalogue_sha256(registry);
  report.profile = &profile;
  report.login = run->login;
  report.pages = run->pages;
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
  for (std::size_t i = 0; i < run->pages.size(); ++i) {
    if (const auto& c = run->checked[i]) full_reports.push_back({c->page, c->evaluation, nullptr});
    if (const auto& d = run->documents[i]) full_reports.push_back({d->page, d->evaluation, nullptr, &d->document});
  }

  const std::optional<std::vector<std::string>> formats =
      prepare_formats(o.formats, o.output_dir.empty() ? "text" : "html", o.output_dir, lang);
  if (!formats) return kExitFailed;
  for (const std::string& format : *formats) {
    const std::string path = o.output_dir.empty() ? "" : (std::filesystem::path(o.output_dir) / output_file_name(format)).string();
    reports::Options ro{lang, false, false, &suppressed};
    ro.terminal = path.empty();
    const reports::Format* f = reports::find_format(format);
    const bool written = write_output(path, lang, [&](std::ostream& out) { f->acceptance(out, report, full_reports, ro); });
    if (!written) return kExitFailed;
  }
  // Problems the user should see even when the report goes to files.
  if (!o.output_dir.empty()) {
    for (const audit::AuditedPage& p : run->pages) {
      if (!p.loaded) print_error(p.error.text(lang));
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
  CLI::Option* render_flag = cmd->add_flag(
      "--render{always}", o->render,
      tr(lang, "Visa sidorna i headless Chromium och granska dem som webbläsaren visar dem, med samma inloggning: "
               "--render (alla sidor) eller --render=auto (bara sidor som skript bygger)",
         "Render the pages in headless Chromium and check them as the browser shows them, with the same login: "
         "--render (every page) or --render=auto (only pages built by scripts)"))
      ->check(CLI::IsMember({"never", "auto", "always"}));
  add_browser_options(*cmd, o->browser, render_flag, lang);
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
      ->check(CLI::IsMember(reports::acceptance_format_names()));
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
