// granska act --suite testcases.json: runs granska's rules over the W3C ACT Rules examples
// and reports how consistent each mapped rule is (the W3C implementation-report scoring),
// optionally as an EARL implementation report, and maintains the CI gate's baseline.
#include <fstream>
#include <iostream>
#include <optional>

#include "act/act_suite.h"
#include "act/baseline.h"
#include "render/pool.h"
#include "cli/commands.h"
#include "reports/act/act_report.h"
#include "reports/page/earl.h"

namespace granska::cli {

namespace {

struct ActOptions {
  std::string suite;
  std::string earl;
  std::string format = "text";
  std::string lang = "sv";
  std::string output;
  std::string write_baseline;
  std::string check_baseline;
  bool render = false;
  std::string chromium;
  int tabs = 0;
};

// Opens `path` for writing; prints the error and returns false when it cannot.
bool open_output(std::ofstream& file, const std::string& path, Lang lang) {
  file.open(path, std::ios::binary);
  if (file) return true;
  print_error(tr(lang, "kan inte skriva till ", "cannot write to ") + path);
  return false;
}

bool finish(std::ostream& out, const std::string& path, Lang lang) {
  out.flush();
  if (out) return true;
  print_error(tr(lang, "kunde inte skriva ", "could not write ") + (path.empty() ? std::string("stdout") : path));
  return false;
}

int run_act(const ActOptions& o) {
  const Lang lang = *parse_lang(o.lang);
  Result<act::Suite> suite = act::load_suite(o.suite);
  if (!suite) {
    print_error(suite.error().text(lang));
    return kExitFailed;
  }
  // Read the baseline before the run, so a bad path fails fast.
  std::optional<act::Baseline> baseline;
  if (!o.check_baseline.empty()) {
    Result<act::Baseline> b = act::read_baseline(o.check_baseline);
    if (!b) {
      print_error(b.error().text(lang));
      return kExitFailed;
    }
    baseline = std::move(b).value();
  }

  reports::Options ro;
  ro.lang = lang;
  act::RunOptions options;
  options.lang = lang;
  // --render: the examples as the browser shows them. The browser reaches nothing but the
  // local files and 127.0.0.1 (the examples' outside resources fail to load, as offline).
  std::unique_ptr<render::Pool> pool;
  if (o.render) {
    render::PoolOptions po;
    po.launch.chromium_path = o.chromium;
    po.launch.loopback_only = true;
    po.tabs = o.tabs;
    po.idle_quiet_ms = 200;
    po.idle_cap_ms = 2000;
    po.page_timeout_ms = 20000;
    Result<std::unique_ptr<render::Pool>> started = render::Pool::start(po);
    if (!started) {
      print_error(started.error().text(lang));
      return kExitFailed;
    }
    pool = std::move(started).value();
    options.threads = pool->tabs();
    options.render = [&pool](const std::string& url) -> Result<render::RenderedView> {
      render::PageRequest request;
      request.url = url;
      return render::render_view(*pool, request);
    };
  }
  act::SuiteRun run = act::run_suite(*suite, engine::Registry::builtin(), options);

  if (!o.earl.empty()) {
    std::ofstream file;
    if (!open_output(file, o.earl, lang)) return kExitFailed;
    auto subjects = reports::act_earl_subjects(*suite, run, lang);
    reports::write_earl(file, reports::EarlAssertor{}, subjects);
    if (!finish(file, o.earl, lang)) return kExitFailed;
  }
  if (!o.write_baseline.empty()) {
    std::ofstream file;
    if (!open_output(file, o.write_baseline, lang)) return kExitFailed;
    file << act::baseline_json(*suite, run);
    if (!finish(file, o.write_baseline, lang)) return kExitFailed;
  }

  std::ofstream file;
  if (!o.output.empty() && !open_output(file, o.output, lang)) return kExitFailed;
  std::ostream& out = o.output.empty() ? std::cout : file;
  if (o.format == "json") {
    reports::write_act_json(out, *suite, run, ro);
  } else {
    reports::write_act_text(out, *suite, run, ro);
  }
  if (!finish(out, o.output, lang)) return kExitFailed;

  if (baseline) {
    auto violations = act::check_gate(*suite, run, *baseline);
    for (const act::GateViolation& v : violations) print_error(act::describe(v, *suite, run, lang));
    if (!violations.empty()) return kExitFindings;
  }
  return kExitOk;
}

}  // namespace

RunFn register_act(CLI::App& app, Lang lang) {
  auto o = std::make_shared<ActOptions>();
  CLI::App* cmd = app.add_subcommand(
      "act", tr(lang, "Mät granskas regler mot W3C:s ACT-regler och deras testexempel",
                "Score granska's rules against the W3C ACT Rules and their test cases"));
  cmd->add_option("--suite", o->suite,
                  tr(lang, "ACT-testfallen: testcases.json (rules.json ska ligga bredvid)",
                     "The ACT test cases: testcases.json (with rules.json beside it)"))
      ->required();
  cmd->add_option("--earl", o->earl,
                  tr(lang, "Skriv också en EARL-rapport (JSON-LD) för W3C:s implementeringssidor till FIL",
                     "Also write an EARL implementation report (JSON-LD) for the W3C pages to FILE"));
  cmd->add_option("--format", o->format, tr(lang, "Utdataformat: text eller json", "Output format: text or json"))
      ->check(CLI::IsMember({"text", "json"}));
  cmd->add_option("--lang", o->lang, tr(lang, "Språk i rapporten: sv eller en", "Report language: sv or en"))
      ->check(CLI::IsMember({"sv", "en"}));
  cmd->add_option("-o,--output", o->output, tr(lang, "Skriv sammanfattningen till en fil", "Write the summary to a file"));
  CLI::Option* render_flag = cmd->add_flag(
      "--render", o->render,
      tr(lang, "Visa varje exempel i headless Chromium och granska det som webbläsaren visar det",
         "Render each example in headless Chromium and check it as the browser shows it"));
  cmd->add_option("--chromium", o->chromium,
                  tr(lang, "Chromium att använda (standard: chromium på PATH)", "The Chromium to use (default: chromium on PATH)"))
      ->needs(render_flag);
  cmd->add_option("--tabs", o->tabs,
                  tr(lang, "Med --render: sidor som visas samtidigt (standard: antalet kärnor)",
                     "With --render: pages rendered at once (default: the number of cores)"))
      ->check(CLI::Range(0, 64))
      ->needs(render_flag);
  cmd->add_option("--write-baseline", o->write_baseline,
                  tr(lang, "Skriv nuvarande nivå per ACT-regel som baslinje till FIL (t.ex. tests/act/baseline.json)",
                     "Write the current level per ACT rule as the baseline to FILE (e.g. tests/act/baseline.json)"));
  cmd->add_option("--check-baseline", o->check_baseline,
                  tr(lang, "Slutkod 1 om en ACT-regel hamnar under baslinjen i FIL eller ett exempel blir falskt positivt",
                     "Exit 1 when an ACT rule falls below the baseline in FILE or an example is a false positive"));
  return [o] { return run_act(*o); };
}

}  // namespace granska::cli
