// Accessible descriptions: aria-describedby, aria-description, title (accname 1.2 §4.2.2,
// HTML-AAM §4.2).
#include <gtest/gtest.h>

#include "aria_test_util.h"

namespace granska::aria {
namespace {

using testing::Page;
using NS = NameSource;

struct DescriptionCase {
  const char* name;
  const char* html;
  const char* text;
  NameSource source;
};

class AriaDescription : public ::testing::TestWithParam<DescriptionCase> {};

TEST_P(AriaDescription, Computes) {
  Page page(GetParam().html);
  AccessibleName d = page.description();
  EXPECT_EQ(d.text, GetParam().text) << GetParam().html;
  EXPECT_EQ(d.source, GetParam().source) << GetParam().html;
}

const DescriptionCase kCases[] = {
    {"Describedby", "<input id=t aria-describedby=h><p id=h>Format: YYYY-MM-DD</p>", "Format: YYYY-MM-DD",
     NS::AriaDescribedby},
    {"DescribedbyJoinsInOrder", "<button id=t aria-describedby='b a'>X</button><p id=a>one</p><p id=b>two</p>",
     "two one", NS::AriaDescribedby},
    {"DescribedbyHiddenTargetIsUsed", "<button id=t aria-describedby=h>X</button><p id=h hidden>Deletes all</p>",
     "Deletes all", NS::AriaDescribedby},
    {"DescribedbyTargetAriaLabel", "<button id=t aria-describedby=h>X</button><span id=h aria-label=Warning>!</span>",
     "Warning", NS::AriaDescribedby},
    {"AriaDescription", "<button id=t aria-description='Opens a dialog'>Open</button>", "Opens a dialog",
     NS::AriaDescription},
    {"DescribedbyBeatsAriaDescription",
     "<button id=t aria-describedby=h aria-description=Other>X</button><p id=h>Help</p>", "Help",
     NS::AriaDescribedby},
    {"TitleWhenNameCameFromContent", "<a id=t href=/ title='Opens in a new tab'>Report</a>", "Opens in a new tab",
     NS::Title},
    {"TitleNotRepeatedWhenItIsTheName", "<a id=t href=/ title=Report></a>", "", NS::None},
    {"DescribedbyMissingIdFallsBackToTitle", "<input id=t aria-label=Date aria-describedby=nope title=Format>",
     "Format", NS::Title},
    {"NoDescription", "<button id=t>Save</button>", "", NS::None},
    {"DescribedbyWhitespaceIsNormalised", "<button id=t aria-describedby=h>X</button><p id=h>  a \n b  </p>", "a b",
     NS::AriaDescribedby},
    {"DescriptionAllowedOnGeneric", "<div id=t aria-describedby=h>x</div><p id=h>Help</p>", "Help",
     NS::AriaDescribedby},
};
INSTANTIATE_TEST_SUITE_P(AriaDescriptionCases, AriaDescription, ::testing::ValuesIn(kCases),
                         testing::CaseName());

}  // namespace
}  // namespace granska::aria
