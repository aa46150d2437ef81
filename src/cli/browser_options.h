// The flags every subcommand that renders pages in headless Chromium shares (`check`,
// `audit`): which Chromium, and whether it may reach only 127.0.0.1. Both need --render.
#pragma once

#include <string>

#include "cli/commands.h"
#include "render/pool.h"

namespace granska::cli {

struct BrowserFlags {
  std::string chromium;  // "": chromium on PATH
  bool loopback_only = false;

  // The pool for these flags, `tabs` at once, a page given the fetch timeout (at least 5 s).
  render::PoolOptions pool_options(double timeout_s, int tabs) const;
};

// --chromium and --loopback-only, each needing `render_flag`.
void add_browser_options(CLI::App& cmd, BrowserFlags& flags, CLI::Option* render_flag, Lang lang);

}  // namespace granska::cli
