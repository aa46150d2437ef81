// hidden() and hidden_from_at(): the hidden attribute, inline styles, the page's <style>
// rules (the one cascade: media queries, layers, nesting, var(), selectors granska cannot
// evaluate) and aria-hidden.
#include <gtest/gtest.h>

#include "aria_test_util.h"

namespace granska::aria {
namespace {

using testing::Page;
constexpr Tristate Y = Tristate::Yes;
constexpr Tristate N = Tristate::No;
constexpr Tristate U = Tristate::Unknown;

struct HiddenCase {
  const char* name;
  const char* html;
  Tristate hidden;
};

class AriaHidden : public ::testing::TestWithParam<HiddenCase> {};

TEST_P(AriaHidden, Computes) {
  Page page(GetParam().html);
  EXPECT_EQ(page.hidden(), GetParam().hidden) << GetParam().html;
}

const HiddenCase kMarkup[] = {
    {"PlainElementIsVisible", "<p id=t>x</p>", N},
    {"HiddenAttribute", "<p id=t hidden>x</p>", Y},
    {"HiddenAttributeOnAncestor", "<div hidden><p id=t>x</p></div>", Y},
    {"HiddenAttributeOverriddenByAuthorDisplay", "<p id=t hidden style='display:block'>x</p>", N},
    {"HiddenAttributeOverriddenByStylesheet", "<style>[hidden]{display:flex}</style><p id=t hidden>x</p>", N},
    {"TemplateContent", "<template><p id=t>x</p></template>", Y},
    {"InputTypeHidden", "<input id=t type=hidden>", Y},
    {"ScriptElement", "<script id=t>1</script>", Y},
    {"StyleElement", "<style id=t>p{}</style>", Y},
    {"TitleElement", "<title id=t>Page</title>", Y},
    {"HeadElement", "<head id=t></head>", Y},
    {"ClosedDetailsContent", "<details><summary>s</summary><p id=t>x</p></details>", Y},
    {"ClosedDetailsSummaryIsVisible", "<details><summary id=t>s</summary><p>x</p></details>", N},
    {"OpenDetailsContent", "<details open><summary>s</summary><p id=t>x</p></details>", N},
    {"DialogWithoutOpen", "<dialog id=t>x</dialog>", Y},
    {"SvgTitleIsNotRendered", "<svg><title id=t>x</title></svg>", Y},
    {"NoscriptContentIsNotRendered", "<body><noscript><p id=t>x</p></noscript>", Y},
    {"NoscriptIframeIsNotRendered", "<body><noscript><iframe id=t src=x></iframe></noscript>", Y},
};
INSTANTIATE_TEST_SUITE_P(AriaHiddenMarkup, AriaHidden, ::testing::ValuesIn(kMarkup),
                         testing::CaseName());

const HiddenCase kInline[] = {
    {"InlineDisplayNone", "<p id=t style='display:none'>x</p>", Y},
    {"InlineDisplayNoneUppercase", "<p id=t style='DISPLAY : NONE'>x</p>", Y},
    {"InlineDisplayNoneOnAncestor", "<div style='display: none'><p id=t>x</p></div>", Y},
    {"InlineLaterDeclarationWins", "<p id=t style='display:none; display:block'>x</p>", N},
    {"InlineImportantBeatsLater", "<p id=t style='display:none !important; display:block'>x</p>", Y},
    {"InlineVisibilityHidden", "<p id=t style='visibility:hidden'>x</p>", Y},
    {"InlineVisibilityCollapse", "<p id=t style='visibility:collapse'>x</p>", Y},
    {"VisibilityIsInherited", "<div style='visibility:hidden'><p id=t>x</p></div>", Y},
    {"VisibilityVisibleOverridesAncestor", "<div style='visibility:hidden'><p id=t style='visibility:visible'>x</p></div>",
     N},
    {"DisplayNoneCannotBeOverridden", "<div style='display:none'><p id=t style='display:block'>x</p></div>", Y},
    {"InlineCommentsAndGarbage", "<p id=t style='/* display:none */ color: red;; ;: ; display'>x</p>", N},
    {"OpacityZeroIsNotHidden", "<p id=t style='opacity:0'>x</p>", N},
    {"ContentVisibilityHiddenHidesChildren", "<div style='content-visibility:hidden'><p id=t>x</p></div>", Y},
};
INSTANTIATE_TEST_SUITE_P(AriaHiddenInline, AriaHidden, ::testing::ValuesIn(kInline),
                         testing::CaseName());

const HiddenCase kStylesheet[] = {
    {"ClassRule", "<style>.sr { display: none }</style><p id=t class='a sr'>x</p>", Y},
    {"IdRule", "<style>#t{visibility:hidden}</style><p id=t>x</p>", Y},
    {"TypeRule", "<style>aside{display:none}</style><aside id=t>x</aside>", Y},
    {"DescendantCombinator", "<style>.menu a{display:none}</style><nav class=menu><p><a id=t>x</a></p></nav>", Y},
    {"ChildCombinatorNoMatch", "<style>.menu > a{display:none}</style><nav class=menu><p><a id=t>x</a></p></nav>",
     N},
    {"AttributeSelector", "<style>[data-state=closed]{display:none}</style><div id=t data-state=closed>x</div>", Y},
    {"SelectorList", "<style>.a, .b{display:none}</style><p id=t class=b>x</p>", Y},
    {"IdBeatsClass", "<style>#t{display:block} .x{display:none}</style><p id=t class=x>x</p>", N},
    {"ClassLosesToId", "<style>.x{display:block} #t{display:none}</style><p id=t class=x>x</p>", Y},
    {"LaterRuleWinsOnEqualSpecificity", "<style>.x{display:none} .y{display:block}</style><p id=t class='x y'>x</p>",
     N},
    {"ImportantBeatsSpecificity", "<style>.x{display:none!important} #t{display:block}</style><p id=t class=x>x</p>",
     Y},
    {"InlineBeatsRule", "<style>#t{display:none}</style><p id=t style='display:block'>x</p>", N},
    {"ImportantRuleBeatsInline", "<style>#t{display:none !important}</style><p id=t style='display:block'>x</p>", Y},
    {"MediaScreenApplies", "<style>@media screen { .x{display:none} }</style><p id=t class=x>x</p>", Y},
    {"MediaPrintIgnored", "<style>@media print { .x{display:none} }</style><p id=t class=x>x</p>", N},
    {"MediaMaxWidthSmallIgnored", "<style>@media (max-width: 600px) { .x{display:none} }</style><p id=t class=x>x</p>",
     N},
    {"MediaMinWidthApplies", "<style>@media only screen and (min-width: 48em) { .x{display:none} }</style>"
                             "<p id=t class=x>x</p>",
     Y},
    {"StyleMediaAttributePrint", "<style media=print>.x{display:none}</style><p id=t class=x>x</p>", N},
    {"StyleInTemplateIgnored", "<template><style>.x{display:none}</style></template><p id=t class=x>x</p>", N},
    {"NonCssStyleTypeIgnored", "<style type=text/less>.x{display:none}</style><p id=t class=x>x</p>", N},
    {"CommentedOutRule", "<style>/* .x{display:none} */ .y{color:red</style><p id=t class=x>x</p>", N},
    {"FontFaceAndKeyframesSkipped",
     "<style>@font-face{font-family:a;src:url(a.woff)} @keyframes k{from{opacity:0}to{opacity:1}}"
     ".x{display:none}</style><p id=t class=x>x</p>",
     Y},
    {"FirstChildSupported", "<style>li:first-child{display:none}</style><ul><li id=t>a<li>b</ul>", Y},
    {"NotSupported", "<style>p:not(.keep){display:none}</style><p id=t>x</p>", Y},
    {"HoverRuleIgnored", "<style>.x:hover{display:none}</style><p id=t class=x>x</p>", N},
    {"FocusWithinRuleIgnored", "<style>.m:focus-within .x{display:none}</style><div class=m><p id=t class=x>x</p></div>",
     N},
    {"PseudoElementRuleIgnored", "<style>.x::before{display:none}</style><p id=t class=x>x</p>", N},
    {"UnevaluableSelectorIsUnknown", "<style>.x:state(open){display:none}</style><p id=t class=x>x</p>", U},
    {"UnevaluableSelectorNotMatchingIsNo", "<style>.x:state(open){display:none}</style><p id=t class=y>x</p>", N},
    {"ContainerQueryIsUnknown", "<style>@container (min-width: 30em) { .x{display:none} }</style><p id=t class=x>x</p>",
     U},
    {"HasSelectorNotMatching", "<style>.card:has(img) p{display:none}</style><div class=card><p id=t>x</p></div>", N},
    {"HasSelectorMatching", "<style>.card:has(img) p{display:none}</style><div class=card><img><p id=t>x</p></div>",
     Y},
    {"CheckedSelector", "<style>input:checked + p{display:none}</style><input type=checkbox checked><p id=t>x</p>", Y},
    {"UnknownInheritedByDescendants", "<style>.x:state(open){display:none}</style><div class=x><p id=t>x</p></div>",
     U},
    {"UnevaluableShowRuleOnHiddenIsUnknown",
     "<style>.x{display:none} .x:state(open){display:block}</style><p id=t class=x>x</p>", U},
    {"EmptyIsEvaluated", "<style>.x{display:none} .x:empty{display:block}</style><p id=t class=x>x</p>", Y},
    {"UnevaluableRuleLosingToInlineIsIgnored",
     "<style>.x:state(open){display:block}</style><p id=t class=x style='display:none'>x</p>", Y},
    {"SelectorListWithOneUnevaluablePart", "<style>.a:state(x), .b{display:none}</style><p id=t class=b>x</p>", Y},
    {"NestedRuleOutsideParent", "<style>.card { color: red; .hide { display: none } }</style><p id=t class=hide>x</p>",
     N},
    {"NestedRuleInsideParent",
     "<style>.card { color: red; .hide { display: none } }</style><div class=card><p id=t class=hide>x</p></div>", Y},
    {"NestedAmpersand", "<style>.card { &.open { display: none } }</style><div id=t class='card open'>x</div>", Y},
    {"LayeredRuleLosesToUnlayered",
     "<style>@layer base { .x { display: none } } .x { display: block }</style><p id=t class=x>x</p>", N},
    {"ImportantLayeredRuleBeatsUnlayered",
     "<style>@layer base { .x { display: none !important } } .x { display: block !important }</style>"
     "<p id=t class=x>x</p>",
     Y},
    {"RevertReturnsToUserAgent", "<style>p { display: none } #t { display: revert }</style><p id=t>x</p>", N},
    {"VarInDisplay", "<style>:root { --d: none } .x { display: var(--d) }</style><p id=t class=x>x</p>", Y},
    {"UndefinedVarIsUnset", "<style>.x { display: var(--nope) }</style><div id=t class=x>x</div>", N},
};
INSTANTIATE_TEST_SUITE_P(AriaHiddenStylesheet, AriaHidden, ::testing::ValuesIn(kStylesheet),
                         testing::CaseName());

TEST(AriaHiddenFromAt, AriaHiddenTrue) {
  Page page("<p id=t aria-hidden=true>x</p>");
  EXPECT_EQ(page.hidden(), N);
  EXPECT_EQ(page.hidden_from_at(), Y);
}

TEST(AriaHiddenFromAt, AriaHiddenOnAncestorCaseInsensitive) {
  Page page("<div aria-hidden=TRUE><p id=t>x</p></div>");
  EXPECT_EQ(page.hidden_from_at(), Y);
}

TEST(AriaHiddenFromAt, InertSubtreeIsNotExposed) {
  Page page("<div inert><p id=t>x</p></div><p id=u>y</p>");
  EXPECT_EQ(page.hidden("t"), N);  // still rendered
  EXPECT_EQ(page.hidden_from_at("t"), Y);
  EXPECT_EQ(page.hidden_from_at("u"), N);
}

TEST(AriaHiddenFromAt, AriaHiddenFalseIsNotHidden) {
  Page page("<p id=t aria-hidden=false>x</p>");
  EXPECT_EQ(page.hidden_from_at(), N);
}

TEST(AriaHiddenFromAt, HiddenImpliesHiddenFromAt) {
  Page page("<p id=t style='display:none'>x</p><style>.x:state(a){display:none}</style><p id=u class=x>x</p>");
  EXPECT_EQ(page.hidden_from_at("t"), Y);
  EXPECT_EQ(page.hidden_from_at("u"), U);
}

TEST(AriaHiddenFromAt, TextNodesFollowTheirParent) {
  Page page("<p id=t hidden>x</p><p id=u>y</p>");
  EXPECT_EQ(page.semantics().hidden(*page.el("t").children().front()), Y);
  EXPECT_EQ(page.semantics().hidden(*page.el("u").children().front()), N);
}

TEST(AriaHiddenFromAt, UnloadedStylesheetLeavesDisplayAsTheRestSays) {
  // Without a loader (Semantics with no sheets), a linked sheet is not read: what the rest
  // of the page's CSS says decides (documented; contrast is unknown instead).
  Page page("<link rel=stylesheet href=site.css><p id=t class=hidden>x</p>");
  EXPECT_EQ(page.hidden(), N);
}

}  // namespace
}  // namespace granska::aria
