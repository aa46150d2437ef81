// aria-hidden-focus: content hidden with aria-hidden="true" has nothing a keyboard user
// can tab to (ACT 6cfa84, WCAG 4.1.2). Applies to every element with aria-hidden="true".
// Fails when it or a descendant is focusable and in the sequential focus order (a
// negative tabindex takes an element out of that order). A script on the page that moves
// focus (a focus sentinel in a modal dialog) may make it harmless, so with such a script
// the answer is cantTell.
#include "engine/registry.h"
#include "util/text.h"

namespace granska::checks {
namespace {

using namespace engine;

const Message kNothingFocusable{"nothing-focusable",
                                {"Det dolda innehållet går inte att nå med tabbtangenten.",
                                 "The hidden content cannot be reached with the Tab key."}};
const Message kFocusable{"focusable-content",
                         {"<{0}> är dold för skärmläsare med aria-hidden men går att nå med tabbtangenten.",
                          "<{0}> is hidden from screen readers with aria-hidden but can be reached with the Tab "
                          "key."}};
const Message kMaybeScripted{"maybe-scripted",
                             {"<{0}> är dold med aria-hidden men går att nå med tabbtangenten. Sidan har skript "
                              "som flyttar fokus; kontrollera om de leder bort fokus från det dolda innehållet.",
                              "<{0}> is hidden with aria-hidden but can be reached with the Tab key. The page has "
                              "scripts that move focus; check whether they move focus away from the hidden "
                              "content."}};
const Message kMaybeHidden{"maybe-hidden",
                           {"<{0}> kan nås med tabbtangenten om den syns, men den kan vara dold med CSS som "
                            "granska inte kunde utvärdera. Kontrollera om den syns.",
                            "<{0}> can be reached with the Tab key if it is shown, but it may be hidden by CSS "
                            "that granska could not evaluate. Check whether it is visible."}};

const RuleInfo kInfo{
    .id = "aria-hidden-focus",
    .title = {"Dolt innehåll går inte att tabba till", "Hidden content cannot be tabbed to"},
    .description = {"Kontrollerar att innehåll som döljs för skärmläsare med aria-hidden=\"true\" inte har "
                    "länkar, knappar eller fält som man kan tabba till. Annars hamnar tangentbordsanvändare "
                    "på något som skärmläsaren inte kan läsa upp.",
                    "Checks that content hidden from screen readers with aria-hidden=\"true\" has no links, "
                    "buttons or fields you can tab to. Otherwise keyboard users land on something the screen "
                    "reader cannot read out."},
    .help = {"Ta bort aria-hidden=\"true\" om innehållet ska kunna användas. Ska det vara dolt: dölj det helt "
             "(till exempel med attributet hidden) eller ge länkar och knappar i det tabindex=\"-1\".",
             "Remove aria-hidden=\"true\" if the content is meant to be used. If it should be hidden, hide it "
             "completely (for example with the hidden attribute) or give its links and buttons "
             "tabindex=\"-1\"."},
    .criteria = {sc("4.1.2")},
    .act_rules = {"6cfa84"},
    .axe_rules = {"aria-hidden-focus"},
    .impact = Impact::Serious,
    .messages = {&kNothingFocusable, &kFocusable, &kMaybeScripted, &kMaybeHidden},
};

bool negative_tabindex(const html::Node& e) {
  auto t = e.attr("tabindex");
  if (!t) return false;
  std::string_view v = text::trim(*t);
  return v.size() >= 2 && v[0] == '-' && v[1] >= '0' && v[1] <= '9';
}

bool aria_hidden_true(const html::Node& e) {
  auto v = e.attr("aria-hidden");
  return v && text::iequals(text::trim(*v), "true");
}

// True when some script on the page might move focus (focus event handlers, .focus()).
bool page_moves_focus(const html::Document& doc) {
  for (const html::Node* e : doc.elements()) {
    if (e->has_attr("onfocus") || e->has_attr("onfocusin")) return true;
    if (!e->is("script")) continue;
    for (const html::Node* c : e->children()) {
      if (c->is_text() && c->data().find("focus") != std::string_view::npos) return true;
    }
  }
  return false;
}

enum class Found { None, Yes, Unknown };

void evaluate(Context& ctx, Reporter& out) {
  int moves_focus = -1;  // computed on first need
  for (const html::Node* e : ctx.doc.elements()) {
    if (!aria_hidden_true(*e)) continue;
    const html::Node* hit = nullptr;
    Found found = Found::None;
    auto consider = [&](const html::Node& n) {
      if (!ctx.aria.focusable(n) || negative_tabindex(n)) return;
      Found f = ctx.aria.hidden(n) == aria::Tristate::Unknown ? Found::Unknown : Found::Yes;
      if (found != Found::Yes) {
        found = f;
        hit = &n;
      }
    };
    consider(*e);
    for (const html::Node* d : e->descendant_elements()) {
      if (found == Found::Yes) break;
      consider(*d);
    }
    if (found == Found::None) {
      out.passed(e, kNothingFocusable);
      continue;
    }
    std::vector<std::string> args{std::string(hit->tag())};
    if (found == Found::Unknown) {
      out.cant_tell(e, kMaybeHidden, std::move(args));
      continue;
    }
    if (moves_focus < 0) moves_focus = page_moves_focus(ctx.doc) ? 1 : 0;
    if (moves_focus) {
      out.cant_tell(e, kMaybeScripted, std::move(args));
    } else {
      out.failed(e, kFocusable, std::move(args));
    }
  }
}

const RuleRegistration kRegistration(kInfo, evaluate);

}  // namespace
}  // namespace granska::checks
