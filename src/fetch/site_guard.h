// The site guard: what keeps a fetch made on someone else's behalf (granska serve) from
// reaching into the network it runs in. Stricter than the address guard every fetch has
// (address_guard.h, which lets a page on an intranet be checked from the command line):
//   1. Before a request (the first and every redirect): the URL's host must be on the
//      allow-list, and every address the host resolves to must be public (or in a network
//      allowed explicitly); the connection is then pinned to those addresses, so a second
//      DNS answer cannot differ (DNS rebinding).
//   2. At connect time: the address guard's socket hook with the target scope Public and
//      is_allowed() as its connect hook (fetch.cc), so the address curl actually connects
//      to is checked again, whatever led there (a proxy, a parser disagreement).
// The decisions are pure functions on addresses (is_allowed, classify), tested without a
// network; name resolution is a Resolver that tests replace.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "fetch/address_guard.h"
#include "util/lang.h"
#include "util/result.h"

namespace granska::fetch {

// IpAddress, parse_ip, Network, classify and describe come from address_guard.h: one
// classification of addresses for both guards.

struct AddressPolicy {
  // Host names that may be fetched; a name allows itself and its subdomains ("malmo.se"
  // allows "www.malmo.se"). Compared ASCII case-insensitively, trailing dot ignored.
  std::vector<std::string> allowed_hosts;
  bool any_host = false;  // every host name may be fetched (addresses are still checked)
  // Networks that may be reached although they are not public. Only for tests and the
  // demo, whose sites run on 127.0.0.1: never for a service others can reach.
  std::vector<Network> allowed_networks;
};

// Whether a connection may go to `address`: a public address, or one inside
// policy.allowed_networks. The one decision both layers make.
bool is_allowed(const IpAddress& address, const AddressPolicy& policy);
// Whether `host` (a name or an IP literal, as in a URL) is on the allow-list.
bool host_allowed(std::string_view host, const AddressPolicy& policy);

// Resolves a host name to its addresses (a host that is an IP literal is never resolved).
using Resolver = std::function<Result<std::vector<IpAddress>>(const std::string& host)>;
// getaddrinfo(3).
Resolver system_resolver();

struct SiteGuard {
  AddressPolicy policy;
  Resolver resolver = system_resolver();
};

// The first layer for one request to `host`:`port` (as curl parsed the URL): host on the
// allow-list, resolved, every address allowed. Returns the addresses to pin the connection
// to. Errors are bilingual, name the host and say why ("… pekar på 10.0.0.5, en privat
// adress (internt nät) …"); they read as the reason in fetch's "Could not fetch" message.
Result<std::vector<IpAddress>> vet_host(const std::string& host, const SiteGuard& guard);

}  // namespace granska::fetch
