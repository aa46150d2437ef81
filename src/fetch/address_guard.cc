#include "fetch/address_guard.h"

#include <arpa/inet.h>

namespace granska::fetch {

std::optional<IpAddress> parse_ip(std::string_view text) {
  if (text.size() >= 2 && text.front() == '[' && text.back() == ']') text = text.substr(1, text.size() - 2);
  if (text.empty() || text.size() > 64) return std::nullopt;
  std::string s(text);
  IpAddress ip;
  if (inet_pton(AF_INET, s.c_str(), ip.bytes.data()) == 1) return ip;
  if (inet_pton(AF_INET6, s.c_str(), ip.bytes.data()) == 1) {
    ip.v6 = true;
    return ip;
  }
  return std::nullopt;
}

std::string to_string(const IpAddress& ip) {
  char buf[INET6_ADDRSTRLEN] = {};
  inet_ntop(ip.v6 ? AF_INET6 : AF_INET, ip.bytes.data(), buf, sizeof buf);
  return buf;
}

namespace {

AddressScope scope_v4(const std::uint8_t* b) {
  if (b[0] == 0) return AddressScope::Unspecified;  // 0.0.0.0/8: "this network"
  if (b[0] == 127) return AddressScope::Loopback;
  if (b[0] == 169 && b[1] == 254) return AddressScope::LinkLocal;
  if (b[0] == 10 || (b[0] == 172 && (b[1] & 0xF0) == 16) || (b[0] == 192 && b[1] == 168) ||
      (b[0] == 100 && (b[1] & 0xC0) == 64)) {
    return AddressScope::Private;  // RFC 1918 and the carrier-grade NAT range
  }
  return AddressScope::Public;
}

}  // namespace

AddressScope scope_of(const IpAddress& ip) {
  const auto& b = ip.bytes;
  if (!ip.v6) return scope_v4(b.data());
  bool zero_prefix = true;
  for (int i = 0; i < 10; ++i) zero_prefix = zero_prefix && b[i] == 0;
  if (zero_prefix && b[10] == 0xFF && b[11] == 0xFF) return scope_v4(b.data() + 12);  // ::ffff:a.b.c.d
  bool all_zero = zero_prefix && b[10] == 0 && b[11] == 0 && b[12] == 0 && b[13] == 0 && b[14] == 0;
  if (all_zero && b[15] == 0) return AddressScope::Unspecified;
  if (all_zero && b[15] == 1) return AddressScope::Loopback;
  if (b[0] == 0xFE && (b[1] & 0xC0) == 0x80) return AddressScope::LinkLocal;  // fe80::/10
  if ((b[0] & 0xFE) == 0xFC) return AddressScope::Private;                     // fc00::/7
  return AddressScope::Public;
}

std::string_view to_string(AddressScope s) {
  switch (s) {
    case AddressScope::Public: return "public";
    case AddressScope::Private: return "private";
    case AddressScope::Loopback: return "loopback";
    case AddressScope::LinkLocal: return "link-local";
    case AddressScope::Unspecified: return "unspecified";
  }
  return "";
}

bool address_allowed(AddressScope address, AddressScope target, bool allow_private) {
  switch (address) {
    case AddressScope::Public: return true;
    case AddressScope::LinkLocal:
    case AddressScope::Unspecified: return false;
    case AddressScope::Private:
    case AddressScope::Loopback: return allow_private || target == address;
  }
  return false;
}

}  // namespace granska::fetch
