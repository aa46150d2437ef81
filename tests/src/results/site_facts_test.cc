// What the site step keeps of a page: navigation blocks, links, components with a function,
// fragment targets, and a statement candidate's text.
#include "results/site_facts.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <memory>

namespace granska::results {
namespace {

PageFacts facts_of(const std::string& html, const std::string& url = "https://kommun.test/a/sida") {
  auto doc = html::Document::parse(html);
  aria::Semantics s(*doc);
  return page_facts(*doc, s, url);
}

const char* kPage = R"(<!doctype html><html lang="sv"><head><title>Bygglov</title></head><body>
<header>
  <a href="/"><img src="/logo.svg" alt="Kommunen – startsidan"></a>
  <form role="search" action="/sok"><label for="q">Sök på webbplatsen</label><input id="q" name="q"><button>Sök</button></form>
  <nav aria-label="Huvudmeny"><ul><li><a href="/bygga">Bygga</a></li><li><a href="/skola#x">Skola</a></li></ul></nav>
  <button class="meny" aria-label="Meny"><svg><use href="#ikon-meny"></use></svg></button>
</header>
<main id="innehall"><h1>Bygglov  för <em>tillbyggnad</em></h1>
  <p><a href="ansokan">Ansök</a> <a href="mailto:a@b.se">mejla</a> <a href="#steg">Steg</a></p>
  <a name="steg"></a><div id="fakta" hidden><a href="/dold">Dold</a></div>
</main>
<footer><a href="/tillganglighet">Tillgänglighetsredogörelse</a><nav aria-label="Sociala medier"><a href="https://fb.test/k">Facebook</a></nav></footer>
</body></html>)";

TEST(SiteFacts, BlocksAreLandmarksWithTheirLinksInOrderAndNavInHeaderIsItsOwnBlock) {
  const PageFacts f = facts_of(kPage);
  ASSERT_EQ(f.blocks.size(), 4u);
  EXPECT_EQ(f.blocks[0].kind, BlockKind::Header);
  ASSERT_EQ(f.blocks[0].items.size(), 1u);
  EXPECT_EQ(f.blocks[0].items[0].name, "Kommunen – startsidan");
  EXPECT_EQ(f.blocks[0].items[0].target, "https://kommun.test/");
  EXPECT_EQ(f.blocks[1].kind, BlockKind::Navigation);
  EXPECT_EQ(f.blocks[1].label, "Huvudmeny");
  ASSERT_EQ(f.blocks[1].items.size(), 2u);
  EXPECT_EQ(f.blocks[1].items[1].target, "https://kommun.test/skola#x");
  EXPECT_EQ(f.blocks[2].kind, BlockKind::Footer);
  EXPECT_EQ(f.blocks[2].items[0].name, "Tillgänglighetsredogörelse");
  EXPECT_EQ(f.blocks[3].label, "Sociala medier");
}

TEST(SiteFacts, ContentLinksAreResolvedHiddenOnesAndOtherSchemesLeftOut) {
  const PageFacts f = facts_of(kPage);
  ASSERT_EQ(f.links.size(), 2u);
  EXPECT_EQ(f.links[0].target, "https://kommun.test/a/ansokan");
  EXPECT_EQ(f.links[0].name, "Ansök");
  EXPECT_EQ(f.links[1].target, "#steg") << "a fragment of the page itself";
}

TEST(SiteFacts, SearchFormAndIconButtonAreComponentsWithTheirNames) {
  const PageFacts f = facts_of(kPage);
  ASSERT_EQ(f.components.size(), 3u);
  EXPECT_EQ(f.components[0].kind, ComponentKind::SearchField);
  EXPECT_EQ(f.components[0].name, "Sök på webbplatsen");
  EXPECT_EQ(f.components[0].key, "header");
  EXPECT_EQ(f.components[1].kind, ComponentKind::SearchButton);
  EXPECT_EQ(f.components[1].name, "Sök");
  EXPECT_EQ(f.components[2].kind, ComponentKind::IconButton);
  EXPECT_EQ(f.components[2].key, "header|use:#ikon-meny");
  EXPECT_EQ(f.components[2].name, "Meny");
}

TEST(SiteFacts, FragmentTargetsAreIdsAndAnchorNames) {
  const PageFacts f = facts_of(kPage);
  auto has = [&](std::string_view id) { return std::binary_search(f.ids.begin(), f.ids.end(), id_hash(id)); };
  EXPECT_TRUE(has("innehall"));
  EXPECT_TRUE(has("steg"));
  EXPECT_TRUE(has("fakta"));
  EXPECT_TRUE(has("q"));
  EXPECT_FALSE(has("x"));
  EXPECT_EQ(f.h1, "Bygglov för tillbyggnad");
  EXPECT_TRUE(f.text.empty()) << "not a statement candidate";
}

TEST(SiteFacts, AStatementCandidateKeepsItsTextOneBlockPerLineWithMailAddresses) {
  const PageFacts f = facts_of(R"(<html><head><title>Tillgänglighetsredogörelse</title><style>p{}</style></head><body>
<h1>Tillgänglighet för kommun.test</h1><p>Kommunen står bakom
   webbplatsen.</p><ul><li>Första brist</li><li>Andra <b>brist</b></li></ul>
<p>Mejla <a href="mailto:webb@kommun.test">webbredaktionen</a>.</p><script>var x = 1;</script>
<form><textarea></textarea></form></body></html>)",
                               "https://kommun.test/om/tillganglighet");
  EXPECT_EQ(f.text,
            "Tillgänglighet för kommun.test\nKommunen står bakom webbplatsen.\nFörsta brist\nAndra brist\n"
            "Mejla webbredaktionen <mailto:webb@kommun.test>.\n");
  EXPECT_TRUE(f.has_form);
}

TEST(SiteFacts, LinkWaysTellNavigationFromContentAndSiteMapPages) {
  const PageFacts f = facts_of(kPage);
  const std::vector<std::string> links{"https://kommun.test/bygga", "https://kommun.test/a/ansokan"};
  const auto ways = link_ways(f, "https://kommun.test/a/sida", "Bygglov", links);
  ASSERT_EQ(ways.size(), 2u);
  EXPECT_EQ(ways[0], Reached::NavLink);
  EXPECT_EQ(ways[1], Reached::ContentLink);
  EXPECT_EQ(link_ways(f, "https://kommun.test/webbplatskarta", "", links)[1], Reached::SiteMapPage);
}

TEST(SiteFacts, SiteMapsAndStatementsAreRecognisedByAddressTitleOrHeading) {
  EXPECT_TRUE(looks_like_site_map("https://k.test/webbplatskarta", "", ""));
  EXPECT_TRUE(looks_like_site_map("https://k.test/x", "Hitta A–Ö", ""));
  EXPECT_TRUE(looks_like_site_map("https://k.test/x", "", "Innehållsförteckning"));
  EXPECT_FALSE(looks_like_site_map("https://k.test/sitemap.xml", "", ""));
  EXPECT_FALSE(looks_like_site_map("https://k.test/bygga", "Bygga", "Bygga"));
  EXPECT_TRUE(looks_like_statement("https://k.test/om/tillg%C3%A4nglighet", "", ""));
  EXPECT_TRUE(looks_like_statement("https://k.test/x", "ACCESSIBILITY statement", ""));
  EXPECT_TRUE(looks_like_statement("https://k.test/x", "", "TILLGÄNGLIGHETSREDOGÖRELSE"));
  EXPECT_FALSE(looks_like_statement("https://k.test/x", "Bygglov", "Bygglov"));
  EXPECT_EQ(fold_case("ÅÄÖ Éx ×"), "åäö éx ×");
}

}  // namespace
}  // namespace granska::results
