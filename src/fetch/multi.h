// Many HTTP GETs at once on one thread (libcurl multi), for the crawler. One call of
// add() starts one transfer of one hop: redirects are NOT followed here (unless asked, for
// robots.txt and sitemaps), because the crawler decides per hop whether the target is in
// scope and records the chain. Connections are kept alive and reused; HTTP/2 is used where
// the server offers it (over TLS, via ALPN) and streams are multiplexed.
//
// Not thread-safe: one thread owns a Multi and calls every member, except wakeup(), which
// any thread may call to make a blocked wait() return early.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "fetch/fetch.h"

namespace granska::fetch {

struct Request {
  std::uint64_t id = 0;  // the caller's; returned in the Completion
  std::string url;
  Options options;       // timeouts, body cap, user agent, headers (sent as given, also to
                         // redirect targets when follow_redirects: pass no secrets then)
  bool follow_redirects = false;  // robots.txt and sitemaps: up to options.max_redirects
  // True: only bodies of HTML-like types (text/html, application/xhtml+xml, or no type)
  // are downloaded; for any other type the transfer stops after the headers and the
  // Completion has body_skipped = true and the declared size. False: every body is kept.
  bool html_bodies_only = false;
  // True: a body longer than options.max_body_bytes is cut there and the transfer stops
  // (Completion::body_truncated), instead of failing: robots.txt, of which RFC 9309 asks
  // to parse at least the first 500 KiB, however large or gzip-bombed the whole is.
  bool truncate_body = false;
  // Validators of an earlier fetch of this URL (a later scan): sent as If-None-Match and
  // If-Modified-Since; a server whose copy is unchanged answers 304 without a body.
  std::string if_none_match;
  std::string if_modified_since;
};

struct Completion {
  std::uint64_t id = 0;
  std::string url;        // as requested
  std::string final_url;  // differs from url only with follow_redirects
  bool ok = false;        // a response arrived (any status); false: `error` says why
  Error error;            // bilingual, names the URL, never a header value
  bool transient = false; // !ok and worth retrying (timeouts, broken connections)
  long status = 0;
  std::string content_type;
  std::string location;   // absolute Location of a 3xx (resolved by curl); "" otherwise
  long retry_after_s = -1;  // Retry-After of a 429/503 in seconds; -1 when absent
  std::string body;
  bool body_skipped = false;  // see Request::html_bodies_only
  bool body_truncated = false;  // see Request::truncate_body
  long long declared_size = -1;  // Content-Length; -1 when unknown
  std::string etag;           // ETag of the (last) response; "" when absent
  std::string last_modified;  // Last-Modified of the (last) response; "" when absent
  double seconds = 0;
};

// Many transfers on one thread: what the crawler needs of the network. The libcurl
// implementation is Multi; tests give the crawler an in-memory web instead.
// Not thread-safe except wakeup(), as Multi.
class Transfers {
 public:
  virtual ~Transfers() = default;
  // Starts a transfer. Only http/https URLs; anything else completes at once with an error.
  virtual void add(Request request) = 0;
  // Transfers started and not yet returned by wait().
  virtual std::size_t in_flight() const = 0;
  // Drives the transfers, waiting at most `timeout_ms` for network activity or wakeup(),
  // and returns the transfers that finished (possibly none).
  virtual std::vector<Completion> wait(int timeout_ms) = 0;
  // Makes a wait() in progress (or the next one) return promptly. Thread-safe.
  virtual void wakeup() = 0;
};

class Multi final : public Transfers {
 public:
  // `max_total_connections` caps open connections over all hosts (0 = curl's default).
  explicit Multi(long max_total_connections = 0);
  ~Multi();
  Multi(const Multi&) = delete;
  Multi& operator=(const Multi&) = delete;

  void add(Request request) override;
  std::size_t in_flight() const override;
  std::vector<Completion> wait(int timeout_ms) override;
  void wakeup() override;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// "text/html; charset=x" → "text/html" (lower case, trimmed).
std::string mime_essence(std::string_view content_type);

}  // namespace granska::fetch
