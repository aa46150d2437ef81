// The options every page-reading subcommand shares (timeouts, size limit, user agent,
// headers), so `check` and `inspect` accept and apply them identically.
#pragma once

#include <string>
#include <vector>

#include "cli/commands.h"
#include "input/load.h"

namespace granska::cli {

struct InputFlags {
  double timeout_s = 30;
  double connect_timeout_s = 10;
  double max_size_mb = 20;
  std::string user_agent;
  std::vector<std::string> headers;

  input::Options to_options() const;
};

void add_input_options(CLI::App& cmd, InputFlags& flags, Lang lang);

}  // namespace granska::cli
