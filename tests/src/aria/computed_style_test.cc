// Computed CSS values from the page's own styles: cascade, inheritance, units, colours and
// the honest "unknown".
#include "aria/computed_style.h"

#include <gtest/gtest.h>

#include <memory>

namespace granska::aria {
namespace {

struct Page {
  std::unique_ptr<html::Document> doc;
  std::unique_ptr<ComputedStyles> styles;
  explicit Page(std::string html) : doc(html::Document::parse(std::move(html))) {
    styles = std::make_unique<ComputedStyles>(*doc);
  }
  const html::Node& id(std::string_view i) const { return *doc->elements_with_id(i).front(); }
  const ComputedStyle& of(std::string_view i) const { return styles->of(id(i)); }
};

TEST(ComputedStyle, ParsesColours) {
  EXPECT_EQ(parse_color("#fff"), (Rgba{255, 255, 255, 1}));
  EXPECT_EQ(parse_color("#00000080")->a, 128 / 255.0);
  EXPECT_EQ(parse_color("rgb(10, 20, 30)"), (Rgba{10, 20, 30, 1}));
  EXPECT_EQ(parse_color("rgba(0,0,0,.3)")->a, 0.3);
  EXPECT_EQ(parse_color("rgb(0 0 0 / 50%)")->a, 0.5);
  EXPECT_EQ(parse_color("RebeccaPurple"), (Rgba{102, 51, 153, 1}));
  EXPECT_EQ(parse_color("hsl(0, 100%, 50%)"), (Rgba{255, 0, 0, 1}));
  EXPECT_EQ(parse_color("transparent")->a, 0);
  EXPECT_FALSE(parse_color("var(--brand)"));
  EXPECT_FALSE(parse_color("currentcolor"));
  EXPECT_FALSE(parse_color("#12"));
  EXPECT_FALSE(parse_color("canvastext"));
}

TEST(ComputedStyle, ContrastRatioFollowsWcag) {
  EXPECT_NEAR(contrast_ratio(Rgba{0, 0, 0, 1}, Rgba{255, 255, 255, 1}), 21, 1e-9);
  EXPECT_NEAR(contrast_ratio(*parse_color("#767676"), *parse_color("#fff")), 4.54, 0.01);
  Rgba half = composite(Rgba{0, 0, 0, 0.5}, Rgba{255, 255, 255, 1});
  EXPECT_NEAR(half.r, 127.5, 1e-9);
}

TEST(ComputedStyle, CascadeImportanceInlineSpecificityOrder) {
  Page p(R"html(<style>
    p { color: red; }
    #a { color: blue; }
    p { color: green !important; }
    .c { color: navy; }
    .c { color: teal; }
  </style>
  <p id=a>x</p><p id=b style="color: black">x</p><p id=c class=c>x</p>
  <p id=d style="color: black !important">x</p>)html");
  EXPECT_EQ(p.of("a").color, parse_color("green"));  // !important beats a higher specificity
  EXPECT_EQ(p.of("b").color, parse_color("green"));  // ...and a normal inline style
  EXPECT_EQ(p.of("c").color, parse_color("green"));
  EXPECT_EQ(p.of("d").color, parse_color("black"));  // inline !important beats sheet !important
  const Cascaded& c = p.styles->cascaded(p.id("d"), Prop::Color);
  EXPECT_TRUE(c.from_style_attribute);
  EXPECT_TRUE(c.important);
}

TEST(ComputedStyle, InheritsAndResolvesFontSizes) {
  Page p(R"html(<style>html { font-size: 20px } .big { font-size: 150% } h2 { font-weight: normal }</style>
  <div id=a style="font-size: 2em"><span id=b style="font-size: 1.5rem">x</span>
  <span id=c class=big>x</span><small id=d>x</small><span id=e style="font-size: x-large">x</span></div>
  <h1 id=f>x</h1><h2 id=g>x</h2><b id=h>x</b><span id=i style="font-size: 12pt">x</span>)html");
  EXPECT_EQ(p.of("a").font_size, 40);
  EXPECT_EQ(p.of("b").font_size, 24);  // rem is the initial 16px in granska's environment
  EXPECT_EQ(p.of("c").font_size, 60);
  EXPECT_NEAR(*p.of("d").font_size, 40 / 1.2, 1e-9);
  EXPECT_EQ(p.of("e").font_size, 24);
  EXPECT_EQ(p.of("f").font_size, 40);
  EXPECT_EQ(p.of("f").font_weight, 700);
  EXPECT_EQ(p.of("g").font_weight, 400);
  EXPECT_EQ(p.of("h").font_weight, 700);
  EXPECT_EQ(p.of("i").font_size, 16);
}

TEST(ComputedStyle, LineHeightAndSpacing) {
  Page p(R"html(<div id=a style="font-size: 10px; line-height: 1.5; letter-spacing: .2em; word-spacing: 3px">
  <p id=b style="font-size: 20px">x</p></div>
  <div id=c style="font-size: 10px; line-height: 150%"><p id=d style="font-size: 20px">x</p></div>
  <p id=e style="letter-spacing: normal; line-height: normal">x</p>)html");
  EXPECT_EQ(p.of("b").line_height->kind, LineHeight::Kind::Factor);  // a factor inherits as a factor
  EXPECT_EQ(p.of("b").line_height->value, 1.5);
  EXPECT_EQ(p.of("b").letter_spacing, 2);  // a length inherits as computed on the parent
  EXPECT_EQ(p.of("b").word_spacing, 3);
  EXPECT_EQ(p.of("d").line_height->kind, LineHeight::Kind::Px);
  EXPECT_EQ(p.of("d").line_height->value, 15);
  EXPECT_EQ(p.of("e").letter_spacing, 0);
  EXPECT_EQ(p.of("e").line_height->kind, LineHeight::Kind::Normal);
}

TEST(ComputedStyle, BackgroundsOpacityAndShadow) {
  Page p(R"html(<style>.hero { background: #333 url(hero.jpg) no-repeat } .g { background-image: linear-gradient(red, blue) }</style>
  <div id=a style="background: rgba(0, 0, 0, .5); opacity: 50%">x</div><div id=b class=hero>x</div>
  <div id=c class=g style="background-color: white">x</div><p id=d style="text-shadow: 0 0 2px black"><span id=e>x</span></p>
  <div id=f style="background: var(--bg)">x</div><button id=g>x</button><mark id=h>x</mark>)html");
  EXPECT_EQ(p.of("a").background_color->a, 0.5);
  EXPECT_EQ(p.of("a").opacity, 0.5);
  EXPECT_EQ(p.of("a").background_image, false);
  EXPECT_EQ(p.of("b").background_color, parse_color("#333"));
  EXPECT_EQ(p.of("b").background_image, true);
  EXPECT_EQ(p.of("c").background_image, true);
  EXPECT_EQ(p.of("e").has_text_shadow, true);  // text-shadow inherits
  EXPECT_FALSE(p.of("f").background_color);
  EXPECT_FALSE(p.of("g").background_color);  // form controls: the platform decides
  EXPECT_EQ(p.of("h").background_color, parse_color("yellow"));
}

TEST(ComputedStyle, UnknownWhereCssCannotBeEvaluated) {
  Page p(R"html(<style>p:has(img) { color: red } .x { font-size: calc(1rem + 2px) }</style>
  <p id=a>x</p><p id=b class=x>x</p><p id=c style="color: blue">x</p><a id=d href="/">x</a>)html");
  EXPECT_FALSE(p.of("a").color);                      // an unevaluated selector may win
  EXPECT_EQ(p.of("c").color, parse_color("blue"));    // ...but not over an inline style
  EXPECT_FALSE(p.of("b").font_size);
  EXPECT_FALSE(p.of("d").color);  // link or visited colour
  Page q(R"html(<style>p { color: red }</style><p id=a style="/* brand */ color: blue">x</p>)html");
  EXPECT_FALSE(q.of("a").color);  // the inline value wins, but is not kept through a comment
  EXPECT_TRUE(q.styles->cascaded(q.id("a"), Prop::Color).from_style_attribute);
}

TEST(ComputedStyle, ExternalSheetsLeaveOnlyOwnStyleAttributes) {
  Page p(R"html(<link rel=stylesheet href=/main.css><div style="color: red"><p id=a>x</p>
  <p id=b style="color: blue">x</p></div>)html");
  EXPECT_TRUE(p.styles->has_external_style_sheets());
  EXPECT_FALSE(p.of("a").color);
  EXPECT_EQ(p.of("b").color, parse_color("blue"));
}

TEST(ComputedStyle, CascadeFeaturesNotModelledCountAsExternal) {
  Page p(R"html(<style>@layer base { p { color: red } } p { color: blue }</style><p id=a>x</p>)html");
  EXPECT_TRUE(p.styles->has_external_style_sheets());
  EXPECT_FALSE(p.of("a").color);
}

TEST(ComputedStyle, PlacementFindsVisuallyHiddenText) {
  Page p(R"html(<style>.sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0) }</style>
  <span id=a class=sr-only>x</span><p id=b style="position: absolute; top: -999em">x</p>
  <p id=c style="position: fixed; top: 0">x</p><p id=d>x</p><p id=e style="position: relative; left: 2px">x</p><a id=f style="text-indent: -9999px">x</a>)html");
  EXPECT_EQ(placement(*p.styles, p.id("a")), Placement::OffScreen);
  EXPECT_EQ(placement(*p.styles, p.id("b")), Placement::OffScreen);
  EXPECT_EQ(placement(*p.styles, p.id("c")), Placement::Positioned);
  EXPECT_EQ(placement(*p.styles, p.id("d")), Placement::InFlow);
  EXPECT_EQ(placement(*p.styles, p.id("e")), Placement::Positioned);
  EXPECT_EQ(placement(*p.styles, p.id("f")), Placement::OffScreen);
}

}  // namespace
}  // namespace granska::aria
