// The browser's default style sheet: the user-agent origin of the cascade.
//
// The rules are those of the HTML standard's rendering section (§15.3–15.5), limited to
// the properties granska computes. Where the standard leaves a value to the browser (form
// controls' fonts and system colours), the values are Chromium's, the engine most
// visitors use; the decision record says so. Deliberately absent: <noscript> (its content
// is text to a browser that runs scripts; aria/hidden.cc decides it, as it does for
// closed <details> content, which browsers hide through a slot rather than through the
// children's display).
#include "style/ua_sheet.h"

namespace granska::style {

namespace {

constexpr std::string_view kHtml = R"css(
/* §15.3.1 Hidden elements */
area, base, basefont, datalist, head, link, meta, noembed, noframes, param, rp, script, style,
template, title { display: none; }
[hidden]:not([hidden=until-found i]):not(embed) { display: none; }
[hidden=until-found i]:not(embed) { content-visibility: hidden; }
embed[hidden] { display: inline; height: 0; width: 0; }
input[type=hidden i] { display: none !important; }
[popover]:not(:popover-open):not(dialog[open]) { display: none; }

/* §15.3.2 The page */
html, body { display: block; }

/* §15.3.3 Flow content */
address, blockquote, center, dialog, div, figure, figcaption, footer, form, header, hr, legend,
listing, main, p, plaintext, pre, search, xmp { display: block; }
dialog:not([open]) { display: none; }
dialog { position: absolute; left: 0; right: 0; background-color: Canvas; color: CanvasText; }
slot { display: contents; }
address { font-style: italic; }
listing, plaintext, pre, xmp { font-family: monospace; }

/* §15.3.4 Phrasing content */
b, strong { font-weight: bolder; }
code, kbd, samp, tt { font-family: monospace; }
big { font-size: larger; }
small { font-size: smaller; }
sub, sup { line-height: normal; font-size: smaller; }
ruby { display: ruby; }
rt { display: ruby-text; font-size: 50%; }
:link { color: LinkText; }
:visited { color: VisitedText; }
mark { background-color: Mark; color: MarkText; }

/* §15.3.6 Sections and headings */
article, aside, h1, h2, h3, h4, h5, h6, hgroup, nav, section { display: block; }
h1 { font-size: 2.00em; font-weight: bold; }
h2 { font-size: 1.50em; font-weight: bold; }
h3 { font-size: 1.17em; font-weight: bold; }
h4 { font-size: 1.00em; font-weight: bold; }
h5 { font-size: 0.83em; font-weight: bold; }
h6 { font-size: 0.67em; font-weight: bold; }

/* §15.3.7 Lists */
dir, dd, dl, dt, menu, ol, ul { display: block; }
li { display: list-item; }

/* §15.3.8 Tables */
table { display: table; text-indent: initial; }
caption { display: table-caption; }
colgroup, colgroup[hidden] { display: table-column-group; }
col, col[hidden] { display: table-column; }
thead, thead[hidden] { display: table-header-group; }
tbody, tbody[hidden] { display: table-row-group; }
tfoot, tfoot[hidden] { display: table-footer-group; }
tr, tr[hidden] { display: table-row; }
td, th { display: table-cell; }
colgroup[hidden], col[hidden], thead[hidden], tbody[hidden], tfoot[hidden], tr[hidden] { visibility: collapse; }
th { font-weight: bold; }

/* §15.3.10 Form controls (fonts and colours as Chromium draws them) */
input, select, button, textarea {
  letter-spacing: initial; word-spacing: initial; line-height: initial; text-indent: initial;
  text-shadow: initial; font-size: 13.333333px; font-weight: normal; color: FieldText;
}
input, button, select, textarea, meter, progress, marquee { display: inline-block; }
input, textarea { background-color: Field; }
input:is([type=checkbox i], [type=radio i], [type=image i], [type=file i]) {
  background-color: initial;
}
input[type=range i] { color: #9d968e; }
button, select, input:is([type=button i], [type=submit i], [type=reset i], [type=color i]) {
  background-color: ButtonFace; color: ButtonText;
}
textarea { font-family: monospace; }
input:disabled, textarea:disabled { color: rgb(84, 84, 84); background-color: rgba(239, 239, 239, 0.3); }
input:is([type=checkbox i], [type=radio i], [type=file i]):disabled { background-color: initial; }
button:disabled, input:is([type=button i], [type=submit i], [type=reset i]):disabled {
  color: rgba(16, 16, 16, 0.3); background-color: rgba(239, 239, 239, 0.3);
}
select:disabled, option:disabled { color: GrayText; }
optgroup { display: block; font-weight: bold; }
option { display: block; font-weight: normal; }

/* §15.3.11 hr, §15.3.12 fieldset and legend */
hr { color: gray; }
fieldset { display: block; }

/* §15.5 details and summary */
details, summary { display: block; }
details > summary:first-of-type { display: list-item; }

/* §15.4 Embedded content */
audio:not([controls]) { display: none !important; }
math { display: math; }
)css";

// Quirks mode (a page without a doctype): tables reset the inherited font (§15.3.8).
constexpr std::string_view kQuirks = R"css(
table { font-weight: initial; font-size: initial; line-height: initial; }
)css";

}  // namespace

const Sheet& user_agent_sheet() {
  static const Sheet sheet = parse_stylesheet(kHtml);
  return sheet;
}

const Sheet& quirks_sheet() {
  static const Sheet sheet = parse_stylesheet(kQuirks);
  return sheet;
}

}  // namespace granska::style
