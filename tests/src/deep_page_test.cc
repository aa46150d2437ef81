// A page nested hundreds of thousands of levels deep (issue #16: 60,000 <div>s crashed the
// contrast code's recursion) must go through parsing, every registered rule, every page
// report writer and `granska inspect` without exhausting the stack. The guard for the
// whole class: any recursion over the DOM fails here (most visibly in the ASan build,
// whose larger frames overflow sooner).
//
// The 200,000-deep page nests <span>s: Gumbo handles each nested block start tag (<div>)
// by scanning the whole stack of open elements, which is quadratic in the depth (110 s
// of CPU for 200,000 <div>s, 4 s for the issue's 60,000), while inline elements cost it
// nothing extra. The DOM is as deep either way, which is what this test is about.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "aria/semantics.h"
#include "engine/evaluate.h"
#include "html/charset.h"
#include "html/dom.h"
#include "html/selector.h"
#include "reports/page/report.h"
#include "support/run_program.h"

namespace granska {
namespace {

// `depth` nested elements with a little of everything rules look at on the way down, so
// the name, hidden, style, contrast and selector code all walk the full depth.
std::string deep_page(int depth, bool varied) {
  std::string s = "<!DOCTYPE html><html lang=sv><title>t</title><style>span{color:#333;background:#fff} "
                  "span span span span span{color:#222} .c{background:#eee}</style><body>";
  s.reserve(s.size() + static_cast<std::size_t>(depth) * 12);
  if (varied) s += "<a href=/x aria-labelledby=l><span id=l>";
  for (int i = 0; i < depth; ++i) s += i % 1000 == 0 ? "<span class=c style='opacity:0.9'>" : "<span>";
  s += "x<img src=a.png><button>b</button>";
  return s;
}

void run_everything(const std::string& source) {
  html::Decoded decoded = html::decode_to_utf8(source, "text/html; charset=utf-8");
  auto doc = html::Document::parse(decoded.text);
  engine::PageEvaluation ev = engine::evaluate(*doc, "https://example.se/deep", engine::Registry::builtin());
  std::size_t page_rules = 0;
  for (const engine::Rule* r : engine::Registry::builtin().rules()) page_rules += r->info.subject == engine::Subject::Page;
  ASSERT_EQ(ev.rules.size(), page_rules);  // every rule for web pages ran
  for (const auto& r : ev.rules) EXPECT_TRUE(r.error.empty()) << r.rule->info.id << ": " << r.error;
  input::Page page;
  page.url = "https://example.se/deep";
  page.decoded = decoded;
  reports::PageReport report{page, ev};
  reports::Options options;
  options.show_passed = true;
  std::ostringstream text, json, sarif, junit, earl;
  reports::write_text(text, report, options);
  reports::write_json(json, report, options);
  reports::write_sarif(sarif, report, options);
  reports::write_junit(junit, report, options);
  reports::write_earl(earl, std::span<const reports::PageReport>(&report, 1), options);
  EXPECT_NE(json.str().find("image-alt"), std::string::npos);
  EXPECT_FALSE(sarif.str().empty());
  EXPECT_FALSE(junit.str().empty());
  EXPECT_FALSE(earl.str().empty());

  // The semantics layer's own entry points on the deepest element, as inspect uses them.
  aria::Semantics sem(*doc);
  const html::Node* deepest = doc->elements().back();
  EXPECT_EQ(engine::locate(deepest).selector.empty(), false);
  (void)sem.name(*deepest);
  (void)sem.description(*deepest);
  (void)sem.hidden_from_at(*deepest);
  (void)sem.focusable(*deepest);
}

TEST(DeepPage, IssuePageOf60000Divs) {
  std::string page = "<title>t</title>";
  for (int i = 0; i < 60000; ++i) page += "<div>";
  page += "x";
  run_everything(page);
}

TEST(DeepPage, EveryRuleAndWriterAt200000Levels) { run_everything(deep_page(200000, true)); }

TEST(DeepPage, InspectAt200000Levels) {
  std::filesystem::path file = std::filesystem::temp_directory_path() / "granska-deep-page-test.html";
  {
    std::ofstream out(file, std::ios::binary);
    out << deep_page(200000, true);
  }
  for (const char* format : {"text", "json"}) {
    testing::ProgramResult r =
        testing::run_granska({"inspect", file.string(), "-s", "button, span span span span span img", "--format", format});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("img"), std::string::npos);
  }
  std::filesystem::remove(file);
}

}  // namespace
}  // namespace granska
