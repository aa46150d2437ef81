// Accessible names (accname 1.2 + HTML-AAM). Every case asks for the name of id=t and
// checks both the text and where it came from.
#include <gtest/gtest.h>

#include "aria_test_util.h"

namespace granska::aria {
namespace {

using testing::Page;
using NS = NameSource;

struct NameCase {
  const char* name;
  const char* html;
  const char* text;
  NameSource source;
};

class AriaName : public ::testing::TestWithParam<NameCase> {};

TEST_P(AriaName, Computes) {
  Page page(GetParam().html);
  AccessibleName n = page.name();
  EXPECT_EQ(n.text, GetParam().text) << GetParam().html;
  EXPECT_EQ(n.source, GetParam().source) << GetParam().html;
}

const NameCase kAuthor[] = {
    {"ButtonFromContent", "<button id=t>Save</button>", "Save", NS::Contents},
    {"AriaLabelBeatsContent", "<button id=t aria-label=Close>X</button>", "Close", NS::AriaLabel},
    {"LabelledbyBeatsAriaLabel",
     "<span id=a>Send</span><button id=t aria-labelledby=a aria-label=Close>X</button>", "Send",
     NS::AriaLabelledby},
    {"LabelledbyJoinsIdsInOrder",
     "<span id=a>Hello</span><span id=b>World</span><div id=t role=button aria-labelledby='b  a'></div>",
     "World Hello", NS::AriaLabelledby},
    {"LabelledbyToDisplayNoneNodeIsUsed",
     "<span id=a style='display:none'>Secret</span><button id=t aria-labelledby=a>X</button>", "Secret",
     NS::AriaLabelledby},
    {"LabelledbyToHiddenNodeIncludesHiddenChildren",
     "<div id=a hidden>Top <span hidden>secret</span></div><button id=t aria-labelledby=a>X</button>",
     "Top secret", NS::AriaLabelledby},
    {"LabelledbyToVisibleNodeSkipsHiddenChildren",
     "<div id=a>Visible <span hidden>hidden</span><span aria-hidden=true>aria</span></div>"
     "<button id=t aria-labelledby=a>X</button>",
     "Visible", NS::AriaLabelledby},
    {"LabelledbySelfReferenceUsesOwnAriaLabel",
     "<a id=f href=doc.pdf>Documentation.pdf</a>"
     "<span role=button tabindex=0 id=t aria-label=Delete aria-labelledby='t f'></span>",
     "Delete Documentation.pdf", NS::AriaLabelledby},
    {"LabelledbyIsNotFollowedTwice",
     "<div id=el1 role=button aria-labelledby=el3></div><div id=t role=button aria-labelledby=el1></div>"
     "<span id=el3>hello</span>",
     "", NS::None},
    {"LabelledbyLoopStops",
     "<div id=t role=button aria-labelledby=b>A</div><div id=b role=button aria-labelledby=t>B</div>", "B",
     NS::AriaLabelledby},
    {"LabelledbySameIdTwiceCountsOnce", "<span id=a>Hi</span><button id=t aria-labelledby='a a'></button>", "Hi",
     NS::AriaLabelledby},
    {"LabelledbyMissingIdFallsBackToContent", "<button id=t aria-labelledby=nope>Go</button>", "Go", NS::Contents},
    {"LabelledbyToEmptyNodeFallsBackToAriaLabel",
     "<span id=e></span><button id=t aria-labelledby=e aria-label=Close></button>", "Close", NS::AriaLabel},
    {"LabelledbyTargetAriaLabelIsUsed",
     "<span id=a aria-label=Menu>&#9776;</span><button id=t aria-labelledby=a></button>", "Menu",
     NS::AriaLabelledby},
    {"LabelledbyTargetInputGivesItsValue",
     "<input id=a value=42><div id=t role=button aria-labelledby=a></div>", "42", NS::AriaLabelledby},
    {"WhitespaceOnlyAriaLabelIsIgnored", "<button id=t aria-label='   '>Go</button>", "Go", NS::Contents},
    {"AriaLabelOnGenericIsProhibited", "<div id=t aria-label=Box>x</div>", "", NS::None},
    {"AriaLabelOnParagraphIsProhibited", "<p id=t aria-label=Para>x</p>", "", NS::None},
    {"RoleNoneHasNoName", "<span id=t role=none aria-label=''>x</span>", "", NS::None},
    {"TextboxIsNotNamedFromContent", "<div id=t role=textbox contenteditable>typed</div>", "", NS::None},
    {"IframeTitle", "<iframe id=t title=Map></iframe>", "Map", NS::Title},
    {"LinkTitleOnly", "<a id=t href=/x title=Home></a>", "Home", NS::Title},
    {"ContentBeatsTitle", "<a id=t href=/x title=Tip>Home</a>", "Home", NS::Contents},
};
INSTANTIATE_TEST_SUITE_P(AriaNameAuthor, AriaName, ::testing::ValuesIn(kAuthor), testing::CaseName());

const NameCase kImages[] = {
    {"ImgAlt", "<img id=t src=a.png alt=Logo>", "Logo", NS::Alt},
    {"ImgEmptyAltIsPresentational", "<img id=t src=a.png alt='' title=Tip>", "", NS::None},
    {"ImgTitleOnly", "<img id=t src=a.png title=Logo>", "Logo", NS::Title},
    {"ImgWithoutAlternative", "<img id=t src=a.png>", "", NS::None},
    {"ImgAriaLabelBeatsAlt", "<img id=t src=a.png alt=Alt aria-label=Label>", "Label", NS::AriaLabel},
    {"LinkWithImgAlt", "<a id=t href=/><img src=a.png alt=Home></a>", "Home", NS::Contents},
    {"LinkWithEmptyAltImgAndText", "<a id=t href=/><img src=a.png alt=''>Web Accessibility</a>", "Web Accessibility",
     NS::Contents},
    {"LinkWithEmptyAltImgOnly", "<a id=t href=/><img src=a.png alt=''></a>", "", NS::None},
    {"LinkWithImgTitle", "<a id=t href=/><img src=a.png title='W3C'></a>", "W3C", NS::Contents},
    {"LinkTitleWhenImgIsDecorative", "<a id=t href=/ title='W3C'><img src=a.png alt=''></a>", "W3C", NS::Title},
    {"LinkWithImgLabelledby", "<a id=t href=/><img src=a.png aria-labelledby=l></a><div id=l>WAI</div>", "WAI",
     NS::Contents},
    {"LinkWithPresentationalImg", "<a id=t href=/><img src=a.png role=presentation alt=Logo></a>", "", NS::None},
    {"LinkWithSvgTitle", "<a id=t href=/><svg><title>Home</title><path d=''/></svg></a>", "Home", NS::Contents},
    {"SvgTitle", "<svg id=t role=img><title>Chart</title><desc>Sales</desc></svg>", "Chart", NS::Title},
    {"SvgAriaLabel", "<svg id=t role=img aria-label=Chart><title>Other</title></svg>", "Chart", NS::AriaLabel},
    {"AreaAlt", "<map name=m><area id=t href=/s alt=Sun></map>", "Sun", NS::Alt},
    {"InputImageAlt", "<input id=t type=image src=s.svg alt=Search>", "Search", NS::Alt},
    {"InputImageWithoutAltHasNoDefault", "<input id=t type=image src=s.svg name=search>", "", NS::None},
    {"InputImageEmptyAlt", "<input id=t type=image src=s.svg alt=''>", "", NS::None},
    {"InputImageTitle", "<input id=t type=image src=s.svg title=Search>", "Search", NS::Title},
};
INSTANTIATE_TEST_SUITE_P(AriaNameImages, AriaName, ::testing::ValuesIn(kImages), testing::CaseName());

const NameCase kForms[] = {
    {"LabelFor", "<label for=t>Email</label><input id=t>", "Email", NS::Label},
    {"WrappingLabel", "<label>Email <input id=t></label>", "Email", NS::Label},
    {"MultipleLabelsConcatenated", "<label for=t>First</label><input id=t><label for=t>Second</label>",
     "First Second", NS::Label},
    {"WrappingAndForLabelsInTreeOrder", "<label>Outer <input id=t></label><label for=t>Other</label>",
     "Outer Other", NS::Label},
    {"LabelForReferencesFirstElementWithId",
     "<label for=t>Name</label><input id=t><input id=t2><label for=t2>Other</label>", "Name", NS::Label},
    {"WrappingLabelWithForElsewhereDoesNotLabel", "<label for=x>Other <input id=t></label><input id=x>", "",
     NS::None},
    {"HiddenLabelIsStillUsed", "<label for=t style='display:none'>Name</label><input id=t>", "Name", NS::Label},
    {"LabelDoesNotRepeatOwnValue", "<label>Name <input id=t value=Ann></label>", "Name", NS::Label},
    {"EmbeddedTextboxValue",
     "<label for=t><input type=checkbox id=t> Flash the screen <input type=text value=5> times</label>",
     "Flash the screen 5 times", NS::Label},
    {"EmbeddedAriaTextbox",
     "<label for=t><input type=checkbox id=t> Flash <span role=textbox contenteditable aria-label=n>3</span> "
     "times</label>",
     "Flash 3 times", NS::Label},
    {"EmbeddedSelectChosenOption",
     "<label for=t><input type=checkbox id=t> Send <select><option>1<option selected>2</select> copies</label>",
     "Send 2 copies", NS::Label},
    {"EmbeddedSelectDefaultsToFirstOption",
     "<label for=t><input type=checkbox id=t> Size <select><option>S<option>M</select></label>", "Size S",
     NS::Label},
    {"EmbeddedSliderValuetext",
     "<span id=l>Volume <span role=slider aria-valuenow=7 aria-valuetext=seven></span></span>"
     "<div id=t role=button aria-labelledby=l></div>",
     "Volume seven", NS::AriaLabelledby},
    {"EmbeddedSliderValuenow",
     "<span id=l>Volume <span role=slider aria-valuenow=7></span></span><div id=t role=button aria-labelledby=l></div>",
     "Volume 7", NS::AriaLabelledby},
    {"EmbeddedRangeInputDefault", "<label for=t><input type=checkbox id=t> Level <input type=range></label>",
     "Level 50", NS::Label},
    {"EmbeddedListboxSelectedOption",
     "<span id=l>Pick <span role=listbox><span role=option>One</span>"
     "<span role=option aria-selected=true>Two</span></span></span><div id=t role=button aria-labelledby=l></div>",
     "Pick Two", NS::AriaLabelledby},
    {"TitleFallback", "<input id=t title=Search>", "Search", NS::Title},
    {"PlaceholderFallback", "<input id=t placeholder=Search>", "Search", NS::Placeholder},
    {"TitleBeforePlaceholder", "<input id=t title=Find placeholder=Search>", "Find", NS::Title},
    {"LabelBeforePlaceholder", "<label for=t>Name</label><input id=t placeholder='e.g. Ann'>", "Name", NS::Label},
    {"TextareaPlaceholder", "<textarea id=t placeholder=Message></textarea>", "Message", NS::Placeholder},
    {"AriaPlaceholder", "<div id=t role=textbox aria-placeholder=Message></div>", "Message", NS::Placeholder},
    {"SubmitDefault", "<input id=t type=submit>", "Submit", NS::Value},
    {"ResetDefault", "<input id=t type=reset>", "Reset", NS::Value},
    {"SubmitValue", "<input id=t type=submit value=Skicka>", "Skicka", NS::Value},
    {"InputButtonValue", "<input id=t type=button value=Open>", "Open", NS::Value},
    {"InputButtonWithoutValue", "<input id=t type=button>", "", NS::None},
    {"ButtonElementValueIsNotName", "<button id=t type=button value='read more'></button>", "", NS::None},
    {"ButtonLabelBeatsContent", "<label for=t>Label</label><button id=t>Content</button>", "Label", NS::Label},
    {"SelectLabel", "<label for=t>Country</label><select id=t><option>SE</select>", "Country", NS::Label},
    {"FieldsetLegend", "<fieldset id=t><legend>Contact <b>details</b></legend><input></fieldset>",
     "Contact details", NS::Legend},
    {"FigureFigcaption", "<figure id=t><img src=a.png alt=x><figcaption>Map of Malmö</figcaption></figure>",
     "Map of Malmö", NS::Caption},
    {"TableCaption", "<table id=t><caption>Opening hours</caption><tr><td>x</td></tr></table>", "Opening hours",
     NS::Caption},
    {"OptgroupLabelAttribute", "<select><optgroup id=t label=Fruit><option>Apple</optgroup></select>", "Fruit",
     NS::Label},
    {"OptionContent", "<select><option id=t> Apple </option></select>", "Apple", NS::Contents},
    {"CheckboxInLinkAddsNoLabel",
     "<a id=t href=/>Terms <input type=checkbox id=c></a><label for=c>Accept</label>", "Terms", NS::Contents},
};
INSTANTIATE_TEST_SUITE_P(AriaNameForms, AriaName, ::testing::ValuesIn(kForms), testing::CaseName());

const NameCase kContent[] = {
    {"BlockChildrenAreSeparated", "<button id=t><div>Hello</div><div>World</div></button>", "Hello World",
     NS::Contents},
    {"InlineChildrenAreJoined", "<a id=t href=/><span>Hel</span><span>lo</span></a>", "Hello", NS::Contents},
    {"BrSeparates", "<a id=t href=/>Line<br>break</a>", "Line break", NS::Contents},
    {"StyleDisplayBlockSeparates", "<a id=t href=/><span style='display:block'>A</span>B</a>", "A B",
     NS::Contents},
    {"WhitespaceIsNormalised", "<h1 id=t>  Hello \n\t <em>big</em>   world </h1>", "Hello big world",
     NS::Contents},
    {"HiddenDescendantsAreSkipped",
     "<button id=t>Save <span style='display:none'>draft</span><span aria-hidden=true>*</span>"
     "<span hidden>x</span></button>",
     "Save", NS::Contents},
    {"StylesheetHiddenDescendantIsSkipped", "<style>.sr{display:none}</style><button id=t>Go<span class=sr>X</span></button>",
     "Go", NS::Contents},
    {"VisibleInsideVisibilityHidden",
     "<a id=t href=/><span style='visibility:hidden'>no <span style='visibility:visible'>yes</span></span></a>", "yes",
     NS::Contents},
    {"HiddenRootIsStillNamed", "<button id=t style='display:none'>Hidden</button>", "Hidden", NS::Contents},
    {"DescendantAriaLabelUsed", "<a id=t href=/><span aria-label=Twitter>T</span></a>", "Twitter", NS::Contents},
    {"DescendantLabelledbyFollowed", "<a id=t href=/><span aria-labelledby=x>T</span></a><p id=x>Profile</p>",
     "Profile", NS::Contents},
    {"DescendantTitleUsedWhenEmpty", "<a id=t href=/><span title=Tip></span></a>", "Tip", NS::Contents},
    {"NestedHeadingLink", "<h2 id=t><a href=/>News</a> today</h2>", "News today", NS::Contents},
    {"SummaryContent", "<details><summary id=t>Opening times</summary><p>24/7</p></details>", "Opening times",
     NS::Contents},
    {"SummaryWithRoleNoneIsEmpty", "<details><summary id=t role=none></summary><p>x</p></details>", "", NS::None},
    {"CellContent", "<table><tr><td id=t>Ann <b>Svensson</b></td></tr></table>", "Ann Svensson", NS::Contents},
    {"DpubLinkFromContent", "See [<a id=t href=/ role=doc-biblioref>ACT rules</a>]", "ACT rules", NS::Contents},
    {"MenuitemContent", "<div role=menu><div id=t role=menuitem>Open</div></div>", "Open", NS::Contents},
    {"ScriptAndStyleTextIgnored", "<button id=t>Go<script>var x;</script><style>b{}</style></button>", "Go",
     NS::Contents},
    {"CommentsIgnored", "<button id=t>Go<!-- not this --></button>", "Go", NS::Contents},
    {"HeadingWithImageAlt", "<h1 id=t><img src=logo.png alt='Malmö stad'></h1>", "Malmö stad", NS::Contents},
    {"DeeplyNestedContent", "<a id=t href=/><span><span><span><b><i>deep</i></b></span></span></span></a>", "deep",
     NS::Contents},
};
INSTANTIATE_TEST_SUITE_P(AriaNameContent, AriaName, ::testing::ValuesIn(kContent), testing::CaseName());

TEST(AriaNameSource, ToStringNamesEverySource) {
  EXPECT_EQ(to_string(NameSource::AriaLabelledby), "aria-labelledby");
  EXPECT_EQ(to_string(NameSource::Contents), "contents");
  EXPECT_EQ(to_string(NameSource::Placeholder), "placeholder");
  EXPECT_EQ(to_string(NameSource::None), "none");
}

TEST(AriaNameCache, RepeatedQueriesGiveTheSameAnswer) {
  Page page("<label for=t>Email</label><input id=t>");
  AccessibleName a = page.name();
  AccessibleName b = page.name();
  EXPECT_EQ(a.text, b.text);
  EXPECT_EQ(a.source, b.source);
}

TEST(AriaNameDepth, VeryDeepMarkupDoesNotOverflow) {
  std::string html = "<a id=t href=/>";
  for (int i = 0; i < 5000; ++i) html += "<span>";
  html += "deep";
  Page page(html);
  AccessibleName n = page.name();  // text beyond the depth limit is dropped, not a crash
  EXPECT_TRUE(n.text.empty() || n.text == "deep");
}

TEST(AriaNameDepth, NestedLabelledSectionsDoNotOverflow) {
  // Each section's role depends on its name, which reads a heading that holds the next
  // section: a chain of nested computations, bounded rather than recursing 3000 deep.
  std::string html;
  for (int i = 0; i < 3000; ++i) {
    std::string n = std::to_string(i);
    html += "<section id=s" + n + " aria-labelledby=h" + n + "><div id=h" + n + ">" + n;
  }
  Page page(html);
  EXPECT_EQ(page.role("s2999"), "region");
  EXPECT_EQ(page.role("s0"), "region");
}

TEST(AriaLabels, ExplicitAndWrappingLabelsInTreeOrder) {
  Page page(
      "<label id=a for=t>A</label><label id=b>B <input id=t></label><label id=c for=x>C <input id=u></label>"
      "<label id=d><span>D</span><select id=v></select></label><p id=p>x</p>");
  const auto& t = page.semantics().labels(page.el("t"));
  ASSERT_EQ(t.size(), 2u);
  EXPECT_EQ(t[0], &page.el("a"));
  EXPECT_EQ(t[1], &page.el("b"));
  EXPECT_TRUE(page.semantics().labels(page.el("u")).empty());  // its label's for names another id
  EXPECT_EQ(page.semantics().labels(page.el("v")).size(), 1u);
  EXPECT_TRUE(page.semantics().labels(page.el("p")).empty());
}

TEST(AriaNameForeignNode, NodeOfAnotherDocumentGetsNeutralAnswers) {
  Page page("<button id=t>Save</button>");
  Page other("<button id=t>Other</button>");
  EXPECT_EQ(page.semantics().name(other.el("t")).text, "");
  EXPECT_EQ(page.semantics().role(other.el("t")), "");
  EXPECT_FALSE(page.semantics().focusable(other.el("t")));
}

}  // namespace
}  // namespace granska::aria
