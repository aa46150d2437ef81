// The organisation map and criteria profile in the TOML configuration file (beside the
// crawl settings of crawl_config.h, in the same file). Format: docs/config.md.
//   fallback = "kommunstyrelsen"        profile = "dos-review"
//   [[unit]]  id = "…"  name_sv = "…"  name_en = "…"  type = "namnd" | "bolag"
//             hosts = ["…"]  prefixes = ["malmo.se/…"]  patterns = ["…"]
//   [[assign]] unit = "…"  host = "…" | prefix = "…" | pattern = "…"
//   [profile] id = "…"  name_sv = "…"  name_en = "…"  criteria = ["1.1.1", …]
//   [status]  satisfactory_min_share = 0.9  partial_min_share = 0.6
//             satisfactory_max_failed_criteria = 2  partial_max_failed_criteria = 6
//   [scan]    database = "…"  reports = "…"  keep = 12  keep_reports = 0  lang = "sv"  lock = "…"
//   [[site]]  name = "…" (the rest is the crawl's: crawl_config.h)
//   [statement] phrases = ["statement-sv.toml", "statement-en.toml"]
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "org/org_map.h"
#include "org/profile.h"
#include "figures/figures.h"
#include "util/result.h"

namespace granska::config {

// Where `granska scan` keeps things (docs/scheduling.md). Paths as written; relative ones
// are resolved against the configuration file's directory by resolve_config_path.
struct ScanSettings {
  std::string database;  // "" = not set (then --db is required)
  std::string reports;   // "" = not set (then --reports is required)
  std::string lock;      // "" = database + ".lock"
  int keep = 12;         // complete scans kept; 0 = all
  int keep_reports = 0;  // report folders kept; 0 = all (they are the record of what was reported)
  std::string lang = "sv";
};

// A [[site]] of the file as the site-level checks see it: one website (the crawl joins
// every [[site]] into one crawl, crawl_config.h). Its hosts are allowed_hosts, or its
// seeds' hosts when it has none.
struct SiteConfig {
  std::string name;                 // `name`, or the first host without "www."
  std::vector<std::string> hosts;   // domains: a URL on one of them or a subdomain is on the site
  std::vector<std::string> seeds;
  int line = 0;
};

struct OrgConfig {
  std::optional<org::OrgMap> map;  // absent when the file has no [[unit]]: a crawl-only config
  org::Profile profile;            // wcag21-aa when the file names none
  figures::StatusThresholds status; // the report's status scale; defaults when no [status]
  ScanSettings scan;               // the [scan] table
  std::vector<SiteConfig> sites;   // the [[site]] tables, in order
  // [statement] phrases: phrase files of the statement check (resolved against the file's
  // directory); empty = the built-in config/statement-sv.toml and statement-en.toml.
  std::vector<std::string> statement_phrases;
};

// `path` as written in the configuration file at `config`: absolute stays, relative is
// taken from the file's directory (a scheduler's working directory is anybody's guess).
std::string resolve_config_path(const std::string& config, const std::string& path);

// One problem found in the file, with its line (0 when it has none).
struct ConfigProblem {
  int line = 0;
  std::string en, sv;
};

// Reads the whole file and reports every problem it can find: TOML syntax, unknown keys
// (anywhere, including the crawl settings'), values of the wrong type, duplicate unit ids,
// rules naming unknown units, malformed hosts and prefixes, regular expressions that do not
// compile, unknown criteria and profiles. `problems` is empty when the file is valid; the
// result is only meaningful then. An unreadable file or a TOML syntax error is one problem.
OrgConfig load_org_config(const std::string& path, std::vector<ConfigProblem>& problems);

}  // namespace granska::config
