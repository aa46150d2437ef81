#include "site/sites.h"

#include "url/url.h"
#include "util/text.h"

namespace granska::site {

SiteMap::SiteMap(const std::vector<config::SiteConfig>& configured) {
  for (const config::SiteConfig& c : configured) {
    if (c.hosts.empty()) continue;
    Site s;
    s.name = c.name;
    s.id = c.name;
    // Two [[site]] tables with the same name stay two sites.
    for (const Site& other : sites_) {
      if (other.id == s.id) s.id += "-" + std::to_string(sites_.size() + 1);
    }
    s.hosts = c.hosts;
    s.seeds = c.seeds;
    s.configured = true;
    sites_.push_back(std::move(s));
  }
  configured_ = sites_.size();
}

std::size_t SiteMap::site_of(std::string_view url) {
  Result<url::Url> u = url::Url::parse(url);
  if (!u) return npos;
  for (std::size_t i = 0; i < configured_; ++i) {
    for (const std::string& h : sites_[i].hosts) {
      if (url::host_in_domain(*u, h)) return i;
    }
  }
  std::string host = text::ascii_lower(u->host());
  if (host.rfind("www.", 0) == 0) host.erase(0, 4);
  if (!u->port_text().empty() && u->port() != (u->scheme() == "https" ? 443 : 80)) {
    host += ":" + std::string(u->port_text());
  }
  auto it = by_host_.find(host);
  if (it != by_host_.end()) return it->second;
  Site s;
  s.id = host;
  s.name = host;
  s.hosts = {host};
  sites_.push_back(std::move(s));
  by_host_.emplace(host, sites_.size() - 1);
  return sites_.size() - 1;
}

}  // namespace granska::site
