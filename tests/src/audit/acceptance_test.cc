// The per-criterion decision of the acceptance report, over the fixture e-service's pages
// evaluated in process, with accepted issues before and after their expiry.
#include "audit/acceptance.h"

#include <gtest/gtest.h>

#include "support/test_paths.h"

namespace granska::audit {
namespace {

struct Pages {
  std::vector<std::unique_ptr<html::Document>> docs;
  std::vector<engine::PageEvaluation> evals;
  std::vector<PageInput> inputs;
  Pages(std::initializer_list<const char*> files) {
    for (const char* f : files) {
      docs.push_back(html::Document::parse(testing::read_fixture(std::string("e-service/") + f)));
      evals.push_back(engine::evaluate(*docs.back(), std::string("https://e.malmo.se/parkering/") + f,
                                       engine::Registry::builtin()));
    }
    std::size_t i = 0;
    for (const char* f : files) inputs.push_back({std::string("https://e.malmo.se/parkering/") + f, &evals[i++], false});
  }
};

const CriterionRow& row(const Acceptance& a, std::string_view sc) {
  for (const CriterionRow& r : a.rows) {
    if (r.criterion->number == sc) return r;
  }
  throw std::runtime_error("no row " + std::string(sc));
}

TEST(Acceptance, EveryCriterionOfTheProfileGetsAnHonestResult) {
  Pages p{"index.html", "steg-1.html", "klart.html"};
  const org::Profile& profile = *org::find_profile("wcag21-aa");
  Acceptance a = decide(engine::Registry::builtin(), profile, p.inputs, nullptr, *parse_date("2026-11-23"));
  ASSERT_EQ(a.rows.size(), 50u);
  EXPECT_EQ(row(a, "1.1.1").result, CriterionResult::Failed);     // image-alt on the logo
  EXPECT_EQ(row(a, "4.1.2").result, CriterionResult::Failed);     // the icon button without a name
  EXPECT_EQ(row(a, "1.2.2").result, CriterionResult::NotApplicable);  // no media anywhere
  EXPECT_EQ(row(a, "1.2.4").result, CriterionResult::NotApplicable);  // no rule, but no media either
  EXPECT_EQ(row(a, "2.1.2").result, CriterionResult::NeedsReview);    // no rule tests keyboard traps
  EXPECT_EQ(row(a, "2.4.2").result, CriterionResult::Passed);
  EXPECT_FALSE(row(a, "2.4.2").remains.sv.empty());  // a passed row still says what remains
  EXPECT_EQ(row(a, "3.1.1").result, CriterionResult::Passed);
  EXPECT_EQ(a.verdict, Verdict::Failed);
  EXPECT_TRUE(a.fails_at(engine::Impact::Critical));

  // With media on a page, the media criteria need a person instead.
  p.inputs[0].has_media = true;
  Acceptance m = decide(engine::Registry::builtin(), profile, p.inputs, nullptr, *parse_date("2026-11-23"));
  EXPECT_EQ(row(m, "1.2.4").result, CriterionResult::NeedsReview);
}

TEST(Acceptance, AnAcceptedFailureDoesNotFailTheRunUntilItExpires) {
  Pages p{"index.html"};  // its only failures: image-alt and link-name on the logo link
  Result<AcceptedList> list = parse_accepted(R"(
[[accepted]]
rule = "image-alt"
url_prefix = "https://e.malmo.se/parkering/"
justification = "Logotypen byts i release 4.2"
expires = 2027-03-31
[[accepted]]
rule = "link-name"
url = "https://e.malmo.se/parkering/index.html"
justification = "Logotypen byts i release 4.2"
expires = 2027-03-31
[[accepted]]
rule = "page-title"
url_prefix = "https://e.malmo.se/"
justification = "Matchar inget"
expires = 2027-03-31
)", "accepted.toml");
  ASSERT_TRUE(list);
  const org::Profile& profile = *org::find_profile("wcag21-aa");

  Acceptance before = decide(engine::Registry::builtin(), profile, p.inputs, &*list, *parse_date("2027-03-31"));
  EXPECT_FALSE(before.fails_at(engine::Impact::Minor));
  EXPECT_EQ(row(before, "1.1.1").result, CriterionResult::Accepted);
  EXPECT_EQ(row(before, "1.1.1").accepted, 1u);
  EXPECT_NE(before.verdict, Verdict::Failed);
  ASSERT_EQ(before.stale.size(), 1u);
  EXPECT_EQ(before.stale[0], 2u);

  Acceptance after = decide(engine::Registry::builtin(), profile, p.inputs, &*list, *parse_date("2027-04-01"));
  EXPECT_TRUE(after.fails_at(engine::Impact::Critical));
  EXPECT_EQ(row(after, "1.1.1").result, CriterionResult::Failed);
  EXPECT_EQ(after.verdict, Verdict::Failed);
  bool expired = false;
  for (const Issue& i : after.issues) expired = expired || i.state == IssueState::AcceptanceExpired;
  EXPECT_TRUE(expired);
}

TEST(Acceptance, UnloadedPagesMakeTheVerdictIncomplete) {
  Pages p{"klart.html"};
  p.inputs.push_back({"https://e.malmo.se/parkering/saknas", nullptr, false});
  Acceptance a = decide(engine::Registry::builtin(), *org::find_profile("wcag21-aa"), p.inputs, nullptr,
                        *parse_date("2026-11-23"));
  EXPECT_EQ(a.pages_failed, 1u);
  EXPECT_EQ(a.pages_checked, 1u);
  EXPECT_EQ(a.verdict, Verdict::Incomplete);
}

TEST(Acceptance, CatalogueHashIsStable) {
  const std::string h = catalogue_sha256(engine::Registry::builtin());
  EXPECT_EQ(h.size(), 64u);
  EXPECT_EQ(h, catalogue_sha256(engine::Registry::builtin()));
}

}  // namespace
}  // namespace granska::audit
