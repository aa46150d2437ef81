// Landmarks: the regions screen reader users jump between (banner, navigation, main,
// complementary, contentinfo, region, form, search). Twin rules over the landmarks in the
// accessibility tree (roles from aria::Semantics, so <header>/<footer> count as banner/
// contentinfo only when scoped to the page, <section> and <form> only when named):
//
//   landmark-one-main      (axe-core "landmark-one-main", "landmark-no-duplicate-main") —
//                          exactly one main landmark.
//   landmark-no-duplicate  (axe-core "landmark-no-duplicate-banner", "...-contentinfo") — at
//                          most one banner and one contentinfo landmark.
//   landmark-top-level     (axe-core "landmark-banner-is-top-level", "...-contentinfo-...",
//                          "...-main-...", "...-complementary-...") — banner, contentinfo,
//                          main and complementary landmarks are not inside another landmark.
//   landmark-unique        (axe-core "landmark-unique") — landmarks of the same role have
//                          different names, so a list of landmarks tells them apart.
//
// Kind: BestPractice, all four. Landmarks are one way among several to meet 1.3.1 and 2.4.1
// (headings and skip links are others; bypass-blocks checks that one exists): a page with
// two unnamed <nav> or no <main> makes landmark navigation worse, not impossible.
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "aria/aria_data.h"
#include "engine/registry.h"

namespace granska::checks {
namespace {

using namespace engine;

// ---- landmark-one-main ----
const Message kOneMain{"one-main", {"Sidan har ett huvudinnehåll (main).", "The page has one main landmark."}};
const Message kNoMain{"no-main",
                      {"Sidan har inget huvudinnehåll märkt med <main>. Skärmläsaranvändare kan inte hoppa direkt "
                       "till sidans innehåll.",
                       "The page has no main content marked with <main>. Screen reader users cannot jump straight "
                       "to the page's content."}};
const Message kExtraMain{"extra-main",
                         {"Sidan har mer än ett huvudinnehåll (main). Det ska finnas ett; de andra kan vara <section> "
                          "med en rubrik.",
                          "The page has more than one main landmark. There should be one; the others can be "
                          "<section> with a heading."}};

const RuleInfo kOneMainInfo{
    .id = "landmark-one-main",
    .title = {"Sidan har ett huvudinnehåll", "The page has one main landmark"},
    .description = {"Kontrollerar att sidan har exakt ett <main> (eller role=\"main\"), så att "
                    "skärmläsaranvändare kan hoppa direkt till innehållet.",
                    "Checks that the page has exactly one <main> (or role=\"main\"), so screen reader users can "
                    "jump straight to the content."},
    .help = {"Lägg sidans huvudinnehåll i ett <main>-element, och bara ett per sida. Det görs oftast i sidmallen.",
             "Put the page's main content in one <main> element, and only one per page. This is usually done in "
             "the page template."},
    .criteria = {sc("1.3.1"), sc("2.4.1")},
    .axe_rules = {"landmark-one-main", "landmark-no-duplicate-main"},
    .impact = Impact::Moderate,
    .kind = RuleKind::BestPractice,
    .messages = {&kOneMain, &kNoMain, &kExtraMain},
};

// ---- landmark-no-duplicate ----
const Message kSingle{"single", {"Sidan har bara ett {0}-landmärke.", "The page has only one {0} landmark."}};
const Message kDuplicate{"duplicate",
                         {"Sidan har mer än ett {0}-landmärke ({1}). Det ska bara finnas ett sidhuvud och en sidfot "
                          "för hela sidan; använd <header>/<footer> inuti <article> eller <section> för delar av "
                          "sidan.",
                          "The page has more than one {0} landmark ({1}). There should be only one page header and "
                          "one page footer; use <header>/<footer> inside <article> or <section> for parts of the "
                          "page."}};

const RuleInfo kDuplicateInfo{
    .id = "landmark-no-duplicate",
    .title = {"Sidan har ett sidhuvud och en sidfot", "The page has one page header and one page footer"},
    .description = {"Kontrollerar att sidan har högst ett sidhuvud (banner, <header>) och en sidfot (contentinfo, "
                    "<footer>) för hela sidan.",
                    "Checks that the page has at most one page header (banner, <header>) and one page footer "
                    "(contentinfo, <footer>) for the whole page."},
    .help = {"Behåll ett <header> och ett <footer> direkt i <body>. Rubriker och fötter för delar av sidan läggs "
             "inuti <article> eller <section>, där de inte blir landmärken.",
             "Keep one <header> and one <footer> directly in <body>. Headers and footers of parts of the page go "
             "inside <article> or <section>, where they are no landmarks."},
    .criteria = {sc("1.3.1")},
    .axe_rules = {"landmark-no-duplicate-banner", "landmark-no-duplicate-contentinfo"},
    .impact = Impact::Moderate,
    .kind = RuleKind::BestPractice,
    .messages = {&kSingle, &kDuplicate},
};

// ---- landmark-top-level ----
const Message kTopLevel{"top-level", {"Landmärket {0} ligger inte i något annat landmärke.",
                                      "The {0} landmark is not inside another landmark."}};
const Message kNested{"nested",
                      {"Landmärket {0} ligger inuti landmärket {1}. Skärmläsare visar det då som en del av {1}, "
                       "inte som en egen del av sidan.",
                       "The {0} landmark is inside the {1} landmark. Screen readers then show it as part of {1}, "
                       "not as a part of the page of its own."}};

const RuleInfo kTopLevelInfo{
    .id = "landmark-top-level",
    .title = {"Sidhuvud, huvudinnehåll, sidfot och sidospalter ligger överst", "Page header, main content, footer "
                                                                               "and sidebars are top-level"},
    .description = {"Kontrollerar att landmärkena banner (<header>), main, contentinfo (<footer>) och "
                    "complementary (<aside>) inte ligger inuti andra landmärken.",
                    "Checks that the banner (<header>), main, contentinfo (<footer>) and complementary (<aside>) "
                    "landmarks are not inside other landmarks."},
    .help = {"Flytta elementet så att det ligger direkt i <body>, eller byt det mot ett element utan "
             "landmärkesroll (till exempel <div> eller <section>) om det bara är en del av ett annat landmärke.",
             "Move the element so that it is directly in <body>, or replace it with an element without a "
             "landmark role (such as <div> or <section>) if it is only part of another landmark."},
    .criteria = {sc("1.3.1")},
    .axe_rules = {"landmark-banner-is-top-level", "landmark-contentinfo-is-top-level", "landmark-main-is-top-level",
                  "landmark-complementary-is-top-level"},
    .impact = Impact::Moderate,
    .kind = RuleKind::BestPractice,
    .messages = {&kTopLevel, &kNested},
};

// ---- landmark-unique ----
const Message kUnique{"unique", {"Landmärket {0} \"{1}\" har en egen kombination av roll och namn.",
                                 "The {0} landmark \"{1}\" has a role and name of its own."}};
const Message kNotUnique{"not-unique",
                         {"Det finns flera landmärken {0} med samma namn (\"{1}\"). Skärmläsaranvändare kan inte "
                          "skilja dem åt. Ge dem olika namn med aria-label, till exempel \"Huvudmeny\" och "
                          "\"Undermeny\".",
                          "There are several {0} landmarks with the same name (\"{1}\"). Screen reader users cannot "
                          "tell them apart. Give them different names with aria-label, for example \"Main menu\" "
                          "and \"Sub menu\"."}};

const RuleInfo kUniqueInfo{
    .id = "landmark-unique",
    .title = {"Landmärken går att skilja åt", "Landmarks can be told apart"},
    .description = {"Kontrollerar att landmärken med samma roll, till exempel flera <nav>, har olika namn så att "
                    "skärmläsaranvändare kan skilja dem åt.",
                    "Checks that landmarks with the same role, such as several <nav>, have different names so "
                    "screen reader users can tell them apart."},
    .help = {"Ge varje landmärke av samma sort ett eget namn med aria-label eller aria-labelledby, till exempel "
             "<nav aria-label=\"Huvudmeny\"> och <nav aria-label=\"Brödsmulor\">.",
             "Give each landmark of the same kind a name of its own with aria-label or aria-labelledby, for "
             "example <nav aria-label=\"Main menu\"> and <nav aria-label=\"Breadcrumbs\">."},
    .criteria = {sc("1.3.1")},
    .axe_rules = {"landmark-unique"},
    .impact = Impact::Moderate,
    .kind = RuleKind::BestPractice,
    .messages = {&kUnique, &kNotUnique},
};

struct Landmark {
  const html::Node* element;
  std::string role;
  const html::Node* parent;  // the nearest enclosing landmark, or nullptr
};

struct PageLandmarks {
  std::vector<Landmark> all;
};

// Every landmark in the accessibility tree, in tree order, with its enclosing landmark.
PageLandmarks find_landmarks(Context& ctx) {
  PageLandmarks found;
  std::vector<const html::Node*> nearest(ctx.doc.elements().size(), nullptr);  // landmark at or above
  for (const html::Node* e : ctx.doc.elements()) {
    const html::Node* p = e->parent_element();
    const html::Node* above = p ? nearest[p->element_index()] : nullptr;
    nearest[e->element_index()] = above;
    std::string_view role = ctx.aria.role(*e);
    if (role.empty() || !aria::is_landmark_role(role)) continue;
    if (ctx.aria.hidden_from_at(*e) == aria::Tristate::Yes) continue;
    found.all.push_back({e, std::string(role), above});
    nearest[e->element_index()] = e;
  }
  return found;
}

// The same, found once per page for the four rules of this file.
const std::vector<Landmark>& landmarks(Context& ctx) {
  return ctx.aria.page_fact<PageLandmarks>([&] { return find_landmarks(ctx); }).all;
}

void evaluate_one_main(Context& ctx, Reporter& out) {
  const std::vector<Landmark>& all = landmarks(ctx);
  const html::Node* first = nullptr;
  for (const Landmark& l : all) {
    if (l.role != "main") continue;
    if (!first) {
      first = l.element;
      out.passed(l.element, kOneMain);
    } else {
      out.failed(l.element, kExtraMain);
    }
  }
  if (!first && ctx.doc.body()) out.failed(nullptr, kNoMain);
}

void evaluate_no_duplicate(Context& ctx, Reporter& out) {
  const std::vector<Landmark>& all = landmarks(ctx);
  for (std::string_view role : {"banner", "contentinfo"}) {
    std::vector<const html::Node*> found;
    for (const Landmark& l : all) {
      if (l.role == role) found.push_back(l.element);
    }
    if (found.size() == 1) out.passed(found.front(), kSingle, {std::string(role)});
    for (std::size_t i = 1; i < found.size(); ++i) {
      out.failed(found[i], kDuplicate, {std::string(role), std::to_string(found.size())});
    }
  }
}

void evaluate_top_level(Context& ctx, Reporter& out) {
  const std::vector<Landmark>& all = landmarks(ctx);
  std::map<const html::Node*, std::string> role_of;
  for (const Landmark& l : all) role_of[l.element] = l.role;
  for (const Landmark& l : all) {
    if (l.role != "banner" && l.role != "main" && l.role != "contentinfo" && l.role != "complementary") continue;
    if (l.parent) {
      out.failed(l.element, kNested, {l.role, role_of[l.parent]});
    } else {
      out.passed(l.element, kTopLevel, {l.role});
    }
  }
}

void evaluate_unique(Context& ctx, Reporter& out) {
  const std::vector<Landmark>& all = landmarks(ctx);
  std::map<std::pair<std::string, std::string>, std::vector<const html::Node*>> groups;
  std::vector<std::pair<std::string, std::string>> order;
  for (const Landmark& l : all) {
    auto key = std::make_pair(l.role, ctx.aria.name(*l.element).text);
    auto& g = groups[key];
    if (g.empty()) order.push_back(key);
    g.push_back(l.element);
  }
  for (const auto& key : order) {
    const auto& g = groups[key];
    if (g.size() == 1) {
      out.passed(g.front(), kUnique, {key.first, key.second});
      continue;
    }
    for (const html::Node* e : g) out.failed(e, kNotUnique, {key.first, key.second});
  }
}

const RuleRegistration kOneMainRegistration(kOneMainInfo, evaluate_one_main);
const RuleRegistration kDuplicateRegistration(kDuplicateInfo, evaluate_no_duplicate);
const RuleRegistration kTopLevelRegistration(kTopLevelInfo, evaluate_top_level);
const RuleRegistration kUniqueRegistration(kUniqueInfo, evaluate_unique);

}  // namespace
}  // namespace granska::checks
