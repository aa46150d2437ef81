// documents::open and sniff on the fixtures of scripts/make-document-fixtures.sh: what the
// model holds, and that damaged, hostile and huge input becomes an Error or a note, never a
// crash or a hang.
#include <gtest/gtest.h>

#include <algorithm>

#include "documents/document.h"
#include "support/test_paths.h"

namespace granska::documents {
namespace {

Document open_fixture(const std::string& name, const Limits& limits = {}) {
  Result<Document> d = open(testing::read_fixture("documents/" + name), name, limits);
  EXPECT_TRUE(d.ok()) << name << ": " << (d.ok() ? "" : d.error().message);
  return d.ok() ? std::move(d).value() : Document{};
}

const Element* find(const Pdf& p, std::string_view role) {
  for (const Element& e : p.elements) {
    if (e.role == role) return &e;
  }
  return nullptr;
}

TEST(DocumentSniff, TellsFormatsApartByTheirBytes) {
  EXPECT_EQ(sniff("%PDF-1.7\n"), Format::Pdf);
  EXPECT_EQ(sniff(std::string(500, ' ') + "%PDF-1.4"), Format::Pdf);  // junk before the header
  EXPECT_EQ(sniff("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1rest"), Format::LegacyOffice);
  EXPECT_EQ(sniff("PK\x03\x04...", "rapport.DOCX?v=2"), Format::Docx);
  EXPECT_EQ(sniff(testing::read_fixture("documents/slides.pptx"), "blob"), Format::Pptx);
  EXPECT_EQ(sniff(testing::read_fixture("documents/book.xlsx")), Format::Xlsx);
  EXPECT_FALSE(sniff("PK\x03\x04 a plain zip"));
  EXPECT_FALSE(sniff("<!DOCTYPE html><html>"));
}

TEST(DocumentOpen, ReadsATaggedPdf) {
  Document d = open_fixture("tagged.pdf");
  ASSERT_EQ(d.format, Format::Pdf);
  const Pdf& p = d.pdf;
  EXPECT_TRUE(p.complete);
  EXPECT_TRUE(p.catalog.marked);
  EXPECT_TRUE(p.catalog.has_struct_tree);
  EXPECT_EQ(p.catalog.lang, "sv-SE");
  EXPECT_EQ(p.catalog.display_doc_title, true);
  EXPECT_EQ(p.catalog.xmp_title, "Bygglov - Malmo stad");
  EXPECT_EQ(p.catalog.pdfua_part, "1");
  EXPECT_TRUE(p.catalog.pdfua_bad_prefix.empty());
  ASSERT_EQ(p.pages.size(), 1u);
  EXPECT_EQ(p.pages[0].tabs, "S");
  EXPECT_EQ(p.pages[0].untagged, 0u);
  EXPECT_EQ(p.pages[0].artifact_in_tagged, 0u);
  EXPECT_GT(p.pages[0].text_operators, 0u);
  EXPECT_EQ(p.pages[0].images, 1u);
  const Element* fig = find(p, "Figure");
  ASSERT_NE(fig, nullptr);
  EXPECT_EQ(fig->path, "/Document[1]/Figure[1]");
  EXPECT_EQ(fig->page, 1u);
  EXPECT_EQ(fig->alt, "Karta over Malmo med stadsbyggnadskontoret markerat");
  ASSERT_NE(find(p, "TH"), nullptr);
  EXPECT_EQ(find(p, "TH")->scope, "Row");
  ASSERT_EQ(p.annotations.size(), 1u);
  EXPECT_EQ(p.annotations[0].subtype, "Link");
  ASSERT_GE(p.annotations[0].element, 0);
  EXPECT_EQ(p.elements[static_cast<std::size_t>(p.annotations[0].element)].role, "Link");
  ASSERT_EQ(p.fonts.size(), 1u);
  EXPECT_EQ(p.fonts[0].name, "Helvetica");
  EXPECT_FALSE(p.fonts[0].embedded);
  EXPECT_EQ(p.fonts[0].mapping, Font::Mapping::Standard);
  EXPECT_EQ(d.sha256.size(), 64u);
}

TEST(DocumentOpen, ReadsAnUntaggedPdf) {
  Document d = open_fixture("untagged.pdf");
  EXPECT_FALSE(d.pdf.catalog.has_struct_tree);
  EXPECT_FALSE(d.pdf.catalog.lang);
  ASSERT_EQ(d.pdf.pages.size(), 2u);
  EXPECT_GT(d.pdf.pages[0].untagged, 0u);
  EXPECT_TRUE(d.pdf.elements.empty());
}

TEST(DocumentOpen, ReportsSecurityThatBlocksAssistiveTechnology) {
  Document locked = open_fixture("no-accessibility.pdf");
  EXPECT_TRUE(locked.pdf.security.encrypted);
  EXPECT_FALSE(locked.pdf.security.password_required);
  EXPECT_FALSE(locked.pdf.security.accessibility_allowed);
  EXPECT_TRUE(locked.pdf.catalog.has_struct_tree);  // still checked: no password is needed

  Document password = open_fixture("password.pdf");
  EXPECT_TRUE(password.pdf.security.password_required);
  EXPECT_TRUE(password.pdf.pages.empty());
}

TEST(DocumentOpen, DamagedInputIsABilingualError) {
  for (const char* name : {"truncated.pdf", "deep.pdf", "html-named.pdf"}) {
    Result<Document> d = open(testing::read_fixture(std::string("documents/") + name), name);
    ASSERT_FALSE(d.ok()) << name;
    EXPECT_NE(d.error().message.find(name), std::string::npos);
    EXPECT_FALSE(d.error().message_sv.empty());
  }
  Result<Document> empty = open("", "tom.pdf");
  ASSERT_FALSE(empty.ok());
  EXPECT_EQ(empty.error().message_sv, "tom.pdf är inte ett PDF- eller Office-dokument");
}

TEST(DocumentOpen, LoopsEndWithANoteNotAHang) {
  Document d = open_fixture("loops.pdf");
  EXPECT_FALSE(d.notes.empty());
  EXPECT_FALSE(d.pdf.complete);
  EXPECT_LE(d.pdf.elements.size(), 3u);  // each element once, however often it is its own kid
}

TEST(DocumentOpen, LimitsStopBombsAndHugeFiles) {
  Limits small;
  small.max_stream_bytes = 1024 * 1024;
  Document bomb = open_fixture("bomb.pdf", small);  // 64 MB of content, cut at 1 MB
  ASSERT_EQ(bomb.pdf.pages.size(), 1u);
  EXPECT_FALSE(bomb.pdf.pages[0].content_read);
  EXPECT_FALSE(bomb.notes.empty());

  Limits tiny_total;
  tiny_total.max_total_stream_bytes = 1024;
  Document partial = open_fixture("tagged.pdf", tiny_total);
  EXPECT_FALSE(partial.pdf.complete);
  EXPECT_NE(partial.notes.front().message.find("Only part"), std::string::npos);

  Limits size;
  size.max_bytes = 100;
  Result<Document> big = open(testing::read_fixture("documents/tagged.pdf"), "tagged.pdf", size);
  ASSERT_FALSE(big.ok());
  EXPECT_NE(big.error().message.find("larger than the limit"), std::string::npos);

  Limits zip;
  zip.max_part_bytes = 1024 * 1024;
  Result<Document> zip_bomb = open(testing::read_fixture("documents/zip-bomb.docx"), "zip-bomb.docx", zip);
  ASSERT_FALSE(zip_bomb.ok());
  EXPECT_NE(zip_bomb.error().message.find("zip bomb"), std::string::npos);

  Limits no_time;
  no_time.max_time = std::chrono::milliseconds(0);
  Result<Document> late = open(testing::read_fixture("documents/tagged.pdf"), "tagged.pdf", no_time);
  if (late.ok()) {
    EXPECT_FALSE(late->pdf.complete);
  }
}

TEST(DocumentOpen, ReadsWordPowerPointAndExcel) {
  Document good = open_fixture("good.docx");
  EXPECT_EQ(good.format, Format::Docx);
  EXPECT_EQ(good.office.title, "Bygglov - Malmo stad");
  EXPECT_EQ(good.office.language, "sv-SE");
  ASSERT_EQ(good.office.images.size(), 1u);
  EXPECT_EQ(good.office.images[0].descr, "Karta over Malmo");
  ASSERT_EQ(good.office.tables.size(), 1u);
  EXPECT_TRUE(good.office.tables[0].header_row);
  EXPECT_EQ(good.office.headings, (std::vector<int>{1, 2}));

  Document bad = open_fixture("bad.docx");
  EXPECT_FALSE(bad.office.title && !bad.office.title->empty());
  EXPECT_FALSE(bad.office.language);
  ASSERT_EQ(bad.office.images.size(), 1u);
  EXPECT_FALSE(bad.office.images[0].descr);
  EXPECT_FALSE(bad.office.tables[0].header_row);
  EXPECT_TRUE(bad.office.headings.empty());

  Document slides = open_fixture("slides.pptx");
  ASSERT_EQ(slides.office.slides.size(), 2u);
  EXPECT_EQ(slides.office.slides[0].title, "Budget 2027");
  EXPECT_FALSE(slides.office.slides[1].title);
  EXPECT_EQ(slides.office.language, "sv-SE");
  EXPECT_EQ(slides.office.images.size(), 2u);

  Document book = open_fixture("book.xlsx");
  ASSERT_EQ(book.office.tables.size(), 2u);
  for (const OfficeTable& t : book.office.tables) EXPECT_EQ(t.header_row, t.name == "Taxor") << t.name;

  Document old = open_fixture("old.doc");
  EXPECT_EQ(old.format, Format::LegacyOffice);
}

}  // namespace
}  // namespace granska::documents
