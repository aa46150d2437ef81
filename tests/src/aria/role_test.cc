// Roles: explicit role= tokens, HTML-AAM implicit roles, context-dependent roles and
// presentational conflict resolution. Every case asks for the role of the element id=t.
#include <gtest/gtest.h>

#include "aria_test_util.h"

namespace granska::aria {
namespace {

using testing::Page;

struct RoleCase {
  const char* name;
  const char* html;
  const char* role;
};

class AriaRole : public ::testing::TestWithParam<RoleCase> {};

TEST_P(AriaRole, Computes) {
  Page page(GetParam().html);
  EXPECT_EQ(page.role(), GetParam().role) << GetParam().html;
}

const RoleCase kExplicit[] = {
    {"ExplicitButtonOnDiv", "<div id=t role=button>x</div>", "button"},
    {"ExplicitRoleIsCaseInsensitive", "<div id=t role=' BUTTON '>x</div>", "button"},
    {"FirstValidTokenWins", "<div id=t role='foo button link'>x</div>", "button"},
    {"AbstractTokenSkipped", "<div id=t role='widget checkbox'>x</div>", "checkbox"},
    {"OnlyAbstractTokenFallsBackToImplicit", "<h2 id=t role=widget>x</h2>", "heading"},
    {"InvalidTokenFallsBackToImplicit", "<nav id=t role=banana>x</nav>", "navigation"},
    {"InvalidTokenOnSpanGivesNoRole", "<span id=t role=banana>x</span>", ""},
    {"EmptyRoleAttribute", "<ul id=t role=''><li>x</ul>", "list"},
    {"PresentationReadsAsNone", "<h1 id=t role=presentation>x</h1>", "none"},
    {"ExplicitGeneric", "<b id=t role=generic>x</b>", "generic"},
    {"DpubRole", "<a id=t href=#r role=doc-biblioref>1</a>", "doc-biblioref"},
    {"GraphicsRole", "<svg id=t role=graphics-symbol></svg>", "graphics-symbol"},
    {"ExplicitOverridesImplicit", "<a id=t href=# role=button>x</a>", "button"},
};
INSTANTIATE_TEST_SUITE_P(AriaRoleExplicit, AriaRole, ::testing::ValuesIn(kExplicit),
                         testing::CaseName());

const RoleCase kPresentational[] = {
    {"NoneOnFocusableButtonIsIgnored", "<button id=t role=none></button>", "button"},
    {"NoneOnDisabledButtonKept", "<button id=t role=none disabled></button>", "none"},
    {"NoneWithGlobalAriaIsIgnored", "<h2 id=t role=none aria-describedby=d>x</h2><p id=d>d</p>", "heading"},
    {"NoneWithOnlyAriaHiddenKept", "<p id=t role=none aria-hidden=true>x</p>", "none"},
    {"NoneWithEmptyGlobalAriaIsIgnored", "<h1 id=t role=none aria-label=''>x</h1>", "heading"},
    {"NoneWithTabindexIsIgnored", "<ul><li id=t role=none tabindex=0>x</li></ul>", "listitem"},
    {"NoneWithNonGlobalAriaKept", "<p id=t role=none aria-level=2>x</p>", "none"},
    {"ImgEmptyAltIsNone", "<img id=t src=a.png alt=''>", "none"},
    {"ImgEmptyAltWithAriaLabelIsImg", "<img id=t src=a.png alt='' aria-label=Logo>", "img"},
    {"ImgEmptyAltFocusableIsImg", "<img id=t src=a.png alt='' tabindex=0>", "img"},
    {"ListItemInPresentationalList", "<ul role=none><li id=t>x</li></ul>", "none"},
    {"ListItemInPresentationalListKeepsExplicitRole", "<ul role=none><li id=t role=button>x</li></ul>",
     "button"},
    {"CellInPresentationalTable", "<table role=presentation><tr><td id=t>x</td></tr></table>", "none"},
    {"RowInPresentationalTable", "<table role=none><tr id=t><td>x</td></tr></table>", "none"},
    {"HeaderCellInPresentationalTable", "<table role=none><tr><th id=t>x</th></tr></table>", "none"},
};
INSTANTIATE_TEST_SUITE_P(AriaRolePresentational, AriaRole, ::testing::ValuesIn(kPresentational),
                         testing::CaseName());

const RoleCase kImplicit[] = {
    {"LinkWithHref", "<a id=t href=/x>x</a>", "link"},
    {"AnchorWithoutHrefIsGeneric", "<a id=t>x</a>", ""},
    {"AreaWithHref", "<map name=m><area id=t href=/x alt=x></map>", "link"},
    {"ImgWithAlt", "<img id=t src=a.png alt=Logo>", "img"},
    {"ImgWithoutAlt", "<img id=t src=a.png>", "img"},
    {"InputDefaultIsTextbox", "<input id=t>", "textbox"},
    {"InputTypeIsCaseInsensitive", "<input id=t type=EMAIL>", "textbox"},
    {"InputUnknownTypeIsTextbox", "<input id=t type=banana>", "textbox"},
    {"InputWithListIsCombobox", "<input id=t list=l><datalist id=l></datalist>", "combobox"},
    {"InputSearch", "<input id=t type=search>", "searchbox"},
    {"InputSearchWithList", "<input id=t type=search list=l>", "combobox"},
    {"InputTel", "<input id=t type=tel>", "textbox"},
    {"InputCheckbox", "<input id=t type=checkbox>", "checkbox"},
    {"InputRadio", "<input id=t type=radio>", "radio"},
    {"InputRangeIsSlider", "<input id=t type=range>", "slider"},
    {"InputNumberIsSpinbutton", "<input id=t type=number>", "spinbutton"},
    {"InputSubmitIsButton", "<input id=t type=submit>", "button"},
    {"InputImageIsButton", "<input id=t type=image alt=Go>", "button"},
    {"InputResetIsButton", "<input id=t type=reset>", "button"},
    {"InputPasswordHasNoRole", "<input id=t type=password>", ""},
    {"InputDateHasNoRole", "<input id=t type=date>", ""},
    {"SelectIsCombobox", "<select id=t><option>a</select>", "combobox"},
    {"SelectMultipleIsListbox", "<select id=t multiple><option>a</select>", "listbox"},
    {"SelectSizeAboveOneIsListbox", "<select id=t size=4><option>a</select>", "listbox"},
    {"SelectSizeOneIsCombobox", "<select id=t size=1><option>a</select>", "combobox"},
    {"OptionInSelect", "<select><option id=t>a</select>", "option"},
    {"OptgroupIsGroup", "<select><optgroup id=t label=g><option>a</optgroup></select>", "group"},
    {"Textarea", "<textarea id=t></textarea>", "textbox"},
    {"Button", "<button id=t>x</button>", "button"},
    {"Heading", "<h3 id=t>x</h3>", "heading"},
    {"Paragraph", "<p id=t>x</p>", "paragraph"},
    {"Nav", "<nav id=t>x</nav>", "navigation"},
    {"Main", "<main id=t>x</main>", "main"},
    {"Article", "<article id=t>x</article>", "article"},
    {"UnorderedList", "<ul id=t><li>x</ul>", "list"},
    {"OrderedList", "<ol id=t><li>x</ol>", "list"},
    {"MenuIsList", "<menu id=t><li>x</menu>", "list"},
    {"Dialog", "<dialog id=t open>x</dialog>", "dialog"},
    {"DetailsIsGroup", "<details id=t><summary>s</summary>x</details>", "group"},
    {"SummaryHasNoRole", "<details><summary id=t>s</summary>x</details>", ""},
    {"FieldsetIsGroup", "<fieldset id=t><legend>l</legend></fieldset>", "group"},
    {"HrIsSeparator", "<hr id=t>", "separator"},
    {"Progress", "<progress id=t></progress>", "progressbar"},
    {"Meter", "<meter id=t value=1></meter>", "meter"},
    {"OutputIsStatus", "<output id=t></output>", "status"},
    {"DescriptionListParts", "<dl><dt id=t>a</dt><dd>b</dd></dl>", "term"},
    {"DdIsDefinition", "<dl><dt>a</dt><dd id=t>b</dd></dl>", "definition"},
    {"Blockquote", "<blockquote id=t>x</blockquote>", "blockquote"},
    {"EmIsEmphasis", "<em id=t>x</em>", "emphasis"},
    {"DelIsDeletion", "<del id=t>x</del>", "deletion"},
    {"SupIsSuperscript", "<sup id=t>x</sup>", "superscript"},
    {"HtmlIsDocument", "<html id=t><body></body></html>", "document"},
    {"BodyIsGeneric", "<body id=t>x</body>", ""},
    {"DivIsGeneric", "<div id=t>x</div>", ""},
    {"LabelHasNoRole", "<label id=t>x</label>", ""},
    {"IframeHasNoRole", "<iframe id=t title=x></iframe>", ""},
    {"SvgIsGraphicsDocument", "<svg id=t></svg>", "graphics-document"},
    {"SvgLinkIsLink", "<svg><a id=t href=/><text>x</text></a></svg>", "link"},
    {"SvgShapeHasNoRole", "<svg><circle id=t r=1></circle></svg>", ""},
    {"MathIsMath", "<math id=t><mi>x</mi></math>", "math"},
    {"SearchElement", "<search id=t>x</search>", "search"},
    {"Figure", "<figure id=t>x</figure>", "figure"},
    {"AddressIsGroup", "<address id=t>x</address>", "group"},
    {"DatalistIsListbox", "<datalist id=t></datalist>", "listbox"},
};
INSTANTIATE_TEST_SUITE_P(AriaRoleImplicit, AriaRole, ::testing::ValuesIn(kImplicit),
                         testing::CaseName());

const RoleCase kContext[] = {
    {"HeaderInBodyIsBanner", "<header id=t>x</header>", "banner"},
    {"HeaderInDivIsBanner", "<div><header id=t>x</header></div>", "banner"},
    {"HeaderInArticleIsGeneric", "<article><header id=t>x</header></article>", ""},
    {"FooterInBodyIsContentinfo", "<footer id=t>x</footer>", "contentinfo"},
    {"FooterInSectionIsGeneric", "<section><footer id=t>x</footer></section>", ""},
    {"FooterInMainIsGeneric", "<main><footer id=t>x</footer></main>", ""},
    {"FooterInRoleMainIsGeneric", "<div role=main><footer id=t>x</footer></div>", ""},
    {"FooterInRoleNavigationIsGeneric", "<div role=navigation><footer id=t>x</footer></div>", ""},
    {"SectionWithoutNameIsGeneric", "<section id=t>x</section>", ""},
    {"SectionWithAriaLabelIsRegion", "<section id=t aria-label=News>x</section>", "region"},
    {"SectionWithLabelledbyIsRegion", "<section id=t aria-labelledby=h><h2 id=h>News</h2></section>", "region"},
    {"SectionWithEmptyLabelledbyIsGeneric", "<section id=t aria-labelledby=h><h2 id=h></h2></section>", ""},
    {"SectionWithTitleIsRegion", "<section id=t title=News>x</section>", "region"},
    {"FormWithoutNameIsGeneric", "<form id=t></form>", ""},
    {"FormWithNameIsForm", "<form id=t aria-label=Search></form>", "form"},
    {"AsideInBodyIsComplementary", "<aside id=t>x</aside>", "complementary"},
    {"AsideInMainIsComplementary", "<main><aside id=t>x</aside></main>", "complementary"},
    {"AsideInArticleWithoutNameIsGeneric", "<article><aside id=t>x</aside></article>", ""},
    {"AsideInArticleWithNameIsComplementary", "<article><aside id=t aria-label=Tips>x</aside></article>",
     "complementary"},
    {"ListItemInList", "<ul><li id=t>x</li></ul>", "listitem"},
    {"ListItemInRoleList", "<div role=list><li id=t>x</li></div>", "listitem"},
    {"ListItemOutsideListIsGeneric", "<div><li id=t>x</li></div>", ""},
    {"ListItemInTablistIsGeneric", "<ul role=tablist><li id=t>x</li></ul>", ""},
    {"Table", "<table id=t><tr><td>x</td></tr></table>", "table"},
    {"TdIsCell", "<table><tr><td id=t>x</td></tr></table>", "cell"},
    {"TdInGridIsGridcell", "<table role=grid><tr><td id=t>x</td></tr></table>", "gridcell"},
    {"TdInTreegridIsGridcell", "<table role=treegrid><tr><td id=t>x</td></tr></table>", "gridcell"},
    {"TrIsRow", "<table><tr id=t><td>x</td></tr></table>", "row"},
    {"TbodyIsRowgroup", "<table><tbody id=t><tr><td>x</td></tr></tbody></table>", "rowgroup"},
    {"CaptionIsCaption", "<table><caption id=t>c</caption><tr><td>x</td></tr></table>", "caption"},
    {"ThInTheadIsColumnheader", "<table><thead><tr><th id=t>h</th></tr></thead><tr><td>x</td></tr></table>",
     "columnheader"},
    {"ThScopeRowIsRowheader", "<table><tr><th id=t scope=row>h</th><td>x</td></tr></table>", "rowheader"},
    {"ThScopeColIsColumnheader", "<table><tr><td>x</td><th id=t scope=COL>h</th></tr></table>", "columnheader"},
    {"ThBeforeDataCellsIsRowheader", "<table><tr><th id=t>h</th><td>x</td></tr></table>", "rowheader"},
    {"ThAfterEmptyCornerCellIsColumnheader",
     "<table><tr><td></td><th id=t>Mon</th></tr><tr><th>9</th><td>x</td></tr></table>", "columnheader"},
    {"ThInRowOfHeadersIsColumnheader", "<table><tr><th id=t>a</th><th>b</th></tr></table>", "columnheader"},
    {"ThInGridIsColumnheader", "<table role=grid><tr><th id=t>a</th></tr></table>", "columnheader"},
    {"TdOfTableWithOtherRoleHasNoRole", "<table role=list><tr><td id=t>x</td></tr></table>", ""},
};
INSTANTIATE_TEST_SUITE_P(AriaRoleContext, AriaRole, ::testing::ValuesIn(kContext),
                         testing::CaseName());

TEST(AriaRoleApi, HasExplicitRoleOnlyForValidToken) {
  Page page("<div id=a role=button></div><div id=b role=banana></div><nav id=c></nav>"
            "<button id=d role=none></button><p id=e role=none>x</p>");
  EXPECT_TRUE(page.semantics().has_explicit_role(page.el("a")));
  EXPECT_FALSE(page.semantics().has_explicit_role(page.el("b")));
  EXPECT_FALSE(page.semantics().has_explicit_role(page.el("c")));
  // role=none rejected by conflict resolution: the role did not come from role=.
  EXPECT_FALSE(page.semantics().has_explicit_role(page.el("d")));
  EXPECT_TRUE(page.semantics().has_explicit_role(page.el("e")));
}

TEST(AriaRoleApi, TextNodesHaveNoRole) {
  Page page("<p id=t>text</p>");
  const html::Node* text = page.el("t").children().front();
  ASSERT_TRUE(text->is_text());
  EXPECT_EQ(page.semantics().role(*text), "");
}

TEST(AriaRoleApi, RolesForEveryElementOfAPage) {
  // Smoke test: every element gets an answer and the answers are stable when asked twice.
  Page page("<header><nav><ul><li><a href=/>Hem</a></li></ul></nav></header>"
            "<main><h1>Rubrik</h1><section aria-label=S><table><tr><th>a</th><td>b</td></tr></table>"
            "</section><form aria-label=F><input><select><option>x</select></form></main><footer>f</footer>");
  for (const html::Node* e : page.doc().elements()) {
    std::string first(page.semantics().role(*e));
    EXPECT_EQ(first, page.semantics().role(*e));
  }
}


TEST(AriaRoleApi, IsGenericTellsGenericFromNoRole) {
  Page page("<div id=a>x</div><span id=b>y</span><audio id=c controls></audio>"
            "<input id=d type=password><div id=e role=button>z</div>");
  EXPECT_TRUE(page.semantics().is_generic(page.el("a")));
  EXPECT_TRUE(page.semantics().is_generic(page.el("b")));
  EXPECT_FALSE(page.semantics().is_generic(page.el("c")));
  EXPECT_FALSE(page.semantics().is_generic(page.el("d")));
  EXPECT_FALSE(page.semantics().is_generic(page.el("e")));
}
}  // namespace
}  // namespace granska::aria
