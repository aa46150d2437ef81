// granska pdfua --suite DIR: runs granska's PDF rules over the PDF/UA-1 part of the veraPDF
// test corpus and reports, per requirement granska implements, how many pass files it
// leaves alone and how many fail files it catches; maintains the CI gate's baseline.
#include <fstream>
#include <iostream>

#include "cli/commands.h"
#include "pdfua/corpus.h"

namespace granska::cli {

namespace {

struct PdfuaOptions {
  std::string suite;
  std::string format = "text";
  std::string lang = "sv";
  std::string write_baseline;
  std::string check_baseline;
};

int run_pdfua(const PdfuaOptions& o) {
  const Lang lang = *parse_lang(o.lang);
  Result<std::vector<pdfua::CorpusFile>> files = pdfua::list_corpus(o.suite);
  if (!files) {
    print_error(files.error().text(lang));
    return kExitFailed;
  }
  std::optional<pdfua::Baseline> baseline;
  if (!o.check_baseline.empty()) {
    Result<pdfua::Baseline> b = pdfua::read_baseline(o.check_baseline);
    if (!b) {
      print_error(b.error().text(lang));
      return kExitFailed;
    }
    baseline = std::move(b).value();
  }
  pdfua::CorpusRun run = pdfua::run_corpus(std::move(files).value(), engine::Registry::builtin());
  if (!o.write_baseline.empty()) {
    std::ofstream out(o.write_baseline, std::ios::binary);
    out << pdfua::baseline_json(run);
    if (!out) {
      print_error(tr(lang, "kunde inte skriva ", "could not write ") + o.write_baseline);
      return kExitFailed;
    }
  }
  std::cout << (o.format == "markdown" ? pdfua::summary_markdown(run) : pdfua::summary_text(run, lang));
  if (baseline) {
    const std::vector<std::string> problems = pdfua::check_gate(run, *baseline);
    for (const std::string& p : problems) print_error(p);
    if (!problems.empty()) return kExitFindings;
  }
  return kExitOk;
}

}  // namespace

RunFn register_pdfua(CLI::App& app, Lang lang) {
  auto o = std::make_shared<PdfuaOptions>();
  CLI::App* cmd = app.add_subcommand(
      "pdfua", tr(lang, "Mät granskas PDF-regler mot PDF/UA-1-testfilerna (veraPDF-korpusen)",
                  "Score granska's PDF rules against the PDF/UA-1 test files (the veraPDF corpus)"));
  cmd->add_option("--suite", o->suite, tr(lang, "Katalogen med testfilerna, t.ex. ../shared/pdfua",
                                          "The folder of test files, e.g. ../shared/pdfua"))
      ->required();
  cmd->add_option("--format", o->format, tr(lang, "Utdataformat: text eller markdown", "Output format: text or markdown"))
      ->check(CLI::IsMember({"text", "markdown"}));
  cmd->add_option("--lang", o->lang, tr(lang, "Språk i rapporten: sv eller en", "Report language: sv or en"))
      ->check(CLI::IsMember({"sv", "en"}));
  cmd->add_option("--write-baseline", o->write_baseline,
                  tr(lang, "Skriv nuvarande siffror per krav som baslinje till FIL (tests/pdfua/baseline.json)",
                     "Write the current figures per requirement as the baseline to FILE (tests/pdfua/baseline.json)"));
  cmd->add_option("--check-baseline", o->check_baseline,
                  tr(lang, "Slutkod 1 om ett krav hamnar under baslinjen i FIL eller underkänner en godkänd fil",
                     "Exit 1 when a requirement falls below the baseline in FILE or fails a pass file"));
  return [o] { return run_pdfua(*o); };
}

}  // namespace granska::cli
