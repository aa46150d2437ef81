#include "crawl/traps.h"
#include "url/url.h"

#include <gtest/gtest.h>

#include <iterator>
#include <string>
#include <utility>
#include <vector>

namespace granska::crawl {
namespace {

url::Url must_parse(std::string_view s) {
  auto r = url::Url::parse(s);
  EXPECT_TRUE(r.ok()) << s << ": " << (r.ok() ? "" : r.error().message);
  return r.ok() ? std::move(r).value() : std::move(url::Url::parse("http://invalid.test/")).value();
}

std::string norm(std::string_view s) { return must_parse(s).normalized(); }

// --- Parsing ---------------------------------------------------------------------------

TEST(UrlParse, AllComponents) {
  const url::Url u = must_parse("HTTPS://user:pw@Malmo.SE:8443/a/b;p?q=1&r#frag");
  EXPECT_EQ(u.scheme(), "https");
  EXPECT_TRUE(u.has_userinfo());
  EXPECT_EQ(u.userinfo(), "user:pw");
  EXPECT_EQ(u.host(), "Malmo.SE");
  EXPECT_EQ(u.port_text(), "8443");
  EXPECT_EQ(u.port(), 8443);
  EXPECT_EQ(u.path(), "/a/b;p");
  EXPECT_TRUE(u.has_query());
  EXPECT_EQ(u.query(), "q=1&r");
  EXPECT_TRUE(u.has_fragment());
  EXPECT_EQ(u.fragment(), "frag");
  EXPECT_EQ(u.str(), "https://user:pw@Malmo.SE:8443/a/b;p?q=1&r#frag");
}

TEST(UrlParse, MinimalAndDefaultPorts) {
  const url::Url a = must_parse("http://malmo.se");
  EXPECT_EQ(a.host(), "malmo.se");
  EXPECT_EQ(a.path(), "");
  EXPECT_FALSE(a.has_query());
  EXPECT_FALSE(a.has_fragment());
  EXPECT_FALSE(a.has_userinfo());
  EXPECT_EQ(a.port(), 80);
  EXPECT_EQ(must_parse("https://malmo.se/").port(), 443);
}

TEST(UrlParse, EmptyQueryAndFragmentAreNotAbsent) {
  const url::Url u = must_parse("http://a/?#");
  EXPECT_TRUE(u.has_query());
  EXPECT_EQ(u.query(), "");
  EXPECT_TRUE(u.has_fragment());
  EXPECT_EQ(u.fragment(), "");
}

TEST(UrlParse, QueryMayContainSlashesAndQuestionMarks) {
  const url::Url u = must_parse("http://a/p?x=/y?z#f?g/h");
  EXPECT_EQ(u.path(), "/p");
  EXPECT_EQ(u.query(), "x=/y?z");
  EXPECT_EQ(u.fragment(), "f?g/h");
}

TEST(UrlParse, AtSignInPathIsNotUserinfo) {
  const url::Url u = must_parse("http://a/b@c");
  EXPECT_FALSE(u.has_userinfo());
  EXPECT_EQ(u.host(), "a");
  EXPECT_EQ(u.path(), "/b@c");
}

TEST(UrlParse, LastAtSeparatesUserinfo) {
  const url::Url u = must_parse("http://a@b@host.se/");
  EXPECT_EQ(u.userinfo(), "a@b");
  EXPECT_EQ(u.host(), "host.se");
}

TEST(UrlParse, Ipv6Literals) {
  const url::Url a = must_parse("http://[::1]/x");
  EXPECT_EQ(a.host(), "[::1]");
  EXPECT_EQ(a.port(), 80);
  const url::Url b = must_parse("https://[2001:DB8::7]:8080/");
  EXPECT_EQ(b.host(), "[2001:DB8::7]");
  EXPECT_EQ(b.port(), 8080);
  EXPECT_EQ(b.normalized(), "https://[2001:db8::7]:8080/");
  EXPECT_EQ(must_parse("http://[::ffff:192.0.2.1]/").host(), "[::ffff:192.0.2.1]");
  EXPECT_FALSE(url::Url::parse("http://[::1/").ok());
  EXPECT_FALSE(url::Url::parse("http://[::1]x/").ok());
  EXPECT_FALSE(url::Url::parse("http://[zz]/").ok());
  EXPECT_FALSE(url::Url::parse("http://[]/").ok());
}

TEST(UrlParse, Ipv4Host) {
  const url::Url u = must_parse("http://192.0.2.16:8080/");
  EXPECT_EQ(u.host(), "192.0.2.16");
  EXPECT_EQ(u.port(), 8080);
}

TEST(UrlParse, IdnHostKeptAsGiven) {
  const url::Url u = must_parse("https://Malmö.se/");
  EXPECT_EQ(u.host(), "Malmö.se");
  EXPECT_EQ(u.normalized(), "https://malmö.se/");  // ASCII lowercased; no punycode
  EXPECT_EQ(norm("https://XN--MALM-8QA.SE/"), "https://xn--malm-8qa.se/");
}

TEST(UrlParse, Ports) {
  EXPECT_EQ(must_parse("http://a:65535/").port(), 65535);
  EXPECT_EQ(must_parse("http://a:/").port(), 80);  // empty port means default
  EXPECT_FALSE(url::Url::parse("http://a:65536/").ok());
  EXPECT_FALSE(url::Url::parse("http://a:8x/").ok());
  EXPECT_FALSE(url::Url::parse("http://a:-1/").ok());
}

TEST(UrlParse, RejectsOtherSchemesAndRelative) {
  for (const char* s : {"ftp://a/", "mailto:x@malmo.se", "javascript:alert(1)", "/relative",
                        "relative", "", "   ", "data:text/html,hi", "1http://a/"}) {
    EXPECT_FALSE(url::Url::parse(s).ok()) << s;
  }
}

TEST(UrlParse, RejectsMissingOrBadHost) {
  for (const char* s : {"http:/a", "http:a", "http://", "http:///path", "http://a b/",
                        "http://a<b/", "http://user@/", "http://:80/"}) {
    EXPECT_FALSE(url::Url::parse(s).ok()) << s;
  }
}

TEST(UrlParse, ErrorsAreBilingualAndNameTheUrl) {
  const auto r = url::Url::parse("ftp://files.malmo.se/x");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("ftp://files.malmo.se/x"), std::string::npos);
  EXPECT_NE(r.error().message.find("http"), std::string::npos);
  EXPECT_FALSE(r.error().message_sv.empty());
  EXPECT_NE(r.error().message_sv, r.error().message);
}

TEST(UrlParse, LongUrlInErrorIsCut) {
  const std::string s = "gopher://" + std::string(5000, 'a');
  const auto r = url::Url::parse(s);
  ASSERT_FALSE(r.ok());
  EXPECT_LT(r.error().message.size(), 300u);
}

TEST(UrlParse, WhitespaceLeniencyLikeBrowsers) {
  const url::Url u = must_parse("  \thttp://malmo.se/a\n/b\r\n  ");
  EXPECT_EQ(u.str(), "http://malmo.se/a/b");
}

TEST(UrlParse, SchemeIsLowercasedOthersKept) {
  const url::Url u = must_parse("HtTp://A.b/C?D#E");
  EXPECT_EQ(u.str(), "http://A.b/C?D#E");
}

// --- Resolution: RFC 3986 §5.4, verbatim ------------------------------------------------

struct Example {
  const char* reference;
  const char* expected;
};

// §5.4.1 Normal Examples, base "http://a/b/c/d;p?q".
constexpr Example kNormal[] = {
    {"g:h", "g:h"},
    {"g", "http://a/b/c/g"},
    {"./g", "http://a/b/c/g"},
    {"g/", "http://a/b/c/g/"},
    {"/g", "http://a/g"},
    {"//g", "http://g"},
    {"?y", "http://a/b/c/d;p?y"},
    {"g?y", "http://a/b/c/g?y"},
    {"#s", "http://a/b/c/d;p?q#s"},
    {"g#s", "http://a/b/c/g#s"},
    {"g?y#s", "http://a/b/c/g?y#s"},
    {";x", "http://a/b/c/;x"},
    {"g;x", "http://a/b/c/g;x"},
    {"g;x?y#s", "http://a/b/c/g;x?y#s"},
    {"", "http://a/b/c/d;p?q"},
    {".", "http://a/b/c/"},
    {"./", "http://a/b/c/"},
    {"..", "http://a/b/"},
    {"../", "http://a/b/"},
    {"../g", "http://a/b/g"},
    {"../..", "http://a/"},
    {"../../", "http://a/"},
    {"../../g", "http://a/g"},
};

// §5.4.2 Abnormal Examples ("http:g" in its strict form).
constexpr Example kAbnormal[] = {
    {"../../../g", "http://a/g"},
    {"../../../../g", "http://a/g"},
    {"/./g", "http://a/g"},
    {"/../g", "http://a/g"},
    {"g.", "http://a/b/c/g."},
    {".g", "http://a/b/c/.g"},
    {"g..", "http://a/b/c/g.."},
    {"..g", "http://a/b/c/..g"},
    {"./../g", "http://a/b/g"},
    {"./g/.", "http://a/b/c/g/"},
    {"g/./h", "http://a/b/c/g/h"},
    {"g/../h", "http://a/b/c/h"},
    {"g;x=1/./y", "http://a/b/c/g;x=1/y"},
    {"g;x=1/../y", "http://a/b/c/y"},
    {"g?y/./x", "http://a/b/c/g?y/./x"},
    {"g?y/../x", "http://a/b/c/g?y/../x"},
    {"g#s/./x", "http://a/b/c/g#s/./x"},
    {"g#s/../x", "http://a/b/c/g#s/../x"},
    {"http:g", "http:g"},
};

constexpr const char* kBase = "http://a/b/c/d;p?q";

TEST(UrlResolve, Rfc3986NormalExamples) {
  for (const auto& e : kNormal) {
    EXPECT_EQ(url::resolve_reference(kBase, e.reference), e.expected) << '"' << e.reference << '"';
  }
}

TEST(UrlResolve, Rfc3986AbnormalExamples) {
  for (const auto& e : kAbnormal) {
    EXPECT_EQ(url::resolve_reference(kBase, e.reference), e.expected) << '"' << e.reference << '"';
  }
}

TEST(UrlResolve, UrlResolveAgreesWithTheRfcForHttpTargets) {
  const url::Url base = must_parse(kBase);
  std::vector<Example> all(std::begin(kNormal), std::end(kNormal));
  all.insert(all.end(), std::begin(kAbnormal), std::end(kAbnormal));
  for (const auto& e : all) {
    const std::string_view ref = e.reference;
    if (ref == "g:h" || ref == "http:g") continue;  // not http targets / lenient below
    const auto r = base.resolve(ref);
    ASSERT_TRUE(r.ok()) << ref;
    EXPECT_EQ(r->str(), e.expected) << '"' << ref << '"';
  }
}

TEST(UrlResolve, HttpColonRelativeIsBackwardCompatible) {
  // RFC 3986 §5.4.2 allows "http://a/b/c/g" for parsers that are backward compatible,
  // which is what browsers do.
  const auto r = must_parse(kBase).resolve("http:g");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->str(), "http://a/b/c/g");
  // With another scheme it is absolute (and here has no host).
  EXPECT_FALSE(must_parse(kBase).resolve("https:g").ok());
}

TEST(UrlResolve, NonHttpTargetsAreErrors) {
  const url::Url base = must_parse("https://malmo.se/a/");
  for (const char* s : {"mailto:info@malmo.se", "javascript:void(0)", "tel:+4640341000",
                        "g:h", "data:,x", "ftp://malmo.se/"}) {
    const auto r = base.resolve(s);
    EXPECT_FALSE(r.ok()) << s;
  }
}

TEST(UrlResolve, BaseHrefIsResolvedFirst) {
  const url::Url page = must_parse("https://malmo.se/nyheter/2024/artikel.html");
  const auto base = page.resolve("/sv/");  // <base href="/sv/">
  ASSERT_TRUE(base.ok());
  const auto link = base->resolve("kontakt?x=1#top");
  ASSERT_TRUE(link.ok());
  EXPECT_EQ(link->str(), "https://malmo.se/sv/kontakt?x=1#top");
}

TEST(UrlResolve, SchemeRelativeAndWhitespaceInHref) {
  const url::Url page = must_parse("https://malmo.se/a/b");
  EXPECT_EQ(page.resolve("//cdn.malmo.se/x.js")->str(), "https://cdn.malmo.se/x.js");
  EXPECT_EQ(page.resolve("  c\n/d\t ")->str(), "https://malmo.se/a/c/d");
}

TEST(UrlResolve, BaseWithEmptyPath) {
  EXPECT_EQ(url::resolve_reference("http://a", "g"), "http://a/g");
  EXPECT_EQ(url::resolve_reference("http://a?q", ""), "http://a?q");
}

TEST(UrlResolve, RemoveDotSegmentsRfcExamples) {
  EXPECT_EQ(url::remove_dot_segments("/a/b/c/./../../g"), "/a/g");
  EXPECT_EQ(url::remove_dot_segments("mid/content=5/../6"), "mid/6");
  EXPECT_EQ(url::remove_dot_segments("/.."), "/");
  EXPECT_EQ(url::remove_dot_segments("/a/.."), "/");
  EXPECT_EQ(url::remove_dot_segments("/a/."), "/a/");
  EXPECT_EQ(url::remove_dot_segments(""), "");
}

// --- Normalisation ---------------------------------------------------------------------

TEST(UrlNormalize, LowercaseSchemeAndHost) {
  EXPECT_EQ(norm("HTTP://WWW.Malmo.SE/Path/Case"), "http://www.malmo.se/Path/Case");
}

TEST(UrlNormalize, DefaultPortsDropped) {
  EXPECT_EQ(norm("http://malmo.se:80/"), "http://malmo.se/");
  EXPECT_EQ(norm("https://malmo.se:443/"), "https://malmo.se/");
  EXPECT_EQ(norm("http://malmo.se:443/"), "http://malmo.se:443/");
  EXPECT_EQ(norm("https://malmo.se:80/"), "https://malmo.se:80/");
  EXPECT_EQ(norm("http://malmo.se:/"), "http://malmo.se/");
  EXPECT_EQ(norm("http://malmo.se:0080/"), "http://malmo.se/");
  EXPECT_EQ(norm("http://malmo.se:08080/"), "http://malmo.se:8080/");
}

TEST(UrlNormalize, EmptyPathBecomesSlash) {
  EXPECT_EQ(norm("http://malmo.se"), "http://malmo.se/");
  EXPECT_EQ(norm("http://malmo.se?a=1"), "http://malmo.se/?a=1");
}

TEST(UrlNormalize, DotSegmentsRemoved) {
  EXPECT_EQ(norm("http://a/b/./c/../d/"), "http://a/b/d/");
  EXPECT_EQ(norm("http://a/../../x"), "http://a/x");
  EXPECT_EQ(norm("http://a/b/.."), "http://a/");
  EXPECT_EQ(norm("http://a/%2E%2E/x"), "http://a/x");  // encoded dots are dots
  EXPECT_EQ(norm("http://a/b?c=/../d"), "http://a/b?c=/../d");  // not in the query
}

TEST(UrlNormalize, PercentEncodingCase) {
  EXPECT_EQ(norm("http://a/%c3%a5?x=%2f"), "http://a/%C3%A5?x=%2F");
}

TEST(UrlNormalize, DecodesUnreservedOnly) {
  EXPECT_EQ(norm("http://a/%7Euser/%41%62%2D%5F%2E%30"), "http://a/~user/Ab-_.0");
  EXPECT_EQ(norm("http://a/a%2Fb%3F%23%25"), "http://a/a%2Fb%3F%23%25");
  EXPECT_EQ(norm("http://%61.SE/"), "http://a.se/");
}

TEST(UrlNormalize, EncodesCharactersNotAllowed) {
  EXPECT_EQ(norm("http://a/sök här?q=å ä\"<>"), "http://a/s%C3%B6k%20h%C3%A4r?q=%C3%A5%20%C3%A4%22%3C%3E");
  EXPECT_EQ(norm("http://a/a\\b{c}|^`"), "http://a/a%5Cb%7Bc%7D%7C%5E%60");
}

TEST(UrlNormalize, StrayPercentKept) {
  EXPECT_EQ(norm("http://a/100%/x%zz%4"), "http://a/100%/x%zz%4");
}

TEST(UrlNormalize, FragmentAndEmptyQueryDropped) {
  EXPECT_EQ(norm("http://a/b#c"), "http://a/b");
  EXPECT_EQ(norm("http://a/b?#c"), "http://a/b");
  EXPECT_EQ(norm("http://a/b?x#c"), "http://a/b?x");
}

TEST(UrlNormalize, QueryOrderKept) {
  EXPECT_EQ(norm("http://a/?b=2&a=1"), "http://a/?b=2&a=1");
}

TEST(UrlNormalize, UserinfoKept) {
  EXPECT_EQ(norm("http://User:P%61ss@A.se/"), "http://User:Pass@a.se/");
}

TEST(UrlNormalize, EquivalentFormsCollapse) {
  const char* forms[] = {"HTTP://Malmo.se:80/a/./b/../c?x=%7e#top", "http://malmo.se/a/c?x=~",
                         "http://MALMO.SE/a/%63?x=~", "http://malmo.se:/a//../c?x=%7E"};
  // In the last one "//.." removes just the empty segment.
  for (const char* f : forms) EXPECT_EQ(norm(f), "http://malmo.se/a/c?x=~") << f;
}

TEST(UrlNormalize, Idempotent) {
  for (const char* s : {"HTTP://A.se:80/%7e/./x/../y?%2f=%41#f", "https://[::1]:443/a b",
                        "http://a/%zz/%c3%a5"}) {
    const std::string once = norm(s);
    EXPECT_EQ(norm(once), once) << s;
  }
}

TEST(UrlNormalize, Origin) {
  EXPECT_EQ(must_parse("HTTPS://Malmo.se:443/x?y").origin(), "https://malmo.se");
  EXPECT_EQ(must_parse("http://malmo.se:8080/").origin(), "http://malmo.se:8080");
}

// --- Tracking parameters ---------------------------------------------------------------

TEST(UrlTracking, DefaultsRemoveTrackersKeepOrder) {
  const url::Url u = must_parse(
      "https://malmo.se/a?utm_source=nl&id=7&fbclid=x&UTM_Medium=e&gclid=1&q=b&mc_cid=2&mc_eid=3");
  EXPECT_EQ(u.normalized(url::QueryFilter::tracking_defaults()), "https://malmo.se/a?id=7&q=b");
  EXPECT_EQ(u.normalized(), "https://malmo.se/a?utm_source=nl&id=7&fbclid=x&UTM_Medium=e&gclid=1&q=b&mc_cid=2&mc_eid=3");
}

TEST(UrlTracking, AllRemovedDropsQuestionMark) {
  EXPECT_EQ(must_parse("https://malmo.se/a?utm_campaign=x&fbclid=y#z")
                .normalized(url::QueryFilter::tracking_defaults()),
            "https://malmo.se/a");
}

TEST(UrlTracking, EncodedKeyAndValuelessKey) {
  EXPECT_EQ(must_parse("http://a/?utm%5Fsource=1&gclid&k=v")
                .normalized(url::QueryFilter::tracking_defaults()),
            "http://a/?k=v");
}

TEST(UrlTracking, NotAPrefixUnlessStarred) {
  EXPECT_EQ(must_parse("http://a/?gclidx=1&fbclid_=2&utm=3")
                .normalized(url::QueryFilter::tracking_defaults()),
            "http://a/?gclidx=1&fbclid_=2&utm=3");
}

TEST(UrlTracking, CustomList) {
  const url::QueryFilter f({"sessionid", "sv.*"});
  EXPECT_TRUE(f.drops("SessionID"));
  EXPECT_TRUE(f.drops("sv.target"));
  EXPECT_FALSE(f.drops("session"));
  EXPECT_EQ(must_parse("http://a/?a=1&sessionid=9&sv.x=2&b=2").normalized(f), "http://a/?a=1&b=2");
  EXPECT_EQ(must_parse("http://a/?sessionid=9&a=1").normalized(f), "http://a/?a=1");
}

TEST(UrlTracking, EmptyParamsKept) {
  EXPECT_EQ(must_parse("http://a/?a=1&&utm_x=2&b").normalized(url::QueryFilter::tracking_defaults()),
            "http://a/?a=1&&b");
}

// --- Scope -----------------------------------------------------------------------------

TEST(UrlScope, SameOriginHostSite) {
  const url::Url a = must_parse("https://www.malmo.se/a");
  const url::Url b = must_parse("http://WWW.malmo.se:80/b");
  const url::Url c = must_parse("https://malmo.se/c");
  const url::Url d = must_parse("https://www.malmo.se:8443/");
  const url::Url e = must_parse("https://komin.malmo.se/");
  EXPECT_FALSE(url::same_origin(a, b));  // scheme differs
  EXPECT_TRUE(url::same_origin(a, must_parse("HTTPS://www.Malmo.se:443/z")));
  EXPECT_FALSE(url::same_origin(a, d));
  EXPECT_TRUE(url::same_host(a, b));
  EXPECT_TRUE(url::same_host(a, d));
  EXPECT_FALSE(url::same_host(a, c));
  EXPECT_TRUE(url::same_site(a, c));
  EXPECT_FALSE(url::same_site(a, e));
}

TEST(UrlScope, HostInDomain) {
  EXPECT_TRUE(url::host_in_domain(must_parse("https://malmo.se/"), "malmo.se"));
  EXPECT_TRUE(url::host_in_domain(must_parse("https://Komin.Malmo.SE/"), "malmo.se"));
  EXPECT_TRUE(url::host_in_domain(must_parse("https://a.b.malmo.se/"), ".malmo.se"));
  EXPECT_FALSE(url::host_in_domain(must_parse("https://notmalmo.se/"), "malmo.se"));
  EXPECT_FALSE(url::host_in_domain(must_parse("https://malmo.se.evil.com/"), "malmo.se"));
  EXPECT_FALSE(url::host_in_domain(must_parse("https://se/"), "malmo.se"));
  EXPECT_FALSE(url::host_in_domain(must_parse("https://malmo.se/"), ""));
}

// --- Traps -----------------------------------------------------------------------------

TEST(UrlTrap, TooLong) {
  const std::string longer = "http://a/" + std::string(3000, 'x');
  EXPECT_EQ(detect_trap(norm(longer)), Trap::TooLong);
  EXPECT_EQ(detect_trap(norm("http://a/short")), Trap::None);
  TrapLimits tight;
  tight.max_url_length = 10;
  EXPECT_EQ(detect_trap("http://a/12", tight), Trap::TooLong);
  EXPECT_EQ(detect_trap("http://a/1", tight), Trap::None);
}

TEST(UrlTrap, RepeatedSegments) {
  EXPECT_EQ(max_segment_repeats("/a/b/a/b/a/b"), 3);
  EXPECT_EQ(max_segment_repeats("/a/b/c"), 1);
  EXPECT_EQ(max_segment_repeats("/"), 0);
  EXPECT_EQ(max_segment_repeats("//x//x/"), 2);
  EXPECT_EQ(max_segment_repeats("/a/a?x=/a/a/a"), 2);  // the query does not count
  EXPECT_EQ(detect_trap("http://a/a/b/a/b/a/b"), Trap::None);  // 3 is allowed
  EXPECT_EQ(detect_trap("http://a/a/b/a/b/a/b/a"), Trap::RepeatedSegment);
  EXPECT_EQ(detect_trap("http://a/x?/a/a/a/a/a"), Trap::None);
  TrapLimits strict;
  strict.max_segment_repeats = 1;
  EXPECT_EQ(detect_trap("http://a/kalender/kalender", strict), Trap::RepeatedSegment);
}

TEST(UrlTrap, QueryVariantKey) {
  const std::string a = norm("https://malmo.se/kalender?dag=1");
  const std::string b = norm("https://malmo.se/kalender?dag=2&vy=vecka");
  const std::string c = norm("https://malmo.se/kalender");
  EXPECT_EQ(query_variant_key(a), "https://malmo.se/kalender");
  EXPECT_EQ(query_variant_key(a), query_variant_key(b));
  EXPECT_EQ(query_variant_key(a), query_variant_key(c));
  EXPECT_NE(query_variant_key(a), query_variant_key(norm("https://malmo.se/kalender/")));
}

}  // namespace
}  // namespace granska::crawl

namespace granska::url {
namespace {

// Issue #16: session ids made every visit new URLs for the same pages.
TEST(UrlSessionIds, StrippedLikeTrackingParameters) {
  const QueryFilter& f = QueryFilter::tracking_defaults();
  auto norm = [&](std::string_view s) { return Url::parse(s).value().normalized(f); };
  EXPECT_EQ(norm("https://a.se/sida;jsessionid=0A1B2C3D4E5F?x=1"), "https://a.se/sida?x=1");
  EXPECT_EQ(norm("https://a.se/a;JSESSIONID=abc/b;v=2"), "https://a.se/a/b;v=2");
  EXPECT_EQ(norm("https://a.se/p?PHPSESSID=9f8e7d6c5b4a&id=7"), "https://a.se/p?id=7");
  EXPECT_EQ(norm("https://a.se/p?sid=123abc"), "https://a.se/p");
  EXPECT_EQ(norm("https://a.se/p?ASPSESSIONIDQQGGHFSA=x&sessionid=y&cfid=1&cftoken=2"), "https://a.se/p");
  // Not a session id: kept.
  EXPECT_EQ(norm("https://a.se/p?side=2&id=3f2504e04f8911d39a0c0305e82c3301"),
            "https://a.se/p?side=2&id=3f2504e04f8911d39a0c0305e82c3301");
  EXPECT_EQ(norm("https://a.se/p;version=2"), "https://a.se/p;version=2");
}

TEST(UrlUserinfo, RemovedFromEveryUrlStoredOrShown) {
  EXPECT_EQ(without_userinfo("http://anna:hemligt@a.se/x?y#z"), "http://a.se/x?y#z");
  EXPECT_EQ(without_userinfo("https://anna@a.se"), "https://a.se");
  EXPECT_EQ(without_userinfo("https://a.se/path@x"), "https://a.se/path@x");
  EXPECT_EQ(without_userinfo("https://a.se?q=a@b"), "https://a.se?q=a@b");
  EXPECT_EQ(without_userinfo("https://u:p@w@a.se/"), "https://a.se/");
  EXPECT_EQ(without_userinfo("file:///tmp/a@b.html"), "file:///tmp/a@b.html");
  EXPECT_EQ(without_userinfo("stdin:"), "stdin:");
}

}  // namespace
}  // namespace granska::url
