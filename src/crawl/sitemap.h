// Sitemaps (sitemaps.org protocol 0.9): XML <urlset> and <sitemapindex>, gzip-compressed or
// not, and plain-text sitemaps (one URL per line). The only module that uses libxml2.
//
// Safe on hostile input: no DTD or external entity is loaded, nothing is fetched, and no
// entity is ever declared or expanded, so an XXE attempt reads nothing and "billion laughs"
// expands nothing; libxml2's default limits stay on (no XML_PARSE_HUGE). The price: only
// the five predefined entities (&amp; ...) and character references work in a sitemap; a
// reference to a DTD-declared entity is treated like an XML error at that point (entries
// before it are kept). Output is capped by SitemapLimits.
// Pure functions; thread-safe (libxml2 is initialised once, on first use).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "util/result.h"

namespace granska::crawl {

struct SitemapLimits {
  std::size_t max_entries = 50000;                         // per file, as sitemaps.org says
  std::size_t max_uncompressed_bytes = 50 * 1024 * 1024;  // 50 MB, likewise
};

enum class SitemapKind {
  UrlSet,  // <urlset>: pages
  Index,   // <sitemapindex>: more sitemaps
  Text,    // plain text, one URL per line
};

struct SitemapEntry {
  std::string loc;      // an absolute http(s) URL, trimmed, entities decoded; not normalised
  std::string lastmod;  // as written (W3C Datetime, e.g. "2024-05-01"); "" when absent
};

// Something the caller should know but that did not stop parsing: a limit reached, an XML
// error after which the entries read so far were kept, entries skipped.
struct SitemapNote {
  std::string message;     // English
  std::string message_sv;  // Swedish
};

struct Sitemap {
  SitemapKind kind = SitemapKind::UrlSet;
  // Pages (UrlSet, Text) or child sitemaps (Index), in document order. Entries whose loc
  // is missing or not an absolute http(s) URL are skipped (and counted in a note).
  std::vector<SitemapEntry> entries;
  std::vector<SitemapNote> notes;
  bool truncated = false;  // a limit was reached or the XML broke off: entries may be missing
};

// Parses one sitemap file as fetched. Gzip is recognised by its magic bytes (1f 8b), not
// by the file name or Content-Type, and inflated up to max_uncompressed_bytes. After a
// UTF-8 BOM and whitespace, '<' means XML, anything else a text sitemap.
// Elements are matched by local name, so a wrong or missing namespace is tolerated;
// only <loc>/<lastmod> that are direct children of <url>/<sitemap> count (so image:loc and
// similar extensions are ignored).
// Errors (English and Swedish): an empty file, corrupt gzip with nothing inflated, XML
// that is broken before any entry was read, a root element other than urlset/sitemapindex
// (an HTML error page, say). Broken XML after some entries is not an error: the entries
// are returned with truncated = true and a note naming the line of the XML error.
// Whether an entry may be crawled (same host as the sitemap, in scope, allowed by robots)
// is the caller's decision.
Result<Sitemap> parse_sitemap(std::string_view body, const SitemapLimits& limits = {});

// True when `body` starts with the gzip magic bytes.
bool is_gzip(std::string_view body);

}  // namespace granska::crawl
