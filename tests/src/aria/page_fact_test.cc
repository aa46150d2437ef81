#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "aria/aria_data.h"
#include "aria_test_util.h"

namespace granska::aria {
namespace {

using testing::Page;

struct Count {
  int value = 0;
};
struct Other {
  std::string text;
};

TEST(AriaPageFact, MadeOnceAndSharedPerPage) {
  Page p("<p id=t>x</p>");
  int made = 0;
  Count& first = p.semantics().page_fact<Count>([&] {
    ++made;
    return Count{1};
  });
  Count& again = p.semantics().page_fact<Count>([&] {
    ++made;
    return Count{2};
  });
  EXPECT_EQ(made, 1);
  EXPECT_EQ(&first, &again);
  EXPECT_EQ(again.value, 1);
  // A fact may fill itself in as rules ask.
  first.value = 5;
  EXPECT_EQ(p.semantics().page_fact<Count>([] { return Count{}; }).value, 5);
}

TEST(AriaPageFact, EachTypeIsItsOwnFact) {
  Page p("<p id=t>x</p>");
  p.semantics().page_fact<Count>([] { return Count{3}; });
  const Other& other = p.semantics().page_fact<Other>([] { return Other{"other"}; });
  EXPECT_EQ(other.text, "other");
  EXPECT_EQ(p.semantics().page_fact<Count>([] { return Count{}; }).value, 3);
  Page q("<p id=t>y</p>");  // another page has facts of its own
  EXPECT_EQ(q.semantics().page_fact<Count>([] { return Count{7}; }).value, 7);
}

TEST(AriaNameCache, NamesAreKeptByReference) {
  Page p("<a id=t href=/x>Nyheter</a>");
  const AccessibleName& a = p.semantics().name(p.el("t"));
  const AccessibleName& b = p.semantics().name(p.el("t"));
  EXPECT_EQ(&a, &b);
  EXPECT_EQ(a.text, "Nyheter");
}

// Role lookups answer the same for a name Semantics returned (found by its address) and
// for the same name in another string (found by its characters).
TEST(AriaData, LookupsByAddressAndByName) {
  Page p("<nav id=t><a href=/x>x</a></nav>");
  std::string_view from_semantics = p.semantics().role(p.el("t"));
  std::string copy(from_semantics);
  EXPECT_EQ(find_role(from_semantics), find_role(copy));
  EXPECT_TRUE(is_landmark_role(from_semantics));
  EXPECT_TRUE(is_landmark_role(copy));
  EXPECT_TRUE(role_is_a(copy, "navigation"));
  EXPECT_TRUE(role_is_a("link", "link"));
  EXPECT_FALSE(role_is_a("nolink", "nolink"));
  EXPECT_EQ(find_role(""), nullptr);
  EXPECT_EQ(find_role("navigatio"), nullptr);
  for (const RoleInfo& r : all_roles()) {
    std::string name(r.name);
    EXPECT_EQ(find_role(name), &r) << name;
    EXPECT_EQ(find_role(r.name), &r) << name;
  }
  for (const AttributeInfo& a : all_attributes()) EXPECT_EQ(find_attribute(std::string(a.name)), &a) << a.name;
}

}  // namespace
}  // namespace granska::aria
