// HTTP GET for one page, behind a tiny interface so callers can be tested with a fake.
// The real implementation is the only place in granska that talks to libcurl.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "fetch/address_guard.h"
#include "util/result.h"

namespace granska::fetch {

// Limits must be positive: there is no "unlimited".
struct Options {
  long connect_timeout_ms = 10000;  // per connection attempt (DNS + TCP + TLS)
  long total_timeout_ms = 30000;    // whole get(), all redirects included
  std::size_t max_body_bytes = 20 * 1024 * 1024;  // decoded body; larger → Error
  int max_redirects = 10;
  // Empty = "granska/<version> (+accessibility checker of Malmö stad)".
  std::string user_agent;
  // Extra request lines "Name: value" (e.g. an Authorization header for a staging site).
  // Sent only to the origin (scheme, host, port) of the URL asked for, also after
  // redirects, so credentials never leak to another site. Never in messages or logs.
  std::vector<std::string> headers;
  // A Netscape/Mozilla cookie file (as curl and browser extensions write it) whose cookies
  // are sent; curl matches each cookie's domain and path, so none leaks to another site.
  // Empty: no cookies. The file's contents are never in messages or logs.
  std::string cookie_file;
  // Connect to private and loopback addresses even when the target is public (see
  // address_guard.h: link-local addresses are refused whatever this says).
  bool allow_private_addresses = false;
  // The scope the guard judges private and loopback addresses against; unset: the scope of
  // the transfer's first connection (for get(), of its first hop). A crawl sets the scope
  // of its seeds here, so that no hop of any page may lead elsewhere.
  std::optional<AddressScope> target_scope;
  // Called before every connection once the guard allowed it; tests refuse anything but
  // loopback with it. Empty: none.
  ConnectHook connect_hook;
};

// One hop of a redirect chain: `from` answered `status` with Location `to` (absolute).
struct Redirect {
  std::string from;
  long status = 0;
  std::string to;
};

struct Response {
  std::string url;        // as requested
  std::string final_url;  // after redirects
  long status = 0;        // HTTP status of the final response
  std::string content_type;  // Content-Type of the final response; "" when absent
  std::string body;          // decoded from gzip/deflate/br; at most max_body_bytes
  std::vector<Redirect> redirects;
  double seconds = 0;  // wall time of the whole get()
};

// Fetches one URL. Contract for implementations:
// - Only http and https, for the first URL and every redirect target.
// - Redirects are followed up to Options::max_redirects and each hop is recorded; a URL
//   seen twice is a "redirect loop" Error, more hops a "too many redirects" Error.
// - A 4xx/5xx answer is a Response, not an Error: the caller decides what it means.
// - Errors (timeouts, DNS, refused connections, TLS, size limit) carry an English and a
//   Swedish one-line message naming the URL; request headers are never included.
// - Never throws, never prints.
// One Fetcher is used by one thread at a time; create one per thread.
class Fetcher {
 public:
  virtual ~Fetcher() = default;
  virtual Result<Response> get(const std::string& url, const Options& opts) = 0;
};

// The libcurl fetcher. Safe to call from any thread, any number of times (libcurl's
// global initialisation is done once, the first time). Keeps connections alive between
// get() calls on the same object.
std::unique_ptr<Fetcher> make_curl_fetcher();

// The default User-Agent value.
std::string default_user_agent();

// "20 MB", "512 kB", "300 B": how size limits are written in messages (fetch and input).
std::string format_size(std::size_t bytes);

// Refuses an extra request header ("Name: value", from -H or a config file) that cannot be
// sent as written: no colon, a name that is not an RFC 9110 token, or a control character
// (CR, LF, NUL, …; tab is allowed) in the value, which would inject a header of its own.
Status validate_header(std::string_view header);

// Text from the network (a header value, a URL, curl's description of an answer) made fit
// for a message: control characters and DEL shown as \xNN, so that no escape sequence a
// server sends reaches a terminal or a log; at most `max` bytes (UTF-8 kept whole).
std::string escape_for_message(std::string_view text, std::size_t max = 300);

// A URL made fit for a message: user:password@ removed, escaped as escape_for_message
// does, at most 300 characters.
std::string url_for_message(std::string_view url);

}  // namespace granska::fetch
