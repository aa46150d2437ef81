// The fixtures of rules that need a browser (fixtures/checks/<rule>/README.md says
// "needs-rendering"), rendered in the real headless Chromium and checked through
// pipeline::check_rendered, as `granska check --render` does. File names and data-expect
// say the outcomes, as in rule_fixtures_test.cc. Skipped with a message where Chromium is
// missing (scripts/install-deps.sh installs it).
#include <gtest/gtest.h>

#include <filesystem>
#include <set>

#include "engine/registry.h"
#include "html/selector.h"
#include "input/load.h"
#include "pipeline/check_page.h"
#include "render/pool.h"
#include "support/chromium.h"
#include "support/test_paths.h"

namespace granska {
namespace {

namespace fs = std::filesystem;

std::string expected_outcome(const std::string& file) {
  for (const char* o : {"passed", "failed", "inapplicable", "cantTell"})
    if (file.rfind(std::string(o) + "-", 0) == 0) return o;
  return "";
}

TEST(RenderedRuleFixtures, OutcomesMatchExpectationsInTheBrowser) {
  REQUIRE_CHROMIUM();
  render::PoolOptions po;
  po.launch.loopback_only = true;
  po.tabs = 1;
  po.idle_quiet_ms = 100;
  auto pool = render::Pool::start(po);
  ASSERT_TRUE(pool.ok()) << pool.error().message;
  std::size_t checked = 0;
  for (const auto& dir : fs::directory_iterator(testing::fixture_path("checks"))) {
    const fs::path readme = dir.path() / "README.md";
    if (!fs::exists(readme)) continue;
    const std::string rule = dir.path().filename().string();
    if (testing::read_fixture("checks/" + rule + "/README.md").find("needs-rendering") == std::string::npos) continue;
    for (const auto& f : fs::directory_iterator(dir.path())) {
      if (f.path().extension() != ".html") continue;
      const std::string file = f.path().filename().string();
      SCOPED_TRACE(rule + "/" + file);
      render::PageRequest request;
      request.url = input::file_url_of(fs::absolute(f.path()).lexically_normal().string());
      auto page = (*pool)->render(request);
      ASSERT_TRUE(page.ok()) << page.error().message;
      auto view = render::RenderedView::build(std::move(page).value());
      ASSERT_TRUE(view.ok());
      input::Page described;
      described.target = file;
      described.url = request.url;
      pipeline::RunContext run;
      run.selection.only = {rule};
      auto result = pipeline::check_rendered(std::move(described), std::move(view).value(), run, nullptr, nullptr);
      ASSERT_EQ(result->evaluation.rules.size(), 1u);
      const engine::RuleResult& r = result->evaluation.rules.front();
      EXPECT_EQ(engine::to_string(r.outcome), expected_outcome(file));
      std::multiset<std::string> expected, got;
      for (const html::Node* e : result->doc->elements())
        if (auto want = e->attr("data-expect")) expected.insert(html::unique_selector(*e) + " " + std::string(*want));
      for (const engine::Finding& fd : r.findings) {
        if (!fd.node) continue;  // page-level findings are judged by the page outcome
        got.insert(html::unique_selector(*fd.node) + " " + std::string(engine::to_string(fd.outcome)) + ":" +
                   std::string(fd.message->id));
      }
      if (!expected.empty()) {
        EXPECT_EQ(got, expected);
      }
      ++checked;
    }
  }
  EXPECT_GE(checked, 7u);
}

}  // namespace
}  // namespace granska
