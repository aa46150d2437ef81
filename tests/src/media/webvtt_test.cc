#include "media/webvtt.h"

#include <gtest/gtest.h>

#include <random>

#include "support/test_paths.h"

namespace granska::media {
namespace {

TEST(WebVtt, ParsesHeaderCuesIdentifiersSettingsAndNotes) {
  VttFile f = parse_webvtt(testing::read_fixture("media/tracks/bygglov.sv.vtt"));
  EXPECT_TRUE(f.ok()) << (f.problems.empty() ? "" : f.problems.front().detail);
  EXPECT_TRUE(f.has_header);
  EXPECT_EQ(f.header, "- Så fungerar bygglov");
  ASSERT_EQ(f.cues.size(), 3u);
  EXPECT_EQ(f.cues[0].id, "1");
  EXPECT_EQ(f.cues[0].line, 4u);
  EXPECT_DOUBLE_EQ(f.cues[0].start, 1.0);
  EXPECT_DOUBLE_EQ(f.cues[0].end, 4.0);
  EXPECT_EQ(f.cues[1].settings, "line:90%");
  EXPECT_EQ(f.cues[2].id, "");
  EXPECT_DOUBLE_EQ(f.cues[2].start, 62.25);
  EXPECT_EQ(f.cues[2].text, "[musik]");
}

TEST(WebVtt, AcceptsBomCrlfAndCrAndHours) {
  VttFile f = parse_webvtt("\xEF\xBB\xBFWEBVTT\r\n\r\n01:00:00.000 --> 01:00:01.500\r\nHej\r\nrad två\r\n");
  ASSERT_TRUE(f.ok());
  ASSERT_EQ(f.cues.size(), 1u);
  EXPECT_DOUBLE_EQ(f.cues[0].start, 3600.0);
  EXPECT_EQ(f.cues[0].text, "Hej\nrad två");
  VttFile cr = parse_webvtt("WEBVTT\r\r00:01.000 --> 00:02.000\rHej\r");
  EXPECT_TRUE(cr.ok());
  EXPECT_EQ(cr.cues.size(), 1u);
}

TEST(WebVtt, MissingHeaderIsReportedOnLineOne) {
  VttFile f = parse_webvtt(testing::read_fixture("media/tracks/invalid.vtt"));
  EXPECT_FALSE(f.has_header);
  ASSERT_NE(f.first(VttProblemKind::NoHeader), nullptr);
  EXPECT_EQ(f.first(VttProblemKind::NoHeader)->line, 1u);
  // The SRT-style timing (comma) is malformed too.
  ASSERT_NE(f.first(VttProblemKind::BadTiming), nullptr);
  EXPECT_EQ(f.first(VttProblemKind::BadTiming)->line, 2u);
  EXPECT_FALSE(parse_webvtt("WEBVTTX\n").has_header);
  EXPECT_FALSE(parse_webvtt("").has_header);
  EXPECT_TRUE(parse_webvtt("WEBVTT\tkommentar\n").has_header);
}

TEST(WebVtt, NoCuesAndOutOfOrder) {
  VttFile empty = parse_webvtt(testing::read_fixture("media/tracks/no-cues.vtt"));
  EXPECT_TRUE(empty.has_header);
  ASSERT_NE(empty.first(VttProblemKind::NoCues), nullptr);
  EXPECT_EQ(empty.problems.size(), 1u);

  VttFile order = parse_webvtt(testing::read_fixture("media/tracks/out-of-order.vtt"));
  ASSERT_NE(order.first(VttProblemKind::OutOfOrder), nullptr);
  EXPECT_EQ(order.first(VttProblemKind::OutOfOrder)->line, 6u);
  EXPECT_EQ(order.cues.size(), 2u);
}

TEST(WebVtt, MalformedTimingsWithLineNumbers) {
  VttFile f = parse_webvtt(
      "WEBVTT\n\n00:01.000 --> 00:00.500\nbakvänd\n\n00:61.000 --> 00:62.000\nfel sekunder\n\n"
      "00:01.00 --> 00:02.000\nför få decimaler\n\n00:01.000-->00:02.000\nutan mellanslag\n\n"
      "bara text utan tid\n");
  ASSERT_NE(f.first(VttProblemKind::EndBeforeStart), nullptr);
  EXPECT_EQ(f.first(VttProblemKind::EndBeforeStart)->line, 3u);
  int bad = 0;
  for (const VttProblem& p : f.problems) {
    if (p.kind == VttProblemKind::BadTiming) ++bad;
  }
  EXPECT_EQ(bad, 4);
  EXPECT_EQ(f.cues.size(), 1u);  // only the backwards one parsed
}

TEST(WebVtt, Timestamps) {
  double s = 0;
  EXPECT_TRUE(parse_vtt_timestamp("00:00.000", s));
  EXPECT_TRUE(parse_vtt_timestamp("123:59:59.999", s));
  EXPECT_NEAR(s, 123 * 3600 + 59 * 60 + 59.999, 1e-6);
  for (const char* bad : {"0:00.000", "00:00", "00:00.0000", "00:60.000", "1:00:00.000", "aa:bb.ccc", "", ".000",
                          "00::00.000", "00:00.00a"}) {
    EXPECT_FALSE(parse_vtt_timestamp(bad, s)) << bad;
  }
}

TEST(WebVtt, NotUtf8IsReported) {
  VttFile f = parse_webvtt("WEBVTT\n\n00:00.000 --> 00:01.000\nH\xE4" "j\n");
  EXPECT_NE(f.first(VttProblemKind::BadEncoding), nullptr);
}

TEST(WebVtt, RandomBytesNeverCrash) {
  std::mt19937 rng(20261123);
  const std::string alphabet = std::string("WEBVT\n\r -->0123456789:.\xEF\xBB\xBF" "abcNOTE") + std::string(1, '\0');
  for (int i = 0; i < 3000; ++i) {
    std::string s;
    std::size_t n = rng() % 200;
    if (i % 2) s = "WEBVTT\n\n";
    for (std::size_t k = 0; k < n; ++k) {
      s += i % 3 ? alphabet[rng() % alphabet.size()] : static_cast<char>(rng() & 0xFF);
    }
    VttFile f = parse_webvtt(s);
    EXPECT_TRUE(f.ok() || !f.problems.empty());
    for (const Cue& c : f.cues) EXPECT_GE(c.line, 1u);
  }
}

}  // namespace
}  // namespace granska::media
