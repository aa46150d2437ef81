// The 2.4.1 "bypass blocks" family: a page with blocks that repeat on every page (header,
// menus, side columns) lets visitors get past them to its own content.
//
//   bypass-blocks          (requirement, 2.4.1, ACT cf77f2; axe-core "bypass") — at least
//                          one way: a heading, a landmark or a skip link for the page's own
//                          content, or a control that may hide the blocks (cantTell).
//   main-content-heading   (best practice, ACT 047fe0) — the page's own content has a
//                          heading that is visible and in the accessibility tree.
//   main-content-landmark  (best practice, ACT b40fd1) — the page's own content is in a
//                          landmark (main, region, form) that is in the accessibility tree.
//   skip-link              (best practice, ACT ye5d6e; axe-core "skip-link") — a link moves
//                          focus to the page's own content, and skip links lead somewhere.
//
// What repeats and what is the page's own comes from checks/common/page_regions.h. A page
// with no repeated content before its own has nothing to bypass: every rule passes it.
//
// Kinds. Only bypass-blocks is a requirement: 2.4.1 is met by any one of the ways, so a page
// lacking one particular way fails nothing. The three others are the techniques (H69, ARIA11,
// G1) checked one by one, which the ACT rules keep as separate atomic rules without a
// criterion of their own: warnings that say which way is missing.
//
// Visible (ACT 047fe0 asks for a visible heading): hidden for sure, positioned off-screen,
// or carrying a visually-hidden utility class (checks/common/css_classes.h) is not visible;
// hiddenness that rests on CSS granska could not evaluate gives cantTell. Buttons and
// scripted links before the page's own content may move focus or collapse the blocks
// (ACT 3e12e1): without running scripts granska cannot tell, so they turn a failure of
// bypass-blocks and skip-link into cantTell.
#include <string>

#include "aria/aria_data.h"
#include "style/cascade.h"
#include "checks/common/css_classes.h"
#include "checks/common/page_regions.h"
#include "engine/registry.h"
#include "util/text.h"

namespace granska::checks {
namespace {

using namespace engine;

// ---- shared messages ----
const Message kNothingToBypass{"nothing-to-bypass",
                               {"Sidan har inget innehåll som upprepas före sitt eget innehåll, så det finns "
                                "inget att hoppa förbi.",
                                "The page has no repeated content before its own content, so there is "
                                "nothing to bypass."}};

// ---- main-content-heading (047fe0) ----
const Message kHeadingFound{"heading", {"Sidans eget innehåll har rubriken \"{0}\".",
                                        "The page's own content has the heading \"{0}\"."}};
const Message kNoHeading{"no-heading",
                         {"Sidans eget innehåll (som börjar med \"{0}\") har ingen rubrik. Den som navigerar "
                          "med rubriker kan inte hoppa dit.",
                          "The page's own content (starting with \"{0}\") has no heading. People who navigate "
                          "by headings cannot jump there."}};
const Message kHeadingMaybeHidden{"heading-maybe-hidden",
                                  {"Sidans eget innehåll har rubriken \"{0}\", men den kan vara dold med CSS som "
                                   "granska inte kunde utvärdera. Kontrollera att den syns.",
                                   "The page's own content has the heading \"{0}\", but it may be hidden by CSS "
                                   "that granska could not evaluate. Check that it is visible."}};

const RuleInfo kHeadingInfo{
    .id = "main-content-heading",
    .title = {"Sidans huvudinnehåll har en rubrik", "The main content has a heading"},
    .description = {"Kontrollerar att sidans eget innehåll, det som kommer efter sidhuvud och menyer, har en "
                    "synlig rubrik. Skärmläsaranvändare hoppar ofta direkt till första rubriken för att komma "
                    "förbi menyerna.",
                    "Checks that the page's own content, what comes after the page header and menus, has a "
                    "visible heading. Screen reader users often jump straight to the first heading to get "
                    "past the menus."},
    .help = {"Börja sidans huvudinnehåll med en rubrik, oftast <h1> med sidans namn, till exempel "
             "<h1>Bygglov för altan</h1>.",
             "Start the page's main content with a heading, usually an <h1> with the page's name, for "
             "example <h1>Building permit for a deck</h1>."},
    .criteria = {sc("2.4.1")},
    .act_rules = {"047fe0"},
    .impact = Impact::Moderate,
    .kind = RuleKind::BestPractice,
    .messages = {&kNothingToBypass, &kHeadingFound, &kNoHeading, &kHeadingMaybeHidden},
};

// ---- main-content-landmark (b40fd1) ----
const Message kLandmarkFound{"landmark", {"Sidans eget innehåll ligger i landmärket {0}.",
                                          "The page's own content is in the {0} landmark."}};
const Message kNoLandmark{"no-landmark",
                          {"Sidans eget innehåll (som börjar med \"{0}\") ligger inte i något landmärke. "
                           "Skärmläsaranvändare kan inte hoppa direkt dit.",
                           "The page's own content (starting with \"{0}\") is not in any landmark. Screen "
                           "reader users cannot jump straight to it."}};
const Message kLandmarkMaybeHidden{"landmark-maybe-hidden",
                                   {"Sidans eget innehåll ligger i landmärket {0}, men det kan vara dolt med CSS "
                                    "som granska inte kunde utvärdera. Kontrollera att det syns.",
                                    "The page's own content is in the {0} landmark, but it may be hidden by CSS "
                                    "that granska could not evaluate. Check that it is visible."}};

const RuleInfo kLandmarkInfo{
    .id = "main-content-landmark",
    .title = {"Sidans huvudinnehåll ligger i ett landmärke", "The main content is in a landmark"},
    .description = {"Kontrollerar att sidans eget innehåll ligger i ett landmärke, helst <main>, så att "
                    "skärmläsaranvändare kan hoppa direkt dit förbi sidhuvud och menyer.",
                    "Checks that the page's own content is in a landmark, preferably <main>, so screen "
                    "reader users can jump straight to it past the page header and menus."},
    .help = {"Lägg sidans huvudinnehåll i ett <main>-element, en gång per sida. Det görs oftast i "
             "webbplatsens sidmall.",
             "Put the page's main content in one <main> element per page. This is usually done in the "
             "site's page template."},
    .criteria = {sc("2.4.1")},
    .act_rules = {"b40fd1"},
    .impact = Impact::Moderate,
    .kind = RuleKind::BestPractice,
    .messages = {&kNothingToBypass, &kLandmarkFound, &kNoLandmark, &kLandmarkMaybeHidden},
};

// ---- skip-link (ye5d6e) ----
const Message kSkipFound{"skip-link", {"Länken \"{0}\" flyttar fokus till sidans eget innehåll.",
                                       "The link \"{0}\" moves focus to the page's own content."}};
const Message kNoSkipLink{"no-skip-link",
                          {"Sidan har ingen länk som hoppar förbi sidhuvud och menyer till sidans eget innehåll. "
                           "Tangentbordsanvändare måste tabba igenom alla menyer på varje sida.",
                           "The page has no link that skips the page header and menus to the page's own "
                           "content. Keyboard users must tab through every menu on every page."}};
const Message kBrokenSkipLink{"broken-target",
                              {"Länken \"{0}\" pekar på #{1}, men det finns inget element med det id:t. Länken "
                               "flyttar inte fokus någonstans.",
                               "The link \"{0}\" points to #{1}, but there is no element with that id. The link "
                               "moves focus nowhere."}};
const Message kScripted{"scripted-control",
                        {"{0} före sidans eget innehåll kan vara till för att hoppa förbi eller dölja menyerna "
                         "med hjälp av skript, som granska inte kör. Kontrollera att det går att komma förbi "
                         "menyerna med tangentbordet.",
                         "{0} before the page's own content may be meant to skip or hide the menus with a "
                         "script, which granska does not run. Check that the menus can be bypassed with the "
                         "keyboard."}};

const RuleInfo kSkipInfo{
    .id = "skip-link",
    .title = {"Det finns en länk förbi menyerna", "A link skips past the menus"},
    .description = {"Kontrollerar att sidan börjar med en länk som flyttar fokus förbi sidhuvud och menyer "
                    "till sidans eget innehåll (\"Hoppa till innehållet\"), och att sådana länkar pekar på "
                    "något som finns.",
                    "Checks that the page starts with a link that moves focus past the page header and menus "
                    "to the page's own content (\"Skip to content\"), and that such links point to something "
                    "that exists."},
    .help = {"Lägg först på sidan en länk som <a href=\"#innehall\">Hoppa till innehållet</a> och ge "
             "huvudinnehållet samma id: <main id=\"innehall\">. Länken får gärna vara dold tills den får "
             "fokus.",
             "Put a link such as <a href=\"#content\">Skip to content</a> first on the page and give the "
             "main content the same id: <main id=\"content\">. The link may stay hidden until it gets "
             "focus."},
    .criteria = {sc("2.4.1")},
    .act_rules = {"ye5d6e"},
    .axe_rules = {"skip-link"},
    .impact = Impact::Moderate,
    .kind = RuleKind::BestPractice,
    .messages = {&kNothingToBypass, &kSkipFound, &kNoSkipLink, &kBrokenSkipLink, &kScripted},
};

// ---- bypass-blocks (cf77f2) ----
const Message kBypassHeading{"by-heading", {"Sidans eget innehåll har en rubrik (\"{0}\") att hoppa till.",
                                            "The page's own content has a heading (\"{0}\") to jump to."}};
const Message kBypassLandmark{"by-landmark", {"Sidans eget innehåll ligger i landmärket {0}.",
                                              "The page's own content is in the {0} landmark."}};
const Message kBypassSkipLink{"by-skip-link", {"Länken \"{0}\" hoppar förbi det upprepade innehållet.",
                                               "The link \"{0}\" skips the repeated content."}};
const Message kNoBypass{"no-bypass",
                        {"Det går inte att hoppa förbi sidhuvud och menyer: sidans eget innehåll (som börjar med "
                         "\"{0}\") har ingen rubrik, ligger inte i något landmärke och ingen länk leder dit.",
                         "There is no way to bypass the page header and menus: the page's own content (starting "
                         "with \"{0}\") has no heading, is in no landmark, and no link leads to it."}};
const Message kBypassMaybeHidden{
    "maybe-hidden",
    {"Sidans eget innehåll har en rubrik eller ett landmärke, men det kan vara dolt med CSS som granska inte "
     "kunde utvärdera. Kontrollera att det går att hoppa förbi sidhuvud och menyer.",
     "The page's own content has a heading or landmark, but it may be hidden by CSS that granska could not "
     "evaluate. Check that the page header and menus can be bypassed."}};
const Message kBypassScripted{
    "scripted-control",
    {"granska hittar inget säkert sätt att hoppa förbi sidhuvud och menyer, men {0} kan göra det med skript, "
     "som granska inte kör. Kontrollera att det går att komma förbi menyerna med tangentbordet.",
     "granska finds no certain way to bypass the page header and menus, but {0} may do it with a script, "
     "which granska does not run. Check that the menus can be bypassed with the keyboard."}};

const RuleInfo kBypassInfo{
    .id = "bypass-blocks",
    .title = {"Det går att hoppa förbi upprepat innehåll", "Repeated content can be bypassed"},
    .description = {"Kontrollerar att det finns minst ett sätt att hoppa förbi sidhuvud, menyer och annat som "
                    "upprepas på varje sida: en rubrik eller ett landmärke (<main>) för sidans eget innehåll, "
                    "eller en länk dit. Annars måste tangentbords- och skärmläsaranvändare ta sig igenom "
                    "allt på nytt på varje sida.",
                    "Checks that there is at least one way to bypass the page header, menus and other content "
                    "that repeats on every page: a heading or a landmark (<main>) for the page's own content, "
                    "or a link to it. Otherwise keyboard and screen reader users must get through all of it "
                    "again on every page."},
    .help = {"Lägg sidans huvudinnehåll i <main> och börja det med en rubrik (<h1>). Lägg gärna också en "
             "länk \"Hoppa till innehållet\" först på sidan. Det görs oftast en gång i sidmallen.",
             "Put the page's main content in <main> and start it with a heading (<h1>). Preferably also "
             "put a \"Skip to content\" link first on the page. This is usually done once, in the page "
             "template."},
    .criteria = {sc("2.4.1")},
    .act_rules = {"cf77f2"},
    .axe_rules = {"bypass"},
    .impact = Impact::Serious,
    .kind = RuleKind::Requirement,
    .messages = {&kNothingToBypass, &kBypassHeading, &kBypassLandmark, &kBypassSkipLink, &kNoBypass,
                 &kBypassMaybeHidden, &kBypassScripted},
};

// ---- the checks themselves ----

struct Verdict {
  Outcome outcome = Outcome::Failed;
  const html::Node* node = nullptr;
  std::string arg;  // the heading text, landmark role or link text behind a pass
};

std::string excerpt(std::string_view s) { return text::truncate_utf8(text::collapse_whitespace(s), 60); }

// What the first item of the page's own content says, to point at it in a message.
std::string first_main_text(Context& ctx, const PageRegions& r) {
  const ContentItem& item = r.items()[static_cast<std::size_t>(r.first_main())];
  if (item.node->is_text()) return excerpt(item.node->data());
  std::string name = ctx.aria.name(*item.node).text;
  return name.empty() ? "<" + std::string(item.node->tag()) + ">" : excerpt(name);
}

// Visible for sure (Yes), not visible (No), or resting on CSS granska could not evaluate.
aria::Tristate visible(Context& ctx, const html::Node& e) {
  aria::Tristate hidden = ctx.aria.hidden(e);
  if (hidden == aria::Tristate::Yes) return aria::Tristate::No;
  for (const html::Node* a = &e; a; a = a->parent_element()) {
    if (has_visually_hidden_class(*a)) return aria::Tristate::No;
  }
  style::Placement placement = ctx.aria.computed_styles().of(e).placement;
  if (placement == style::Placement::OffScreen) return aria::Tristate::No;
  if (hidden == aria::Tristate::Unknown || placement == style::Placement::Unknown) return aria::Tristate::Unknown;
  return aria::Tristate::Yes;
}

// The element starts non-repeated content after repeated content.
bool is_main_element(const PageRegions& r, const html::Node& e) {
  return !r.repeated(e) && r.first_repeated() >= 0 &&
         r.order(e) > r.items()[static_cast<std::size_t>(r.first_repeated())].order;
}

// 047fe0: a heading that is non-repeated content after repeated content, visible and in
// the accessibility tree.
Verdict heading_verdict(Context& ctx, const PageRegions& r) {
  Verdict unsure;
  for (const html::Node* e : ctx.doc.elements()) {
    if (ctx.aria.role(*e) != "heading" || !is_main_element(r, *e)) continue;
    if (ctx.aria.hidden_from_at(*e) == aria::Tristate::Yes) continue;
    std::string name = ctx.aria.name(*e).text;
    if (name.empty()) continue;
    aria::Tristate v = visible(ctx, *e);
    if (v == aria::Tristate::No) continue;
    bool sure = v == aria::Tristate::Yes && ctx.aria.hidden_from_at(*e) == aria::Tristate::No;
    if (sure) return {Outcome::Passed, e, excerpt(name)};
    if (unsure.outcome == Outcome::Failed) unsure = {Outcome::CantTell, e, excerpt(name)};
  }
  return unsure;
}

// b40fd1: a landmark in the accessibility tree, not one of the repeated kinds, holding
// non-repeated content after repeated content.
Verdict landmark_verdict(Context& ctx, const PageRegions& r) {
  Verdict unsure;
  for (const html::Node* e : ctx.doc.elements()) {
    std::string_view role = ctx.aria.role(*e);
    if (role.empty() || !aria::is_landmark_role(role) || is_repeated_landmark(role)) continue;
    aria::Tristate hidden = ctx.aria.hidden_from_at(*e);
    if (hidden == aria::Tristate::Yes) continue;
    bool holds_main = false;
    for (std::size_t i = r.first_item_from(r.order(*e)); i < r.items().size() && r.items()[i].order < r.end_order(*e);
         ++i) {
      if (r.is_main_item(i)) {
        holds_main = true;
        break;
      }
    }
    if (!holds_main) continue;
    if (hidden == aria::Tristate::No) return {Outcome::Passed, e, std::string(role)};
    if (unsure.outcome == Outcome::Failed) unsure = {Outcome::CantTell, e, std::string(role)};
  }
  return unsure;
}

// The element an in-page link's fragment indicates (HTML "the indicated part"): the
// element with that id, else the first <a> with that name. nullptr for the top of the page
// ("#", "#top") or when nothing matches.
const html::Node* fragment_target(Context& ctx, std::string_view fragment, bool* top) {
  *top = fragment.empty() || text::iequals(fragment, "top");
  if (*top) return nullptr;
  if (const html::Node* t = ctx.doc.element_by_id(fragment)) return t;
  for (const html::Node* e : ctx.doc.elements()) {
    if (e->is("a") && e->attr("name") == fragment) return e;
  }
  return nullptr;
}

struct SkipResult {
  Verdict verdict;
  std::vector<std::pair<const html::Node*, std::string>> broken;  // link, fragment
  const html::Node* scripted = nullptr;  // first control that may skip or hide by script
};

bool is_scripted_control(Context& ctx, const html::Node& e) {
  if (e.has_attr("onclick")) return true;
  if (e.is("button") || e.is("summary")) return true;
  if (e.is("input")) {
    std::string_view t = aria::Semantics::input_type(e);
    return t == "button";
  }
  std::string_view role = ctx.aria.role(e);
  if (ctx.aria.has_explicit_role(e) && (role == "button" || role == "link")) return true;
  if (e.is("a")) {
    auto href = e.attr("href");
    if (!href) return false;
    std::string_view h = text::trim(*href);
    return h == "#" || text::istarts_with(h, "javascript:");
  }
  return false;
}

// ye5d6e: a focusable link to (just before) non-repeated content after repeated content.
SkipResult skip_verdict(Context& ctx, const PageRegions& r) {
  SkipResult out;
  const std::uint32_t main_order = r.items()[static_cast<std::size_t>(r.first_main())].order;
  for (const html::Node* e : ctx.doc.elements()) {
    if (r.order(*e) >= main_order) break;
    if (ctx.aria.hidden(*e) == aria::Tristate::Yes) continue;
    if (!out.scripted && is_scripted_control(ctx, *e) && ctx.aria.focusable(*e)) out.scripted = e;
    if (!(e->is("a") || e->is("area"))) continue;
    auto href = e->attr("href");
    if (!href) continue;
    std::string_view h = text::trim(*href);
    if (h.empty() || h.front() != '#' || !ctx.aria.focusable(*e)) continue;
    std::string_view fragment = h.substr(1);
    if (fragment.starts_with("!") || fragment.starts_with("/")) continue;  // script routes, not targets
    bool top = false;
    const html::Node* target = fragment_target(ctx, fragment, &top);
    if (top) continue;
    if (!target) {
      out.broken.emplace_back(e, std::string(fragment));
      continue;
    }
    std::size_t i = r.first_item_from(r.order(*target));
    if (i < r.items().size() && r.is_main_item(i) && out.verdict.outcome != Outcome::Passed) {
      std::string name = ctx.aria.name(*e).text;
      out.verdict = {Outcome::Passed, e, excerpt(name.empty() ? h : std::string_view(name))};
    }
  }
  return out;
}

void evaluate_heading(Context& ctx, Reporter& out) {
  const PageRegions& r = page_regions(ctx);
  if (!r.needs_bypass()) return out.passed(nullptr, kNothingToBypass);
  Verdict v = heading_verdict(ctx, r);
  if (v.outcome == Outcome::Passed) return out.passed(v.node, kHeadingFound, {v.arg});
  if (v.outcome == Outcome::CantTell) return out.cant_tell(v.node, kHeadingMaybeHidden, {v.arg});
  const ContentItem& first = r.items()[static_cast<std::size_t>(r.first_main())];
  out.failed(first.element, kNoHeading, {first_main_text(ctx, r)});
}

void evaluate_landmark(Context& ctx, Reporter& out) {
  const PageRegions& r = page_regions(ctx);
  if (!r.needs_bypass()) return out.passed(nullptr, kNothingToBypass);
  Verdict v = landmark_verdict(ctx, r);
  if (v.outcome == Outcome::Passed) return out.passed(v.node, kLandmarkFound, {v.arg});
  if (v.outcome == Outcome::CantTell) return out.cant_tell(v.node, kLandmarkMaybeHidden, {v.arg});
  const ContentItem& first = r.items()[static_cast<std::size_t>(r.first_main())];
  out.failed(first.element, kNoLandmark, {first_main_text(ctx, r)});
}

std::string describe_control(Context& ctx, const html::Node& e) {
  std::string name = excerpt(ctx.aria.name(e).text);
  std::string tag = "<" + std::string(e.tag()) + ">";
  return name.empty() ? tag : tag + " \"" + name + "\"";
}

void evaluate_skip(Context& ctx, Reporter& out) {
  const PageRegions& r = page_regions(ctx);
  if (!r.needs_bypass()) return out.passed(nullptr, kNothingToBypass);
  SkipResult s = skip_verdict(ctx, r);
  for (const auto& [link, fragment] : s.broken) {
    out.failed(link, kBrokenSkipLink, {excerpt(ctx.aria.name(*link).text), fragment});
  }
  if (s.verdict.outcome == Outcome::Passed) return out.passed(s.verdict.node, kSkipFound, {s.verdict.arg});
  if (s.scripted) return out.cant_tell(s.scripted, kScripted, {describe_control(ctx, *s.scripted)});
  if (s.broken.empty()) out.failed(nullptr, kNoSkipLink);
}

void evaluate_bypass(Context& ctx, Reporter& out) {
  const PageRegions& r = page_regions(ctx);
  if (!r.needs_bypass()) return out.passed(nullptr, kNothingToBypass);
  Verdict landmark = landmark_verdict(ctx, r);
  if (landmark.outcome == Outcome::Passed) return out.passed(landmark.node, kBypassLandmark, {landmark.arg});
  SkipResult skip = skip_verdict(ctx, r);
  if (skip.verdict.outcome == Outcome::Passed) return out.passed(skip.verdict.node, kBypassSkipLink, {skip.verdict.arg});
  Verdict heading = heading_verdict(ctx, r);
  if (heading.outcome == Outcome::Passed) return out.passed(heading.node, kBypassHeading, {heading.arg});
  if (landmark.outcome == Outcome::CantTell) return out.cant_tell(landmark.node, kBypassMaybeHidden);
  if (heading.outcome == Outcome::CantTell) return out.cant_tell(heading.node, kBypassMaybeHidden);
  if (skip.scripted) return out.cant_tell(skip.scripted, kBypassScripted, {describe_control(ctx, *skip.scripted)});
  const ContentItem& first = r.items()[static_cast<std::size_t>(r.first_main())];
  out.failed(first.element, kNoBypass, {first_main_text(ctx, r)});
}

const RuleRegistration kBypassRegistration(kBypassInfo, evaluate_bypass);
const RuleRegistration kHeadingRegistration(kHeadingInfo, evaluate_heading);
const RuleRegistration kLandmarkRegistration(kLandmarkInfo, evaluate_landmark);
const RuleRegistration kSkipRegistration(kSkipInfo, evaluate_skip);

}  // namespace
}  // namespace granska::checks
