#include "org/org_map.h"

#include <algorithm>
#include <charconv>
#include <regex>
#include <unordered_map>

#include "url/url.h"
#include "util/text.h"

namespace granska::org {

std::string_view to_string(UnitType t) { return t == UnitType::Company ? "bolag" : "namnd"; }

bool parse_unit_type(std::string_view s, UnitType& out) {
  if (s == "namnd" || s == "nämnd" || s == "committee") {
    out = UnitType::Committee;
    return true;
  }
  if (s == "bolag" || s == "company") {
    out = UnitType::Company;
    return true;
  }
  return false;
}

Text label(UnitType t) {
  return t == UnitType::Company ? Text{"bolag", "company"} : Text{"nämnd", "committee"};
}

std::string_view to_string(RuleKind k) {
  switch (k) {
    case RuleKind::Host: return "host";
    case RuleKind::Prefix: return "prefix";
    case RuleKind::Pattern: return "pattern";
  }
  return "host";
}

namespace {

using text::ascii_lower;
using text::ascii_lower_in_place;

// Lowercase; one leading "www." dropped (malmo.se and www.malmo.se are one site).
std::string canonical_host(std::string_view host) {
  std::string h = ascii_lower(host);
  if (h.size() > 4 && h.compare(0, 4, "www.") == 0) h.erase(0, 4);
  return h;
}

// Percent-encoding normalised, dot segments removed, ASCII lowercased, never empty.
std::string canonical_path(std::string_view path) {
  std::string enc;
  enc.reserve(path.size() + 8);
  url::append_normalized_component(enc, path);
  std::string p = enc.find("/.") == std::string::npos ? std::move(enc) : url::remove_dot_segments(enc);
  if (p.empty()) p = "/";
  ascii_lower_in_place(p);
  // Latin-1 capitals (À..Þ, so Å Ä Ö too) to small letters: UTF-8 C3 80..9E → C3 A0..BE,
  // except × (C3 97). The hex digits are already lowercase here.
  for (std::size_t i = 0; i + 5 < p.size(); ++i) {
    if (p.compare(i, 4, "%c3%") != 0) continue;
    const char hi = p[i + 4], lo = p[i + 5];
    if ((hi == '8' || (hi == '9' && !(lo == '7' || lo == 'f'))) &&
        ((lo >= '0' && lo <= '9') || (lo >= 'a' && lo <= 'f'))) {
      p[i + 4] = hi == '8' ? 'a' : 'b';
    }
  }
  return p;
}

// True when `path` lies under `prefix` on a segment boundary (prefix has no trailing "/").
bool under(std::string_view path, std::string_view prefix) {
  if (path.size() < prefix.size() || path.compare(0, prefix.size(), prefix) != 0) return false;
  return path.size() == prefix.size() || path[prefix.size()] == '/';
}

Error rule_error(const AssignRule& r, const std::string& en, const std::string& sv) {
  const std::string where = r.line > 0 ? " (line " + std::to_string(r.line) + ")" : "";
  const std::string var = r.line > 0 ? " (rad " + std::to_string(r.line) + ")" : "";
  return Error{"assignment rule " + std::string(to_string(r.kind)) + " = \"" + r.value + "\"" + where + ": " + en,
               "tilldelningsregeln " + std::string(to_string(r.kind)) + " = \"" + r.value + "\"" + var + ": " + sv};
}

bool valid_unit_id(std::string_view id) {
  if (id.empty()) return false;
  return std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
  });
}

// "host[:port]" with an optional "*." in front. Fills the index key ("host", "host:port",
// "*.domain"). False when malformed.
bool host_key(std::string_view text, std::string& key) {
  bool wildcard = false;
  if (text.size() > 2 && text.compare(0, 2, "*.") == 0) {
    wildcard = true;
    text.remove_prefix(2);
  }
  std::string_view host = text, port;
  if (!text.empty() && text.front() == '[') {  // IP literal
    std::size_t close = text.find(']');
    if (close == std::string_view::npos) return false;
    host = text.substr(0, close + 1);
    std::string_view rest = text.substr(close + 1);
    if (!rest.empty()) {
      if (rest.front() != ':') return false;
      port = rest.substr(1);
      if (port.empty()) return false;
    }
  } else if (std::size_t colon = text.rfind(':'); colon != std::string_view::npos) {
    host = text.substr(0, colon);
    port = text.substr(colon + 1);
    if (port.empty()) return false;
  }
  if (host.empty()) return false;
  for (char c : host) {
    const unsigned char u = static_cast<unsigned char>(c);
    if (u <= ' ' || c == '/' || c == '?' || c == '#' || c == '@' || c == '*' || c == '\\') return false;
  }
  if (!port.empty()) {
    unsigned value = 0;
    auto [end, ec] = std::from_chars(port.data(), port.data() + port.size(), value);
    if (ec != std::errc() || end != port.data() + port.size() || value == 0 || value > 65535) return false;
    key = (wildcard ? "*." + ascii_lower(host) : canonical_host(host)) + ":" + std::to_string(value);
    return true;
  }
  key = (wildcard ? "*." : "") + (wildcard ? ascii_lower(host) : canonical_host(host));
  return true;
}

std::string_view strip_scheme(std::string_view v) {
  for (std::string_view s : {"https://", "http://"}) {
    if (v.size() >= s.size() && ascii_lower(v.substr(0, s.size())) == s) return v.substr(s.size());
  }
  return v;
}

}  // namespace

struct OrgMap::Index {
  struct Prefix {
    std::string path;  // canonical, no trailing "/"
    int rule;
  };
  struct Entry {
    int host_rule = -1;
    std::vector<Prefix> prefixes;  // longest first
  };
  std::unordered_map<std::string, Entry> hosts;
  bool has_wildcards = false;
  std::vector<std::pair<std::regex, int>> patterns;
  std::vector<std::size_t> rule_unit;  // rule index -> unit index
};

OrgMap::OrgMap() : index_(std::make_unique<Index>()) {}
OrgMap::OrgMap(OrgMap&&) noexcept = default;
OrgMap& OrgMap::operator=(OrgMap&&) noexcept = default;
OrgMap::~OrgMap() = default;

std::size_t OrgMap::find(std::string_view id) const {
  for (std::size_t i = 0; i < units_.size(); ++i) {
    if (units_[i].id == id) return i;
  }
  return units_.size();
}

Result<OrgMap> OrgMap::build(std::vector<Unit> units, std::vector<AssignRule> rules, const std::string& fallback) {
  OrgMap m;
  if (units.empty()) return Error{"no units: add at least one [[unit]]", "inga enheter: lägg till minst en [[unit]]"};
  m.units_ = std::move(units);
  for (std::size_t i = 0; i < m.units_.size(); ++i) {
    const std::string& id = m.units_[i].id;
    if (!valid_unit_id(id)) {
      return Error{"unit id \"" + id + "\" must be lowercase letters a-z, digits, '-' or '_'",
                   "enhetens id \"" + id + "\" får bara innehålla a-z, siffror, '-' och '_'"};
    }
    for (std::size_t j = 0; j < i; ++j) {
      if (m.units_[j].id == id) return Error{"duplicate unit id \"" + id + "\"", "enhetens id \"" + id + "\" finns två gånger"};
    }
  }
  m.fallback_ = m.find(fallback);
  if (m.fallback_ == m.units_.size()) {
    return Error{"the fallback unit \"" + fallback + "\" is not a unit", "reservenheten \"" + fallback + "\" finns inte bland enheterna"};
  }
  m.rules_ = std::move(rules);
  Index& ix = *m.index_;
  ix.rule_unit.reserve(m.rules_.size());
  std::unordered_map<std::string, int> seen;  // "kind key" -> rule, to catch duplicates
  for (std::size_t i = 0; i < m.rules_.size(); ++i) {
    const AssignRule& r = m.rules_[i];
    const int ri = static_cast<int>(i);
    ix.rule_unit.push_back(m.find(r.unit));
    if (ix.rule_unit.back() == m.units_.size()) {
      return rule_error(r, "unknown unit \"" + r.unit + "\"", "okänd enhet \"" + r.unit + "\"");
    }
    if (r.kind == RuleKind::Pattern) {
      if (r.value.empty()) return rule_error(r, "empty pattern", "tomt mönster");
      try {
        ix.patterns.emplace_back(std::regex(r.value, std::regex::ECMAScript | std::regex::optimize), ri);
      } catch (const std::regex_error& e) {
        return rule_error(r, std::string("not a valid regular expression (") + e.what() + ")",
                          std::string("inte ett giltigt reguljärt uttryck (") + e.what() + ")");
      }
      continue;
    }
    std::string_view v = strip_scheme(r.value);
    std::string_view host_part = v, path_part;
    if (std::size_t slash = v.find('/'); slash != std::string_view::npos) {
      host_part = v.substr(0, slash);
      path_part = v.substr(slash);
    }
    if (r.kind == RuleKind::Host && !path_part.empty() && path_part != "/") {
      return rule_error(r, "a host rule has no path: use prefix = \"…\" for a path",
                        "en host-regel har ingen sökväg: använd prefix = \"…\" för en sökväg");
    }
    if (r.kind == RuleKind::Prefix && path_part.empty()) {
      return rule_error(r, "a prefix is a host followed by a path, e.g. \"malmo.se/Bygga-och-bo\"",
                        "ett prefix är en host följd av en sökväg, t.ex. \"malmo.se/Bygga-och-bo\"");
    }
    if (path_part.find_first_of("?#") != std::string_view::npos) {
      return rule_error(r, "a prefix cannot hold a query or fragment (use a pattern)",
                        "ett prefix kan inte innehålla frågedel eller fragment (använd ett mönster)");
    }
    std::string key;
    if (!host_key(host_part, key)) {
      return rule_error(r, "not a host name (with an optional \":port\" or leading \"*.\")",
                        "inte ett värdnamn (med valfri \":port\" eller inledande \"*.\")");
    }
    if (key.compare(0, 2, "*.") == 0) ix.has_wildcards = true;
    std::string path = canonical_path(path_part.empty() ? "/" : path_part);
    while (path.size() > 1 && path.back() == '/') path.pop_back();
    Index::Entry& entry = ix.hosts[key];
    auto [it, fresh] = seen.emplace(key + path, ri);
    if (!fresh) {
      const AssignRule& first = m.rules_[static_cast<std::size_t>(it->second)];
      if (first.unit != r.unit) {
        const std::string at = first.line > 0 ? std::to_string(first.line) : "?";
        return rule_error(r, "the same host/path is already assigned to \"" + first.unit + "\" (line " + at + ")",
                          "samma host/sökväg är redan tilldelad \"" + first.unit + "\" (rad " + at + ")");
      }
      continue;  // an exact repeat: harmless
    }
    if (path == "/") {
      entry.host_rule = ri;
    } else {
      entry.prefixes.push_back({path, ri});
    }
  }
  for (auto& [key, entry] : ix.hosts) {
    std::stable_sort(entry.prefixes.begin(), entry.prefixes.end(),
                     [](const Index::Prefix& a, const Index::Prefix& b) { return a.path.size() > b.path.size(); });
  }
  return m;
}

Assignment OrgMap::assign(std::string_view text) const {
  Assignment fallback{fallback_, -1};
  Result<url::Url> parsed = url::Url::parse(text);
  if (!parsed) return fallback;
  const url::Url& url = *parsed;
  auto of_rule = [&](int rule) {
    return Assignment{index_->rule_unit[static_cast<std::size_t>(rule)], rule};
  };
  const Index& ix = *index_;
  if (!ix.patterns.empty()) {
    const std::string norm = url.normalized();
    for (const auto& [re, rule] : ix.patterns) {
      if (std::regex_search(norm, re)) return of_rule(rule);
    }
  }
  if (ix.hosts.empty()) return fallback;

  // Candidate host entries, most specific first: host:port, host, then *.domains longest first.
  const std::string host = canonical_host(url.host());
  const Index::Entry* candidates[16];
  std::size_t n = 0;
  auto add = [&](const std::string& key) {
    if (n == std::size(candidates)) return;
    auto it = ix.hosts.find(key);
    if (it != ix.hosts.end()) candidates[n++] = &it->second;
  };
  const std::string port = ":" + std::to_string(url.port());
  std::string key = host;
  key += port;
  add(key);
  add(host);
  if (ix.has_wildcards) {
    const std::string full = ascii_lower(url.host());
    std::string_view rest = full;
    while (!rest.empty()) {
      add("*." + std::string(rest) + port);
      add("*." + std::string(rest));
      const std::size_t dot = rest.find('.');
      if (dot == std::string_view::npos) break;
      rest.remove_prefix(dot + 1);
    }
  }
  if (n == 0) return fallback;

  const std::string path = canonical_path(url.path());
  int best = -1;
  std::size_t best_len = 0;
  for (std::size_t c = 0; c < n; ++c) {
    for (const Index::Prefix& p : candidates[c]->prefixes) {
      if (p.path.size() <= best_len) break;  // sorted longest first: nothing longer follows
      if (under(path, p.path)) {
        best = p.rule;
        best_len = p.path.size();
        break;
      }
    }
  }
  if (best >= 0) return of_rule(best);
  for (std::size_t c = 0; c < n; ++c) {
    if (candidates[c]->host_rule >= 0) return of_rule(candidates[c]->host_rule);
  }
  return fallback;
}

}  // namespace granska::org
