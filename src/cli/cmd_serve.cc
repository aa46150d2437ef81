// granska serve: the web app for web editors (src/serve), started from the command line.
// Parses options, opens the result store, starts the server and stops it on SIGINT or
// SIGTERM. Everything the app does is in src/serve.
#include <signal.h>

#include <condition_variable>
#include <ctime>
#include <fstream>
#include <iostream>
#include <map>
#include <mutex>
#include <thread>

#include "cli/commands.h"
#include "config/crawl_config.h"
#include "fetch/site_guard.h"
#include "org/profile.h"
#include "serve/app.h"
#include "serve/server.h"
#include "store/result_store.h"
#include "url/url.h"
#include "util/text.h"

namespace granska::cli {

namespace {

struct ServeOptions {
  std::string bind = "127.0.0.1";
  int port = 8080;
  std::string port_file;
  std::string db = "granska-serve.db";
  int keep_days = 30;
  std::string config;
  std::vector<std::string> allow_hosts;
  bool allow_any_host = false;
  std::vector<std::string> allow_addresses;
  std::vector<std::string> resolve;
  std::size_t workers = 2, queue = 8;
  std::size_t burst = 10, per_minute = 10;
  double max_size_mb = 5, timeout_s = 20, connect_timeout_s = 10;
  bool trust_proxy = false;
  std::string user_header;
  std::string public_url;
  std::string profile = "wcag21-aa";
  std::string user_agent;
  bool quiet = false;
  std::string lang = "sv";
};

// The hosts of the configuration file's sites: their start addresses' hosts and their
// allowed_hosts.
std::optional<std::vector<std::string>> config_hosts(const std::string& path, Lang lang) {
  Result<config::CrawlConfig> c = config::load_crawl_config(path);
  if (!c) {
    print_error(c.error().text(lang));
    return std::nullopt;
  }
  std::vector<std::string> hosts = c->allowed_hosts;
  for (const std::string& seed : c->seeds) {
    if (Result<url::Url> u = url::Url::parse(seed)) hosts.emplace_back(u->host());
  }
  return hosts;
}

// A resolver that answers from --resolve NAME=ADDRESS first (for tests, as curl --resolve),
// then from DNS.
fetch::Resolver resolver_with(const std::map<std::string, std::vector<fetch::IpAddress>>& table) {
  fetch::Resolver system = fetch::system_resolver();
  if (table.empty()) return system;
  return [table, system](const std::string& host) -> Result<std::vector<fetch::IpAddress>> {
    auto it = table.find(text::ascii_lower(host));
    if (it != table.end()) return it->second;
    return system(host);
  };
}

int run_serve(const ServeOptions& o) {
  const Lang lang = *parse_lang(o.lang);
  const bool sv = lang == Lang::Sv;

  serve::AppSettings settings;
  settings.allowed_hosts = o.allow_hosts;
  if (!o.config.empty()) {
    std::optional<std::vector<std::string>> hosts = config_hosts(o.config, lang);
    if (!hosts) return kExitFailed;
    settings.allowed_hosts.insert(settings.allowed_hosts.end(), hosts->begin(), hosts->end());
  }
  settings.any_host = o.allow_any_host;
  settings.max_bytes = static_cast<std::size_t>(o.max_size_mb * 1024 * 1024);
  settings.keep = std::chrono::hours(24) * o.keep_days;
  settings.workers = std::max<std::size_t>(1, o.workers);
  settings.queue = o.queue;
  settings.burst = std::max<std::size_t>(1, o.burst);
  settings.refill = std::chrono::milliseconds(60000 / std::max<std::size_t>(1, o.per_minute));
  settings.trust_proxy = o.trust_proxy;
  settings.user_header = o.user_header;
  settings.public_url = o.public_url;

  fetch::SiteGuard guard;
  guard.policy.allowed_hosts = settings.allowed_hosts;
  guard.policy.any_host = settings.any_host;
  for (const std::string& a : o.allow_addresses) {
    std::optional<fetch::Network> n = fetch::Network::parse(a);
    if (!n) {
      print_error(tr(lang, "--allow-address: inte en adress eller ett nät: ", "--allow-address: not an address or network: ") + a);
      return kExitFailed;
    }
    guard.policy.allowed_networks.push_back(*n);
  }
  std::map<std::string, std::vector<fetch::IpAddress>> table;
  for (const std::string& entry : o.resolve) {
    const std::size_t eq = entry.find('=');
    std::optional<fetch::IpAddress> ip = eq == std::string::npos ? std::nullopt : fetch::parse_ip(entry.substr(eq + 1));
    if (!ip || eq == 0) {
      print_error(tr(lang, "--resolve ska vara NAMN=ADRESS: ", "--resolve must be NAME=ADDRESS: ") + entry);
      return kExitFailed;
    }
    table[text::ascii_lower(entry.substr(0, eq))].push_back(*ip);
  }
  guard.resolver = resolver_with(table);

  serve::CheckerSettings cs;
  cs.fetch.total_timeout_ms = static_cast<long>(o.timeout_s * 1000);
  cs.fetch.connect_timeout_ms = static_cast<long>(o.connect_timeout_s * 1000);
  cs.fetch.max_body_bytes = settings.max_bytes;
  cs.fetch.max_redirects = 5;
  cs.fetch.user_agent = o.user_agent;
  cs.fetch.site_guard = std::make_shared<const fetch::SiteGuard>(guard);
  cs.max_bytes = settings.max_bytes;
  cs.profile = o.profile;
  std::unique_ptr<serve::Checker> checker = serve::make_checker(cs);

  Result<std::unique_ptr<store::ResultStore>> results = store::ResultStore::open(o.db);
  if (!results) {
    print_error(results.error().text(lang));
    return kExitFailed;
  }
  store::ResultStore& store = **results;
  (void)store.prune(static_cast<std::int64_t>(std::time(nullptr)));

  serve::App app(settings, serve::AppDeps{&store, checker.get()});
  serve::ServerOptions so;
  so.bind = o.bind;
  so.port = o.port;
  so.threads = settings.workers + settings.queue + 8;  // room for the pages while checks wait
  so.max_request_bytes = settings.max_bytes * 3 + 1024 * 1024;  // a URL-encoded form triples at worst
  so.read_timeout_seconds = 30;
  if (!o.quiet) so.log = [](const std::string& line) { std::cerr << "granska serve: " << line << std::endl; };
  serve::Server server(app, so);

  // SIGINT and SIGTERM are taken by one thread (sigwait), which stops the server; every
  // other thread, the server's included, is started with them blocked.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
  signal(SIGPIPE, SIG_IGN);

  Result<int> port = server.bind();
  if (!port) {
    print_error(port.error().text(lang));
    return kExitFailed;
  }
  if (!o.port_file.empty()) std::ofstream(o.port_file) << *port << "\n";
  const std::string shown = (o.bind.find(':') != std::string::npos ? "[" + o.bind + "]" : o.bind) + ":" + std::to_string(*port);
  std::cerr << "granska serve: " << (sv ? "lyssnar på http://" : "listening on http://") << shown << "/\n";
  if (settings.any_host) {
    std::cerr << "granska serve: " << (sv ? "alla publika webbplatser får granskas" : "any public site may be checked") << "\n";
  } else if (settings.allowed_hosts.empty()) {
    std::cerr << "granska serve: "
              << (sv ? "inga webbplatser är tillåtna (--config, --allow-host): bara inklistrad kod och filer kan granskas"
                     : "no sites are allowed (--config, --allow-host): only pasted code and files can be checked")
              << "\n";
  }
  if (!guard.policy.allowed_networks.empty()) {
    std::cerr << "granska serve: "
              << (sv ? "varning: --allow-address släpper igenom interna adresser; bara för tester och demon"
                     : "warning: --allow-address lets internal addresses through; for tests and the demo only")
              << "\n";
  }

  std::mutex m;
  std::condition_variable cv;
  bool stopping = false;
  std::thread pruner([&] {
    std::unique_lock lock(m);
    while (!cv.wait_for(lock, std::chrono::minutes(10), [&] { return stopping; })) {
      (void)store.prune(static_cast<std::int64_t>(std::time(nullptr)));
    }
  });
  std::thread signals([&] {
    int sig = 0;
    sigwait(&stop_signals, &sig);
    server.stop();
  });
  server.run();
  {
    std::lock_guard lock(m);
    stopping = true;
  }
  cv.notify_all();
  pruner.join();
  // The signal thread is still in sigwait when the server stopped for another reason.
  pthread_kill(signals.native_handle(), SIGTERM);
  signals.join();
  std::cerr << "granska serve: " << (sv ? "stoppad" : "stopped") << "\n";
  return kExitOk;
}

std::vector<std::string> profile_names() {
  std::vector<std::string> out;
  for (const org::Profile& p : org::builtin_profiles()) out.push_back(p.id);
  return out;
}

}  // namespace

RunFn register_serve(CLI::App& app, Lang lang) {
  auto o = std::make_shared<ServeOptions>();
  CLI::App* cmd = app.add_subcommand(
      "serve", tr(lang, "Webbsidan för redaktörer: granska en sida i webbläsaren (docs/serve.md)",
                  "The web page for editors: check a page in the browser (docs/serve.md)"));
  cmd->add_option("--lang", o->lang, tr(lang, "Språk i meddelanden vid start: sv eller en", "Language of start-up messages: sv or en"))
      ->check(CLI::IsMember({"sv", "en"}));
  cmd->add_option("--bind", o->bind,
                  tr(lang, "Adress att lyssna på (standard 127.0.0.1: bakom en omvänd proxy)",
                     "Address to listen on (default 127.0.0.1: behind a reverse proxy)"));
  cmd->add_option("--port", o->port, tr(lang, "Port (0: valfri ledig)", "Port (0: any free one)"))->check(CLI::Range(0, 65535));
  cmd->add_option("--port-file", o->port_file, tr(lang, "Skriv porten till den här filen", "Write the port to this file"));
  cmd->add_option("--db", o->db, tr(lang, "Fil där resultaten sparas (SQLite)", "File the results are kept in (SQLite)"));
  cmd->add_option("--keep-days", o->keep_days, tr(lang, "Dagar ett resultat sparas", "Days a result is kept"))
      ->check(CLI::Range(1, 3650));
  cmd->add_option("--config", o->config,
                  tr(lang, "Inställningsfil: dess webbplatser ([[site]]) får granskas",
                     "Configuration file: its sites ([[site]]) may be checked"));
  cmd->add_option("--allow-host", o->allow_hosts,
                  tr(lang, "Värd som får granskas, med underdomäner (flera gånger)", "Host that may be checked, with subdomains (repeatable)"));
  cmd->add_flag("--allow-any-host", o->allow_any_host,
                tr(lang, "Alla publika webbplatser får granskas", "Any public site may be checked"));
  cmd->add_option("--allow-address", o->allow_addresses,
                  tr(lang, "Bara för tester och demon: internt nät som ändå får nås, t.ex. 127.0.0.1",
                     "Only for tests and the demo: internal network that may be reached anyway, e.g. 127.0.0.1"));
  cmd->add_option("--resolve", o->resolve,
                  tr(lang, "Bara för tester: NAMN=ADRESS används i stället för DNS (som curl --resolve)",
                     "Only for tests: NAME=ADDRESS is used instead of DNS (like curl --resolve)"));
  cmd->add_option("--workers", o->workers, tr(lang, "Granskningar samtidigt", "Checks at once"))->check(CLI::Range(1, 64));
  cmd->add_option("--queue", o->queue,
                  tr(lang, "Granskningar som får vänta; fler får svaret 503", "Checks that may wait; more get 503"))
      ->check(CLI::Range(0, 1000));
  cmd->add_option("--burst", o->burst, tr(lang, "Granskningar en klient får göra i följd", "Checks a client may make in a row"))
      ->check(CLI::Range(1, 1000));
  cmd->add_option("--per-minute", o->per_minute,
                  tr(lang, "Därefter granskningar per minut och klient", "Then checks per minute and client"))
      ->check(CLI::Range(1, 6000));
  cmd->add_option("--max-size", o->max_size_mb, tr(lang, "Största sida, kod eller fil, MB", "Largest page, code or file, MB"))
      ->check(CLI::PositiveNumber);
  cmd->add_option("--timeout", o->timeout_s, tr(lang, "Längsta tid för hämtning, sekunder", "Longest time for fetching, seconds"))
      ->check(CLI::PositiveNumber);
  cmd->add_option("--connect-timeout", o->connect_timeout_s,
                  tr(lang, "Längsta tid för anslutning, sekunder", "Longest time for connecting, seconds"))
      ->check(CLI::PositiveNumber);
  cmd->add_flag("--trust-proxy", o->trust_proxy,
                tr(lang, "Bakom en omvänd proxy: klienten är sista adressen i X-Forwarded-For",
                   "Behind a reverse proxy: the client is the last address in X-Forwarded-For"));
  cmd->add_option("--user-header", o->user_header,
                  tr(lang, "Huvud med inloggad användare från proxyn; anrop utan det nekas",
                     "Header with the signed-in user from the proxy; requests without it are refused"));
  cmd->add_option("--public-url", o->public_url,
                  tr(lang, "Adressen utifrån, t.ex. https://granska.malmo.se (för permanenta länkar)",
                     "The address from outside, e.g. https://granska.malmo.se (for permanent links)"));
  cmd->add_option("--profile", o->profile, tr(lang, "Kriterierna som visas", "The criteria shown"))
      ->check(CLI::IsMember(profile_names()));
  cmd->add_option("--user-agent", o->user_agent, tr(lang, "Egen User-Agent", "Own User-Agent"));
  cmd->add_flag("-q,--quiet", o->quiet, tr(lang, "Ingen rad per anrop på standard fel", "No line per request on standard error"));
  return [o] { return run_serve(*o); };
}

}  // namespace granska::cli
