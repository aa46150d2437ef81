// Swedish local time from stored UTC: winter, summer, both switches, day and year ends.
#include "util/local_time.h"

#include <gtest/gtest.h>

namespace granska {
namespace {

TEST(StockholmTime, WinterIsUtcPlusOne) {
  EXPECT_EQ(stockholm_time("2026-11-23T02:00:05Z"), "2026-11-23 03:00");
  EXPECT_EQ(stockholm_time("2026-01-15T12:34Z"), "2026-01-15 13:34");
}

TEST(StockholmTime, SummerIsUtcPlusTwo) {
  EXPECT_EQ(stockholm_time("2026-07-01T10:00:00Z"), "2026-07-01 12:00");
}

TEST(StockholmTime, SwitchesAtOneUtcOnTheLastSundays) {
  // 2026: last Sunday of March is the 29th, of October the 25th.
  EXPECT_EQ(stockholm_time("2026-03-29T00:59:59Z"), "2026-03-29 01:59");
  EXPECT_EQ(stockholm_time("2026-03-29T01:00:00Z"), "2026-03-29 03:00");
  EXPECT_EQ(stockholm_time("2026-10-25T00:59:00Z"), "2026-10-25 02:59");
  EXPECT_EQ(stockholm_time("2026-10-25T01:00:00Z"), "2026-10-25 02:00");
  // 2027: March 28, October 31 (a month ending on a Sunday).
  EXPECT_EQ(stockholm_time("2027-03-28T01:00:00Z"), "2027-03-28 03:00");
  EXPECT_EQ(stockholm_time("2027-10-31T00:30:00Z"), "2027-10-31 02:30");
  EXPECT_EQ(stockholm_time("2027-10-31T01:30:00Z"), "2027-10-31 02:30");
}

TEST(StockholmTime, CrossesDayAndYearEnds) {
  EXPECT_EQ(stockholm_time("2026-12-31T23:30:00Z"), "2027-01-01 00:30");
  EXPECT_EQ(stockholm_time("2028-02-28T23:00:00Z"), "2028-02-29 00:00");  // leap year
  EXPECT_EQ(stockholm_time("2026-06-30T22:15:00Z"), "2026-07-01 00:15");
}

TEST(StockholmTime, AnythingElseIsNotATime) {
  for (const char* s : {"", "2026-11-23", "2026-11-23 02:00:05", "2026-13-01T00:00:00Z", "2026-11-23T24:00:00Z",
                        "abcd-ef-ghTij:kl:mnZ", "2026-11-23T02:00:05+01:00"}) {
    EXPECT_FALSE(stockholm_time(s)) << s;
  }
  EXPECT_EQ(stockholm_time_or_raw("okänd"), "okänd");
}

}  // namespace
}  // namespace granska
