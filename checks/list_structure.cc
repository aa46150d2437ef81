// list-structure: HTML lists are built the way assistive technology expects (granska's own
// rule, no ACT rule; WCAG 1.3.1, technique H48).
//
// Applies to
//   - <ul>, <ol> and <menu> exposed as lists (role list, so not role=none/presentation or
//     another role): every element child must be <li>, have role=listitem, or be <script>
//     or <template>; text directly in the list is not allowed either;
//   - <dl> without a role attribute: children must be <dt>, <dd>, <div> (whose children are
//     <dt>/<dd>), <script> or <template>;
//   - <li> without a role attribute whose parent is not a list element and not role=list
//     or directory; <dt>/<dd> outside a <dl> (directly or through a <div>).
// Children that are hidden from everyone are left out: they are not exposed anyway.
//
// Kind: Requirement (1.3.1). A list whose items are not list items (or items without a
// list) tells screen readers a wrong number of items, or that there is no list at all: the
// structure the page shows is not in the markup. To keep false positives out, ARIA lists
// built from other elements (role=list on <div>) are not judged here, and an <li> inside a
// <ul> with another role (a menubar, a tab list) is left to the ARIA rules.
#include "engine/registry.h"
#include "util/text.h"

namespace granska::checks {
namespace {

using namespace engine;

const Message kListOk{"list-ok", {"Listan innehåller bara listpunkter.", "The list contains only list items."}};
const Message kBadChild{"invalid-child",
                        {"Listan innehåller {0} direkt, utan <li> runt. Skärmläsare räknar och läser då listan fel.",
                         "The list contains {0} directly, without <li> around it. Screen readers then count and "
                         "read the list wrongly."}};
const Message kDlOk{"dl-ok", {"Definitionslistan innehåller bara termer och beskrivningar.",
                              "The description list contains only terms and descriptions."}};
const Message kDlBadChild{
    "dl-invalid-child",
    {"Definitionslistan <dl> innehåller {0}, som inte får ligga där. Bara <dt>, <dd> och <div> runt dem är "
     "tillåtna.",
     "The description list <dl> contains {0}, which is not allowed there. Only <dt>, <dd> and <div> around "
     "them are allowed."}};
const Message kOrphanLi{"orphan-li",
                        {"Listpunkten <li> ligger inte i en lista (<ul> eller <ol>). Skärmläsare presenterar den "
                         "inte som en lista.",
                         "The list item <li> is not inside a list (<ul> or <ol>). Screen readers do not present it "
                         "as a list."}};
const Message kOrphanDtDd{"orphan-dt-dd",
                          {"{0} ligger utanför en definitionslista <dl>.",
                           "{0} is outside a description list <dl>."}};
const Message kMaybeHidden{"maybe-hidden",
                           {"Listan innehåller {0} utan <li> runt, men det kan vara dolt med CSS som granska inte "
                            "kunde utvärdera. Kontrollera listan.",
                            "The list contains {0} without <li> around it, but it may be hidden by CSS that granska "
                            "could not evaluate. Check the list."}};

const RuleInfo kInfo{
    .id = "list-structure",
    .title = {"Listor är rätt uppbyggda", "Lists are built correctly"},
    .description = {"Kontrollerar att punktlistor och numrerade listor (<ul>, <ol>) bara innehåller listpunkter "
                    "(<li>), att listpunkter ligger i en lista och att definitionslistor (<dl>) bara innehåller "
                    "termer och beskrivningar. Annars läser skärmläsare upp listan fel.",
                    "Checks that bulleted and numbered lists (<ul>, <ol>) contain only list items (<li>), that "
                    "list items are inside a list and that description lists (<dl>) contain only terms and "
                    "descriptions. Otherwise screen readers read the list wrongly."},
    .help = {"Lägg varje punkt i listan i ett eget <li>, och lägg <li> direkt i <ul> eller <ol>. Är innehållet "
             "inte en lista: ta bort <li> och använd vanliga stycken.",
             "Put each point of the list in its own <li>, and put the <li> directly in <ul> or <ol>. If the "
             "content is not a list, remove the <li> and use ordinary paragraphs."},
    .criteria = {sc("1.3.1")},
    .impact = Impact::Serious,
    .kind = RuleKind::Requirement,
    .messages = {&kListOk, &kBadChild, &kDlOk, &kDlBadChild, &kOrphanLi, &kOrphanDtDd, &kMaybeHidden},
};

bool is_any(const html::Node& e, std::initializer_list<std::string_view> tags) {
  for (std::string_view t : tags) {
    if (e.is(t)) return true;
  }
  return false;
}

bool has_text(const html::Node& n) { return n.is_text() && !text::trim(n.data()).empty(); }

std::string describe(const html::Node& child) {
  if (child.is_text()) return "text";
  return "<" + std::string(child.tag()) + ">";
}

// The first child of `list` that must not be there, or nullptr; `unknown` is set when that
// child's hiddenness rests on unevaluated CSS.
template <typename Allowed>
const html::Node* first_bad_child(Context& ctx, const html::Node& list, Allowed allowed, bool& unknown) {
  for (const html::Node* c : list.children()) {
    if (has_text(*c)) return c;
    if (!c->is_element() || allowed(*c)) continue;
    aria::Tristate hidden = ctx.aria.hidden(*c);
    if (hidden == aria::Tristate::Yes) continue;
    unknown = hidden == aria::Tristate::Unknown;
    return c;
  }
  return nullptr;
}

void check_list(Context& ctx, Reporter& out, const html::Node& list) {
  bool unknown = false;
  const html::Node* bad = first_bad_child(
      ctx, list,
      [&](const html::Node& c) {
        return is_any(c, {"li", "script", "template"}) || ctx.aria.role(c) == "listitem";
      },
      unknown);
  if (!bad) {
    out.passed(&list, kListOk);
  } else if (unknown) {
    out.cant_tell(&list, kMaybeHidden, {describe(*bad)});
  } else {
    out.failed(&list, kBadChild, {describe(*bad)});
  }
}

void check_dl(Context& ctx, Reporter& out, const html::Node& dl) {
  bool unknown = false;
  auto dt_dd = [](const html::Node& c) { return is_any(c, {"dt", "dd", "script", "template"}); };
  const html::Node* bad = first_bad_child(ctx, dl, [&](const html::Node& c) { return dt_dd(c) || c.is("div"); },
                                          unknown);
  if (!bad) {
    for (const html::Node* c : dl.children()) {
      if (!c->is("div") || ctx.aria.hidden(*c) == aria::Tristate::Yes) continue;
      if ((bad = first_bad_child(ctx, *c, dt_dd, unknown))) break;
    }
  }
  if (!bad) {
    out.passed(&dl, kDlOk);
  } else if (unknown) {
    out.cant_tell(&dl, kMaybeHidden, {describe(*bad)});
  } else {
    out.failed(&dl, kDlBadChild, {describe(*bad)});
  }
}

void evaluate(Context& ctx, Reporter& out) {
  for (const html::Node* e : ctx.doc.elements()) {
    aria::Tristate hidden = ctx.aria.hidden_from_at(*e);
    if (hidden == aria::Tristate::Yes) continue;
    // An orphan that CSS granska did not evaluate may hide is left alone.
    bool maybe_hidden = hidden == aria::Tristate::Unknown;
    const html::Node* parent = e->parent_element();
    if (is_any(*e, {"ul", "ol", "menu"})) {
      if (ctx.aria.role(*e) == "list") check_list(ctx, out, *e);
    } else if (e->is("dl")) {
      if (!e->has_attr("role")) check_dl(ctx, out, *e);
    } else if (e->is("li")) {
      if (e->has_attr("role") || !parent || maybe_hidden) continue;
      if (is_any(*parent, {"ul", "ol", "menu"})) continue;  // a list, or one with another role
      std::string_view parent_role = ctx.aria.role(*parent);
      if (parent_role == "list" || parent_role == "directory") continue;
      out.failed(e, kOrphanLi);
    } else if (e->is("dt") || e->is("dd")) {
      if (e->has_attr("role") || !parent || maybe_hidden) continue;
      if (parent->is("dl")) continue;
      if (parent->is("div") && parent->parent_element() && parent->parent_element()->is("dl")) continue;
      out.failed(e, kOrphanDtDd, {"<" + std::string(e->tag()) + ">"});
    }
  }
}

const RuleRegistration kRegistration(kInfo, evaluate);

}  // namespace
}  // namespace granska::checks
