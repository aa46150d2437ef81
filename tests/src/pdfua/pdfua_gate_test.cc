// CI gate: granska's PDF rules against the PDF/UA-1 part of the veraPDF corpus
// (../shared/pdfua beside the repository). Fails when a requirement's figures fall below
// tests/pdfua/baseline.json or a pass file fails a requirement granska implements.
// Regenerate the baseline with
//   granska pdfua --suite ../shared/pdfua --write-baseline tests/pdfua/baseline.json
#include <gtest/gtest.h>

#include <filesystem>

#include "pdfua/corpus.h"

namespace granska::pdfua {
namespace {

const std::string kCorpus = GRANSKA_SOURCE_DIR "/../shared/pdfua";
const std::string kBaseline = GRANSKA_SOURCE_DIR "/tests/pdfua/baseline.json";

TEST(PdfuaCorpus, ParsesTheCorpusFileNames) {
  std::string test;
  bool fail = false;
  ASSERT_TRUE(parse_name("7.1-t10-fail-b.pdf", test, fail));
  EXPECT_EQ(test, "7.1-t10");
  EXPECT_TRUE(fail);
  ASSERT_TRUE(parse_name("7-18.3-t01-pass-a.pdf", test, fail));  // the corpus's own typo
  EXPECT_EQ(test, "7.18.3-t01");
  EXPECT_FALSE(fail);
  ASSERT_TRUE(parse_name("5-t02-pass-a.pdf", test, fail));
  EXPECT_EQ(test, "5-t02");
  EXPECT_FALSE(parse_name("README.md", test, fail));
  EXPECT_FALSE(parse_name("7.1-t01-maybe-a.pdf", test, fail));
}

TEST(PdfuaCorpus, EveryRequirementNamesARuleAndItsDiagnostics) {
  const engine::Registry& registry = engine::Registry::builtin();
  for (const Requirement& r : requirements()) {
    const engine::Rule* rule = registry.find(r.rule);
    ASSERT_NE(rule, nullptr) << r.test;
    for (std::string_view m : r.messages) {
      bool known = false;
      for (const engine::Message* msg : rule->info.messages) known = known || msg->id == m;
      EXPECT_TRUE(known) << r.test << ": " << r.rule << " has no message " << m;
    }
  }
}

TEST(PdfuaGate, NoRequirementFallsBelowTheBaseline) {
  if (!std::filesystem::is_directory(kCorpus)) GTEST_SKIP() << "PDF/UA corpus not found at " << kCorpus;
  Result<std::vector<CorpusFile>> files = list_corpus(kCorpus);
  ASSERT_TRUE(files.ok()) << files.error().message;
  ASSERT_GT(files->size(), 50u);
  Result<Baseline> baseline = read_baseline(kBaseline);
  ASSERT_TRUE(baseline.ok()) << baseline.error().message;
  CorpusRun run = run_corpus(std::move(files).value(), engine::Registry::builtin());
  for (const std::string& problem : check_gate(run, *baseline)) ADD_FAILURE() << problem;
  for (const RequirementScore& s : run.scores) {
    // The target: no pass file fails, and at least 90 % of the fail files fail.
    EXPECT_EQ(s.pass_right, s.pass_files) << s.requirement->test;
    EXPECT_GE(s.fail_right * 10, s.fail_files * 9) << s.requirement->test;
  }
}

}  // namespace
}  // namespace granska::pdfua
