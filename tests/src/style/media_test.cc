// Media queries against the environment granska styles pages for.
#include "style/media.h"

#include <gtest/gtest.h>

namespace granska::style {
namespace {

struct MediaCase {
  const char* query;
  bool matches;
};

class CssMedia : public ::testing::TestWithParam<MediaCase> {};

TEST_P(CssMedia, Evaluates) { EXPECT_EQ(media_matches(GetParam().query, {}), GetParam().matches) << GetParam().query; }

INSTANTIATE_TEST_SUITE_P(CssMediaQueries, CssMedia,
                         ::testing::Values(MediaCase{"", true}, MediaCase{"all", true}, MediaCase{"SCREEN", true},
                                           MediaCase{"print", false}, MediaCase{"not print", true},
                                           MediaCase{"screen, print", true}, MediaCase{"speech", false},
                                           MediaCase{"screen and (max-width: 600px)", false},
                                           MediaCase{"only screen and (min-width:768px)", true},
                                           MediaCase{"(min-width: 40em)", true},
                                           MediaCase{"(max-width: 79.99em)", false},
                                           MediaCase{"(width >= 600px)", true},
                                           MediaCase{"(400px < width < 1300px)", true},
                                           MediaCase{"(width < 1024px)", false},
                                           MediaCase{"(1024px > width)", false},
                                           MediaCase{"(orientation: landscape)", true},
                                           MediaCase{"(min-aspect-ratio: 16/10)", true},
                                           MediaCase{"(prefers-reduced-motion: reduce)", false},
                                           MediaCase{"(prefers-color-scheme: dark)", false},
                                           MediaCase{"(hover)", true},
                                           MediaCase{"not (hover)", false},
                                           MediaCase{"(scripting: enabled)", true},
                                           MediaCase{"(min-resolution: 2dppx)", false},
                                           MediaCase{"(-webkit-min-device-pixel-ratio: 1)", true},
                                           MediaCase{"(banana: 1)", false},
                                           MediaCase{"not (banana: 1)", false},
                                           MediaCase{"screen and (min-width: 1px) and (max-width: 2000px)", true},
                                           MediaCase{"(max-width: 600px) or (min-width: 1000px)", true},
                                           MediaCase{"(a) and (b) or (c)", false},
                                           MediaCase{"screen and", false}, MediaCase{"and", false}));

TEST(CssMedia, OtherEnvironments) {
  Environment phone;
  phone.viewport_width = 390;
  phone.viewport_height = 844;
  phone.coarse_pointer = true;
  EXPECT_TRUE(media_matches("(max-width: 600px) and (orientation: portrait)", phone));
  EXPECT_FALSE(media_matches("(hover: hover)", phone));
  Environment rotated;
  rotated.portrait_override = true;
  EXPECT_TRUE(media_matches("(orientation: portrait)", rotated));
  EXPECT_TRUE(media_matches("(min-width: 1000px)", rotated));  // only the orientation changed
  bool unknown = false;
  EXPECT_FALSE(media_matches("(min-banana: 2)", {}, &unknown));
  EXPECT_TRUE(unknown);
  EXPECT_TRUE(mentions_orientation("screen and (ORIENTATION: portrait)"));
  EXPECT_FALSE(mentions_orientation("(min-width: 1px)"));
}

}  // namespace
}  // namespace granska::style
