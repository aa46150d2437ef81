// End-to-end: `granska check` on PDF and Office files (a path and an http URL on the
// loopback fixture server), in every report format, and on documents that cannot be read.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "support/fixture_server.h"
#include "support/run_program.h"
#include "support/test_paths.h"

namespace granska {
namespace {

using testing::fixture_path;
using testing::run_granska;
namespace fs = std::filesystem;

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

TEST(CheckDocument, ATaggedPdfPasses) {
  auto r = run_granska({"check", fixture_path("documents/tagged.pdf")});
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_NE(r.out.find("Dokument: PDF 1.7, 1 sida, taggad"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("EN 301 549 10.1.3.2"), std::string::npos) << r.out;  // the reading-order review
  EXPECT_EQ(r.out.find("Teckenkodning"), std::string::npos);
}

TEST(CheckDocument, AnUntaggedPdfFailsWithPlacesInTheDocument) {
  auto r = run_granska({"check", "--lang", "en", fixture_path("documents/untagged.pdf")});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.out.find("pdf-tagged"), std::string::npos);
  EXPECT_NE(r.out.find("EN 301 549 10.2.4.2"), std::string::npos);
  auto form = run_granska({"check", "--lang", "en", fixture_path("documents/form.pdf")});
  EXPECT_NE(form.out.find("page 1 · /Document[1]/Form[2]"), std::string::npos) << form.out;
}

TEST(CheckDocument, EveryFormatDescribesTheDocument) {
  const fs::path dir = fs::temp_directory_path() / ("granska-doc-" + std::to_string(::getpid()));
  auto r = run_granska({"check", "--format", "text,json,sarif,junit,earl", "--output-dir", dir.string(),
                        fixture_path("documents/form.pdf")});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  auto json = nlohmann::json::parse(slurp(dir / "granska.json"));
  EXPECT_EQ(json["document"]["format"], "pdf");
  EXPECT_EQ(json["document"]["pages"], 1);
  bool field = false;
  for (const auto& f : json["findings"]) {
    if (f["rule"] == "pdf-form-field-name" && f["outcome"] == "failed") {
      field = true;
      EXPECT_EQ(f["page"], 1);
      EXPECT_EQ(f["selector"], "/Document[1]/Form[2]");
      EXPECT_EQ(f["criteria"][0]["en_301_549"], "10.4.1.2");
    }
  }
  EXPECT_TRUE(field);
  const std::string sarif = slurp(dir / "granska.sarif");
  EXPECT_NE(sarif.find("\"10.4.1.2\""), std::string::npos);
  EXPECT_NE(sarif.find("/Document[1]/Form[2]"), std::string::npos);
  EXPECT_NE(slurp(dir / "granska.junit.xml").find("EN 301 549 10.4.1.2"), std::string::npos);
  EXPECT_NE(slurp(dir / "granska.earl.jsonld").find("pdf-form-field-name"), std::string::npos);
  fs::remove_all(dir);
}

TEST(CheckDocument, OfficeFilesAndOldFormats) {
  auto docx = run_granska({"check", "--lang", "en", fixture_path("documents/bad.docx")});
  EXPECT_EQ(docx.exit_code, 1);
  EXPECT_NE(docx.out.find("office-image-alt"), std::string::npos);
  auto doc = run_granska({"check", fixture_path("documents/old.doc")});
  EXPECT_EQ(doc.exit_code, 0);
  EXPECT_NE(doc.out.find("kan inte granskas automatiskt"), std::string::npos) << doc.out;
}

TEST(CheckDocument, UnreadableDocumentsAreAClearError) {
  auto truncated = run_granska({"check", fixture_path("documents/truncated.pdf")});
  EXPECT_EQ(truncated.exit_code, 2);
  EXPECT_NE(truncated.err.find("är en skadad PDF som inte går att läsa"), std::string::npos) << truncated.err;
  auto bomb = run_granska({"check", "--lang", "en", fixture_path("documents/zip-bomb.docx")});
  EXPECT_EQ(bomb.exit_code, 2);
  EXPECT_NE(bomb.err.find("zip bomb"), std::string::npos) << bomb.err;
  auto html = run_granska({"check", "--lang", "en", fixture_path("documents/html-named.pdf")});
  EXPECT_NE(html.out.find("checked as a web page"), std::string::npos) << html.out;
}

TEST(CheckDocument, FetchesADocumentOverHttp) {
  testing::FixtureServer server(testing::source_dir() + "/fixtures/documents");
  ASSERT_TRUE(server.start());
  auto pdf = run_granska({"check", "--lang", "en", server.url("/untagged.pdf")});
  EXPECT_EQ(pdf.exit_code, 1) << pdf.err;
  EXPECT_NE(pdf.out.find("Document: PDF 1.7, 2 pages, untagged"), std::string::npos) << pdf.out;
  auto pptx = run_granska({"check", "--lang", "en", server.url("/slides.pptx")});  // application/octet-stream
  EXPECT_NE(pptx.out.find("office-slide-title"), std::string::npos) << pptx.out << pptx.err;
}

}  // namespace
}  // namespace granska
