// The subcommands of the granska program, one file each; main() only wires them together.
#pragma once

#include <CLI/CLI.hpp>

#include "engine/rule.h"
#include "util/lang.h"

namespace granska::cli {

// Exit codes shared by every subcommand (see README).
inline constexpr int kExitOk = 0;        // ran; nothing at or above the fail level
inline constexpr int kExitFindings = 1;  // ran; findings at or above the fail level
inline constexpr int kExitFailed = 2;    // the run itself failed (arguments, input, network)
inline constexpr int kExitLocked = 3;    // granska scan: another run holds the lock; nothing done

// Each register function adds its subcommand to `app` and returns a callback that runs it
// after parsing; help texts are in `lang` (chosen before parsing, from --lang).
using RunFn = std::function<int()>;
RunFn register_check(CLI::App& app, Lang lang);
RunFn register_rules(CLI::App& app, Lang lang);
RunFn register_inspect(CLI::App& app, Lang lang);
RunFn register_act(CLI::App& app, Lang lang);
RunFn register_pdfua(CLI::App& app, Lang lang);
RunFn register_crawl(CLI::App& app, Lang lang);
RunFn register_config(CLI::App& app, Lang lang);
RunFn register_prune(CLI::App& app, Lang lang);
RunFn register_audit(CLI::App& app, Lang lang);
RunFn register_report(CLI::App& app, Lang lang);
RunFn register_diff(CLI::App& app, Lang lang);
RunFn register_scan(CLI::App& app, Lang lang);
RunFn register_serve(CLI::App& app, Lang lang);
RunFn register_site(CLI::App& app, Lang lang);

// Picks the help text for `lang`.
inline std::string tr(Lang lang, const char* sv, const char* en) { return lang == Lang::En ? en : sv; }

// --fail-on LEVEL, shared by every command that checks pages; `fail_on_impact` maps the
// validated name to the impact that engine::PageEvaluation::fails_at takes.
void add_fail_on_option(CLI::App& cmd, std::string& fail_on, Lang lang);
engine::Impact fail_on_impact(const std::string& name);

// Writes one error line to stderr: "granska: <message>".
void print_error(const std::string& message);

}  // namespace granska::cli
