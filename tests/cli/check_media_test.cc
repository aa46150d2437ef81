// End-to-end tests of the media inventory: `granska check --media` and the JSON "media"
// array, with track files fetched from a loopback server.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "support/fixture_server.h"
#include "support/run_program.h"
#include "support/test_paths.h"

namespace granska {
namespace {

using testing::fixture_path;
using testing::run_granska;

bool has(const std::string& s, std::string_view what) { return s.find(what) != std::string::npos; }

TEST(CheckMedia, TableListsEveryClipInSwedishAndEnglish) {
  auto r = run_granska({"check", "--media", fixture_path("media/inventory.html")});
  EXPECT_TRUE(r.exit_code == 0 || r.exit_code == 1) << r.err;
  EXPECT_TRUE(has(r.out, "Video och ljud på sidan (15)")) << r.out;
  EXPECT_TRUE(has(r.out, "undertexter")) << r.out;
  EXPECT_TRUE(has(r.out, "Microsoft Stream")) << r.out;
  EXPECT_TRUE(has(r.out, "cc_load_policy=1 cc_lang_pref=sv")) << r.out;
  auto en = run_granska({"check", "--media", "--lang", "en", fixture_path("media/inventory.html")});
  EXPECT_TRUE(has(en.out, "Video and audio on the page (15)")) << en.out;
  EXPECT_TRUE(has(en.out, "captions")) << en.out;
  auto without = run_granska({"check", fixture_path("media/inventory.html")});
  EXPECT_FALSE(has(without.out, "Video och ljud på sidan")) << "the table only with --media";
}

TEST(CheckMedia, PageTextInTheTableIsEscaped) {
  auto r = run_granska({"check", "--media", "-"},
                       "<html lang=sv><title>x</title><video controls title=\"Film\x1b[31mröd\" src=a.mp4></video>");
  EXPECT_FALSE(has(r.out, "\x1b[31m")) << r.out;
  EXPECT_TRUE(has(r.out, "Video och ljud på sidan (1)")) << r.out;
}

TEST(CheckMedia, CustomPlayerList) {
  std::string list = fixture_path("media/players-malmo.json");
  auto r = run_granska({"check", "--media", "--players", list, "-"},
                       "<html lang=sv><title>x</title><iframe title=Film src=https://video.malmo.se/e/1></iframe>");
  EXPECT_TRUE(has(r.out, "Malmövideo")) << r.out << r.err;
  auto bad = run_granska({"check", "--players", fixture_path("media/nope.json"), "-"}, "<p>x");
  EXPECT_EQ(bad.exit_code, 2);
}

TEST(CheckMedia, RemotePageTracksAreFetchedAndFailCaptions) {
  testing::FixtureServer server{testing::fixture_path("")};
  ASSERT_TRUE(server.start());
  auto r = run_granska({"check", "--format", "json", server.url("/media/page-tracks.html")});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  auto j = nlohmann::json::parse(r.out);
  ASSERT_TRUE(j.contains("media"));
  ASSERT_EQ(j["media"].size(), 7u);
  std::map<std::string, std::string> captions;
  for (const auto& m : j["media"]) {
    std::string sel = m["selector"];
    captions[sel.substr(sel.rfind('#') + 1)] =
        m["status"]["captions"].is_null() ? "-" : m["status"]["captions"]["message_id"].get<std::string>();
  }
  EXPECT_EQ(captions["ok"], "has-captions");
  EXPECT_EQ(captions["missing"], "track-http-error");
  EXPECT_EQ(captions["invalid"], "track-not-webvtt");
  EXPECT_EQ(captions["empty"], "track-no-cues");
  EXPECT_EQ(captions["order"], "track-out-of-order");
  EXPECT_EQ(captions["type"], "track-wrong-type");
  EXPECT_EQ(captions["none"], "no-caption-track");
  const auto& ok = j["media"][0];
  EXPECT_EQ(ok["tracks"][0]["check"]["http_status"], 200);
  EXPECT_EQ(ok["tracks"][0]["check"]["cues"], 3);
  EXPECT_TRUE(ok["tracks"][0]["check"]["problem"].is_null());
  EXPECT_EQ(j["media"][1]["tracks"][0]["check"]["http_status"], 404);
  bool failed_finding = false;
  for (const auto& f : j["findings"]) {
    failed_finding = failed_finding || (f["rule"] == "video-caption" && f["message_id"] == "track-http-error" &&
                                        f["outcome"] == "failed");
  }
  EXPECT_TRUE(failed_finding);

  auto text = run_granska({"check", "--media", "--lang", "en", server.url("/media/page-tracks.html")});
  EXPECT_TRUE(has(text.out, "OK (3 cues)")) << text.out;
  EXPECT_TRUE(has(text.out, "the server answers with HTTP status 404")) << text.out;
  EXPECT_TRUE(has(text.out, "FAILED")) << text.out;
}

TEST(CheckMedia, LocalPageTracksAreNotFetched) {
  auto r = run_granska({"check", "--format", "json", fixture_path("media/page-tracks.html")});
  auto j = nlohmann::json::parse(r.out);
  for (const auto& m : j["media"]) {
    for (const auto& t : m["tracks"]) EXPECT_TRUE(t["check"].is_null());
  }
}

}  // namespace
}  // namespace granska
