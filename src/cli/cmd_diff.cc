// granska diff --db FILE [SCAN_A SCAN_B] [--config FILE] [--format text|json] [--lang en]:
// what changed between two complete scans (default: the last two): new, fixed and remaining
// failures per unit, and the new and fixed failures themselves. With --config, units and
// the criteria counted are the configuration's, so the figures match `granska report`'s.
// Exit 0 when compared, 2 when there are not two complete scans or an id is not one.
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/load_config.h"
#include "config/org_config.h"
#include "store/scan_source.h"
#include "engine/registry.h"
#include "reports/common/terminal_escape.h"
#include "figures/trend.h"

namespace granska::cli {

namespace {

struct DiffOptions {
  std::string db;
  std::vector<results::ScanId> scans;
  std::string config;
  std::string format = "text";
  std::string lang = "sv";
};

nlohmann::json finding_json(const figures::DiffFinding& f) {
  return {{"page_url", f.page_url}, {"unit", f.unit},         {"rule", f.rule},      {"message_id", f.message_id},
          {"message", f.message},   {"selector", f.selector}, {"line", f.line},      {"column", f.column},
          {"snippet", f.snippet}};
}

nlohmann::json trend_json(const figures::Trend& t) {
  return {{"new", t.added}, {"fixed", t.fixed}, {"remaining", t.remaining}, {"not_rechecked", t.not_rechecked},
          {"not_checked_before", t.not_checked_before}};
}

void print_text(const figures::DiffResult& d, Lang lang) {
  using reports::escape_for_terminal;
  std::cout << tr(lang, "Jämförelse av genomsökning ", "Comparing scan ") << d.a.id << " (" << d.a.started << ")"
            << tr(lang, " med ", " with ") << d.b.id << " (" << d.b.started << ")\n\n";
  std::cout << tr(lang, "Enhet: nya / åtgärdade / kvarstående fel / fel på sidor ej granskade igen / på sidor ej granskade förra gången\n",
                  "Unit: new / fixed / remaining failures / on pages not checked again / on pages not checked last time\n");
  for (const figures::DiffUnit& u : d.units) {
    const std::string label = u.id.empty() ? "-" : u.name == u.id ? u.id : u.name + " (" + u.id + ")";
    std::cout << "  " << escape_for_terminal(label) << ": " << u.trend.added << " / " << u.trend.fixed
              << " / " << u.trend.remaining << " / " << u.trend.not_rechecked << " / " << u.trend.not_checked_before << "\n";
  }
  std::cout << "  " << tr(lang, "Totalt", "Total") << ": " << d.total.added << " / " << d.total.fixed << " / "
            << d.total.remaining << " / " << d.total.not_rechecked << " / " << d.total.not_checked_before << "\n";
  auto list = [&](const std::vector<figures::DiffFinding>& fs, const std::string& heading) {
    std::cout << "\n" << heading << " (" << fs.size() << "):\n";
    for (const figures::DiffFinding& f : fs) {
      std::cout << "  " << escape_for_terminal(f.page_url) << "\n    " << f.rule << ": " << escape_for_terminal(f.message)
                << "\n    " << (f.selector.empty() ? tr(lang, "(hela sidan)", "(whole page)") : escape_for_terminal(f.selector))
                << "  " << tr(lang, "rad ", "line ") << f.line << "\n";
    }
  };
  list(d.added, tr(lang, "Nya fel", "New failures"));
  list(d.fixed, tr(lang, "Åtgärdade fel", "Fixed failures"));
}

int run_diff(const DiffOptions& o) {
  const Lang lang = *parse_lang(o.lang);
  std::optional<config::OrgConfig> config;
  if (!o.config.empty()) {
    config = load_valid_org_config(o.config, lang);
    if (!config) return kExitFailed;
  }
  auto source = store::open_scan_source(o.db);
  if (!source) {
    print_error(source.error().text(lang));
    return kExitFailed;
  }
  results::ScanId a = 0, b = 0;
  if (o.scans.size() == 2) {
    a = o.scans[0], b = o.scans[1];
  } else if (o.scans.empty()) {
    auto complete = (*source)->complete_scans();
    if (complete.size() < 2) {
      print_error(tr(lang, "databasen har färre än två avslutade genomsökningar att jämföra",
                     "the database has fewer than two complete scans to compare"));
      return kExitFailed;
    }
    a = complete[complete.size() - 2].id, b = complete.back().id;
  } else {
    print_error(tr(lang, "ange två genomsökningar (SCAN_A SCAN_B) eller inga", "give two scans (SCAN_A SCAN_B) or none"));
    return kExitFailed;
  }
  auto d = figures::diff(**source, a, b, engine::Registry::builtin(), lang,
                        config && config->map ? &*config->map : nullptr, config ? &config->profile : nullptr);
  if (!d) {
    print_error(d.error().text(lang));
    return kExitFailed;
  }
  if (o.format == "json") {
    nlohmann::json units = nlohmann::json::array(), added = nlohmann::json::array(), fixed = nlohmann::json::array();
    for (const figures::DiffUnit& u : d->units) units.push_back({{"id", u.id}, {"name", u.name}, {"trend", trend_json(u.trend)}});
    for (const figures::DiffFinding& f : d->added) added.push_back(finding_json(f));
    for (const figures::DiffFinding& f : d->fixed) fixed.push_back(finding_json(f));
    nlohmann::json j{{"schema", "granska-scan-diff"}, {"schema_version", 1},
                     {"scan_a", {{"id", d->a.id}, {"started", d->a.started}}},
                     {"scan_b", {{"id", d->b.id}, {"started", d->b.started}}},
                     {"total", trend_json(d->total)}, {"units", units}, {"new", added}, {"fixed", fixed}};
    std::cout << j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
  } else {
    print_text(*d, lang);
  }
  return kExitOk;
}

}  // namespace

RunFn register_diff(CLI::App& app, Lang lang) {
  auto o = std::make_shared<DiffOptions>();
  CLI::App* cmd = app.add_subcommand(
      "diff", tr(lang, "Visa vad som ändrats mellan två genomsökningar", "Show what changed between two scans"));
  cmd->add_option("--db", o->db, tr(lang, "Databasen med genomsökningarna", "The scan database"))->required();
  cmd->add_option("scans", o->scans,
                  tr(lang, "Två genomsökningars nummer (standard: de två senaste)", "Two scan ids (default: the last two)"))
      ->expected(0, 2);
  cmd->add_option("--config", o->config,
                  tr(lang, "Inställningsfilen: enheternas namn och profilens kriterier, som i granska report",
                     "The configuration file: unit names and the profile's criteria, as in granska report"));
  cmd->add_option("--format", o->format, tr(lang, "Format: text eller json", "Format: text or json"))
      ->check(CLI::IsMember({"text", "json"}));
  cmd->add_option("--lang", o->lang, tr(lang, "Språk: sv eller en", "Language: sv or en"))->check(CLI::IsMember({"sv", "en"}));
  return [o] { return run_diff(*o); };
}

}  // namespace granska::cli
