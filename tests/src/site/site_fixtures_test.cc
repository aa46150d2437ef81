// The site step as part of the scheduled scan, against an in-memory web serving the
// fixture sites of fixtures/site/ (3.2.3, 3.2.4, 2.4.5: one deviating page each, found) and
// the same sites without the deviation (no finding), and the demo sites' statements.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>

#include "scan/scheduled_scan.h"
#include "site/messages.h"
#include "store/scan_source.h"
#include "support/fake_web.h"
#include "support/test_paths.h"

namespace granska::site {
namespace {

namespace fs = std::filesystem;
using engine::Outcome;
using granska::testing::FakeWeb;
using results::SiteCheck;

constexpr const char* kSite = "http://kommun.test";

class SiteFixtures : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("granska-site-" + std::to_string(::getpid()) + "-" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  // Serves fixtures/<dir> at `origin`; `swap` serves another file of it at a path.
  void serve(FakeWeb& web, const std::string& origin, const std::string& dir,
             const std::map<std::string, std::string>& swap = {}) {
    web.serve(origin + "/robots.txt", {200, "text/plain", "User-agent: *\nAllow: /\n"});
    for (const auto& e : fs::directory_iterator(granska::testing::fixture_path(dir))) {
      const std::string name = e.path().filename().string();
      if (e.path().extension() != ".html" || name.find(".consistent.") != std::string::npos) continue;
      auto s = swap.find(name);
      const std::string file = s == swap.end() ? name : s->second;
      std::string body = granska::testing::read_fixture(dir + "/" + file);
      web.serve_html(origin + "/" + name, body);
      if (name == "index.html") web.serve_html(origin + "/", body);
    }
  }

  // Runs the scheduled scan of `seeds` and returns its site results.
  struct Outcome_ {
    std::vector<results::SiteSummary> sites;
    std::vector<results::SiteFinding> findings;
    std::vector<std::string> said;
  };
  Outcome_ scan(FakeWeb& web, const std::vector<std::string>& seeds, const std::string& config_extra = "") {
    const std::string config = (dir_ / "test.toml").string();
    std::ofstream(config) << "delay_ms = 0\nfallback = \"ks\"\n" << config_extra
                          << "[[unit]]\nid = \"ks\"\nname_sv = \"Testkommunen\"\nname_en = \"Test Municipality\"\n"
                             "type = \"namnd\"\nhosts = [\"kommun.test\"]\n";
    std::vector<config::ConfigProblem> problems;
    const config::OrgConfig cfg = config::load_org_config(config, problems);
    EXPECT_TRUE(problems.empty()) << (problems.empty() ? "" : problems.front().en);
    std::unique_ptr<fetch::Transfers> network = web.transfers();
    std::unique_ptr<fetch::Fetcher> fetcher = web.fetcher();
    scan::ScheduledScan s;
    s.config_path = config;
    s.config = &cfg;
    s.seeds = seeds;
    s.db = (dir_ / "scan.db").string();
    s.reports = (dir_ / "rapporter").string();
    s.workers = 1;
    s.network = network.get();
    s.fetcher = fetcher.get();
    Outcome_ out;
    scan::ScanObserver observer;
    observer.say = [&](const std::string& line) { out.said.push_back(line); };
    observer.warn = [&](const Error& e) { ADD_FAILURE() << e.message; };
    const scan::ScheduledScanResult r = scan::run_scheduled_scan(s, observer);
    EXPECT_EQ(r.ended, scan::ScheduledScanResult::Ended::Done) << r.error.message;
    auto source = store::open_scan_source(s.db);
    EXPECT_TRUE(source.ok());
    if (!source) return out;
    out.sites = (*source)->sites(r.scan);
    (*source)->for_each_site_finding(r.scan, [&](const results::SiteFinding& f) { out.findings.push_back(f); });
    return out;
  }

  static std::vector<results::SiteFinding> of(const Outcome_& o, SiteCheck check) {
    std::vector<results::SiteFinding> out;
    for (const results::SiteFinding& f : o.findings) {
      if (f.check == check) out.push_back(f);
    }
    return out;
  }
  static const results::SiteCheckSummary& summary(const Outcome_& o, SiteCheck check) {
    static const results::SiteCheckSummary none;
    if (o.sites.empty()) return none;
    for (const results::SiteCheckSummary& c : o.sites.front().checks) {
      if (c.check == check) return c;
    }
    return none;
  }

  fs::path dir_;
};

TEST_F(SiteFixtures, ConsistentNavigationFindsTheOnePageWithItsMenuInAnotherOrder) {
  FakeWeb web;
  serve(web, kSite, "site/consistent-navigation");
  const Outcome_ r = scan(web, {std::string(kSite) + "/"});
  const auto found = of(r, SiteCheck::ConsistentNavigation);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].page_url, std::string(kSite) + "/kontakt.html");
  EXPECT_EQ(found[0].outcome, Outcome::Failed);
  EXPECT_EQ(found[0].unit, "ks");
  EXPECT_EQ(message_text(found[0].message_id, found[0].args, Lang::Sv),
            "I navigeringen ”Huvudmeny” kommer ”Skola” före ”Bygga och bo”; på 3 andra sidor är ordningen den omvända.");
  EXPECT_EQ(summary(r, SiteCheck::ConsistentNavigation).outcome, Outcome::Failed);
  EXPECT_TRUE(std::any_of(r.said.begin(), r.said.end(), [](const std::string& l) { return l.starts_with("webbplatsnivå: 1 webbplatser"); }));
}

TEST_F(SiteFixtures, ConsistentNavigationWithoutTheDeviationFindsNothing) {
  FakeWeb web;
  serve(web, kSite, "site/consistent-navigation", {{"kontakt.html", "kontakt.consistent.html"}});
  const Outcome_ r = scan(web, {std::string(kSite) + "/"});
  EXPECT_TRUE(of(r, SiteCheck::ConsistentNavigation).empty());
  EXPECT_EQ(summary(r, SiteCheck::ConsistentNavigation).outcome, Outcome::Passed);
  EXPECT_GE(summary(r, SiteCheck::ConsistentNavigation).tested, 2u) << "the header and the menu repeat";
}

TEST_F(SiteFixtures, ConsistentIdentificationFindsTheOneLinkNamedOtherwise) {
  FakeWeb web;
  serve(web, kSite, "site/consistent-identification");
  const Outcome_ r = scan(web, {std::string(kSite) + "/"});
  const auto found = of(r, SiteCheck::ConsistentIdentification);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].page_url, std::string(kSite) + "/skola.html");
  EXPECT_EQ(found[0].outcome, Outcome::Failed);
  EXPECT_EQ(message_text(found[0].message_id, found[0].args, Lang::Sv),
            "Länken till " + std::string(kSite) + "/kontakt.html i navigeringen ”Huvudmeny” heter ”Kundtjänst” här men "
            "”Kontakt” på 2 andra sidor.")
      << "kontakt.html's own link is left out";
}

TEST_F(SiteFixtures, ConsistentIdentificationWithoutTheDeviationFindsNothing) {
  FakeWeb web;
  serve(web, kSite, "site/consistent-identification", {{"skola.html", "skola.consistent.html"}});
  const Outcome_ r = scan(web, {std::string(kSite) + "/"});
  EXPECT_TRUE(of(r, SiteCheck::ConsistentIdentification).empty());
  EXPECT_EQ(summary(r, SiteCheck::ConsistentIdentification).outcome, Outcome::Passed);
}

TEST_F(SiteFixtures, MultipleWaysFindsThePageOnlyTheContentOfOnePageLeadsTo) {
  FakeWeb web;
  serve(web, kSite, "site/multiple-ways");
  const Outcome_ r = scan(web, {std::string(kSite) + "/"});
  const auto found = of(r, SiteCheck::MultipleWays);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].page_url, std::string(kSite) + "/bygglov.html");
  EXPECT_EQ(found[0].outcome, Outcome::CantTell) << "granska sees only what it crawled";
  EXPECT_EQ(found[0].args, std::vector<std::string>{"related"});
  EXPECT_NE(message_text(found[0].message_id, found[0].args, Lang::Sv)
                .find("hittades bara via länkar i andra sidors innehåll"),
            std::string::npos);
}

TEST_F(SiteFixtures, MultipleWaysWithTheSiteMapListingEveryPageFindsNothing) {
  FakeWeb web;
  serve(web, kSite, "site/multiple-ways", {{"webbplatskarta.html", "webbplatskarta.consistent.html"}});
  const Outcome_ r = scan(web, {std::string(kSite) + "/"});
  EXPECT_TRUE(of(r, SiteCheck::MultipleWays).empty());
  EXPECT_EQ(summary(r, SiteCheck::MultipleWays).outcome, Outcome::Passed);
  EXPECT_EQ(summary(r, SiteCheck::MultipleWays).tested, 4u) << "every page but the start page";
}

}  // namespace
}  // namespace granska::site
