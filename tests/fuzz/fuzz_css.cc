// libFuzzer target: the CSS parser (style sheets, declaration lists, media queries,
// colours, var() substitution) of the style module.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "style/media.h"
#include "style/sheet.h"
#include "style/values.h"
#include "style/variables.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace granska::style;
  std::string_view css(reinterpret_cast<const char*>(data), size);
  Sheet sheet = parse_stylesheet(css);
  (void)sheet;
  std::vector<Declaration> decls;
  parse_declaration_list(css, decls);
  (void)media_matches(css, Environment{});
  (void)parse_color(css);
  bool unknown = false;
  CustomValue self{CustomValue::State::Ok, std::string(css)};
  (void)substitute(css, [&](std::string_view) -> const CustomValue* { return &self; }, unknown);
  return 0;
}
