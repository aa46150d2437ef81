// The configuration file for commands that need a valid one (report, scan, audit, crawl,
// diff): every problem as "FILE:LINE: text" on standard error, then one line pointing at
// `granska config check`.
#pragma once

#include <optional>
#include <string>

#include "config/org_config.h"
#include "util/lang.h"

namespace granska::cli {

// nullopt when the file has any problem (each printed).
std::optional<config::OrgConfig> load_valid_org_config(const std::string& path, Lang lang);

}  // namespace granska::cli
