// The HTML result page (check --format html, granska serve): escaping, what it shows first,
// the web app's additions, and that granska's own rules find nothing wrong with it.
#include "reports/page/result_page.h"

#include <gtest/gtest.h>

#include <sstream>

#include "engine/evaluate.h"
#include "html/dom.h"

namespace granska::reports {
namespace {

using engine::Outcome;

results::PageRow hostile_page() {
  results::PageRow page;
  page.url = page.final_url = "https://example.se/<script>alert(1)</script>";
  page.title = "Sida </title><script>alert(2)</script>";
  page.rule_outcomes = {{"image-alt", Outcome::Failed}, {"link-text-generic", Outcome::CantTell}};
  for (int i = 0; i < 5; ++i) {
    results::FindingRow f;
    f.rule = "image-alt";
    f.outcome = Outcome::Failed;
    f.message_id = "no-name";
    f.selector = "main > img:nth-of-type(" + std::to_string(i + 1) + ")";
    f.line = static_cast<std::uint32_t>(10 + i);
    f.column = 1;
    f.snippet = "<img src=\"x\" onerror=\"alert(3)\">";
    page.findings.push_back(f);
  }
  results::FindingRow link;
  link.rule = "link-text-generic";
  link.outcome = Outcome::CantTell;
  link.message_id = "generic-check-context";
  link.args = {"<b>Läs mer</b>"};
  link.selector = "p > a";
  link.snippet = "<a href=\"javascript:alert(4)\">Läs mer</a>";
  page.findings.push_back(link);
  return page;
}

std::string render(const results::PageRow& page, Lang lang, const ResultPageApp* app = nullptr) {
  const PageSummary s = summarize(page, engine::Registry::builtin(), *org::find_profile("wcag21-aa"));
  std::ostringstream out;
  Options o;
  o.lang = lang;
  write_result_page(out, page, s, "2026-12-07 14:03 UTC", o, app);
  return out.str();
}

TEST(ResultPage, EverythingFromThePageIsEscaped) {
  const std::string html = render(hostile_page(), Lang::Sv);
  EXPECT_EQ(html.find("<script"), std::string::npos) << html;
  EXPECT_EQ(html.find("onerror=\""), std::string::npos);
  EXPECT_EQ(html.find("href=\"javascript:"), std::string::npos);
  EXPECT_NE(html.find("&lt;script&gt;alert(2)"), std::string::npos);
  EXPECT_NE(html.find("&lt;img src=&quot;x&quot; onerror=&quot;alert(3)&quot;&gt;"), std::string::npos);
  EXPECT_NE(html.find("&lt;b&gt;Läs mer&lt;/b&gt;"), std::string::npos);
}

TEST(ResultPage, SummaryFirstThenGroupsWithLinksToTheCriterion) {
  const std::string html = render(hostile_page(), Lang::Sv);
  EXPECT_NE(html.find("<html lang=\"sv\">"), std::string::npos);
  const auto summary = html.find("<h2 id=\"sammanfattning\">Sammanfattning</h2>");
  const auto details = html.find("<h2 id=\"detaljer\">");
  ASSERT_NE(summary, std::string::npos);
  ASSERT_NE(details, std::string::npos);
  EXPECT_LT(summary, details);
  EXPECT_NE(html.find("<span class=\"n\">5</span> underkända"), std::string::npos) << html;
  EXPECT_NE(html.find("<caption id=\"per-kriterium\">Per kriterium</caption>"), std::string::npos);
  EXPECT_NE(html.find("href=\"#k-1-1-1\""), std::string::npos);
  EXPECT_NE(html.find("Samma problem på 5\u00a0bilder"), std::string::npos) << html;
  EXPECT_NE(html.find("<details><summary>Visa alla 5\u00a0bilder</summary>"), std::string::npos) << html;
  EXPECT_NE(html.find("https://www.w3.org/Translations/WCAG21-sv/#non-text-content"), std::string::npos);
  EXPECT_NE(html.find("EN 301 549 avsnitt 9.1.1.1 (PDF)"), std::string::npos);
  EXPECT_NE(html.find("Så åtgärdar du:"), std::string::npos);
  EXPECT_NE(html.find("Den som inte ser bilden"), std::string::npos);  // why it matters
  // No app: no form, no permanent link.
  EXPECT_EQ(html.find("<form"), std::string::npos);
  EXPECT_EQ(html.find("Permanent länk"), std::string::npos);
  EXPECT_EQ(html.find("<script"), std::string::npos);
}

TEST(ResultPage, InEnglish) {
  const std::string html = render(hostile_page(), Lang::En);
  EXPECT_NE(html.find("<html lang=\"en\">"), std::string::npos);
  EXPECT_NE(html.find("The same problem on 5 images"), std::string::npos);
  EXPECT_NE(html.find("https://www.w3.org/TR/WCAG21/#non-text-content"), std::string::npos);
}

TEST(ResultPage, TheWebAppsAdditions) {
  results::PageRow before = hostile_page();
  results::PageRow after = hostile_page();
  after.findings.erase(after.findings.begin());
  const CheckChanges changes = compare_checks(before, after, engine::Registry::builtin(), *org::find_profile("wcag21-aa"));
  ResultPageApp app;
  app.home_href = "/";
  app.lang_switch_href = "/r/abc?lang=en";
  app.permalink = "https://granska.malmo.se/r/abc";
  app.kept_until = "2027-01-06";
  app.recheck_action = "/r/abc/igen";
  app.changes = &changes;
  app.previous_href = "/r/old";
  app.previous_checked = "2026-12-01 10:00 UTC";
  const std::string html = render(after, Lang::Sv, &app);
  EXPECT_NE(html.find("<a href=\"https://granska.malmo.se/r/abc\">https://granska.malmo.se/r/abc</a> (sparas till 2027-01-06)"),
            std::string::npos);
  EXPECT_NE(html.find("<form method=\"post\" action=\"/r/abc/igen\">"), std::string::npos);
  EXPECT_NE(html.find("lang=\"en\" hreflang=\"en\">In English</a>"), std::string::npos);
  EXPECT_NE(html.find("Vad har ändrats?"), std::string::npos);
  EXPECT_NE(html.find("1\u00a0åtgärdat, 0\u00a0nya, 5\u00a0kvar"), std::string::npos) << html;
  EXPECT_LT(html.find("Vad har ändrats?"), html.find("id=\"detaljer\""));
}

// The page is a public document: granska's own rules must find no failure and no warning.
TEST(ResultPage, GranskasOwnRulesFindNothingWrong) {
  results::PageRow before = hostile_page();
  const CheckChanges changes = compare_checks(before, before, engine::Registry::builtin(), *org::find_profile("wcag21-aa"));
  ResultPageApp app;
  app.home_href = "/";
  app.lang_switch_href = "/r/abc?lang=en";
  app.permalink = "https://granska.malmo.se/r/abc";
  app.recheck_action = "/r/abc/igen";
  app.changes = &changes;
  app.previous_href = "/r/old";
  const ResultPageApp* none = nullptr;
  const ResultPageApp* with_app = &app;
  for (const ResultPageApp* a : {none, with_app}) {
    for (Lang lang : {Lang::Sv, Lang::En}) {
      const std::string html = render(before, lang, a);
      auto doc = html::Document::parse(html);
      auto ev = engine::evaluate(*doc, "https://granska.malmo.se/r/abc", engine::Registry::builtin());
      for (const engine::RuleResult& r : ev.rules) {
        EXPECT_NE(r.outcome, Outcome::Failed) << r.rule->info.id << (a ? " (app)" : "");
      }
    }
  }
}

TEST(ResultPage, DisplayTime) {
  EXPECT_EQ(display_time("2026-12-07T14:03:05Z"), "2026-12-07 14:03 UTC");
  EXPECT_EQ(display_time("igår"), "igår");
}

}  // namespace
}  // namespace granska::reports
