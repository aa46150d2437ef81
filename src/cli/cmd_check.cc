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
#include "cli/input_options.h"
#include "cli/output_files.h"
#include "fetch/fetch.h"
#include "input/load.h"
#include "pipeline/check_document.h"
#include "pipeline/check_page.h"
#include "reports/formats.h"

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
  bool media = false;
  std::string players;
  InputFlags input;
  std::vector<std::string> rules;
  std::vector<std::string> skip_rules;
};


bool use_color(const std::string& mode, bool to_stdout) {
  if (mode == "always") return true;
  if (mode == "never" || !to_stdout) return false;
  const char* term = std::getenv("TERM");
  return isatty(STDOUT_FILENO) && !std::getenv("NO_COLOR") && !(term && std::string_view(term) == "dumb");
}

int run_check(const CheckOptions& o) {
  Lang lang = *parse_lang(o.lang);
  const engine::Registry& registry = engine::Registry::builtin();
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
  std::unique_ptr<pipeline::CheckedPage> checked;
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
  } else {
    checked = pipeline::check_page(std::move(*page), run, fetcher.get());
  }
  const engine::PageEvaluation& evaluation = checked ? checked->evaluation : checked_document->evaluation;

  const std::optional<std::vector<std::string>> formats = prepare_formats(o.formats, "text", o.output_dir, lang);
  if (!formats) return kExitFailed;
  const reports::PageReport report =
      checked ? reports::PageReport{checked->page, evaluation, &checked->inventory}
              : reports::PageReport{checked_document->page, evaluation, nullptr, &checked_document->document};
  for (const std::string& format : *formats) {
    const std::string path = o.output_dir.empty() ? o.output : (std::filesystem::path(o.output_dir) / output_file_name(format)).string();
    reports::Options ro{lang, use_color(o.color, path.empty()), o.show_passed};
    ro.media_table = o.media;
    const reports::Format* f = reports::find_format(format);
    const bool written = write_output(path, lang, [&](std::ostream& out) {
      f->pages(out, std::span<const reports::PageReport>(&report, 1), ro);
    });
    if (!written) return kExitFailed;
  }

  return evaluation.fails_at(fail_on_impact(o.fail_on)) ? kExitFindings : kExitOk;
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
                  tr(lang, "Utdataformat: text, json, sarif, junit eller earl; flera med komma (kräver --output-dir)",
                     "Output format: text, json, sarif, junit or earl; several separated by commas (need --output-dir)"))
      ->delimiter(',')
      ->check(CLI::IsMember(reports::page_format_names()));
  add_fail_on_option(*cmd, o->fail_on, lang);
  CLI::Option* output =
      cmd->add_option("-o,--output", o->output, tr(lang, "Skriv rapporten till en fil", "Write the report to a file"));
  cmd->add_option("--output-dir", o->output_dir,
                  tr(lang, "Skriv varje format till KATALOG/granska.{txt,json,sarif,junit.xml,earl.jsonld}",
                     "Write each format to DIR/granska.{txt,json,sarif,junit.xml,earl.jsonld}"))
      ->excludes(output);
  cmd->add_flag("--show-passed", o->show_passed,
                tr(lang, "Visa även godkända element i textrapporten", "Also list passed elements in the text report"));
  cmd->add_flag("--media", o->media,
                tr(lang, "Visa sidans video- och ljudklipp i en tabell", "List the page's video and audio clips in a table"));
  cmd->add_option("--players", o->players,
                  tr(lang, "Lista över videospelare (JSON, som config/players.json)",
                     "List of video players (JSON, like config/players.json)"));
  cmd->add_option("--color", o->color, tr(lang, "Färg: auto, always eller never", "Colour: auto, always or never"))
      ->check(CLI::IsMember({"auto", "always", "never"}));
  add_input_options(*cmd, o->input, lang);
  cmd->add_option("--rules", o->rules, tr(lang, "Kör bara dessa regler (id)", "Run only these rules (ids)"))->delimiter(',');
  cmd->add_option("--skip-rules", o->skip_rules, tr(lang, "Hoppa över dessa regler (id)", "Skip these rules (ids)"))
      ->delimiter(',');
  return [o] { return run_check(*o); };
}

}  // namespace granska::cli
