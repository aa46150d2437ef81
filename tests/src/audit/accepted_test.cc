// The accepted-issues file: parsing, clear errors naming the line, matching and expiry
// with an injected "today".
#include "audit/accepted.h"

#include <gtest/gtest.h>

namespace granska::audit {
namespace {

constexpr std::string_view kFile = R"(# Accepterade brister för e-tjänsten Parkeringstillstånd
[[accepted]]
rule = "image-alt"
url_prefix = "https://e.malmo.se/parkering/"
justification = "Logotypen byts i release 4.2"
expires = 2027-03-31
who = "Anna Andersson, stadskontoret"
ticket = "MALMO-1234"

[[accepted]]
rule = "button-name"
url = "https://e.malmo.se/parkering/steg-1"
selector = "#hjalp"
justification = "Hjälpknappen ersätts"
expires = "2026-12-31"
)";

TEST(AcceptedIssues, ParsesEntries) {
  Result<AcceptedList> list = parse_accepted(kFile, "accepted.toml");
  ASSERT_TRUE(list) << list.error().message;
  ASSERT_EQ(list->entries.size(), 2u);
  const AcceptedIssue& a = list->entries[0];
  EXPECT_EQ(a.rule, "image-alt");
  EXPECT_EQ(a.url_prefix, "https://e.malmo.se/parkering/");
  EXPECT_EQ(a.expires.iso(), "2027-03-31");
  EXPECT_EQ(a.who, "Anna Andersson, stadskontoret");
  EXPECT_EQ(a.ticket, "MALMO-1234");
  EXPECT_EQ(a.line, 2);
  EXPECT_EQ(list->entries[1].expires.iso(), "2026-12-31");  // the string form works too
  EXPECT_EQ(list->entries[1].selector, "#hjalp");
}

TEST(AcceptedIssues, ExpiryIsInclusiveAndTodayIsInjected) {
  Result<AcceptedList> list = parse_accepted(kFile, "accepted.toml");
  ASSERT_TRUE(list);
  const AcceptedIssue& a = list->entries[0];
  EXPECT_FALSE(a.expired(*parse_date("2027-03-31")));
  EXPECT_TRUE(a.expired(*parse_date("2027-04-01")));
  const std::string url = "https://e.malmo.se/parkering/start";
  EXPECT_EQ(list->match("image-alt", url, "img", *parse_date("2026-11-23")), 0);
  EXPECT_EQ(list->match("image-alt", url, "img", *parse_date("2028-01-01")), 0);  // matched, though expired
  EXPECT_EQ(list->match("image-alt", "https://e.malmo.se/annat", "img", *parse_date("2026-11-23")), -1);
  EXPECT_EQ(list->match("link-name", url, "img", *parse_date("2026-11-23")), -1);
  // Selector: only that element; an exact URL: only that page.
  EXPECT_EQ(list->match("button-name", "https://e.malmo.se/parkering/steg-1", "#hjalp", *parse_date("2026-11-23")), 1);
  EXPECT_EQ(list->match("button-name", "https://e.malmo.se/parkering/steg-1", "#annan", *parse_date("2026-11-23")), -1);
  EXPECT_EQ(list->match("button-name", "https://e.malmo.se/parkering/steg-12", "#hjalp", *parse_date("2026-11-23")), -1);
}

TEST(AcceptedIssues, AnUnexpiredMatchWinsOverAnExpiredOne) {
  Result<AcceptedList> list = parse_accepted(R"(
[[accepted]]
rule = "image-alt"
url_prefix = "https://e.malmo.se/"
justification = "gammal"
expires = 2025-01-31
[[accepted]]
rule = "image-alt"
url_prefix = "https://e.malmo.se/"
justification = "förlängd"
expires = 2027-01-31
)", "a.toml");
  ASSERT_TRUE(list);
  EXPECT_EQ(list->match("image-alt", "https://e.malmo.se/x", "", *parse_date("2026-06-01")), 1);
  EXPECT_EQ(list->match("image-alt", "https://e.malmo.se/x", "", *parse_date("2027-06-01")), 0);
}

void expect_error(std::string_view text, std::string_view needle_en, std::string_view line) {
  Result<AcceptedList> list = parse_accepted(text, "accepted.toml");
  ASSERT_FALSE(list) << text;
  EXPECT_NE(list.error().message.find(needle_en), std::string::npos) << list.error().message;
  EXPECT_NE(list.error().message.find(std::string("accepted.toml:") + std::string(line)), std::string::npos)
      << list.error().message;
  EXPECT_FALSE(list.error().message_sv.empty());
}

TEST(AcceptedIssues, MissingOrMalformedFieldsAreClearErrorsWithTheLine) {
  expect_error("\n[[accepted]]\nrule = \"image-alt\"\nurl = \"https://x/\"\nexpires = 2027-01-01\n", "justification", "2");
  expect_error("[[accepted]]\nrule = \"image-alt\"\nurl = \"https://x/\"\njustification = \"   \"\nexpires = 2027-01-01\n",
               "justification", "1");
  expect_error("[[accepted]]\nrule = \"image-alt\"\nurl = \"https://x/\"\njustification = \"j\"\n", "expires", "1");
  expect_error("[[accepted]]\nrule = \"image-alt\"\nurl = \"https://x/\"\njustification = \"j\"\nexpires = \"2027-02-30\"\n",
               "YYYY-MM-DD", "5");
  expect_error("[[accepted]]\nrule = \"image-alt\"\nurl = \"https://x/\"\njustification = \"j\"\nexpires = \"31/3 2027\"\n",
               "YYYY-MM-DD", "5");
  expect_error("[[accepted]]\nurl = \"https://x/\"\njustification = \"j\"\nexpires = 2027-01-01\n", "rule", "1");
  expect_error("[[accepted]]\nrule = \"image-alt\"\njustification = \"j\"\nexpires = 2027-01-01\n", "url_prefix", "1");
  expect_error("[[accepted]]\nrule = \"image-alt\"\nurl = \"https://x/\"\nurl_prefix = \"https://x/\"\njustification = \"j\"\n"
               "expires = 2027-01-01\n", "exactly one", "1");
  expect_error("[[accepted]]\nrule = \"image-alt\"\nurl = \"https://x/\"\njustification = \"j\"\nexpires = 2027-01-01\n"
               "motivering = \"typo\"\n", "unknown key", "6");
  expect_error("[[accepted]]\nrule = \"image-alt\"\nexpires = 2027-13-01\n", "not valid TOML", "3");
}

TEST(AcceptedIssues, UnknownRulesAreRefusedWhenAskedTo) {
  auto known = [](std::string_view id) { return id == "image-alt"; };
  Result<AcceptedList> list = parse_accepted(
      "[[accepted]]\nrule = \"imgae-alt\"\nurl = \"https://x/\"\njustification = \"j\"\nexpires = 2027-01-01\n", "a.toml", known);
  ASSERT_FALSE(list);
  EXPECT_NE(list.error().message.find("imgae-alt"), std::string::npos);
}

TEST(AcceptedIssues, Dates) {
  EXPECT_TRUE(parse_date("2028-02-29"));
  EXPECT_FALSE(parse_date("2027-02-29"));
  EXPECT_FALSE(parse_date("2027-00-10"));
  EXPECT_FALSE(parse_date("2027-1-10"));
  EXPECT_LT(*parse_date("2026-12-31"), *parse_date("2027-01-01"));
  EXPECT_EQ(today_utc().iso().size(), 10u);
}

}  // namespace
}  // namespace granska::audit
