// The acceptance review as a library function, against an in-memory web.
#include "audit/audit_run.h"

#include <gtest/gtest.h>

#include <map>
#include <sstream>

#include "reports/formats.h"
#include "support/fake_web.h"
#include "support/test_paths.h"

namespace granska::audit {
namespace {

using granska::testing::FakeWeb;

constexpr const char* kService = "http://tjanst.test";

std::string page(const std::string& title, const std::string& body) {
  return "<!doctype html><html lang=\"sv\"><head><title>" + title + "</title></head><body><main><h1>" + title +
         "</h1>" + body + "</main></body></html>";
}

class AuditRunTest : public ::testing::Test {
 protected:
  void SetUp() override {
    web_.serve(std::string(kService) + "/", {200, "text/html", page("Ansökan", "<a href=\"/steg2\">Nästa steg</a>")});
    web_.serve(std::string(kService) + "/steg2", {200, "text/html", page("Steg 2", "<img src=\"karta.png\">")});
  }

  AuditRequest request() {
    AuditRequest r;
    r.targets = {std::string(kService) + "/", std::string(kService) + "/steg2"};
    r.profile = org::find_profile("wcag21-aa");
    r.today = *parse_date("2026-12-01");
    return r;
  }

  AuditNetwork network() { return {fetcher_.get(), transfers_.get()}; }

  FakeWeb web_;
  std::unique_ptr<fetch::Fetcher> fetcher_ = web_.fetcher();
  std::unique_ptr<fetch::Transfers> transfers_ = web_.transfers();
};

TEST_F(AuditRunTest, AFailureFailsItsCriterionAndTheGate) {
  Result<AuditRun> run = run_audit(request(), network());
  ASSERT_TRUE(run.ok()) << run.error().message;
  ASSERT_EQ(run->pages.size(), 2u);
  EXPECT_TRUE(run->pages[1].loaded);
  EXPECT_EQ(run->acceptance.verdict, Verdict::Failed);
  EXPECT_TRUE(run->acceptance.fails_at(engine::Impact::Minor));
  const auto row = std::find_if(run->acceptance.rows.begin(), run->acceptance.rows.end(),
                                [](const CriterionRow& r) { return r.criterion->number == "1.1.1"; });
  ASSERT_NE(row, run->acceptance.rows.end());
  EXPECT_EQ(row->result, CriterionResult::Failed);
}

TEST_F(AuditRunTest, AnAcceptedIssueInForcePassesTheGateUntilItExpires) {
  Result<AcceptedList> accepted = parse_accepted(
      "[[accepted]]\nrule = \"image-alt\"\nurl = \"http://tjanst.test/steg2\"\n"
      "justification = \"Kartan byts mot en tillgänglig i januari\"\nexpires = 2026-12-31\n",
      "accepted.toml", [](std::string_view id) { return engine::Registry::builtin().find(id) != nullptr; });
  ASSERT_TRUE(accepted.ok()) << accepted.error().message;
  AuditRequest r = request();
  r.accepted = &*accepted;
  Result<AuditRun> in_force = run_audit(r, network());
  ASSERT_TRUE(in_force.ok());
  EXPECT_FALSE(in_force->acceptance.fails_at(engine::Impact::Minor));
  r.today = *parse_date("2027-01-01");
  Result<AuditRun> expired = run_audit(r, network());
  ASSERT_TRUE(expired.ok());
  EXPECT_TRUE(expired->acceptance.fails_at(engine::Impact::Minor));
}

TEST_F(AuditRunTest, APageThatCannotBeLoadedIsRecordedAndMakesTheReviewIncomplete) {
  web_.serve(std::string(kService) + "/steg2", {200, "text/html", page("Steg 2", "<p>ok</p>")});
  AuditRequest r = request();
  r.targets.push_back(std::string(kService) + "/borta");
  Result<AuditRun> run = run_audit(r, network());
  ASSERT_TRUE(run.ok());
  ASSERT_EQ(run->pages.size(), 3u);
  EXPECT_FALSE(run->pages[2].loaded);
  EXPECT_EQ(run->checked[2], nullptr);
  EXPECT_NE(run->pages[2].error.message.find("404"), std::string::npos) << run->pages[2].error.message;
  EXPECT_EQ(run->acceptance.verdict, Verdict::Incomplete);
}

TEST_F(AuditRunTest, TheCrawlFindsLinkedPagesAndCredentialsNeverReachThePages) {
  AuditRequest r = request();
  r.targets = {"http://kund:hemligt@tjanst.test/"};
  r.crawl = true;
  r.basic_credentials = "kund:hemligt";
  Result<AuditRun> run = run_audit(r, network());
  ASSERT_TRUE(run.ok()) << run.error().message;
  EXPECT_TRUE(run->login.basic_auth);
  for (const AuditedPage& p : run->pages) {
    EXPECT_EQ(p.target.find("hemligt"), std::string::npos) << p.target;
    EXPECT_EQ(p.url.find("hemligt"), std::string::npos) << p.url;
  }
  const bool found_step2 = std::any_of(run->pages.begin(), run->pages.end(), [](const AuditedPage& p) {
    return p.url == "http://tjanst.test/steg2";
  });
  EXPECT_TRUE(found_step2);
}

// Documents in an audit: a listed PDF, a Word file and a damaged PDF the crawl finds; each
// checked with the document rules (their failures fail the criteria like a page's), the
// damaged one recorded as not loaded with the reason; every format writes them.
TEST_F(AuditRunTest, DocumentsListedOrFoundAreCheckedInEveryFormat) {
  web_.serve(std::string(kService) + "/",
             {200, "text/html",
              page("Ansökan", "<a href=\"/steg2\">Nästa steg</a> <a href=\"/villkor.docx\">Villkor (Word)</a> "
                              "<a href=\"/trasig.pdf\">Protokoll (PDF)</a>")});
  web_.serve(std::string(kService) + "/steg2", {200, "text/html", page("Steg 2", "<p>ok</p>")});
  web_.serve(std::string(kService) + "/blankett.pdf",
             {200, "application/pdf", testing::read_fixture("documents/untagged.pdf")});
  web_.serve(std::string(kService) + "/villkor.docx",
             {200, "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
              testing::read_fixture("documents/bad.docx")});
  web_.serve(std::string(kService) + "/trasig.pdf",
             {200, "application/pdf", testing::read_fixture("documents/truncated.pdf")});
  AuditRequest r = request();
  r.targets = {std::string(kService) + "/", std::string(kService) + "/blankett.pdf"};
  r.crawl = true;
  Result<AuditRun> run = run_audit(r, network());
  ASSERT_TRUE(run.ok()) << run.error().message;
  std::map<std::string, std::size_t> at;
  for (std::size_t i = 0; i < run->pages.size(); ++i) at[run->pages[i].url] = i;
  ASSERT_EQ(at.count(std::string(kService) + "/villkor.docx"), 1u) << "found by the crawl";
  const std::size_t pdf = at.at(std::string(kService) + "/blankett.pdf");
  const std::size_t docx = at.at(std::string(kService) + "/villkor.docx");
  const std::size_t broken = at.at(std::string(kService) + "/trasig.pdf");
  EXPECT_EQ(run->pages[pdf].document, "pdf");
  ASSERT_NE(run->documents[pdf], nullptr);
  EXPECT_EQ(run->checked[pdf], nullptr);
  EXPECT_EQ(run->pages[docx].document, "docx");
  EXPECT_FALSE(run->pages[broken].loaded);
  EXPECT_NE(run->pages[broken].error.text(Lang::Sv).find("skadad PDF"), std::string::npos)
      << run->pages[broken].error.text(Lang::Sv);
  EXPECT_EQ(run->acceptance.verdict, Verdict::Failed);
  // The untagged PDF has no language: 3.1.1 fails, on the document, located in it.
  const auto lang_row = std::find_if(run->acceptance.rows.begin(), run->acceptance.rows.end(),
                                     [](const CriterionRow& row) { return row.criterion->number == "3.1.1"; });
  ASSERT_NE(lang_row, run->acceptance.rows.end());
  EXPECT_EQ(lang_row->result, CriterionResult::Failed);
  bool pdf_issue = false;
  for (const Issue& is : run->acceptance.issues) {
    if (is.page == pdf && is.rule->info.id == "pdf-document-language") pdf_issue = true;
    if (is.page == pdf || is.page == docx) {
      EXPECT_EQ(is.location.line, 0u);
    }
  }
  EXPECT_TRUE(pdf_issue);

  // Every acceptance format writes the documents.
  reports::AcceptanceReport report;
  report.version = "test";
  report.profile = r.profile;
  report.pages = run->pages;
  report.acceptance = &run->acceptance;
  std::vector<reports::PageReport> pages;
  for (std::size_t i = 0; i < run->pages.size(); ++i) {
    if (run->checked[i]) pages.push_back({run->checked[i]->page, run->checked[i]->evaluation, nullptr});
    if (run->documents[i]) {
      pages.push_back({run->documents[i]->page, run->documents[i]->evaluation, nullptr, &run->documents[i]->document});
    }
  }
  for (const std::string& name : reports::acceptance_format_names()) {
    SCOPED_TRACE(name);
    std::ostringstream out;
    reports::find_format(name)->acceptance(out, report, pages, reports::Options{});
    const std::string text = out.str();
    EXPECT_NE(text.find("blankett.pdf"), std::string::npos);
    EXPECT_NE(text.find("villkor.docx"), std::string::npos);
    if (name == "html" || name == "json" || name == "text") {
      EXPECT_NE(text.find("trasig.pdf"), std::string::npos);
      EXPECT_NE(text.find("pdf-document-language"), std::string::npos);
    }
    if (name == "earl" || name == "sarif" || name == "junit") {
      EXPECT_NE(text.find("office-image-alt"), std::string::npos);
    }
  }
}

TEST_F(AuditRunTest, NothingToCheckIsAnError) {
  AuditRequest r = request();
  r.targets.clear();
  EXPECT_FALSE(run_audit(r, network()).ok());
}

}  // namespace
}  // namespace granska::audit
