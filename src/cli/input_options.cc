#include "cli/input_options.h"

namespace granska::cli {

input::Options InputFlags::to_options() const {
  input::Options in;
  in.max_bytes = static_cast<std::size_t>(max_size_mb * 1024 * 1024);
  in.fetch.max_body_bytes = in.max_bytes;
  in.fetch.total_timeout_ms = static_cast<long>(timeout_s * 1000);
  in.fetch.connect_timeout_ms = static_cast<long>(connect_timeout_s * 1000);
  in.fetch.user_agent = user_agent;
  in.fetch.headers = headers;
  return in;
}

void add_input_options(CLI::App& cmd, InputFlags& f, Lang lang) {
  cmd.add_option("--timeout", f.timeout_s, tr(lang, "Längsta tid för hämtning, sekunder", "Total fetch timeout, seconds"))
      ->check(CLI::PositiveNumber);
  cmd.add_option("--connect-timeout", f.connect_timeout_s,
                 tr(lang, "Längsta tid för anslutning, sekunder", "Connect timeout, seconds"))
      ->check(CLI::PositiveNumber);
  cmd.add_option("--max-size", f.max_size_mb, tr(lang, "Största sidstorlek, MB", "Largest page size, MB"))
      ->check(CLI::PositiveNumber);
  cmd.add_option("--user-agent", f.user_agent, tr(lang, "Egen User-Agent", "Custom User-Agent"));
  cmd.add_option("-H,--header", f.headers,
                 tr(lang, "Extra HTTP-huvud, \"Namn: värde\" (visas aldrig i rapporter)",
                    "Extra HTTP header, \"Name: value\" (never shown in reports)"));
}

}  // namespace granska::cli
