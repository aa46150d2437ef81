#include "crawl/robots.h"

#include <charconv>
#include <cmath>

#include "url/url.h"

namespace granska::crawl {
namespace {

constexpr char to_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; }
constexpr bool is_token_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '-';
}

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (to_lower(a[i]) != to_lower(b[i])) return false;
  }
  return true;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// The product token at the start of a user-agent value: "Granska/1.0 (+x)" → "Granska".
std::string_view product_token_of(std::string_view value) {
  std::size_t n = 0;
  while (n < value.size() && is_token_char(value[n])) ++n;
  return value.substr(0, n);
}

enum class Key { None, UserAgent, Allow, Disallow, CrawlDelay, Sitemap };

Key key_of(std::string_view k) {
  // A few misspellings seen in the wild, accepted as Google's parser does.
  if (iequals(k, "user-agent") || iequals(k, "useragent") || iequals(k, "user agent")) {
    return Key::UserAgent;
  }
  if (iequals(k, "allow")) return Key::Allow;
  if (iequals(k, "disallow") || iequals(k, "dissallow") || iequals(k, "disalow") ||
      iequals(k, "dissalow")) {
    return Key::Disallow;
  }
  if (iequals(k, "crawl-delay") || iequals(k, "crawldelay")) return Key::CrawlDelay;
  if (iequals(k, "sitemap") || iequals(k, "site-map")) return Key::Sitemap;
  return Key::None;
}

// Patterns and paths share one form: percent-encoding normalised like URLs. In a path a
// literal '*' or '$' becomes %2A / %24 so that it can only be matched by a pattern that
// says %2A / %24 (RFC 9309 §2.2.3); in a pattern, '$' is special only at the very end.
std::string normalize_path(std::string_view path) {
  std::string n;
  n.reserve(path.size() + 8);
  if (path.empty() || path.front() != '/') n += '/';
  url::append_normalized_component(n, path);
  if (n.find_first_of("*$") == std::string::npos) return n;
  std::string out;
  out.reserve(n.size() + 8);
  for (char c : n) {
    if (c == '*') {
      out += "%2A";
    } else if (c == '$') {
      out += "%24";
    } else {
      out += c;
    }
  }
  return out;
}

std::string normalize_pattern(std::string_view pattern) {
  std::string n;
  n.reserve(pattern.size() + 8);
  url::append_normalized_component(n, pattern);
  for (std::size_t i = 0; i + 1 < n.size(); ++i) {
    if (n[i] == '$') {
      n.replace(i, 1, "%24");
      i += 2;
    }
  }
  return n;
}

}  // namespace

RobotsFetchPolicy robots_fetch_policy(long http_status) {
  if (http_status >= 200 && http_status < 300) return RobotsFetchPolicy::Parse;
  if (http_status >= 400 && http_status < 500 && http_status != 429) {
    return RobotsFetchPolicy::AllowAll;
  }
  return RobotsFetchPolicy::DisallowAll;
}

bool robots_pattern_matches(std::string_view pattern, std::string_view path) {
  const bool anchored = !pattern.empty() && pattern.back() == '$';
  if (anchored) pattern.remove_suffix(1);
  // Glob matching with one backtrack point (the last '*'): linear for typical patterns,
  // O(path × pattern) at worst, never exponential.
  std::size_t p = 0, s = 0, star = std::string_view::npos, mark = 0;
  while (s < path.size()) {
    if (!anchored && p == pattern.size()) return true;  // a prefix is enough
    if (p < pattern.size() && pattern[p] == '*') {
      star = p++;
      mark = s;
    } else if (p < pattern.size() && pattern[p] == path[s]) {
      ++p;
      ++s;
    } else if (star != std::string_view::npos) {
      p = star + 1;
      s = ++mark;
    } else {
      return false;
    }
  }
  while (p < pattern.size() && pattern[p] == '*') ++p;
  return p == pattern.size();
}

Robots Robots::disallow_all() {
  Robots r;
  r.rules_.push_back({false, "/"});
  return r;
}

Robots Robots::from_fetch(long http_status, std::string_view body, std::string_view product_token) {
  switch (robots_fetch_policy(http_status)) {
    case RobotsFetchPolicy::Parse:
      return parse(body, product_token);
    case RobotsFetchPolicy::AllowAll:
      return allow_all();
    case RobotsFetchPolicy::DisallowAll:
      break;
  }
  return disallow_all();
}

Robots Robots::parse(std::string_view body, std::string_view product_token) {
  Robots out;
  if (body.size() > kRobotsMaxBytes) {
    out.truncated_ = true;
    body = body.substr(0, kRobotsMaxBytes);
    // Keep whole lines only: a cut rule could mean something else.
    const std::size_t end = body.find_last_of("\r\n");
    body = end == std::string_view::npos ? std::string_view() : body.substr(0, end);
  }
  if (body.substr(0, 3) == "\xEF\xBB\xBF") body.remove_prefix(3);
  const std::string_view ours = product_token_of(product_token);

  // Rules of our groups and of the "*" groups, collected separately; one is kept at the end.
  std::vector<RobotsRule> our_rules, star_rules;
  std::optional<double> our_delay, star_delay;
  bool found_ours = false, found_star = false;
  bool group_ours = false, group_star = false;
  bool in_agent_lines = false;  // the previous meaningful line was a user-agent line

  while (!body.empty()) {
    const std::size_t eol = body.find_first_of("\r\n");
    std::string_view line = body.substr(0, eol);
    body.remove_prefix(eol == std::string_view::npos ? body.size() : eol + 1);

    line = trim(line.substr(0, line.find('#')));
    if (line.empty()) continue;  // RFC 9309: blank lines do not end groups

    std::string_view value;
    Key key = Key::None;
    if (const std::size_t colon = line.find(':'); colon != std::string_view::npos) {
      key = key_of(trim(line.substr(0, colon)));
      value = trim(line.substr(colon + 1));
    }
    if (key == Key::None) {  // "Disallow /x" without the colon
      const std::size_t space = line.find_first_of(" \t");
      if (space != std::string_view::npos) {
        key = key_of(line.substr(0, space));
        value = trim(line.substr(space + 1));
      }
    }

    switch (key) {
      case Key::UserAgent: {
        if (!in_agent_lines) group_ours = group_star = false;  // a new group starts
        in_agent_lines = true;
        if (!value.empty() && value.front() == '*') {
          group_star = found_star = true;
        } else {
          const std::string_view token = product_token_of(value);
          if (!token.empty() && !ours.empty() && iequals(token, ours)) {
            group_ours = found_ours = true;
          }
        }
        break;
      }
      case Key::Allow:
      case Key::Disallow: {
        in_agent_lines = false;
        if (value.empty() || (!group_ours && !group_star)) break;  // empty rule: no effect
        RobotsRule rule{key == Key::Allow, normalize_pattern(value)};
        if (group_ours) our_rules.push_back(rule);
        if (group_star) star_rules.push_back(std::move(rule));
        break;
      }
      case Key::CrawlDelay: {
        in_agent_lines = false;
        double d = 0;
        const auto [ptr, ec] = std::from_chars(value.data(), value.data() + value.size(), d);
        if (ec != std::errc() || ptr != value.data() + value.size() || !std::isfinite(d) || d < 0) {
          break;
        }
        if (group_ours) our_delay = d;
        if (group_star) star_delay = d;
        break;
      }
      case Key::Sitemap:
        // Not group-bound, and it does not end a run of user-agent lines either.
        if (!value.empty()) out.sitemaps_.emplace_back(value);
        break;
      case Key::None:
        in_agent_lines = false;  // other records (Host:, Clean-param:, ...) are ignored
        break;
    }
  }

  if (found_ours) {
    out.rules_ = std::move(our_rules);
    out.crawl_delay_ = our_delay;
  } else if (found_star) {
    out.rules_ = std::move(star_rules);
    out.crawl_delay_ = star_delay;
  }
  return out;
}

bool Robots::allowed(std::string_view path_and_query) const {
  if (rules_.empty()) return true;
  const std::string path = normalize_path(path_and_query);
  if (path == "/robots.txt") return true;  // RFC 9309 §2.2.2
  std::size_t best_len = 0;
  bool matched = false, allow = true;
  for (const auto& rule : rules_) {
    if (!robots_pattern_matches(rule.pattern, path)) continue;
    const std::size_t len = rule.pattern.size();
    if (!matched || len > best_len) {
      best_len = len;
      allow = rule.allow;
      matched = true;
    } else if (len == best_len && rule.allow) {
      allow = true;  // RFC 9309 §2.2.2: on equal length, allow wins
    }
  }
  return allow;
}

bool Robots::allowed(const url::Url& url) const {
  if (!url.has_query()) return allowed(url.path());
  std::string pq;
  pq.reserve(url.path().size() + 1 + url.query().size());
  pq.append(url.path());
  pq += '?';
  pq.append(url.query());
  return allowed(pq);
}

}  // namespace granska::crawl
