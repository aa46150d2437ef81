// One phase of checking a page, repeated: for counting instructions with callgrind
// (tests/bench/style_cost.sh), which unlike wall-clock time repeats exactly on a busy
// machine. Phases: parse (Gumbo + granska's DOM), ua (the cascade with the browser's
// default style sheet only), cascade (the same plus a 250 KB site theme, already parsed),
// rules-ua / rules (all rules, with or without the theme), rules-only (all rules as
// granska_bench's BM_RulesOnly runs them: a Semantics without sheets), sheet (parsing the
// theme).
#include <cstdio>
#include <cstdlib>
#include <string>

#include "aria/semantics.h"
#include "css_generator.h"
#include "engine/evaluate.h"
#include "page_generator.h"
#include "style/cascade.h"
#include "style/loader.h"

using namespace granska;

int main(int argc, char** argv) {
  if (argc != 4) {
    std::fprintf(stderr, "usage: %s PAGE_KB REPETITIONS PHASE\n", argv[0]);
    return 2;
  }
  const std::size_t kb = static_cast<std::size_t>(std::atoi(argv[1]));
  const int reps = std::atoi(argv[2]);
  const std::string phase = argv[3];
  const std::string page = bench::generate_page(kb * 1024);
  const std::string css = bench::generate_stylesheet(250 * 1024);
  auto doc = html::Document::parse(page);
  style::PageSheets none = style::collect_sheets(*doc, "https://malmo.se/", nullptr, nullptr, {});
  style::PageSheets themed = none;
  style::SheetUse theme;
  theme.sheet = std::make_shared<const style::Sheet>(style::parse_stylesheet(css));
  theme.url = "https://malmo.se/theme.css";
  themed.sheets.insert(themed.sheets.begin(), theme);
  for (int i = 0; i < reps; ++i) {
    if (phase == "parse") {
      auto d = html::Document::parse(page);
    } else if (phase == "ua" || phase == "cascade") {
      style::ComputedStyles s(*doc, phase == "ua" ? none : themed);
    } else if (phase == "rules-ua" || phase == "rules") {
      aria::Semantics sem(*doc, phase == "rules-ua" ? &none : &themed);
      auto ev = engine::evaluate(*doc, sem, "https://malmo.se/", engine::Registry::builtin());
    } else if (phase == "rules-only") {
      auto ev = engine::evaluate(*doc, "https://malmo.se/bench", engine::Registry::builtin());
    } else if (phase == "sheet") {
      auto s = style::parse_stylesheet(css);
    } else {
      std::fprintf(stderr, "unknown phase %s\n", phase.c_str());
      return 2;
    }
  }
  std::printf("%zu elements\n", doc->elements().size());
  return 0;
}
