// fetch::Multi against the loopback fixture server: one hop per transfer, bodies of
// non-HTML types not downloaded, Retry-After and Location reported.
#include "fetch/multi.h"

#include <gtest/gtest.h>

#include <map>

#include "support/fixture_server.h"
#include "support/test_paths.h"

namespace granska::fetch {
namespace {

std::map<std::uint64_t, Completion> run_all(Multi& m) {
  std::map<std::uint64_t, Completion> out;
  for (int i = 0; i < 1000 && m.in_flight() > 0; ++i) {
    for (Completion& c : m.wait(100)) out.emplace(c.id, std::move(c));
  }
  return out;
}

TEST(FetchMulti, OneHopTypesRetryAfterAndErrors) {
  testing::FixtureServer server(testing::fixture_path("crawl/site"));
  ASSERT_TRUE(server.start());
  Multi m;
  auto req = [&](std::uint64_t id, const std::string& path, bool html_only, bool follow = false) {
    Request r;
    r.id = id;
    r.url = server.url(path);
    r.html_bodies_only = html_only;
    r.follow_redirects = follow;
    m.add(std::move(r));
  };
  req(1, "/om.html", true);
  req(2, "/dokument/budget-2026.pdf", true);
  req(3, "/_test/redirect-chain", true);
  req(4, "/_test/429-once?id=multi", true);
  req(5, "/_test/redirect-chain", false, true);
  Request bad;
  bad.id = 6;
  bad.url = "ftp://127.0.0.1/";
  m.add(bad);
  auto done = run_all(m);
  ASSERT_EQ(done.size(), 6u);
  EXPECT_TRUE(done[1].ok);
  EXPECT_EQ(done[1].status, 200);
  EXPECT_NE(done[1].body.find("Om webbplatsen"), std::string::npos);
  EXPECT_TRUE(done[2].ok);
  EXPECT_TRUE(done[2].body_skipped);
  EXPECT_TRUE(done[2].body.empty());
  EXPECT_EQ(mime_essence(done[2].content_type), "application/pdf");
  EXPECT_EQ(done[3].status, 301);
  EXPECT_EQ(done[3].location, server.url("/_test/redirect-chain/2"));
  EXPECT_EQ(done[4].status, 429);
  EXPECT_EQ(done[4].retry_after_s, 1);
  EXPECT_EQ(done[5].status, 200);
  EXPECT_EQ(done[5].final_url, server.url("/_test/page"));
  EXPECT_FALSE(done[6].ok);
  EXPECT_NE(done[6].error.message.find("only http and https"), std::string::npos);
}

// Validators come back in the Completion; sent again (If-None-Match, or If-Modified-Since
// alone), the fixture server answers 304 without a body; a stale tag gets 200.
TEST(FetchMulti, ConditionalRequests) {
  testing::FixtureServer server(testing::fixture_path("crawl/site"));
  ASSERT_TRUE(server.start());
  Multi m;
  Request first;
  first.id = 1;
  first.url = server.url("/om.html");
  m.add(first);
  auto done = run_all(m);
  ASSERT_EQ(done[1].status, 200);
  ASSERT_FALSE(done[1].etag.empty());
  ASSERT_FALSE(done[1].last_modified.empty());
  Request by_tag = first;
  by_tag.id = 2;
  by_tag.if_none_match = done[1].etag;
  Request by_date = first;
  by_date.id = 3;
  by_date.if_modified_since = done[1].last_modified;
  Request stale = first;
  stale.id = 4;
  stale.if_none_match = "\"gammal\"";
  stale.if_modified_since = done[1].last_modified;  // ignored when If-None-Match is sent
  m.add(by_tag);
  m.add(by_date);
  m.add(stale);
  auto again = run_all(m);
  EXPECT_EQ(again[2].status, 304);
  EXPECT_TRUE(again[2].body.empty());
  EXPECT_EQ(again[3].status, 304);
  EXPECT_EQ(again[4].status, 200);
  EXPECT_FALSE(again[4].body.empty());
}

}  // namespace
}  // namespace granska::fetch
