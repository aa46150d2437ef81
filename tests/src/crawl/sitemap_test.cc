#include "crawl/sitemap.h"

#include <gtest/gtest.h>

#include <string>

#include "support/test_paths.h"

namespace granska::crawl {
namespace {

using granska::testing::read_fixture;

std::string fixture(const std::string& name) { return read_fixture("crawl/sitemaps/" + name); }

bool contains(std::string_view haystack, std::string_view needle) {
  return haystack.find(needle) != std::string_view::npos;
}

std::string all_notes(const Sitemap& s) {
  std::string out;
  for (const auto& n : s.notes) out += n.message + "\n";
  return out;
}

void expect_urlset_fixture(const Sitemap& s) {
  EXPECT_EQ(s.kind, SitemapKind::UrlSet);
  ASSERT_EQ(s.entries.size(), 4u);
  EXPECT_EQ(s.entries[0].loc, "https://malmo.se/");
  EXPECT_EQ(s.entries[0].lastmod, "2024-05-01");
  EXPECT_EQ(s.entries[1].loc, "https://malmo.se/Uppleva-och-gora.html?a=1&b=2");  // trimmed, &amp;
  EXPECT_EQ(s.entries[1].lastmod, "2024-04-30T12:00:00+02:00");
  EXPECT_EQ(s.entries[2].loc, "https://malmo.se/Service/Förskola.html");  // CDATA, UTF-8
  EXPECT_EQ(s.entries[2].lastmod, "");
  EXPECT_EQ(s.entries[3].loc, "https://malmo.se/Kontakt.html");
  EXPECT_FALSE(s.truncated);
  // ftp loc, missing loc and <url/>: skipped and counted.
  ASSERT_EQ(s.notes.size(), 1u);
  EXPECT_TRUE(contains(s.notes[0].message, "3 entries skipped")) << s.notes[0].message;
  EXPECT_TRUE(contains(s.notes[0].message_sv, "3 poster"));
}

TEST(SitemapXml, UrlSet) {
  const auto r = parse_sitemap(fixture("urlset.xml"));
  ASSERT_TRUE(r.ok()) << r.error().message;
  expect_urlset_fixture(*r);
  for (const auto& e : r->entries) EXPECT_FALSE(contains(e.loc, "stadshuset.jpg"));  // image:loc
}

TEST(SitemapXml, Gzip) {
  const std::string gz = fixture("urlset.xml.gz");
  ASSERT_TRUE(is_gzip(gz));
  EXPECT_FALSE(is_gzip(fixture("urlset.xml")));
  const auto r = parse_sitemap(gz);
  ASSERT_TRUE(r.ok()) << r.error().message;
  expect_urlset_fixture(*r);
}

TEST(SitemapXml, ConcatenatedGzipMembers) {
  // gzip allows several members, and all are inflated.
  const auto once = parse_sitemap(fixture("urlset.xml.gz"));
  ASSERT_TRUE(once.ok());
  const std::string gz = fixture("urlset.xml.gz");
  const auto twice = parse_sitemap(gz + gz);
  // The second member is a second XML document: extra content after the root, so the
  // entries of the first are kept and the break is noted.
  ASSERT_TRUE(twice.ok()) << twice.error().message;
  EXPECT_EQ(twice->entries.size(), once->entries.size());
  EXPECT_TRUE(twice->truncated);
}

TEST(SitemapXml, GzipWithTrailingJunkIsFine) {
  const std::string gz = fixture("urlset.xml.gz");
  const auto r = parse_sitemap(gz + std::string(16, '\0'));
  ASSERT_TRUE(r.ok()) << r.error().message;
  expect_urlset_fixture(*r);
}

TEST(SitemapXml, Index) {
  const auto r = parse_sitemap(fixture("index.xml"));
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->kind, SitemapKind::Index);
  ASSERT_EQ(r->entries.size(), 2u);
  EXPECT_EQ(r->entries[0].loc, "https://malmo.se/sitemap-pages.xml.gz");
  EXPECT_EQ(r->entries[0].lastmod, "2024-05-01T04:00:00Z");
  EXPECT_EQ(r->entries[1].loc, "https://malmo.se/sitemap-news.xml");
  EXPECT_TRUE(r->notes.empty());
}

TEST(SitemapXml, NamespaceMissingOrWrongIsTolerated) {
  const auto r = parse_sitemap(
      "<urlset><url><loc>https://a.se/1</loc></url></urlset>");
  ASSERT_TRUE(r.ok()) << r.error().message;
  ASSERT_EQ(r->entries.size(), 1u);
  const auto w = parse_sitemap(
      "<s:urlset xmlns:s='http://example.com/wrong'><s:url><s:loc>https://a.se/2</s:loc>"
      "</s:url></s:urlset>");
  ASSERT_TRUE(w.ok()) << w.error().message;
  ASSERT_EQ(w->entries.size(), 1u);
  EXPECT_EQ(w->entries[0].loc, "https://a.se/2");
}

TEST(SitemapXml, BrokenKeepsWhatCameBefore) {
  const auto r = parse_sitemap(fixture("broken.xml"));
  ASSERT_TRUE(r.ok()) << r.error().message;
  ASSERT_EQ(r->entries.size(), 2u);
  EXPECT_EQ(r->entries[0].loc, "https://malmo.se/a");
  EXPECT_EQ(r->entries[1].lastmod, "2024-02-02");
  EXPECT_TRUE(r->truncated);
  ASSERT_FALSE(r->notes.empty());
  EXPECT_TRUE(contains(r->notes[0].message, "line 5")) << r->notes[0].message;
  EXPECT_TRUE(contains(r->notes[0].message_sv, "rad 5")) << r->notes[0].message_sv;
}

TEST(SitemapXml, BrokenBeforeAnyEntryIsAnError) {
  const auto r = parse_sitemap(fixture("broken-early.xml"));
  ASSERT_FALSE(r.ok());
  EXPECT_TRUE(contains(r.error().message, "broken XML in the sitemap at line")) << r.error().message;
  EXPECT_TRUE(contains(r.error().message_sv, "trasig XML")) << r.error().message_sv;
  EXPECT_FALSE(parse_sitemap("<urlset><url><loc>https://a/</loc>").ok());  // cut off
  EXPECT_FALSE(parse_sitemap("<").ok());
}

TEST(SitemapXml, HtmlPageIsNotASitemap) {
  const auto r = parse_sitemap(fixture("not-a-sitemap.html"));
  ASSERT_FALSE(r.ok());
  EXPECT_TRUE(contains(r.error().message, "not a sitemap")) << r.error().message;
  EXPECT_TRUE(contains(r.error().message, "<html>")) << r.error().message;
  EXPECT_TRUE(contains(r.error().message_sv, "ingen webbplatskarta"));
}

TEST(SitemapXml, XxeReadsNothing) {
  const std::string xml = fixture("xxe.xml");
  const auto r = parse_sitemap(xml);
  ASSERT_TRUE(r.ok()) << r.error().message;
  std::string everything = all_notes(*r);
  for (const auto& e : r->entries) everything += e.loc + "\n";
  EXPECT_FALSE(contains(everything, "root:")) << everything;
  EXPECT_FALSE(contains(everything, "/bin/")) << everything;
  // The entry before the first entity reference is kept; the reference ends the parse.
  bool safe = false;
  for (const auto& e : r->entries) safe = safe || e.loc == "https://malmo.se/safe";
  EXPECT_TRUE(safe);
  EXPECT_EQ(r->entries.size(), 1u);
  EXPECT_TRUE(r->truncated);
}

TEST(SitemapXml, BillionLaughsExpandsNothing) {
  // No entity is declared, so the first reference is an undefined entity: an XML error
  // before any entry, reported, with nothing expanded.
  const auto r = parse_sitemap(fixture("billion-laughs.xml"));
  ASSERT_FALSE(r.ok());
  EXPECT_TRUE(contains(r.error().message, "lol9")) << r.error().message;
  EXPECT_LT(r.error().message.size(), 200u);
}

TEST(SitemapText, OneUrlPerLine) {
  const auto r = parse_sitemap(fixture("urls.txt"));
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->kind, SitemapKind::Text);
  ASSERT_EQ(r->entries.size(), 4u);
  EXPECT_EQ(r->entries[0].loc, "https://malmo.se/");  // after the BOM
  EXPECT_EQ(r->entries[1].loc, "https://malmo.se/Bo-och-leva.html");
  EXPECT_EQ(r->entries[2].loc, "https://malmo.se/Trafik.html");
  EXPECT_EQ(r->entries[3].loc, "https://malmo.se/sista");
  ASSERT_EQ(r->notes.size(), 1u);
  EXPECT_TRUE(contains(r->notes[0].message, "2 entries skipped")) << r->notes[0].message;
}

TEST(SitemapText, NoUrlAtAllIsAnError) {
  const auto r = parse_sitemap("hello\nworld\n");
  ASSERT_FALSE(r.ok());
  EXPECT_TRUE(contains(r.error().message, "not a sitemap"));
}

TEST(SitemapLimits, EmptyIsAnError) {
  for (const char* s : {"", "   \n\t", "\xEF\xBB\xBF"}) {
    const auto r = parse_sitemap(s);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().message, "the sitemap is empty");
    EXPECT_EQ(r.error().message_sv, "webbplatskartan är tom");
  }
}

TEST(SitemapLimits, EntryLimitDefaultIsFiftyThousand) {
  std::string xml = "<urlset>";
  for (int i = 0; i < 50001; ++i) xml += "<url><loc>https://malmo.se/p" + std::to_string(i) + "</loc></url>";
  xml += "</urlset>";
  const auto r = parse_sitemap(xml);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->entries.size(), 50000u);
  EXPECT_TRUE(r->truncated);
  ASSERT_EQ(r->notes.size(), 1u);
  EXPECT_TRUE(contains(r->notes[0].message, "50000 entries")) << r->notes[0].message;

  // Exactly at the limit: no note.
  std::string exact = "<urlset>";
  for (int i = 0; i < 50000; ++i) exact += "<url><loc>https://malmo.se/p" + std::to_string(i) + "</loc></url>";
  exact += "</urlset>";
  const auto e = parse_sitemap(exact);
  ASSERT_TRUE(e.ok());
  EXPECT_EQ(e->entries.size(), 50000u);
  EXPECT_FALSE(e->truncated);
  EXPECT_TRUE(e->notes.empty());
}

TEST(SitemapLimits, CustomEntryLimitForTextAndIndex) {
  SitemapLimits limits;
  limits.max_entries = 2;
  const auto t = parse_sitemap(fixture("urls.txt"), limits);
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(t->entries.size(), 2u);
  EXPECT_TRUE(t->truncated);
  limits.max_entries = 1;
  const auto i = parse_sitemap(fixture("index.xml"), limits);
  ASSERT_TRUE(i.ok());
  EXPECT_EQ(i->entries.size(), 1u);
  EXPECT_TRUE(i->truncated);
}

TEST(SitemapLimits, UncompressedSizeLimit) {
  SitemapLimits limits;
  limits.max_uncompressed_bytes = 400;  // the fixture inflates to 841 bytes
  const auto r = parse_sitemap(fixture("urlset.xml.gz"), limits);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_TRUE(r->truncated);
  EXPECT_LT(r->entries.size(), 4u);
  EXPECT_FALSE(r->entries.empty());
  EXPECT_TRUE(contains(all_notes(*r), "only the first 400 B were read")) << all_notes(*r);
  // The same limit applies to an uncompressed body.
  const auto p = parse_sitemap(fixture("urlset.xml"), limits);
  ASSERT_TRUE(p.ok());
  EXPECT_TRUE(p->truncated);
}

TEST(SitemapLimits, CorruptGzip) {
  const auto r = parse_sitemap(std::string("\x1F\x8B\x08\x00garbage garbage", 19));
  ASSERT_FALSE(r.ok());
  EXPECT_TRUE(contains(r.error().message, "gzip")) << r.error().message;
  EXPECT_FALSE(r.error().message_sv.empty());

  // Cut short: what was inflated is parsed; entries before the cut are kept or, if none,
  // it is an error. Never a crash, never silence.
  const std::string gz = fixture("urlset.xml.gz");
  const auto cut = parse_sitemap(gz.substr(0, gz.size() - 40));
  if (cut.ok()) {
    EXPECT_TRUE(cut->truncated);
    EXPECT_FALSE(cut->notes.empty());
  }
}

}  // namespace
}  // namespace granska::crawl
