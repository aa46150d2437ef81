// Which network addresses granska may connect to (issue #16: `check` followed a redirect
// to 169.254.169.254, the cloud metadata address). Pure functions on addresses, so the
// policy is tested without a packet leaving the machine; src/fetch applies it to every
// connection curl opens (CURLOPT_OPENSOCKETFUNCTION), every redirect hop included.
//
// One classification of addresses (classify, AddressKind) serves both guards: this one, and
// the stricter site guard of granska serve (site_guard.h), which refuses every kind but
// Public. This guard judges the coarser AddressScope that scope_of derives from it.
//
// The policy: link-local (169.254.0.0/16, fe80::/10) and unspecified addresses are always
// refused; private (10/8, 172.16/12, 192.168/16, 100.64/10, fc00::/7) and loopback
// (127/8, ::1) addresses are refused unless the transfer's target, its first connection,
// was itself of that kind (checking an intranet or a local server is fine; being sent
// there by a public site is not), or the caller allows them outright.
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "util/lang.h"

struct sockaddr;

namespace granska::fetch {

enum class AddressScope : std::uint8_t { Public, Private, Loopback, LinkLocal, Unspecified };

struct IpAddress {
  bool v6 = false;
  std::array<std::uint8_t, 16> bytes{};  // IPv4 in the first 4
};

// "192.168.1.1", "::1", "[fe80::1]", "::ffff:169.254.169.254"; nullopt for anything else
// (no shortened IPv4 forms such as "127.1" or "2130706433", no zone ids).
std::optional<IpAddress> parse_ip(std::string_view text);
std::string to_string(const IpAddress& ip);
bool same_address(const IpAddress& a, const IpAddress& b);
// From a socket address (AF_INET or AF_INET6); nullopt for other families.
std::optional<IpAddress> from_sockaddr(const sockaddr* address);

// An address block "10.0.0.0/8", "fd00::/8"; a bare address is a /32 or /128.
struct Network {
  IpAddress base;
  int prefix = 0;
  static std::optional<Network> parse(std::string_view text);
  bool contains(const IpAddress& a) const;
};

// What kind of address it is.
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

// The scope of classify(ip): shared NAT counts as private; reserved and multicast
// addresses lead into no internal network, so this guard lets them be (as public ones).
AddressScope scope_of(const IpAddress& ip);
std::string_view to_string(AddressScope s);  // "public", "private", "loopback", …

// Whether a connection to an address of scope `address` is allowed, for a transfer whose
// first connection went to an address of scope `target` (the same scope for the first
// connection itself).
bool address_allowed(AddressScope address, AddressScope target, bool allow_private);

// Called for every address granska is about to connect to, after the guard allowed it;
// returning false refuses the connection. Tests install one that refuses anything but
// loopback, so a broken guard fails a test instead of sending a packet.
using ConnectHook = std::function<bool(const IpAddress&)>;

}  // namespace granska::fetch
