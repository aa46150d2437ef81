// libFuzzer target: bytes as an HTML page through decoding, parsing, every rule and every
// page report writer (text, JSON, SARIF, JUnit, EARL). Any crash, hang or sanitizer report
// is a bug; see scripts/fuzz.sh.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>

#include "engine/evaluate.h"
#include "html/charset.h"
#include "html/dom.h"
#include "reports/page/report.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace granska;
  std::string bytes(reinterpret_cast<const char*>(data), size);
  html::Decoded decoded = html::decode_to_utf8(bytes, "text/html");
  auto doc = html::Document::parse(decoded.text);
  engine::PageEvaluation ev = engine::evaluate(*doc, "https://example.se/fuzz", engine::Registry::builtin());
  input::Page page;
  page.url = "https://example.se/fuzz";
  page.decoded = std::move(decoded);
  reports::PageReport report{page, ev};
  reports::Options options;
  options.show_passed = true;
  std::ostringstream out;
  reports::write_text(out, report, options);
  reports::write_json(out, report, options);
  reports::write_sarif(out, report, options);
  reports::write_junit(out, report, options);
  reports::write_earl(out, std::span<const reports::PageReport>(&report, 1), options);
  return 0;
}
