// Rendering pages in headless Chromium: the one entry point of src/render for the rest of
// granska. A Pool owns one browser process (Debian's chromium, driven over the DevTools
// pipe) and renders up to `tabs` pages at once, each in a tab of its own:
//
//   auto pool = render::Pool::start(options);          // launches Chromium, or an Error
//   Result<RenderedPage> page = (*pool)->render({.url = "https://…"});
//   Result<RenderedView> view = RenderedView::build(std::move(*page));   // → html::Document
//
// Per page: a tab in the browser context of its site (pages of one site share cookies and
// storage, no other site sees them; the tab of the site's previous page is reused when it
// went well, else a new one is opened), navigation, the load event (at most
// load_timeout_ms; a page whose DOM is there but whose load never fires is still checked
// and says so), then up to idle_cap_ms until no request has been in flight for
// idle_quiet_ms, then the DOM snapshot and the layout facts asked for, all within
// page_timeout_ms. A page that times out is an Error; its tab is closed.
//
// Failures: a browser that dies or stops answering is killed and started again on the next
// page; the page it was rendering is tried once more (RenderedPage::attempts == 2) and, if
// that fails too, is an Error. A renderer crash costs the same one retry. Nothing a page
// does can block render() past its deadline or end the run.
//
// Thread-safety: render() may be called from any number of threads; at most `tabs` run at
// once, the others wait for a tab. Login headers and cookies never appear in an Error,
// log or RenderedPage.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <sys/types.h>
#include <vector>

#include "render/chromium.h"
#include "render/page.h"
#include "render/rendered_view.h"
#include "util/result.h"

namespace granska::render {

// Credentials of an audit, applied in the browser.
struct Login {
  // "Name: value" lines sent with every request to the page's origin (scheme, host, port)
  // and to no other, as granska's fetcher does (request interception adds them).
  std::vector<std::string> headers;
  // A Netscape/Mozilla cookie file (as curl writes it); its cookies are set in the site's
  // browser context before its first page.
  std::string cookie_file;
};

// Which layout facts to measure after the snapshot, and how many elements at most.
struct FactsOptions {
  bool reflow = true;   // 1.4.10: a second layout at 320 × 256 CSS px
  bool targets = true;  // 2.5.8: pointer target sizes (from the snapshot, no extra browser work)
  bool focus = true;    // 2.4.7: each focusable element focused, styles compared
  std::size_t max_focus_elements = 150;
  std::size_t max_targets = 1000;
  std::size_t max_overflowing = 50;
};

struct PoolOptions {
  LaunchOptions launch;
  int tabs = 0;  // pages rendered at once; 0 = the number of cores
  long page_timeout_ms = 30000;
  long load_timeout_ms = 15000;
  long idle_quiet_ms = 500;
  long idle_cap_ms = 3000;
  // Starting the browser, opening and closing a tab: a browser slower than this is hung.
  long browser_timeout_ms = 10000;
  Viewport viewport;
  // Restart the browser (between pages) once its processes together use more than this
  // many MB (proportional set size, see ChromiumProcess::memory_bytes); 0 = no limit.
  // Checked after the first page and every 8th after it.
  std::size_t memory_limit_mb = 0;
  // Restart the browser after this many pages, to bound what leaks inside it.
  std::size_t pages_per_browser = 2000;
  // Browser contexts kept open for later pages of their site (least recently used first out).
  std::size_t max_contexts = 16;
  // Largest DevTools message accepted (a page's DOM snapshot), in MB.
  std::size_t max_message_mb = 256;
};

// A page may take `timeout_ms` (the user's fetch timeout), never less than 5 s; loading it
// never longer than that.
void limit_page_time(PoolOptions& options, long timeout_ms);

struct PageRequest {
  std::string url;  // http(s), file: or data:
  // Pages with equal `site` share a browser context; "" = the URL's origin.
  std::string site;
  Login login;
  FactsOptions facts;
};

struct PoolStats {
  std::size_t pages = 0;           // render() calls that returned a page
  std::size_t failures = 0;        // render() calls that returned an Error
  std::size_t retries = 0;         // pages tried a second time after a crash
  std::size_t browser_starts = 0;  // including the first
  std::size_t peak_memory_bytes = 0;  // largest memory of a browser's processes seen (PSS)
};

class Pool {
 public:
  // Starts Chromium and checks that it answers. Error when it is not installed, cannot
  // start, or does not answer within browser_timeout_ms (with what it wrote to stderr).
  static Result<std::unique_ptr<Pool>> start(PoolOptions options);
  ~Pool();  // closes the browser; render() calls must have returned
  Pool(const Pool&) = delete;
  Pool& operator=(const Pool&) = delete;

  // Renders one page (see the file comment). Errors name the URL and say why, in English
  // and Swedish: Chromium could not load it (net::ERR_…), it timed out, or the browser
  // failed twice.
  Result<RenderedPage> render(const PageRequest& request);

  int tabs() const;
  PoolStats stats() const;
  // The current browser's process id (0 when none is running): for tests and diagnostics.
  pid_t browser_pid() const;
  // Memory of the current browser's processes, in bytes (PSS, see ChromiumProcess).
  std::size_t browser_memory_bytes() const;

 private:
  struct Impl;
  explicit Pool(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// Renders one page and builds its view: Pool::render then RenderedView::build.
Result<RenderedView> render_view(Pool& pool, const PageRequest& request);

// The origin of an absolute URL, "scheme://host[:port]" lowercased without user info;
// "" when the URL has no authority (data:, about:). Used for contexts and login headers.
std::string url_origin(std::string_view url);

}  // namespace granska::render
