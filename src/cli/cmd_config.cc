// granska config check --config FILE [--db CRAWL.db]: validates a configuration file (crawl
// settings, organisation map, criteria profile), prints its units and profile, and with a
// crawl database lists the crawled URLs that no rule assigned (they went to the fallback).
// Exit 0 when the file is valid, 2 when it is not (or cannot be read).
#include <filesystem>
#include <iostream>
#include <map>

#include "cli/commands.h"
#include "config/crawl_config.h"
#include "cli/load_config.h"
#include "config/org_config.h"
#include "engine/registry.h"
#include "reports/common/terminal_escape.h"
#include "store/crawl_store.h"

namespace granska::cli {

namespace {

struct ConfigOptions {
  std::string config;
  std::string db;
  std::string lang = "sv";
};

void print_map(const org::OrgMap& map, Lang lang) {
  std::cout << tr(lang, "Enheter", "Units") << " (" << map.units().size() << "):\n";
  for (std::size_t i = 0; i < map.units().size(); ++i) {
    const org::Unit& u = map.units()[i];
    std::cout << "  " << u.id << "  [" << label(u.type).in(lang) << "]  "
              << (lang == Lang::En ? u.name_en : u.name_sv) << (i == map.fallback() ? tr(lang, "  (reserv)", "  (fallback)") : "")
              << "\n";
    for (const org::AssignRule& r : map.rules()) {
      if (r.unit == u.id) std::cout << "      " << to_string(r.kind) << " " << r.value << "\n";
    }
  }
}

void print_profile(const org::Profile& p, Lang lang) {
  auto cov = org::profile_coverage(engine::Registry::builtin(), p);
  std::size_t counts[3] = {0, 0, 0};
  for (const auto& c : cov) ++counts[static_cast<int>(c.coverage)];
  std::cout << tr(lang, "Profil: ", "Profile: ") << p.id << " – " << (lang == Lang::En ? p.name_en : p.name_sv) << " ("
            << cov.size() << tr(lang, " kriterier – ", " criteria – ") << label(org::Coverage::Automatic).in(lang) << ": "
            << counts[0] << ", " << label(org::Coverage::Partial).in(lang) << ": " << counts[1] << ", "
            << label(org::Coverage::Manual).in(lang) << ": " << counts[2] << ")\n";
  std::cout << "  "
            << (p.proposal ? tr(lang,
                                "Kriterielistan är ett förslag – fastställs av stadskontoret (ange listan med "
                                "[profile] criteria = [\"1.1.1\", …] i inställningsfilen).",
                                "The list of criteria is granska's proposal, to be set by the city office (name the "
                                "list with [profile] criteria = [\"1.1.1\", …] in the configuration).")
                           : tr(lang, "Kriterielistan i bruk (från inställningsfilen eller den inbyggda profilen):",
                                "The list of criteria in use (from the configuration or the built-in profile):"))
            << "\n";
  for (const auto& c : cov) {
    std::cout << "  " << c.criterion->number << " (" << engine::to_string(c.criterion->level) << ")  "
              << c.criterion->title.in(lang) << "  –  " << label(c.coverage).in(lang);
    const auto& rules = c.coverage == org::Coverage::Automatic ? c.requirement_rules : c.best_practice_rules;
    if (!rules.empty()) {
      std::cout << ":";
      for (std::string_view id : rules) std::cout << " " << id;
    }
    std::cout << "\n";
  }
}

int run_check(const ConfigOptions& o) {
  const Lang lang = *parse_lang(o.lang);
  std::vector<config::ConfigProblem> problems;
  config::OrgConfig c = config::load_org_config(o.config, problems);
  if (problems.empty()) {  // the crawl settings' own checks (types, ranges) as granska crawl applies them
    Result<config::CrawlConfig> crawl = config::load_crawl_config(o.config);
    if (!crawl) problems.push_back({0, crawl.error().message, crawl.error().message_sv});
  }
  if (!problems.empty()) {
    for (const config::ConfigProblem& p : problems) {
      const std::string& text = lang == Lang::En || p.sv.empty() ? p.en : p.sv;
      std::cerr << reports::escape_for_terminal(o.config) << (p.line > 0 ? ":" + std::to_string(p.line) : std::string()) << ": "
                << reports::escape_for_terminal(text) << "\n";
    }
    print_error(lang == Lang::En ? "the configuration is invalid: " + std::to_string(problems.size()) + " problem(s)"
                                 : "inställningsfilen är ogiltig: " + std::to_string(problems.size()) + " fel");
    return kExitFailed;
  }
  if (c.map) {
    print_map(*c.map, lang);
  } else {
    std::cout << tr(lang, "Ingen organisationskarta ([[unit]]): alla sidor hör till samma enhet.\n",
                    "No organisation map ([[unit]]): every page belongs to one unit.\n");
  }
  print_profile(c.profile, lang);

  if (!o.db.empty()) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(o.db, ec)) {
      print_error(tr(lang, "granskningsdatabasen finns inte: ", "no crawl database at: ") + o.db);
      return kExitFailed;
    }
    auto store = store::CrawlStore::open(o.db);
    if (!store) {
      print_error(store.error().text(lang));
      return kExitFailed;
    }
    // The newest scan in the file, finished or not.
    if (auto scan = (*store)->latest_scan()) (*store)->use_scan(scan->id);
    std::vector<std::string> unassigned;
    std::map<std::size_t, std::size_t> per_unit;
    std::size_t total = 0;
    Status st = (*store)->for_each_url([&](std::string_view url) {
      ++total;
      if (!c.map) return;
      org::Assignment a = c.map->assign(url);
      ++per_unit[a.unit];
      if (a.fallback()) unassigned.emplace_back(url);
    });
    if (!st) {
      print_error(st.error().text(lang));
      return kExitFailed;
    }
    std::cout << tr(lang, "Granskade sidor i databasen: ", "Crawled pages in the database: ") << total << "\n";
    if (c.map) {
      for (auto [unit, n] : per_unit) std::cout << "  " << c.map->units()[unit].id << ": " << n << "\n";
      std::cout << tr(lang, "Sidor som ingen regel tilldelade (gick till reservenheten ",
                      "Pages no rule assigned (went to the fallback unit ")
                << c.map->units()[c.map->fallback()].id << "): " << unassigned.size() << "\n";
      for (const std::string& u : unassigned) std::cout << "  " << reports::escape_for_terminal(u) << "\n";
    }
  }
  std::cout << tr(lang, "Inställningsfilen är giltig.\n", "The configuration is valid.\n");
  return kExitOk;
}

}  // namespace

RunFn register_config(CLI::App& app, Lang lang) {
  auto o = std::make_shared<ConfigOptions>();
  CLI::App* cmd = app.add_subcommand("config", tr(lang, "Arbeta med inställningsfilen", "Work with the configuration file"));
  cmd->require_subcommand(1);
  CLI::App* check = cmd->add_subcommand(
      "check", tr(lang, "Kontrollera en inställningsfil och visa enheter och profil",
                  "Validate a configuration file and show its units and profile"));
  check->add_option("--config", o->config, tr(lang, "Inställningsfilen (TOML)", "The configuration file (TOML)"))->required();
  check->add_option("--db", o->db,
                    tr(lang, "Granskningsdatabas: visa sidor som ingen regel tilldelade",
                       "Crawl database: list pages that no rule assigned"));
  check->add_option("--lang", o->lang, tr(lang, "Språk: sv eller en", "Language: sv or en"))->check(CLI::IsMember({"sv", "en"}));
  return [o] { return run_check(*o); };
}

}  // namespace granska::cli
