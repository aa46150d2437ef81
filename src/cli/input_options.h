// The options every page-reading subcommand shares (timeouts, size limit, user agent,
// headers), so `check` and `inspect` accept and apply them identically.
#pragma once

#include <string>
#include <string_view>
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
  bool allow_private_addresses = false;

  input::Options to_options() const;
};

// Bounds of the numeric options: anything else (nan, inf, 1e300, 0, negative) is refused
// with exit 2 and a message naming the range.
inline constexpr double kMaxTimeoutSeconds = 24 * 3600;
inline constexpr double kMaxSizeMb = 4096;

void add_input_options(CLI::App& cmd, InputFlags& flags, Lang lang);

}  // namespace granska::cli
