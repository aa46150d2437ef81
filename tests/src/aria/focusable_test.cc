// focusable(): HTML focusable areas, tabindex, disabled controls, inert and hidden.
#include <gtest/gtest.h>

#include "aria_test_util.h"

namespace granska::aria {
namespace {

using testing::Page;

struct FocusCase {
  const char* name;
  const char* html;
  bool focusable;
};

class AriaFocusable : public ::testing::TestWithParam<FocusCase> {};

TEST_P(AriaFocusable, Computes) {
  Page page(GetParam().html);
  EXPECT_EQ(page.focusable(), GetParam().focusable) << GetParam().html;
}

const FocusCase kCases[] = {
    {"LinkWithHref", "<a id=t href=/>x</a>", true},
    {"AnchorWithoutHref", "<a id=t>x</a>", false},
    {"AreaWithHref", "<map name=m><area id=t href=/ alt=x></map>", true},
    {"Button", "<button id=t>x</button>", true},
    {"DisabledButton", "<button id=t disabled>x</button>", false},
    {"DisabledButtonWithTabindex", "<button id=t disabled tabindex=0>x</button>", false},
    {"Input", "<input id=t>", true},
    {"InputHidden", "<input id=t type=hidden>", false},
    {"DisabledInput", "<input id=t disabled>", false},
    {"SelectAndTextarea", "<select id=t><option>a</select>", true},
    {"Textarea", "<textarea id=t></textarea>", true},
    {"InDisabledFieldset", "<fieldset disabled><input id=t></fieldset>", false},
    {"InFirstLegendOfDisabledFieldset", "<fieldset disabled><legend><input id=t></legend></fieldset>", true},
    {"InSecondLegendOfDisabledFieldset",
     "<fieldset disabled><legend>a</legend><legend><input id=t></legend></fieldset>", false},
    {"TabindexMinusOne", "<div id=t tabindex=-1>x</div>", true},
    {"TabindexZero", "<span id=t tabindex=0>x</span>", true},
    {"TabindexWithTrailingGarbage", "<div id=t tabindex=' 2x'>x</div>", true},
    {"TabindexNotANumber", "<div id=t tabindex=abc>x</div>", false},
    {"TabindexEmpty", "<div id=t tabindex=''>x</div>", false},
    {"PlainDiv", "<div id=t>x</div>", false},
    {"ContentEditable", "<div id=t contenteditable>x</div>", true},
    {"ContentEditableFalse", "<div id=t contenteditable=false>x</div>", false},
    {"InsideContentEditableHost", "<div contenteditable=true><p id=t contenteditable>x</p></div>", false},
    {"FirstSummary", "<details><summary id=t>a</summary></details>", true},
    {"SecondSummary", "<details open><summary>a</summary><summary id=t>b</summary></details>", false},
    {"Iframe", "<iframe id=t title=x></iframe>", true},
    {"AudioWithControls", "<audio id=t controls></audio>", true},
    {"AudioWithoutControls", "<audio id=t></audio>", false},
    {"VideoWithControls", "<video id=t controls></video>", true},
    {"InertAncestor", "<div inert><button id=t>x</button></div>", false},
    {"DisplayNone", "<button id=t style='display:none'>x</button>", false},
    {"VisibilityHidden", "<a id=t href=/ style='visibility:hidden'>x</a>", false},
    {"HiddenByStylesheet", "<style>.x{display:none}</style><div class=x><a id=t href=/>x</a></div>", false},
    {"AriaHiddenDoesNotMatter", "<a id=t href=/ aria-hidden=true>x</a>", true},
    {"SvgLinkWithHref", "<svg><a id=t href=/><text>x</text></a></svg>", true},
    {"ImgIsNotFocusable", "<img id=t src=a.png alt=x>", false},
};
INSTANTIATE_TEST_SUITE_P(AriaFocusableCases, AriaFocusable, ::testing::ValuesIn(kCases),
                         testing::CaseName());

// The Tab order leaves out negative tabindex; disabled() is HTML's "actually disabled".
TEST(AriaFocusOrder, SequentialFocusAndDisabled) {
  Page page("<input id=a><input id=b tabindex=-1><div id=c tabindex=0></div><input id=d disabled>"
            "<fieldset disabled><input id=e></fieldset><input id=f aria-disabled=true><input id=g type=Email>");
  auto& s = page.semantics();
  auto el = [&](const char* id) -> const html::Node& { return page.el(id); };
  EXPECT_TRUE(s.in_sequential_focus_order(el("a")));
  EXPECT_FALSE(s.in_sequential_focus_order(el("b")));
  EXPECT_TRUE(s.in_sequential_focus_order(el("c")));
  EXPECT_FALSE(s.in_sequential_focus_order(el("d")));
  EXPECT_TRUE(s.disabled(el("d")));
  EXPECT_TRUE(s.disabled(el("e")));
  EXPECT_FALSE(s.disabled(el("f")));  // aria-disabled is not HTML disabled
  EXPECT_EQ(Semantics::input_type(el("g")), "email");
  EXPECT_EQ(Semantics::input_type(el("a")), "text");
}

}  // namespace
}  // namespace granska::aria
