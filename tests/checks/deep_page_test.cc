// Rules must not recurse over the DOM: a deeply nested page (what a broken or hostile page
// can be) is checked without exhausting the stack. Each rule listed here walks one page
// nested 50,000 elements deep, parsed once: deeper pages cost the parser (not the rules)
// more than a unit test should take; a recursive rule overflows an 8 MB stack well before.
// The list grows with every rule written to iterate.
#include <gtest/gtest.h>

#include <string>

#include "engine/evaluate.h"

namespace granska {
namespace {

constexpr int kDepth = 50'000;

// Every rule written without recursion over the DOM.
const char* const kIterativeRules[] = {
    "bypass-blocks",        "main-content-heading", "main-content-landmark", "skip-link",
    "empty-table-header",   "table-in-header-cell", "table-fake-caption",    "table-duplicate-name",
    "scope-attr-valid",     "td-has-header",        "meter-name",            "progressbar-name",
    "tab-name",             "tooltip-name",         "treeitem-name",         "dialog-name",
    "aria-deprecated",      "aria-braille-equivalent", "aria-hidden-body",   "aria-conditional-attr",
    "landmark-one-main",    "landmark-no-duplicate", "landmark-top-level",   "landmark-unique",
    "content-in-landmarks", "heading-order",        "link-same-name-same-target", "iframe-name-unique",
    "label-title-only",     "form-field-multiple-labels", "marquee",         "obsolete-elements",
    "object-alt",           "duplicate-id-aria",    "server-side-image-map", "accesskey-unique",
    "meta-viewport-large",  "html-xml-lang-mismatch", "link-used-as-button", "link-title-redundant",
    "image-decorative-conflict", "fieldset-legend", "scrollable-region-focusable", "images-of-text",
    "aria-allowed-role",    "list-structure",       "aria-attr-defined",     "aria-attr-valid-value",
    "meta-refresh",         "meta-viewport",
};

std::string deep_page(std::string_view inner) {
  std::string html = "<!DOCTYPE html><html lang=sv><head><title>Djup</title></head><body>";
  html += "<nav><ul><li><a href=/a>A</a></li><li><a href=/b>B</a></li></ul></nav>";
  html.reserve(html.size() + kDepth * 11 + inner.size());
  for (int i = 0; i < kDepth; ++i) html += "<div>";
  html += inner;
  return html;  // the parser closes the open elements
}

class DeepPage : public ::testing::TestWithParam<const char*> {
 protected:
  static void SetUpTestSuite() {
    doc_ = html::Document::parse(deep_page(
                                     "<h1 id=x>Rubrik</h1><table><tr><th>a</th><td headers=x>b</td></tr></table>"
                                     "<p>text <a href=#x>x</a></p><img src=a.png><form><label>N <input></label></form>"))
               .release();
  }
  static void TearDownTestSuite() {
    delete doc_;
    doc_ = nullptr;
  }
  static inline html::Document* doc_ = nullptr;
};

TEST_P(DeepPage, RuleFinishes) {
  engine::PageEvaluation ev = engine::evaluate(*doc_, "file:///deep.html", engine::Registry::builtin(),
                                               engine::Selection{{GetParam()}, {}, true});
  ASSERT_EQ(ev.rules.size(), 1u) << GetParam();
  EXPECT_TRUE(ev.rules.front().error.empty()) << ev.rules.front().error;
}

INSTANTIATE_TEST_SUITE_P(Checks, DeepPage, ::testing::ValuesIn(kIterativeRules),
                         [](const ::testing::TestParamInfo<const char*>& p) {
                           std::string name = p.param;
                           for (char& c : name) {
                             if (c == '-') c = '_';
                           }
                           return name;
                         });

}  // namespace
}  // namespace granska
