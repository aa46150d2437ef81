// radio-checkbox-group: radio buttons (and checkboxes) that share a name sit in a group with
// a name, such as <fieldset> with <legend> (granska's own rule, no ACT rule; WCAG 1.3.1 as
// reference, technique H71 / ARIA17).
//
// Applies to groups of two or more <input type=radio> or <input type=checkbox> in the
// accessibility tree that share type, name and form owner (as HTML groups radio buttons).
// Passes when every member has an ancestor with role group or radiogroup (a <fieldset> is
// a group) whose accessible name is not empty — the question the options answer.
//
// Kind: BestPractice. Without a group the question ("Vill du bli kontaktad?") is tied to
// the options only visually, which often fails 1.3.1 — but not always: when each option's
// own label says everything ("Jag vill få svar via e-post"), nothing is lost. granska cannot
// tell the two apart from the markup, so it warns instead of failing.
#include <map>
#include <tuple>

#include "engine/registry.h"
#include "util/text.h"

namespace granska::checks {
namespace {

using namespace engine;

const Message kGrouped{"grouped", {"Alternativen är grupperade under rubriken \"{0}\".",
                                   "The options are grouped under the heading \"{0}\"."}};
const Message kNotGrouped{
    "not-grouped",
    {"{0} alternativ med namnet \"{1}\" hör ihop men ligger inte i en grupp med rubrik. En skärmläsare läser "
     "upp alternativen utan frågan de svarar på. Lägg dem i en <fieldset> med frågan i en <legend>.",
     "{0} options named \"{1}\" belong together but are not in a group with a heading. A screen reader reads "
     "the options without the question they answer. Put them in a <fieldset> with the question in a "
     "<legend>."}};
const Message kMaybeHidden{"maybe-hidden",
                           {"Alternativen med namnet \"{0}\" ligger inte i en grupp med rubrik, men några kan vara "
                            "dolda med CSS som granska inte kunde utvärdera. Kontrollera dem.",
                            "The options named \"{0}\" are not in a group with a heading, but some may be hidden "
                            "by CSS that granska could not evaluate. Check them."}};

const RuleInfo kInfo{
    .id = "radio-checkbox-group",
    .title = {"Radioknappar och kryssrutor som hör ihop är grupperade",
              "Radio buttons and checkboxes that belong together are grouped"},
    .description = {"Varnar när radioknappar eller kryssrutor med samma namn inte ligger i en grupp med en "
                    "rubrik. Då hör en skärmläsaranvändare bara \"Ja\" och \"Nej\" men inte frågan.",
                    "Warns when radio buttons or checkboxes with the same name are not in a group with a "
                    "heading. A screen reader user then hears only \"Yes\" and \"No\" but not the question."},
    .help = {"Lägg alternativen i en <fieldset> och skriv frågan i en <legend> först i den, till exempel "
             "<fieldset><legend>Vill du bli kontaktad?</legend> … </fieldset>.",
             "Put the options in a <fieldset> and write the question in a <legend> first inside it, for "
             "example <fieldset><legend>Do you want us to contact you?</legend> … </fieldset>."},
    .criteria = {sc("1.3.1")},
    .impact = Impact::Serious,
    .kind = RuleKind::BestPractice,
    .messages = {&kGrouped, &kNotGrouped, &kMaybeHidden},
};

// The form owner per HTML: the form= attribute when it names a <form>, else the nearest
// ancestor form (nullptr for fields outside any form: they group by document).
const html::Node* form_owner(const html::Document& doc, const html::Node& e) {
  if (auto f = e.attr("form")) {
    const html::Node* target = doc.element_by_id(*f);
    return target && target->is("form") ? target : nullptr;
  }
  for (const html::Node* a = e.parent_element(); a; a = a->parent_element()) {
    if (a->is("form")) return a;
  }
  return nullptr;
}

// The nearest ancestor group with a non-empty accessible name, or nullptr.
const html::Node* named_group(Context& ctx, const html::Node& e) {
  for (const html::Node* a = e.parent_element(); a; a = a->parent_element()) {
    std::string_view role = ctx.aria.role(*a);
    if ((role == "group" || role == "radiogroup") && !ctx.aria.name(*a).text.empty()) return a;
  }
  return nullptr;
}

void evaluate(Context& ctx, Reporter& out) {
  using Key = std::tuple<const html::Node*, std::string, std::string>;  // form, type, name
  std::map<Key, std::vector<const html::Node*>> groups;
  std::vector<Key> order;
  for (const html::Node* e : ctx.doc.elements()) {
    if (!e->is("input")) continue;
    std::string type = text::ascii_lower(text::trim(e->attr("type").value_or("")));
    if (type != "radio" && type != "checkbox") continue;
    auto name = e->attr("name");
    if (!name || name->empty()) continue;
    if (ctx.aria.hidden_from_at(*e) == aria::Tristate::Yes) continue;
    Key key{form_owner(ctx.doc, *e), type, std::string(*name)};
    auto [it, inserted] = groups.try_emplace(key);
    if (inserted) order.push_back(key);
    it->second.push_back(e);
  }
  for (const Key& key : order) {
    const std::vector<const html::Node*>& members = groups[key];
    if (members.size() < 2) continue;
    const html::Node* first_group = nullptr;
    bool all_grouped = true;
    bool any_unknown = false;
    for (const html::Node* m : members) {
      const html::Node* g = named_group(ctx, *m);
      if (!g) all_grouped = false;
      if (!first_group) first_group = g;
      if (ctx.aria.hidden_from_at(*m) == aria::Tristate::Unknown) any_unknown = true;
    }
    const std::string& name = std::get<2>(key);
    if (all_grouped) {
      out.passed(members.front(), kGrouped, {ctx.aria.name(*first_group).text});
    } else if (any_unknown) {
      out.cant_tell(members.front(), kMaybeHidden, {name});
    } else {
      out.failed(members.front(), kNotGrouped, {std::to_string(members.size()), name});
    }
  }
}

const RuleRegistration kRegistration(kInfo, evaluate);

}  // namespace
}  // namespace granska::checks
