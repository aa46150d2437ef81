// list-structure: HTML lists are built the way assistive technology expects (granska's own
// rule, no ACT rule; WCAG 1.3.1, technique H48).
//
// Applies to
//   - <ul>, <ol> and <menu> exposed as lists (role list, so not role=none/presentation or
//     another role): every element child must be <li>, have role=listitem, or be <script>
//     or <template>; text directly in the list is not allowed either;
//   - <dl> without a role attribute: children must be <dt>, <dd>, <div> (whose children are
//     <dt>/<dd>), <script> or <template>, in HTML's order: groups of one or more <dt>
//     followed by one or more <dd> (a <dd> before any <dt>, or a <dt> with no <dd> after
//     it, breaks the term–description pairs screen readers announce);
//   - <li> without a role attribute that is not inside a list element or role=list/directory,
//     and <dt>/<dd> not inside a <dl> — directly or through wrappers without a role (a
//     wrapped item is reported once, on its list).
// Children that are hidden from everyone, or empty (a separator <div></div>), are left out:
// nothing a visitor perceives depends on them. A wrapper around the items
// (<ul><div><li>…</li></div></ul>) gives cantTell: Chromium skips such a generic wrapper and
// still reads the list correctly, other browsers may not.
//
// Kind: Requirement (1.3.1, technique H48). A list item outside a list is drawn with a
// bullet but is no list item to assistive technology, and content placed directly in a list
// is read as part of the list without being one of its items: what the page shows and what
// the markup says differ. To keep false positives out, ARIA lists built from other elements
// (role=list on <div>) are left to the ARIA rules, as is an <li> in a <ul> with another role
// (a menubar, a tab list).
#include <string>
#include <utility>

#include "engine/registry.h"
#include "util/text.h"

namespace granska::checks {
namespace {

using namespace engine;

const Message kListOk{"list-ok", {"Listan innehåller bara listpunkter.", "The list contains only list items."}};
const Message kBadChild{"invalid-child",
                        {"Listan innehåller {0} direkt, utan <li> runt. Skärmläsare räknar och läser då listan fel. Lägg "
                         "innehållet i ett <li> eller flytta det utanför listan.",
                         "The list contains {0} directly, without <li> around it. Screen readers then count and "
                         "read the list wrongly. Put the content in an <li> or move it out of the list."}};
const Message kDlOk{"dl-ok", {"Definitionslistan innehåller bara termer och beskrivningar.",
                              "The description list contains only terms and descriptions."}};
const Message kDlBadChild{
    "dl-invalid-child",
    {"Definitionslistan <dl> innehåller {0}, som inte får ligga där. Bara <dt>, <dd> och <div> runt dem är "
     "tillåtna. Gör det till <dt> eller <dd>, eller flytta det utanför listan.",
     "The description list <dl> contains {0}, which is not allowed there. Only <dt>, <dd> and <div> around "
     "them are allowed. Make it a <dt> or <dd>, or move it out of the list."}};
const Message kDlOrder{"dl-order",
                       {"Definitionslistan har {0}. Varje <dd> ska komma efter en <dt>, och varje <dt> ska följas av "
                        "en <dd>, annars läses termer och beskrivningar ihop fel.",
                        "The description list has {1}. Each <dd> must come after a <dt>, and each <dt> must be "
                        "followed by a <dd>, or terms and descriptions are read together wrongly."}};
const Message kOrphanLi{"orphan-li",
                        {"Listpunkten <li> ligger inte i en lista (<ul> eller <ol>). Skärmläsare presenterar den "
                         "inte som en lista. Lägg den i en <ul> eller <ol>, eller byt <li> mot <p>.",
                         "The list item <li> is not inside a list (<ul> or <ol>). Screen readers do not present it "
                         "as a list. Put it in a <ul> or <ol>, or change the <li> to a <p>."}};
const Message kOrphanDtDd{"orphan-dt-dd",
                          {"{0} ligger utanför en definitionslista <dl>. Lägg den i en <dl>, eller byt den mot <p>.",
                           "{0} is outside a description list <dl>. Put it in a <dl>, or change it to a <p>."}};
const Message kMaybeHidden{"maybe-hidden",
                           {"Listan innehåller {0}, som inte hör hemma där, men det kan vara dolt med CSS som "
                            "granska inte kunde utvärdera. Kontrollera listan.",
                            "The list contains {0}, which does not belong there, but it may be hidden by CSS that "
                            "granska could not evaluate. Check the list."}};

const Message kWrapped{"wrapped-items",
                       {"Listpunkterna ligger inuti {0} i stället för direkt i listan. Vissa skärmläsare läser då "
                        "listan fel. Kontrollera listan och flytta <li> direkt in i listan.",
                        "The list items are inside {0} instead of directly in the list. Some screen readers then "
                        "read the list wrongly. Check the list and move the <li> directly into it."}};

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
    .axe_rules = {"list", "listitem", "definition-list", "dlitem"},
    .impact = Impact::Serious,
    .kind = RuleKind::Requirement,
    .messages = {&kListOk, &kBadChild, &kDlOk, &kDlBadChild, &kDlOrder, &kOrphanLi, &kOrphanDtDd, &kMaybeHidden,
                 &kWrapped},
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

bool has_content(const html::Node& e) {
  if (!text::trim(e.text_content()).empty()) return true;
  for (const html::Node* d : e.descendant_elements()) {
    if (is_any(*d, {"img", "svg", "input", "select", "textarea", "button", "iframe", "object", "video"})) return true;
  }
  return false;
}

bool contains_any(const html::Node& e, std::initializer_list<std::string_view> tags) {
  for (const html::Node* d : e.descendant_elements()) {
    if (is_any(*d, tags)) return true;
  }
  return false;
}

// What the children of a list (or a <dl>, or a <div> group in one) amount to.
struct ChildCheck {
  const html::Node* bad = nullptr;      // first child with content that must not be there
  const html::Node* unsure = nullptr;   // first wrapper of items, or child CSS may hide
  bool unsure_is_wrapper = false;
};

// `allowed` says which element children belong; `item_tags` are the items a wrapper may
// hold. Empty elements (a separator <div></div>) change nothing a visitor perceives and are
// left alone; a wrapper around items (<ul><div><li>) is read correctly by some screen
// readers and not by others, so it gives cantTell rather than failed.
template <typename Allowed>
void check_children(Context& ctx, const html::Node& list, Allowed allowed,
                    std::initializer_list<std::string_view> item_tags, ChildCheck& r) {
  for (const html::Node* c : list.children()) {
    if (has_text(*c)) {
      if (!r.bad) r.bad = c;
      continue;
    }
    if (!c->is_element() || allowed(*c)) continue;
    aria::Tristate hidden = ctx.aria.hidden(*c);
    if (hidden == aria::Tristate::Yes || !has_content(*c)) continue;
    if (hidden == aria::Tristate::Unknown) {
      if (!r.unsure) r.unsure = c;
    } else if (contains_any(*c, item_tags)) {
      if (!r.unsure) r.unsure = c, r.unsure_is_wrapper = true;
    } else if (!r.bad) {
      r.bad = c;
    }
  }
}

void report(Reporter& out, const html::Node& list, const ChildCheck& r, const Message& ok, const Message& bad) {
  if (r.bad) {
    out.failed(&list, bad, {describe(*r.bad)});
  } else if (r.unsure) {
    out.cant_tell(&list, r.unsure_is_wrapper ? kWrapped : kMaybeHidden, {describe(*r.unsure)});
  } else {
    out.passed(&list, ok);
  }
}

void check_list(Context& ctx, Reporter& out, const html::Node& list) {
  ChildCheck r;
  check_children(
      ctx, list,
      [&](const html::Node& c) {
        return is_any(c, {"li", "script", "template"}) || ctx.aria.role(c) == "listitem";
      },
      {"li"}, r);
  report(out, list, r, kListOk, kBadChild);
}

// HTML's content model of <dl>: groups of <dt>+ then <dd>+, directly or each in a <div>.
// Returns what breaks it ("a <dd> before any <dt>" / "a <dt> without a <dd>"), in Swedish
// and English, or empty strings when the order is right. Hidden children do not count.
std::pair<std::string, std::string> dl_order(Context& ctx, const html::Node& dl) {
  auto check = [&](const html::Node& parent, bool& seen_dt, bool& pending_dt, std::pair<std::string, std::string>& bad) {
    for (const html::Node* c : parent.children()) {
      if (!c->is_element() || ctx.aria.hidden(*c) == aria::Tristate::Yes) continue;
      if (c->is("dt")) {
        seen_dt = pending_dt = true;
      } else if (c->is("dd")) {
        if (!seen_dt && bad.first.empty()) bad = {"en <dd> före första <dt>", "a <dd> before the first <dt>"};
        pending_dt = false;
      }
    }
  };
  std::pair<std::string, std::string> bad;
  bool seen_dt = false, pending_dt = false;
  bool groups = false;
  for (const html::Node* c : dl.children()) groups = groups || (c->is("div") && ctx.aria.hidden(*c) != aria::Tristate::Yes);
  if (!groups) {
    check(dl, seen_dt, pending_dt, bad);
  } else {
    for (const html::Node* c : dl.children()) {
      if (!c->is("div") || ctx.aria.hidden(*c) == aria::Tristate::Yes) continue;
      bool group_dt = false, group_pending = false;
      check(*c, group_dt, group_pending, bad);
      if (group_pending && bad.first.empty()) bad = {"en <dt> utan <dd> efter sig", "a <dt> without a <dd> after it"};
    }
  }
  if (pending_dt && bad.first.empty()) bad = {"en <dt> utan <dd> efter sig", "a <dt> without a <dd> after it"};
  return bad;
}

void check_dl(Context& ctx, Reporter& out, const html::Node& dl) {
  ChildCheck r;
  auto dt_dd = [](const html::Node& c) { return is_any(c, {"dt", "dd", "script", "template"}); };
  check_children(ctx, dl, [&](const html::Node& c) { return dt_dd(c) || c.is("div"); }, {"dt", "dd"}, r);
  for (const html::Node* c : dl.children()) {
    if (c->is("div") && ctx.aria.hidden(*c) != aria::Tristate::Yes) check_children(ctx, *c, dt_dd, {"dt", "dd"}, r);
  }
  if (!r.bad && !r.unsure) {
    auto [sv, en] = dl_order(ctx, dl);
    if (!sv.empty()) return out.failed(&dl, kDlOrder, {sv, en});
  }
  report(out, dl, r, kDlOk, kDlBadChild);
}

// True when `item` sits in a list element of `tags` (or, for <li>, in role=list or
// directory), directly or through wrappers without a role. A wrapped item is the list's
// finding (wrapped-items or dl-invalid-child), not an orphan of its own.
bool list_through_wrappers(Context& ctx, const html::Node& item, std::initializer_list<std::string_view> tags) {
  bool li = item.is("li");
  for (const html::Node* a = item.parent_element(); a; a = a->parent_element()) {
    if (is_any(*a, tags)) return true;
    std::string_view role = ctx.aria.role(*a);
    if (li && (role == "list" || role == "directory")) return true;
    if (!role.empty() || a->has_attr("role")) return false;
  }
  return false;
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
      if (list_through_wrappers(ctx, *e, {"ul", "ol", "menu"})) continue;
      out.failed(e, kOrphanLi);
    } else if (e->is("dt") || e->is("dd")) {
      if (e->has_attr("role") || !parent || maybe_hidden) continue;
      if (list_through_wrappers(ctx, *e, {"dl"})) continue;
      out.failed(e, kOrphanDtDd, {"<" + std::string(e->tag()) + ">"});
    }
  }
}

const RuleRegistration kRegistration(kInfo, evaluate);

}  // namespace
}  // namespace granska::checks
