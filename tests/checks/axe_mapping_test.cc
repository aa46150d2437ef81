// The catalogue maps every axe-core rule to granska: through RuleInfo::axe_rules or, when
// granska has no rule for it, engine::unmapped_axe_rules() with the reason. Exactly once.
#include <gtest/gtest.h>

#include <map>
#include <set>
#include <string>

#include "engine/axe_core.h"
#include "engine/registry.h"

namespace granska {
namespace {

// The rule ids of axe-core 4.10 (axe.getRules() of 4.10.3, the version tests/browser pins).
const std::set<std::string> kAxeCore410 = {
    "accesskeys", "area-alt", "aria-allowed-attr", "aria-allowed-role", "aria-braille-equivalent",
    "aria-command-name", "aria-conditional-attr", "aria-deprecated-role", "aria-dialog-name", "aria-hidden-body",
    "aria-hidden-focus", "aria-input-field-name", "aria-meter-name", "aria-progressbar-name",
    "aria-prohibited-attr", "aria-required-attr", "aria-required-children", "aria-required-parent",
    "aria-roledescription", "aria-roles", "aria-text", "aria-toggle-field-name", "aria-tooltip-name",
    "aria-treeitem-name", "aria-valid-attr", "aria-valid-attr-value", "audio-caption", "autocomplete-valid",
    "avoid-inline-spacing", "blink", "button-name", "bypass", "color-contrast", "color-contrast-enhanced",
    "css-orientation-lock", "definition-list", "dlitem", "document-title", "duplicate-id", "duplicate-id-active",
    "duplicate-id-aria", "empty-heading", "empty-table-header", "focus-order-semantics",
    "form-field-multiple-labels", "frame-focusable-content", "frame-tested", "frame-title", "frame-title-unique",
    "heading-order", "hidden-content", "html-has-lang", "html-lang-valid", "html-xml-lang-mismatch",
    "identical-links-same-purpose", "image-alt", "image-redundant-alt", "input-button-name", "input-image-alt",
    "label", "label-content-name-mismatch", "label-title-only", "landmark-banner-is-top-level",
    "landmark-complementary-is-top-level", "landmark-contentinfo-is-top-level", "landmark-main-is-top-level",
    "landmark-no-duplicate-banner", "landmark-no-duplicate-contentinfo", "landmark-no-duplicate-main",
    "landmark-one-main", "landmark-unique", "link-in-text-block", "link-name", "list", "listitem", "marquee",
    "meta-refresh", "meta-refresh-no-exceptions", "meta-viewport", "meta-viewport-large", "nested-interactive",
    "no-autoplay-audio", "object-alt", "p-as-heading", "page-has-heading-one", "presentation-role-conflict",
    "region", "role-img-alt", "scope-attr-valid", "scrollable-region-focusable", "select-name",
    "server-side-image-map", "skip-link", "summary-name", "svg-img-alt", "tabindex", "table-duplicate-name",
    "table-fake-caption", "target-size", "td-has-header", "td-headers-attr", "th-has-data-cells", "valid-lang",
    "video-caption",
};

TEST(AxeMapping, EveryAxeCoreRuleIsMappedOrExplainedOnce) {
  EXPECT_EQ(kAxeCore410.size(), 104u);
  std::map<std::string, std::vector<std::string>> mapped;
  for (const engine::Rule* rule : engine::Registry::builtin().rules()) {
    for (std::string_view a : rule->info.axe_rules) {
      EXPECT_TRUE(kAxeCore410.count(std::string(a))) << rule->info.id << " names unknown axe-core rule " << a;
      mapped[std::string(a)].push_back(std::string(rule->info.id));
    }
  }
  std::set<std::string> unmapped;
  for (const engine::UnmappedAxeRule& u : engine::unmapped_axe_rules()) {
    EXPECT_TRUE(kAxeCore410.count(std::string(u.id))) << "unknown axe-core rule " << u.id;
    EXPECT_TRUE(unmapped.insert(std::string(u.id)).second) << "listed twice: " << u.id;
    EXPECT_FALSE(mapped.count(std::string(u.id))) << u.id << " is both mapped and explained as unmapped";
    EXPECT_FALSE(u.reason.sv.empty());
    EXPECT_FALSE(u.reason.en.empty());
  }
  for (const std::string& id : kAxeCore410) {
    EXPECT_TRUE(mapped.count(id) || unmapped.count(id)) << "axe-core rule " << id << " is neither mapped nor explained";
  }
}

}  // namespace
}  // namespace granska
