// The address guard (issue #16: `check` followed a redirect to 169.254.169.254). The policy
// is tested as pure functions on addresses; the curl glue is tested against the loopback
// fixture server with a connect hook that refuses anything but loopback, so a broken
// guard fails here without a packet leaving the machine.
#include "fetch/address_guard.h"

#include <gtest/gtest.h>

#include <mutex>
#include <vector>

#include "fetch/fetch.h"
#include "support/fixture_server.h"
#include "support/test_paths.h"

namespace granska::fetch {
namespace {

AddressScope scope(std::string_view s) {
  auto ip = parse_ip(s);
  EXPECT_TRUE(ip.has_value()) << s;
  return ip ? scope_of(*ip) : AddressScope::Unspecified;
}

TEST(AddressGuard, Scopes) {
  EXPECT_EQ(scope("169.254.169.254"), AddressScope::LinkLocal);
  EXPECT_EQ(scope("fe80::1"), AddressScope::LinkLocal);
  EXPECT_EQ(scope("::ffff:169.254.169.254"), AddressScope::LinkLocal);
  EXPECT_EQ(scope("[fe80::abcd]"), AddressScope::LinkLocal);
  EXPECT_EQ(scope("127.0.0.1"), AddressScope::Loopback);
  EXPECT_EQ(scope("127.8.9.10"), AddressScope::Loopback);
  EXPECT_EQ(scope("::1"), AddressScope::Loopback);
  EXPECT_EQ(scope("::ffff:127.0.0.1"), AddressScope::Loopback);
  EXPECT_EQ(scope("10.1.2.3"), AddressScope::Private);
  EXPECT_EQ(scope("172.16.0.1"), AddressScope::Private);
  EXPECT_EQ(scope("172.31.255.255"), AddressScope::Private);
  EXPECT_EQ(scope("192.168.0.1"), AddressScope::Private);
  EXPECT_EQ(scope("100.64.0.1"), AddressScope::Private);
  EXPECT_EQ(scope("fd00::1"), AddressScope::Private);
  EXPECT_EQ(scope("0.0.0.0"), AddressScope::Unspecified);
  EXPECT_EQ(scope("::"), AddressScope::Unspecified);
  EXPECT_EQ(scope("172.32.0.1"), AddressScope::Public);
  EXPECT_EQ(scope("193.45.6.7"), AddressScope::Public);
  EXPECT_EQ(scope("2001:db8::1"), AddressScope::Public);
  EXPECT_FALSE(parse_ip("malmo.se"));
  EXPECT_FALSE(parse_ip("1.2.3"));
  EXPECT_EQ(to_string(*parse_ip("::ffff:10.0.0.1")), "::ffff:10.0.0.1");
}

TEST(AddressGuard, Policy) {
  using S = AddressScope;
  // Link-local and unspecified: never, whatever the target or flag.
  for (S target : {S::Public, S::Private, S::Loopback, S::LinkLocal}) {
    EXPECT_FALSE(address_allowed(S::LinkLocal, target, true));
    EXPECT_FALSE(address_allowed(S::Unspecified, target, true));
    EXPECT_TRUE(address_allowed(S::Public, target, false));
  }
  // A public target must not lead to private or loopback addresses...
  EXPECT_FALSE(address_allowed(S::Private, S::Public, false));
  EXPECT_FALSE(address_allowed(S::Loopback, S::Public, false));
  // ...unless the flag allows it; a target that is itself private or loopback may.
  EXPECT_TRUE(address_allowed(S::Private, S::Public, true));
  EXPECT_TRUE(address_allowed(S::Private, S::Private, false));
  EXPECT_TRUE(address_allowed(S::Loopback, S::Loopback, false));
  EXPECT_FALSE(address_allowed(S::Private, S::Loopback, false));
  EXPECT_FALSE(address_allowed(S::Loopback, S::Private, false));
}

class GuardedFetch : public ::testing::Test {
 protected:
  void SetUp() override {
    server_ = std::make_unique<testing::FixtureServer>(testing::fixture_path("cli"));
    ASSERT_TRUE(server_->start());
    opts_.total_timeout_ms = 5000;
    opts_.connect_hook = [this](const IpAddress& ip) {
      std::lock_guard lock(mu_);
      seen_.push_back(to_string(ip));
      return scope_of(ip) == AddressScope::Loopback;  // nothing else may ever be tried
    };
  }
  std::vector<std::string> non_loopback_seen() {
    std::lock_guard lock(mu_);
    std::vector<std::string> out;
    for (const std::string& s : seen_) {
      if (scope_of(*parse_ip(s)) != AddressScope::Loopback) out.push_back(s);
    }
    return out;
  }
  std::unique_ptr<testing::FixtureServer> server_;
  Options opts_;
  std::mutex mu_;
  std::vector<std::string> seen_;
};

TEST_F(GuardedFetch, RedirectToMetadataAddressIsRefused) {
  auto fetcher = make_curl_fetcher();
  for (const char* to : {"http://169.254.169.254/latest/meta-data/", "http://[fe80::1]/", "http://10.0.0.1/",
                         "http://192.168.1.1:8080/admin"}) {
    Result<Response> r = fetcher->get(server_->url("/_test/redirect?to=") + to, opts_);
    ASSERT_FALSE(r.ok()) << to;
    EXPECT_NE(r.error().message.find("refused to connect to"), std::string::npos) << r.error().message;
  }
  EXPECT_TRUE(non_loopback_seen().empty()) << "the guard let " << non_loopback_seen().front() << " through";
  // Loopback to loopback (the target is loopback) is fine.
  Result<Response> ok = fetcher->get(server_->url("/_test/redirect?to=") + server_->url("/good.html"), opts_);
  EXPECT_TRUE(ok.ok()) << (ok.ok() ? "" : ok.error().message);
}

}  // namespace
}  // namespace granska::fetch
