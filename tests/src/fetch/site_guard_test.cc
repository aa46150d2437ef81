// The site guard (granska serve's): decisions as pure functions on addresses, resolution
// through an injected resolver, and the guarded fetcher against the loopback fixture server. No test
// sends a packet anywhere but 127.0.0.1: names resolve through the fake resolver, and
// refused addresses are refused before a connection is made.
#include "fetch/site_guard.h"

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>

#include <map>

#include "fetch/fetch.h"
#include "support/fixture_server.h"
#include "support/test_paths.h"

namespace granska::fetch {
namespace {

AddressKind kind(std::string_view text) {
  auto ip = parse_ip(text);
  EXPECT_TRUE(ip) << text;
  return ip ? classify(*ip) : AddressKind::Reserved;
}

TEST(SiteGuard, ClassifiesAddresses) {
  EXPECT_EQ(kind("127.0.0.1"), AddressKind::Loopback);
  EXPECT_EQ(kind("127.255.0.9"), AddressKind::Loopback);
  EXPECT_EQ(kind("::1"), AddressKind::Loopback);
  EXPECT_EQ(kind("10.1.2.3"), AddressKind::Private);
  EXPECT_EQ(kind("172.16.0.1"), AddressKind::Private);
  EXPECT_EQ(kind("172.31.255.255"), AddressKind::Private);
  EXPECT_EQ(kind("172.32.0.1"), AddressKind::Public);
  EXPECT_EQ(kind("192.168.10.1"), AddressKind::Private);
  EXPECT_EQ(kind("169.254.169.254"), AddressKind::LinkLocal);  // cloud metadata
  EXPECT_EQ(kind("100.64.0.1"), AddressKind::SharedNat);
  EXPECT_EQ(kind("0.0.0.0"), AddressKind::Unspecified);
  EXPECT_EQ(kind("::"), AddressKind::Unspecified);
  EXPECT_EQ(kind("224.0.0.1"), AddressKind::Multicast);
  EXPECT_EQ(kind("255.255.255.255"), AddressKind::Multicast);
  EXPECT_EQ(kind("240.0.0.1"), AddressKind::Reserved);
  EXPECT_EQ(kind("192.0.2.7"), AddressKind::Reserved);
  EXPECT_EQ(kind("198.18.0.1"), AddressKind::Reserved);
  EXPECT_EQ(kind("fd12:3456::1"), AddressKind::Private);
  EXPECT_EQ(kind("fe80::1"), AddressKind::LinkLocal);
  EXPECT_EQ(kind("fec0::1"), AddressKind::Reserved);
  EXPECT_EQ(kind("ff02::1"), AddressKind::Multicast);
  EXPECT_EQ(kind("2001:db8::1"), AddressKind::Reserved);
  EXPECT_EQ(kind("2001::1"), AddressKind::Reserved);  // Teredo
  // IPv6 forms that carry an IPv4 address are what that address is.
  EXPECT_EQ(kind("::ffff:10.0.0.1"), AddressKind::Private);
  EXPECT_EQ(kind("::ffff:127.0.0.1"), AddressKind::Loopback);
  EXPECT_EQ(kind("::10.0.0.1"), AddressKind::Private);
  EXPECT_EQ(kind("64:ff9b::a9fe:a9fe"), AddressKind::LinkLocal);  // NAT64 of 169.254.169.254
  EXPECT_EQ(kind("2002:c0a8:0101::1"), AddressKind::Private);     // 6to4 of 192.168.1.1
  // Public ones (classified only; never contacted).
  EXPECT_EQ(kind("193.180.0.10"), AddressKind::Public);
  EXPECT_EQ(kind("2a00:1450::1"), AddressKind::Public);
  EXPECT_EQ(kind("::ffff:193.180.0.10"), AddressKind::Public);
}

TEST(SiteGuard, ParsesOnlyPlainAddresses) {
  EXPECT_TRUE(parse_ip("[::1]"));
  EXPECT_FALSE(parse_ip("2130706433"));  // 127.0.0.1 as one number: refused, not guessed
  EXPECT_FALSE(parse_ip("127.1"));
  EXPECT_FALSE(parse_ip("0x7f.0.0.1"));
  EXPECT_FALSE(parse_ip("fe80::1%eth0"));
  EXPECT_FALSE(parse_ip("malmo.se"));
  EXPECT_FALSE(parse_ip(""));
  EXPECT_EQ(to_string(*parse_ip("::ffff:10.0.0.1")), "::ffff:10.0.0.1");
  EXPECT_EQ(to_string(*parse_ip("10.0.0.1")), "10.0.0.1");
}

TEST(SiteGuard, AllowedNetworksAreTheOnlyException) {
  AddressPolicy policy;
  EXPECT_FALSE(is_allowed(*parse_ip("127.0.0.1"), policy));
  EXPECT_TRUE(is_allowed(*parse_ip("193.180.0.10"), policy));
  policy.allowed_networks.push_back(*Network::parse("127.0.0.1"));
  EXPECT_TRUE(is_allowed(*parse_ip("127.0.0.1"), policy));
  EXPECT_FALSE(is_allowed(*parse_ip("127.0.0.2"), policy));
  EXPECT_FALSE(is_allowed(*parse_ip("::1"), policy));
  EXPECT_TRUE(Network::parse("10.0.0.0/8")->contains(*parse_ip("10.200.1.1")));
  EXPECT_FALSE(Network::parse("10.0.0.0/8")->contains(*parse_ip("11.0.0.1")));
  EXPECT_TRUE(Network::parse("fd00::/8")->contains(*parse_ip("fd12::1")));
  EXPECT_FALSE(Network::parse("10.0.0.0/33"));
  EXPECT_FALSE(Network::parse("10.0.0.0/"));
  EXPECT_FALSE(Network::parse("intranet/8"));
}

TEST(SiteGuard, TheConnectTimeCheckReadsSocketAddresses) {
  sockaddr_in in{};
  in.sin_family = AF_INET;
  inet_pton(AF_INET, "10.0.0.5", &in.sin_addr);
  auto ip = from_sockaddr(reinterpret_cast<const sockaddr*>(&in));
  ASSERT_TRUE(ip);
  EXPECT_EQ(to_string(*ip), "10.0.0.5");
  EXPECT_FALSE(is_allowed(*ip, AddressPolicy{}));
  sockaddr_in6 in6{};
  in6.sin6_family = AF_INET6;
  inet_pton(AF_INET6, "::ffff:169.254.169.254", &in6.sin6_addr);
  ip = from_sockaddr(reinterpret_cast<const sockaddr*>(&in6));
  ASSERT_TRUE(ip);
  EXPECT_EQ(classify(*ip), AddressKind::LinkLocal);
}

TEST(SiteGuard, HostAllowList) {
  AddressPolicy policy;
  policy.allowed_hosts = {"malmo.se", "Demo.Example."};
  EXPECT_TRUE(host_allowed("malmo.se", policy));
  EXPECT_TRUE(host_allowed("www.malmo.se", policy));
  EXPECT_TRUE(host_allowed("WWW.MALMO.SE.", policy));
  EXPECT_TRUE(host_allowed("demo.example", policy));
  EXPECT_FALSE(host_allowed("evilmalmo.se", policy));
  EXPECT_FALSE(host_allowed("malmo.se.evil.example", policy));
  EXPECT_FALSE(host_allowed("", policy));
  EXPECT_FALSE(host_allowed("intern", AddressPolicy{}));  // an empty list allows nothing
  policy.any_host = true;
  EXPECT_TRUE(host_allowed("anything.example", policy));
}

// A resolver from a table: the tests' DNS.
Resolver table(std::map<std::string, std::vector<std::string>> entries, int* calls = nullptr) {
  return [entries, calls](const std::string& host) -> Result<std::vector<IpAddress>> {
    if (calls) ++*calls;
    auto it = entries.find(host);
    if (it == entries.end()) return Error{"no such host " + host, "okänd värd " + host};
    std::vector<IpAddress> out;
    for (const std::string& a : it->second) out.push_back(*parse_ip(a));
    return out;
  };
}

TEST(SiteGuard, VetsNamesAfterResolution) {
  int calls = 0;
  SiteGuard guard{AddressPolicy{{"example.se"}, false, {}},
                     table({{"intern.example.se", {"10.0.0.5"}},
                            {"blandad.example.se", {"193.180.0.10", "192.168.1.20"}},
                            {"www.example.se", {"193.180.0.10"}}},
                           &calls)};
  auto internal = vet_host("intern.example.se", guard);
  ASSERT_FALSE(internal);
  EXPECT_EQ(internal.error().text(Lang::Sv),
            "intern.example.se pekar på 10.0.0.5, en privat adress (ett internt nät), som granska inte får hämta från");
  EXPECT_FALSE(vet_host("blandad.example.se", guard));  // one internal address is enough to refuse
  auto ok = vet_host("www.example.se", guard);
  ASSERT_TRUE(ok);
  EXPECT_EQ(to_string(ok->front()), "193.180.0.10");
  // A host outside the allow-list is refused before any lookup.
  const int before = calls;
  auto elsewhere = vet_host("other.example", guard);
  ASSERT_FALSE(elsewhere);
  EXPECT_NE(elsewhere.error().text(Lang::Sv).find("hör inte till de webbplatser"), std::string::npos);
  EXPECT_EQ(calls, before);
  // IP literals are judged as they are, never resolved.
  guard.policy.allowed_hosts.push_back("127.0.0.1");
  auto loopback = vet_host("127.0.0.1", guard);
  ASSERT_FALSE(loopback);
  EXPECT_NE(loopback.error().text(Lang::Sv).find("loopback"), std::string::npos);
  EXPECT_EQ(calls, before);
}

// The guarded fetcher against the loopback fixture server.
class SiteGuardedFetch : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_TRUE(server_.start()); }
  Options options(SiteGuard guard) {
    Options o;
    o.connect_timeout_ms = 2000;
    o.total_timeout_ms = 5000;
    o.site_guard = std::make_shared<const SiteGuard>(std::move(guard));
    return o;
  }
  // The test-only allowance: the server's own address, and its names.
  SiteGuard loopback_allowed() {
    SiteGuard g{AddressPolicy{{"127.0.0.1", "sida.test"}, false, {*Network::parse("127.0.0.1")}},
                   table({{"sida.test", {"127.0.0.1"}}, {"intern.test", {"10.0.0.5"}}})};
    return g;
  }
  testing::FixtureServer server_{testing::fixture_path("")};
};

TEST_F(SiteGuardedFetch, AnAllowedLoopbackPageIsFetched) {
  auto fetcher = make_curl_fetcher();
  auto r = fetcher->get(server_.url("/_test/page"), options(loopback_allowed()));
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(r->status, 200);
}

TEST_F(SiteGuardedFetch, ANameIsPinnedToTheAddressTheResolverGave) {
  // sida.test exists only in the fake resolver: curl connects to the pinned address.
  auto fetcher = make_curl_fetcher();
  const std::string url = "http://sida.test:" + std::to_string(server_.port()) + "/_test/page";
  auto r = fetcher->get(url, options(loopback_allowed()));
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(r->status, 200);
}

TEST_F(SiteGuardedFetch, WithoutTheAllowanceLoopbackIsRefusedBeforeConnecting) {
  SiteGuard guard{AddressPolicy{{"127.0.0.1"}, false, {}}, table({})};
  auto fetcher = make_curl_fetcher();
  auto r = fetcher->get(server_.url("/_test/page"), options(guard));
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().text(Lang::Sv).find("en loopback-adress (den egna datorn), som granska inte får hämta från"),
            std::string::npos)
      << r.error().text(Lang::Sv);
  EXPECT_TRUE(server_.requests().empty()) << "a request reached the server";
}

TEST_F(SiteGuardedFetch, ARedirectToAForbiddenAddressIsRefused) {
  auto fetcher = make_curl_fetcher();
  // To another loopback address, an allowed host but outside the allowance (127.0.0.1 only).
  SiteGuard second = loopback_allowed();
  second.policy.allowed_hosts.push_back("127.0.0.2");
  auto r = fetcher->get(server_.url("/_test/redirect?to=http://127.0.0.2:9/"), options(second));
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().text(Lang::Sv).find("omdirigerades till http://127.0.0.2:9/: 127.0.0.2, en loopback-adress"),
            std::string::npos)
      << r.error().text(Lang::Sv);
  // To a name that resolves to an internal address.
  SiteGuard guard = loopback_allowed();
  guard.policy.allowed_hosts.push_back("intern.test");
  r = fetcher->get(server_.url("/_test/redirect?to=http://intern.test/"), options(guard));
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().text(Lang::Sv).find("intern.test pekar på 10.0.0.5, en privat adress"), std::string::npos)
      << r.error().text(Lang::Sv);
  // To a host outside the allow-list.
  r = fetcher->get(server_.url("/_test/redirect?to=http://annan.test/"), options(loopback_allowed()));
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().text(Lang::En).find("redirected to http://annan.test/: the host annan.test is not one of"),
            std::string::npos)
      << r.error().text(Lang::En);
}

}  // namespace
}  // namespace granska::fetch
