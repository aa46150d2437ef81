#include "html/refresh.h"

#include <gtest/gtest.h>

namespace granska::html {
namespace {

TEST(Refresh, DelayFollowsTheSharedDeclarativeRefreshSteps) {
  EXPECT_EQ(refresh_delay("0; url=https://malmo.se/"), 0);
  EXPECT_EQ(refresh_delay("  30"), 30);
  EXPECT_EQ(refresh_delay("5.9, https://malmo.se/"), 5);
  EXPECT_EQ(refresh_delay(".5; x"), 0);
  EXPECT_FALSE(refresh_delay("0: https://malmo.se/").has_value());
  EXPECT_FALSE(refresh_delay("+72001").has_value());
  EXPECT_FALSE(refresh_delay("; 72001").has_value());
  EXPECT_FALSE(refresh_delay("foo").has_value());
  EXPECT_GT(*refresh_delay("99999999999999999999"), 72000);
}

TEST(Refresh, FirstValidDeclarationWins) {
  auto doc = Document::parse(
      "<head><meta http-equiv=refresh content='0: x'><meta http-equiv=' Refresh ' content='30' id=b>"
      "<meta http-equiv=refresh content='0'></head>");
  auto r = first_refresh(*doc);
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->meta, doc->element_by_id("b"));
  EXPECT_EQ(r->delay, 30);
  EXPECT_FALSE(first_refresh(*Document::parse("<meta content=5>")).has_value());
}

}  // namespace
}  // namespace granska::html
