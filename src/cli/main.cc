// granska: accessibility checks for Malmö stad's web (WCAG 2.1 / EN 301 549).
#include <algorithm>
#include <cstring>
#include <iostream>

#include "cli/cli_language.h"
#include "cli/commands.h"
#include "granska_version.h"

namespace {

// Help texts follow --lang, so it is looked at before CLI11 parses anything.
granska::Lang language_from_args(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    std::string_view a = argv[i];
    std::string_view value;
    if (a == "--lang" && i + 1 < argc) value = argv[i + 1];
    else if (a.rfind("--lang=", 0) == 0) value = a.substr(7);
    if (auto lang = granska::parse_lang(value)) return *lang;
  }
  return granska::Lang::Sv;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace granska;
  Lang lang = language_from_args(argc, argv);
  CLI::App app{cli::tr(lang, "granska – tillgänglighetsgranskning enligt WCAG 2.1 och EN 301 549",
                       "granska – accessibility checks against WCAG 2.1 and EN 301 549")};
  cli::localize_app(app, lang);
  app.set_version_flag("--version", std::string("granska ") + kVersion,
                       cli::tr(lang, "Visa versionen och avsluta", "Display program version information and exit"));
  app.require_subcommand(1);

  std::vector<std::pair<CLI::App*, cli::RunFn>> commands;
  // Each register_* call adds one subcommand; pair it with its run function. (The
  // filter overload lists every subcommand; the plain one only those already parsed.)
  auto add = [&](cli::RunFn fn) {
    commands.emplace_back(app.get_subcommands([](CLI::App*) { return true; }).back(), std::move(fn));
  };
  using Register = cli::RunFn (*)(CLI::App&, Lang);
  static constexpr std::pair<std::string_view, Register> kCommands[] = {
      {"check", cli::register_check}, {"rules", cli::register_rules},   {"inspect", cli::register_inspect},
      {"act", cli::register_act},     {"pdfua", cli::register_pdfua},   {"crawl", cli::register_crawl},
      {"config", cli::register_config}, {"prune", cli::register_prune}, {"audit", cli::register_audit},
      {"report", cli::register_report}, {"diff", cli::register_diff},   {"scan", cli::register_scan},
      {"serve", cli::register_serve}, {"site", cli::register_site}};
  // The command named first is the only one built: building every command's options cost
  // about 1 ms of each run. Anything else (help, --version, a mistyped name) builds them all.
  const auto named = std::find_if(std::begin(kCommands), std::end(kCommands),
                                  [&](const auto& c) { return argc > 1 && c.first == argv[1]; });
  for (const auto& [name, register_command] : kCommands) {
    if (named == std::end(kCommands) || name == named->first) add(register_command(app, lang));
  }

  // CLI11 would only say "a subcommand is required" for a mistyped one; name it instead.
  if (argc > 1 && argv[1][0] != '-') {
    auto all = app.get_subcommands([](CLI::App*) { return true; });
    bool known = std::any_of(all.begin(), all.end(), [&](CLI::App* sub) { return sub->check_name(argv[1]); });
    if (!known) {
      std::string names;
      for (CLI::App* sub : all) names += (names.empty() ? "" : ", ") + sub->get_name();
      cli::print_error(cli::tr(lang, "okänt kommando: ", "unknown command: ") + argv[1] +
                       cli::tr(lang, " (kommandon: ", " (commands: ") + names + ")");
      return cli::kExitFailed;
    }
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    if (e.get_exit_code() == 0) {  // --help or --version
      // Type names, validator descriptions and groups show only in help: localised when it
      // is printed, not on every start (walking every option of every command cost ~1 ms).
      cli::localize_commands(app, lang);
      return app.exit(e);
    }
    cli::print_error(cli::tr(lang, "fel i argumenten: ", "invalid arguments: ") + cli::parse_error_text(e, lang) +
                     cli::tr(lang, " (se granska --help)", " (see granska --help)"));
    return cli::kExitFailed;
  }
  for (auto& [sub, run] : commands) {
    if (sub->parsed()) return run();
  }
  return cli::kExitFailed;
}
