#include "reports/common/html_page.h"

#include "reports/common/xml_escape.h"
#include "util/text.h"

namespace granska::reports {

namespace {

// Dark text on white (contrast well above 7:1), links underlined, a thick focus ring that
// does not rely on colour alone, and a print stylesheet (A4 landscape) that drops
// navigation, prints link targets and lets wide tables show every column. The skip link
// is always visible: no positioned or transformed content, so a contrast checker
// (granska's own) can tell what lies behind every text.
//
// Width: nothing may make the page itself scroll sideways at 320 px (WCAG 1.4.10). Tables
// sit in their own scroll container (.table-scroll, focusable and named by the caption);
// long words, URLs and code wrap anywhere.

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
a:focus,a:focus-visible,.table-scroll:focus,summary:focus{outline:3px solid #1b1b1b;outline-offset:2px}
a:focus,a:focus-visible{background:#fff3bf;color:#1b1b1b}
h1{font-size:1.9rem;line-height:1.2}
@media (max-width:30rem){h1{font-size:1.5rem}h2{font-size:1.25rem}}
h2{font-size:1.45rem;margin-top:2.25rem;border-bottom:1px solid #6b6b6b}
h3{font-size:1.2rem;margin-top:1.75rem}
h4{font-size:1.05rem;margin-top:1.25rem}
h1,h2,h3,h4,p,li,td,th,caption,summary,figcaption{overflow-wrap:break-word}
td.url{overflow-wrap:anywhere;min-width:10rem}
.table-scroll{overflow-x:auto;max-width:100%;margin:.5rem 0 1.25rem}
table{border-collapse:collapse;font-size:.95rem}
caption{text-align:left;font-weight:600;padding:.25rem 0}
th,td{border:1px solid #6b6b6b;padding:.3rem .5rem;text-align:left;vertical-align:top}
thead th{background:#e8eef7}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
td.nowrap,th.nowrap{white-space:nowrap}
code{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.9em;word-break:break-all;white-space:pre-wrap}
table.wide{min-width:40rem}
table.overview{min-width:56rem}
table.overview td:last-child{min-width:14rem}
table.matrix td,table.matrix th{padding:.2rem .3rem}
.legend{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.5rem 1.5rem}
.note{border-left:4px solid #0b3d91;padding:.25rem .75rem;background:#f4f6fa}
details{margin:.5rem 0 1rem}
summary{cursor:pointer;font-weight:600}
.chart{max-width:100%;height:auto;display:block}
.multiples{display:flex;flex-wrap:wrap;gap:1rem;list-style:none;padding:0}
.multiples li{flex:0 1 14rem;max-width:100%}
.multiples figure{margin:0}
footer{border-top:1px solid #6b6b6b;margin-top:2rem;padding-top:.5rem;padding-bottom:1rem;font-size:.9rem}
@page{size:A4 landscape;margin:10mm}
@media print{
  .skip,nav{display:none}
  body{font-size:9pt}
  header,main,footer{max-width:none;padding:0}
  a{color:#000}
  a[href^="http"]::after{content:" (" attr(href) ")";font-size:.85em;word-break:break-all}
  h2,h3,h4{break-after:avoid}
  tr{break-inside:avoid}
  thead{display:table-header-group}
  .table-scroll{overflow:visible}
  table{font-size:8pt;width:100%}
  table.wide,table.overview,table.overview td:last-child{min-width:0}
  th,td{padding:.15rem .25rem}
  .multiples li{flex-basis:11rem}
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

void write_table_start(std::ostream& out, std::string_view id, std::string_view caption, std::string_view table_class) {
  out << "<div class=\"table-scroll\" role=\"region\" tabindex=\"0\" aria-labelledby=\"" << html_text(id)
      << "-caption\">\n<table id=\"" << html_text(id) << "\""
      << (table_class.empty() ? std::string() : " class=\"" + html_text(table_class) + "\"") << ">\n<caption id=\""
      << html_text(id) << "-caption\">"
      << html_text(caption) << "</caption>\n";
}

void write_table_end(std::ostream& out) { out << "</table>\n</div>\n"; }

void write_html_page_end(std::ostream& out, std::string_view footer_text) {
  out << "</main>\n<footer>\n<p>" << html_text(footer_text) << "</p>\n</footer>\n</body>\n</html>\n";
}

}  // namespace granska::reports
