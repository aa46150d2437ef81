#include "crawl/robots.h"

#include <gtest/gtest.h>

#include <string>

#include "url/url.h"

namespace granska::crawl {
namespace {

constexpr const char* kUs = "granska";

// RFC 9309 §5.1, the example file.
constexpr const char* kRfcExample =
    "User-Agent: *\n"
    "Disallow: *.gif$\n"
    "Disallow: /example/\n"
    "Allow: /publications/\n"
    "\n"
    "User-Agent: foobot\n"
    "Disallow:/\n"
    "Allow:/example/page.html\n"
    "Allow:/example/allowed.gif\n"
    "\n"
    "User-Agent: barbot\n"
    "User-Agent: bazbot\n"
    "Disallow: /example/page.html\n"
    "\n"
    "User-Agent: quxbot\n"
    "\n"
    "EOF\n";

// Allowed for a single pair of rules, as in Google's precedence table.
bool allowed_by(std::string rules, std::string_view path) {
  return Robots::parse("user-agent: *\n" + rules, kUs).allowed(path);
}

// --- RFC 9309 §5.1 ---------------------------------------------------------------------

TEST(RobotsRfc, FoobotGroup) {
  const Robots r = Robots::parse(kRfcExample, "foobot");
  EXPECT_TRUE(r.allowed("/example/page.html"));
  EXPECT_TRUE(r.allowed("/example/allowed.gif"));
  EXPECT_FALSE(r.allowed("/"));
  EXPECT_FALSE(r.allowed("/publications/"));
  EXPECT_FALSE(r.allowed("/example/other.html"));
}

TEST(RobotsRfc, SeveralUserAgentLinesShareOneGroup) {
  for (const char* bot : {"barbot", "bazbot", "BazBot"}) {
    const Robots r = Robots::parse(kRfcExample, bot);
    EXPECT_FALSE(r.allowed("/example/page.html")) << bot;
    EXPECT_TRUE(r.allowed("/example/")) << bot;  // their group, not "*"
    EXPECT_TRUE(r.allowed("/x.gif")) << bot;
  }
}

TEST(RobotsRfc, EmptyGroupAllowsEverything) {
  const Robots r = Robots::parse(kRfcExample, "quxbot");
  EXPECT_TRUE(r.rules().empty());
  EXPECT_TRUE(r.allowed("/example/page.html"));
  EXPECT_TRUE(r.allowed("/a.gif"));
}

TEST(RobotsRfc, OthersFollowTheStarGroup) {
  const Robots r = Robots::parse(kRfcExample, kUs);
  EXPECT_FALSE(r.allowed("/example/page.html"));
  EXPECT_FALSE(r.allowed("/images/logo.gif"));
  EXPECT_FALSE(r.allowed("/example/allowed.gif"));
  EXPECT_TRUE(r.allowed("/images/logo.gif?v=2"));  // "$" anchors the end
  EXPECT_TRUE(r.allowed("/publications/"));
  EXPECT_TRUE(r.allowed("/"));
}

TEST(RobotsRfc, GroupsForOneAgentAreMerged) {  // §2.2.1
  const Robots r = Robots::parse(
      "user-agent: granska\ndisallow: /foo\ndisallow: /bar\n\n"
      "user-agent: other\ndisallow: /\n\n"
      "user-agent: Granska\ndisallow: /baz\n",
      kUs);
  EXPECT_FALSE(r.allowed("/foo"));
  EXPECT_FALSE(r.allowed("/bar"));
  EXPECT_FALSE(r.allowed("/baz"));
  EXPECT_TRUE(r.allowed("/qux"));
}

TEST(RobotsRfc, OurGroupBeatsStarWhateverTheOrder) {
  const Robots r = Robots::parse(
      "user-agent: *\ndisallow: /\n\nuser-agent: GRANSKA\nallow: /\ndisallow: /privat\n", kUs);
  EXPECT_TRUE(r.allowed("/sida"));
  EXPECT_FALSE(r.allowed("/privat/x"));
}

TEST(RobotsRfc, ProductTokenIsMatchedNotSubstring) {
  const std::string body = "user-agent: granska-beta\ndisallow: /a\n\n"
                           "user-agent: granskabot\ndisallow: /b\n\n"
                           "user-agent: granska/2.0 (+https://malmo.se)\ndisallow: /c\n\n"
                           "user-agent: *\ndisallow: /d\n";
  const Robots r = Robots::parse(body, kUs);
  EXPECT_TRUE(r.allowed("/a"));
  EXPECT_TRUE(r.allowed("/b"));
  EXPECT_FALSE(r.allowed("/c"));
  EXPECT_TRUE(r.allowed("/d"));  // a group of ours exists, so "*" is not used
  // Our own token may be given with a version too.
  EXPECT_FALSE(Robots::parse(body, "granska/0.1").allowed("/c"));
}

TEST(RobotsRfc, NoMatchingGroupAndNoStarMeansNoRules) {
  const Robots r = Robots::parse("user-agent: otherbot\ndisallow: /\n", kUs);
  EXPECT_TRUE(r.allowed("/anything"));
  EXPECT_TRUE(Robots::parse("", kUs).allowed("/"));
}

TEST(RobotsRfc, RulesBeforeAnyUserAgentAreIgnored) {
  const Robots r = Robots::parse("disallow: /\nuser-agent: *\ndisallow: /x\n", kUs);
  EXPECT_TRUE(r.allowed("/"));
  EXPECT_FALSE(r.allowed("/x"));
}

TEST(RobotsRfc, BlankLinesDoNotEndGroups) {
  const Robots r = Robots::parse("user-agent: granska\n\n\ndisallow: /x\n", kUs);
  EXPECT_FALSE(r.allowed("/x"));
}

TEST(RobotsRfc, UserAgentAfterRulesStartsANewGroup) {
  const Robots r = Robots::parse(
      "user-agent: granska\ndisallow: /a\nuser-agent: other\ndisallow: /b\n", kUs);
  EXPECT_FALSE(r.allowed("/a"));
  EXPECT_TRUE(r.allowed("/b"));
}

TEST(RobotsRfc, RobotsTxtIsAlwaysAllowed) {
  const Robots r = Robots::parse("user-agent: *\ndisallow: /\n", kUs);
  EXPECT_TRUE(r.allowed("/robots.txt"));
  EXPECT_FALSE(r.allowed("/robots.txt.bak"));
  EXPECT_TRUE(Robots::disallow_all().allowed("/robots.txt"));
}

TEST(RobotsRfc, PercentEncodingTable) {  // §2.2.2
  EXPECT_FALSE(allowed_by("disallow: /foo/bar?baz=quz\n", "/foo/bar?baz=quz"));
  EXPECT_FALSE(allowed_by("disallow: /foo/bar/%E3%83%84\n", "/foo/bar/ツ"));
  EXPECT_FALSE(allowed_by("disallow: /foo/bar/%E3%83%84\n", "/foo/bar/%e3%83%84"));
  EXPECT_FALSE(allowed_by("disallow: /foo/bar/ツ\n", "/foo/bar/%E3%83%84"));
  EXPECT_FALSE(allowed_by("disallow: /foo/bar/%62%61%7A\n", "/foo/bar/baz"));
}

TEST(RobotsRfc, SpecialCharactersEncodedAreLiteral) {  // §2.2.3
  EXPECT_FALSE(allowed_by("disallow: /path/file-with-a-%2A.html\n", "/path/file-with-a-*.html"));
  EXPECT_TRUE(allowed_by("disallow: /path/file-with-a-%2A.html\n", "/path/file-with-a-x.html"));
  EXPECT_FALSE(allowed_by("disallow: /path/foo-%24\n", "/path/foo-$"));
  EXPECT_TRUE(allowed_by("disallow: /path/foo-%24\n", "/path/foo-"));
  // A '$' that is not last is literal.
  EXPECT_FALSE(allowed_by("disallow: /a$b\n", "/a$b"));
  EXPECT_TRUE(allowed_by("disallow: /a$b\n", "/a"));
}

// --- Google's documented precedence and wildcard examples ------------------------------

TEST(RobotsGoogle, Precedence) {
  EXPECT_TRUE(allowed_by("allow: /p\ndisallow: /\n", "/page"));
  EXPECT_TRUE(allowed_by("allow: /folder\ndisallow: /folder\n", "/folder/page"));
  EXPECT_FALSE(allowed_by("allow: /page\ndisallow: /*.htm\n", "/page.htm"));
  EXPECT_TRUE(allowed_by("allow: /page\ndisallow: /*.ph\n", "/page.php5"));
  EXPECT_TRUE(allowed_by("allow: /$\ndisallow: /\n", "/"));
  EXPECT_FALSE(allowed_by("allow: /$\ndisallow: /\n", "/page.htm"));
}

TEST(RobotsGoogle, TieGoesToAllowWhateverTheOrder) {
  EXPECT_TRUE(allowed_by("disallow: /folder\nallow: /folder\n", "/folder/page"));
  EXPECT_TRUE(allowed_by("disallow: /*.x\nallow: /a.x\n", "/a.x"));
}

TEST(RobotsGoogle, PrefixFish) {
  for (const char* yes : {"/fish", "/fish.html", "/fish/salmon.html", "/fishheads",
                          "/fishheads/yummy.html", "/fish.php?id=anything"}) {
    EXPECT_FALSE(allowed_by("disallow: /fish\n", yes)) << yes;
    EXPECT_FALSE(allowed_by("disallow: /fish*\n", yes)) << yes;
  }
  for (const char* no : {"/Fish.asp", "/catfish", "/?id=fish", "/desert/fish"}) {
    EXPECT_TRUE(allowed_by("disallow: /fish\n", no)) << no;
    EXPECT_TRUE(allowed_by("disallow: /fish*\n", no)) << no;
  }
}

TEST(RobotsGoogle, TrailingSlash) {
  for (const char* yes : {"/fish/", "/fish/?id=anything", "/fish/salmon.htm"}) {
    EXPECT_FALSE(allowed_by("disallow: /fish/\n", yes)) << yes;
  }
  for (const char* no : {"/fish", "/fish.html", "/animals/fish/", "/Fish/Salmon.asp"}) {
    EXPECT_TRUE(allowed_by("disallow: /fish/\n", no)) << no;
  }
}

TEST(RobotsGoogle, StarPhp) {
  for (const char* yes : {"/index.php", "/filename.php", "/folder/filename.php",
                          "/folder/filename.php?parameters", "/folder/any.php.file.html",
                          "/filename.php/"}) {
    EXPECT_FALSE(allowed_by("disallow: /*.php\n", yes)) << yes;
  }
  for (const char* no : {"/", "/windows.PHP"}) {
    EXPECT_TRUE(allowed_by("disallow: /*.php\n", no)) << no;
  }
}

TEST(RobotsGoogle, StarPhpDollar) {
  for (const char* yes : {"/filename.php", "/folder/filename.php"}) {
    EXPECT_FALSE(allowed_by("disallow: /*.php$\n", yes)) << yes;
  }
  for (const char* no : {"/filename.php?parameters", "/filename.php/", "/filename.php5",
                         "/windows.PHP"}) {
    EXPECT_TRUE(allowed_by("disallow: /*.php$\n", no)) << no;
  }
}

TEST(RobotsGoogle, FishStarPhp) {
  EXPECT_FALSE(allowed_by("disallow: /fish*.php\n", "/fish.php"));
  EXPECT_FALSE(allowed_by("disallow: /fish*.php\n", "/fishheads/catfish.php?parameters"));
  EXPECT_TRUE(allowed_by("disallow: /fish*.php\n", "/Fish.PHP"));
}

TEST(RobotsGoogle, RootAndStarEquivalent) {
  EXPECT_FALSE(allowed_by("disallow: /\n", "/any/thing"));
  EXPECT_FALSE(allowed_by("disallow: /*\n", "/any/thing"));
  EXPECT_FALSE(allowed_by("disallow: /$\n", "/"));
  EXPECT_TRUE(allowed_by("disallow: /$\n", "/a"));
}

// --- Matching primitives ---------------------------------------------------------------

TEST(RobotsMatch, PatternMatcher) {
  EXPECT_TRUE(robots_pattern_matches("/", "/"));
  EXPECT_TRUE(robots_pattern_matches("", "/x"));
  EXPECT_TRUE(robots_pattern_matches("*", "/x"));
  EXPECT_TRUE(robots_pattern_matches("/a*b*c$", "/aXbYc"));
  EXPECT_FALSE(robots_pattern_matches("/a*b*c$", "/aXbYcZ"));
  EXPECT_TRUE(robots_pattern_matches("/a**b", "/ab"));
  EXPECT_TRUE(robots_pattern_matches("*.gif$", "/x/y.gif"));
  EXPECT_FALSE(robots_pattern_matches("/abc", "/ab"));
  EXPECT_TRUE(robots_pattern_matches("$", ""));
}

TEST(RobotsMatch, PathologicalPatternStaysFast) {
  // Many stars against a long non-matching path: must not go exponential.
  std::string pattern = "/";
  for (int i = 0; i < 200; ++i) pattern += "*a";
  pattern += "b$";
  const std::string path = "/" + std::string(4000, 'a');
  EXPECT_FALSE(robots_pattern_matches(pattern, path));
}

TEST(RobotsMatch, EmptyRulesHaveNoEffect) {
  const Robots r = Robots::parse("user-agent: *\ndisallow:\nallow:\n", kUs);
  EXPECT_TRUE(r.rules().empty());
  EXPECT_TRUE(r.allowed("/x"));
}

TEST(RobotsMatch, UrlOverload) {
  const Robots r = Robots::parse("user-agent: *\ndisallow: /*?sort=\ndisallow: /sök\n", kUs);
  EXPECT_FALSE(r.allowed(url::Url::parse("https://malmo.se/list?sort=asc").value()));
  EXPECT_TRUE(r.allowed(url::Url::parse("https://malmo.se/list?page=2").value()));
  EXPECT_TRUE(r.allowed(url::Url::parse("https://malmo.se").value()));
  EXPECT_FALSE(r.allowed(url::Url::parse("https://malmo.se/s%C3%B6k?q=x").value()));
}

// --- Robustness ------------------------------------------------------------------------

TEST(RobotsParse, BomCrlfCommentsCaseAndMissingColon) {
  const Robots r = Robots::parse(
      "\xEF\xBB\xBF# comment\r\n"
      "USER-AGENT : *   # trailing comment\r\n"
      "DisAllow:/a # x\r"
      "disallow /b\r\n"
      "nonsense line\r\n"
      ":::\r\n"
      "allow: /a/ok",
      kUs);
  EXPECT_FALSE(r.allowed("/a"));
  EXPECT_FALSE(r.allowed("/b"));
  EXPECT_TRUE(r.allowed("/a/ok"));
  EXPECT_TRUE(r.allowed("/c"));
}

TEST(RobotsParse, BinaryGarbage) {
  std::string junk;
  for (int i = 0; i < 5000; ++i) junk += static_cast<char>((i * 7919) % 256);
  const Robots r = Robots::parse(junk, kUs);
  EXPECT_TRUE(r.allowed("/"));
}

TEST(RobotsParse, HugeLineAndSizeLimit) {
  std::string body = "user-agent: *\ndisallow: /a\n";
  body += "disallow: /" + std::string(600 * 1024, 'x') + "\n";  // over the limit
  body += "disallow: /late\n";
  const Robots r = Robots::parse(body, kUs);
  EXPECT_TRUE(r.truncated());
  EXPECT_FALSE(r.allowed("/a"));
  EXPECT_TRUE(r.allowed("/late"));  // beyond 500 KiB: ignored
  EXPECT_TRUE(r.allowed("/xxx"));   // the cut line is dropped, not half-read
  EXPECT_FALSE(Robots::parse("user-agent: *\ndisallow: /a\n", kUs).truncated());
}

TEST(RobotsParse, CrawlDelay) {
  EXPECT_EQ(Robots::parse("user-agent: *\ncrawl-delay: 2.5\n", kUs).crawl_delay(), 2.5);
  EXPECT_EQ(Robots::parse("user-agent: *\ncrawl-delay: 10\n"
                          "user-agent: granska\ncrawl-delay: 1\n",
                          kUs)
                .crawl_delay(),
            1.0);
  EXPECT_FALSE(Robots::parse("user-agent: *\ncrawl-delay: soon\n", kUs).crawl_delay());
  EXPECT_FALSE(Robots::parse("user-agent: *\ncrawl-delay: -1\n", kUs).crawl_delay());
  EXPECT_FALSE(Robots::parse("user-agent: other\ncrawl-delay: 5\n", kUs).crawl_delay());
  // A crawl-delay between user-agent lines ends the run: the next line starts a group.
  const Robots r = Robots::parse(
      "user-agent: granska\ncrawl-delay: 3\nuser-agent: other\ndisallow: /\n", kUs);
  EXPECT_EQ(r.crawl_delay(), 3.0);
  EXPECT_TRUE(r.allowed("/x"));
}

TEST(RobotsParse, SitemapsCollectedFromAnywhere) {
  const Robots r = Robots::parse(
      "Sitemap: https://malmo.se/sitemap.xml\n"
      "user-agent: other\n"
      "sitemap:https://malmo.se/news.xml.gz\n"
      "disallow: /\n"
      "SITEMAP: https://malmo.se/x.xml # note\n"
      "sitemap:\n",
      kUs);
  ASSERT_EQ(r.sitemaps().size(), 3u);
  EXPECT_EQ(r.sitemaps()[0], "https://malmo.se/sitemap.xml");
  EXPECT_EQ(r.sitemaps()[1], "https://malmo.se/news.xml.gz");
  EXPECT_EQ(r.sitemaps()[2], "https://malmo.se/x.xml");
}

TEST(RobotsParse, SitemapLineDoesNotSplitAgentRun) {
  const Robots r = Robots::parse(
      "user-agent: other\nsitemap: https://a/s.xml\nuser-agent: granska\ndisallow: /x\n", kUs);
  EXPECT_FALSE(r.allowed("/x"));
}

// --- Status policy ---------------------------------------------------------------------

TEST(RobotsStatus, Policy) {
  EXPECT_EQ(robots_fetch_policy(200), RobotsFetchPolicy::Parse);
  EXPECT_EQ(robots_fetch_policy(204), RobotsFetchPolicy::Parse);
  EXPECT_EQ(robots_fetch_policy(404), RobotsFetchPolicy::AllowAll);
  EXPECT_EQ(robots_fetch_policy(401), RobotsFetchPolicy::AllowAll);
  EXPECT_EQ(robots_fetch_policy(403), RobotsFetchPolicy::AllowAll);
  EXPECT_EQ(robots_fetch_policy(410), RobotsFetchPolicy::AllowAll);
  EXPECT_EQ(robots_fetch_policy(429), RobotsFetchPolicy::DisallowAll);
  EXPECT_EQ(robots_fetch_policy(500), RobotsFetchPolicy::DisallowAll);
  EXPECT_EQ(robots_fetch_policy(503), RobotsFetchPolicy::DisallowAll);
  EXPECT_EQ(robots_fetch_policy(0), RobotsFetchPolicy::DisallowAll);  // unreachable
  EXPECT_EQ(robots_fetch_policy(301), RobotsFetchPolicy::DisallowAll);
}

TEST(RobotsStatus, FromFetch) {
  const char* body = "user-agent: *\ndisallow: /x\n";
  EXPECT_FALSE(Robots::from_fetch(200, body, kUs).allowed("/x"));
  EXPECT_TRUE(Robots::from_fetch(404, body, kUs).allowed("/x"));
  EXPECT_FALSE(Robots::from_fetch(503, body, kUs).allowed("/"));
  EXPECT_FALSE(Robots::from_fetch(0, "", kUs).allowed("/page"));
  EXPECT_TRUE(Robots::from_fetch(503, "", kUs).allowed("/robots.txt"));
}

}  // namespace
}  // namespace granska::crawl
