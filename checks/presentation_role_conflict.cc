// presentation-role-conflict: an element marked as decorative stays out of the
// accessibility tree (ACT 46ca7f). Applies to elements whose role= starts with none or
// presentation, and to <img alt="">. Browsers ignore the decorative marking when the
// element can take focus or has a global ARIA attribute such as aria-label (WAI-ARIA 1.2
// §9.3), and then expose it with its own role after all, often with no useful name.
// The ACT rule maps to no WCAG criterion of its own: 1.1.1 is only related, so this is a
// best practice, listed under 1.1.1 but failing no criterion (ACT and EARL claim none).
#include <string>

#include "aria/aria_data.h"
#include "engine/registry.h"

namespace granska::checks {
namespace {

using namespace engine;

const Message kNotExposed{"not-exposed",
                          {"Elementet är markerat som dekorativt och döljs för skärmläsare.",
                           "The element is marked as decorative and is hidden from screen readers."}};
const Message kExposed{"exposed",
                       {"Elementet är markerat som dekorativt men visas ändå för skärmläsare som {0}, eftersom "
                        "det har {1}.",
                        "The element is marked as decorative but is still shown to screen readers as {0}, "
                        "because it has {1}."}};
const Message kExposedFocus{"exposed-focusable",
                            {"Elementet är markerat som dekorativt men visas ändå för skärmläsare som {0}, "
                             "eftersom det går att fokusera.",
                             "The element is marked as decorative but is still shown to screen readers as {0}, "
                             "because it can take focus."}};
const Message kUnsure{"unsure",
                      {"Elementet är markerat som dekorativt men går att fokusera eller har ARIA-attribut; "
                       "granska kan inte avgöra om skärmläsare ändå får veta om det.",
                       "The element is marked as decorative but can take focus or has ARIA attributes; granska "
                       "cannot tell whether screen readers are still told about it."}};

const RuleInfo kInfo{
    .id = "presentation-role-conflict",
    .title = {"Dekorativa element döljs för skärmläsare", "Decorative elements are hidden from screen readers"},
    .description = {"Kontrollerar att element som markerats som dekorativa, med role=\"presentation\", "
                    "role=\"none\" eller alt=\"\" på en bild, verkligen döljs för skärmläsare. Har elementet "
                    "också aria-label eller liknande, eller går det att fokusera, visar webbläsaren det ändå, "
                    "ofta utan begriplig text.",
                    "Checks that elements marked as decorative, with role=\"presentation\", role=\"none\" or "
                    "alt=\"\" on an image, really are hidden from screen readers. If the element also has "
                    "aria-label or the like, or can take focus, the browser shows it anyway, often without "
                    "meaningful text."},
    .help = {"Bestäm om elementet är dekorativt. Är det dekorativt tar du bort aria-label, aria-labelledby och "
             "tabindex från det. Betyder det något tar du bort role=\"presentation\" eller ger bilden en "
             "alt-text som beskriver den.",
             "Decide whether the element is decorative. If it is, remove aria-label, aria-labelledby and tabindex "
             "from it. If it means something, remove role=\"presentation\" or give the image an alt text that "
             "describes it."},
    .criteria = {sc("1.1.1")},
    .act_rules = {"46ca7f"},
    .axe_rules = {"presentation-role-conflict"},
    .impact = Impact::Minor,
    .kind = RuleKind::BestPractice,
    .messages = {&kNotExposed, &kExposed, &kExposedFocus, &kUnsure},
};

bool marked_decorative(const html::Node& e) {
  if (auto role = e.attr("role")) {
    if (const aria::RoleInfo* r = aria::first_concrete_role(*role)) {
      return r->name == "none" || r->name == "presentation";
    }
  }
  if (e.is("img")) {
    auto alt = e.attr("alt");
    return alt && alt->empty();
  }
  return false;
}

std::string global_attribute(const html::Node& e) {
  for (const html::Attribute& a : e.attributes()) {
    if (!a.name.starts_with("aria-") || a.name == "aria-hidden") continue;
    const aria::AttributeInfo* info = aria::find_attribute(a.name);
    if (info && info->global) return a.name;
  }
  return {};
}

void evaluate(Context& ctx, Reporter& out) {
  for (const html::Node* e : ctx.doc.elements()) {
    if (!marked_decorative(*e)) continue;
    aria::Tristate hidden = ctx.aria.hidden_from_at(*e);
    std::string_view role = ctx.aria.role(*e);
    if (hidden == aria::Tristate::Yes || role == "none") {
      out.passed(e, kNotExposed);
      continue;
    }
    bool focusable = ctx.aria.focusable(*e);
    std::string attribute = global_attribute(*e);
    // Generic or role-less results, and answers resting on CSS, are left to a person.
    if (role.empty() || hidden == aria::Tristate::Unknown) {
      out.cant_tell(e, kUnsure);
    } else if (focusable) {
      out.failed(e, kExposedFocus, {std::string(role)});
    } else {
      out.failed(e, kExposed, {std::string(role), attribute});
    }
  }
}

const RuleRegistration kRegistration(kInfo, evaluate);

}  // namespace
}  // namespace granska::checks
