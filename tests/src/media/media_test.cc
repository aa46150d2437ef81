#include "media/media.h"

#include <gtest/gtest.h>

#include "support/test_paths.h"

namespace granska::media {
namespace {

struct Inventory {
  std::unique_ptr<html::Document> doc;
  std::unique_ptr<aria::Semantics> aria;
  std::vector<MediaItem> items;
  const MediaItem* by_id(std::string_view id) const {
    for (const MediaItem& m : items) {
      if (m.element->attr("id") == id) return &m;
    }
    return nullptr;
  }
};

Inventory inventory(const std::string& html, std::string_view url) {
  Inventory inv;
  inv.doc = html::Document::parse(html);
  inv.aria = std::make_unique<aria::Semantics>(*inv.doc);
  inv.items = find_media(*inv.doc, *inv.aria, url);
  return inv;
}

TEST(Players, BuiltinListComesFromConfigFile) {
  Result<PlayerList> file = PlayerList::load_file(testing::source_dir() + "/config/players.json");
  ASSERT_TRUE(file) << file.error().message;
  ASSERT_EQ(file->players().size(), PlayerList::builtin().players().size());
  for (const char* id : {"youtube", "vimeo", "screen9", "qbrick", "kaltura", "microsoft-stream", "dreambroker",
                         "twentythree"}) {
    bool found = false;
    for (const Player& p : PlayerList::builtin().players()) found = found || p.id == id;
    EXPECT_TRUE(found) << id;
  }
}

TEST(Players, ParseErrorsAndMatching) {
  EXPECT_FALSE(PlayerList::parse("nej"));
  EXPECT_FALSE(PlayerList::parse(R"({"players":[{"id":"x"}]})"));
  Result<PlayerList> l = PlayerList::parse(R"({"players":[{"id":"mv","name":"Malmövideo","hosts":["video.malmo.se"]}]})");
  ASSERT_TRUE(l);
  ASSERT_NE(l->match("https://video.malmo.se/embed/1"), nullptr);
  EXPECT_EQ(l->match("https://VIDEO.malmo.se/x")->name, "Malmövideo");
  EXPECT_EQ(l->match("https://evilvideo.malmo.se.example/x"), nullptr);
  EXPECT_EQ(l->match("file:///video.malmo.se"), nullptr);
  const PlayerList& b = PlayerList::builtin();
  EXPECT_EQ(b.match("https://youtu.be/abc")->id, "youtube");
  EXPECT_EQ(b.match("https://notyoutube.com/embed/x"), nullptr);
  EXPECT_EQ(b.match("https://malmo.sharepoint.com/sites/a/doc.docx"), nullptr);
}

TEST(MediaInventory, FindsEveryKindWithDetails) {
  Inventory inv = inventory(testing::read_fixture("media/inventory.html"), "https://malmo.se/kultur/media");
  std::vector<std::string> ids;
  for (const MediaItem& m : inv.items) ids.emplace_back(m.element->attr("id").value_or("?"));
  EXPECT_EQ(ids, (std::vector<std::string>{"v1", "a1", "yt", "vimeo", "s9", "qb", "kal", "ms", "sp", "db", "t23",
                                           "obj", "emb", "l1", "l2"}));

  const MediaItem* v = inv.by_id("v1");
  EXPECT_EQ(v->kind, MediaKind::Video);
  EXPECT_EQ(v->name, "Film: Så fungerar bygglov");
  EXPECT_EQ(v->sources, (std::vector<std::string>{"https://malmo.se/film/bygglov.webm", "https://malmo.se/film/bygglov.mp4"}));
  EXPECT_TRUE(v->autoplay && v->muted && v->controls);
  ASSERT_EQ(v->tracks.size(), 3u);
  EXPECT_EQ(v->tracks[0].kind, "captions");
  EXPECT_EQ(v->tracks[0].url, "https://malmo.se/film/bygglov.sv.vtt");
  EXPECT_TRUE(v->tracks[0].is_default);
  EXPECT_EQ(v->tracks[1].kind, "subtitles");  // missing kind
  EXPECT_EQ(v->tracks[2].kind, "metadata");   // invalid kind
  EXPECT_EQ(v->caption_tracks().size(), 2u);

  const MediaItem* a = inv.by_id("a1");
  EXPECT_TRUE(a->audio_only);
  EXPECT_EQ(a->sources.front(), "https://malmo.se/ljud/podd.mp3");
  EXPECT_EQ(a->name, "Malmöpodden avsnitt 12");

  const MediaItem* yt = inv.by_id("yt");
  EXPECT_EQ(yt->kind, MediaKind::Player);
  EXPECT_EQ(yt->player->id, "youtube");
  EXPECT_EQ(yt->sources.front().rfind("https://www.youtube-nocookie.com/", 0), 0u);
  EXPECT_EQ(yt->cc_load_policy, "1");
  EXPECT_EQ(yt->cc_lang_pref, "sv");
  EXPECT_TRUE(yt->autoplay);
  EXPECT_FALSE(yt->muted);

  const MediaItem* vimeo = inv.by_id("vimeo");
  EXPECT_EQ(vimeo->player->id, "vimeo");
  EXPECT_TRUE(vimeo->muted);
  EXPECT_FALSE(vimeo->cc_load_policy.has_value());
  EXPECT_EQ(vimeo->name, "");

  EXPECT_EQ(inv.by_id("sp")->player->id, "microsoft-stream");
  EXPECT_EQ(inv.by_id("t23")->player->id, "twentythree");
  EXPECT_EQ(inv.by_id("obj")->kind, MediaKind::Object);
  EXPECT_FALSE(inv.by_id("obj")->audio_only);
  EXPECT_TRUE(inv.by_id("emb")->audio_only);
  EXPECT_TRUE(inv.by_id("l1")->audio_only);
  EXPECT_EQ(inv.by_id("l2")->kind, MediaKind::Link);
}

TEST(MediaInventory, LocalFilesAndNoBase) {
  Inventory inv = inventory("<video src='a.mp4'></video><iframe src='//player.vimeo.com/video/1'></iframe>", "stdin:");
  ASSERT_EQ(inv.items.size(), 2u);
  EXPECT_EQ(inv.items[0].sources.front(), "a.mp4");
  EXPECT_EQ(inv.items[1].sources.front(), "https://player.vimeo.com/video/1");
}

TEST(MediaInventory, ConsentPlaceholdersKeepThePlayerInDataSrc) {
  Inventory inv = inventory(R"(<iframe src="about:blank" data-src="https://www.youtube.com/embed/x"></iframe>
    <iframe data-src="https://player.vimeo.com/video/2"></iframe>
    <iframe src="https://karta.malmo.se/" data-src="https://www.youtube.com/embed/y"></iframe>)", "https://malmo.se/");
  ASSERT_EQ(inv.items.size(), 2u);
  EXPECT_EQ(inv.items[0].player->id, "youtube");
  EXPECT_EQ(inv.items[1].player->id, "vimeo");
}

TEST(MediaInventory, NearbyEvidenceStaysWithItsOwnClip) {
  Inventory inv = inventory(R"(<main>
    <div><video id="a" src="a.mp4"></video><p><a href="/a-syntolkad">Syntolkad version</a></p></div>
    <div><video id="b" src="b.mp4"></video><p>Ingen länk här.</p></div>
    <video id="c" src="c.mp4"></video><p><a href="/c-text">Textversion</a></p><video id="d" src="d.mp4"></video>
  </main>)", "https://malmo.se/");
  auto ad = find_nearby(*inv.by_id("a"), Alternative::AudioDescription);
  ASSERT_TRUE(ad);
  EXPECT_EQ(ad->keyword, "syntolk");
  EXPECT_EQ(ad->text, "Syntolkad version");
  EXPECT_FALSE(find_nearby(*inv.by_id("b"), Alternative::AudioDescription));
  EXPECT_TRUE(find_nearby(*inv.by_id("c"), Alternative::Transcript));
  EXPECT_FALSE(find_nearby(*inv.by_id("d"), Alternative::Transcript));
}

TEST(MediaInventory, Helpers) {
  EXPECT_EQ(query_param("https://y/embed/x?a=1&cc_load_policy=1#t", "cc_load_policy"), "1");
  EXPECT_FALSE(query_param("https://y/embed/x", "a"));
  bool audio = false;
  EXPECT_TRUE(is_media_file_url("/a/b.WAV?x", &audio));
  EXPECT_TRUE(audio);
  EXPECT_FALSE(is_media_file_url("/mp4/index.html"));
  EXPECT_FALSE(is_media_file_url("/a.mp4/"));
  EXPECT_TRUE(is_swedish("sv-SE"));
  EXPECT_TRUE(is_swedish(" SV "));
  EXPECT_FALSE(is_swedish("en"));
  EXPECT_FALSE(is_swedish(""));
}

}  // namespace
}  // namespace granska::media
