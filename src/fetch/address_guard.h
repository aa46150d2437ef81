// Which network addresses granska may connect to (issue #16: `check` followed a redirect
// to 169.254.169.254, the cloud metadata address). Pure functions on addresses, so the
// policy is tested without a packet leaving the machine; src/fetch applies it to every
// connection curl opens (CURLOPT_OPENSOCKETFUNCTION), every redirect hop included.
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

namespace granska::fetch {

enum class AddressScope : std::uint8_t { Public, Private, Loopback, LinkLocal, Unspecified };

struct IpAddress {
  bool v6 = false;
  std::array<std::uint8_t, 16> bytes{};  // IPv4 in the first 4
};

// "192.168.1.1", "::1", "[fe80::1]", "::ffff:169.254.169.254"; nullopt for anything else.
std::optional<IpAddress> parse_ip(std::string_view text);
std::string to_string(const IpAddress& ip);
// An IPv4-mapped IPv6 address (::ffff:a.b.c.d) is judged as the IPv4 address it maps.
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
