#include "media/track_check.h"

#include <gtest/gtest.h>

#include <map>

#include "engine/registry.h"
#include "support/fixture_server.h"
#include "support/test_paths.h"

namespace granska::media {
namespace {

using granska::testing::FixtureServer;

// The track messages as the built-in caption rule declares them.
const TrackMessages& messages() {
  static const TrackMessages m = track_messages(engine::Registry::builtin());
  return m;
}

TEST(TrackMessages, TheCaptionRuleDeclaresEveryTrackMessage) {
  EXPECT_TRUE(messages().complete());
  EXPECT_EQ(messages().not_loaded->id, "track-not-loaded");
  EXPECT_FALSE(track_messages(engine::Registry::builtin(), "no-such-rule").complete());
}

class TrackCheckTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server_ = new FixtureServer(granska::testing::fixture_path(""));
    ASSERT_TRUE(server_->start());
  }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }
  static FixtureServer* server_;
};
FixtureServer* TrackCheckTest::server_ = nullptr;

TEST_F(TrackCheckTest, ReportsEachProblemAndFailsTheCaptionRule) {
  std::string page_url = server_->url("/media/page-tracks.html");
  auto doc = html::Document::parse(granska::testing::read_fixture("media/page-tracks.html"));
  aria::Semantics sem(*doc);
  std::vector<MediaItem> items = find_media(*doc, sem, page_url);
  auto fetcher = fetch::make_curl_fetcher();
  TrackCheckOptions opts;
  opts.fetch.connect_timeout_ms = 2000;
  opts.fetch.total_timeout_ms = 5000;
  std::vector<TrackCheck> checks = check_tracks(items, *fetcher, opts, messages());

  std::map<std::string, std::string> by_video;
  for (const TrackCheck& c : checks) {
    std::string id(c.media->attr("id").value_or(""));
    if (c.track->kind == "descriptions") id += "/descriptions";
    by_video[id] = c.problem ? std::string(c.problem->id) : "ok";
  }
  EXPECT_EQ(by_video, (std::map<std::string, std::string>{{"ok", "ok"},
                                                          {"ok/descriptions", "ok"},
                                                          {"missing", "track-http-error"},
                                                          {"invalid", "track-not-webvtt"},
                                                          {"empty", "track-no-cues"},
                                                          {"order", "track-out-of-order"},
                                                          {"type", "track-wrong-type"}}));
  for (const TrackCheck& c : checks) {
    if (c.media->attr("id") == "ok" && c.track->kind == "captions") {
      EXPECT_EQ(c.cues, 3u);
    }
    if (c.media->attr("id") == "missing") {
      EXPECT_EQ(c.status, 404);
      EXPECT_EQ(c.args.at(1), "404");
    }
    if (c.media->attr("id") == "invalid") {
      EXPECT_NE(c.args.at(1).find("line 1"), std::string::npos);
    }
  }

  engine::PageEvaluation ev = engine::evaluate(*doc, page_url, engine::Registry::builtin(),
                                               engine::Selection{{"video-caption", "video-description"}, {}, true});
  ASSERT_EQ(ev.rules.size(), 2u);
  apply_track_checks(ev, checks);
  const engine::RuleResult& captions = ev.rules[0].rule->info.id == "video-caption" ? ev.rules[0] : ev.rules[1];
  EXPECT_EQ(captions.outcome, engine::Outcome::Failed);
  std::map<std::string, std::string> outcome;
  for (const engine::Finding& f : captions.findings) {
    outcome[std::string(f.node->attr("id").value_or(""))] =
        std::string(engine::to_string(f.outcome)) + ":" + std::string(f.message->id);
  }
  EXPECT_EQ(outcome["ok"], "passed:has-captions");
  EXPECT_EQ(outcome["missing"], "failed:track-http-error");
  EXPECT_EQ(outcome["order"], "failed:track-out-of-order");
  EXPECT_EQ(outcome["none"], "cantTell:no-caption-track");
  EXPECT_EQ(captions.findings.size(), 7u);  // one per video, passed ones replaced
}

TEST_F(TrackCheckTest, LocalPagesAndTheTrackLimit) {
  auto doc = html::Document::parse(granska::testing::read_fixture("media/page-tracks.html"));
  aria::Semantics sem(*doc);
  auto fetcher = fetch::make_curl_fetcher();
  // A file: page resolves tracks to file: URLs, which are never fetched.
  EXPECT_TRUE(check_tracks(find_media(*doc, sem, "file:///tmp/page.html"), *fetcher, {}, messages()).empty());
  TrackCheckOptions opts;
  opts.max_tracks = 2;
  EXPECT_EQ(check_tracks(find_media(*doc, sem, server_->url("/media/page-tracks.html")), *fetcher, opts, messages()).size(), 2u);
}

TEST_F(TrackCheckTest, NetworkErrorIsNotLoaded) {
  auto doc = html::Document::parse("<video><track kind=captions src='http://127.0.0.1:1/x.vtt'></video>");
  aria::Semantics sem(*doc);
  auto fetcher = fetch::make_curl_fetcher();
  TrackCheckOptions opts;
  opts.fetch.connect_timeout_ms = 1000;
  opts.fetch.total_timeout_ms = 2000;
  auto checks = check_tracks(find_media(*doc, sem, "http://127.0.0.1:1/"), *fetcher, opts, messages());
  ASSERT_EQ(checks.size(), 1u);
  EXPECT_EQ(checks[0].problem, messages().not_loaded);
}

}  // namespace
}  // namespace granska::media
