// granska rules: the rule catalogue, for people (text, Markdown) or tools (JSON).
#include <iostream>

#include "cli/commands.h"
#include "reports/page/report.h"

namespace granska::cli {

RunFn register_rules(CLI::App& app, Lang lang) {
  struct RulesOptions {
    std::string lang = "sv";
    std::string format = "text";
  };
  auto o = std::make_shared<RulesOptions>();
  CLI::App* cmd = app.add_subcommand("rules", tr(lang, "Lista alla regler", "List every rule"));
  cmd->add_option("--lang", o->lang, tr(lang, "Språk: sv eller en", "Language: sv or en"))->check(CLI::IsMember({"sv", "en"}));
  cmd->add_option("--format", o->format,
                  tr(lang, "Utdataformat: text, json eller markdown", "Output format: text, json or markdown"))
      ->check(CLI::IsMember({"text", "json", "markdown"}));
  return [o] {
    reports::Options ro{*parse_lang(o->lang), false, false};
    if (o->format == "json") {
      reports::write_catalogue_json(std::cout, engine::Registry::builtin(), ro);
    } else if (o->format == "markdown") {
      reports::write_catalogue_markdown(std::cout, engine::Registry::builtin(), ro);
    } else {
      reports::write_catalogue_text(std::cout, engine::Registry::builtin(), ro);
    }
    return kExitOk;
  };
}

}  // namespace granska::cli
