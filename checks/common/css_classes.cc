#include "checks/common/css_classes.h"

#include <string>

#include "util/text.h"

namespace granska::checks {

bool has_visually_hidden_class(const html::Node& e) {
  auto cls = e.attr("class");
  if (!cls) return false;
  std::string c = " " + text::ascii_lower(*cls) + " ";
  for (char& ch : c) {
    if (text::is_html_space(ch)) ch = ' ';
  }
  for (std::string_view k : {" sr-only ", " visually-hidden ", " visuallyhidden ", " screen-reader-text ",
                             " sr-text ", " u-visually-hidden ", " hidden-visually ", " element-invisible ",
                             " sv-visually-hidden ", " assistive-text ", " screenreader ", " screen-reader-only ",
                             " off-screen ", " offscreen ", " visually-hidden-focusable ", " a11y-hidden ",
                             " hide-text ", " invisible-text "}) {
    if (c.find(k) != std::string::npos) return true;
  }
  return false;
}

}  // namespace granska::checks
