// The address guard: what keeps a fetch made on someone else's behalf (granska serve) from
// reaching into the network it runs in. Two layers, both needed:
//   1. Before a request (the first and every redirect): the URL's host must be on the
//      allow-list, and every address the host resolves to must be public (or in a network
//      allowed explicitly); the connection is then pinned to those addresses, so a second
//      DNS answer cannot differ (DNS rebinding).
//   2. At connect time (curl's CURLOPT_OPENSOCKETFUNCTION, in fetch.cc): the address curl
//      actually connects to is checked again, whatever led there (a proxy, a parser
//      disagreement, a resolver surprise).
// The decisions are pure functions on addresses (is_allowed, classify), tested without a
// network; name resolution is a Resolver that tests replace.
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "util/lang.h"
#include "util/result.h"

struct sockaddr;

namespace granska::fetch {

// An IPv4 or IPv6 address. IPv4 uses the first 4 bytes.
struct IpAddress {
  bool v6 = false;
  std::array<std::uint8_t, 16> bytes{};

  // "192.0.2.1", "2001:db8::1", "[2001:db8::1]", "::ffff:10.0.0.1"; nullopt otherwise
  // (no zone ids, no shortened IPv4 forms: those are refused, never guessed).
  static std::optional<IpAddress> parse(std::string_view text);
  // From a socket address (AF_INET or AF_INET6); nullopt for other families.
  static std::optional<IpAddress> from_sockaddr(const sockaddr* address);
  std::string to_string() const;  // IPv6 in brackets-free RFC 5952 form
  bool operator==(const IpAddress&) const = default;
};

// An address block "10.0.0.0/8", "fd00::/8"; a bare address is a /32 or /128.
struct Network {
  IpAddress base;
  int prefix = 0;
  static std::optional<Network> parse(std::string_view text);
  bool contains(const IpAddress& a) const;
};

// What kind of address it is. Everything but Public is refused unless allowed explicitly.
enum class AddressKind : unsigned char {
  Public,
  Loopback,     // 127.0.0.0/8, ::1
  Private,      // 10/8, 172.16/12, 192.168/16, fc00::/7 (unique local)
  LinkLocal,    // 169.254/16 (cloud metadata lives here), fe80::/10
  SharedNat,    // 100.64/10 (carrier-grade NAT)
  Unspecified,  // 0.0.0.0/8, ::
  Multicast,    // 224/4, ff00::/8, and 255.255.255.255
  Reserved,     // documentation, benchmarking, 240/4, IETF protocol blocks, site-local, …
};
// IPv4-mapped (::ffff:a.b.c.d), IPv4-compatible, NAT64 (64:ff9b::/96) and 6to4
// (2002::/16) addresses are classified by the IPv4 address they carry.
AddressKind classify(const IpAddress& a);
// "en loopback-adress (den egna datorn)" / "a loopback address (this computer)", …
Text describe(AddressKind kind);

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

struct AddressGuard {
  AddressPolicy policy;
  Resolver resolver = system_resolver();
};

// The first layer for one request to `host`:`port` (as curl parsed the URL): host on the
// allow-list, resolved, every address allowed. Returns the addresses to pin the connection
// to. Errors are bilingual, name the host and say why ("… pekar på 10.0.0.5, en privat
// adress (internt nät) …"); they read as the reason in fetch's "Could not fetch" message.
Result<std::vector<IpAddress>> vet_host(const std::string& host, const AddressGuard& guard);

}  // namespace granska::fetch
