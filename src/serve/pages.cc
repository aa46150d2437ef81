#include "serve/pages.h"

#include <sstream>

#include "fetch/fetch.h"
#include "granska_version.h"
#include "reports/common/html_page.h"

namespace granska::serve {

namespace {

using reports::html_text;

// The form's own CSS on top of the shared stylesheet: full-width fields that wrap at
// 320 px, a visible focus ring on every control, error text told by words and a border,
// not by colour alone.
constexpr std::string_view kFormCss = R"css(
h1{overflow-wrap:break-word}
@media (max-width:30rem){h1{font-size:1.5rem}h2{font-size:1.25rem}}
.intro{max-width:48rem}
.ways{display:grid;gap:1.25rem;grid-template-columns:repeat(auto-fit,minmax(16rem,1fr));margin:1rem 0}
.way{border:1px solid #6b6b6b;padding:0 1rem 1rem}
.way h2{margin-top:1rem}
label{display:block;font-weight:600;margin:.5rem 0 .25rem}
.hint{margin:.25rem 0 .5rem;font-size:.95rem}
input[type=text],textarea{box-sizing:border-box;width:100%;font:inherit;padding:.4rem;border:2px solid #1b1b1b;border-radius:.2rem;background:#fff;color:#1b1b1b}
textarea{min-height:8rem;font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.9rem}
input[type=file]{font:inherit;max-width:100%}
input:focus,textarea:focus,input:focus-visible,textarea:focus-visible{outline:3px solid #1b1b1b;outline-offset:2px}
[aria-invalid=true]{border-color:#a61b1b;border-width:3px}
button{font:inherit;font-weight:600;margin-top:.75rem;padding:.45rem 1rem;border:2px solid #0b3d91;background:#0b3d91;color:#fff;border-radius:.25rem;cursor:pointer}
button:focus,button:focus-visible{outline:3px solid #1b1b1b;outline-offset:2px}
.error{border:3px solid #a61b1b;background:#fde8e8;padding:.25rem 1rem;margin:1rem 0}
.error h2{margin-top:.5rem;border:0}
.error p{overflow-wrap:anywhere}
)css";

std::string nav(const PageLinks& links, Lang lang) {
  const bool sv = lang == Lang::Sv;
  std::string out = "<li><a href=\"" + html_text(links.home) + "\">" + (sv ? "Granska en sida" : "Check a page") + "</a></li>\n";
  if (!links.lang_switch.empty()) {
    out += sv ? "<li><a href=\"" + html_text(links.lang_switch) + "\" lang=\"en\" hreflang=\"en\">In English</a></li>\n"
              : "<li><a href=\"" + html_text(links.lang_switch) + "\" lang=\"sv\" hreflang=\"sv\">På svenska</a></li>\n";
  }
  return out;
}

std::string footer(Lang lang) {
  return std::string("granska ") + kVersion +
         (lang == Lang::Sv ? " · WCAG 2.1 och EN 301 549 · Malmö stad" : " · WCAG 2.1 and EN 301 549 · City of Malmö");
}

// The attributes of a field that may carry the error.
std::string field_attrs(const FormState& s, std::string_view field, std::string_view hint_id) {
  std::string describedby(hint_id);
  std::string out;
  if (!s.error.empty() && s.error_field == field) {
    describedby = "fel " + describedby;
    out += " aria-invalid=\"true\"";
  }
  return out + " aria-describedby=\"" + describedby + "\"";
}

std::string hidden_lang(Lang lang) {
  return std::string("<input type=\"hidden\" name=\"lang\" value=\"") + (lang == Lang::En ? "en" : "sv") + "\">\n";
}

}  // namespace

std::string form_page(const FormState& s, const PageLinks& links, Lang lang) {
  const bool sv = lang == Lang::Sv;
  const std::string title = sv ? "Granska en webbsida" : "Check a web page";
  std::ostringstream out;
  const std::string nav_html = nav(links, lang);
  reports::write_html_page_start(out, reports::HtmlPageHead{lang, title, nav_html, sv ? "Webbplatsen" : "This site"}, kFormCss);
  out << "<h1>" << html_text(title) << "</h1>\n<p class=\"intro\">"
      << (sv ? "Se om en sida följer kraven i WCAG 2.1 på nivå A och AA, som EN 301 549 och lagen om tillgänglighet till "
               "digital offentlig service ställer. Du får veta vad som är fel, var på sidan det är och hur du rättar det."
             : "See whether a page meets WCAG 2.1 levels A and AA, as EN 301 549 and the Swedish law on accessible public "
               "digital services require. You learn what is wrong, where on the page it is and how to fix it.")
      << "</p>\n";
  if (!s.error.empty()) {
    const std::string target = s.error_field.empty() ? "url" : s.error_field;
    out << "<div class=\"error\" id=\"fel\">\n<h2>" << (sv ? "Det gick inte att granska" : "The check could not be made")
        << "</h2>\n<p>" << html_text(s.error) << "</p>\n<p><a href=\"#" << html_text(target) << "\">"
        << (sv ? "Till fältet" : "Go to the field") << "</a></p>\n</div>\n";
  }
  const std::string size = fetch::format_size(s.max_bytes);
  out << "<div class=\"ways\">\n";

  // 1. A published page.
  out << "<section class=\"way\" aria-labelledby=\"rubrik-adress\">\n<h2 id=\"rubrik-adress\">"
      << (sv ? "En publicerad sida" : "A published page") << "</h2>\n<form method=\"post\" action=\"/granska\">\n"
      << hidden_lang(lang) << "<label for=\"url\">" << (sv ? "Sidans adress" : "The page's address") << "</label>\n<p class=\"hint\" id=\"url-tips\">";
  if (s.any_host) {
    out << (sv ? "Till exempel https://malmo.se/sida." : "For example https://malmo.se/page.");
  } else if (s.allowed_hosts.empty()) {
    out << (sv ? "Den här installationen granskar inga adresser: klistra in koden eller ladda upp en fil i stället."
               : "This installation checks no addresses: paste the code or upload a file instead.");
  } else {
    out << (sv ? "Sidor på " : "Pages on ");
    for (std::size_t i = 0; i < s.allowed_hosts.size(); ++i) {
      out << (i == 0 ? "" : i + 1 == s.allowed_hosts.size() ? (sv ? " och " : " and ") : ", ") << html_text(s.allowed_hosts[i]);
    }
    out << (sv ? " (även underdomäner)." : " (subdomains too).");
  }
  out << "</p>\n<input type=\"text\" inputmode=\"url\" id=\"url\" name=\"url\" autocomplete=\"url\" spellcheck=\"false\" value=\""
      << html_text(s.url) << "\"" << field_attrs(s, "url", "url-tips") << ">\n<button type=\"submit\">"
      << (sv ? "Granska sidan" : "Check the page") << "</button>\n</form>\n</section>\n";

  // 2. Pasted HTML.
  out << "<section class=\"way\" aria-labelledby=\"rubrik-kod\">\n<h2 id=\"rubrik-kod\">" << (sv ? "HTML-kod" : "HTML code")
      << "</h2>\n<form method=\"post\" action=\"/granska\">\n" << hidden_lang(lang) << "<label for=\"html\">"
      << (sv ? "Klistra in sidans kod" : "Paste the page's code") << "</label>\n<p class=\"hint\" id=\"html-tips\">"
      << (sv ? "Till exempel en sida som inte är publicerad än. Högst " : "For example a page not yet published. At most ")
      << size << ".</p>\n<textarea id=\"html\" name=\"html\" spellcheck=\"false\"" << field_attrs(s, "html", "html-tips") << ">"
      << html_text(s.html) << "</textarea>\n<button type=\"submit\">" << (sv ? "Granska koden" : "Check the code")
      << "</button>\n</form>\n</section>\n";

  // 3. An uploaded file.
  out << "<section class=\"way\" aria-labelledby=\"rubrik-fil\">\n<h2 id=\"rubrik-fil\">" << (sv ? "En fil" : "A file")
      << "</h2>\n<form method=\"post\" action=\"/granska\" enctype=\"multipart/form-data\">\n" << hidden_lang(lang)
      << "<label for=\"file\">" << (sv ? "Välj en fil" : "Choose a file") << "</label>\n<p class=\"hint\" id=\"file-tips\">"
      << (sv ? "En HTML-sida, eller ett dokument: PDF, Word, Excel eller PowerPoint. Högst "
             : "An HTML page, or a document: PDF, Word, Excel or PowerPoint. At most ")
      << size << ".</p>\n<input type=\"file\" id=\"file\" name=\"file\" accept=\".html,.htm,.xhtml,.pdf,.docx,.xlsx,.pptx,.doc,.xls,.ppt\""
      << field_attrs(s, "file", "file-tips") << ">\n<button type=\"submit\">" << (sv ? "Granska filen" : "Check the file")
      << "</button>\n</form>\n</section>\n</div>\n";

  out << "<section aria-labelledby=\"rubrik-bra\">\n<h2 id=\"rubrik-bra\">" << (sv ? "Bra att veta" : "Good to know")
      << "</h2>\n<ul>\n<li>"
      << (sv ? "Resultatet får en permanent länk som du kan skicka till en kollega eller leverantör. Det sparas i "
             : "The result gets a permanent link you can send to a colleague or supplier. It is kept for ")
      << s.keep_days << (sv ? " dagar." : " days.") << "</li>\n<li>"
      << (sv ? "Har du rättat sidan? Öppna resultatet och välj Granska igen, så ser du vad som har ändrats."
             : "Fixed the page? Open the result and choose Check again to see what has changed.")
      << "</li>\n<li>"
      << (sv ? "Automatisk granskning hittar inte alla brister. Det som kräver manuell granskning behöver en människa."
             : "Automated checks do not find every problem. What needs manual review needs a person.")
      << "</li>\n<li>"
      << (sv ? "Uppladdade filer och inklistrad kod sparas aldrig, bara resultatet."
             : "Uploaded files and pasted code are never stored, only the result.")
      << "</li>\n<li>"
      << (sv ? "Dokument granskas mot EN 301 549 kapitel 10, webbsidor mot kapitel 9 (WCAG 2.1)."
             : "Documents are checked against EN 301 549 clause 10, web pages against clause 9 (WCAG 2.1).")
      << "</li>\n</ul>\n</section>\n";
  reports::write_html_page_end(out, footer(lang));
  return out.str();
}

std::string message_page(const std::string& heading, const std::string& message, const PageLinks& links, Lang lang) {
  const bool sv = lang == Lang::Sv;
  std::ostringstream out;
  const std::string nav_html = nav(links, lang);
  reports::write_html_page_start(out, reports::HtmlPageHead{lang, heading, nav_html, sv ? "Webbplatsen" : "This site"}, kFormCss);
  out << "<h1>" << html_text(heading) << "</h1>\n<p>" << html_text(message) << "</p>\n<p><a href=\"" << html_text(links.home)
      << "\">" << (sv ? "Till formuläret" : "Back to the form") << "</a></p>\n";
  reports::write_html_page_end(out, footer(lang));
  return out.str();
}

}  // namespace granska::serve
