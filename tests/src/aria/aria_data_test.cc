// The ARIA 1.2 tables: lookups, inheritance and spot checks against the spec.
#include "aria/aria_data.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

namespace granska::aria {
namespace {

std::set<std::string> words(WordList list) {
  std::set<std::string> out;
  for (std::string_view w : list) out.emplace(w);
  return out;
}

TEST(AriaData, FindsRolesAndTheirCharacteristics) {
  const RoleInfo* button = find_role("button");
  ASSERT_NE(button, nullptr);
  EXPECT_FALSE(button->abstract);
  EXPECT_TRUE(button->children_presentational);
  EXPECT_TRUE(button->name_required);
  EXPECT_EQ(button->name_from, kNameFromAuthor | kNameFromContents);
  EXPECT_EQ(words(button->superclasses), (std::set<std::string>{"command"}));
  EXPECT_EQ(find_role("nosuchrole"), nullptr);
  EXPECT_EQ(find_role("Button"), nullptr);  // find_role expects lowercase
  EXPECT_EQ(find_role_token("Button"), button);
  EXPECT_EQ(find_role_token(""), nullptr);
}

TEST(AriaData, AbstractRolesAreFlagged) {
  for (std::string_view r : {"command", "composite", "input", "landmark", "range", "roletype", "section",
                             "sectionhead", "select", "structure", "widget", "window"}) {
    ASSERT_NE(find_role(r), nullptr) << r;
    EXPECT_TRUE(find_role(r)->abstract) << r;
  }
  EXPECT_FALSE(find_role("region")->abstract);
}

TEST(AriaData, EveryConcreteRoleDescendsFromRoletype) {
  for (const RoleInfo& r : all_roles()) {
    EXPECT_TRUE(role_is_a(r.name, "roletype")) << r.name;
  }
}

TEST(AriaData, Inheritance) {
  EXPECT_TRUE(role_is_a("searchbox", "textbox"));
  EXPECT_TRUE(role_is_a("switch", "checkbox"));
  EXPECT_TRUE(role_is_a("menuitemradio", "menuitem"));
  EXPECT_TRUE(role_is_a("treegrid", "table"));
  EXPECT_TRUE(role_is_a("doc-biblioref", "link"));
  EXPECT_TRUE(is_widget_role("button"));
  EXPECT_FALSE(is_widget_role("heading"));
  EXPECT_TRUE(is_landmark_role("navigation"));
  EXPECT_TRUE(is_landmark_role("doc-toc"));
  EXPECT_FALSE(is_landmark_role("list"));
}

TEST(AriaData, SupportedAttributesIncludeInheritedAndGlobal) {
  EXPECT_TRUE(role_supports_attribute("button", "aria-pressed"));
  EXPECT_FALSE(role_supports_attribute("button", "aria-checked"));
  EXPECT_TRUE(role_supports_attribute("link", "aria-label"));
  EXPECT_TRUE(role_supports_attribute("treeitem", "aria-selected"));      // from option
  EXPECT_TRUE(role_supports_attribute("columnheader", "aria-selected"));  // from gridcell
  EXPECT_TRUE(role_supports_attribute("slider", "aria-valuenow"));        // from range
  EXPECT_TRUE(role_supports_attribute("checkbox", "aria-checked"));       // required counts
  EXPECT_FALSE(role_supports_attribute("heading", "aria-expanded"));      // ARIA 1.2 narrowed it
  EXPECT_FALSE(role_supports_attribute("button", "aria-banana"));
}

TEST(AriaData, ProhibitedAttributes) {
  for (std::string_view r : {"caption", "code", "deletion", "emphasis", "generic", "insertion", "none",
                             "paragraph", "presentation", "strong", "subscript", "superscript"}) {
    EXPECT_TRUE(role_prohibits_attribute(r, "aria-label")) << r;
    EXPECT_TRUE(role_prohibits_attribute(r, "aria-labelledby")) << r;
    EXPECT_FALSE(role_supports_attribute(r, "aria-label")) << r;
    EXPECT_EQ(find_role(r)->name_from, kNameFromProhibited) << r;
  }
  EXPECT_TRUE(role_prohibits_attribute("generic", "aria-roledescription"));
  EXPECT_FALSE(role_prohibits_attribute("button", "aria-label"));
}

TEST(AriaData, FirstConcreteRoleSkipsUnknownAndAbstractTokens) {
  ASSERT_NE(first_concrete_role(" banana widget  Presentation button"), nullptr);
  EXPECT_EQ(first_concrete_role(" banana widget  Presentation button")->name, "presentation");
  EXPECT_EQ(first_concrete_role("\tlink"), find_role("link"));
  EXPECT_EQ(first_concrete_role("banana widget"), nullptr);
  EXPECT_EQ(first_concrete_role(""), nullptr);
}

TEST(AriaData, BrailleAttributesFollowTheirCounterparts) {
  EXPECT_TRUE(role_prohibits_attribute("paragraph", "aria-braillelabel"));
  EXPECT_TRUE(role_prohibits_attribute("generic", "aria-brailleroledescription"));
  EXPECT_FALSE(role_prohibits_attribute("heading", "aria-braillelabel"));
  EXPECT_FALSE(role_prohibits_attribute("paragraph", "aria-brailleroledescription"));
  EXPECT_FALSE(role_supports_attribute("paragraph", "aria-braillelabel"));
}

TEST(AriaData, DeprecatedGlobalUse) {
  const AttributeInfo* disabled = find_attribute("aria-disabled");
  ASSERT_NE(disabled, nullptr);
  EXPECT_TRUE(disabled->global);
  EXPECT_TRUE(disabled->deprecated_as_global);
  EXPECT_TRUE(role_lists_attribute("button", "aria-disabled"));
  EXPECT_TRUE(role_lists_attribute("listbox", "aria-disabled"));  // via composite
  EXPECT_FALSE(role_lists_attribute("heading", "aria-disabled"));  // deprecated there
  EXPECT_TRUE(role_supports_attribute("heading", "aria-disabled"));
  for (std::string_view a : {"aria-errormessage", "aria-haspopup", "aria-invalid"}) {
    EXPECT_TRUE(find_attribute(a)->deprecated_as_global) << a;
  }
  EXPECT_TRUE(find_attribute("aria-grabbed")->deprecated);
  EXPECT_TRUE(find_attribute("aria-dropeffect")->deprecated);
  EXPECT_FALSE(find_attribute("aria-label")->deprecated);
}

TEST(AriaData, ExpandedDeprecatedOnRolesThatInheritedIt) {
  // ARIA 1.2 keeps aria-expanded on roles that inherited it in 1.1, as deprecated.
  for (std::string_view r : {"alert", "article", "banner", "dialog", "heading", "img", "list", "region",
                             "navigation", "tabpanel", "doc-chapter"}) {
    EXPECT_TRUE(role_deprecates_attribute(r, "aria-expanded")) << r;
    EXPECT_FALSE(role_lists_attribute(r, "aria-expanded")) << r;
  }
  // Roles that list it, roles new in 1.2 that never had it, and other attributes.
  for (std::string_view r : {"button", "combobox", "link", "tab", "treeitem", "row", "paragraph", "generic",
                             "blockquote", "time", "meter"}) {
    EXPECT_FALSE(role_deprecates_attribute(r, "aria-expanded")) << r;
  }
  EXPECT_FALSE(role_deprecates_attribute("alert", "aria-checked"));
  // WAI-ARIA 1.2 treeitem supports aria-expanded and aria-haspopup itself.
  EXPECT_TRUE(role_lists_attribute("treeitem", "aria-expanded"));
  EXPECT_TRUE(role_lists_attribute("treeitem", "aria-haspopup"));
}

TEST(AriaData, AttributeTypes) {
  EXPECT_EQ(find_attribute("aria-checked")->type, ValueType::Tristate);
  EXPECT_EQ(find_attribute("aria-hidden")->type, ValueType::TrueFalseUndefined);
  EXPECT_EQ(find_attribute("aria-labelledby")->type, ValueType::IdRefs);
  EXPECT_EQ(find_attribute("aria-activedescendant")->type, ValueType::IdRef);
  EXPECT_EQ(find_attribute("aria-level")->type, ValueType::Integer);
  EXPECT_EQ(find_attribute("aria-valuenow")->type, ValueType::Number);
  EXPECT_EQ(find_attribute("aria-relevant")->type, ValueType::TokenList);
  EXPECT_EQ(words(find_attribute("aria-live")->tokens), (std::set<std::string>{"assertive", "off", "polite"}));
  EXPECT_FALSE(find_attribute("aria-level")->global);
  EXPECT_TRUE(find_attribute("aria-describedby")->global);
  EXPECT_TRUE(find_attribute("aria-description")->aria13);
  EXPECT_EQ(find_attribute("aria-role"), nullptr);
  EXPECT_EQ(to_string(ValueType::IdRefs), "idrefs");
  EXPECT_GE(all_attributes().size(), 48u);
}

TEST(AriaData, ValueValidation) {
  const AttributeInfo& checked = *find_attribute("aria-checked");
  EXPECT_TRUE(is_valid_attribute_value(checked, "mixed"));
  EXPECT_TRUE(is_valid_attribute_value(checked, " TRUE "));
  EXPECT_FALSE(is_valid_attribute_value(checked, "yes"));
  EXPECT_FALSE(is_valid_attribute_value(*find_attribute("aria-expanded"), "mixed"));
  EXPECT_TRUE(is_valid_attribute_value(*find_attribute("aria-level"), "3"));
  EXPECT_FALSE(is_valid_attribute_value(*find_attribute("aria-level"), "3.5"));
  EXPECT_TRUE(is_valid_attribute_value(*find_attribute("aria-valuenow"), "-3.5e2"));
  EXPECT_FALSE(is_valid_attribute_value(*find_attribute("aria-valuenow"), "ten"));
  EXPECT_TRUE(is_valid_attribute_value(*find_attribute("aria-relevant"), "additions text"));
  EXPECT_FALSE(is_valid_attribute_value(*find_attribute("aria-relevant"), "additions banana"));
  EXPECT_TRUE(is_valid_attribute_value(*find_attribute("aria-current"), "page"));
  EXPECT_FALSE(is_valid_attribute_value(*find_attribute("aria-activedescendant"), "a b"));
  EXPECT_FALSE(is_valid_attribute_value(*find_attribute("aria-labelledby"), "  "));
  EXPECT_TRUE(is_valid_attribute_value(*find_attribute("aria-label"), ""));
}

TEST(AriaData, RequiredAttributesPerAria12) {
  EXPECT_EQ(words(find_role("checkbox")->required_attributes), (std::set<std::string>{"aria-checked"}));
  EXPECT_EQ(words(find_role("combobox")->required_attributes), (std::set<std::string>{"aria-expanded"}));
  EXPECT_EQ(words(find_role("heading")->required_attributes), (std::set<std::string>{"aria-level"}));
  EXPECT_EQ(words(find_role("scrollbar")->required_attributes),
            (std::set<std::string>{"aria-controls", "aria-valuenow"}));
  EXPECT_TRUE(find_role("option")->required_attributes.empty());
  EXPECT_TRUE(find_role("spinbutton")->required_attributes.empty());
  EXPECT_EQ(implicit_value("heading", "aria-level"), "2");
  EXPECT_EQ(implicit_value("option", "aria-selected"), "false");
  EXPECT_EQ(implicit_value("button", "aria-pressed"), "");
}

TEST(AriaData, OwnedElementsAndContext) {
  EXPECT_EQ(words(find_role("list")->required_owned), (std::set<std::string>{"listitem"}));
  EXPECT_EQ(words(find_role("listbox")->required_owned), (std::set<std::string>{"group>option", "option"}));
  EXPECT_EQ(words(find_role("row")->required_context),
            (std::set<std::string>{"grid", "rowgroup", "table", "treegrid"}));
  EXPECT_EQ(words(find_role("tab")->required_context), (std::set<std::string>{"tablist"}));
  EXPECT_TRUE(find_role("region")->required_context.empty());
}

TEST(AriaData, WordListIteration) {
  WordList list("a bb  ccc");
  EXPECT_EQ(words(list), (std::set<std::string>{"a", "bb", "ccc"}));
  EXPECT_TRUE(list.contains("bb"));
  EXPECT_FALSE(list.contains("b"));
  EXPECT_TRUE(WordList("").empty());
  EXPECT_TRUE(WordList().empty());
}

}  // namespace
}  // namespace granska::aria
