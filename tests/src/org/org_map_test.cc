// The organisation map: host, prefix and pattern rules, their precedence and the fallback,
// and the URL spellings that must not change the answer.
#include "org/org_map.h"

#include <gtest/gtest.h>

namespace granska::org {
namespace {

std::vector<Unit> units() {
  return {{"ks", "Kommunstyrelsen", "City Executive Board", UnitType::Committee},
          {"sbn", "Stadsbyggnadsnämnden", "City Planning Committee", UnitType::Committee},
          {"kn", "Kulturnämnden", "Culture Committee", UnitType::Committee},
          {"bibl", "Biblioteken", "Libraries", UnitType::Committee},
          {"mkb", "MKB Fastighets AB", "MKB", UnitType::Company},
          {"komin", "Komin", "Komin", UnitType::Committee},
          {"val", "Valnämnden", "Election Committee", UnitType::Committee},
          {"demo", "Demobolaget", "Demo company", UnitType::Company}};
}

OrgMap map(std::vector<AssignRule> rules, std::string fallback = "ks") {
  auto m = OrgMap::build(units(), std::move(rules), fallback);
  EXPECT_TRUE(m.ok()) << (m.ok() ? "" : m.error().message);
  return std::move(m).value();
}

std::string unit(const OrgMap& m, std::string_view url) { return m.unit_of(url).id; }

TEST(OrgMap, HostRuleMatchesTheHostWithOrWithoutWwwAndAnyCase) {
  OrgMap m = map({{"mkb", RuleKind::Host, "mkbfastighet.se"}});
  EXPECT_EQ(unit(m, "https://mkbfastighet.se/"), "mkb");
  EXPECT_EQ(unit(m, "https://www.mkbfastighet.se/hyra"), "mkb");
  EXPECT_EQ(unit(m, "HTTPS://WWW.MKBFastighet.SE/Hyra"), "mkb");
  EXPECT_EQ(unit(m, "http://mkbfastighet.se:8080/"), "mkb");  // no port in the rule: any port
  EXPECT_EQ(unit(m, "https://notmkbfastighet.se/"), "ks");
  EXPECT_TRUE(m.assign("https://example.org/").fallback());
  EXPECT_FALSE(m.assign("https://mkbfastighet.se/").fallback());
}

TEST(OrgMap, WwwInTheRuleIsIgnoredToo) {
  OrgMap m = map({{"mkb", RuleKind::Host, "www.mkbfastighet.se"}});
  EXPECT_EQ(unit(m, "https://mkbfastighet.se/"), "mkb");
}

TEST(OrgMap, SubdomainsNeedAWildcard) {
  OrgMap plain = map({{"sbn", RuleKind::Host, "malmo.se"}});
  EXPECT_EQ(unit(plain, "https://komin.malmo.se/"), "ks");
  OrgMap wild = map({{"komin", RuleKind::Host, "*.malmo.se"}, {"sbn", RuleKind::Host, "malmo.se"}});
  EXPECT_EQ(unit(wild, "https://komin.malmo.se/"), "komin");
  EXPECT_EQ(unit(wild, "https://a.b.malmo.se/"), "komin");
  EXPECT_EQ(unit(wild, "https://malmo.se/"), "sbn");  // the exact host beats the wildcard
  EXPECT_EQ(unit(wild, "https://notmalmo.se/"), "ks");
  OrgMap nested = map({{"komin", RuleKind::Host, "*.malmo.se"}, {"val", RuleKind::Host, "*.val.malmo.se"}});
  EXPECT_EQ(unit(nested, "https://x.val.malmo.se/"), "val");  // the longer domain wins
  EXPECT_EQ(unit(nested, "https://val.malmo.se/"), "val");
  EXPECT_EQ(unit(nested, "https://x.malmo.se/"), "komin");
  OrgMap ported = map({{"demo", RuleKind::Host, "*.Example.se:8081"}});
  EXPECT_EQ(unit(ported, "http://a.example.se:8081/"), "demo");
  EXPECT_EQ(unit(ported, "http://www.example.se:8081/"), "demo");
  EXPECT_EQ(unit(ported, "http://a.example.se/"), "ks");
}

TEST(OrgMap, PortsInRules) {
  OrgMap m = map({{"demo", RuleKind::Host, "127.0.0.1:8081"}, {"sbn", RuleKind::Host, "127.0.0.1"}});
  EXPECT_EQ(unit(m, "http://127.0.0.1:8081/"), "demo");
  EXPECT_EQ(unit(m, "http://127.0.0.1:8080/"), "sbn");
  EXPECT_EQ(unit(m, "http://127.0.0.1/"), "sbn");
  OrgMap https = map({{"mkb", RuleKind::Host, "mkbfastighet.se:443"}});
  EXPECT_EQ(unit(https, "https://mkbfastighet.se/"), "mkb");  // the default port of https
  EXPECT_EQ(unit(https, "https://mkbfastighet.se:443/"), "mkb");
  EXPECT_EQ(unit(https, "http://mkbfastighet.se/"), "ks");
}

TEST(OrgMap, PrefixesMatchWholeSegments) {
  OrgMap m = map({{"sbn", RuleKind::Prefix, "malmo.se/Bygga-och-bo/"}});
  EXPECT_EQ(unit(m, "https://malmo.se/Bygga-och-bo"), "sbn");
  EXPECT_EQ(unit(m, "https://malmo.se/Bygga-och-bo/"), "sbn");
  EXPECT_EQ(unit(m, "https://malmo.se/Bygga-och-bo/Bygglov.html?x=1#top"), "sbn");
  EXPECT_EQ(unit(m, "https://malmo.se/Bygga-och-boende"), "ks");
  EXPECT_EQ(unit(m, "https://malmo.se/"), "ks");
  EXPECT_EQ(unit(m, "https://malmo.se/annat/Bygga-och-bo"), "ks");
}

TEST(OrgMap, PrefixesIgnoreCaseAndPercentEncodingAndDotSegments) {
  OrgMap m = map({{"kn", RuleKind::Prefix, "malmo.se/Uppleva-och-göra"}});
  EXPECT_EQ(unit(m, "https://malmo.se/Uppleva-och-g%C3%B6ra/Museer"), "kn");
  EXPECT_EQ(unit(m, "https://malmo.se/uppleva-och-g%c3%b6ra/"), "kn");
  EXPECT_EQ(unit(m, "https://www.malmo.se/UPPLEVA-OCH-GÖRA"), "kn");
  EXPECT_EQ(unit(m, "https://www.malmo.se/UPPLEVA-OCH-G%C3%96RA/x"), "kn");
  OrgMap times = map({{"kn", RuleKind::Prefix, "malmo.se/a×b"}});  // × has no small letter
  EXPECT_EQ(unit(times, "https://malmo.se/a%C3%97b"), "kn");
  EXPECT_EQ(unit(times, "https://malmo.se/a%C3%B7b"), "ks");  // ÷ is another character
  EXPECT_EQ(unit(m, "https://malmo.se/x/../Uppleva-och-göra/a"), "kn");
  OrgMap encoded = map({{"kn", RuleKind::Prefix, "malmo.se/Uppleva-och-g%c3%b6ra"}});
  EXPECT_EQ(unit(encoded, "https://malmo.se/Uppleva-och-göra/Museer"), "kn");
  OrgMap tilde = map({{"kn", RuleKind::Prefix, "malmo.se/%7Ekultur"}});
  EXPECT_EQ(unit(tilde, "https://malmo.se/~kultur/a"), "kn");
}

TEST(OrgMap, LongestPrefixWins) {
  OrgMap m = map({{"kn", RuleKind::Prefix, "malmo.se/Uppleva"},
                  {"bibl", RuleKind::Prefix, "malmo.se/Uppleva/Bibliotek"},
                  {"sbn", RuleKind::Host, "malmo.se"}});
  EXPECT_EQ(unit(m, "https://malmo.se/Uppleva/Bibliotek/Stadsbiblioteket"), "bibl");
  EXPECT_EQ(unit(m, "https://malmo.se/Uppleva/Museer"), "kn");
  EXPECT_EQ(unit(m, "https://malmo.se/Annat"), "sbn");  // the host rule when no prefix matches
  // The order in the file does not matter for prefixes.
  OrgMap reversed = map({{"sbn", RuleKind::Host, "malmo.se"},
                         {"bibl", RuleKind::Prefix, "malmo.se/Uppleva/Bibliotek"},
                         {"kn", RuleKind::Prefix, "malmo.se/Uppleva"}});
  EXPECT_EQ(unit(reversed, "https://malmo.se/Uppleva/Bibliotek/x"), "bibl");
}

TEST(OrgMap, PrefixOnAnExactHostBeatsAnEqualOneOnAWildcard) {
  OrgMap m = map({{"komin", RuleKind::Prefix, "*.malmo.se/Val"}, {"val", RuleKind::Prefix, "malmo.se/Val"}});
  EXPECT_EQ(unit(m, "https://malmo.se/Val/2026"), "val");
  EXPECT_EQ(unit(m, "https://komin.malmo.se/Val/2026"), "komin");
  // A longer prefix on the wildcard still wins: length first.
  OrgMap longer = map({{"komin", RuleKind::Prefix, "*.malmo.se/Val/Rostning"}, {"val", RuleKind::Prefix, "malmo.se/Val"}});
  EXPECT_EQ(unit(longer, "https://malmo.se/Val/Rostning/x"), "komin");
}

TEST(OrgMap, APatternBeatsEverythingAndTheFirstPatternWins) {
  OrgMap m = map({{"sbn", RuleKind::Prefix, "malmo.se/Bygga-och-bo"},
                  {"val", RuleKind::Pattern, R"(\.pdf$)"},
                  {"kn", RuleKind::Pattern, R"(/Bygga-och-bo/.*\.pdf$)"}});
  EXPECT_EQ(unit(m, "https://malmo.se/Bygga-och-bo/blankett.pdf"), "val");
  EXPECT_EQ(unit(m, "https://malmo.se/Bygga-och-bo/Bygglov.html"), "sbn");
  // Patterns see the normalised URL: lowercase host, no fragment, no default port.
  OrgMap norm = map({{"mkb", RuleKind::Pattern, "^https://mkbfastighet\\.se/"}});
  EXPECT_EQ(unit(norm, "HTTPS://MKBFASTIGHET.SE:443/a#b"), "mkb");
}

TEST(OrgMap, RootPrefixIsAHostRule) {
  OrgMap m = map({{"sbn", RuleKind::Prefix, "malmo.se/"}, {"kn", RuleKind::Prefix, "malmo.se/Kultur"}});
  EXPECT_EQ(unit(m, "https://malmo.se/x"), "sbn");
  EXPECT_EQ(unit(m, "https://malmo.se/Kultur"), "kn");
}

TEST(OrgMap, SchemesInRulesAreTolerated) {
  OrgMap m = map({{"sbn", RuleKind::Prefix, "https://malmo.se/Bygga"}});
  EXPECT_EQ(unit(m, "http://malmo.se/Bygga/x"), "sbn");
}

TEST(OrgMap, UnparsableUrlsGoToTheFallback) {
  OrgMap m = map({{"sbn", RuleKind::Host, "malmo.se"}}, "val");
  EXPECT_EQ(unit(m, "mailto:info@malmo.se"), "val");
  EXPECT_EQ(unit(m, "not a url"), "val");
  EXPECT_EQ(unit(m, ""), "val");
}

TEST(OrgMap, NoRulesMeansEverythingIsTheFallback) {
  OrgMap m = map({}, "kn");
  EXPECT_EQ(unit(m, "https://malmo.se/"), "kn");
  EXPECT_EQ(m.units()[m.fallback()].id, "kn");
}

TEST(OrgMap, BuildErrors) {
  auto err = [](std::vector<Unit> us, std::vector<AssignRule> rules, std::string fallback) {
    auto m = OrgMap::build(std::move(us), std::move(rules), fallback);
    return m.ok() ? std::string() : m.error().message;
  };
  EXPECT_NE(err({}, {}, "ks"), "");
  EXPECT_NE(err(units(), {}, "nobody").find("fallback"), std::string::npos);
  auto dup = units();
  dup.push_back(dup.front());
  EXPECT_NE(err(dup, {}, "ks").find("duplicate"), std::string::npos);
  auto bad_id = units();
  bad_id[0].id = "Kommun Styrelsen";
  EXPECT_NE(err(bad_id, {}, "ks"), "");
  EXPECT_NE(err(units(), {{"nobody", RuleKind::Host, "malmo.se", 7}}, "ks").find("unknown unit"), std::string::npos);
  EXPECT_NE(err(units(), {{"ks", RuleKind::Host, "malmo.se", 7}}, "ks"), "x");  // valid
  EXPECT_NE(err(units(), {{"ks", RuleKind::Pattern, "(unclosed", 9}}, "ks").find("line 9"), std::string::npos);
  EXPECT_NE(err(units(), {{"ks", RuleKind::Host, "malmo.se/path"}}, "ks"), "");
  EXPECT_NE(err(units(), {{"ks", RuleKind::Prefix, "malmo.se"}}, "ks"), "");
  EXPECT_NE(err(units(), {{"ks", RuleKind::Host, "malmo.se:99999"}}, "ks"), "");
  EXPECT_NE(err(units(), {{"ks", RuleKind::Host, ""}}, "ks"), "");
  EXPECT_NE(err(units(), {{"ks", RuleKind::Prefix, "malmo.se/a?b=1"}}, "ks"), "");
  // The same prefix for two units is a conflict; the same rule twice is harmless.
  EXPECT_NE(err(units(), {{"ks", RuleKind::Prefix, "malmo.se/a", 3}, {"kn", RuleKind::Prefix, "malmo.se/A/", 4}}, "ks")
                .find("line 3"),
            std::string::npos);
  EXPECT_EQ(err(units(), {{"ks", RuleKind::Prefix, "malmo.se/a"}, {"ks", RuleKind::Prefix, "malmo.se/a"}}, "ks"), "");
  EXPECT_NE(err(units(), {{"ks", RuleKind::Host, "www.malmo.se"}, {"kn", RuleKind::Host, "malmo.se"}}, "ks"), "");
}

TEST(OrgMap, SwedishErrorsToo) {
  auto m = OrgMap::build(units(), {{"nobody", RuleKind::Host, "malmo.se", 7}}, "ks");
  ASSERT_FALSE(m.ok());
  EXPECT_NE(m.error().message_sv.find("okänd enhet"), std::string::npos);
  EXPECT_NE(m.error().message_sv.find("rad 7"), std::string::npos);
}

TEST(OrgMap, UnitTypes) {
  UnitType t;
  EXPECT_TRUE(parse_unit_type("bolag", t));
  EXPECT_EQ(t, UnitType::Company);
  EXPECT_TRUE(parse_unit_type("namnd", t));
  EXPECT_EQ(t, UnitType::Committee);
  EXPECT_FALSE(parse_unit_type("förvaltning", t));
  EXPECT_EQ(label(UnitType::Company).sv, "bolag");
}

}  // namespace
}  // namespace granska::org
