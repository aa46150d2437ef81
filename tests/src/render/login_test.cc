// Login for rendering: header lines, cookie files, origins.
#include "render/login.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>

#include "render/pool.h"

namespace granska::render {
namespace {

TEST(RenderLogin, HeaderLinesSplitAtTheFirstColon) {
  auto h = parse_header_lines({"Authorization: Basic dXNlcjpwYXNz", "X-A:b:c", "no colon", ": empty name", "X-Empty:"});
  ASSERT_EQ(h.size(), 3u);
  EXPECT_EQ(h[0], (std::pair<std::string, std::string>{"Authorization", "Basic dXNlcjpwYXNz"}));
  EXPECT_EQ(h[1], (std::pair<std::string, std::string>{"X-A", "b:c"}));
  EXPECT_EQ(h[2], (std::pair<std::string, std::string>{"X-Empty", ""}));
}

TEST(RenderLogin, CookieFileBecomesCookieParams) {
  std::string path = ::testing::TempDir() + "granska_render_cookies.txt";
  {
    std::ofstream out(path, std::ios::binary);
    out << "# Netscape HTTP Cookie File\n"
        << ".example.se\tTRUE\t/\tTRUE\t2000000000\tsession\tabc123\r\n"
        << "#HttpOnly_intra.example.se\tFALSE\t/app\tFALSE\t0\tauth\tsecret\n"
        << "broken line\n"
        << "\n";
  }
  auto cookies = cookies_from_file(path);
  ASSERT_TRUE(cookies.ok()) << cookies.error().message;
  ASSERT_EQ(cookies->size(), 2u);
  const auto& a = (*cookies)[0];
  EXPECT_EQ(a["name"], "session");
  EXPECT_EQ(a["value"], "abc123");
  EXPECT_EQ(a["domain"], ".example.se");
  EXPECT_EQ(a["secure"], true);
  EXPECT_EQ(a["httpOnly"], false);
  EXPECT_EQ(a["expires"], 2000000000);
  const auto& b = (*cookies)[1];
  EXPECT_EQ(b["url"], "http://intra.example.se/app");  // host-only
  EXPECT_FALSE(b.contains("domain"));
  EXPECT_EQ(b["httpOnly"], true);
  EXPECT_FALSE(b.contains("expires"));  // a session cookie
  std::remove(path.c_str());

  auto missing = cookies_from_file("/nonexistent/cookies.txt");
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.error().message.find("/nonexistent/cookies.txt"), std::string::npos);
}

TEST(RenderLogin, OriginsForContextsAndHeaders) {
  EXPECT_EQ(url_origin("http://127.0.0.1:8080/a/b?c#d"), "http://127.0.0.1:8080");
  EXPECT_EQ(url_origin("HTTPS://User:pw@Malmo.SE:443/x"), "https://malmo.se");
  EXPECT_EQ(url_origin("http://malmo.se:80"), "http://malmo.se");
  EXPECT_EQ(url_origin("https://malmo.se:8443?x"), "https://malmo.se:8443");
  EXPECT_EQ(url_origin("data:text/html,<p>"), "");
  EXPECT_EQ(url_origin("about:blank"), "");
  EXPECT_EQ(url_origin("file:///tmp/x.html"), "");
  // Another site whose name starts like the origin is another origin.
  EXPECT_NE(url_origin("http://127.0.0.1:8080.evil.example/"), url_origin("http://127.0.0.1:8080/"));
}

}  // namespace
}  // namespace granska::render
