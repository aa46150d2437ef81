// robots.txt (RFC 9309): which paths of a host granska may fetch, how long to wait between
// requests, and which sitemaps the host announces. Parsing is total: any bytes give a
// usable Robots (garbage lines are ignored), so there is no error path.
//
// Robots is an immutable value once built; const member functions are thread-safe.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace granska::url {
class Url;
}

namespace granska::crawl {

// RFC 9309 §2.5: crawlers must parse at least 500 KiB; we parse exactly that much (whole
// lines only) and ignore the rest.
inline constexpr std::size_t kRobotsMaxBytes = 500 * 1024;

// What the status of a robots.txt fetch means (RFC 9309 §2.3.1.2–2.3.1.4).
enum class RobotsFetchPolicy {
  Parse,        // 2xx: parse the body
  AllowAll,     // 4xx except 429: "unavailable", no restrictions
  DisallowAll,  // 5xx, 429, 0 (unreachable) or anything else: "unreachable", assume a
                // complete disallow for now; the caller retries later (and, per the RFC,
                // may treat a host unreachable for 30 days as unrestricted)
};

// 3xx counts as unreachable too: the fetcher follows redirects itself (RFC: at least five),
// so a 3xx here means it gave up. 429 is treated like 5xx (as Google does): the host asks
// us to slow down, so not fetching is the polite reading.
RobotsFetchPolicy robots_fetch_policy(long http_status);

struct RobotsRule {
  bool allow = false;
  std::string pattern;  // percent-encoding normalised; '*' and a final '$' are special
};

class Robots {
 public:
  // No rules: everything allowed, no crawl delay, no sitemaps.
  Robots() = default;

  // Parses a robots.txt body and keeps the rules of the group for `product_token` (the
  // crawler's name, e.g. "granska"; letters, '_' and '-'): every group whose user-agent
  // line names that token (case-insensitively; a line "granska/1.0" names "granska"),
  // merged into one; if there is none, the groups for "*", merged; else no rules.
  // Accepts a UTF-8 BOM, CR/LF/CRLF line ends, comments, keys in any case, "Key value"
  // without the colon; lines that still make no sense are ignored. Only the first
  // kRobotsMaxBytes are read (truncated() tells).
  static Robots parse(std::string_view body, std::string_view product_token);

  // The whole decision for a fetched robots.txt: status policy, then parse() for 2xx.
  static Robots from_fetch(long http_status, std::string_view body, std::string_view product_token);

  static Robots allow_all() { return Robots(); }
  static Robots disallow_all();

  // Whether the crawler may fetch `path_and_query` ("/a/b?c", as in the URL; normalised
  // here). The longest matching rule wins (pattern length after normalisation); on a tie
  // allow wins; no match means allowed. "/robots.txt" is always allowed. Runs in
  // O(path length × rule length) per rule in the worst case, no allocation beyond one
  // normalised copy of the path.
  bool allowed(std::string_view path_and_query) const;
  // Path and query of `url`; pass a normalised URL (dot segments are not removed here).
  bool allowed(const url::Url& url) const;

  // Crawl-delay of the chosen group, in seconds, when it gives a valid non-negative number
  // (the last one wins). Not part of RFC 9309, but honoured: the city's own hosts use it
  // to ask for gentleness. Callers clamp it to their own bounds.
  std::optional<double> crawl_delay() const { return crawl_delay_; }

  // Every Sitemap: value, in file order, whichever group it stands in (they belong to the
  // file, not a group). Values as written; callers resolve and validate them.
  const std::vector<std::string>& sitemaps() const { return sitemaps_; }

  // The rules that apply to us, in file order (for diagnostics and tests).
  const std::vector<RobotsRule>& rules() const { return rules_; }

  // True when the body was longer than kRobotsMaxBytes and the rest was ignored.
  bool truncated() const { return truncated_; }

 private:
  std::vector<RobotsRule> rules_;
  std::vector<std::string> sitemaps_;
  std::optional<double> crawl_delay_;
  bool truncated_ = false;
};

// RFC 9309 §2.2.2/§2.2.3 matching of one normalised pattern against a path normalised the
// same way (see Robots::allowed): '*' matches any sequence, a final '$' anchors the end,
// otherwise the pattern is a prefix. Exposed for tests.
bool robots_pattern_matches(std::string_view pattern, std::string_view path);

}  // namespace granska::crawl
