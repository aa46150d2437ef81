// Applies the address guard (address_guard.h) to every socket curl opens for a transfer,
// redirect hops included. Internal to src/fetch.
#pragma once

#include <curl/curl.h>
#include <sys/socket.h>
#include <netinet/in.h>

#include <cstring>
#include <optional>
#include <string>

#include "fetch/address_guard.h"
#include "fetch/fetch.h"

namespace granska::fetch {

struct SocketGuard {
  bool allow_private = false;
  const ConnectHook* hook = nullptr;
  std::optional<AddressScope> target;  // the scope of the transfer's first connection
  std::string refused;                 // "169.254.169.254 (link-local)" once one was refused

  void reset(const Options& o) {
    allow_private = o.allow_private_addresses;
    hook = o.connect_hook ? &o.connect_hook : nullptr;
    target = o.target_scope;
    refused.clear();
  }

  static curl_socket_t open(void* self, curlsocktype, curl_sockaddr* a) {
    auto* g = static_cast<SocketGuard*>(self);
    IpAddress ip;
    if (a->family == AF_INET && a->addrlen >= sizeof(sockaddr_in)) {
      const auto* in = reinterpret_cast<const sockaddr_in*>(&a->addr);
      std::memcpy(ip.bytes.data(), &in->sin_addr, 4);
    } else if (a->family == AF_INET6 && a->addrlen >= sizeof(sockaddr_in6)) {
      const auto* in6 = reinterpret_cast<const sockaddr_in6*>(&a->addr);
      ip.v6 = true;
      std::memcpy(ip.bytes.data(), &in6->sin6_addr, 16);
    } else {
      g->refused = "an address that is not IPv4 or IPv6";
      return CURL_SOCKET_BAD;
    }
    const AddressScope scope = scope_of(ip);
    if (!address_allowed(scope, g->target.value_or(scope), g->allow_private)) {
      g->refused = to_string(ip) + " (" + std::string(to_string(scope)) + ")";
      return CURL_SOCKET_BAD;
    }
    if (g->hook && !(*g->hook)(ip)) {
      g->refused = to_string(ip) + " (refused by the connect hook)";
      return CURL_SOCKET_BAD;
    }
    if (!g->target) g->target = scope;
    return ::socket(a->family, a->socktype, a->protocol);
  }

  // After a hop: a reused connection opened no socket, so the target is learnt from the
  // address the hop went to.
  void learn_target(CURL* h) {
    if (target) return;
    char* ip = nullptr;
    if (curl_easy_getinfo(h, CURLINFO_PRIMARY_IP, &ip) == CURLE_OK && ip && *ip) {
      if (auto parsed = parse_ip(ip)) target = scope_of(*parsed);
    }
  }

  void install(CURL* h) {
    curl_easy_setopt(h, CURLOPT_OPENSOCKETFUNCTION, &SocketGuard::open);
    curl_easy_setopt(h, CURLOPT_OPENSOCKETDATA, this);
  }

  Error error(std::string_view url) const {
    const std::string u = url_for_message(url);
    return Error{"Could not fetch the page: refused to connect to " + refused +
                     ": link-local addresses are never fetched, and private or loopback ones only when the "
                     "page asked for is on one (" + u + ")",
                 "Sidan kunde inte hämtas: anslutning till " + refused +
                     " vägrades: länklokala adresser hämtas aldrig, och privata eller lokala bara när sidan som "
                     "begärdes ligger på en sådan (" + u + ")"};
  }
};

}  // namespace granska::fetch
