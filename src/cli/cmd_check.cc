// granska check TARGET: one page (file, URL or stdin) loaded, checked (pipeline::check_page)
// and written as a report, with the exit code as the verdict.
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>

#include "cli/commands.h"
#include "cli/browser_options.h"
#include "cli/input_options.h"
#include "cli/output_files.h"
#include "fetch/fetch.h"
#include "input/load.h"
#include "org/profile.h"
#include "pipeline/check_document.h"
#include "pipeline/check_page.h"
#include "render/pool.h"
#include "reports/compare/compare.h"
#include "reports/formats.h"
#include "results/rows_from_page.h"

namespace granska::cli {

namespace {

struct CheckOptions {
  std::string target;
  std::string lang = "sv";
  std::vector<std::string> formats;  // empty: text
  std::string fail_on = "minor";
  std::string color = "auto";
  std::string output;
  std::string output_dir;
  bool show_passed = false;
  bool all = false;
  std::string profile = "wcag21-aa";
  bool media = false;
  std::string players;
  InputFlags input;
  std::vector<std::string> rules;
  std::vector<std::string> skip_rules;
  bool render = false;
  bool compare = false;
  BrowserFlags browser;
};

// Whether a requested format shows the page's SHA-256 (JSON, SARIF, JUnit; not the text
// or the HTML result page). No --format is text.
bool shows_fingerprint(const std::vector<std::string>& formats) {
  for (const std::string& f : formats) {
    if (f != "text" && f != "html") return true;
  }
  return false;
}

// The page as headless Chromium renders it, as a view over its DOM; an Error (bilingual)
// when the browser cannot be started or cannot render the page.
Result<render::RenderedView> render_page(const CheckOptions& o, const input::Page& page) {
  Result<std::unique_ptr<render::Pool>> pool = render::Pool::start(o.browser.pool_options(o.input.timeout_s, 1));
  if (!pool) return pool.error();
  render::PageRequest request;
  request.url = page.url;
  request.login.headers = o.input.headers;
  return render::render_view(**pool, request);
}


std::vector<std::string> profile_names() {
  std::vector<std::string> out;
  for (const org::Profile& p : org::builtin_profiles()) out.push_back(p.id);
  return out;
}

bool use_color(const std::string& mode, bool to_stdout) {
  if (mode == "always") return true;
  if (mode == "never" || !to_stdout) return false;
  const char* term = std::getenv("TERM");
  return isatty(STDOUT_FILENO) && !std::getenv("NO_COLOR") && !(term && std::string_view(term) == "dumb");
}

int run_check(const CheckOptions& o) {
  Lang lang = *parse_lang(o.lang);
  const engine::Registry& registry = engine::Registry::builtin();
  const org::Profile* profile = org::find_profile(o.profile);
  if (!profile) {
    std::string names;
    for (const org::Profile& p : org::builtin_profiles()) names += (names.empty() ? "" : ", ") + p.id;
    print_error(tr(lang, "okänd profil: ", "unknown profile: ") + o.profile + tr(lang, " (profiler: ", " (profiles: ") + names + ")");
    return kExitFailed;
  }
  for (const auto* ids : {&o.rules, &o.skip_rules}) {
    for (const std::string& id : *ids) {
      if (!registry.find(id)) {
        print_error(tr(lang, "okänd regel: ", "unknown rule: ") + id + tr(lang, " (se granska rules)", " (see granska rules)"));
        return kExitFailed;
      }
    }
  }

  auto fetcher = fetch::make_curl_fetcher();
  input::Options input_options = o.input.to_options();
  input_options.accept_documents = true;  // PDF and Office files: checked as documents
  input_options.fingerprint = shows_fingerprint(o.formats);
  Result<input::Page> page = input::load(o.target, input_options, *fetcher, std::cin);
  if (!page) {
    print_error(page.error().text(lang));
    return kExitFailed;
  }

  // The inventory's items point at their Player, so a custom list must outlive the page.
  Result<media::PlayerList> custom = media::PlayerList{};
  pipeline::RunContext run;
  run.selection = engine::Selection{o.rules, o.skip_rules, true};
  run.fetch = o.input.to_options().fetch;
  style::SheetCache sheets;  // linked style sheets, read from disk or fetched like the page
  run.sheets = &sheets;
  if (!o.players.empty()) {
    custom = media::PlayerList::load_file(o.players);
    if (!custom) {
      print_error(custom.error().text(lang));
      return kExitFailed;
    }
    run.players = &custom.value();
  }
  // A PDF or Office file goes to the document model and rules instead of the HTML pipeline
  // (docs/decisions/0018-documents.md); both end in the same report writers.
  if (o.render && o.target == "-") {
    print_error(tr(lang, "--render behöver en fil eller webbadress som webbläsaren kan öppna, inte standard in",
                   "--render needs a file or URL the browser can open, not standard input"));
    return kExitFailed;
  }
  std::unique_ptr<pipeline::CheckedPage> checked, static_checked;
  std::unique_ptr<pipeline::CheckedDocument> checked_document;
  if (page->document) {
    documents::Limits limits;
    limits.max_bytes = input_options.max_bytes;
    Result<std::unique_ptr<pipeline::CheckedDocument>> d = pipeline::check_document(std::move(*page), run, limits);
    if (!d) {
      print_error(d.error().text(lang));
      return kExitFailed;
    }
    checked_document = std::move(d).value();
  } else if (o.render) {
    // The static check is needed only to compare; the rendered one is the report.
    if (o.compare) static_checked = pipeline::check_page(*page, run, fetcher.get());
    Result<render::RenderedView> view = render_page(o, *page);
    if (!view) {
      print_error(view.error().text(lang));
      return kExitFailed;
    }
    checked = pipeline::check_rendered(std::move(*page), std::move(view).value(), run, fetcher.get(), fetcher.get());
  } else {
    checked = pipeline::check_page(std::move(*page), run, fetcher.get());
  }
  const engine::PageEvaluation& evaluation = checked ? checked->evaluation : checked_document->evaluation;

  const std::optional<std::vector<std::string>> formats = prepare_formats(o.formats, "text", o.output_dir, lang);
  if (!formats) return kExitFailed;
  const std::string title = checked && checked->doc ? results::page_title(*checked->doc) : std::string();
  reports::PageReport report =
      checked ? reports::PageReport{checked->page, evaluation, &checked->inventory, nullptr, title}
              : reports::PageReport{checked_document->page, evaluation, nullptr, &checked_document->document};
  report.rendered = checked && checked->rendered;
  if (static_checked) {
    // --compare: what differs between the two checks, instead of the page report.
    const reports::ModeComparison comparison{checked->page.url, static_checked->evaluation, checked->evaluation};
    for (const std::string& format : *formats) {
      if (format != "text" && format != "json") {
        print_error(tr(lang, "--compare skriver text eller json", "--compare writes text or json"));
        return kExitFailed;
      }
      const std::string path = o.output_dir.empty() ? o.output : (std::filesystem::path(o.output_dir) / output_file_name(format)).string();
      const bool written = write_output(path, lang, [&](std::ostream& out) {
        if (format == "json") reports::write_compare_json(out, comparison, lang);
        else reports::write_compare_text(out, comparison, lang);
      });
      if (!written) return kExitFailed;
    }
  }
  for (const std::string& format : static_checked ? std::vector<std::string>{} : *formats) {
    const std::string path = o.output_dir.empty() ? o.output : (std::filesystem::path(o.output_dir) / output_file_name(format)).string();
    reports::Options ro{lang, use_color(o.color, path.empty()), o.show_passed};
    ro.media_table = o.media;
    ro.profile = profile;
    ro.all = o.all;
    const reports::Format* f = reports::find_format(format);
    const bool written = write_output(path, lang, [&](std::ostream& out) {
      f->pages(out, std::span<const reports::PageReport>(&report, 1), ro);
    });
    if (!written) return kExitFailed;
  }

  // The gate counts the profile's criteria only, as the report for people shows them: an
  // AAA failure does not fail a wcag21-aa check (the machine formats still list it).
  const engine::Impact threshold = fail_on_impact(o.fail_on);
  const bool fails = std::any_of(evaluation.rules.begin(), evaluation.rules.end(), [&](const engine::RuleResult& r) {
    const engine::RuleInfo& info = r.rule->info;
    return r.outcome == engine::Outcome::Failed && info.kind == engine::RuleKind::Requirement && info.impact <= threshold &&
           org::covers(*profile, info);
  });
  return fails ? kExitFindings : kExitOk;
}

}  // namespace

RunFn register_check(CLI::App& app, Lang lang) {
  auto o = std::make_shared<CheckOptions>();
  CLI::App* cmd = app.add_subcommand(
      "check", tr(lang, "Granska en sida: en fil, en webbadress eller - för standard in",
                  "Check one page: a file, a URL, or - for standard input"));
  cmd->add_option("target", o->target, tr(lang, "Fil, http(s)-adress eller -", "File, http(s) URL or -"))->required();
  cmd->add_option("--lang", o->lang, tr(lang, "Språk i rapporten: sv eller en", "Report language: sv or en"))
      ->check(CLI::IsMember({"sv", "en"}));
  cmd->add_option("--format", o->formats,
                  tr(lang, "Utdataformat: text, html (resultatsidan), json, sarif, junit eller earl; flera med komma (kräver --output-dir)",
                     "Output format: text, html (the result page), json, sarif, junit or earl; several separated by commas (need --output-dir)"))
      ->delimiter(',')
      ->check(CLI::IsMember(reports::page_format_names()));
  add_fail_on_option(*cmd, o->fail_on, lang);
  CLI::Option* output =
      cmd->add_option("-o,--output", o->output, tr(lang, "Skriv rapporten till en fil", "Write the report to a file"));
  cmd->add_option("--output-dir", o->output_dir,
                  tr(lang, "Skriv varje format till KATALOG/granska.{txt,html,json,sarif,junit.xml,earl.jsonld}",
                     "Write each format to DIR/granska.{txt,html,json,sarif,junit.xml,earl.jsonld}"))
      ->excludes(output);
  cmd->add_option("--profile", o->profile,
                  tr(lang, "Kriterierna som text och html visar och som slutkoden räknar: wcag21-aa (nivå A och AA), "
                           "wcag21-aaa (även AAA) eller dos-review",
                     "The criteria that text and html show and the exit code counts: wcag21-aa (levels A and AA), "
                     "wcag21-aaa (AAA too) or dos-review"))
      ->check(CLI::IsMember(profile_names()));
  cmd->add_flag("--all", o->all,
                tr(lang, "Textrapporten som hel lista: varje element för sig, alla kriterier, sammanfattningen sist",
                   "The text report as the full list: every element on its own, every criterion, the summary last"));
  cmd->add_flag("--show-passed", o->show_passed,
                tr(lang, "Visa även godkända element: i textrapporten (som --all) och i JSON",
                   "Also list passed elements: in the text report (as --all) and in JSON"));
  cmd->add_flag("--media", o->media,
                tr(lang, "Visa sidans video- och ljudklipp i en tabell", "List the page's video and audio clips in a table"));
  cmd->add_option("--players", o->players,
                  tr(lang, "Lista över videospelare (JSON, som config/players.json)",
                     "List of video players (JSON, like config/players.json)"));
  cmd->add_option("--color", o->color, tr(lang, "Färg: auto, always eller never", "Colour: auto, always or never"))
      ->check(CLI::IsMember({"auto", "always", "never"}));
  add_input_options(*cmd, o->input, lang);
  CLI::Option* render_flag = cmd->add_flag(
      "--render", o->render,
      tr(lang, "Visa sidan i headless Chromium och granska den som webbläsaren visar den: innehåll som skript "
               "bygger, webbläsarens stilar, anpassning till 320 pixlars bredd och synligt fokus",
         "Render the page in headless Chromium and check it as the browser shows it: content built by scripts, "
         "the browser's styles, reflow at 320 pixels and visible focus"));
  cmd->add_flag("--compare", o->compare,
                tr(lang, "Med --render: visa vad som skiljer mellan den statiska och den renderade granskningen",
                   "With --render: show what differs between the static and the rendered check"))
      ->needs(render_flag);
  add_browser_options(*cmd, o->browser, render_flag, lang);
  cmd->add_option("--rules", o->rules, tr(lang, "Kör bara dessa regler (id)", "Run only these rules (ids)"))->delimiter(',');
  cmd->add_option("--skip-rules", o->skip_rules, tr(lang, "Hoppa över dessa regler (id)", "Skip these rules (ids)"))
      ->delimiter(',');
  return [o] { return run_check(*o); };
}

}  // namespace granska::cli
