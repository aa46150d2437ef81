// duplicate-id-aria: ids that labels and ARIA attributes refer to are unique (axe-core
// "duplicate-id-aria"; WCAG 4.1.2; the part of the deprecated 4.1.1 / ACT 3ea0c8 "id is
// unique" that still matters). Applies to every id that a <label for>, aria-labelledby,
// aria-describedby, aria-controls, aria-owns, aria-activedescendant, aria-details,
// aria-errormessage or aria-flowto names and that more than one element carries. Browsers
// resolve a reference to the first element with the id, so the second is never named,
// described or owned, and the first is often the wrong one (a form copied in twice, a
// component repeated on the page).
//
// Elements inside <template> or <noscript> do not count: with scripting on, neither is part
// of the document whose ids browsers look up.
//
// Kind: Requirement. The reference names or describes the wrong element, or an element's
// label never reaches it: its name or relations are wrong for assistive technology (4.1.2).
// Duplicate ids that nothing refers to change nothing users get and are not reported.
#include <map>
#include <string>
#include <vector>

#include "checks/common/scripted_document.h"
#include "engine/registry.h"
#include "util/text.h"

namespace granska::checks {
namespace {

using namespace engine;

const Message kUnique{"unique", {"id=\"{0}\", som {1} pekar på, finns bara en gång.",
                                 "id=\"{0}\", which {1} refers to, exists only once."}};
const Message kDuplicate{"duplicate",
                         {"id=\"{0}\" finns {2} gånger, och {1} pekar på det. Webbläsare använder bara det första "
                          "elementet med id:t, så kopplingen hamnar fel. Ge varje element ett eget id.",
                          "id=\"{0}\" exists {2} times, and {1} refers to it. Browsers use only the first element "
                          "with the id, so the connection ends up wrong. Give each element an id of its own."}};

const RuleInfo kInfo{
    .id = "duplicate-id-aria",
    .title = {"Id som etiketter pekar på är unika", "Ids that labels refer to are unique"},
    .description = {"Kontrollerar att id:n som <label for>, aria-labelledby, aria-describedby och andra "
                    "ARIA-attribut pekar på bara finns en gång på sidan. Annars kopplas etiketten eller "
                    "beskrivningen till fel element.",
                    "Checks that ids which <label for>, aria-labelledby, aria-describedby and other ARIA "
                    "attributes refer to exist only once on the page. Otherwise the label or description is "
                    "connected to the wrong element."},
    .help = {"Ge varje element ett eget id och låt etiketter och ARIA-attribut peka på rätt id. Upprepas en "
             "komponent på sidan (till exempel ett formulär) behöver varje kopia egna id:n.",
             "Give each element an id of its own and let labels and ARIA attributes point to the right id. If "
             "a component is repeated on the page (such as a form), each copy needs ids of its own."},
    .criteria = {sc("4.1.2")},
    .axe_rules = {"duplicate-id-aria", "duplicate-id", "duplicate-id-active"},
    .impact = Impact::Serious,
    .messages = {&kUnique, &kDuplicate},
};

constexpr std::string_view kIdrefAttributes[] = {"aria-labelledby", "aria-describedby",    "aria-controls",
                                                 "aria-owns",       "aria-activedescendant", "aria-details",
                                                 "aria-errormessage", "aria-flowto"};

void evaluate(Context& ctx, Reporter& out) {
  const OutsideDocument outside(ctx.doc);
  auto in_inert_subtree = [&](const html::Node& e) { return outside.contains(e); };
  // Referenced id -> the first attribute that refers to it (for the message).
  std::map<std::string, std::string, std::less<>> referenced;
  std::vector<std::string> order;
  auto add = [&](std::string_view id, std::string_view by) {
    if (id.empty()) return;
    auto [it, inserted] = referenced.try_emplace(std::string(id), std::string(by));
    if (inserted) order.push_back(it->first);
  };
  for (const html::Node* e : ctx.doc.elements()) {
    bool any = e->is("label") || e->has_attr("aria-labelledby") || e->has_attr("aria-describedby") ||
               e->has_attr("aria-controls") || e->has_attr("aria-owns") || e->has_attr("aria-activedescendant") ||
               e->has_attr("aria-details") || e->has_attr("aria-errormessage") || e->has_attr("aria-flowto");
    if (!any || in_inert_subtree(*e)) continue;
    if (e->is("label")) {
      if (auto f = e->attr("for")) add(*f, "<label for>");
    }
    for (std::string_view a : kIdrefAttributes) {
      auto v = e->attr(a);
      if (!v) continue;
      std::string_view s = *v;
      std::size_t i = 0;
      while (i < s.size()) {
        while (i < s.size() && text::is_html_space(s[i])) ++i;
        std::size_t start = i;
        while (i < s.size() && !text::is_html_space(s[i])) ++i;
        if (i > start) add(s.substr(start, i - start), a);
      }
    }
  }
  for (const std::string& id : order) {
    std::vector<const html::Node*> carriers;
    for (const html::Node* e : ctx.doc.elements_with_id(id)) {
      if (!in_inert_subtree(*e)) carriers.push_back(e);
    }
    if (carriers.empty()) continue;  // a missing target is aria-valid-attr-value's and the name rules' concern
    const std::string& by = referenced.find(id)->second;
    if (carriers.size() == 1) {
      out.passed(carriers.front(), kUnique, {id, by});
      continue;
    }
    for (std::size_t i = 1; i < carriers.size(); ++i) {
      out.failed(carriers[i], kDuplicate, {id, by, std::to_string(carriers.size())});
    }
  }
}

const RuleRegistration kRegistration(kInfo, evaluate);

}  // namespace
}  // namespace granska::checks
