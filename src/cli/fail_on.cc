// The --fail-on option of check and crawl: one definition of the CI gate's levels.
#include "cli/commands.h"

namespace granska::cli {

void add_fail_on_option(CLI::App& cmd, std::string& fail_on, Lang lang) {
  cmd.add_option("--fail-on", fail_on,
                 tr(lang, "Lägsta allvarlighetsgrad som ger slutkod 1: critical, serious, moderate, minor "
                          "(varningar om god praxis räknas aldrig)",
                    "Lowest impact that makes the exit code 1: critical, serious, moderate, minor "
                    "(best-practice warnings never count)"))
      ->check(CLI::IsMember({"critical", "serious", "moderate", "minor"}));
}

engine::Impact fail_on_impact(const std::string& name) { return engine::impact_from_string(name); }

}  // namespace granska::cli
