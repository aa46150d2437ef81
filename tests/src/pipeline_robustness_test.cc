// Bad input must never crash the pipeline: random bytes and random tag soup go through
// decoding, parsing, every rule and both writers (run under ASan/UBSan in CI).
#include <gtest/gtest.h>

#include <random>
#include <sstream>

#include "engine/evaluate.h"
#include "html/charset.h"
#include "html/dom.h"
#include "reports/page/report.h"

namespace granska {
namespace {

std::string tag_soup(std::mt19937& rng) {
  static const char* pieces[] = {
      "<html", "<html lang='", "<title>", "</title>", "<img", " alt=", "\"", "'", ">", "<", "/>", "<div",
      "</div>", "<svg><title>", "role=img", "role=none ", "aria-labelledby=a b", " id=a", " id=b",
      "aria-hidden=true", "<template>", "</template>", "<table><tr><td>", "<!--", "-->", "&amp;", "&#0;",
      "&#xD800;", "\xff\xfe", "\xc3\xa5", "\x1b[31m", "<script>", "</script>", "<style>p{display:none}</style>",
      "style='display:none'", "<label for=a>", "<input id=a>", "hidden", " ", "\n", "\0", "<a href=#>"};
  std::string out;
  std::uniform_int_distribution<std::size_t> pick(0, std::size(pieces) - 1);
  std::uniform_int_distribution<int> len(0, 400);
  for (int i = 0, n = len(rng); i < n; ++i) out += pieces[pick(rng)];
  return out;
}

void run_everything(const std::string& bytes) {
  html::Decoded decoded = html::decode_to_utf8(bytes, "text/html; charset=utf-8");
  auto doc = html::Document::parse(decoded.text);
  engine::PageEvaluation ev = engine::evaluate(*doc, "stdin:", engine::Registry::builtin());
  for (const auto& r : ev.rules) EXPECT_TRUE(r.error.empty()) << r.rule->info.id << ": " << r.error;
  input::Page page;
  page.decoded = decoded;
  std::ostringstream text, json;
  reports::write_text(text, reports::PageReport{page, ev}, reports::Options{});
  reports::write_json(json, reports::PageReport{page, ev}, reports::Options{});
}

TEST(PipelineRobustness, RandomTagSoup) {
  std::mt19937 rng(20261123);
  for (int i = 0; i < 300; ++i) run_everything(tag_soup(rng));
}

TEST(PipelineRobustness, RandomBytes) {
  std::mt19937 rng(42);
  std::uniform_int_distribution<int> byte(0, 255);
  for (int i = 0; i < 100; ++i) {
    std::string s(static_cast<std::size_t>(byte(rng)) * 8, '\0');
    for (char& c : s) c = static_cast<char>(byte(rng));
    run_everything(s);
  }
}

TEST(PipelineRobustness, DeepNestingAndSelfReferences) {
  std::string deep;
  for (int i = 0; i < 3000; ++i) deep += "<div role=img aria-labelledby=x id=x>";
  run_everything(deep);
  run_everything("<img id=a aria-labelledby='a b'><img id=b aria-labelledby='b a'>");
}

}  // namespace
}  // namespace granska
