// A small kit for accessible, self-contained HTML report pages: escaping of untrusted text,
// links that are only made for http(s) URLs, and the page shell (lang, skip link,
// landmarks, embedded CSS with visible focus, good contrast and a print stylesheet).
// Used by the scan report (reports/scan/scan_report_html.cc) and the acceptance report
// (reports/acceptance/acceptance_html_writer.cc).
#pragma once

#include <ostream>
#include <string>
#include <string_view>

#include "util/lang.h"

namespace granska::reports {

// Untrusted text for HTML element content or a double-quoted attribute value: & < > " '
// as entities, newlines and tabs as character references (so a value never spans lines),
// invalid UTF-8 and forbidden control characters as U+FFFD.
std::string html_text(std::string_view untrusted);

// Whether `url` is an absolute http: or https: URL (case-insensitive scheme). Only such
// URLs become href values; anything else (javascript:, data:, relative) is shown as text.
bool is_http_url(std::string_view url);

// <a href="url">text</a> when `url` is http(s), otherwise the escaped text alone.
std::string html_link(std::string_view url, std::string_view text);

struct HtmlPageHead {
  Lang lang = Lang::Sv;
  std::string_view title;      // plain text; escaped here
  std::string_view nav_html;   // trusted markup of the <nav> list items ("" = no nav)
  std::string_view nav_label;  // the nav's accessible name
};

// Writes "<!DOCTYPE html> … <header>…</header><nav>…</nav><main id="main">". The caller
// writes the page's single <h1> first thing inside main, then the content. `extra_css`
// (trusted) is this page's own CSS, appended to the shared stylesheet. (A parameter rather
// than a HtmlPageHead member: callers brace-initialise the head positionally.)
void write_html_page_start(std::ostream& out, const HtmlPageHead& head, std::string_view extra_css = {});
// A table in its own scroll container, so that a wide table scrolls by itself and never
// the page: the container is focusable (keyboard users can scroll it) and named by the
// table's caption. `id` (trusted, unique in the page) names the table; `caption` is plain
// text; `table_class` (trusted) classes for the table ("matrix": compact cells; "wide": at
// least 40rem, so that at 320 px it scrolls rather than squeezing every cell). The caller
// writes the rows, then write_table_end.
void write_table_start(std::ostream& out, std::string_view id, std::string_view caption,
                       std::string_view table_class = {});
void write_table_end(std::ostream& out);

// Closes main and writes a footer with `footer_text` (plain text, escaped).
void write_html_page_end(std::ostream& out, std::string_view footer_text);

}  // namespace granska::reports
