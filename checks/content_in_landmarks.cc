// content-in-landmarks: all of a page's content is inside landmarks, once the page uses
// landmarks at all (axe-core "region"; WCAG 1.3.1 and 2.4.1 as reference). Screen reader
// users who move from landmark to landmark never reach what lies between them.
//
// Applies to pages with at least one landmark in the accessibility tree (a page without
// any is landmark-one-main's concern). Every perceivable piece of content
// (checks/common/page_regions.h) that is in the accessibility tree must have a landmark
// ancestor, except skip links (in-page links before the first landmark), dialogs and live
// regions (status, alert, log, timer, aria-live), which sit outside landmarks by design.
// One finding per top-level block (the child of <body>) that holds content outside.
//
// Kind: BestPractice, as in axe-core: content outside landmarks is still reachable with
// headings, links and reading, just not with landmark navigation.
#include <vector>

#include "aria/aria_data.h"
#include "checks/common/page_regions.h"
#include "engine/registry.h"
#include "util/text.h"

namespace granska::checks {
namespace {

using namespace engine;

const Message kAllInside{"all-in-landmarks", {"Allt innehåll på sidan ligger i landmärken.",
                                              "All content on the page is in landmarks."}};
const Message kOutside{"outside-landmarks",
                       {"Innehållet här (\"{0}\") ligger utanför sidans landmärken. Den som navigerar mellan "
                        "landmärken hittar det inte. Flytta det in i <header>, <nav>, <main>, <aside> eller "
                        "<footer>.",
                        "The content here (\"{0}\") is outside the page's landmarks. People who navigate between "
                        "landmarks do not find it. Move it into <header>, <nav>, <main>, <aside> or <footer>."}};

const RuleInfo kInfo{
    .id = "content-in-landmarks",
    .title = {"Allt innehåll ligger i landmärken", "All content is in landmarks"},
    .description = {"Kontrollerar att allt innehåll på en sida som använder landmärken (<header>, <nav>, <main>, "
                    "<aside>, <footer>) ligger i något av dem, så att inget missas av den som hoppar mellan "
                    "landmärken.",
                    "Checks that all content on a page that uses landmarks (<header>, <nav>, <main>, <aside>, "
                    "<footer>) is in one of them, so that nothing is missed by people who jump between "
                    "landmarks."},
    .help = {"Lägg innehållet i det landmärke det hör till: sidhuvud i <header>, menyer i <nav>, sidans "
             "innehåll i <main>, sidospalter i <aside> och sidfot i <footer>.",
             "Put the content in the landmark it belongs to: the page header in <header>, menus in <nav>, the "
             "page's content in <main>, sidebars in <aside> and the footer in <footer>."},
    .criteria = {sc("1.3.1")},
    .axe_rules = {"region"},
    .impact = Impact::Moderate,
    .kind = RuleKind::BestPractice,
    .messages = {&kAllInside, &kOutside},
};

bool is_live_or_dialog(Context& ctx, const html::Node& e) {
  std::string_view role = ctx.aria.role(e);
  if (role == "dialog" || role == "alertdialog" || role == "status" || role == "alert" || role == "log" ||
      role == "timer" || role == "marquee") {
    return true;
  }
  auto live = e.attr("aria-live");
  return live && (text::iequals(text::trim(*live), "polite") || text::iequals(text::trim(*live), "assertive"));
}

void evaluate(Context& ctx, Reporter& out) {
  const html::Node* body = ctx.doc.body();
  if (!body) return;
  const std::size_t n = ctx.doc.elements().size();
  // Per element: inside (or is) a landmark; inside a dialog or live region; first landmark seen.
  std::vector<std::uint8_t> in_landmark(n, 0), exempt(n, 0);
  const html::Node* first_landmark = nullptr;
  for (const html::Node* e : ctx.doc.elements()) {
    const html::Node* p = e->parent_element();
    std::uint32_t i = e->element_index();
    in_landmark[i] = p && in_landmark[p->element_index()];
    exempt[i] = (p && exempt[p->element_index()]) || is_live_or_dialog(ctx, *e);
    std::string_view role = ctx.aria.role(*e);
    if (!role.empty() && aria::is_landmark_role(role) && ctx.aria.hidden_from_at(*e) != aria::Tristate::Yes) {
      in_landmark[i] = 1;
      if (!first_landmark) first_landmark = e;
    }
  }
  if (!first_landmark) return;

  const PageRegions& regions = page_regions(ctx);
  const html::Node* last_block = nullptr;
  bool any_outside = false;
  for (const ContentItem& item : regions.items()) {
    const html::Node& e = *item.element;
    if (in_landmark[e.element_index()] || exempt[e.element_index()]) continue;
    if (ctx.aria.hidden_from_at(e) == aria::Tristate::Yes) continue;
    // Skip links before the first landmark.
    const html::Node* link = nullptr;
    for (const html::Node* a = &e; a && a != body; a = a->parent_element()) {
      if (a->is("a")) {
        link = a;
        break;
      }
    }
    if (link && regions.order(*link) < regions.order(*first_landmark)) {
      auto href = link->attr("href");
      if (href && text::trim(*href).size() > 1 && text::trim(*href).front() == '#') continue;
    }
    // The block under <body> that holds it.
    const html::Node* block = &e;
    while (block->parent_element() && block->parent_element() != body) block = block->parent_element();
    if (!block->parent_element()) block = &e;
    any_outside = true;
    if (block == last_block) continue;
    last_block = block;
    std::string what = item.node->is_text() ? std::string(item.node->data()) : ctx.aria.name(e).text;
    out.failed(block, kOutside, {text::truncate_utf8(text::collapse_whitespace(what), 60)});
  }
  if (!any_outside) out.passed(nullptr, kAllInside);
}

const RuleRegistration kRegistration(kInfo, evaluate);

}  // namespace
}  // namespace granska::checks
