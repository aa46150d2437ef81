// A crawl's settings as stored with its scan: which earlier page reports can stand in a
// later crawl (the 304 path of --since-db and of a database's next scan).
#include "scan/crawl_settings.h"

#include <gtest/gtest.h>

#include "reports/page/report.h"

namespace granska::scan {
namespace {

CrawlSettings json_crawl(bool show_passed) {
  CrawlSettings s;
  s.seeds = {"http://127.0.0.1:1/"};
  s.format = "json";
  s.show_passed = show_passed;
  return s;
}

TEST(CrawlSettings, JsonLayoutSurvivesTheDatabase) {
  for (bool passed : {false, true}) {
    Result<CrawlSettings> back = crawl_settings_from_json(to_json(json_crawl(passed)));
    ASSERT_TRUE(back);
    EXPECT_EQ(back->show_passed, passed);
    EXPECT_EQ(back->json_schema, reports::kJsonSchemaVersion);
    EXPECT_TRUE(same_output(*back, json_crawl(passed)));
    EXPECT_FALSE(same_output(*back, json_crawl(!passed)));
  }
}

TEST(CrawlSettings, ReportsOfAnOlderSchemaAreNotReusedInJson) {
  // What a release before schema 2 stored: no show_passed, no json_schema.
  std::string old = to_json(json_crawl(false));
  for (const char* key : {"\"show_passed\":false,", "\"json_schema\":2,"}) {
    const std::size_t at = old.find(key);
    ASSERT_NE(at, std::string::npos) << old;
    old.erase(at, std::string(key).size());
  }
  Result<CrawlSettings> back = crawl_settings_from_json(old);
  ASSERT_TRUE(back);
  EXPECT_EQ(back->json_schema, 1);
  EXPECT_FALSE(same_output(*back, json_crawl(false)));
  EXPECT_FALSE(same_output(*back, json_crawl(true)));
  // Text output has no schema: an older text crawl still stands.
  CrawlSettings text_old = *back, text_now = json_crawl(false);
  text_old.format = text_now.format = "text";
  EXPECT_TRUE(same_output(text_old, text_now));
  text_now.lang = "en";
  EXPECT_FALSE(same_output(text_old, text_now));
}

}  // namespace
}  // namespace granska::scan
