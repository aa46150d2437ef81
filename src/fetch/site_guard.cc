#include "fetch/site_guard.h"

#include <netdb.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <algorithm>

#include "util/text.h"

namespace granska::fetch {

bool is_allowed(const IpAddress& address, const AddressPolicy& policy) {
  if (classify(address) == AddressKind::Public) return true;
  return std::any_of(policy.allowed_networks.begin(), policy.allowed_networks.end(),
                     [&](const Network& n) { return n.contains(address); });
}

bool host_allowed(std::string_view host, const AddressPolicy& policy) {
  if (policy.any_host) return true;
  auto clean = [](std::string_view h) {
    std::string s = text::ascii_lower(h);
    if (s.size() >= 2 && s.front() == '[' && s.back() == ']') s = s.substr(1, s.size() - 2);
    while (!s.empty() && s.back() == '.') s.pop_back();
    return s;
  };
  const std::string h = clean(host);
  if (h.empty()) return false;
  return std::any_of(policy.allowed_hosts.begin(), policy.allowed_hosts.end(), [&](const std::string& allowed) {
    const std::string a = clean(allowed);
    if (a.empty()) return false;
    return h == a || (h.size() > a.size() && h.ends_with(a) && h[h.size() - a.size() - 1] == '.');
  });
}

Resolver system_resolver() {
  return [](const std::string& host) -> Result<std::vector<IpAddress>> {
    addrinfo hints{};
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    addrinfo* found = nullptr;
    const int rc = getaddrinfo(host.c_str(), nullptr, &hints, &found);
    if (rc != 0 || !found) {
      return Error{"the host name " + host + " could not be resolved", "värdnamnet " + host + " kunde inte slås upp"};
    }
    std::vector<IpAddress> out;
    for (const addrinfo* ai = found; ai; ai = ai->ai_next) {
      auto ip = from_sockaddr(ai->ai_addr);
      if (ip && std::none_of(out.begin(), out.end(), [&](const IpAddress& o) { return same_address(o, *ip); })) {
        out.push_back(*ip);
      }
    }
    freeaddrinfo(found);
    if (out.empty()) {
      return Error{"the host name " + host + " has no address", "värdnamnet " + host + " har ingen adress"};
    }
    return out;
  };
}

Result<std::vector<IpAddress>> vet_host(const std::string& host, const SiteGuard& guard) {
  if (!host_allowed(host, guard.policy)) {
    return Error{"the host " + host + " is not one of the sites granska may fetch here",
                 "värden " + host + " hör inte till de webbplatser som granska får hämta från här"};
  }
  std::vector<IpAddress> addresses;
  if (std::optional<IpAddress> literal = parse_ip(host)) {
    addresses.push_back(*literal);
  } else {
    if (!guard.resolver) return Error{"no resolver", "ingen namnuppslagning"};
    Result<std::vector<IpAddress>> resolved = guard.resolver(host);
    if (!resolved) return resolved.error();
    addresses = std::move(*resolved);
    if (addresses.empty()) {
      return Error{"the host name " + host + " has no address", "värdnamnet " + host + " har ingen adress"};
    }
  }
  // Every address must be allowed: a name with one public and one internal address would
  // otherwise reach the internal one whenever curl happens to pick it.
  for (const IpAddress& a : addresses) {
    if (is_allowed(a, guard.policy)) continue;
    const Text kind = describe(classify(a));
    const bool literal = parse_ip(host).has_value();
    const std::string where_en = literal ? to_string(a) : host + " points to " + to_string(a);
    const std::string where_sv = literal ? to_string(a) : host + " pekar på " + to_string(a);
    return Error{where_en + ", " + std::string(kind.en) + ", which granska may not fetch from",
                 where_sv + ", " + std::string(kind.sv) + ", som granska inte får hämta från"};
  }
  return addresses;
}

}  // namespace granska::fetch
