// images-of-text: text is written as text, not shown as a picture of text (WCAG 1.4.5 Images
// of Text; ACT 0va7u6). Posters, banners and buttons made as images cannot be enlarged
// sharply, recoloured or read in another font, and their text is only as good as the alt.
//
// Applies to the rendered images of a page: <img>, <input type="image">, <object> with an
// image, <image> in SVG, and elements with a CSS background image from the page's own CSS.
// (Inline <svg> with <text> is real text and is not an image of text.)
//   - An image whose content granska can read — an SVG in a data: URL — and that contains
//     <text> with letters: failed (an image of text), unless its alternative names it a logo
//     ("logo", "logotyp"), which 1.4.5 allows: cantTell.
//   - Every other image: granska cannot see what it shows. One cantTell for the whole page
//     names how many images a person should look at, rather than one finding per image.
//
// Kind: Requirement for 1.4.5 (AA) and 1.4.9 (AAA, the same without exceptions but logos,
// which ACT maps too). Most of what this rule says is "look at these images",
// which is what 1.4.5 needs from a person anyway; the failures are certain ones.
#include <string>

#include "style/cascade.h"
#include "engine/registry.h"
#include "util/text.h"

namespace granska::checks {
namespace {

using namespace engine;

const Message kTextInSvg{"text-in-image",
                         {"Bilden är en SVG med texten \"{0}\" i sig. Skriv texten som vanlig text på sidan (och "
                          "låt CSS sköta utseendet), så att den går att förstora och läsa om.",
                          "The image is an SVG with the text \"{0}\" in it. Write the text as ordinary text on the "
                          "page (and let CSS handle its look), so it can be enlarged and reflowed."}};
const Message kLogo{"logo-with-text",
                    {"Bilden innehåller texten \"{0}\" och verkar vara en logotyp, som får innehålla text. "
                     "Kontrollera att det är en logotyp.",
                     "The image contains the text \"{0}\" and seems to be a logo, which may contain text. Check "
                     "that it is a logo."}};
const Message kCheckImages{"check-images",
                           {"Sidan har {0} bilder. Kontrollera att ingen av dem visar text som kunde ha skrivits "
                            "som text, till exempel en affisch, en knapp eller en rubrik i bildform. Logotyper och "
                            "bilder där texten bara råkar synas är undantag.",
                            "The page has {0} images. Check that none of them shows text that could have been "
                            "written as text, such as a poster, a button or a heading made as an image. Logos "
                            "and pictures where text just happens to show are exceptions."}};

const Message kCheckImage{"check-image",
                          {"Kontrollera att sidans bild inte visar text som kunde ha skrivits som text, till exempel "
                           "en affisch, en knapp eller en rubrik i bildform. Logotyper och bilder där texten bara "
                           "råkar synas är undantag.",
                           "Check that the page's image does not show text that could have been written as text, "
                           "such as a poster, a button or a heading made as an image. Logos and pictures where "
                           "text just happens to show are exceptions."}};

const RuleInfo kInfo{
    .id = "images-of-text",
    .title = {"Text är text, inte bilder av text", "Text is text, not images of text"},
    .description = {"Kontrollerar att text inte visas som bilder, till exempel affischer, banners och knappar med "
                    "text i bildform. Sådan text går inte att förstora skarpt, byta färg på eller läsa med "
                    "eget typsnitt.",
                    "Checks that text is not shown as images, such as posters, banners and buttons with text in "
                    "picture form. Such text cannot be enlarged sharply, recoloured or read in one's own font."},
    .help = {"Skriv texten på sidan och ge den utseende med CSS. Är det en affisch: lägg in dess text som vanlig "
             "text (rubrik, datum, plats) och använd bilden bara som illustration.",
             "Write the text on the page and style it with CSS. If it is a poster, put its text on the page as "
             "ordinary text (heading, date, place) and use the image only as an illustration."},
    .criteria = {sc("1.4.5"), sc("1.4.9")},
    .act_rules = {"0va7u6"},
    .impact = Impact::Serious,
    .messages = {&kTextInSvg, &kLogo, &kCheckImage, &kCheckImages},
};

int hex(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string percent_decode(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && hex(s[i + 1]) >= 0 && hex(s[i + 2]) >= 0) {
      out += static_cast<char>(hex(s[i + 1]) * 16 + hex(s[i + 2]));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

std::string base64_decode(std::string_view s) {
  std::string out;
  unsigned value = 0;
  int bits = 0;
  for (char c : s) {
    int v = c >= 'A' && c <= 'Z' ? c - 'A' : c >= 'a' && c <= 'z' ? c - 'a' + 26 : c >= '0' && c <= '9' ? c - '0' + 52
            : c == '+' || c == '-' ? 62 : c == '/' || c == '_' ? 63 : -1;
    if (v < 0) continue;
    value = (value << 6) | static_cast<unsigned>(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += static_cast<char>((value >> bits) & 0xFF);
    }
  }
  return out;
}

// The SVG markup of a data: URL holding an SVG image; empty otherwise.
std::string svg_of_data_url(std::string_view src) {
  src = text::trim(src);
  if (!text::istarts_with(src, "data:")) return "";
  std::size_t comma = src.find(',');
  if (comma == std::string_view::npos) return "";
  std::string meta = text::ascii_lower(src.substr(5, comma - 5));
  if (meta.find("image/svg+xml") == std::string::npos) return "";
  std::string_view payload = src.substr(comma + 1);
  return meta.find(";base64") != std::string::npos ? base64_decode(payload) : percent_decode(payload);
}

// The letters of the first <text> element with any, in SVG markup; empty when there is none.
std::string svg_text(std::string_view svg) {
  std::string lower = text::ascii_lower(svg);
  std::size_t pos = 0;
  while ((pos = lower.find("<text", pos)) != std::string::npos) {
    std::size_t after = pos + 5;
    if (after < lower.size() && lower[after] != '>' && !text::is_html_space(lower[after])) {
      pos = after;
      continue;
    }
    std::size_t open_end = lower.find('>', after);
    std::size_t close = lower.find("</text", open_end == std::string::npos ? after : open_end);
    if (open_end == std::string::npos || close == std::string::npos) return "";
    // The content without nested tags (<tspan>).
    std::string content;
    bool in_tag = false;
    for (std::size_t i = open_end + 1; i < close; ++i) {
      char c = svg[i];
      if (c == '<') in_tag = true;
      else if (c == '>') in_tag = false;
      else if (!in_tag) content += c;
    }
    std::string collapsed = text::collapse_whitespace(content);
    for (unsigned char c : collapsed) {
      if (c >= 0x80 || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return collapsed;
    }
    pos = close;
  }
  return "";
}

bool names_a_logo(std::string_view name) {
  std::string n = text::ascii_lower(name);
  return n.find("logo") != std::string::npos || n.find("logga") != std::string::npos;
}

void evaluate(Context& ctx, Reporter& out) {
  const style::ComputedStyles& styles = ctx.aria.computed_styles();
  std::size_t unknown = 0;
  for (const html::Node* e : ctx.doc.elements()) {
    bool image = false;
    std::optional<std::string_view> src;
    if (e->is("img")) {
      image = true;
      src = e->attr("src");
    } else if (e->is("input") && aria::Semantics::input_type(*e) == "image") {
      image = true;
      src = e->attr("src");
    } else if (e->is("object")) {
      auto type = e->attr("type");
      auto data = e->attr("data");
      image = (type && text::istarts_with(text::trim(*type), "image/")) ||
              (data && (text::istarts_with(text::trim(*data), "data:image/") ||
                        [&] {
                          std::string d = text::ascii_lower(text::trim(*data));
                          d = d.substr(0, d.find_first_of("?#"));
                          for (std::string_view ext : {".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg", ".avif"}) {
                            if (d.ends_with(ext)) return true;
                          }
                          return false;
                        }()));
      src = data;
    } else if (e->ns() == html::Namespace::Svg && e->tag() == "image") {
      image = true;
      src = e->has_attr("href") ? e->attr("href") : e->attr("xlink:href");
    } else if (e->is_element() && e->ns() == html::Namespace::Html) {
      image = styles.of(*e).background_image.value_or(false);
    }
    if (!image || ctx.aria.hidden(*e) == aria::Tristate::Yes) continue;
    std::string letters = src ? svg_text(svg_of_data_url(*src)) : std::string();
    if (letters.empty()) {
      ++unknown;
      continue;
    }
    std::string shown = text::truncate_utf8(letters, 60);
    std::string name = ctx.aria.name(*e).text;
    auto alt = e->attr("alt");
    if (names_a_logo(name) || (alt && names_a_logo(*alt))) {
      out.cant_tell(e, kLogo, {shown});
    } else {
      out.failed(e, kTextInSvg, {shown});
    }
  }
  if (unknown == 1) out.cant_tell(nullptr, kCheckImage);
  if (unknown > 1) out.cant_tell(nullptr, kCheckImages, {std::to_string(unknown)});
}

const RuleRegistration kRegistration(kInfo, evaluate);

}  // namespace
}  // namespace granska::checks
