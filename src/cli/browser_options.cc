#include "cli/browser_options.h"

namespace granska::cli {

render::PoolOptions BrowserFlags::pool_options(double timeout_s, int tabs) const {
  render::PoolOptions po;
  po.launch.chromium_path = chromium;
  po.launch.loopback_only = loopback_only;
  po.tabs = tabs;
  render::limit_page_time(po, static_cast<long>(timeout_s * 1000));
  return po;
}

void add_browser_options(CLI::App& cmd, BrowserFlags& flags, CLI::Option* render_flag, Lang lang) {
  cmd.add_option("--chromium", flags.chromium,
                 tr(lang, "Chromium att använda (standard: chromium på PATH)", "The Chromium to use (default: chromium on PATH)"))
      ->needs(render_flag);
  cmd.add_flag("--loopback-only", flags.loopback_only,
               tr(lang, "Med --render: låt webbläsaren bara nå 127.0.0.1 (test och demo)",
                  "With --render: let the browser reach 127.0.0.1 only (tests and demos)"))
      ->needs(render_flag);
}

}  // namespace granska::cli
