// The document rules (checks/pdf_*.cc, checks/office_*.cc): named outcomes on the document
// fixtures, and on small models built here for the cases a fixture file would hide.
#include <gtest/gtest.h>

#include <map>
#include <set>

#include "documents/document.h"
#include "engine/evaluate.h"
#include "support/test_paths.h"

namespace granska::checks {
namespace {

using engine::Outcome;
using Outcomes = std::map<std::string, std::set<std::pair<Outcome, std::string>>>;  // rule → (outcome, message)

Outcomes run(const documents::Document& d) {
  Outcomes out;
  for (const engine::RuleResult& r : engine::evaluate(d, "test", engine::Registry::builtin()).rules) {
    EXPECT_TRUE(r.error.empty()) << r.rule->info.id << ": " << r.error;
    auto& set = out[std::string(r.rule->info.id)];
    for (const engine::Finding& f : r.findings) set.insert({f.outcome, std::string(f.message->id)});
  }
  return out;
}

Outcomes run_fixture(const std::string& name) {
  Result<documents::Document> d = documents::open(testing::read_fixture("documents/" + name), name);
  EXPECT_TRUE(d.ok()) << name;
  return d.ok() ? run(*d) : Outcomes{};
}

bool has(const Outcomes& o, const std::string& rule, Outcome outcome, const std::string& message) {
  auto it = o.find(rule);
  return it != o.end() && it->second.count({outcome, message}) > 0;
}
bool any_failed(const Outcomes& o, const std::string& rule) {
  auto it = o.find(rule);
  if (it == o.end()) return false;
  return std::any_of(it->second.begin(), it->second.end(), [](const auto& p) { return p.first == Outcome::Failed; });
}
bool inapplicable(const Outcomes& o, const std::string& rule) {
  auto it = o.find(rule);
  return it != o.end() && it->second.empty();
}

TEST(DocumentRules, EveryRuleHasAPlaceInTheCatalogue) {
  std::size_t pdf = 0, office = 0;
  for (const engine::Rule* r : engine::Registry::builtin().rules()) {
    const engine::RuleInfo& info = r->info;
    if (info.subject == engine::Subject::Page) continue;
    (info.subject == engine::Subject::Pdf ? pdf : office)++;
    EXPECT_NE(r->evaluate_document, nullptr) << info.id;
    EXPECT_FALSE(info.criteria.empty()) << info.id;
    for (const engine::CriterionRef& c : info.criteria) {
      EXPECT_FALSE(engine::find_criterion(c.number)->doc_clause.empty()) << info.id << " " << c.number;
    }
    if (info.kind == engine::RuleKind::BestPractice) {
      EXPECT_FALSE(info.best_practice_reason.sv.empty()) << info.id;
    }
  }
  EXPECT_GE(pdf, 20u);
  EXPECT_GE(office, 6u);
}

TEST(DocumentRules, ATaggedPdfPassesAndAsksForAReadingOrderReview) {
  Outcomes o = run_fixture("tagged.pdf");
  for (const char* rule : {"pdf-tagged", "pdf-title", "pdf-xmp-metadata", "pdf-ua-identifier", "pdf-document-language",
                           "pdf-content-tagged", "pdf-figure-alt", "pdf-table-structure", "pdf-table-headers",
                           "pdf-list-structure", "pdf-annotation-tagged", "pdf-link-contents", "pdf-tab-order",
                           "pdf-text-unicode", "pdf-scanned", "pdf-role-map", "pdf-headings", "pdf-heading-order"}) {
    EXPECT_FALSE(any_failed(o, rule)) << rule;
  }
  EXPECT_TRUE(has(o, "pdf-figure-alt", Outcome::Passed, "has-alt"));
  EXPECT_TRUE(has(o, "pdf-reading-order", Outcome::CantTell, "review-reading-order"));
  EXPECT_TRUE(has(o, "pdf-fonts-embedded", Outcome::Failed, "not-embedded"));  // Helvetica, a warning
  EXPECT_TRUE(inapplicable(o, "pdf-security"));
  EXPECT_TRUE(inapplicable(o, "pdf-form-field-name"));
}

TEST(DocumentRules, AnUntaggedPdfFailsTagsTitleAndLanguage) {
  Outcomes o = run_fixture("untagged.pdf");
  EXPECT_TRUE(has(o, "pdf-tagged", Outcome::Failed, "no-struct-tree"));
  EXPECT_TRUE(has(o, "pdf-title", Outcome::Failed, "no-title"));
  EXPECT_TRUE(has(o, "pdf-document-language", Outcome::Failed, "no-language"));
  // Structure rules have nothing to look at: pdf-tagged already says why.
  EXPECT_TRUE(inapplicable(o, "pdf-figure-alt"));
  EXPECT_TRUE(inapplicable(o, "pdf-content-tagged"));
  EXPECT_TRUE(inapplicable(o, "pdf-reading-order"));
  EXPECT_TRUE(has(o, "pdf-scanned", Outcome::Passed, "has-text"));
}

TEST(DocumentRules, ScannedFormsAndLockedPdfs) {
  Outcomes scanned = run_fixture("scanned.pdf");
  EXPECT_TRUE(has(scanned, "pdf-scanned", Outcome::Failed, "picture-of-text"));

  Outcomes form = run_fixture("form.pdf");
  EXPECT_TRUE(has(form, "pdf-form-field-name", Outcome::Passed, "has-name"));
  EXPECT_TRUE(has(form, "pdf-form-field-name", Outcome::Failed, "no-name"));
  EXPECT_TRUE(has(form, "pdf-tab-order", Outcome::Failed, "no-tabs"));
  EXPECT_TRUE(has(form, "pdf-annotation-tagged", Outcome::Passed, "annotation-tagged"));

  Outcomes locked = run_fixture("no-accessibility.pdf");
  EXPECT_TRUE(has(locked, "pdf-security", Outcome::Failed, "accessibility-blocked"));

  Outcomes password = run_fixture("password.pdf");
  EXPECT_TRUE(has(password, "pdf-security", Outcome::Failed, "password-required"));
  EXPECT_TRUE(inapplicable(password, "pdf-title"));  // nothing was read: no guesses
  EXPECT_TRUE(inapplicable(password, "pdf-tagged"));
}

TEST(DocumentRules, OfficeFiles) {
  Outcomes good = run_fixture("good.docx");
  for (const char* rule : {"office-title", "office-language", "office-image-alt", "office-table-header", "office-headings"}) {
    EXPECT_FALSE(any_failed(good, rule)) << rule;
    EXPECT_FALSE(inapplicable(good, rule)) << rule;
  }
  Outcomes bad = run_fixture("bad.docx");
  EXPECT_TRUE(has(bad, "office-title", Outcome::Failed, "no-title"));
  EXPECT_TRUE(has(bad, "office-language", Outcome::Failed, "no-language"));
  EXPECT_TRUE(has(bad, "office-image-alt", Outcome::Failed, "no-alt"));
  EXPECT_TRUE(has(bad, "office-table-header", Outcome::Failed, "no-header-row"));
  EXPECT_TRUE(has(bad, "office-headings", Outcome::CantTell, "no-headings"));

  Outcomes slides = run_fixture("slides.pptx");
  EXPECT_TRUE(has(slides, "office-slide-title", Outcome::Passed, "has-title"));
  EXPECT_TRUE(has(slides, "office-slide-title", Outcome::Failed, "no-title"));
  EXPECT_TRUE(has(slides, "office-image-alt", Outcome::Failed, "no-alt"));

  Outcomes book = run_fixture("book.xlsx");
  EXPECT_TRUE(has(book, "office-language", Outcome::Passed, "language"));
  EXPECT_TRUE(has(book, "office-table-header", Outcome::Failed, "no-header-row"));

  Outcomes old = run_fixture("old.doc");
  EXPECT_TRUE(has(old, "office-legacy-format", Outcome::CantTell, "cannot-check"));
  EXPECT_TRUE(inapplicable(old, "office-title"));
}

// ---- models built by hand -------------------------------------------------------------

documents::Document tagged_model() {
  documents::Document d;
  d.pdf.catalog.has_struct_tree = true;
  d.pdf.catalog.marked = true;
  d.pdf.catalog.lang = "sv";
  return d;
}

int add(documents::Pdf& p, std::string role, int parent) {
  documents::Element e;
  e.type = e.role = std::move(role);
  e.parent = parent;
  e.path = "/" + e.type;
  const int i = static_cast<int>(p.elements.size());
  if (parent >= 0) p.elements[static_cast<std::size_t>(parent)].children.push_back(i);
  p.elements.push_back(std::move(e));
  return i;
}

TEST(DocumentRules, TablesWithSpansAreCountedOnAGrid) {
  documents::Document d = tagged_model();
  auto& p = d.pdf;
  const int table = add(p, "Table", -1);
  const int r1 = add(p, "TR", table);
  const int th = add(p, "TH", r1);
  p.elements[static_cast<std::size_t>(th)].col_span = 2;
  p.elements[static_cast<std::size_t>(th)].scope = "Column";
  const int r2 = add(p, "TR", table);
  add(p, "TD", r2);
  add(p, "TD", r2);
  Outcomes ok = run(d);
  EXPECT_TRUE(has(ok, "pdf-table-structure", Outcome::Passed, "table-structure"));
  EXPECT_TRUE(has(ok, "pdf-table-headers", Outcome::Passed, "headers-determinable"));

  add(p, "TD", r2);  // three columns under a header spanning two
  EXPECT_TRUE(has(run(d), "pdf-table-structure", Outcome::Failed, "irregular-rows"));

  p.elements[static_cast<std::size_t>(th)].scope.reset();
  EXPECT_TRUE(has(run(d), "pdf-table-headers", Outcome::Failed, "th-without-scope"));
  for (documents::Element& e : p.elements) {
    if (e.role == "TD") e.headers = std::vector<std::string>{"h1"};
  }
  EXPECT_FALSE(any_failed(run(d), "pdf-table-headers"));  // Headers/IDs decide instead
}

TEST(DocumentRules, HeadingLevelsAndRoleMapping) {
  documents::Document d = tagged_model();
  add(d.pdf, "H1", -1);
  add(d.pdf, "H3", -1);
  Outcomes o = run(d);
  EXPECT_TRUE(has(o, "pdf-heading-order", Outcome::Failed, "skipped-level"));
  EXPECT_TRUE(has(o, "pdf-headings", Outcome::Passed, "has-headings"));

  d.pdf.role_mappings.push_back({"Rubrik", documents::RoleMapping::Status::Mapped, "H1"});
  d.pdf.role_mappings.push_back({"Loop", documents::RoleMapping::Status::Circular, ""});
  d.pdf.role_mappings.push_back({"P", documents::RoleMapping::Status::StandardRemapped, "Span"});
  o = run(d);
  EXPECT_TRUE(has(o, "pdf-role-map", Outcome::Passed, "mapped"));
  EXPECT_TRUE(has(o, "pdf-role-map", Outcome::Failed, "circular"));
  EXPECT_TRUE(has(o, "pdf-role-map", Outcome::Failed, "standard-remapped"));
}

TEST(DocumentRules, LanguageIsInheritedOrMissing) {
  documents::Document d = tagged_model();
  d.pdf.catalog.lang.reset();
  const int doc = add(d.pdf, "Document", -1);
  d.pdf.elements[static_cast<std::size_t>(doc)].lang = "sv-SE";
  const int p = add(d.pdf, "P", doc);
  d.pdf.elements[static_cast<std::size_t>(p)].mcids = {0};
  EXPECT_TRUE(has(run(d), "pdf-document-language", Outcome::Passed, "language-per-part"));
  d.pdf.elements[static_cast<std::size_t>(doc)].lang.reset();
  EXPECT_TRUE(has(run(d), "pdf-document-language", Outcome::Failed, "text-without-language"));
  d.pdf.catalog.lang = "svenska";
  EXPECT_TRUE(has(run(d), "pdf-document-language", Outcome::Failed, "invalid-language"));
}

TEST(DocumentRules, IncompleteReadingIsNotAPass) {
  documents::Document d = tagged_model();
  documents::PageInfo page;
  page.number = 1;
  page.content_read = false;
  d.pdf.pages.push_back(page);
  EXPECT_TRUE(has(run(d), "pdf-content-tagged", Outcome::CantTell, "content-unreadable"));
}

}  // namespace
}  // namespace granska::checks
