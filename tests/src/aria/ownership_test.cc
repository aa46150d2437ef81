// Ownership: accessibility parents and owned elements through transparent wrappers and
// aria-owns, as the required context / owned elements rules need them.
#include "aria/ownership.h"

#include <gtest/gtest.h>

#include "aria_test_util.h"

namespace granska::aria {
namespace {

using testing::Page;

std::vector<std::string> ids(const std::vector<const html::Node*>& nodes) {
  std::vector<std::string> out;
  for (const html::Node* n : nodes) out.emplace_back(n->attr("id").value_or("?"));
  return out;
}

TEST(Ownership, ParentLooksThroughNoneAndPlainWrappers) {
  Page page("<div id=l role=list><div role=presentation><div><div id=i role=listitem>x</div></div></div></div>");
  Ownership tree(page.semantics());
  EXPECT_EQ(tree.parent(page.el("i")), &page.el("l"));
}

TEST(Ownership, WrapperWithGlobalAttributeOrFocusIsAParent) {
  Page page("<div role=list><div id=w aria-live=polite><div id=i role=listitem>x</div></div></div>"
            "<div role=list><span id=f tabindex=0><div id=j role=listitem>y</div></span></div>");
  Ownership tree(page.semantics());
  EXPECT_EQ(tree.parent(page.el("i")), &page.el("w"));
  EXPECT_EQ(tree.role(page.el("w")), "generic");
  EXPECT_EQ(tree.parent(page.el("j")), &page.el("f"));
}

TEST(Ownership, AriaOwnsMovesElementsToTheirOwner) {
  Page page("<div id=l role=list aria-owns='b a'></div><div id=a role=listitem>1</div>"
            "<div id=b role=listitem>2</div>");
  Ownership tree(page.semantics());
  EXPECT_EQ(tree.parent(page.el("a")), &page.el("l"));
  EXPECT_EQ(ids(tree.owned(page.el("l"))), (std::vector<std::string>{"b", "a"}));
}

TEST(Ownership, OwnedDescendantIsCountedOnceAndLeavesItsDomParent) {
  Page page("<div id=l role=list aria-owns=i><div id=o role=listitem><div id=i role=listitem>x</div></div></div>");
  Ownership tree(page.semantics());
  EXPECT_EQ(ids(tree.owned(page.el("l"))), (std::vector<std::string>{"o", "i"}));
  EXPECT_TRUE(tree.owned(page.el("o")).empty());
  EXPECT_EQ(tree.parent(page.el("i")), &page.el("l"));
}

TEST(Ownership, HiddenChildrenAreNotOwnedAndCyclesEnd) {
  Page page("<ul id=u><li id=a>1</li><li hidden>2</li><li aria-hidden=true>3</li></ul>"
            "<div id=x role=list aria-owns=y><div id=y role=list aria-owns=x></div></div>");
  Ownership tree(page.semantics());
  EXPECT_EQ(ids(tree.owned(page.el("u"))), (std::vector<std::string>{"a"}));
  EXPECT_EQ(ids(tree.owned(page.el("x"))), (std::vector<std::string>{"y"}));
  EXPECT_TRUE(tree.owned(page.el("y")).empty()) << "an element cannot own its ancestor";
}

TEST(Ownership, MissingOwnedIds) {
  Page page("<div id=l role=list aria-owns='a nope b'></div><div id=a></div>");
  Ownership tree(page.semantics());
  EXPECT_EQ(tree.missing_owned_ids(page.el("l")), (std::vector<std::string>{"nope", "b"}));
}

}  // namespace
}  // namespace granska::aria
