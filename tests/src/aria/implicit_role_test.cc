#include <gtest/gtest.h>

#include "aria/semantics.h"

namespace granska::aria {
namespace {

TEST(AriaImplicitRole, IgnoresTheRoleAttribute) {
  auto doc = html::Document::parse(
      "<input id=c type=checkbox role=switch><div id=d role=checkbox></div>"
      "<ul><li id=l role=tab>x</li></ul><a id=a href=/ role=button>x</a><span id=s>x</span>");
  Semantics sem(*doc);
  EXPECT_EQ(sem.role(*doc->element_by_id("c")), "switch");
  EXPECT_EQ(sem.implicit_role(*doc->element_by_id("c")), "checkbox");
  EXPECT_EQ(sem.implicit_role(*doc->element_by_id("d")), "");
  EXPECT_EQ(sem.implicit_role(*doc->element_by_id("l")), "listitem");  // context-dependent roles too
  EXPECT_EQ(sem.implicit_role(*doc->element_by_id("a")), "link");
  EXPECT_EQ(sem.implicit_role(*doc->element_by_id("s")), "");
}

}  // namespace
}  // namespace granska::aria
