#include "checks/common/wording.h"

#include <gtest/gtest.h>

namespace granska::checks::wording {
namespace {

TEST(Wording, NormalisingIgnoresCasePunctuationSymbolsAndSpace) {
  EXPECT_EQ(normalise_phrase("  LÄS MER » "), "läs mer");
  EXPECT_EQ(normalise_phrase("Läs\u00a0mer…"), "läs mer");
  EXPECT_EQ(normalise_phrase("Klicka här →"), "klicka här");
  EXPECT_EQ(normalise_phrase("ÅÄÖ ÉÜ"), "åäö éü");
  EXPECT_EQ(normalise_phrase("*"), "");
  EXPECT_EQ(normalise_phrase("pdf-fil, 2 MB"), "pdf fil 2 mb");
  EXPECT_EQ(normalise_phrase("\xef\x80\x80 Mer"), "mer");  // an icon-font glyph is no word
  EXPECT_EQ(normalise_phrase("مزيد"), "مزيد");              // other scripts are kept
}

TEST(Wording, GenericLinkTexts) {
  for (const char* s : {"Läs mer", "läs mer här", "Klicka HÄR!", "Här", "Mer info", "Mer information", "Länk",
                        "Read more", "Click here", "here", "More", "Mer", "Läs mer »", "Läs mer..."}) {
    EXPECT_TRUE(is_generic_link_text(s)) << s;
  }
  for (const char* s : {"Läs mer om bygglov", "Här hittar du förskolor", "Mer om parkering", "", "Merinfo.se"}) {
    EXPECT_FALSE(is_generic_link_text(s)) << s;
  }
}

TEST(Wording, PlaceholderAltsAndFileNames) {
  EXPECT_TRUE(is_placeholder_alt("Bild"));
  EXPECT_TRUE(is_placeholder_alt("image"));
  EXPECT_TRUE(is_placeholder_alt("ikon"));
  EXPECT_FALSE(is_placeholder_alt("Bild på Turning Torso"));
  EXPECT_FALSE(is_placeholder_alt("logo"));
  EXPECT_TRUE(is_bare_logo_word("Logotyp"));
  EXPECT_FALSE(is_bare_logo_word("Malmö stads logotyp"));

  EXPECT_EQ(file_name_likeness("IMG_1234.jpg"), FileNameLikeness::Certain);
  EXPECT_EQ(file_name_likeness("bild.PNG"), FileNameLikeness::Certain);
  EXPECT_EQ(file_name_likeness("Skärmavbild 2023-05-01 kl. 10.15.32.png"), FileNameLikeness::Certain);
  EXPECT_EQ(file_name_likeness("DSC0001"), FileNameLikeness::Certain);
  EXPECT_EQ(file_name_likeness("PXL_20230501_101500123"), FileNameLikeness::Certain);
  EXPECT_EQ(file_name_likeness("foto_2023-05-01"), FileNameLikeness::Likely);
  EXPECT_EQ(file_name_likeness("Images of Malmö"), FileNameLikeness::No);
  EXPECT_EQ(file_name_likeness("Imagine"), FileNameLikeness::No);
  EXPECT_EQ(file_name_likeness("Dscout"), FileNameLikeness::No);
  EXPECT_EQ(file_name_likeness("Malmö 2024"), FileNameLikeness::No);
}

TEST(Wording, NewWindowWarnings) {
  EXPECT_TRUE(mentions_new_window("Boka tid (öppnas i nytt fönster)"));
  EXPECT_TRUE(mentions_new_window("VA SYD, Öppnas i ny flik"));
  EXPECT_TRUE(mentions_new_window("Region Skåne - opens in a new tab"));
  EXPECT_FALSE(mentions_new_window("Nyttfönsterputs AB"));
  EXPECT_FALSE(mentions_new_window("Boka tid"));
}

TEST(Wording, DocumentFormats) {
  EXPECT_EQ(document_format_of_url("/download/18.1/17/Arsredovisning.PDF?x=1#s2"), "PDF");
  EXPECT_EQ(document_format_of_url("https://malmo.se/blankett.docx"), "Word");
  EXPECT_EQ(document_format_of_url("data.xlsx"), "Excel");
  EXPECT_FALSE(document_format_of_url("/protokoll?format=pdf"));
  EXPECT_FALSE(document_format_of_url("/pdf/"));
  EXPECT_FALSE(document_format_of_url("https://malmo.se/"));
  EXPECT_EQ(document_format_of_mime("application/pdf; charset=binary"), "PDF");
  EXPECT_EQ(document_format_of_mime("application/vnd.oasis.opendocument.text"), "OpenDocument");
  EXPECT_FALSE(document_format_of_mime("text/html"));

  EXPECT_TRUE(mentions_document_format("Årsredovisning 2023 (pdf, 2 MB)"));
  EXPECT_TRUE(mentions_document_format("Blankett, pdf-fil"));
  EXPECT_TRUE(mentions_document_format("Worddokument"));
  EXPECT_TRUE(mentions_document_format("Budget (350kB)"));
  EXPECT_TRUE(mentions_document_format("Budget 2,5 MB"));
  EXPECT_FALSE(mentions_document_format("Årsredovisning 2023"));
}

}  // namespace
}  // namespace granska::checks::wording
