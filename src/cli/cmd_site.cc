// granska site --db FILE --config FILE [--scan N] [--lang en] [--format text|json]: runs the
// site-level checks (site/site_step.h: the accessibility statement, 3.2.3, 3.2.4, 2.4.5,
// broken links and anchors) on a complete scan of the database (the latest unless --scan
// names one), stores the results with the scan for `granska report`, and prints them.
// `granska scan` runs the same step after its crawl. Exit 0 when done, 2 when the database
// has no such scan, the configuration or the statement phrases are invalid, or the
// database cannot be written.
#include <iostream>
#include <limits>

#include "cli/commands.h"
#include "cli/load_config.h"
#include "reports/site/site_report.h"
#include "site/site_step.h"

namespace granska::cli {

namespace {

struct SiteOptions {
  std::string db, config, lang = "sv", format = "text";
  std::int64_t scan = 0;
  bool no_fetch = false;
};

int run_site(const SiteOptions& o) {
  const Lang lang = *parse_lang(o.lang);
  const std::optional<config::OrgConfig> config = load_valid_org_config(o.config, lang);
  if (!config) return kExitFailed;
  std::unique_ptr<fetch::Fetcher> fetcher = o.no_fetch ? nullptr : fetch::make_curl_fetcher();
  site::SiteStep step;
  step.db = o.db;
  step.scan = o.scan;
  step.config = &*config;
  step.fetcher = fetcher.get();
  Result<site::SiteStepResult> done = site::run_site_step(step);
  if (!done) {
    print_error(done.error().text(lang));
    return kExitFailed;
  }
  auto unit_name = [&](const std::string& id) -> std::string {
    if (!config->map) return id;
    const std::size_t u = config->map->find(id);
    if (u >= config->map->units().size()) return id;
    return lang == Lang::En ? config->map->units()[u].name_en : config->map->units()[u].name_sv;
  };
  if (o.format == "json") {
    std::cout << "{\"scan\": " << done->scan << ", \"sites\": [";
    bool first = true;
    for (const results::SiteSummary& s : done->results.sites) {
      std::vector<const results::SiteFinding*> mine;
      for (const results::SiteFinding& f : done->results.findings) {
        if (f.site == s.id) mine.push_back(&f);
      }
      std::cout << (first ? "\n" : ",\n");
      reports::site_report::write_site_json(std::cout, s, mine, lang, unit_name);
      first = false;
    }
    std::cout << "\n]}\n";
    return kExitOk;
  }
  if (done->pages_with_facts == 0) {
    std::cout << tr(lang,
                    "Genomsökningen saknar uppgifterna som kontrollerna på webbplatsnivå behöver (den gjordes av en "
                    "tidigare version av granska); kör en ny genomsökning.\n",
                    "The scan lacks what the site-level checks need (an earlier granska made it); run a new scan.\n");
    return kExitOk;
  }
  std::cout << tr(lang, "Genomsökning ", "Scan ") << done->scan << ": " << done->pages_with_facts
            << tr(lang, " granskade sidor.\n", " checked pages.\n");
  reports::site_report::write_text(std::cout, done->results.sites, done->results.findings, lang, unit_name);
  return kExitOk;
}

}  // namespace

RunFn register_site(CLI::App& app, Lang lang) {
  auto o = std::make_shared<SiteOptions>();
  CLI::App* cmd = app.add_subcommand(
      "site", tr(lang,
                 "Kontroller på webbplatsnivå för en avslutad genomsökning: tillgänglighetsredogörelsen, konsekvent "
                 "navigering och identifiering, flera sätt att hitta sidor, trasiga länkar",
                 "Site-level checks on a complete scan: the accessibility statement, consistent navigation and "
                 "identification, multiple ways, broken links"));
  cmd->add_option("--db", o->db, tr(lang, "Databasen med genomsökningarna", "The scan database"))->required();
  cmd->add_option("--config", o->config,
                  tr(lang, "Inställningsfilen (webbplatser, enheter, [statement])",
                     "The configuration file (sites, units, [statement])"))
      ->required();
  cmd->add_option("--scan", o->scan,
                  tr(lang, "Genomsökningen (nummer; standard: den senaste avslutade)",
                     "The scan (its number; default: the latest complete one)"))
      ->check(CLI::Range(static_cast<std::int64_t>(1), std::numeric_limits<std::int64_t>::max()));
  cmd->add_option("--lang", o->lang, tr(lang, "Språk: sv eller en", "Language: sv or en"))->check(CLI::IsMember({"sv", "en"}));
  cmd->add_option("--format", o->format, tr(lang, "text eller json", "text or json"))->check(CLI::IsMember({"text", "json"}));
  cmd->add_flag("--no-fetch", o->no_fetch,
                tr(lang, "Hämta inte en tillgänglighetsredogörelse som genomsökningen inte sparade texten för",
                   "Do not fetch an accessibility statement whose text the scan did not keep"));
  return [o] { return run_site(*o); };
}

}  // namespace granska::cli
