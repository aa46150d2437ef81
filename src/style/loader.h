// A page's style sheets: <style> elements, <link rel="stylesheet"> and @import, collected
// in cascade order, fetched through the page's own fetcher with its limits and headers,
// and kept in a per-run cache that every page of a crawl or audit shares.
//
// Which sheets apply, as in a browser: <link> needs rel "stylesheet" (not "alternate"), no
// `disabled`, a type of text/css or none; a titled sheet applies only if its title is the
// preferred one (the first title met, or <meta http-equiv="default-style">); media= is
// kept and evaluated per Environment; sheets in <template>, and in <noscript> when
// scripting is on, do not apply. @import: only before other rules, media and supports()
// and layer() honoured, at most kMaxImportDepth deep, a URL already in the import chain
// skipped (a loop). A sheet that fails the way a browser also fails on (HTTP 4xx/5xx,
// a type other than text/css) is skipped; one granska could not get although a browser
// would have (network error, timeout, granska's size limit) makes the page's styles
// `incomplete`. Either way the page gets a note; nothing is fatal.
//
// Local pages (file: URLs): a linked sheet is read from disk when its URL resolves to a
// file: URL naming a regular file whose name ends in ".css", at most max_sheet_bytes long.
// Nothing else on disk is read (no devices, directories or other files), and a local page's
// sheets on the network are not fetched (checking a file never goes online): both are noted
// and make the styles incomplete.
//
// Bytes are decoded as CSS Syntax §3.2 says: BOM, then the HTTP charset, then @charset,
// then the page's encoding, then UTF-8.
#pragma once

#include <chrono>
#include <cstddef>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "fetch/fetch.h"
#include "html/dom.h"
#include "style/cascade.h"
#include "style/media.h"
#include "style/sheet.h"
#include "util/result.h"

namespace granska::style {

inline constexpr int kMaxImportDepth = 8;

struct LoadOptions {
  fetch::Options fetch;  // the page's limits, headers and cookies
  std::size_t max_sheet_bytes = 8 * 1024 * 1024;
  std::size_t max_sheets_per_page = 128;  // <style>, <link> and @import together
  // Wall time for fetching one page's sheets, all together (each fetch's timeout is cut to
  // what is left); after it only sheets already in the cache are used. Keeps a page with
  // many hanging sheets well inside a crawl's watchdog.
  std::chrono::milliseconds time_budget{30000};
};

// One sheet as the cache holds it.
struct LoadedSheet {
  std::shared_ptr<const Sheet> sheet;  // null when it could not be used
  std::string final_url;               // after redirects: the base for its @imports
  Error error;                         // why not, when sheet is null
  bool browser_skips = false;          // a browser would not have applied it either
};

// The per-run cache. Thread-safe: any number of page workers may ask at once; a sheet
// asked for by several of them is fetched and parsed once while the others wait.
// Bounded: when the parsed sheets exceed `max_bytes`, the least recently used are evicted
// (and fetched again if asked for later); stats() says how many and which.
class SheetCache {
 public:
  explicit SheetCache(std::size_t max_bytes = 64 * 1024 * 1024);
  ~SheetCache();
  SheetCache(const SheetCache&) = delete;
  SheetCache& operator=(const SheetCache&) = delete;

  // The sheet at an absolute http(s) or file: URL. `fetcher` is the calling thread's own
  // (http(s) only; nullptr: not fetched). `page_encoding` is the fallback encoding.
  LoadedSheet get(const std::string& url, fetch::Fetcher* fetcher, const LoadOptions& opts,
                  std::string_view page_encoding);
  // A <style> element's text, parsed once per distinct text.
  std::shared_ptr<const Sheet> inline_sheet(std::string_view css);

  struct Stats {
    std::size_t requests = 0;  // get() and inline_sheet() calls
    std::size_t loaded = 0;    // sheets fetched or read and parsed
    std::size_t failed = 0;
    std::size_t evicted = 0;
    std::size_t bytes = 0;     // held now
    std::vector<std::string> recently_evicted;  // the last few evicted URLs
  };
  Stats stats() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// The author style sheets of `doc` in cascade order. `page_url` is the page's address
// (http(s), file: or stdin:). `cache` and `fetcher` may be null: linked sheets are then not
// loaded (noted, and the styles are incomplete); <style> elements always are.
PageSheets collect_sheets(const html::Document& doc, std::string_view page_url, SheetCache* cache,
                          fetch::Fetcher* fetcher, const LoadOptions& opts, std::string_view page_encoding = "utf-8",
                          const Environment& env = {});

// CSS Syntax §3.2: the text of a style sheet's bytes.
std::string decode_stylesheet(std::string_view bytes, std::string_view content_type, std::string_view fallback);

// Resolves `ref` against a file: URL ("file:///dir/page.html"); "" when `ref` is not a
// relative reference or file: URL. Dot segments are removed, percent-escapes kept.
std::string resolve_file_url(std::string_view base, std::string_view ref);

}  // namespace granska::style
