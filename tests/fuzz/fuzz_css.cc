// libFuzzer target: the CSS parser (style sheets, declaration lists, media queries).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "aria/css.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace granska::aria::css;
  std::string_view css(reinterpret_cast<const char*>(data), size);
  StyleSheet sheet = StyleSheet::parse(css);
  for (const Rule& r : sheet.rules()) (void)winning_declaration(r.declarations, "color");
  std::vector<Declaration> decls;
  parse_declarations(css, decls);
  (void)media_matches(css);
  return 0;
}
