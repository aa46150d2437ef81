// accesskey-unique: each accesskey value is used once (axe-core "accesskeys"; WCAG 2.1.1
// and 4.1.2 as reference). Applies to rendered elements with a non-empty accesskey. When
// two elements share a key, browsers move focus to one of them (which one differs), so the
// shortcut to the other never works.
//
// Kind: BestPractice. Access keys are an extra; everything they reach is reachable with
// the Tab key too, so a clash breaks a shortcut, not the page.
#include <map>
#include <string>
#include <vector>

#include "engine/registry.h"
#include "util/text.h"

namespace granska::checks {
namespace {

using namespace engine;

const Message kUnique{"unique", {"Kortkommandot accesskey=\"{0}\" används bara här.",
                                 "The shortcut accesskey=\"{0}\" is used only here."}};
const Message kRepeated{"repeated",
                        {"Kortkommandot accesskey=\"{0}\" används {1} gånger på sidan, så det går bara till ett av "
                         "elementen. Ge varje element en egen tangent, eller ta bort accesskey.",
                         "The shortcut accesskey=\"{0}\" is used {1} times on the page, so it reaches only one of "
                         "the elements. Give each element a key of its own, or remove accesskey."}};

const RuleInfo kInfo{
    .id = "accesskey-unique",
    .title = {"Kortkommandon är unika", "Shortcut keys are unique"},
    .description = {"Kontrollerar att varje kortkommando (accesskey) bara används en gång på sidan.",
                    "Checks that each shortcut key (accesskey) is used only once on the page."},
    .help = {"Ge varje element med accesskey en egen tangent. Ofta är det bäst att ta bort accesskey helt: "
             "kortkommandona krockar lätt med webbläsarens och skärmläsarens egna.",
             "Give each element with accesskey a key of its own. Often it is best to remove accesskey "
             "altogether: the shortcuts easily clash with those of the browser and the screen reader."},
    .criteria = {sc("2.1.1")},
    .axe_rules = {"accesskeys"},
    .impact = Impact::Minor,
    .kind = RuleKind::BestPractice,
    .messages = {&kUnique, &kRepeated},
};

void evaluate(Context& ctx, Reporter& out) {
  std::map<std::string, std::vector<const html::Node*>> keys;
  std::vector<std::string> order;
  for (const html::Node* e : ctx.doc.elements()) {
    auto key = e->attr("accesskey");
    if (!key) continue;
    std::string k = text::ascii_lower(text::trim(*key));
    if (k.empty() || ctx.aria.hidden(*e) == aria::Tristate::Yes) continue;
    auto& v = keys[k];
    if (v.empty()) order.push_back(k);
    v.push_back(e);
  }
  for (const std::string& k : order) {
    const auto& v = keys[k];
    if (v.size() == 1) {
      out.passed(v.front(), kUnique, {k});
      continue;
    }
    for (std::size_t i = 1; i < v.size(); ++i) out.failed(v[i], kRepeated, {k, std::to_string(v.size())});
  }
}

const RuleRegistration kRegistration(kInfo, evaluate);

}  // namespace
}  // namespace granska::checks
