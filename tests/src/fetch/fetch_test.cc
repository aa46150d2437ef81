#include "fetch/fetch.h"

#include <gtest/gtest.h>

#include <chrono>
#include <memory>

#include "support/fixture_server.h"
#include "support/test_paths.h"

namespace granska::fetch {
namespace {

using granska::testing::FixtureServer;

bool contains(std::string_view haystack, std::string_view needle) {
  return haystack.find(needle) != std::string_view::npos;
}

class Fetch : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server_ = new FixtureServer(granska::testing::fixture_path(""));
    ASSERT_TRUE(server_->start());
  }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }
  void TearDown() override { fetcher_.reset(); }  // close connections before the server goes

  static std::string url(std::string_view path) { return server_->url(path); }
  Result<Response> get(const std::string& u) { return fetcher_->get(u, opts_); }

  static FixtureServer* server_;
  std::unique_ptr<Fetcher> fetcher_ = make_curl_fetcher();
  Options opts_ = [] {
    Options o;
    o.connect_timeout_ms = 2000;
    o.total_timeout_ms = 5000;
    return o;
  }();
};

FixtureServer* Fetch::server_ = nullptr;

TEST_F(Fetch, Ok200) {
  const auto r = get(url("/_test/page"));
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->url, url("/_test/page"));
  EXPECT_EQ(r->final_url, url("/_test/page"));
  EXPECT_EQ(r->content_type, "text/html; charset=utf-8");
  EXPECT_TRUE(contains(r->body, "Välkommen till Malmö")) << r->body;
  EXPECT_TRUE(r->redirects.empty());
  EXPECT_GT(r->seconds, 0.0);
}

TEST_F(Fetch, StaticFileWithSidecarContentType) {
  const auto r = get(url("/input/latin1.html"));
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->content_type, "text/html; charset=ISO-8859-1");
  EXPECT_EQ(r->body, granska::testing::read_fixture("input/latin1.html"));
}

TEST_F(Fetch, Status404IsAResponseNotAnError) {
  const auto r = get(url("/_test/status/404"));
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->status, 404);
  EXPECT_TRUE(contains(r->body, "404"));
  const auto missing = get(url("/no/such/file.html"));
  ASSERT_TRUE(missing.ok());
  EXPECT_EQ(missing->status, 404);
  const auto server_error = get(url("/_test/status/503"));
  ASSERT_TRUE(server_error.ok());
  EXPECT_EQ(server_error->status, 503);
}

TEST_F(Fetch, RedirectChainIsRecorded) {
  const auto r = get(url("/_test/redirect-chain"));
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->url, url("/_test/redirect-chain"));
  EXPECT_EQ(r->final_url, url("/_test/page"));
  ASSERT_EQ(r->redirects.size(), 3u);
  EXPECT_EQ(r->redirects[0].from, url("/_test/redirect-chain"));
  EXPECT_EQ(r->redirects[0].status, 301);
  EXPECT_EQ(r->redirects[0].to, url("/_test/redirect-chain/2"));
  EXPECT_EQ(r->redirects[1].status, 302);
  EXPECT_EQ(r->redirects[1].from, r->redirects[0].to);
  EXPECT_EQ(r->redirects[2].status, 307);
  EXPECT_EQ(r->redirects[2].to, url("/_test/page"));
  EXPECT_TRUE(contains(r->body, "Välkommen"));
}

TEST_F(Fetch, RedirectLoopIsAnError) {
  const auto r = get(url("/_test/redirect-loop"));
  ASSERT_FALSE(r.ok());
  const Error& e = r.error();
  EXPECT_TRUE(contains(e.message, "redirect loop")) << e.message;
  EXPECT_TRUE(contains(e.message, url("/_test/redirect-loop/b"))) << e.message;
  EXPECT_TRUE(contains(e.message_sv, "omdirigeringsslinga")) << e.message_sv;
}

TEST_F(Fetch, TooManyRedirectsIsAnError) {
  opts_.max_redirects = 2;
  const auto r = get(url("/_test/redirect-chain"));
  ASSERT_FALSE(r.ok());
  EXPECT_TRUE(contains(r.error().message, "too many redirects (more than 2)")) << r.error().message;
  EXPECT_TRUE(contains(r.error().message_sv, "för många omdirigeringar")) << r.error().message_sv;
}

TEST_F(Fetch, TotalTimeoutIsAnErrorNamingTheLimit) {
  opts_.total_timeout_ms = 300;
  const auto start = std::chrono::steady_clock::now();
  const auto r = get(url("/_test/slow?ms=3000"));
  const auto took = std::chrono::steady_clock::now() - start;
  ASSERT_FALSE(r.ok());
  EXPECT_TRUE(contains(r.error().message, "time limit of 300 ms")) << r.error().message;
  EXPECT_EQ(r.error().message_sv, "Sidan kunde inte hämtas: tidsgränsen på 300 ms överskreds (" +
                                      url("/_test/slow?ms=3000") + ")");
  EXPECT_LT(took, std::chrono::seconds(2));
}

TEST_F(Fetch, BodyOverTheLimitWithContentLengthIsAnError) {
  opts_.max_body_bytes = 1000;
  const auto r = get(url("/_test/big?bytes=100000"));
  ASSERT_FALSE(r.ok());
  EXPECT_TRUE(contains(r.error().message, "larger than the limit of 1000 B")) << r.error().message;
  EXPECT_TRUE(contains(r.error().message_sv, "större än gränsen på 1000 B"))
      << r.error().message_sv;
}

TEST_F(Fetch, BodyOverTheLimitWhileStreamingIsAnError) {
  opts_.max_body_bytes = 64 * 1024;
  const auto r = get(url("/_test/big?bytes=1000000&chunked=1"));
  ASSERT_FALSE(r.ok());
  EXPECT_TRUE(contains(r.error().message, "larger than the limit of 64 kB")) << r.error().message;
}

TEST_F(Fetch, BodyAtTheLimitIsAccepted) {
  opts_.max_body_bytes = 4096;
  const auto r = get(url("/_test/big?bytes=4096"));
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->body.size(), 4096u);
  EXPECT_TRUE(r->body.starts_with("<!doctype html>"));
}

TEST_F(Fetch, TlsFailureIsAnError) {
  // A TLS handshake against a plain-HTTP port fails.
  const std::string u = "https://127.0.0.1:" + std::to_string(server_->port()) + "/_test/page";
  const auto r = get(u);
  ASSERT_FALSE(r.ok());
  EXPECT_TRUE(contains(r.error().message, "TLS")) << r.error().message;
  EXPECT_TRUE(contains(r.error().message_sv, "den säkra anslutningen (TLS) misslyckades"))
      << r.error().message_sv;
  EXPECT_TRUE(contains(r.error().message, u));
}

TEST_F(Fetch, ConnectionRefusedIsAnError) {
  int closed_port = 0;
  {
    FixtureServer gone(granska::testing::fixture_path(""));
    ASSERT_TRUE(gone.start());
    closed_port = gone.port();
  }
  const std::string u = "http://user:secret@127.0.0.1:" + std::to_string(closed_port) + "/";
  const auto r = get(u);
  ASSERT_FALSE(r.ok());
  EXPECT_TRUE(contains(r.error().message, "refused the connection")) << r.error().message;
  EXPECT_TRUE(contains(r.error().message_sv, "servern nekade anslutningen"))
      << r.error().message_sv;
  EXPECT_FALSE(contains(r.error().message, "secret")) << "credentials leaked into the message";
  EXPECT_FALSE(contains(r.error().message_sv, "secret"));
}

TEST_F(Fetch, GzipIsDecoded) {
  const auto r = get(url("/_test/gzip"));
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->status, 200);
  EXPECT_TRUE(r->body.starts_with("<!doctype html>")) << r->body.substr(0, 20);
  EXPECT_TRUE(contains(r->body, "Välkommen till Malmö"));
}

TEST_F(Fetch, DefaultUserAgentIsSent) {
  const auto r = get(url("/_test/echo-ua"));
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->body, default_user_agent());
  EXPECT_TRUE(r->body.starts_with("granska/")) << r->body;
  EXPECT_TRUE(contains(r->body, "Malmö stad"));
}

TEST_F(Fetch, CustomUserAgentAndHeadersAreSent) {
  opts_.user_agent = "granska-test/1.0";
  opts_.headers = {"X-Granska-Test: 42"};
  const auto ua = get(url("/_test/echo-ua"));
  ASSERT_TRUE(ua.ok()) << ua.error().message;
  EXPECT_EQ(ua->body, "granska-test/1.0");
  const auto header = get(url("/_test/echo-header?name=X-Granska-Test"));
  ASSERT_TRUE(header.ok()) << header.error().message;
  EXPECT_EQ(header->body, "42");
}

TEST_F(Fetch, ExtraHeadersStayWithTheOriginalSite) {
  opts_.headers = {"X-Granska-Test: secret"};
  const std::string port = std::to_string(server_->port());
  // Same origin after a redirect: still sent.
  const auto same = get(url("/_test/redirect?to=%2F_test%2Fecho-header%3Fname%3DX-Granska-Test"));
  ASSERT_TRUE(same.ok()) << same.error().message;
  EXPECT_EQ(same->body, "secret");
  // "localhost" is another origin than "127.0.0.1", though the same server: not sent.
  const auto other = get(url("/_test/redirect?to=http%3A%2F%2Flocalhost%3A" + port +
                             "%2F_test%2Fecho-header%3Fname%3DX-Granska-Test"));
  ASSERT_TRUE(other.ok()) << other.error().message;
  ASSERT_EQ(other->redirects.size(), 1u);
  EXPECT_EQ(other->final_url,
            "http://localhost:" + port + "/_test/echo-header?name=X-Granska-Test");
  EXPECT_EQ(other->body, "");
}

TEST_F(Fetch, RedirectToANonHttpAddressIsAnError) {
  const auto r = get(url("/_test/redirect?to=ftp%3A%2F%2F127.0.0.1%2Fsecret.txt"));
  ASSERT_FALSE(r.ok());
  EXPECT_TRUE(contains(r.error().message, "not http or https: ftp://127.0.0.1/secret.txt"))
      << r.error().message;
  EXPECT_TRUE(contains(r.error().message_sv, "omdirigerades till en adress som inte är http"));
}

TEST_F(Fetch, OnlyHttpAndHttpsAreFetched) {
  for (const char* u : {"ftp://127.0.0.1/x", "file:///etc/passwd", "gopher://x/", "nonsense"}) {
    const auto r = get(u);
    ASSERT_FALSE(r.ok()) << u;
    EXPECT_TRUE(contains(r.error().message, "only http and https")) << r.error().message;
    EXPECT_TRUE(contains(r.error().message_sv, "bara http- och https-adresser")) << u;
  }
}

TEST_F(Fetch, FixtureServerStaysInsideItsRoot) {
  const auto r = get(url("/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd"));
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->status, 403);
  EXPECT_FALSE(contains(r->body, "root:"));
  const auto sidecar = get(url("/input/latin1.html.content-type"));
  ASSERT_TRUE(sidecar.ok());
  EXPECT_EQ(sidecar->status, 404);
}

TEST_F(Fetch, OneFetcherServesManyRequests) {
  for (int i = 0; i < 5; ++i) {
    const auto r = get(url(i % 2 == 0 ? "/_test/page" : "/_test/status/404"));
    ASSERT_TRUE(r.ok()) << r.error().message;
    EXPECT_EQ(r->status, i % 2 == 0 ? 200 : 404);
  }
}

TEST(FetchText, FormatSize) {
  EXPECT_EQ(format_size(20 * 1024 * 1024), "20 MB");
  EXPECT_EQ(format_size(64 * 1024), "64 kB");
  EXPECT_EQ(format_size(1000), "1000 B");
  EXPECT_EQ(format_size(0), "0 B");
}

TEST(FetchText, UrlForMessageDropsCredentialsAndCaps) {
  EXPECT_EQ(url_for_message("https://user:pw@example.se/a?b=c@d"), "https://example.se/a?b=c@d");
  EXPECT_EQ(url_for_message("https://example.se/p@q"), "https://example.se/p@q");
  EXPECT_EQ(url_for_message("http://u@h"), "http://h");
  const std::string long_url = "https://example.se/" + std::string(1000, 'a');
  EXPECT_LE(url_for_message(long_url).size(), 310u);
}

}  // namespace
}  // namespace granska::fetch
