// granska inspect TARGET --selector CSS: role, name, description, hidden and focusable of
// the matching elements, as the semantics layer computes them for every rule.
#include <iostream>

#include "aria/semantics.h"
#include "cli/commands.h"
#include "cli/input_options.h"
#include "engine/evaluate.h"
#include "fetch/fetch.h"
#include "html/dom.h"
#include "html/selector.h"
#include "pipeline/check_page.h"
#include "reports/inspect/inspect.h"

namespace granska::cli {

namespace {

struct InspectOptions {
  std::string target;
  std::string selector;
  std::string lang = "sv";
  std::string format = "text";
  bool styles = false;
  bool no_scripts = false;
  InputFlags input;
};

int run_inspect(const InspectOptions& o) {
  Lang lang = *parse_lang(o.lang);
  auto selector = html::Selector::parse(o.selector);
  if (!selector) {
    print_error(tr(lang, "ogiltig selektor: ", "invalid selector: ") + selector.error().message);
    return kExitFailed;
  }
  auto fetcher = fetch::make_curl_fetcher();
  Result<input::Page> page = input::load(o.target, o.input.to_options(), *fetcher, std::cin);
  if (!page) {
    print_error(page.error().text(lang));
    return kExitFailed;
  }
  pipeline::RunContext run;
  run.evaluate = false;  // roles, names, states and styles only
  run.fetch = o.input.to_options().fetch;
  style::SheetCache sheets;
  run.sheets = &sheets;
  run.environment.scripting = !o.no_scripts;
  const std::unique_ptr<pipeline::CheckedPage> checked = pipeline::check_page(std::move(*page), run, fetcher.get());
  aria::Semantics& sem = *checked->semantics;
  std::vector<reports::InspectedElement> out;
  for (const html::Node* e : selector->select_all(*checked->doc)) {
    reports::InspectedElement ie;
    engine::Location loc = engine::locate(e);
    ie.selector = std::move(loc.selector);
    ie.line = loc.line;
    ie.column = loc.column;
    ie.snippet = std::move(loc.snippet);
    ie.role = std::string(sem.role(*e));
    ie.explicit_role = sem.has_explicit_role(*e);
    aria::AccessibleName name = sem.name(*e);
    ie.name = std::move(name.text);
    ie.name_source = std::string(aria::to_string(name.source));
    aria::AccessibleName description = sem.description(*e);
    ie.description = std::move(description.text);
    ie.description_source = std::string(aria::to_string(description.source));
    aria::Tristate hidden = sem.hidden_from_at(*e);
    ie.hidden = hidden == aria::Tristate::Yes;
    ie.hidden_uncertain = hidden == aria::Tristate::Unknown;
    ie.focusable = sem.focusable(*e);
    if (o.styles) ie.styles = reports::inspect_styles(sem.computed_styles(), *e);
    out.push_back(std::move(ie));
  }
  // What happened to the page's style sheets (not found, not loaded ...): it explains values.
  if (o.styles) {
    for (const Error& note : checked->sheets->notes) print_error(note.text(lang));
  }
  if (o.format == "json") {
    reports::write_inspect_json(std::cout, out);
  } else {
    reports::write_inspect_text(std::cout, out, lang);
  }
  return kExitOk;
}

}  // namespace

RunFn register_inspect(CLI::App& app, Lang lang) {
  auto o = std::make_shared<InspectOptions>();
  CLI::App* cmd = app.add_subcommand(
      "inspect", tr(lang, "Visa roll, namn, beskrivning, dold och fokuserbar för element på en sida",
                    "Show role, name, description, hidden and focusable for elements of a page"));
  cmd->add_option("target", o->target, tr(lang, "Fil, http(s)-adress eller -", "File, http(s) URL or -"))->required();
  cmd->add_option("-s,--selector", o->selector,
                  tr(lang, "CSS-selektor för elementen, t.ex. 'main img, a[href]'",
                     "CSS selector for the elements, e.g. 'main img, a[href]'"))
      ->required();
  cmd->add_option("--lang", o->lang, tr(lang, "Språk: sv eller en", "Language: sv or en"))->check(CLI::IsMember({"sv", "en"}));
  cmd->add_option("--format", o->format, tr(lang, "Utdataformat: text eller json", "Output format: text or json"))
      ->check(CLI::IsMember({"text", "json"}));
  cmd->add_flag("--styles", o->styles,
                tr(lang, "Visa också beräknade stilar (färger, storlekar, display ...) och vilken regel som satte dem",
                   "Also show computed styles (colours, sizes, display ...) and the rule that set each"));
  cmd->add_flag("--no-scripts", o->no_scripts,
                tr(lang, "Stila sidan som för en besökare utan JavaScript (stilmallar i <noscript> gäller)",
                   "Style the page as for a visitor without JavaScript (style sheets in <noscript> apply)"));
  add_input_options(*cmd, o->input, lang);
  return [o] { return run_inspect(*o); };
}

}  // namespace granska::cli
