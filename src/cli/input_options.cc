#include "cli/input_options.h"

#include <algorithm>
#include <cmath>
#include <exception>

namespace granska::cli {

namespace {

// A finite number in (0, max]: CLI::PositiveNumber lets "nan" and "1e300" through, which
// became "limit 0 B" and "-9223372036854775808 ms" (issue #16).
CLI::Validator positive_up_to(double max, Lang lang, const std::string& unit) {
  return CLI::Validator(
      [=](std::string& value) -> std::string {
        double d = 0;
        std::size_t used = 0;
        try {
          d = std::stod(value, &used);
        } catch (const std::exception&) {
          used = 0;
        }
        if (used != value.size() || !std::isfinite(d) || d <= 0 || d > max) {
          std::string range = "> 0 " + tr(lang, "och högst ", "and at most ") + std::to_string(static_cast<long long>(max)) + " " + unit;
          return tr(lang, "ogiltigt värde ", "invalid value ") + "'" + value + "'" + tr(lang, ": ska vara ", ": must be ") + range;
        }
        return std::string();
      },
      "NUMBER");
}

}  // namespace

input::Options InputFlags::to_options() const {
  input::Options in;
  in.max_bytes = static_cast<std::size_t>(max_size_mb * 1024 * 1024);
  in.fetch.max_body_bytes = in.max_bytes;
  in.fetch.total_timeout_ms = static_cast<long>(timeout_s * 1000);
  in.fetch.connect_timeout_ms = static_cast<long>(connect_timeout_s * 1000);
  in.fetch.user_agent = user_agent;
  in.fetch.headers = headers;
  in.fetch.allow_private_addresses = allow_private_addresses;
  return in;
}

void add_input_options(CLI::App& cmd, InputFlags& f, Lang lang) {
  cmd.add_option("--timeout", f.timeout_s, tr(lang, "Längsta tid för hämtning, sekunder", "Total fetch timeout, seconds"))
      ->check(positive_up_to(kMaxTimeoutSeconds, lang, tr(lang, "sekunder", "seconds")));
  cmd.add_option("--connect-timeout", f.connect_timeout_s,
                 tr(lang, "Längsta tid för anslutning, sekunder", "Connect timeout, seconds"))
      ->check(positive_up_to(kMaxTimeoutSeconds, lang, tr(lang, "sekunder", "seconds")));
  cmd.add_option("--max-size", f.max_size_mb, tr(lang, "Största sidstorlek, MB", "Largest page size, MB"))
      ->check(positive_up_to(kMaxSizeMb, lang, "MB"));
  cmd.add_flag("--allow-private-addresses", f.allow_private_addresses,
               tr(lang, "Följ omdirigeringar till privata och lokala adresser (10.x, 192.168.x, 127.x) även från en publik sida",
                  "Follow redirects to private and loopback addresses (10.x, 192.168.x, 127.x) from a public page too"));
  cmd.add_option("--user-agent", f.user_agent, tr(lang, "Egen User-Agent", "Custom User-Agent"));
  cmd.add_option("-H,--header", f.headers,
                 tr(lang, "Extra HTTP-huvud, \"Namn: värde\" (visas aldrig i rapporter)",
                    "Extra HTTP header, \"Name: value\" (never shown in reports)"))
      ->check(CLI::Validator(
          [lang](std::string& h) {
            Status st = fetch::validate_header(h);
            return st ? std::string() : st.error().text(lang);
          },
          "\"NAME: VALUE\""));
}

}  // namespace granska::cli
