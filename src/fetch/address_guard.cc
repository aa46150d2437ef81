#include "fetch/address_guard.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <algorithm>
#include <cstring>
#include <initializer_list>

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

IpAddress v4(std::uint8_t a, std::uint8_t b, std::uint8_t c, std::uint8_t d) {
  IpAddress ip;
  ip.bytes[0] = a;
  ip.bytes[1] = b;
  ip.bytes[2] = c;
  ip.bytes[3] = d;
  return ip;
}

bool in_block(const IpAddress& a, const IpAddress& base, int prefix) {
  if (a.v6 != base.v6) return false;
  for (int bit = 0; bit < prefix; ++bit) {
    const int byte = bit / 8, shift = 7 - bit % 8;
    if (((a.bytes[byte] >> shift) & 1) != ((base.bytes[byte] >> shift) & 1)) return false;
  }
  return true;
}

AddressKind classify_v4(const IpAddress& a) {
  struct Block {
    IpAddress base;
    int prefix;
    AddressKind kind;
  };
  static const Block kBlocks[] = {
      {v4(0, 0, 0, 0), 8, AddressKind::Unspecified},
      {v4(10, 0, 0, 0), 8, AddressKind::Private},
      {v4(100, 64, 0, 0), 10, AddressKind::SharedNat},
      {v4(127, 0, 0, 0), 8, AddressKind::Loopback},
      {v4(169, 254, 0, 0), 16, AddressKind::LinkLocal},
      {v4(172, 16, 0, 0), 12, AddressKind::Private},
      {v4(192, 0, 0, 0), 24, AddressKind::Reserved},     // IETF protocol assignments
      {v4(192, 0, 2, 0), 24, AddressKind::Reserved},     // documentation (TEST-NET-1)
      {v4(192, 88, 99, 0), 24, AddressKind::Reserved},   // 6to4 relay anycast
      {v4(192, 168, 0, 0), 16, AddressKind::Private},
      {v4(198, 18, 0, 0), 15, AddressKind::Reserved},    // benchmarking
      {v4(198, 51, 100, 0), 24, AddressKind::Reserved},  // documentation (TEST-NET-2)
      {v4(203, 0, 113, 0), 24, AddressKind::Reserved},   // documentation (TEST-NET-3)
      {v4(224, 0, 0, 0), 4, AddressKind::Multicast},
      {v4(255, 255, 255, 255), 32, AddressKind::Multicast},  // limited broadcast
      {v4(240, 0, 0, 0), 4, AddressKind::Reserved},
  };
  for (const Block& b : kBlocks) {
    if (in_block(a, b.base, b.prefix)) return b.kind;
  }
  return AddressKind::Public;
}

IpAddress v6(std::initializer_list<std::uint8_t> leading) {
  IpAddress ip;
  ip.v6 = true;
  std::copy(leading.begin(), leading.end(), ip.bytes.begin());
  return ip;
}

// The IPv4 address in bytes [from, from + 4) of an IPv6 address.
IpAddress embedded_v4(const IpAddress& a, int from) {
  return v4(a.bytes[from], a.bytes[from + 1], a.bytes[from + 2], a.bytes[from + 3]);
}

}  // namespace

std::optional<Network> Network::parse(std::string_view text) {
  const std::size_t slash = text.find('/');
  std::optional<IpAddress> base = parse_ip(text.substr(0, slash));
  if (!base) return std::nullopt;
  const int max = base->v6 ? 128 : 32;
  int prefix = max;
  if (slash != std::string_view::npos) {
    const std::string_view p = text.substr(slash + 1);
    if (p.empty() || p.size() > 3 || !std::all_of(p.begin(), p.end(), [](char c) { return c >= '0' && c <= '9'; })) {
      return std::nullopt;
    }
    prefix = std::stoi(std::string(p));
    if (prefix > max) return std::nullopt;
  }
  return Network{*base, prefix};
}

bool Network::contains(const IpAddress& a) const { return in_block(a, base, prefix); }

bool same_address(const IpAddress& a, const IpAddress& b) { return a.v6 == b.v6 && a.bytes == b.bytes; }

std::optional<IpAddress> from_sockaddr(const sockaddr* address) {
  if (!address) return std::nullopt;
  IpAddress ip;
  if (address->sa_family == AF_INET) {
    sockaddr_in in{};
    std::memcpy(&in, address, sizeof in);
    std::memcpy(ip.bytes.data(), &in.sin_addr, 4);
    return ip;
  }
  if (address->sa_family == AF_INET6) {
    sockaddr_in6 in6{};
    std::memcpy(&in6, address, sizeof in6);
    ip.v6 = true;
    std::memcpy(ip.bytes.data(), &in6.sin6_addr, 16);
    return ip;
  }
  return std::nullopt;
}

AddressKind classify(const IpAddress& a) {
  if (!a.v6) return classify_v4(a);
  static const IpAddress kZero = v6({});
  if (same_address(a, kZero)) return AddressKind::Unspecified;
  IpAddress loopback = kZero;
  loopback.bytes[15] = 1;
  if (same_address(a, loopback)) return AddressKind::Loopback;
  // Addresses that carry an IPv4 address are what that address is.
  if (in_block(a, v6({0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff}), 96)) return classify_v4(embedded_v4(a, 12));  // mapped
  if (in_block(a, kZero, 96)) return classify_v4(embedded_v4(a, 12));                 // compatible (deprecated)
  if (in_block(a, v6({0x00, 0x64, 0xff, 0x9b}), 96)) return classify_v4(embedded_v4(a, 12));  // NAT64
  if (in_block(a, v6({0x20, 0x02}), 16)) return classify_v4(embedded_v4(a, 2));       // 6to4
  if (in_block(a, v6({0xfc}), 7)) return AddressKind::Private;                        // unique local
  if (in_block(a, v6({0xfe, 0x80}), 10)) return AddressKind::LinkLocal;
  if (in_block(a, v6({0xff}), 8)) return AddressKind::Multicast;
  // Global unicast is 2000::/3, less the IETF's special blocks (Teredo and ORCHID in
  // 2001::/23, documentation); everything else (site-local, discard, NAT64 local use, …)
  // is not an address a public web site has.
  if (!in_block(a, v6({0x20}), 3)) return AddressKind::Reserved;
  if (in_block(a, v6({0x20, 0x01, 0x00, 0x00}), 23)) return AddressKind::Reserved;
  if (in_block(a, v6({0x20, 0x01, 0x0d, 0xb8}), 32)) return AddressKind::Reserved;
  return AddressKind::Public;
}

Text describe(AddressKind kind) {
  switch (kind) {
    case AddressKind::Public: return {"en publik adress", "a public address"};
    case AddressKind::Loopback: return {"en loopback-adress (den egna datorn)", "a loopback address (this computer)"};
    case AddressKind::Private: return {"en privat adress (ett internt nät)", "a private address (an internal network)"};
    case AddressKind::LinkLocal: return {"en länklokal adress", "a link-local address"};
    case AddressKind::SharedNat: return {"en adress för operatörs-NAT", "a carrier-grade NAT address"};
    case AddressKind::Unspecified: return {"en ospecificerad adress", "an unspecified address"};
    case AddressKind::Multicast: return {"en multicast- eller broadcastadress", "a multicast or broadcast address"};
    case AddressKind::Reserved: return {"en reserverad adress", "a reserved address"};
  }
  return {"en reserverad adress", "a reserved address"};
}

AddressScope scope_of(const IpAddress& ip) {
  switch (classify(ip)) {
    case AddressKind::Loopback: return AddressScope::Loopback;
    case AddressKind::Private:
    case AddressKind::SharedNat: return AddressScope::Private;
    case AddressKind::LinkLocal: return AddressScope::LinkLocal;
    case AddressKind::Unspecified: return AddressScope::Unspecified;
    case AddressKind::Public:
    case AddressKind::Multicast:
    case AddressKind::Reserved: return AddressScope::Public;
  }
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
