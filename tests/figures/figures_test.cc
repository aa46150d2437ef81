#include <gtest/gtest.h>

#include "org/profile.h"
#include "figures/aliases.h"
#include "figures/figures.h"
#include "figures/trend.h"
#include "tests/figures/scan_fixture.h"

namespace granska::figures {
namespace {

using testing::fixture_map;
using testing::fixture_source;

class FiguresTest : public ::testing::Test {
 protected:
  org::OrgMap map = fixture_map();
  testing::MemoryScanSource src = fixture_source();
  const org::Profile& profile = *org::find_profile("dos-review");
  RuleIndex rules{engine::Registry::builtin(), &profile};

  std::size_t crit(std::string_view number) {
    auto it = std::find(rules.criteria().begin(), rules.criteria().end(), number);
    return static_cast<std::size_t>(it - rules.criteria().begin());
  }
};

TEST_F(FiguresTest, RunningScansAreNotReported) {
  auto scans = src.complete_scans();
  ASSERT_EQ(scans.size(), 2u);
  EXPECT_EQ(scans.back().id, 2);
}

TEST_F(FiguresTest, CountsPerUnit) {
  UnitResolver units(&map);
  ScanFigures f = aggregate_scan(src, src.complete_scans().back(), rules, units, nullptr);
  ASSERT_EQ(f.units.size(), 3u);
  const UnitFigures& ks = f.units[0];
  EXPECT_EQ(ks.pages, 2u);  // the start page and the PDF
  EXPECT_EQ(ks.html_pages, 1u);
  EXPECT_EQ(ks.pages_without_failures, 0u);
  EXPECT_EQ(ks.failures, 2u);
  EXPECT_EQ(ks.criteria_with_failures(), 2u);
  EXPECT_EQ(ks.failures_by_criterion[crit("1.1.1")], 1u);
  EXPECT_EQ(ks.failures_by_criterion[crit("2.4.2")], 1u);
  EXPECT_EQ(ks.media, 1u);
  EXPECT_EQ(ks.media_needing_work, 1u);
  EXPECT_EQ(ks.documents, 1u);
  ASSERT_EQ(ks.worst_pages.size(), 1u);
  EXPECT_EQ(ks.worst_pages[0].url, "https://example.se/");
  EXPECT_EQ(ks.worst_pages[0].failures, 2u);

  const UnitFigures& sbn = f.units[1];
  EXPECT_EQ(sbn.pages, 2u);
  EXPECT_EQ(sbn.html_pages, 2u);
  EXPECT_EQ(sbn.pages_without_failures, 1u);
  EXPECT_EQ(sbn.failures, 1u);
  EXPECT_EQ(sbn.pages_by_criterion[crit("1.1.1")], 1u);

  const UnitFigures& bolag = f.units[2];
  EXPECT_EQ(bolag.failures, 0u);
  EXPECT_EQ(bolag.pages_without_failures, 1u);
  EXPECT_EQ(bolag.warnings, 1u);  // heading-order is best practice: not a failure
  EXPECT_EQ(bolag.cant_tell, 1u);

  EXPECT_EQ(f.total.pages, 5u);
  EXPECT_EQ(f.total.failures, 3u);
  EXPECT_EQ(f.total.worst_pages.size(), 2u);
}

TEST_F(FiguresTest, PageLevelFailureWithoutElementFindingStillFailsThePage) {
  results::PageRow p = testing::html_page("https://example.se/x", "kommunstyrelsen", "X");
  p.rule_outcomes = {{"page-title", engine::Outcome::Failed}};
  Aggregator agg(rules);
  agg.add_page(p, 0);
  ScanFigures f = agg.take({}, 1);
  EXPECT_EQ(f.units[0].pages_without_failures, 0u);
  EXPECT_EQ(f.units[0].pages_by_criterion[crit("2.4.2")], 1u);
}

TEST_F(FiguresTest, RulesOutsideTheProfileAndUnknownRulesDoNotCount) {
  results::PageRow p = testing::html_page("https://example.se/x", "kommunstyrelsen", "X");
  p.findings = {testing::failed("no-such-rule", "m", "div"), testing::failed("text-contrast-enhanced", "m", "p")};
  Aggregator agg(rules);
  agg.add_page(p, 0);
  ScanFigures f = agg.take({}, 1);
  EXPECT_EQ(f.units[0].failures, 0u);
  EXPECT_EQ(f.units[0].pages_without_failures, 1u);
}

TEST_F(FiguresTest, WithoutAMapTheStoredUnitIsUsed) {
  UnitResolver units(nullptr);
  ScanFigures f = aggregate_scan(src, src.complete_scans().back(), rules, units, nullptr);
  ASSERT_EQ(units.units().size(), 3u);
  EXPECT_EQ(units.units()[0].id, "bolaget");  // first met in URL order
  EXPECT_EQ(f.units[0].warnings, 1u);
}

TEST(StatusTest, Thresholds) {
  UnitFigures f;
  f.failures_by_criterion.assign(5, 0);
  EXPECT_EQ(status_of(f, {}), Status::NotAssessed);
  f.html_pages = 100;
  f.pages_without_failures = 90;
  EXPECT_EQ(status_of(f, {}), Status::Satisfactory);  // 90 % is enough by default
  f.pages_without_failures = 89;
  EXPECT_EQ(status_of(f, {}), Status::Partial);
  f.pages_without_failures = 60;
  EXPECT_EQ(status_of(f, {}), Status::Partial);
  f.pages_without_failures = 59;
  EXPECT_EQ(status_of(f, {}), Status::Unsatisfactory);

  StatusThresholds t;
  t.satisfactory_max_failed_criteria = 1;
  t.partial_max_failed_criteria = 2;
  f.pages_without_failures = 95;
  f.failures_by_criterion = {1, 0, 0, 0, 0};
  EXPECT_EQ(status_of(f, t), Status::Satisfactory);
  f.failures_by_criterion = {1, 1, 0, 0, 0};
  EXPECT_EQ(status_of(f, t), Status::Partial);
  f.failures_by_criterion = {1, 1, 1, 0, 0};
  EXPECT_EQ(status_of(f, t), Status::Unsatisfactory);

  EXPECT_EQ(label(Status::Satisfactory).sv, "Ja, tillfredsställande");
  EXPECT_EQ(label(Status::Partial).sv, "Delvis, förbättringsområde");
  EXPECT_EQ(label(Status::Unsatisfactory).sv, "Nej, behöver ses över omgående");
  EXPECT_EQ(label(Status::Unsatisfactory).en, "No, needs attention immediately");
}

TEST_F(FiguresTest, TrendBetweenTwoScans) {
  UnitResolver units(&map);
  KeyCollector k1, k2;
  auto scans = src.complete_scans();
  aggregate_scan(src, scans[0], rules, units, &k1);
  aggregate_scan(src, scans[1], rules, units, &k2);
  std::vector<Trend> t = compare(k1, k2, 3);
  ASSERT_EQ(t.size(), 4u);
  EXPECT_EQ(t[0].added, 1u);  // page-title on /
  EXPECT_EQ(t[0].fixed, 1u);  // link-name on /
  EXPECT_EQ(t[0].remaining, 1u);  // image-alt img.a
  EXPECT_EQ(t[1].added, 1u);
  EXPECT_EQ(t[1].fixed, 1u);
  EXPECT_EQ(t[1].remaining, 0u);
  EXPECT_EQ(t[2].added + t[2].fixed + t[2].remaining, 0u);
  EXPECT_EQ(t[3].added, 2u);
  EXPECT_EQ(t[3].fixed, 2u);
  EXPECT_EQ(t[3].remaining, 1u);
}

TEST(TrendTest, DuplicateKeysAreCountedAsAMultiset) {
  KeyCollector a, b;
  a.add(7, 1, 0);
  a.add(7, 1, 0);
  b.add(7, 1, 0);
  b.add_checked_page(1);
  auto t = compare(a, b, 1);
  EXPECT_EQ(t[0].fixed, 1u);
  EXPECT_EQ(t[0].remaining, 1u);
  EXPECT_EQ(t[0].added, 0u);
}

TEST(TrendTest, KeyPartsDoNotRunTogether) {
  EXPECT_NE(finding_key("ab", "c", "", ""), finding_key("a", "bc", "", ""));
  EXPECT_EQ(finding_key("u", "r", "s", "m"), finding_key("u", "r", "s", "m"));
}

TEST_F(FiguresTest, DiffListsNewAndFixedFindings) {
  auto d = diff(src, 1, 2, engine::Registry::builtin(), Lang::Sv);
  ASSERT_TRUE(d.ok()) << d.error().message;
  EXPECT_EQ(d->total.added, 2u);
  EXPECT_EQ(d->total.fixed, 2u);
  EXPECT_EQ(d->total.remaining, 1u);
  ASSERT_EQ(d->added.size(), 2u);
  EXPECT_EQ(d->added[0].page_url, "https://example.se/");
  EXPECT_EQ(d->added[0].rule, "page-title");
  EXPECT_EQ(d->added[0].message, "Sidan saknar titel (<title>).");
  EXPECT_EQ(d->added[1].selector, "img.c");
  ASSERT_EQ(d->fixed.size(), 2u);
  EXPECT_EQ(d->fixed[0].rule, "link-name");
  EXPECT_EQ(d->fixed[1].page_url, "https://example.se/bygga/ansok");
  EXPECT_FALSE(diff(src, 1, 3, engine::Registry::builtin(), Lang::Sv).ok());  // 3 is still running
}

// With the configuration (granska diff --config) the figures are the report's: units by
// the map, with their names, and only rules of the profile's criteria.
TEST_F(FiguresTest, DiffWithTheConfigurationCountsAsTheReport) {
  auto d = diff(src, 1, 2, engine::Registry::builtin(), Lang::En, &map, &profile);
  ASSERT_TRUE(d.ok()) << d.error().message;
  ASSERT_EQ(d->units.size(), 3u);
  EXPECT_EQ(d->units[0].id, "kommunstyrelsen");
  EXPECT_EQ(d->units[0].name, "City Executive Board");
  EXPECT_EQ(d->units[0].trend.added, 1u);
  EXPECT_EQ(d->units[0].trend.fixed, 1u);
  EXPECT_EQ(d->units[0].trend.remaining, 1u);
  EXPECT_EQ(d->units[1].name, "City Planning Committee");
  EXPECT_EQ(d->units[1].trend.added, 1u);
  EXPECT_EQ(d->units[1].trend.fixed, 1u);
  EXPECT_EQ(d->units[2].trend.added + d->units[2].trend.fixed + d->units[2].trend.remaining, 0u);
  ASSERT_EQ(d->added.size(), 2u);
  EXPECT_EQ(d->added[1].unit, "stadsbyggnadsnamnden") << "assigned by the map";
  auto plain = diff(src, 1, 2, engine::Registry::builtin(), Lang::En);
  ASSERT_TRUE(plain.ok());
  EXPECT_EQ(plain->units[0].name, plain->units[0].id) << "without a map the id is all there is";
}

TEST(TrendTest, AFailureOnAPageNotCheckedAgainIsNotFixed) {
  KeyCollector a, b;
  a.add(7, 1, 0);  // page 1: checked again, failure gone -> fixed
  a.add(8, 2, 0);  // page 2: not in the later scan -> not checked again
  b.add_checked_page(1);
  auto t = compare(a, b, 1);
  EXPECT_EQ(t[0].fixed, 1u);
  EXPECT_EQ(t[0].not_rechecked, 1u);
  EXPECT_EQ(t[1].not_rechecked, 1u) << "total";
}

// One night the planning committee's page could not be fetched (500): its failure is
// neither fixed nor remaining, in the figures and in diff's list of fixed failures.
TEST_F(FiguresTest, APageThatFailedToLoadIsNotCheckedAgain) {
  testing::MemoryScan s4 = src.scans[1];
  s4.info = testing::scan_info(4, "2026-11-22T02:00:00Z");
  for (results::PageRow& p : s4.pages) {
    if (p.url == "https://example.se/bygga/") {
      p.kind = "failed";
      p.status = 500;
      p.findings.clear();
    }
  }
  src.scans.push_back(s4);
  auto d = diff(src, 2, 4, engine::Registry::builtin(), Lang::Sv, &map, &profile);
  ASSERT_TRUE(d.ok()) << d.error().message;
  EXPECT_EQ(d->units[1].id, "stadsbyggnadsnamnden");
  EXPECT_EQ(d->units[1].trend.fixed, 0u);
  EXPECT_EQ(d->units[1].trend.not_rechecked, 1u);
  EXPECT_EQ(d->total.fixed, 0u);
  EXPECT_EQ(d->total.not_rechecked, 1u);
  EXPECT_TRUE(d->fixed.empty());
  EXPECT_EQ(d->units[0].trend.remaining, 2u);

  // The next night the page is back: its failure is not new either.
  testing::MemoryScan s5 = src.scans[1];
  s5.info = testing::scan_info(5, "2026-11-29T02:00:00Z");
  src.scans.push_back(s5);
  auto back = diff(src, 4, 5, engine::Registry::builtin(), Lang::Sv, &map, &profile);
  ASSERT_TRUE(back.ok()) << back.error().message;
  EXPECT_EQ(back->units[1].trend.added, 0u);
  EXPECT_EQ(back->units[1].trend.not_checked_before, 1u);
  EXPECT_TRUE(back->added.empty());
}

// ---- One page under several URLs (figures/aliases.h; decision 0013) ------------------

namespace {

results::PageIdentity ident(std::string url, std::string sha, std::string final_url = "", std::string canonical = "",
                            std::string kind = "html") {
  results::PageIdentity p;
  p.url = std::move(url);
  p.final_url = final_url.empty() ? p.url : std::move(final_url);
  p.kind = std::move(kind);
  p.canonical = std::move(canonical);
  p.content_sha256 = std::move(sha);
  return p;
}

}  // namespace

TEST(AliasTest, SameBodyOnTheSameHostIsOnePage) {
  AliasIndex a = AliasIndex::build({{ident("https://malmo.se/index.html", "aa"), 0}, {ident("https://malmo.se/", "aa"), 0}});
  EXPECT_EQ(a.size(), 1u);
  EXPECT_EQ(a.alias_of("https://malmo.se/"), nullptr) << "the shortest URL counts";
  const Alias* x = a.alias_of("https://malmo.se/index.html");
  ASSERT_NE(x, nullptr);
  EXPECT_EQ(x->primary, "https://malmo.se/");
  EXPECT_EQ(x->reason, AliasReason::SameContent);
}

TEST(AliasTest, SameBodyElsewhereOrInAnotherUnitIsNot) {
  // Another host (a copy on the company's site), another port, another unit, no hash.
  AliasIndex a = AliasIndex::build({{ident("https://malmo.se/", "aa"), 0},
                                    {ident("https://bolaget.se/", "aa"), 0},
                                    {ident("https://malmo.se:8443/", "aa"), 0},
                                    {ident("https://malmo.se/kopia", "aa"), 1},
                                    {ident("https://malmo.se/x", ""), 0},
                                    {ident("https://malmo.se/y", ""), 0}});
  EXPECT_EQ(a.size(), 0u);
}

TEST(AliasTest, SameFinalUrlAfterRedirects) {
  AliasIndex a = AliasIndex::build({{ident("https://malmo.se/gammal", "aa", "https://malmo.se/ny"), 0},
                                    {ident("https://malmo.se/ny", "bb"), 0}});
  const Alias* x = a.alias_of("https://malmo.se/gammal");
  ASSERT_NE(x, nullptr) << "the bodies differ (fetched at different moments), the address is the same";
  EXPECT_EQ(x->primary, "https://malmo.se/ny");
  EXPECT_EQ(x->reason, AliasReason::SameFinalUrl);
}

TEST(AliasTest, CanonicalTargetIsThePrimaryEvenWhenLonger) {
  AliasIndex a = AliasIndex::build(
      {{ident("https://malmo.se/a", "aa", "", "https://malmo.se/artikel/lang-adress"), 0},
       {ident("https://malmo.se/artikel/lang-adress", "bb"), 0},
       {ident("https://malmo.se/b", "cc", "", "https://malmo.se/finns-inte"), 0},   // target not in the scan
       {ident("https://malmo.se/c", "dd", "", "https://malmo.se/c"), 0}});          // itself
  ASSERT_EQ(a.size(), 1u);
  const Alias* x = a.alias_of("https://malmo.se/a");
  ASSERT_NE(x, nullptr);
  EXPECT_EQ(x->primary, "https://malmo.se/artikel/lang-adress");
  EXPECT_EQ(x->reason, AliasReason::Canonical);
}

TEST(AliasTest, GroupsAreTransitiveAndOnlyHtmlTakesPart) {
  AliasIndex a = AliasIndex::build({{ident("https://malmo.se/", "aa"), 0},
                                    {ident("https://malmo.se/index.html", "aa"), 0},
                                    {ident("https://malmo.se/index.html?utm=x", "bb", "https://malmo.se/index.html"), 0},
                                    {ident("https://malmo.se/fil.pdf", "aa", "", "", "document"), 0}});
  EXPECT_EQ(a.size(), 2u);
  ASSERT_NE(a.alias_of("https://malmo.se/index.html?utm=x"), nullptr);
  EXPECT_EQ(a.alias_of("https://malmo.se/index.html?utm=x")->primary, "https://malmo.se/");
  EXPECT_EQ(a.alias_of("https://malmo.se/fil.pdf"), nullptr);
}

// The rule changes the figures: / and /index.html with the same failing body are one page
// with its failures once, so the unit's share and status are the page's own.
TEST_F(FiguresTest, AnAliasCountsNeitherAsAPageNorItsFailures) {
  auto scans = src.complete_scans();
  testing::MemoryScan& s2 = src.scans[1];
  results::PageRow start = s2.pages[0];
  ASSERT_EQ(start.url, "https://example.se/");
  start.content_sha256 = std::string(64, 'a');
  s2.pages[0].content_sha256 = start.content_sha256;
  start.url = start.final_url = "https://example.se/index.html";
  s2.pages.push_back(start);
  results::PageRow blocked = testing::html_page("https://example.se/intern/", "kommunstyrelsen", "");
  blocked.kind = "blocked";
  blocked.status = 0;
  s2.pages.push_back(blocked);
  UnitResolver units(&map);
  KeyCollector keys;
  ScanFigures f = aggregate_scan(src, scans[1], rules, units, &keys);
  const UnitFigures& ks = f.units[0];
  EXPECT_EQ(ks.html_pages, 1u) << "/ and /index.html are one page";
  EXPECT_EQ(ks.aliases, 1u);
  EXPECT_EQ(ks.failures, 2u) << "the failures of / once, not twice";
  EXPECT_EQ(ks.blocked, 1u);
  EXPECT_EQ(ks.not_checkable(), 1u);
  EXPECT_EQ(ks.pages, 4u) << "every record is still a page record";
  EXPECT_EQ(keys.sorted().size(), 3u) << "the trend sees the page once too";
}

TEST_F(FiguresTest, PagesTestedPerCriterionAndTheReviewMark) {
  UnitResolver units(&map);
  ScanFigures f = aggregate_scan(src, src.complete_scans().back(), rules, units, nullptr);
  const UnitFigures& sbn = f.units[1];
  // /bygga/ fails image-alt (a finding), /bygga/ansok passes it (an outcome): both tested.
  EXPECT_EQ(sbn.pages_tested_by_criterion[crit("1.1.1")], 2u);
  EXPECT_EQ(sbn.pages_by_criterion[crit("1.1.1")], 1u);
  const auto coverage = org::profile_coverage(engine::Registry::builtin(), profile);
  EXPECT_EQ(review_mark(sbn, crit("1.1.1"), coverage[crit("1.1.1")].coverage, {}), ReviewMark::No);  // 50 %
  StatusThresholds lenient;
  lenient.partial_min_share = 0.5;
  EXPECT_EQ(review_mark(sbn, crit("1.1.1"), coverage[crit("1.1.1")].coverage, lenient), ReviewMark::Partly);
  lenient.satisfactory_min_share = 0.5;
  EXPECT_EQ(review_mark(sbn, crit("1.1.1"), coverage[crit("1.1.1")].coverage, lenient), ReviewMark::Yes);
  EXPECT_EQ(review_mark(sbn, crit("2.4.2"), coverage[crit("2.4.2")].coverage, {}), ReviewMark::NotTested)
      << "no page-title outcome stored for the unit: nothing was tested";
  EXPECT_EQ(review_mark(sbn, crit("3.3.2"), org::Coverage::Partial, {}), ReviewMark::NotTested);
  const UnitFigures& bolag = f.units[2];
  EXPECT_EQ(bolag.cant_tell_by_criterion[crit("1.1.1")], 1u);
}

TEST(StatusTest, WhatItTakesToReachTheNextLevel) {
  UnitFigures f = empty_figures(3);
  EXPECT_FALSE(gap_to(f, Status::Partial, {}).assessed);
  f.html_pages = 10;
  f.pages_without_failures = 3;
  f.failures_by_criterion = {4, 1, 2};
  StatusThresholds t;  // 60 % and 90 %
  EXPECT_EQ(gap_to(f, Status::Partial, t).pages, 3u);
  EXPECT_EQ(gap_to(f, Status::Satisfactory, t).pages, 6u);
  EXPECT_EQ(gap_to(f, Status::Satisfactory, t).criteria, 0u) << "no criteria limit";
  t.satisfactory_max_failed_criteria = 1;
  EXPECT_EQ(gap_to(f, Status::Satisfactory, t).criteria, 2u);
  // Closing the gap reaches the level, one page fewer does not.
  for (Status target : {Status::Partial, Status::Satisfactory}) {
    for (std::size_t html : {std::size_t{7}, std::size_t{10}, std::size_t{33}, std::size_t{101}, std::size_t{1000}}) {
      for (std::size_t without : {std::size_t{0}, std::size_t{1}, html / 2, html - 1}) {
        UnitFigures g = empty_figures(1);
        g.html_pages = html;
        g.pages_without_failures = without;
        const StatusGap gap = gap_to(g, target, {});
        const auto rank = [](Status s) { return s == Status::Satisfactory ? 2 : s == Status::Partial ? 1 : 0; };
        g.pages_without_failures = without + gap.pages;
        EXPECT_GE(rank(status_of(g, {})), rank(target)) << html << " " << without;
        if (gap.pages > 0) {
          g.pages_without_failures -= 1;
          EXPECT_LT(rank(status_of(g, {})), rank(target)) << html << " " << without;
        }
      }
    }
  }
  f.pages_without_failures = 10;
  f.failures_by_criterion = {0, 0, 0};
  EXPECT_TRUE(gap_to(f, Status::Satisfactory, {}).reached());
}

TEST(StatusTest, OverviewPutsWhatToActOnFirst) {
  std::vector<UnitFigures> u(5, empty_figures(1));
  u[0].failures = 5;
  u[1].failures = 50;
  u[2].failures = 1;
  u[3].failures = 9;
  u[4].failures = 0;
  const std::vector<Status> s{Status::Partial, Status::Unsatisfactory, Status::Satisfactory, Status::Unsatisfactory,
                              Status::NotAssessed};
  EXPECT_EQ(overview_order(s, u), (std::vector<std::size_t>{1, 3, 0, 2, 4}));
}

}  // namespace
}  // namespace granska::figures
