#include "cli/load_config.h"

#include <iostream>

#include "cli/commands.h"
#include "reports/common/terminal_escape.h"

namespace granska::cli {

std::optional<config::OrgConfig> load_valid_org_config(const std::string& path, Lang lang) {
  std::vector<config::ConfigProblem> problems;
  config::OrgConfig config = config::load_org_config(path, problems);
  if (problems.empty()) return config;
  for (const config::ConfigProblem& p : problems) {
    std::cerr << reports::escape_for_terminal(path) << (p.line > 0 ? ":" + std::to_string(p.line) : std::string())
              << ": " << reports::escape_for_terminal(lang == Lang::En || p.sv.empty() ? p.en : p.sv) << "\n";
  }
  print_error(tr(lang, "inställningsfilen är ogiltig (se granska config check)",
                 "the configuration is invalid (see granska config check)"));
  return std::nullopt;
}

}  // namespace granska::cli
