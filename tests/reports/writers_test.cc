#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>

#include "engine/evaluate.h"
#include "html/dom.h"
#include "reports/page/report.h"
#include "reports/common/terminal_escape.h"

namespace granska::reports {
namespace {

TEST(TerminalEscape, ControlCharactersBecomeVisible) {
  EXPECT_EQ(escape_for_terminal("a\x1b[31mb"), "a\\x1B[31mb");
  EXPECT_EQ(escape_for_terminal("tab\there\nnl\x7f"), "tab\\x09here\\x0Anl\\x7F");
  EXPECT_EQ(escape_for_terminal("c1:\xC2\x9B" "31m"), "c1:\\x9B31m");  // U+009B is CSI too
  EXPECT_EQ(escape_for_terminal("åäö – ok"), "åäö – ok");
}

const engine::Message kMsg{"m", {"text {0}", "text {0}"}};
const engine::RuleInfo kInfo{.id = "w-test",
                             .title = {"Titel", "Title"},
                             .description = {"Beskrivning", "Description"},
                             .help = {"Åtgärda", "Fix it"},
                             .criteria = {engine::sc("1.1.1"), engine::sc("1.4.6")},
                             .impact = engine::Impact::Moderate,
                             .messages = {&kMsg}};

class WriterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    registry.add(rule);
    page.target = page.url = "file:///x.html";
    page.decoded.encoding = "utf-8";
    page.notes.push_back(Error{"3 invalid bytes", "3 ogiltiga byte"});
  }
  engine::Rule rule{kInfo, [](engine::Context& ctx, engine::Reporter& out) {
                      for (const html::Node* e : ctx.doc.elements()) {
                        if (e->is("img")) out.failed(e, kMsg, {std::string(e->attr("alt").value_or(""))});
                      }
                    }};
  engine::Registry registry;
  std::unique_ptr<html::Document> doc =
      html::Document::parse("<img alt='</script>&quot;\"&amp;' src=x><img alt='\xff\xfe bad'>");
  input::Page page;
};

TEST_F(WriterTest, JsonStaysValidWithHostileAndInvalidText) {
  auto ev = engine::evaluate(*doc, page.url, registry);
  std::ostringstream out;
  write_json(out, PageReport{page, ev}, Options{});
  auto j = nlohmann::json::parse(out.str());
  ASSERT_EQ(j["findings"].size(), 2u);
  EXPECT_EQ(j["findings"][0]["message"], "text </script>\"\"&");
  EXPECT_EQ(j["findings"][0]["criteria"][1]["en_301_549"], nullptr);  // AAA
  EXPECT_EQ(j["page"]["notes"][0], "3 ogiltiga byte");
  EXPECT_EQ(j["summary"]["rules"]["failed"], 1);
}

TEST_F(WriterTest, TextGroupsByCriterionAndCountsOutcomes) {
  auto ev = engine::evaluate(*doc, page.url, registry);
  std::ostringstream out;
  write_text(out, PageReport{page, ev}, Options{Lang::En, false, false});
  std::string s = out.str();
  EXPECT_NE(s.find("1.1.1 Non-text Content — level A, EN 301 549 9.1.1.1"), std::string::npos) << s;
  EXPECT_NE(s.find("[moderate] w-test: text </script>\"\"&"), std::string::npos) << s;
  EXPECT_NE(s.find("How to fix: Fix it"), std::string::npos);
  EXPECT_NE(s.find("Note: 3 invalid bytes"), std::string::npos);
  // Grouped (the default since the report for people): both images have the same problem
  // but different arguments, so two groups; the summary comes first.
  EXPECT_NE(s.find("Summary: 2 failed, 0 warnings (best practice), 0 need manual review. Of 1 rule that applied"),
            std::string::npos) << s;
  EXPECT_LT(s.find("Summary:"), s.find("1.1.1 Non-text Content — level A"));
  EXPECT_NE(s.find("https://www.w3.org/TR/WCAG21/#non-text-content"), std::string::npos) << s;
}

TEST_F(WriterTest, TextAllIsTheFlatListWithTheSummaryLast) {
  auto ev = engine::evaluate(*doc, page.url, registry);
  std::ostringstream out;
  Options o{Lang::En, false, false};
  o.all = true;
  write_text(out, PageReport{page, ev}, o);
  std::string s = out.str();
  EXPECT_NE(s.find("Summary: 2 failed, 0 warnings (best practice), 0 need manual review, 0 passed. 1 rule run"),
            std::string::npos) << s;
  EXPECT_GT(s.find("Summary:"), s.find("1.1.1 Non-text Content — level A"));
}

TEST_F(WriterTest, ColourOnlyWhenAsked) {
  auto ev = engine::evaluate(*doc, page.url, registry);
  std::ostringstream plain, coloured;
  write_text(plain, PageReport{page, ev}, Options{Lang::Sv, false, false});
  write_text(coloured, PageReport{page, ev}, Options{Lang::Sv, true, false});
  EXPECT_EQ(plain.str().find('\x1b'), std::string::npos);
  EXPECT_NE(coloured.str().find("\x1b[31m"), std::string::npos);
}

}  // namespace
}  // namespace granska::reports
