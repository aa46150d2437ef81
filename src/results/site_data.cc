#include "results/site_data.h"

namespace granska::results {

std::string_view to_string(SiteCheck c) {
  switch (c) {
    case SiteCheck::Statement: return "statement";
    case SiteCheck::ConsistentNavigation: return "consistent-navigation";
    case SiteCheck::ConsistentIdentification: return "consistent-identification";
    case SiteCheck::MultipleWays: return "multiple-ways";
    case SiteCheck::BrokenLinks: return "broken-links";
    case SiteCheck::BrokenAnchors: return "broken-anchors";
  }
  return "";
}

bool parse_site_check(std::string_view s, SiteCheck& out) {
  for (SiteCheck c : kSiteChecks) {
    if (to_string(c) == s) {
      out = c;
      return true;
    }
  }
  return false;
}

std::string_view criterion_of(SiteCheck c) {
  switch (c) {
    case SiteCheck::ConsistentNavigation: return "3.2.3";
    case SiteCheck::ConsistentIdentification: return "3.2.4";
    case SiteCheck::MultipleWays: return "2.4.5";
    default: return "";
  }
}

bool best_practice(SiteCheck c) { return c == SiteCheck::BrokenLinks || c == SiteCheck::BrokenAnchors; }

}  // namespace granska::results
