// Pages whose size made work grow with its square (issue #16): a million attributes on one
// element, 160,000 images without alt in one parent, a descendant selector on a 40,000-deep
// page. Each test would run for minutes with the old code; a test never asserts a time,
// so these assert the results that the linear code gives (and ctest's timeout catches a
// regression to quadratic time).
#include <gtest/gtest.h>

#include <sstream>

#include "engine/evaluate.h"
#include "html/dom.h"
#include "html/selector.h"
#include "input/load.h"
#include "reports/page/report.h"

namespace granska {
namespace {

TEST(PathologicalPage, MillionAttributesAreCappedBeforeParsing) {
  std::string page = "<!DOCTYPE html><title>t</title><div id=x";
  for (int i = 0; i < 1000000; ++i) page += " a" + std::to_string(i);
  page += ">text</div><p class=after>";
  std::string capped = page;
  EXPECT_EQ(html::cap_attributes(capped), 1000000 + 1 - html::kMaxAttributesPerElement);
  EXPECT_EQ(capped.size(), page.size());  // blanked, so positions stay true
  auto doc = html::Document::parse(page);
  const html::Node* div = doc->element_by_id("x");
  ASSERT_NE(div, nullptr);
  EXPECT_EQ(div->attributes().size(), html::kMaxAttributesPerElement);
  EXPECT_EQ(div->text_content(), "text");
  const html::Node* p = doc->elements().back();
  EXPECT_TRUE(p->is("p"));
  EXPECT_EQ(p->attr("class"), "after");

  // The page's notes say so.
  auto loaded = input::make_page("x.html", "file:///x.html", {}, 0, page, "text/html");
  ASSERT_TRUE(loaded) << loaded.error().text(Lang::En);
  bool noted = false;
  for (const Error& n : loaded->notes) noted = noted || n.text(Lang::En).find("attributes were ignored") != std::string::npos;
  EXPECT_TRUE(noted);
}

TEST(PathologicalPage, AttributeCapKeepsOrdinaryMarkupUntouched) {
  std::string page =
      "<title>a <b c d></title><script>if (a<b) x = '<div a b c>';</script><!-- <p q r s> -->"
      "<img alt=\"a > b\" src='x'><p data-x=1 data-y=\"2\" hidden>";
  std::string copy = page;
  EXPECT_EQ(html::cap_attributes(copy), 0u);
  EXPECT_EQ(copy, page);
  // A tag just over the cap loses only its last attribute; its line breaks stay.
  std::string over = "<p";
  for (std::size_t i = 0; i <= html::kMaxAttributesPerElement; ++i) over += "\n a" + std::to_string(i) + "='v'";
  over += ">";
  std::string capped = over;
  EXPECT_EQ(html::cap_attributes(capped), 1u);
  EXPECT_EQ(std::count(capped.begin(), capped.end(), '\n'), std::count(over.begin(), over.end(), '\n'));
  EXPECT_EQ(capped.find("a" + std::to_string(html::kMaxAttributesPerElement) + "="), std::string::npos);
}

TEST(PathologicalPage, ManyImagesWithoutAltAreCappedAndCounted) {
  std::string page = "<!DOCTYPE html><html lang=sv><title>t</title><body><div>";
  for (int i = 0; i < 160000; ++i) page += "<img src=a.png>";
  auto doc = html::Document::parse(page);
  engine::Selection only;
  only.only = {"image-alt"};
  engine::PageEvaluation ev = engine::evaluate(*doc, "https://example.se/", engine::Registry::builtin(), only);
  ASSERT_EQ(ev.rules.size(), 1u);
  const engine::RuleResult& r = ev.rules[0];
  EXPECT_EQ(r.outcome, engine::Outcome::Failed);
  EXPECT_EQ(r.findings.size(), engine::kMaxFindingsPerOutcome);
  EXPECT_EQ(r.omitted[static_cast<std::size_t>(engine::Outcome::Failed)], 160000 - engine::kMaxFindingsPerOutcome);
  EXPECT_EQ(ev.count(engine::Outcome::Failed), 160000u);
  // Selector paths count siblings once per document, not once per finding.
  EXPECT_EQ(engine::locate(r.findings.back().node).selector,
            "html > body > div > img:nth-of-type(" + std::to_string(engine::kMaxFindingsPerOutcome) + ")");
  EXPECT_EQ(html::unique_selector(*doc->elements().back()), "html > body > div > img:nth-of-type(160000)");

  // The reports say how many more there are.
  input::Page loaded;
  loaded.url = "https://example.se/";
  std::ostringstream text, json;
  reports::Options flat;  // the list of every finding (check --all), which says what it leaves out
  flat.all = true;
  reports::write_text(text, reports::PageReport{loaded, ev}, flat);
  EXPECT_NE(text.str().find("… och 159000 till"), std::string::npos);
  EXPECT_NE(text.str().find("160\u00a0000 underkända"), std::string::npos);
  reports::write_json(json, reports::PageReport{loaded, ev}, reports::Options{});
  EXPECT_NE(json.str().find("\"omitted\""), std::string::npos);
  EXPECT_NE(json.str().find("159000"), std::string::npos);
}

TEST(PathologicalPage, DescendantSelectorOnDeepPageIsLinear) {
  std::string page = "<body>";
  for (int i = 0; i < 40000; ++i) page += "<div>";
  auto doc = html::Document::parse(page);
  auto sel = html::Selector::parse("div div div div div");
  ASSERT_TRUE(sel);
  std::vector<const html::Node*> all = sel->select_all(*doc);
  EXPECT_EQ(all.size(), 40000u - 4);
  // One element at a time, as the cascade asks: failures are remembered, not re-explored.
  auto never = html::Selector::parse("span div div div div");
  ASSERT_TRUE(never);
  EXPECT_FALSE(never->matches(*doc->elements().back()));
  EXPECT_TRUE(never->select_all(*doc).empty());
  EXPECT_TRUE(sel->matches(*doc->elements().back()));
}

TEST(PathologicalPage, SelectorPathOfDeepElementIsBounded) {
  std::string page = "<body>";
  for (int i = 0; i < 5000; ++i) page += "<div>";
  auto doc = html::Document::parse(page);
  std::string path = html::unique_selector(*doc->elements().back());
  EXPECT_EQ(std::count(path.begin(), path.end(), '>'), static_cast<long>(html::kMaxSelectorSteps - 1));
}

}  // namespace
}  // namespace granska
