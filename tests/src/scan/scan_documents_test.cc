// Documents in the scheduled scan, against an in-memory web and a temporary database: a
// linked PDF or docx is fetched, checked and stored with the committee of every page that
// links to it; an unchanged document keeps its result; one that cannot be opened is
// recorded with the reason; the per-scan cap and the size limit leave documents out and
// say so.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>

#include "scan/scheduled_scan.h"
#include "store/scan_source.h"
#include "support/fake_web.h"
#include "support/test_paths.h"

namespace granska::scan {
namespace {

namespace fs = std::filesystem;
using granska::testing::FakeWeb;

constexpr const char* kSite = "http://kommun.test";

std::string page(const std::string& title, const std::string& body) {
  return "<!doctype html><html lang=\"sv\"><head><title>" + title + "</title></head><body><main>" + body +
         "</main></body></html>";
}
std::string url(const std::string& path) { return std::string(kSite) + path; }

class ScanDocuments : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("granska-scan-docs-" + std::to_string(::getpid()) + "-" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    web_.serve(url("/robots.txt"), {200, "text/plain", "User-agent: *\nAllow: /\n"});
    // The start page (the board, ks) and the planning committee's page (sbn) both link the
    // shared untagged PDF; each links documents of its own.
    web_.serve(url("/"), {200, "text/html",
                          page("Start", "<a href=\"/bygglov\">Bygglov</a> <a href=\"/dokument/plan.pdf\">Plan</a> "
                                        "<a href=\"/dokument/gemensam.pdf\">Gemensam</a>"),
                          "\"start-1\""});
    web_.serve(url("/bygglov"),
               {200, "text/html",
                page("Bygglov", "<a href=\"/\">Start</a> <a href=\"/dokument/gemensam.pdf\">Gemensam</a> "
                                "<a href=\"/dokument/blankett.docx\">Blankett</a> "
                                "<a href=\"/dokument/trasig.pdf\">Trasig</a>"),
                "\"bygglov-1\""});
    serve_document("/dokument/plan.pdf", "documents/tagged.pdf", "application/pdf", "\"plan-1\"");
    serve_document("/dokument/gemensam.pdf", "documents/untagged.pdf", "application/pdf", "\"gem-1\"");
    // No validators: a later scan tells an unchanged body by its SHA-256.
    serve_document("/dokument/blankett.docx", "documents/bad.docx",
                   "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "");
    serve_document("/dokument/trasig.pdf", "documents/truncated.pdf", "application/pdf", "\"trasig-1\"");
  }
  void TearDown() override { fs::remove_all(dir_); }

  void serve_document(const std::string& path, const std::string& fixture, const std::string& type,
                      const std::string& etag) {
    web_.serve(url(path), {200, type, testing::read_fixture(fixture), etag});
  }

  // The configuration, with `extra` top-level settings (document limits).
  void configure(const std::string& extra = "") {
    config_path_ = (dir_ / "stad.toml").string();
    std::ofstream(config_path_) << "delay_ms = 0\n" << extra << "fallback = \"ks\"\n"
                                << "[[site]]\nseeds = [\"" << kSite << "/\"]\n"
                                << "[[unit]]\nid = \"ks\"\nname_sv = \"Kommunstyrelsen\"\nname_en = \"Board\"\n"
                                   "type = \"namnd\"\nhosts = [\"kommun.test\"]\n"
                                   "[[unit]]\nid = \"sbn\"\nname_sv = \"Stadsbyggnadsnämnden\"\nname_en = \"Planning\"\n"
                                   "type = \"namnd\"\nprefixes = [\"kommun.test/bygglov\"]\n"
                                   "[scan]\ndatabase = \"scan.db\"\nreports = \"rapporter\"\nkeep = 3\n";
    std::vector<config::ConfigProblem> problems;
    config_ = config::load_org_config(config_path_, problems);
    ASSERT_TRUE(problems.empty()) << problems.front().en;
  }

  ScheduledScanResult run() {
    ScheduledScan s;
    s.config_path = config_path_;
    s.config = &config_;
    s.db = (dir_ / "scan.db").string();
    s.reports = (dir_ / "rapporter").string();
    s.workers = 2;
    s.network = network_.get();
    return run_scheduled_scan(s, {});
  }

  std::map<std::string, results::DocumentRow> documents(results::ScanId scan) {
    std::map<std::string, results::DocumentRow> out;
    auto source = store::open_scan_source((dir_ / "scan.db").string());
    EXPECT_TRUE(source.ok());
    if (!source) return out;
    (*source)->for_each_document(scan, [&](const results::DocumentRow& d) { out[d.url] = d; });
    return out;
  }

  static std::set<std::string> units(const results::DocumentRow& d) {
    std::set<std::string> out;
    for (const results::DocumentReferrer& r : d.linked_from) out.insert(r.unit);
    return out;
  }
  static bool has_failure(const results::DocumentRow& d, const std::string& rule) {
    for (const results::FindingRow& f : d.findings) {
      if (f.rule == rule && f.outcome == engine::Outcome::Failed) return true;
    }
    return false;
  }
  std::string read(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
  }

  fs::path dir_;
  std::string config_path_;
  config::OrgConfig config_;
  FakeWeb web_;
  std::unique_ptr<fetch::Transfers> network_ = web_.transfers();
};

TEST_F(ScanDocuments, LinkedDocumentsAreCheckedAndCountForEveryCommitteeLinkingThem) {
  configure();
  const ScheduledScanResult r = run();
  ASSERT_EQ(r.ended, ScheduledScanResult::Ended::Done) << r.error.message;
  auto docs = documents(r.scan);
  ASSERT_EQ(docs.size(), 4u);

  const results::DocumentRow& shared = docs.at(url("/dokument/gemensam.pdf"));
  EXPECT_EQ(shared.state, "checked");
  EXPECT_EQ(shared.format, "pdf");
  EXPECT_TRUE(has_failure(shared, "pdf-tagged")) << "the untagged PDF fails the tagging rule";
  EXPECT_FALSE(shared.rule_outcomes.empty());
  EXPECT_EQ(shared.content_sha256.size(), 64u);
  EXPECT_EQ(units(shared), (std::set<std::string>{"ks", "sbn"})) << "linked from both committees' pages";

  const results::DocumentRow& plan = docs.at(url("/dokument/plan.pdf"));
  EXPECT_EQ(plan.state, "checked");
  EXPECT_FALSE(has_failure(plan, "pdf-tagged"));
  EXPECT_EQ(units(plan), std::set<std::string>{"ks"});

  const results::DocumentRow& form = docs.at(url("/dokument/blankett.docx"));
  EXPECT_EQ(form.state, "checked");
  EXPECT_EQ(form.format, "docx");
  EXPECT_FALSE(form.findings.empty());
  EXPECT_EQ(units(form), std::set<std::string>{"sbn"});

  // A damaged file: recorded with the reason, the scan goes on.
  const results::DocumentRow& broken = docs.at(url("/dokument/trasig.pdf"));
  EXPECT_EQ(broken.state, "unreadable");
  EXPECT_NE(broken.error.find("skadad"), std::string::npos) << broken.error;
  EXPECT_FALSE(broken.error_en.empty());
  EXPECT_TRUE(broken.findings.empty());

  // A document finding is located in the document, not by line and column.
  for (const results::FindingRow& f : shared.findings) {
    EXPECT_EQ(f.line, 0u);
    EXPECT_EQ(f.column, 0u);
  }
}

TEST_F(ScanDocuments, AnUnchangedDocumentKeepsItsResult) {
  configure();
  const ScheduledScanResult first = run();
  ASSERT_EQ(first.ended, ScheduledScanResult::Ended::Done) << first.error.message;
  const std::size_t docx_before = web_.requests_of(url("/dokument/blankett.docx"));
  const std::size_t pdf_before = web_.requests_of(url("/dokument/gemensam.pdf"));
  const std::size_t not_modified = web_.not_modified();
  const ScheduledScanResult second = run();
  ASSERT_EQ(second.ended, ScheduledScanResult::Ended::Done) << second.error.message;
  auto before = documents(first.scan);
  auto after = documents(second.scan);
  ASSERT_EQ(after.size(), 4u);
  for (const auto& [u, d] : after) {
    SCOPED_TRACE(u);
    EXPECT_TRUE(d.unchanged);
    EXPECT_EQ(d.state, before.at(u).state);
    EXPECT_EQ(d.findings.size(), before.at(u).findings.size());
    EXPECT_EQ(d.error, before.at(u).error);
    EXPECT_EQ(units(d), units(before.at(u)));
  }
  // With an ETag: one conditional request answered 304. Without validators: the body is
  // fetched again (with the first request when there is room for a body, else by a second
  // one) and its hash matches.
  EXPECT_EQ(web_.requests_of(url("/dokument/gemensam.pdf")) - pdf_before, 1u);
  EXPECT_LE(web_.requests_of(url("/dokument/blankett.docx")) - docx_before, 2u);
  EXPECT_GE(web_.not_modified() - not_modified, 3u);

  // A document that changes is checked again.
  serve_document("/dokument/blankett.docx", "documents/good.docx",
                 "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "");
  const ScheduledScanResult third = run();
  ASSERT_EQ(third.ended, ScheduledScanResult::Ended::Done) << third.error.message;
  const results::DocumentRow changed = documents(third.scan).at(url("/dokument/blankett.docx"));
  EXPECT_FALSE(changed.unchanged);
  EXPECT_NE(changed.content_sha256, before.at(url("/dokument/blankett.docx")).content_sha256);
}

TEST_F(ScanDocuments, TheCapLeavesDocumentsOutAndSaysSo) {
  configure("max_documents = 2\n");
  const ScheduledScanResult r = run();
  ASSERT_EQ(r.ended, ScheduledScanResult::Ended::Done) << r.error.message;
  std::size_t fetched = 0, over = 0;
  for (const auto& [u, d] : documents(r.scan)) {
    if (d.state == "over-cap") {
      ++over;
      EXPECT_NE(d.error.find("gräns"), std::string::npos) << d.error;
      EXPECT_LE(web_.requests_of(u), 1u) << "its body was never asked for: " << u;
    } else {
      ++fetched;
    }
  }
  EXPECT_EQ(fetched, 2u);
  EXPECT_EQ(over, 2u);
}

TEST_F(ScanDocuments, ADocumentOverTheSizeLimitIsNotFetched) {
  configure("max_document_mb = 1\n");
  const std::string big = "%PDF-1.7\n" + std::string(2 * 1024 * 1024, ' ');
  web_.serve(url("/dokument/plan.pdf"), {200, "application/pdf", big, "\"big\""});
  FakeWeb::Reply chunked{200, "application/pdf", big, "\"big2\""};
  chunked.no_length = true;  // the size is only known once the body comes
  web_.serve(url("/dokument/gemensam.pdf"), chunked);
  const ScheduledScanResult r = run();
  ASSERT_EQ(r.ended, ScheduledScanResult::Ended::Done) << r.error.message;
  auto docs = documents(r.scan);
  EXPECT_EQ(docs.at(url("/dokument/plan.pdf")).state, "too-large");
  EXPECT_NE(docs.at(url("/dokument/plan.pdf")).error.find("1 MB"), std::string::npos)
      << docs.at(url("/dokument/plan.pdf")).error;
  EXPECT_EQ(web_.requests_of(url("/dokument/plan.pdf")), 1u) << "the headers were enough";
  EXPECT_EQ(docs.at(url("/dokument/gemensam.pdf")).state, "not-fetched");
  EXPECT_FALSE(docs.at(url("/dokument/gemensam.pdf")).error.empty());
  EXPECT_EQ(docs.at(url("/dokument/blankett.docx")).state, "checked") << "the others are checked";
}

// A link with user:password@ to a document: what is stored names the document and its
// linking page without the password, and the linking page still counts for its committee
// (the crawl keys a document's referrers by the URL as records name it).
TEST_F(ScanDocuments, ADocumentLinkedWithAPasswordKeepsItsLinkingPage) {
  web_.serve(url("/bygglov"),
             {200, "text/html",
              page("Bygglov", "<a href=\"/\">Start</a> "
                              "<a href=\"http://redaktor:hemligt@kommun.test/dokument/inloggad.pdf\">Intern</a>"),
              "\"bygglov-2\""});
  serve_document("/dokument/inloggad.pdf", "documents/tagged.pdf", "application/pdf", "\"inl-1\"");
  configure();
  const ScheduledScanResult r = run();
  ASSERT_EQ(r.ended, ScheduledScanResult::Ended::Done) << r.error.message;
  auto docs = documents(r.scan);
  ASSERT_EQ(docs.count(url("/dokument/inloggad.pdf")), 1u);
  const results::DocumentRow& d = docs.at(url("/dokument/inloggad.pdf"));
  EXPECT_EQ(d.state, "checked");
  EXPECT_EQ(units(d), std::set<std::string>{"sbn"});
  ASSERT_EQ(d.linked_from.size(), 1u);
  EXPECT_EQ(d.linked_from[0].url, url("/bygglov"));
  for (const auto& [u, row] : docs) {
    EXPECT_EQ(u.find("hemligt"), std::string::npos) << u;
    EXPECT_EQ(row.final_url.find("hemligt"), std::string::npos) << row.final_url;
  }
}

TEST_F(ScanDocuments, DocumentChecksCanBeTurnedOff) {
  configure("check_documents = false\n");
  const ScheduledScanResult r = run();
  ASSERT_EQ(r.ended, ScheduledScanResult::Ended::Done) << r.error.message;
  for (const auto& [u, d] : documents(r.scan)) {
    EXPECT_EQ(d.state, "listed") << u;
    EXPECT_EQ(web_.requests_of(u), 1u) << u;
  }
}

}  // namespace
}  // namespace granska::scan
