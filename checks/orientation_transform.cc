// orientation-transform: the page does not lock itself to portrait or landscape by
// rotating content with CSS in an orientation media query (ACT b33eff, WCAG 1.3.4).
// Reads the page's <style> elements twice, once as a portrait and once as a landscape
// screen, and compares the rotation (transform and rotate) each gives <html>, <body> and
// elements with text. Applies to elements whose rotation differs between the two; fails
// when it differs by a quarter turn (90° or 270°). A rotation granska cannot compute or a
// selector it cannot evaluate is cantTell.
#include <charconv>
#include <cmath>
#include <cstdio>
#include <tuple>
#include <optional>
#include <string>
#include <vector>

#include "aria/css.h"
#include "engine/registry.h"
#include "html/selector.h"
#include "util/text.h"

namespace granska::checks {
namespace {

using namespace engine;

const Message kNotLocked{"not-locked",
                         {"Innehållet vrids {0}° när skärmen byter riktning, vilket inte låser sidan i ett läge.",
                          "The content turns {0}° when the screen changes orientation, which does not lock the "
                          "page in one orientation."}};
const Message kLocked{"locked",
                      {"CSS vrider innehållet {0}° i ett av lägena (stående eller liggande), så sidan visas alltid "
                       "åt samma håll. Besökare som har skärmen fastmonterad kan inte läsa den.",
                       "CSS turns the content {0}° in one orientation (portrait or landscape), so the page always "
                       "shows the same way round. Visitors whose screen is mounted in place cannot read it."}};
const Message kUnknown{"unknown",
                       {"CSS ändrar vridningen av innehållet efter skärmens riktning, men granska kan inte räkna ut "
                        "hur mycket. Kontrollera att sidan går att använda både stående och liggande.",
                        "CSS changes the rotation of the content with the screen's orientation, but granska cannot "
                        "compute by how much. Check that the page works in both portrait and landscape."}};

const RuleInfo kInfo{
    .id = "orientation-transform",
    .title = {"Sidan är inte låst till stående eller liggande läge",
              "The page is not locked to portrait or landscape"},
    .description = {"Kontrollerar att sidans CSS inte vrider innehållet en kvarts varv när skärmen byter mellan "
                    "stående och liggande läge. Det låser sidan i ett läge, och den som har surfplattan "
                    "fastsatt på en rullstol kan inte vända den.",
                    "Checks that the page's CSS does not turn the content a quarter turn when the screen "
                    "switches between portrait and landscape. That locks the page in one orientation, and "
                    "someone with a tablet mounted on a wheelchair cannot turn it."},
    .help = {"Ta bort transform: rotate(90deg) (eller rotate: 90deg) ur @media (orientation: ...) och låt "
             "sidan anpassa sig efter skärmens riktning i stället.",
             "Remove transform: rotate(90deg) (or rotate: 90deg) from @media (orientation: ...) and let the "
             "page adapt to the screen's orientation instead."},
    .criteria = {sc("1.3.4")},
    .act_rules = {"b33eff"},
    .axe_rules = {"css-orientation-lock"},
    .impact = Impact::Serious,
    .messages = {&kNotLocked, &kLocked, &kUnknown},
};

enum class Orientation { Portrait, Landscape };

std::size_t skip_string(std::string_view s, std::size_t i) {
  char q = s[i++];
  while (i < s.size() && s[i] != q && s[i] != '\n') i += s[i] == '\\' ? 2 : 1;
  return std::min(i + 1, s.size());
}

std::size_t block_end(std::string_view s, std::size_t open) {
  int depth = 0;
  for (std::size_t i = open; i < s.size();) {
    if (s[i] == '"' || s[i] == '\'') {
      i = skip_string(s, i);
      continue;
    }
    if (s[i] == '{') ++depth;
    if (s[i] == '}' && --depth == 0) return i;
    ++i;
  }
  return s.size();
}

// The orientation an @media prelude asks for, if it asks for one.
std::optional<Orientation> asked_orientation(std::string_view prelude) {
  std::string p = text::ascii_lower(prelude);
  std::erase_if(p, [](char c) { return text::is_html_space(c); });
  bool portrait = p.find("(orientation:portrait)") != std::string::npos;
  bool landscape = p.find("(orientation:landscape)") != std::string::npos;
  if (portrait == landscape) return std::nullopt;
  return portrait ? Orientation::Portrait : Orientation::Landscape;
}

// The sheet as a screen in `o` sees it: orientation blocks for `o` unwrapped (their other
// conditions assumed to hold), those for the other orientation dropped. Sets `conditional`
// when the sheet has an orientation block.
std::string for_orientation(std::string_view css, Orientation o, bool& conditional) {
  std::string out;
  std::size_t i = 0;
  while (i < css.size()) {
    char c = css[i];
    if (c == '"' || c == '\'') {
      std::size_t end = skip_string(css, i);
      out.append(css.substr(i, end - i));
      i = end;
      continue;
    }
    if (c == '{') {  // an ordinary rule: copied whole
      std::size_t end = block_end(css, i);
      out.append(css.substr(i, std::min(end + 1, css.size()) - i));
      i = end + 1;
      continue;
    }
    if (c == '@' && text::iequals(css.substr(i, 6), "@media")) {
      std::size_t open = css.find('{', i);
      if (open == std::string_view::npos) break;
      std::string_view prelude = css.substr(i + 6, open - i - 6);
      std::optional<Orientation> asked = asked_orientation(prelude);
      if (asked) {
        conditional = true;
        std::size_t end = block_end(css, open);
        // The query's other conditions, evaluated in css.h's environment (a landscape
        // screen): ask it as if this screen were in the orientation the query wants.
        std::string as_landscape = text::ascii_lower(prelude);
        if (std::size_t at = as_landscape.find("portrait"); at != std::string::npos) {
          as_landscape.replace(at, 8, "landscape");
        }
        if (*asked == o && aria::css::media_matches(as_landscape)) out.append(css.substr(open + 1, end - open - 1));
        i = end + 1;
        continue;
      }
    }
    out += c;
    ++i;
  }
  return out;
}

std::optional<double> angle_degrees(std::string_view v) {
  v = text::trim(v);
  double n = 0;
  const char* b = v.data();
  auto [end, ec] = std::from_chars(b, b + v.size(), n);
  if (ec != std::errc()) return std::nullopt;
  std::string unit = text::ascii_lower(std::string_view(end, static_cast<std::size_t>(b + v.size() - end)));
  if (unit == "deg" || (unit.empty() && n == 0)) return n;
  if (unit == "rad") return n * 180 / M_PI;
  if (unit == "grad") return n * 0.9;
  if (unit == "turn") return n * 360;
  return std::nullopt;
}

std::vector<std::string_view> arguments(std::string_view inner) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= inner.size(); ++i) {
    if (i == inner.size() || inner[i] == ',') {
      out.push_back(text::trim(inner.substr(start, i - start)));
      start = i + 1;
    }
  }
  return out;
}

std::optional<double> number_of(std::string_view s) {
  double n = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), n);
  if (ec != std::errc() || end != s.data() + s.size()) return std::nullopt;
  return n;
}

// The rotation about the z axis a declaration gives, in degrees; 0 for none or a
// transform without rotation; nullopt when it cannot be computed. `rotated` says whether a
// rotation was declared at all.
std::optional<double> rotation(std::string_view property, std::string_view value, bool& rotated) {
  std::string v = text::ascii_lower(text::trim(value));
  if (v.empty() || v == "none" || v == "initial" || v == "unset") return 0.0;
  if (v.find("var(") != std::string::npos || v.find("calc(") != std::string::npos) {
    rotated = true;
    return std::nullopt;
  }
  if (property == "rotate") {
    rotated = true;
    std::vector<std::string_view> parts;
    std::size_t i = 0;
    while (i < v.size()) {
      while (i < v.size() && text::is_html_space(v[i])) ++i;
      std::size_t s = i;
      while (i < v.size() && !text::is_html_space(v[i])) ++i;
      if (i > s) parts.push_back(std::string_view(v).substr(s, i - s));
    }
    if (parts.size() == 1) return angle_degrees(parts[0]);
    if (parts.size() == 2 && parts[0] == "z") return angle_degrees(parts[1]);
    if (parts.size() == 4 && number_of(parts[0]) == 0.0 && number_of(parts[1]) == 0.0) {
      std::optional<double> z = number_of(parts[2]), a = angle_degrees(parts[3]);
      if (!z || !a || *z == 0) return std::nullopt;
      return *z > 0 ? *a : -*a;
    }
    if (parts.size() == 2 && (parts[0] == "x" || parts[0] == "y")) return 0.0;
    return std::nullopt;
  }
  double total = 0;
  std::size_t i = 0;
  while (i < v.size()) {
    std::size_t open = v.find('(', i);
    if (open == std::string::npos) break;
    std::size_t close = v.find(')', open);
    if (close == std::string::npos) return std::nullopt;
    std::string fn(text::trim(std::string_view(v).substr(i, open - i)));
    std::vector<std::string_view> args = arguments(std::string_view(v).substr(open + 1, close - open - 1));
    i = close + 1;
    if (fn == "rotate" || fn == "rotatez") {
      rotated = true;
      if (args.size() != 1) return std::nullopt;
      std::optional<double> a = angle_degrees(args[0]);
      if (!a) return std::nullopt;
      total += *a;
    } else if (fn == "rotate3d") {
      rotated = true;
      if (args.size() != 4) return std::nullopt;
      std::optional<double> x = number_of(args[0]), y = number_of(args[1]), z = number_of(args[2]);
      std::optional<double> a = angle_degrees(args[3]);
      if (!x || !y || !z || !a || *x != 0 || *y != 0 || *z == 0) return std::nullopt;
      total += *z > 0 ? *a : -*a;
    } else if (fn == "matrix" || fn == "matrix3d") {
      rotated = true;
      if ((fn == "matrix" && args.size() != 6) || (fn == "matrix3d" && args.size() != 16)) return std::nullopt;
      std::optional<double> a = number_of(args[0]), b = number_of(args[1]);
      if (!a || !b) return std::nullopt;
      total += std::atan2(*b, *a) * 180 / M_PI;
    } else if (fn == "rotatex" || fn == "rotatey" || fn == "skew" || fn == "skewx" || fn == "skewy" ||
               fn == "perspective") {
      // Not a turn in the screen's plane; a skew does not lock orientation either.
    } else if (fn.starts_with("translate") || fn.starts_with("scale")) {
      // No rotation (a negative scale mirrors, which is not a rotation by a quarter turn).
    } else {
      return std::nullopt;
    }
  }
  return total;
}

struct Winner {
  bool important = false;
  bool inline_style = false;
  html::Selector::Specificity specificity;
  std::size_t order = 0;
  std::string_view value;
  bool found = false;

  void offer(bool imp, bool inl, html::Selector::Specificity spec, std::size_t ord, std::string_view v) {
    auto key = std::tie(imp, inl, spec, ord);
    if (!found || !(key < std::tie(important, inline_style, specificity, order))) {
      important = imp;
      inline_style = inl;
      specificity = spec;
      order = ord;
      value = v;
      found = true;
    }
  }
};

// The rotation each element gets in one orientation.
struct Rotations {
  std::vector<std::optional<double>> angle;  // per element index
  std::vector<bool> rotated;                 // a rotation was declared
  bool unevaluable = false;  // a rotating rule with a selector granska cannot evaluate
};

Rotations rotations(const html::Document& doc, const std::vector<std::string>& sheets_text) {
  std::size_t n = doc.elements().size();
  std::vector<Winner> transform(n), rotate(n);
  std::vector<aria::css::StyleSheet> sheets;
  Rotations out{std::vector<std::optional<double>>(n, 0.0), std::vector<bool>(n, false), false};
  std::size_t order = 0;
  for (const std::string& text : sheets_text) {
    sheets.push_back(aria::css::StyleSheet::parse(text));
    for (const aria::css::Rule& rule : sheets.back().rules()) {
      ++order;
      for (const aria::css::Declaration& d : rule.declarations) {
        bool is_transform = text::iequals(d.property, "transform");
        if (!is_transform && !text::iequals(d.property, "rotate")) continue;
        Result<html::Selector> sel = html::Selector::parse(rule.selector);
        if (!sel.ok() || rule.nested) {
          bool r = false;
          (void)rotation(is_transform ? "transform" : "rotate", d.value, r);
          if (r) out.unevaluable = true;
          continue;
        }
        for (const html::Node* e : sel.value().select_all(doc)) {
          (is_transform ? transform : rotate)[e->element_index()].offer(
              d.important, false, sel.value().specificity_for(*e), order, d.value);
        }
      }
    }
  }
  std::vector<aria::css::Declaration> decls;
  std::string storage;
  for (const html::Node* e : doc.elements()) {
    std::size_t i = e->element_index();
    if (auto style = e->attr("style")) {
      decls.clear();
      aria::css::parse_declarations(aria::css::strip_comments(*style, storage), decls);
      for (const aria::css::Declaration& d : decls) {
        if (text::iequals(d.property, "transform")) transform[i].offer(d.important, true, {}, SIZE_MAX, d.value);
        if (text::iequals(d.property, "rotate")) rotate[i].offer(d.important, true, {}, SIZE_MAX, d.value);
      }
      // Views into `storage` would dangle: resolve now.
      bool r = false;
      std::optional<double> t = rotation("transform", transform[i].value, r);
      std::optional<double> ro = rotation("rotate", rotate[i].value, r);
      out.rotated[i] = r;
      out.angle[i] = t && ro ? std::optional<double>(*t + *ro) : std::nullopt;
      continue;
    }
    bool r = false;
    std::optional<double> t = rotation("transform", transform[i].value, r);
    std::optional<double> ro = rotation("rotate", rotate[i].value, r);
    out.rotated[i] = r;
    out.angle[i] = t && ro ? std::optional<double>(*t + *ro) : std::nullopt;
  }
  return out;
}

bool has_text(const html::Node& e) {
  for (const html::Node* c : e.children()) {
    if (!c->is_text()) continue;
    for (char ch : c->data()) {
      if (!text::is_html_space(ch)) return true;
    }
  }
  return false;
}

std::string degrees_text(double d) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.0f", d);
  return buf;
}

void evaluate(Context& ctx, Reporter& out) {
  std::vector<std::string> portrait, landscape;
  bool conditional = false;
  for (const html::Node* e : ctx.doc.elements()) {
    if (!e->is("style")) continue;
    bool skip = false;
    for (const html::Node* p = e->parent_element(); p; p = p->parent_element()) {
      skip = skip || p->is("template") || p->is("noscript");
    }
    if (skip) continue;
    std::string storage;
    std::string raw = e->text_content();
    std::string_view clean = aria::css::strip_comments(raw, storage);
    portrait.push_back(for_orientation(clean, Orientation::Portrait, conditional));
    landscape.push_back(for_orientation(clean, Orientation::Landscape, conditional));
  }
  if (!conditional) return;
  Rotations p = rotations(ctx.doc, portrait);
  Rotations l = rotations(ctx.doc, landscape);
  if (p.unevaluable || l.unevaluable) {
    if (ctx.doc.html()) out.cant_tell(ctx.doc.html(), kUnknown);
    return;
  }
  for (const html::Node* e : ctx.doc.elements()) {
    if (!e->is("html") && !e->is("body") && !has_text(*e)) continue;
    std::size_t i = e->element_index();
    if (!p.rotated[i] && !l.rotated[i]) continue;
    if (p.angle[i] && l.angle[i] && *p.angle[i] == *l.angle[i]) continue;  // not conditional
    if (ctx.aria.hidden(*e) == aria::Tristate::Yes) continue;
    if (!p.angle[i] || !l.angle[i]) {
      out.cant_tell(e, kUnknown);
      continue;
    }
    double diff = std::fmod(std::fabs(*p.angle[i] - *l.angle[i]), 180.0);
    if (std::fabs(diff - 90) < 1) {
      out.failed(e, kLocked, {degrees_text(std::fabs(*p.angle[i] - *l.angle[i]))});
    } else {
      out.passed(e, kNotLocked, {degrees_text(std::fabs(*p.angle[i] - *l.angle[i]))});
    }
  }
}

const RuleRegistration kRegistration(kInfo, evaluate);

}  // namespace
}  // namespace granska::checks
