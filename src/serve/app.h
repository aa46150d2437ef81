// The web app for web editors (granska serve): the routes, as plain functions from a
// Request to a Response, so that each one is tested without a socket or a browser. The
// HTTP server (server.h) only carries requests to App::handle.
//
// Routes (docs/serve.md; the API in docs/serve-api.md):
//   GET  /                      the form: an address, pasted HTML or an uploaded file
//   POST /granska               check what the form sent; 303 to the result
//   GET  /r/<id>                a stored result (the permanent link), with what changed
//                               since the previous check of the same address
//   POST /r/<id>/igen           check that address again ("is my page fixed?"); 303
//   POST /api/v1/checks         the same for the city's CMS: JSON in, JSON out
//   GET  /api/v1/checks/<id>    a stored result as JSON
//   GET  /healthz               "ok" (for the reverse proxy)
// Swedish unless ?lang=en or the browser's Accept-Language prefers English.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "serve/checker.h"
#include "serve/http.h"
#include "serve/limits.h"
#include "store/result_store.h"
#include "util/lang.h"

namespace granska::serve {

struct AppSettings {
  // The hosts the form may fetch from (shown to users; the guard in the checker enforces
  // them), or any host.
  std::vector<std::string> allowed_hosts;
  bool any_host = false;
  std::size_t max_bytes = 5 * 1024 * 1024;  // page, pasted HTML or file
  std::chrono::seconds keep{std::chrono::hours(24 * 30)};  // how long results are kept
  std::size_t workers = 2, queue = 8;                      // checks at once, and waiting
  std::size_t burst = 10;                                  // checks a client may make at once …
  std::chrono::milliseconds refill{6000};                  // … and then one per this long
  // Behind a reverse proxy: the client is the last address in X-Forwarded-For.
  bool trust_proxy = false;
  // When set, requests without this header (the proxy's single sign-on user) are refused
  // with 403, and the rate limit counts per user.
  std::string user_header;
  // "https://granska.malmo.se": what permanent links start with. "" = from the request's Host.
  std::string public_url;
};

// What the app needs from outside, replaceable in tests.
struct AppDeps {
  store::ResultStore* store = nullptr;
  Checker* checker = nullptr;
  std::function<std::int64_t()> now = nullptr;          // Unix seconds; null: the system clock
  std::function<Clock::time_point()> steady = nullptr;  // for rate limits; null: steady_clock
  std::function<std::string()> new_id = nullptr;        // null: 128 random bits, base64url
};

class App {
 public:
  App(AppSettings settings, AppDeps deps);
  // Never throws; every answer carries the security headers (CSP, nosniff, no referrer, no
  // framing).
  Response handle(const Request& request);
  // Checks running or waiting for their turn.
  std::size_t checks_admitted() const { return admission_.admitted(); }

 private:
  struct Context;
  Response route(const Request& request, Context& ctx);
  Response form(const Context& ctx, int status, const struct FormError* error);
  Response submit(const Request& request, Context& ctx);
  Response recheck(const Request& request, Context& ctx, const std::string& id);
  Response result_page(Context& ctx, const std::string& id);
  Response api_submit(const Request& request, Context& ctx);
  Response api_result(Context& ctx, const std::string& id, int status);
  Response message(const Context& ctx, int status, const std::string& heading, const std::string& text);
  Response api_error(int status, std::string_view code, const std::string& text);
  // Rate limit and admission, then the check and the stored result's id.
  struct Outcome;
  Outcome run_check(const Request& request, const Source& source);

  std::string client_key(const Request& request) const;
  std::string origin(const Request& request) const;

  AppSettings settings_;
  AppDeps deps_;
  RateLimiter limiter_;
  Admission admission_;
};

// The language of a request: ?lang= (sv, en), else the first of sv/en in Accept-Language
// by preference, else Swedish.
Lang negotiate_language(const Request& request);
// The Content-Security-Policy of an HTML page: nothing but the page's own inline <style>
// (by its hash), its own forms and images; no script at all.
std::string content_security_policy(std::string_view html);

}  // namespace granska::serve
