// Which website a page belongs to, for the site-level checks. A site is a [[site]] of the
// configuration (its allowed_hosts, or its seeds' hosts: a URL on one of them or on a
// subdomain is on it; the first [[site]] that covers a URL wins), or, for a URL no [[site]]
// covers (a scan started with addresses on the command line), its own host and port with
// one leading "www." dropped (www.malmo.se and malmo.se are one site).
//
// Not thread-safe: it learns host sites as URLs are assigned.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "config/org_config.h"

namespace granska::site {

struct Site {
  std::string id;                  // the [[site]]'s name, or "host[:port]"; unique
  std::string name;                // as shown
  std::vector<std::string> hosts;  // domains ([[site]]) or the one host[:port]
  std::vector<std::string> seeds;  // start addresses ([[site]] only)
  bool configured = false;
};

class SiteMap {
 public:
  explicit SiteMap(const std::vector<config::SiteConfig>& configured);
  // The site of an absolute http(s) URL; npos for anything else.
  std::size_t site_of(std::string_view url);
  const std::vector<Site>& sites() const { return sites_; }
  static constexpr std::size_t npos = static_cast<std::size_t>(-1);

 private:
  std::vector<Site> sites_;
  std::size_t configured_ = 0;
  std::map<std::string, std::size_t, std::less<>> by_host_;  // host sites
};

}  // namespace granska::site
