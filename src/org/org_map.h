// The organisation map: which unit — a committee (nämnd) or a city-owned company (bolag) —
// answers for a URL. Reports group findings by unit, so every URL gets exactly one unit:
// the most specific matching rule's, or the fallback unit when no rule matches.
//
// Rules come in three forms (see docs/config.md for the file format):
//   host    "malmo.se", "127.0.0.1:8081", "*.malmo.se"
//   prefix  "malmo.se/Bygga-och-bo" (host[:port] + path prefix)
//   pattern an ECMAScript regular expression searched in the normalised URL
//
// Precedence ("most specific wins"), decided in this order:
//   1. a pattern rule that matches (the first in the file, if several do);
//   2. the prefix rule with the longest path prefix (ties: exact host before "*.", a
//      rule with a port before one without);
//   3. a host rule: exact host with port, exact host, then "*." domains, longest first;
//   4. the fallback unit.
// Matching (all on url::Url's normal form):
//   - hosts compare case-insensitively, and one leading "www." is ignored on both sides
//     (malmo.se = www.malmo.se); "malmo.se" does NOT cover "komin.malmo.se" — write
//     "*.malmo.se" for a domain with all its subdomains (on a label boundary);
//   - a rule without a port matches any port; "host:port" only URLs on that port, where a
//     URL without a port is on its scheme's default ("https://malmo.se/" is on 443);
//   - path prefixes match whole segments ("/bygglov" covers "/bygglov", "/bygglov/",
//     "/bygglov/ansok", not "/bygglovshandlingar"); a trailing "/" in the rule is ignored;
//     percent-encoding is normalised on both sides ("/Uppleva-och-göra" =
//     "/Uppleva-och-g%C3%B6ra") and letters compare case-insensitively, ASCII and Latin-1
//     (Å = å; web editors and
//     CMSs spell paths in either case; no two units differ by case only);
//   - a prefix "/" is a host rule; query and fragment never take part except in patterns;
//   - a URL that does not parse as http(s) goes to the fallback unit.
//
// An OrgMap is immutable after build() and safe to share between threads.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "util/result.h"

namespace granska::org {

enum class UnitType : unsigned char { Committee, Company };

// "namnd" / "bolag" (the config file's words; "committee" / "company" are accepted too).
std::string_view to_string(UnitType t);
bool parse_unit_type(std::string_view s, UnitType& out);
Text label(UnitType t);  // "nämnd" / "committee", "bolag" / "company"

struct Unit {
  std::string id;  // stable, used in reports and the database: [a-z0-9-]
  std::string name_sv;
  std::string name_en;
  UnitType type = UnitType::Committee;
};

enum class RuleKind : unsigned char { Host, Prefix, Pattern };
std::string_view to_string(RuleKind k);  // "host", "prefix", "pattern"

struct AssignRule {
  std::string unit;   // a Unit::id
  RuleKind kind = RuleKind::Host;
  std::string value;  // the host, host+path prefix or regular expression, as written
  int line = 0;       // where it was written (config line), for messages; 0 = unknown
};

struct Assignment {
  std::size_t unit = 0;    // index into OrgMap::units()
  int rule = -1;           // index into OrgMap::rules(), -1 = fallback
  bool fallback() const { return rule < 0; }
};

class OrgMap {
 public:
  // Validates and indexes. Errors (English and Swedish, naming the rule's line when
  // known): no units, a bad or duplicate unit id, an unknown unit in a rule or as the
  // fallback, an empty or malformed host/prefix, a regular expression that does not
  // compile. `fallback` is a unit id.
  static Result<OrgMap> build(std::vector<Unit> units, std::vector<AssignRule> rules, const std::string& fallback);

  // The unit for `url` (an absolute http/https URL, normalised or not). Pure; about a
  // microsecond for URLs that no pattern rule has to be run on.
  Assignment assign(std::string_view url) const;
  const Unit& unit_of(std::string_view url) const { return units_[assign(url).unit]; }

  const std::vector<Unit>& units() const { return units_; }
  const std::vector<AssignRule>& rules() const { return rules_; }
  std::size_t fallback() const { return fallback_; }
  // Index of the unit with this id, or units().size() when there is none.
  std::size_t find(std::string_view id) const;

  OrgMap(OrgMap&&) noexcept;
  OrgMap& operator=(OrgMap&&) noexcept;
  ~OrgMap();

 private:
  OrgMap();
  struct Index;
  std::vector<Unit> units_;
  std::vector<AssignRule> rules_;
  std::size_t fallback_ = 0;
  std::unique_ptr<Index> index_;
};

}  // namespace granska::org
