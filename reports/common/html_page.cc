#include "reports/common/html_page.h"

#include "reports/common/xml_escape.h"
#include "util/text.h"

namespace granska::reports {

namespace {

// Dark text on white (contrast well above 7:1), links underlined, a thick focus ring that
// does not rely on colour alone, and a print stylesheet that drops navigation and prints
// link targets. The skip link is always visible: no positioned or transformed content, so
// a contrast checker (granska's own) can tell what lies behind every text.
constexpr std::string_view kCss = R"css(
:root{color:#1b1b1b;background:#fff}
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;line-height:1.5;margin:0;font-size:1rem}
.skip{display:inline-block;margin:.5rem 1.25rem 0;padding:.25rem .5rem}
header,nav,main,footer{padding:0 1.25rem;max-width:80rem;margin:0 auto}
header{border-bottom:4px solid #0b3d91;padding-top:.75rem;padding-bottom:.5rem}
header p{margin:0;font-weight:600}
nav ul{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.25rem 1.25rem}
a{color:#0b3d91;text-decoration:underline}
a:visited{color:#5a2d82}
a:focus,a:focus-visible{outline:3px solid #1b1b1b;outline-offset:2px;background:#fff3bf;color:#1b1b1b}
h1{font-size:1.9rem;line-height:1.2}
h2{font-size:1.45rem;margin-top:2.25rem;border-bottom:1px solid #6b6b6b}
h3{font-size:1.2rem;margin-top:1.75rem}
h4{font-size:1.05rem;margin-top:1.25rem}
table{border-collapse:collapse;margin:.5rem 0 1.25rem;font-size:.95rem}
caption{text-align:left;font-weight:600;padding:.25rem 0}
th,td{border:1px solid #6b6b6b;padding:.3rem .5rem;text-align:left;vertical-align:top}
thead th{background:#e8eef7}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
code{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.9em;word-break:break-all;white-space:pre-wrap}
.status-satisfactory{font-weight:600}
.status-partial{font-weight:600}
.status-unsatisfactory{font-weight:700}
.chart{max-width:40rem;height:auto;display:block}
footer{border-top:1px solid #6b6b6b;margin-top:2rem;padding-top:.5rem;padding-bottom:1rem;font-size:.9rem}
@media print{
  .skip,nav{display:none}
  body{font-size:10pt}
  header,main,footer{max-width:none;padding:0}
  a{color:#000}
  a[href^="http"]::after{content:" (" attr(href) ")";font-size:.85em;word-break:break-all}
  h2,h3,h4{break-after:avoid}
  tr{break-inside:avoid}
  thead{display:table-header-group}
}
)css";

}  // namespace

std::string html_text(std::string_view untrusted) {
  // Runs of printable ASCII other than & < > " ' are copied as they are (most of a URL or a
  // selector); everything between them goes through escape_xml. A printable ASCII byte is
  // never part of a UTF-8 sequence, so cutting there changes nothing escape_xml decides.
  auto safe = [](char ch) {
    const auto c = static_cast<unsigned char>(ch);
    return c >= 0x20 && c < 0x7F && c != '&' && c != '<' && c != '>' && c != '"' && c != '\'';
  };
  std::string out;
  out.reserve(untrusted.size() + untrusted.size() / 8);
  for (std::size_t i = 0; i < untrusted.size();) {
    std::size_t j = i;
    while (j < untrusted.size() && safe(untrusted[j])) ++j;
    out.append(untrusted, i, j - i);
    i = j;
    while (j < untrusted.size() && !safe(untrusted[j])) ++j;
    if (j > i) out += escape_xml(untrusted.substr(i, j - i), true);
    i = j;
  }
  return out;
}

bool is_http_url(std::string_view url) {
  return text::istarts_with(url, "http://") || text::istarts_with(url, "https://");
}

std::string html_link(std::string_view url, std::string_view label) {
  if (!is_http_url(url)) return html_text(label);
  return "<a href=\"" + html_text(url) + "\">" + html_text(label) + "</a>";
}

void write_html_page_start(std::ostream& out, const HtmlPageHead& head, std::string_view extra_css) {
  const bool en = head.lang == Lang::En;
  out << "<!DOCTYPE html>\n<html lang=\"" << (en ? "en" : "sv") << "\">\n<head>\n<meta charset=\"utf-8\">\n"
      << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      << "<title>" << html_text(head.title) << "</title>\n<style>" << kCss << extra_css << "</style>\n</head>\n<body>\n"
      << "<a class=\"skip\" href=\"#main\">" << (en ? "Skip to content" : "Hoppa till innehållet") << "</a>\n"
      << "<header>\n<p>granska – " << (en ? "accessibility review" : "tillgänglighetsgranskning") << "</p>\n</header>\n";
  if (!head.nav_html.empty()) {
    out << "<nav aria-label=\"" << html_text(head.nav_label) << "\">\n<ul>\n" << head.nav_html << "</ul>\n</nav>\n";
  }
  out << "<main id=\"main\" tabindex=\"-1\">\n";
}

void write_html_page_end(std::ostream& out, std::string_view footer_text) {
  out << "</main>\n<footer>\n<p>" << html_text(footer_text) << "</p>\n</footer>\n</body>\n</html>\n";
}

}  // namespace granska::reports
