// Property values: colours in every syntax, legacy colour attributes, lengths and calc(),
// rotations.
#include "style/values.h"

#include <gtest/gtest.h>

#include <cmath>

namespace granska::style {
namespace {

std::optional<Rgba> rgba(std::string_view css) {
  std::optional<Color> c = parse_color(css);
  if (!c || c->kind != Color::Kind::Rgba) return std::nullopt;
  return c->rgba;
}

void expect_near(std::optional<Rgba> got, Rgba want, double tolerance = 1.0) {
  ASSERT_TRUE(got.has_value());
  EXPECT_NEAR(got->r, want.r, tolerance);
  EXPECT_NEAR(got->g, want.g, tolerance);
  EXPECT_NEAR(got->b, want.b, tolerance);
  EXPECT_NEAR(got->a, want.a, 0.01);
}

TEST(CssColor, Syntaxes) {
  EXPECT_EQ(rgba("#fff"), (Rgba{255, 255, 255, 1}));
  EXPECT_EQ(rgba("#00000080")->a, 128 / 255.0);
  EXPECT_EQ(rgba("rgb(10, 20, 30)"), (Rgba{10, 20, 30, 1}));
  EXPECT_EQ(rgba("rgba(0,0,0,.3)")->a, 0.3);
  EXPECT_EQ(rgba("rgb(0 0 0 / 50%)")->a, 0.5);
  EXPECT_EQ(rgba("RebeccaPurple"), (Rgba{102, 51, 153, 1}));
  expect_near(rgba("hsl(0, 100%, 50%)"), Rgba{255, 0, 0, 1});
  expect_near(rgba("hsl(120deg 100 25)"), Rgba{0, 128, 0, 1});
  expect_near(rgba("hwb(0 0% 0%)"), Rgba{255, 0, 0, 1});
  expect_near(rgba("lab(54.29 80.8 69.89)"), Rgba{255, 0, 0, 1}, 2);
  expect_near(rgba("lch(54.29 106.84 40.85)"), Rgba{255, 0, 0, 1}, 2);
  EXPECT_EQ(parse_color("lab(50 150 150)")->kind, Color::Kind::Unknown);  // far outside sRGB
  expect_near(rgba("oklab(0.628 0.225 0.126)"), Rgba{255, 0, 0, 1}, 2);
  expect_near(rgba("oklch(62.8% 0.2577 29.23)"), Rgba{255, 0, 0, 1}, 2);
  expect_near(rgba("color(srgb 1 0.5 0)"), Rgba{255, 127.5, 0, 1});
  expect_near(rgba("color-mix(in srgb, red, blue)"), Rgba{127.5, 0, 127.5, 1});
  expect_near(rgba("color-mix(in srgb, red 25%, white)"), Rgba{255, 191.25, 191.25, 1});
  EXPECT_EQ(rgba("transparent")->a, 0);
  EXPECT_EQ(rgba("Canvas"), (Rgba{255, 255, 255, 1}));
  EXPECT_EQ(parse_color("currentColor")->kind, Color::Kind::CurrentColor);
}

TEST(CssColor, ValidButNotComputedIsUnknown) {
  for (const char* c : {"light-dark(#000, #fff)", "rgb(from red r g b)", "color(display-p3 1 0 0)",
                        "color(rec2020 0.5 0.5 0.5)", "Highlight", "rgb(calc(255) 0 0)",
                        "color-mix(in oklch, red, blue)"}) {
    std::optional<Color> col = parse_color(c);
    ASSERT_TRUE(col.has_value()) << c;
    EXPECT_EQ(col->kind, Color::Kind::Unknown) << c;
  }
}

TEST(CssColor, InvalidIsNullopt) {
  for (const char* c : {"#12", "#ggg", "rgb(1, 2)", "rgb(1 2 3 4)", "rgb(1%, 2, 3)", "blak", "hsl(1, 2, 3)",
                        "rgb(0, 0, 0) red", "var(--x)", "", "rgb(0 0 0 /)"}) {
    EXPECT_FALSE(parse_color(c).has_value()) << c;
  }
}

TEST(CssColor, LegacyAttributeColours) {
  EXPECT_EQ(parse_legacy_color("#003366"), (Rgba{0, 0x33, 0x66, 1}));
  EXPECT_EQ(parse_legacy_color("red"), (Rgba{255, 0, 0, 1}));
  EXPECT_EQ(parse_legacy_color("fff"), (Rgba{0xf, 0xf, 0xf, 1}));  // not a #-colour: "0f0f0f"
  EXPECT_EQ(parse_legacy_color("chucknorris"), (Rgba{0xc0, 0, 0, 1}));
  EXPECT_FALSE(parse_legacy_color(""));
  EXPECT_FALSE(parse_legacy_color("transparent"));
}

// Whole-number channels come from a table: it must give what the WCAG formula gives, to
// the bit, and channels between whole numbers (colours mixed by opacity) the formula itself.
TEST(CssColor, RelativeLuminanceMatchesTheFormulaExactly) {
  auto formula = [](double v) {
    v /= 255;
    return v <= 0.04045 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
  };
  auto expected = [&](const Rgba& c) {
    return 0.2126 * formula(c.r) + 0.7152 * formula(c.g) + 0.0722 * formula(c.b);
  };
  for (int i = 0; i <= 255; ++i) {
    auto v = static_cast<double>(i);
    for (Rgba c : {Rgba{v, 0, 0, 1}, Rgba{0, v, 0, 1}, Rgba{0, 0, v, 1}, Rgba{v, 255 - v, v / 2, 1}}) {
      EXPECT_EQ(relative_luminance(c), expected(c)) << i;
    }
  }
  for (double v : {127.5, 0.25, 254.999, 10.31, 1e-9}) {
    Rgba c{v, v, v, 1};
    EXPECT_EQ(relative_luminance(c), expected(c)) << v;
  }
}

TEST(CssColor, ContrastAndCompositing) {
  EXPECT_NEAR(contrast_ratio(Rgba{0, 0, 0, 1}, Rgba{255, 255, 255, 1}), 21, 1e-9);
  EXPECT_NEAR(contrast_ratio(*rgba("#767676"), *rgba("#fff")), 4.54, 0.01);
  Rgba half = composite(Rgba{0, 0, 0, 0.5}, Rgba{255, 255, 255, 1});
  EXPECT_NEAR(half.r, 127.5, 1e-9);
  EXPECT_EQ(to_css(Rgba{0, 0, 238, 1}), "rgb(0, 0, 238)");
  EXPECT_EQ(to_css(Rgba{0, 0, 0, 0}), "rgba(0, 0, 0, 0)");
  EXPECT_EQ(to_css(Rgba{0, 0, 0, 0.5}), "rgba(0, 0, 0, 0.502)");
}

TEST(CssLength, UnitsAndCalc) {
  LengthContext ctx;
  ctx.font_size = 20;
  EXPECT_EQ(parse_length("12px", ctx), 12);
  EXPECT_EQ(parse_length("1.5em", ctx), 30);
  EXPECT_EQ(parse_length("2rem", ctx), 32);
  EXPECT_EQ(parse_length("12pt", ctx), 16);
  EXPECT_EQ(parse_length("10vw", ctx), 128);
  EXPECT_FALSE(parse_length("50%", ctx));
  ctx.percent_base = 200;
  EXPECT_EQ(parse_length("50%", ctx), 100);
  EXPECT_EQ(parse_length("calc(1rem + 2px)", ctx), 18);
  EXPECT_EQ(parse_length("calc(100% - 2 * 10px)", ctx), 180);
  EXPECT_EQ(parse_length("min(10px, 1em)", ctx), 10);
  EXPECT_EQ(parse_length("clamp(1px, 5px, 3px)", ctx), 3);
  EXPECT_FALSE(parse_length("calc(1px + 2)", ctx));   // mixed types
  EXPECT_FALSE(parse_length("calc(1px+2px)", ctx));   // '+' needs spaces
  EXPECT_FALSE(parse_length("2ex", ctx));             // depends on the font
  EXPECT_FALSE(parse_length("sin(1px)", ctx));
  std::string deep = "calc(";
  for (int i = 0; i < 1000; ++i) deep += "(";
  EXPECT_FALSE(parse_length(deep + "1px", ctx));      // bounded nesting, no deep recursion
}

TEST(CssRotation, TransformAndRotate) {
  bool r = false;
  EXPECT_EQ(rotation_degrees(Property::Transform, "rotate(90deg) translate(1px)", r), 90);
  EXPECT_TRUE(r);
  r = false;
  EXPECT_EQ(rotation_degrees(Property::Transform, "translateX(10px) scale(2)", r), 0);
  EXPECT_FALSE(r);
  EXPECT_EQ(rotation_degrees(Property::Rotate, "0.25turn", r), 90);
  EXPECT_EQ(rotation_degrees(Property::Rotate, "z -90deg", r), -90);
  EXPECT_NEAR(*rotation_degrees(Property::Transform, "matrix(0, 1, -1, 0, 0, 0)", r), 90, 1e-9);
  EXPECT_FALSE(rotation_degrees(Property::Transform, "rotate(calc(45deg * 2))", r));
}

}  // namespace
}  // namespace granska::style
