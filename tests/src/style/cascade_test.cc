// The one cascade: origins, importance, layers, specificity and order; inheritance and the
// CSS-wide keywords; custom properties; the user-agent sheet; computed values and the
// honest "unknown".
#include "style/cascade.h"

#include <gtest/gtest.h>

#include <memory>

#include "style/loader.h"

namespace granska::style {
namespace {

struct Page {
  std::unique_ptr<html::Document> doc;
  PageSheets sheets;
  std::unique_ptr<ComputedStyles> styles;
  explicit Page(std::string html, Environment env = {}) : doc(html::Document::parse(std::move(html))) {
    sheets = collect_sheets(*doc, "https://malmo.se/", nullptr, nullptr, {});
    styles = std::make_unique<ComputedStyles>(*doc, sheets, env);
  }
  const html::Node& id(std::string_view i) const { return *doc->elements_with_id(i).front(); }
  const ComputedStyle& of(std::string_view i) const { return styles->of(id(i)); }
};

std::optional<Rgba> color(std::string_view css) {
  std::optional<Color> c = parse_color(css);
  return c && c->kind == Color::Kind::Rgba ? std::optional<Rgba>(c->rgba) : std::nullopt;
}

TEST(Cascade, ImportanceInlineSpecificityOrder) {
  Page p(R"html(<!DOCTYPE html><style>
    p { color: red; }
    #a { color: blue; }
    p { color: green !important; }
    .c { color: navy; }
    .c { color: teal; }
  </style>
  <p id=a>x</p><p id=b style="color: black">x</p><p id=c class=c>x</p>
  <p id=d style="color: black !important">x</p><span id=e style="color: red; color: blue">x</span>)html");
  EXPECT_EQ(p.of("a").color, color("green"));  // !important beats a higher specificity
  EXPECT_EQ(p.of("b").color, color("green"));  // ...and a normal inline style
  EXPECT_EQ(p.of("d").color, color("black"));  // inline !important beats sheet !important
  EXPECT_EQ(p.of("e").color, color("blue"));   // the later declaration wins
  Provenance pv = p.styles->provenance(p.id("d"), Property::Color);
  EXPECT_TRUE(pv.style_attribute);
  EXPECT_TRUE(pv.declaration->important);
  Provenance sheet = p.styles->provenance(p.id("a"), Property::Color);
  EXPECT_FALSE(sheet.style_attribute);
  EXPECT_EQ(sheet.line, 4u);  // the page line of "p { color: green !important; }"
}

TEST(Cascade, Layers) {
  Page p(R"html(<!DOCTYPE html><style>
    @layer base, theme;
    @layer theme { #a { color: red } .b { color: red !important } }
    @layer base { p { color: blue } .b { color: blue !important } }
    p { color: green }
  </style><p id=a class=b>x</p><p id=c>x</p>)html");
  EXPECT_EQ(p.of("c").color, color("green"));  // unlayered beats any layer
  EXPECT_EQ(p.of("a").color, color("blue"));   // !important: the earlier layer wins
}

TEST(Cascade, WideKeywordsAndRevert) {
  Page p(R"html(<!DOCTYPE html><style>
    div { color: red; display: flex }
    #i { color: inherit } #n { color: initial } #u { display: unset } #r { display: revert }
    h1 { font-weight: 300 } #h { font-weight: revert }
  </style><div><span id=i>x</span><span id=n>x</span></div><p id=u>x</p><div id=r>x</div><h1 id=h>x</h1>)html");
  EXPECT_EQ(p.of("i").color, color("red"));
  EXPECT_EQ(p.of("n").color, color("black"));
  EXPECT_EQ(p.of("u").display, Display::Inline);  // display is not inherited: unset = initial
  EXPECT_EQ(p.of("r").display, Display::Block);   // back to the user-agent sheet's value
  EXPECT_EQ(p.of("h").font_weight, 700);
}

TEST(Cascade, CustomProperties) {
  Page p(R"html(<!DOCTYPE html><style>
    :root { --brand: #c00; --pad: 4px; --a: var(--b); --b: var(--a); --x: var(--y, green) }
    .card { --brand: navy }
    p { color: var(--brand) }
    #f { color: var(--nope, rgb(0 128 0)) }
    #cyc { color: var(--a, red) }
    #undef { color: var(--nope) }
    #chain { color: var(--x) }
  </style><p id=r>x</p><div class=card><p id=c>x</p></div><p id=f>x</p><p id=cyc>x</p>
  <div style="color: blue"><p id=undef>x</p></div><p id=chain>x</p>)html");
  EXPECT_EQ(p.of("r").color, color("#c00"));
  EXPECT_EQ(p.of("c").color, color("navy"));
  EXPECT_EQ(p.of("f").color, color("green"));
  EXPECT_EQ(p.of("cyc").color, color("red"));     // a cycle is invalid: the fallback is used
  EXPECT_EQ(p.of("undef").color, color("blue"));  // invalid at computed time: inherited
  EXPECT_EQ(p.of("chain").color, color("green"));
}

TEST(Cascade, RunawayVariablesAreBounded) {
  std::string css = ":root { --v0: x";
  for (int i = 1; i < 40; ++i) css += "; --v" + std::to_string(i) + ": var(--v" + std::to_string(i - 1) + ") var(--v" +
                                      std::to_string(i - 1) + ")";
  css += " } p { color: var(--v39) }";
  Page p("<!DOCTYPE html><style>" + css + "</style><p id=t>x</p>");
  EXPECT_FALSE(p.of("t").color.has_value());  // 2^39 copies: beyond the limit, unknown
}

TEST(Cascade, UserAgentDefaults) {
  Page p(R"html(<!DOCTYPE html><h1 id=h1>x</h1><h3 id=h3>x</h3><b id=b>x</b><small id=s>x</small>
  <a id=a href=/>x</a><mark id=m>x</mark><button id=btn>x</button><input id=in><code id=code>x</code>
  <div style="font-size: 20px"><code id=code20>x</code></div><div style="font-size: 2em"><code id=code2em>x</code></div>
  <li id=li>x</li><p id=hid hidden>x</p><dialog id=d>x</dialog><span id=abs style="position:absolute">x</span>
  <div style="display:flex"><span id=item>x</span></div><font id=f color=red size=5>x</font>
  <table id=table bgcolor="#003366"><tr><td id=cell>x</td></tr></table>)html");
  EXPECT_EQ(p.of("h1").font_size, 32);
  EXPECT_EQ(p.of("h1").font_weight, 700);
  EXPECT_NEAR(*p.of("h3").font_size, 18.72, 1e-9);
  EXPECT_EQ(p.of("b").font_weight, 700);
  EXPECT_NEAR(*p.of("s").font_size, 13.333, 0.01);
  EXPECT_EQ(p.of("a").color, color("#0000ee"));
  EXPECT_EQ(p.of("a").visited_color, color("#551a8b"));
  EXPECT_EQ(p.of("m").background_color, color("yellow"));
  EXPECT_EQ(p.of("btn").background_color, color("#efefef"));
  EXPECT_NEAR(*p.of("btn").font_size, 13.333, 0.01);
  EXPECT_EQ(p.of("in").background_color, color("white"));
  EXPECT_EQ(p.of("code").font_size, 13);    // the monospace default size
  EXPECT_EQ(p.of("code20").font_size, 20);  // an absolute size is kept
  EXPECT_EQ(p.of("code2em").font_size, 26);
  EXPECT_EQ(p.of("li").display, Display::ListItem);
  EXPECT_EQ(p.of("hid").display, Display::None);
  EXPECT_EQ(p.of("d").display, Display::None);
  EXPECT_EQ(p.of("abs").display, Display::Block);  // blockified
  EXPECT_EQ(p.of("item").display, Display::Block);
  EXPECT_EQ(p.of("f").color, color("red"));
  EXPECT_EQ(p.of("f").font_size, 24);
  EXPECT_EQ(p.of("table").background_color, color("#003366"));
  EXPECT_EQ(p.of("cell").display, Display::TableCell);
}

TEST(Cascade, InheritsAndResolvesFontSizes) {
  Page p(R"html(<!DOCTYPE html><style>html { font-size: 20px } .big { font-size: 150% } h2 { font-weight: normal }</style>
  <div id=a style="font-size: 2em"><span id=b style="font-size: 1.5rem">x</span>
  <span id=c class=big>x</span><small id=d>x</small><span id=e style="font-size: x-large">x</span></div>
  <h1 id=f>x</h1><h2 id=g>x</h2><span id=i style="font-size: 12pt">x</span>)html");
  EXPECT_EQ(p.of("a").font_size, 40);
  EXPECT_EQ(p.of("b").font_size, 30);  // rem follows the root's font size
  EXPECT_EQ(p.of("c").font_size, 60);
  EXPECT_NEAR(*p.of("d").font_size, 40 / 1.2, 1e-9);
  EXPECT_EQ(p.of("e").font_size, 24);
  EXPECT_EQ(p.of("f").font_size, 40);
  EXPECT_EQ(p.of("g").font_weight, 400);
  EXPECT_EQ(p.of("i").font_size, 16);
}

TEST(Cascade, LineHeightAndSpacing) {
  Page p(R"html(<!DOCTYPE html><div id=a style="font-size: 10px; line-height: 1.5; letter-spacing: .2em; word-spacing: 3px">
  <p id=b style="font-size: 20px">x</p></div>
  <div id=c style="font-size: 10px; line-height: 150%"><p id=d style="font-size: 20px">x</p></div>
  <p id=e style="letter-spacing: normal; line-height: normal">x</p>)html");
  EXPECT_EQ(p.of("b").line_height->kind, LineHeight::Kind::Factor);
  EXPECT_EQ(p.of("b").line_height->value, 1.5);
  EXPECT_EQ(p.of("b").letter_spacing, 2);
  EXPECT_EQ(p.of("b").word_spacing, 3);
  EXPECT_EQ(p.of("d").line_height->kind, LineHeight::Kind::Px);
  EXPECT_EQ(p.of("d").line_height->value, 15);
  EXPECT_EQ(p.of("e").letter_spacing, 0);
}

TEST(Cascade, BackgroundsOpacityEffects) {
  Page p(R"html(<!DOCTYPE html><style>.hero { background: #333 url(hero.jpg) no-repeat } .g { background-image: linear-gradient(red, blue) }</style>
  <div id=a style="background: rgba(0, 0, 0, .5); opacity: 50%">x</div><div id=b class=hero>x</div>
  <div id=c class=g style="background-color: white">x</div><p id=d style="text-shadow: 0 0 2px black"><span id=e>x</span></p>
  <p id=f style="color: red; background-color: currentcolor">x</p><p id=g style="filter: blur(1px)">x</p>)html");
  EXPECT_EQ(p.of("a").background_color->a, 0.5);
  EXPECT_EQ(p.of("a").opacity, 0.5);
  EXPECT_EQ(p.of("b").background_color, color("#333"));
  EXPECT_EQ(p.of("b").background_image, true);
  EXPECT_EQ(p.of("c").background_image, true);
  EXPECT_EQ(p.of("e").text_shadow, true);
  EXPECT_EQ(p.of("f").background_color, color("red"));
  EXPECT_EQ(p.of("g").filter, true);
}

TEST(Cascade, UnknownWhereCssCannotBeEvaluated) {
  Page p(R"html(<!DOCTYPE html><style>p:state(x) { color: red } .x { font-size: 2ex }
  @container (min-width: 1px) { .q { color: red } }</style>
  <p id=a>x</p><p id=b class=x>x</p><p id=c style="color: blue">x</p><p id=d class=q>x</p>
  <p id=e style="color: light-dark(#000, #fff)">x</p>)html");
  EXPECT_FALSE(p.of("a").color);  // a rule granska cannot evaluate may win
  EXPECT_EQ(p.of("c").color, color("blue"));  // ...but not over an inline style
  EXPECT_FALSE(p.of("b").font_size);
  EXPECT_FALSE(p.of("d").color);
  EXPECT_FALSE(p.of("e").color);
}

TEST(Cascade, UnloadedSheetsMakeColoursUnknown) {
  Page p(R"html(<!DOCTYPE html><link rel=stylesheet href=/main.css><div style="color: red"><p id=a>x</p>
  <p id=b style="color: blue">x</p></div>)html");
  EXPECT_TRUE(p.sheets.incomplete);
  EXPECT_FALSE(p.of("a").color);
  EXPECT_EQ(p.of("b").color, color("blue"));
  ASSERT_FALSE(p.sheets.notes.empty());
}

TEST(Cascade, PlacementFindsVisuallyHiddenText) {
  Page p(R"html(<!DOCTYPE html><style>.sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0) }</style>
  <span id=a class=sr-only>x</span><p id=b style="position: absolute; top: -999em">x</p>
  <p id=c style="position: fixed; top: 0">x</p><p id=d>x</p><p id=e style="position: relative; left: 200px">x</p><p id=n style="position: relative; top: 2px">x</p>
  <p id=s style="position: sticky; top: 0">x</p>
  <a id=f style="text-indent: -9999px">x</a><p id=g style="clip-path: inset(50%)">x</p>)html");
  EXPECT_EQ(p.of("a").placement, Placement::OffScreen);
  EXPECT_EQ(p.of("b").placement, Placement::OffScreen);
  EXPECT_EQ(p.of("c").placement, Placement::Positioned);
  EXPECT_EQ(p.of("d").placement, Placement::InFlow);
  EXPECT_EQ(p.of("e").placement, Placement::Positioned);
  EXPECT_EQ(p.of("n").placement, Placement::InFlow);  // nudged: still over its own background
  EXPECT_EQ(p.of("s").placement, Placement::InFlow);  // sticky: in the flow until scrolled
  EXPECT_EQ(p.of("f").placement, Placement::OffScreen);
  EXPECT_EQ(p.of("g").placement, Placement::OffScreen);
}

TEST(Cascade, VisitedLinkColour) {
  Page p(R"html(<!DOCTYPE html><style>a:link { color: #005 } a:visited { color: #999 } a { background: white }</style>
  <a id=a href=/x><span id=s>x</span></a><a id=n>no href</a>)html");
  EXPECT_EQ(p.of("a").color, color("#005"));
  EXPECT_EQ(p.of("a").visited_color, color("#999"));
  EXPECT_EQ(p.of("s").visited_color, color("#999"));
  EXPECT_EQ(p.of("n").color, color("black"));
}

TEST(Cascade, EnvironmentDecidesMediaRules) {
  std::string html = "<!DOCTYPE html><style>@media (orientation: portrait) { p { transform: rotate(90deg) } }</style><p id=t>x</p>";
  Page landscape(html);
  EXPECT_TRUE(landscape.styles->has_orientation_queries());
  EXPECT_EQ(landscape.of("t").rotation, 0);
  Environment env;
  env.portrait_override = true;
  Page portrait(html, env);
  EXPECT_EQ(portrait.of("t").rotation, 90);
  EXPECT_TRUE(portrait.of("t").rotates);
}

TEST(Cascade, QuirksMode) {
  Page p(R"html(<style>.Note { color: red } </style><p id=t class=note>x</p>
  <div style="font-size: 30px"><table><tr><td id=td>x</td></tr></table></div>)html");
  EXPECT_EQ(p.of("t").color, color("red"));  // class names ignore case without a doctype
  EXPECT_EQ(p.of("td").font_size, 16);        // tables reset the font size in quirks mode
}

TEST(Cascade, DeepPagesComputeWithoutRecursion) {
  std::string html = "<!DOCTYPE html><style>div div { color: red } .x .y { display: none }</style>";
  for (int i = 0; i < 100000; ++i) html += "<div>";
  auto doc = html::Document::parse(html);
  PageSheets sheets = collect_sheets(*doc, "", nullptr, nullptr, {});
  ComputedStyles styles(*doc, sheets);
  EXPECT_EQ(styles.of(*doc->elements().back()).color, color("red"));
}

}  // namespace
}  // namespace granska::style
