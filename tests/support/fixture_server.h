// A loopback HTTP server for tests and the demo: static files from a directory plus a few
// misbehaving endpoints, so fetch and crawl code is tested against real HTTP without the
// internet. Not hardened for untrusted clients: it binds 127.0.0.1 only.
//
// Static files: GET /<path> serves <root>/<path> (a directory serves its index.html).
// Content-Type by extension: .html/.htm → "text/html; charset=utf-8", .xhtml, .css, .js,
// .json, .xml, .txt, .svg, .png, .jpg, .gif, .pdf, .mp4, .webm, .vtt; anything else
// application/octet-stream.
// Sidecar rule: when "<file>.content-type" exists beside a file, its first line is sent
// as the Content-Type instead (e.g. "text/html; charset=ISO-8859-1" for a Latin-1 page).
// Sidecar files themselves are not served. Paths with ".." are refused (403).
// Static files carry a strong ETag (size and modification time) and Last-Modified; a
// request with a matching If-None-Match, or (without If-None-Match) an If-Modified-Since
// not older than the file, gets 304 Not Modified without a body.
//
// Test endpoints (all GET):
//   /_test/page                   a small UTF-8 HTML page (200)
//   /_test/status/<code>          any status 200–599 with a small HTML body
//   /_test/slow?ms=N              answers after N ms (max 60000), sleeping in small steps so
//                                 the server still stops promptly
//   /_test/gate                   holds the request until open_gate() (or the server stops,
//                                 or 60 s pass), then answers like /_test/page: a crawl that
//                                 includes it cannot finish before the test says so
//   /_test/redirect-loop          302 → /_test/redirect-loop/b → 302 → /_test/redirect-loop
//   /_test/redirect-chain[?to=/p] 301 → …/2, 302 → …/3, 307 → /p (default /_test/page):
//                                 three hops
//   /_test/redirect?to=URL[&status=3xx]  redirects anywhere (default 302): cross-site and
//                                 non-http redirects. Loopback only, so harmless here.
//   /_test/gzip                   HTML sent with Content-Encoding: gzip when the client
//                                 accepts gzip, plain otherwise
//   /_test/big?bytes=N[&chunked=1] N bytes of HTML (max 512 MiB), streamed; with
//                                 Content-Length unless chunked=1
//   /_test/binary                 PDF bytes labelled text/html
//   /_test/wrong-type             an HTML page labelled application/pdf
//   /_test/evil-type              an HTML page whose Content-Type holds terminal escapes
//   /_test/evil-location          302 to a Location holding terminal escapes
//   /_test/huge-header[?bytes=N]  a page with an N-byte response header (default 300 KB)
//   /_test/echo-ua                the request's User-Agent, as text/plain
//   /_test/echo-header?name=X     the request's header X, as text/plain ("" if absent)
//   /_test/429-once?id=X          429 with "Retry-After: 1" the first time for each X, then
//                                 a small page (200)
//   /_test/calendar?month=N       an endless calendar: a page linking to month N-1 and N+1
// Static .xml and .txt files have "{{ORIGIN}}" replaced with "http://127.0.0.1:<port>", so
// sitemaps and robots.txt can hold absolute URLs. A request for "<name>.xml.gz" where only
// "<name>.xml" exists gets that file (substituted) gzip-compressed, as application/x-gzip.
// Every request's target (path and query) is logged, in order: see requests().
// Note: responses with a compressible type (text/*) may be compressed with br or gzip
// when the client accepts it (cpp-httplib does this by itself); curl decodes it.
// set_compression(false) turns this off for static files: brotli at cpp-httplib's default
// quality costs the server tens of ms per 50 KB page, which made it the bottleneck of the
// crawl benchmark.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace granska::testing {

class FixtureServer {
 public:
  explicit FixtureServer(std::string root_dir);
  ~FixtureServer();  // stops the server and joins its thread
  FixtureServer(const FixtureServer&) = delete;
  FixtureServer& operator=(const FixtureServer&) = delete;

  // Binds 127.0.0.1 on `port` (0 = an ephemeral port), starts serving in a thread of its
  // own, and returns once connections are accepted. False if binding failed or started.
  bool start(int port = 0);
  // Static files compressed on the fly when the client accepts it (default true). Call
  // before start().
  void set_compression(bool on);
  int port() const;
  // "http://127.0.0.1:<port>" + path ("/" added in front when missing).
  std::string url(std::string_view path) const;
  // The targets ("/a?b") of every request received so far, in arrival order. Thread-safe.
  std::vector<std::string> requests() const;
  // Lets every held and later /_test/gate request through.
  void open_gate();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace granska::testing
