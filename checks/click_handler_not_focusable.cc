// click-handler-not-focusable: an element that reacts to clicks (an inline onclick
// handler) can also be reached and used with the keyboard (WCAG 2.1.1).
//
// Applies to elements with a non-empty onclick attribute that are not hidden, except
// <html>, <body> (handlers there catch clicks bubbling up from the whole page) and
// <label> (clicking a label only moves focus to its field, which the keyboard reaches).
// Handlers added from scripts (addEventListener) are invisible in static HTML and out of
// scope.
//
// Outcomes:
// - passed: a natively keyboard-operable element (a/area with href, button, input,
//   select, textarea, summary), or an element with tabindex >= 0 and its own key handler.
// - failed: not focusable, no widget role, no key handler on it or an ancestor, no
//   interactive or focusable ancestor, and nothing focusable inside it or next to it —
//   then the HTML shows no keyboard route to what the click does (failure technique
//   F54: pointer-only event handlers).
// - cantTell in every case where the keyboard may have another way in: tabindex >= 0 but
//   no inline key handler (one may be added by script); tabindex < 0 (reachable only when
//   a script moves focus there: roving tabindex); an explicit widget role (composite
//   widgets such as tabs and listboxes manage focus by script); focusable content inside
//   it, or beside it in its parent or grandparent within the same section (the click may
//   just duplicate that link, as on clickable cards and table rows); an interactive
//   ancestor; a key handler on it or an ancestor; CSS granska could not evaluate.
//
// Kind: Requirement (2.1.1, level A). The failed case is narrow on purpose: a static page
// cannot show a keyboard alternative added by script, so whenever one is plausible the
// answer is cantTell.
#include "aria/aria_data.h"
#include "engine/registry.h"
#include "util/text.h"

namespace granska::checks {
namespace {

using namespace engine;

const Message kKeyboardOk{"keyboard-operable", {"<{0}> med onclick kan nås och användas med tangentbordet.",
                                                "<{0}> with onclick can be reached and used with the keyboard."}};
const Message kNotFocusable{"not-focusable",
                            {"<{0}> reagerar på klick (onclick) men kan inte nås med tangentbordet. Den som inte "
                             "använder mus kan inte göra det som klicket gör.",
                             "<{0}> reacts to clicks (onclick) but cannot be reached with the keyboard. People who do "
                             "not use a mouse cannot do what the click does."}};
const Message kNoKeyHandler{"no-key-handler",
                            {"<{0}> med onclick kan nås med tabbtangenten men har ingen tangenthanterare i HTML-koden. "
                             "Kontrollera att Enter (och Mellanslag för knappar) gör samma sak som ett klick.",
                             "<{0}> with onclick can be reached with Tab but has no key handler in the HTML. Check "
                             "that Enter (and Space for buttons) does the same as a click."}};
const Message kScriptFocus{"script-focus-only",
                           {"<{0}> med onclick har ett negativt tabindex och nås bara om ett skript flyttar fokus "
                            "dit. Kontrollera att det går att använda med tangentbordet.",
                            "<{0}> with onclick has a negative tabindex and is reached only if a script moves focus "
                            "there. Check that it can be used with the keyboard."}};
const Message kWidgetRole{"widget-role",
                          {"<{0}> med role=\"{1}\" och onclick kan inte nås med tabbtangenten. Kontrollera att "
                           "komponenten går att använda med tangentbordet, till exempel med piltangenterna.",
                           "<{0}> with role=\"{1}\" and onclick cannot be reached with Tab. Check that the "
                           "component can be used with the keyboard, for example with the arrow keys."}};
const Message kFocusableNearby{"focusable-nearby",
                               {"<{0}> med onclick kan inte nås med tangentbordet, men det finns en länk, knapp "
                                "eller ett fält i eller bredvid det. Kontrollera att den gör samma sak som klicket.",
                                "<{0}> with onclick cannot be reached with the keyboard, but there is a link, button "
                                "or field inside or next to it. Check that it does the same as the click."}};
const Message kInteractiveAncestor{"interactive-ancestor",
                                   {"<{0}> med onclick ligger i ett element som kan nås med tangentbordet eller har "
                                    "en tangenthanterare. Kontrollera att klicket också går att göra med "
                                    "tangentbordet.",
                                    "<{0}> with onclick is inside an element that can be reached with the keyboard "
                                    "or has a key handler. Check that the click can also be done with the "
                                    "keyboard."}};
const Message kMaybeHidden{"maybe-hidden",
                           {"<{0}> med onclick kan inte nås med tangentbordet, men kan vara dold med CSS som granska "
                            "inte kunde utvärdera. Kontrollera om den syns.",
                            "<{0}> with onclick cannot be reached with the keyboard, but may be hidden by CSS that "
                            "granska could not evaluate. Check whether it is visible."}};

const RuleInfo kInfo{
    .id = "click-handler-not-focusable",
    .title = {"Klickbara element fungerar med tangentbordet", "Clickable elements work with the keyboard"},
    .description = {"Letar efter element som reagerar på musklick (onclick) men som inte går att nå med "
                    "tabbtangenten, till exempel en <div> eller <span> som fungerar som knapp. Den som använder "
                    "tangentbord eller skärmläsare kan då inte använda dem.",
                    "Looks for elements that react to mouse clicks (onclick) but cannot be reached with the Tab "
                    "key, for example a <div> or <span> acting as a button. Keyboard and screen reader users "
                    "cannot use them."},
    .help = {"Använd en riktig <button> för det som ska hända på sidan, eller en länk <a href> om klicket "
             "leder till en annan sida. De fungerar med tangentbordet utan extra kod.",
             "Use a real <button> for actions on the page, or a link <a href> if the click leads to another "
             "page. They work with the keyboard without extra code."},
    .criteria = {sc("2.1.1")},
    .impact = Impact::Serious,
    .kind = RuleKind::Requirement,
    .messages = {&kKeyboardOk, &kNotFocusable, &kNoKeyHandler, &kScriptFocus, &kWidgetRole, &kFocusableNearby,
                 &kInteractiveAncestor, &kMaybeHidden},
};

bool has_key_handler(const html::Node& e) {
  return e.has_attr("onkeydown") || e.has_attr("onkeyup") || e.has_attr("onkeypress");
}

bool natively_operable(const html::Node& e) {
  if (e.is("a") || e.is("area")) return e.has_attr("href");
  return e.is("button") || e.is("input") || e.is("select") || e.is("textarea") || e.is("summary");
}

bool negative_tabindex(const html::Node& e) {
  auto t = e.attr("tabindex");
  return t && text::trim(*t).starts_with('-');
}

bool has_focusable_descendant(Context& ctx, const html::Node& e) {
  for (const html::Node* d : e.descendant_elements()) {
    if (d != &e && ctx.aria.focusable(*d)) return true;
  }
  return false;
}

bool interactive_ancestor(Context& ctx, const html::Node& e) {
  for (const html::Node* p = e.parent_element(); p; p = p->parent_element()) {
    if (p->is("body") || p->is("html")) break;
    if (ctx.aria.focusable(*p) || has_key_handler(*p) || p->is("label")) return true;
    std::string_view role = ctx.aria.role(*p);
    if (!role.empty() && aria::is_widget_role(role)) return true;
  }
  return false;
}

// Sections and landmarks: beyond them a focusable element is no longer "beside" the click.
bool section_boundary(const html::Node& e) {
  for (std::string_view t : {"html", "body", "main", "section", "article", "aside", "nav", "header", "footer",
                             "form", "dialog"}) {
    if (e.is(t)) return true;
  }
  return false;
}

// Something focusable beside the element: within its parent or grandparent (a card's image
// and its heading link), without leaving the section it is in.
bool focusable_nearby(Context& ctx, const html::Node& e) {
  const html::Node* p = e.parent_element();
  for (int level = 0; p && level < 2 && !section_boundary(*p); ++level, p = p->parent_element()) {
    if (has_focusable_descendant(ctx, *p)) return true;
  }
  return false;
}

void evaluate(Context& ctx, Reporter& out) {
  for (const html::Node* e : ctx.doc.elements()) {
    auto onclick = e->attr("onclick");
    if (!onclick || text::trim(*onclick).empty()) continue;
    if (e->is("html") || e->is("body") || e->is("label")) continue;
    aria::Tristate hidden = ctx.aria.hidden(*e);
    if (hidden == aria::Tristate::Yes) continue;
    std::vector<std::string> args{std::string(e->tag())};
    if (ctx.aria.focusable(*e)) {
      if (natively_operable(*e) || (has_key_handler(*e) && !negative_tabindex(*e))) {
        out.passed(e, kKeyboardOk, args);
      } else if (negative_tabindex(*e)) {
        out.cant_tell(e, kScriptFocus, args);
      } else {
        out.cant_tell(e, kNoKeyHandler, args);
      }
      continue;
    }
    // A disabled or inert control: its click does nothing for anyone.
    if (natively_operable(*e)) continue;
    std::string_view role = ctx.aria.role(*e);
    if (hidden == aria::Tristate::Unknown) {
      out.cant_tell(e, kMaybeHidden, args);
    } else if (!role.empty() && ctx.aria.has_explicit_role(*e) && aria::is_widget_role(role)) {
      out.cant_tell(e, kWidgetRole, {std::string(e->tag()), std::string(role)});
    } else if (has_key_handler(*e) || interactive_ancestor(ctx, *e)) {
      out.cant_tell(e, kInteractiveAncestor, args);
    } else if (has_focusable_descendant(ctx, *e) || focusable_nearby(ctx, *e)) {
      out.cant_tell(e, kFocusableNearby, args);
    } else {
      out.failed(e, kNotFocusable, args);
    }
  }
}

const RuleRegistration kRegistration(kInfo, evaluate);

}  // namespace
}  // namespace granska::checks
