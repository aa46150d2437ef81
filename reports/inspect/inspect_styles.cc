// `inspect --styles`: the computed values granska uses, with the declaration each came from.
#include <cstdio>

#include "reports/inspect/inspect.h"

namespace granska::reports {

namespace {

std::string px(const std::optional<double>& v) {
  if (!v) return {};
  if (*v == style::kNoLength) return "auto";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%gpx", *v);
  return buf;
}

std::string number(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", v);
  return buf;
}

std::string color(const std::optional<style::Rgba>& c) { return c ? style::to_css(*c) : std::string(); }

std::string_view position_name(style::Position p) {
  switch (p) {
    case style::Position::Static: return "static";
    case style::Position::Relative: return "relative";
    case style::Position::Absolute: return "absolute";
    case style::Position::Fixed: return "fixed";
    case style::Position::Sticky: return "sticky";
  }
  return "static";
}

}  // namespace

std::vector<InspectedStyle> inspect_styles(const style::ComputedStyles& styles, const html::Node& element) {
  using P = style::Property;
  const style::ComputedStyle& cs = styles.of(element);
  std::vector<InspectedStyle> out;
  auto add = [&](P p, std::string value, bool uncertain_value = false) {
    InspectedStyle s;
    s.property = std::string(style::property_name(p));
    s.value = std::move(value);
    style::Provenance pv = styles.provenance(element, p);
    s.uncertain = pv.uncertain || uncertain_value;
    s.line = pv.line;
    if (!pv.declaration) {
      s.source = style::is_inherited(p) && element.parent_element() ? InspectedStyle::Source::Inherited
                                                                     : InspectedStyle::Source::Initial;
      s.line = 0;
    } else if (pv.style_attribute) {
      s.source = InspectedStyle::Source::StyleAttribute;
    } else if (pv.presentational) {
      s.source = InspectedStyle::Source::HtmlAttribute;
    } else if (pv.origin == style::Origin::UserAgent) {
      s.source = InspectedStyle::Source::UserAgent;
      s.line = 0;
    } else if (!pv.url.empty()) {
      s.source = InspectedStyle::Source::StyleSheet;
      s.url = std::string(pv.url);
    } else {
      s.source = InspectedStyle::Source::StyleElement;
    }
    out.push_back(std::move(s));
  };
  std::string display(style::display_name(cs.display));
  add(P::Display, display, cs.display == style::Display::None ? cs.maybe_shown : cs.maybe_none);
  add(P::Visibility, std::string(style::visibility_name(cs.visibility)), cs.maybe_hidden || cs.maybe_visible);
  add(P::ContentVisibility, cs.content_hidden ? (*cs.content_hidden ? "hidden" : "visible") : "");
  add(P::Opacity, cs.opacity ? number(*cs.opacity) : "");
  add(P::Color, color(cs.color));
  add(P::BackgroundColor, color(cs.background_color));
  add(P::BackgroundImage, cs.background_image ? (*cs.background_image ? "image" : "none") : "");
  add(P::FontSize, px(cs.font_size));
  add(P::FontWeight, cs.font_weight ? std::to_string(*cs.font_weight) : "");
  std::string lh;
  if (cs.line_height) {
    switch (cs.line_height->kind) {
      case style::LineHeight::Kind::Normal: lh = "normal"; break;
      case style::LineHeight::Kind::Factor: lh = number(cs.line_height->value); break;
      case style::LineHeight::Kind::Px: lh = px(cs.line_height->value); break;
    }
  }
  add(P::LineHeight, lh);
  add(P::LetterSpacing, px(cs.letter_spacing));
  add(P::WordSpacing, px(cs.word_spacing));
  add(P::Position, cs.position ? std::string(position_name(*cs.position)) : "");
  add(P::Transform, cs.transform ? (*cs.transform ? (cs.rotation ? "rotate(" + number(*cs.rotation) + "deg)" : "set")
                                                  : "none")
                                 : "");
  add(P::TextShadow, cs.text_shadow ? (*cs.text_shadow ? "set" : "none") : "");
  // Where the box ends up, as granska judges it from position, offsets and clipping.
  InspectedStyle where;
  where.property = "placement";
  where.source = InspectedStyle::Source::Computed;
  switch (cs.placement) {
    case style::Placement::InFlow: where.value = "in-flow"; break;
    case style::Placement::Positioned: where.value = "positioned"; break;
    case style::Placement::OffScreen: where.value = "off-screen"; break;
    case style::Placement::Unknown: where.value = ""; break;
  }
  out.push_back(std::move(where));
  return out;
}

}  // namespace granska::reports
