// granska report --db FILE --config FILE --out DIR [--lang en] [--scans N]: writes the scan
// report folder (reports/scan/scan_report.h) for the latest complete scan in the database, with
// units, profile and status scale from the configuration file. Exit 0 when written, 2 when
// the database has no complete scan, the configuration is invalid or a file cannot be written.
#include <filesystem>
#include <iostream>

#include "cli/commands.h"
#include "cli/load_config.h"
#include "config/org_config.h"
#include "cli/scan_steps.h"
#include "store/scan_source.h"
#include "engine/registry.h"
#include "reports/scan/scan_report.h"
#include "reports/common/terminal_escape.h"

namespace granska::cli {

int run_report_step(const ReportStep& o) {
  const Lang lang = *parse_lang(o.lang);
  const std::optional<config::OrgConfig> loaded = load_valid_org_config(o.config, lang);
  if (!loaded) return kExitFailed;
  const config::OrgConfig& config = *loaded;
  auto source = store::open_scan_source(o.db);
  if (!source) {
    print_error(source.error().text(lang));
    return kExitFailed;
  }
  reports::ScanReportOptions options;
  options.lang = lang;
  options.history = o.scans;
  options.thresholds = config.status;
  auto written = reports::write_scan_report(**source, config.map ? &*config.map : nullptr, config.profile,
                                            engine::Registry::builtin(), options, o.out);
  if (!written) {
    print_error(written.error().text(lang));
    return kExitFailed;
  }
  if (o.quiet) return kExitOk;
  std::cout << tr(lang, "Rapporten för genomsökning ", "The report for scan ") << written->scan
            << tr(lang, " är skriven till ", " is written to ") << reports::escape_for_terminal(o.out) << " ("
            << written->pages << tr(lang, " sidor, ", " pages, ") << written->units << tr(lang, " enheter, ", " units, ")
            << written->findings << tr(lang, " fynd).\n", " findings).\n")
            << "  " << reports::escape_for_terminal((std::filesystem::path(o.out) / "index.html").string()) << "\n";
  return kExitOk;
}

RunFn register_report(CLI::App& app, Lang lang) {
  auto o = std::make_shared<ReportStep>();
  CLI::App* cmd = app.add_subcommand(
      "report", tr(lang, "Skriv rapportmappen (HTML, CSV, JSON) för den senaste genomsökningen",
                   "Write the report folder (HTML, CSV, JSON) for the latest scan"));
  cmd->add_option("--db", o->db, tr(lang, "Databasen med genomsökningarna", "The scan database"))->required();
  cmd->add_option("--config", o->config,
                  tr(lang, "Inställningsfilen (enheter, profil, [status])", "The configuration file (units, profile, [status])"))
      ->required();
  cmd->add_option("--out", o->out, tr(lang, "Mappen att skriva rapporten i", "The folder to write the report to"))->required();
  cmd->add_option("--lang", o->lang, tr(lang, "Språk: sv eller en", "Language: sv or en"))->check(CLI::IsMember({"sv", "en"}));
  cmd->add_option("--scans", o->scans,
                  tr(lang, "Antal genomsökningar i diagrammen (standard 6)", "Scans shown in the charts (default 6)"))
      ->check(CLI::Range(1, 1000));
  return [o] { return run_report_step(*o); };
}

}  // namespace granska::cli
