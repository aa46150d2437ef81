#include "reports/formats.h"

#include <array>
#include <sstream>

#include "reports/common/terminal_escape.h"
#include "reports/page/result_page.h"

namespace granska::reports {

namespace {

void text_pages(std::ostream& out, std::span<const PageReport> pages, const Options& o) {
  for (const PageReport& p : pages) {
    write_text(out, p, o);
    if (p.media && o.media_table) write_media_text(out, *p.media, o);
  }
}
void json_pages(std::ostream& out, std::span<const PageReport> pages, const Options& o) {
  for (const PageReport& p : pages) write_json(out, p, o);
}
void sarif_pages(std::ostream& out, std::span<const PageReport> pages, const Options& o) { write_sarif(out, pages, o); }
void junit_pages(std::ostream& out, std::span<const PageReport> pages, const Options& o) { write_junit(out, pages, o); }
void earl_pages(std::ostream& out, std::span<const PageReport> pages, const Options& o) { write_earl(out, pages, o); }
void html_pages(std::ostream& out, std::span<const PageReport> pages, const Options& o) { write_html(out, pages, o); }

void html_review(std::ostream& out, const AcceptanceReport& r, std::span<const PageReport>, const Options& o) {
  write_acceptance_html(out, r, o);
}
void json_review(std::ostream& out, const AcceptanceReport& r, std::span<const PageReport>, const Options& o) {
  write_acceptance_json(out, r, o);
}
void text_review(std::ostream& out, const AcceptanceReport& r, std::span<const PageReport>, const Options& o) {
  if (!o.terminal) {
    write_acceptance_text(out, r, o);
    return;
  }
  // Page text on a terminal: escaped line by line.
  std::ostringstream text;
  write_acceptance_text(text, r, o);
  std::istringstream lines(text.str());
  for (std::string line; std::getline(lines, line);) out << escape_for_terminal(line) << '\n';
}
// The CI formats of a review are those of its pages (accepted failures as Options::suppressed).
void sarif_review(std::ostream& out, const AcceptanceReport&, std::span<const PageReport> pages, const Options& o) {
  write_sarif(out, pages, o);
}
void junit_review(std::ostream& out, const AcceptanceReport&, std::span<const PageReport> pages, const Options& o) {
  write_junit(out, pages, o);
}
void earl_review(std::ostream& out, const AcceptanceReport&, std::span<const PageReport> pages, const Options& o) {
  write_earl(out, pages, o);
}

const std::array<Format, 6> kFormats{{
    {"text", "granska.txt", text_pages, text_review},
    {"json", "granska.json", json_pages, json_review},
    {"sarif", "granska.sarif", sarif_pages, sarif_review},
    {"junit", "granska.junit.xml", junit_pages, junit_review},
    {"earl", "granska.earl.jsonld", earl_pages, earl_review},
    {"html", "granska.html", html_pages, html_review},
}};

}  // namespace

std::span<const Format> formats() { return kFormats; }

const Format* find_format(std::string_view name) {
  for (const Format& f : kFormats) {
    if (f.name == name) return &f;
  }
  return nullptr;
}

std::vector<std::string> page_format_names() {
  std::vector<std::string> out;
  for (const Format& f : kFormats) {
    if (f.pages) out.emplace_back(f.name);
  }
  return out;
}

std::vector<std::string> acceptance_format_names() {
  std::vector<std::string> out;
  for (const Format& f : kFormats) {
    if (f.acceptance) out.emplace_back(f.name);
  }
  return out;
}

}  // namespace granska::reports
