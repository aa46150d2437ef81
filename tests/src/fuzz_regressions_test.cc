// Every input with which a fuzz target (tests/fuzz, scripts/fuzz.sh) found a crash is kept
// in fixtures/fuzz/regressions/<target>/ and replayed here through what the target runs,
// so the normal and sanitizer test builds keep it fixed.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <sstream>

#include "engine/evaluate.h"
#include "html/charset.h"
#include "html/dom.h"
#include "reports/page/report.h"
#include "style/cascade.h"
#include "style/loader.h"
#include "support/test_paths.h"

namespace granska {
namespace {

namespace fs = std::filesystem;

void run_html_target(const std::string& bytes) {
  html::Decoded decoded = html::decode_to_utf8(bytes, "text/html");
  auto doc = html::Document::parse(decoded.text);
  engine::PageEvaluation ev = engine::evaluate(*doc, "https://example.se/fuzz", engine::Registry::builtin());
  for (const auto& r : ev.rules) EXPECT_TRUE(r.error.empty()) << r.rule->info.id << ": " << r.error;
  input::Page page;
  page.url = "https://example.se/fuzz";
  page.decoded = std::move(decoded);
  reports::PageReport report{page, ev};
  reports::Options options;
  options.show_passed = true;
  std::ostringstream out;
  reports::write_text(out, report, options);
  reports::write_json(out, report, options);
  reports::write_sarif(out, report, options);
  reports::write_junit(out, report, options);
  reports::write_earl(out, std::span<const reports::PageReport>(&report, 1), options);
}

TEST(FuzzRegressions, HtmlInputsRunClean) {
  fs::path dir = testing::fixture_path("fuzz/regressions/html");
  int n = 0;
  for (const auto& entry : fs::directory_iterator(dir)) {
    SCOPED_TRACE(entry.path().filename().string());
    run_html_target(testing::read_fixture("fuzz/regressions/html/" + entry.path().filename().string()));
    ++n;
  }
  EXPECT_GT(n, 0);
}

// The first find (in the cascade before style/): cascaded values pointed into style sheets
// that the constructor had already destroyed (heap-use-after-free under ASan). The
// style module's values live in the sheets the page keeps for as long as its styles.
TEST(FuzzRegressions, CascadedValuesOutliveTheConstructor) {
  auto doc = html::Document::parse(testing::read_fixture("fuzz/regressions/html/cascaded-value-after-sheets-freed.html"));
  style::PageSheets sheets = style::collect_sheets(*doc, "https://example.se/", nullptr, nullptr, {});
  style::ComputedStyles styles(*doc, sheets);
  const html::Node* main = nullptr;
  for (const html::Node* e : doc->elements()) {
    if (e->is("main")) main = e;
  }
  ASSERT_NE(main, nullptr);
  style::Provenance p = styles.provenance(*main, style::Property::Transform);
  ASSERT_NE(p.declaration, nullptr);
  EXPECT_EQ(p.declaration->value.text, "rotate(1turn)");
  ASSERT_TRUE(styles.of(*main).rotation.has_value());
  // A whole turn: no change in orientation (the orientation rule compares modulo 180°).
  EXPECT_DOUBLE_EQ(std::fmod(*styles.of(*main).rotation, 360.0), 0.0);
}

}  // namespace
}  // namespace granska
