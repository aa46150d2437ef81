// CLI11 in Swedish: the help's labels and option groups, type names and the parse errors
// CLI11 writes itself ("--lang is required", "xx not in {sv,en}"), so that `granska --help`
// and a mistyped option read in the language of the rest of the program. English keeps
// CLI11's own words.
#pragma once

#include <CLI/CLI.hpp>
#include <string>

#include "util/lang.h"

namespace granska::cli {

// Before any subcommand is added: the formatter's labels, the help flag's text and the
// group of options (subcommands inherit all three).
void localize_app(CLI::App& app, Lang lang);
// After every subcommand is added, before help is printed (nothing else shows them): the
// subcommand group's name, and type names (HELTAL for INT) of every option.
void localize_commands(CLI::App& app, Lang lang);
// A parse error's message in `lang`: CLI11's known messages translated, names, values and
// allowed sets kept as they are; an unknown message is returned unchanged.
std::string parse_error_text(const CLI::ParseError& error, Lang lang);

}  // namespace granska::cli
