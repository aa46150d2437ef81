// One page under several URLs, counted once.
//
// A site often answers the same page at more than one address: `/` and `/index.html`, a
// URL with and without a trailing parameter, an old address that redirects. Counted as
// separate pages, such a page's failures count twice and its unit's "share of pages
// without failures" (and so its status) moves for no reason. The rule, used by every
// figure, the trend and the diff (docs/decisions/0013-scan-report.md):
//
//   Two HTML page records of the same scan and the same unit are the same page when
//     (a) they have the same final URL after redirects, or
//     (b) one declares the other's URL (or final URL) as its <link rel=canonical>, or
//     (c) their bodies have the same SHA-256 and their final URLs the same host and port.
//   The relation is closed transitively. Each group counts once, as its primary record:
//   the canonical target if a member is one, else the shortest URL (then the first in
//   byte order), so the choice is stable from scan to scan. The other records are
//   aliases: listed with their primary and reason, but neither checked pages nor
//   failures of their own.
//
// Only within one unit: units answer for their own pages, and a page copied into another
// unit's part of the site is that unit's page too. Records that are not HTML (documents,
// redirects, errors) are never aliases.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>

#include "figures/figures.h"
#include "results/scan_data.h"

namespace granska::figures {

enum class AliasReason : unsigned char { SameFinalUrl, Canonical, SameContent };
std::string_view to_string(AliasReason r);  // "same-final-url", "canonical", "same-content"
Text label(AliasReason r);                  // "samma slutadress efter omdirigering" / …

struct Alias {
  std::string primary;  // the URL of the record the page is counted as
  AliasReason reason = AliasReason::SameContent;
};

// The aliases of one scan. Immutable after build(); lookups are thread-safe.
class AliasIndex {
 public:
  // Reads the identities of `scan` (ScanSource::for_each_page_identity) and groups them;
  // `units` assigns each record to its unit as the figures do. Memory: the scan's HTML
  // identities while building, the aliases after.
  static AliasIndex build(results::ScanSource& source, results::ScanId scan, UnitResolver& units);
  // The same from identities already at hand (tests), with their units.
  static AliasIndex build(const std::vector<std::pair<results::PageIdentity, std::size_t>>& pages);

  // nullptr when the record of `url` counts as itself.
  const Alias* alias_of(std::string_view url) const;
  std::size_t size() const { return aliases_.size(); }

 private:
  std::unordered_map<std::string, Alias> aliases_;
};

}  // namespace granska::figures
