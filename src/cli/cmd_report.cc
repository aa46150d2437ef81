// granska report --db FILE --config FILE --out DIR [--lang en] [--scans N] [--scan ID]:
// writes the scan report folder (reports/scan/scan_report.h) for a complete scan in the
// database (the latest unless --scan names one), with units, profile and status scale from
// the configuration file. The folder is written under a temporary name and renamed into
// place. Exit 0 when written, 2 when the database has no such complete scan, the
// configuration is invalid, DIR holds other files than a report, or a file cannot be
// written.
#include <filesystem>
#include <iostream>
#include <limits>

#include "cli/commands.h"
#include "cli/load_config.h"
#include "config/org_config.h"
#include "store/scan_source.h"
#include "engine/registry.h"
#include "reports/scan/scan_report.h"
#include "reports/common/terminal_escape.h"

namespace granska::cli {

namespace {

struct ReportOptions {
  std::string db;
  std::string config;
  std::string out;
  std::string lang = "sv";
  std::size_t scans = 12;  // scans shown in the charts and the status per scan
  std::int64_t scan = 0;   // the complete scan to report; 0 = the latest
};

int run_report(const ReportOptions& o) {
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
  options.scan = o.scan;
  auto written = reports::write_scan_report(**source, config.map ? &*config.map : nullptr, config.profile,
                                            engine::Registry::builtin(), options, o.out);
  if (!written) {
    print_error(written.error().text(lang));
    return kExitFailed;
  }
  std::cout << tr(lang, "Rapporten för genomsökning ", "The report for scan ") << written->scan
            << tr(lang, " är skriven till ", " is written to ") << reports::escape_for_terminal(o.out) << " ("
            << written->pages << tr(lang, " sidor, ", " pages, ") << written->units << tr(lang, " enheter, ", " units, ")
            << written->findings << tr(lang, " fynd).\n", " findings).\n")
            << "  " << reports::escape_for_terminal((std::filesystem::path(o.out) / "index.html").string()) << "\n";
  return kExitOk;
}

}  // namespace

RunFn register_report(CLI::App& app, Lang lang) {
  auto o = std::make_shared<ReportOptions>();
  CLI::App* cmd = app.add_subcommand(
      "report", tr(lang, "Skriv rapportmappen (HTML, CSV, XLSX, JSON) för en avslutad genomsökning",
                   "Write the report folder (HTML, CSV, XLSX, JSON) for a complete scan"));
  cmd->add_option("--db", o->db, tr(lang, "Databasen med genomsökningarna", "The scan database"))->required();
  cmd->add_option("--config", o->config,
                  tr(lang, "Inställningsfilen (enheter, profil, [status])", "The configuration file (units, profile, [status])"))
      ->required();
  cmd->add_option("--out", o->out, tr(lang, "Mappen att skriva rapporten i", "The folder to write the report to"))->required();
  cmd->add_option("--lang", o->lang, tr(lang, "Språk: sv eller en", "Language: sv or en"))->check(CLI::IsMember({"sv", "en"}));
  cmd->add_option("--scans", o->scans,
                  tr(lang, "Antal genomsökningar i diagrammen och statusen per genomsökning (standard 12)",
                     "Scans shown in the charts and the status per scan (default 12)"))
      ->check(CLI::Range(1, 1000));
  cmd->add_option("--scan", o->scan,
                  tr(lang, "Genomsökningen att rapportera (nummer; standard: den senaste avslutade)",
                     "The scan to report (its number; default: the latest complete one)"))
      ->check(CLI::Range(static_cast<std::int64_t>(1), std::numeric_limits<std::int64_t>::max()));
  return [o] { return run_report(*o); };
}

}  // namespace granska::cli
