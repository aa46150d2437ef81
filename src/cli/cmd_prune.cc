// granska prune --db FILE --keep N: removes old scans from a scan database, keeping the N
// newest complete ones (and any crawl still running after them). One transaction: an
// interrupted prune removes nothing.
#include <iostream>

#include "cli/commands.h"
#include "store/scan_source.h"

namespace granska::cli {

namespace {

struct PruneOptions {
  std::string db;
  int keep = 12;
  std::string lang = "sv";
};

std::string_view status_name(results::ScanStatus s, Lang lang) {
  switch (s) {
    case results::ScanStatus::Complete: return lang == Lang::En ? "complete" : "klar";
    case results::ScanStatus::Failed: return lang == Lang::En ? "abandoned" : "övergiven";
    case results::ScanStatus::Running: return lang == Lang::En ? "unfinished" : "ofullbordad";
  }
  return "";
}

int run_prune(const PruneOptions& o) {
  const Lang lang = *parse_lang(o.lang);
  auto removed = store::prune_scans(o.db, o.keep);
  if (!removed) {
    print_error(removed.error().text(lang));
    return kExitFailed;
  }
  if (removed->empty()) {
    std::cout << tr(lang, "Inget att ta bort.\n", "Nothing to remove.\n");
    return kExitOk;
  }
  for (const store::PrunedScan& s : *removed) {
    std::cout << tr(lang, "Tog bort granskning ", "Removed scan ") << s.id << " ("
              << (s.started.empty() ? tr(lang, "okänd start", "unknown start") : s.started) << ", "
              << status_name(s.status, lang) << ", " << s.pages << tr(lang, " sidor)\n", " pages)\n");
  }
  std::cout << tr(lang, "Borttagna granskningar: ", "Scans removed: ") << removed->size() << "\n";
  return kExitOk;
}

}  // namespace

RunFn register_prune(CLI::App& app, Lang lang) {
  auto o = std::make_shared<PruneOptions>();
  CLI::App* cmd = app.add_subcommand(
      "prune", tr(lang, "Ta bort gamla granskningar ur databasen", "Remove old scans from the database"));
  cmd->add_option("--db", o->db, tr(lang, "Granskningsdatabasen (från crawl --db)", "The scan database (from crawl --db)"))
      ->required();
  cmd->add_option("--keep", o->keep,
                  tr(lang, "Behåll så många av de senaste avslutade granskningarna (standard 12)",
                     "Keep this many of the newest complete scans (default 12)"))
      ->check(CLI::PositiveNumber);
  cmd->add_option("--lang", o->lang, tr(lang, "Språk: sv eller en", "Language: sv or en"))
      ->check(CLI::IsMember({"sv", "en"}));
  return [o] { return run_prune(*o); };
}

}  // namespace granska::cli
