#include "page_generator.h"

#include <array>

namespace granska::bench {

namespace {

class Rng {
 public:
  explicit Rng(std::uint32_t seed) : s_(seed * 2654435761u + 1) {}
  std::uint32_t next() {
    s_ ^= s_ << 13;
    s_ ^= s_ >> 17;
    s_ ^= s_ << 5;
    return s_;
  }
  std::size_t below(std::size_t n) { return next() % n; }

 private:
  std::uint32_t s_;
};

constexpr std::array<const char*, 24> kWords{
    "Malmö",    "stad",      "förskola", "bygglov",   "invånare", "ansökan",  "tjänst",   "kommun",
    "trafik",   "parkering", "skola",    "omsorg",    "kultur",   "bibliotek", "idrott",  "nämnd",
    "beslut",   "avgift",    "handläggning", "område", "stadsdel", "service",  "kontakt", "information"};

std::string sentence(Rng& r, std::size_t words) {
  std::string s;
  for (std::size_t i = 0; i < words; ++i) {
    if (i) s += ' ';
    s += kWords[r.below(kWords.size())];
  }
  s[0] = static_cast<char>(s[0] >= 'a' && s[0] <= 'z' ? s[0] - 32 : s[0]);
  return s + ".";
}

// Where a link goes: in a consistent site every link leads to one of its pages (the menu,
// footer and breadcrumbs the same on every page); otherwise to addresses the generated site
// does not have, as the per-page benchmarks never follow them.
struct Links {
  std::size_t pages = 0;
  bool consistent = false;
  std::string page(std::size_t n) const { return "/p" + std::to_string(n % pages) + ".html"; }
  std::string or_page(const std::string& loose, std::size_t n) const { return consistent ? page(n) : loose; }
};

// `r` draws the page's own text; `t` the template's (menu and footer): the page's generator
// too unless the site is consistent.
void header(std::string& out, Rng& r, Rng& t, const Links& l) {
  out += "<!DOCTYPE html>\n<html lang=\"sv\">\n<head>\n<meta charset=\"utf-8\">\n"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
         "<title>" + sentence(r, 4) + " – Malmö stad</title>\n"
         "<link rel=\"stylesheet\" href=\"/css/main.css\">\n"
         "<style>.visually-hidden{position:absolute;clip:rect(0 0 0 0)} .js-hide{display:none}</style>\n"
         "<script src=\"/js/app.js\" defer></script>\n</head>\n<body class=\"page\">\n"
         "<a class=\"skip\" href=\"#main\">Till innehållet</a>\n"
         "<header class=\"site-header\">\n<a href=\"/\"><img src=\"/logo.svg\" alt=\"Malmö stad\"></a>\n"
         "<form role=\"search\" action=\"/sok\"><label for=\"q\">Sök</label><input id=\"q\" name=\"q\" type=\"search\">"
         "<button type=\"submit\">Sök</button></form>\n<nav aria-label=\"Huvudmeny\">\n<ul class=\"menu\">\n";
  for (int i = 0; i < 12; ++i) {
    out += "<li class=\"menu-item\"><a href=\"" + l.or_page("/omrade-" + std::to_string(i), i) + "\">" +
           kWords[t.below(kWords.size())] + "</a>\n<ul class=\"sub-menu\">\n";
    for (int j = 0; j < 8; ++j) {
      out += "<li><a href=\"" + l.or_page("/omrade-" + std::to_string(i) + "/sida-" + std::to_string(j), 12 + i * 8 + j) +
             "\">" + sentence(t, 2 + t.below(3)) + "</a></li>\n";
    }
    out += "</ul></li>\n";
  }
  out += "</ul>\n</nav>\n</header>\n<nav aria-label=\"Brödsmulor\" class=\"breadcrumbs\"><ol>"
         "<li><a href=\"/\">Start</a></li><li><a href=\"" + l.or_page("/omrade-1", 1) +
         "\">Område</a></li><li aria-current=\"page\">Sida</li>"
         "</ol></nav>\n<main id=\"main\">\n<article>\n<h1>" + sentence(r, 5) + "</h1>\n";
}

void section(std::string& out, Rng& r, int n, const Links& l) {
  out += "<section class=\"block\">\n<h2 id=\"avsnitt-" + std::to_string(n) + "\">" + sentence(r, 4) + "</h2>\n";
  for (std::size_t p = 0, count = 2 + r.below(3); p < count; ++p) {
    out += "<p>" + sentence(r, 12 + r.below(20)) + " <a href=\"" +
           (l.consistent ? l.page(r.below(l.pages)) : "/info/" + std::to_string(r.below(1000))) + "\">" +
           sentence(r, 3) + "</a> " + sentence(r, 10 + r.below(10)) + "</p>\n";
  }
  switch (r.below(5)) {
    case 0:
      out += "<figure><img src=\"/bilder/" + std::to_string(n) + ".jpg\" alt=\"" + sentence(r, 6) +
             "\" width=\"800\" height=\"450\"><figcaption>" + sentence(r, 8) + "</figcaption></figure>\n";
      break;
    case 1:
      out += "<img src=\"/bilder/dekor-" + std::to_string(n) + ".png\" alt=\"\">\n"
             "<img src=\"/bilder/saknar-alt-" + std::to_string(n) + ".png\">\n";
      break;
    case 2: {
      out += "<table class=\"data\">\n<caption>" + sentence(r, 4) + "</caption>\n<thead><tr><th scope=\"col\">Område</th>"
             "<th scope=\"col\">Antal</th><th scope=\"col\">Avgift</th></tr></thead>\n<tbody>\n";
      for (int row = 0; row < 8; ++row) {
        out += "<tr><th scope=\"row\">" + std::string(kWords[r.below(kWords.size())]) + "</th><td>" +
               std::to_string(r.below(10000)) + "</td><td>" + std::to_string(r.below(900)) + " kr</td></tr>\n";
      }
      out += "</tbody>\n</table>\n";
      break;
    }
    case 3:
      out += "<form class=\"contact\" action=\"/skicka\" method=\"post\">\n<fieldset><legend>" + sentence(r, 3) +
             "</legend>\n<label for=\"namn-" + std::to_string(n) + "\">Namn</label><input id=\"namn-" + std::to_string(n) +
             "\" name=\"namn\" autocomplete=\"name\" required>\n<label>E-post <input type=\"email\" name=\"epost\" "
             "autocomplete=\"email\"></label>\n<input type=\"text\" name=\"telefon\" placeholder=\"Telefon\">\n"
             "<select name=\"stadsdel\"><option>Centrum</option><option>Limhamn</option><option>Rosengård</option></select>\n"
             "<textarea name=\"meddelande\" rows=\"4\"></textarea>\n<button type=\"submit\">Skicka</button>\n</fieldset>\n</form>\n";
      break;
    default:
      out += "<ul class=\"links\">\n";
      for (int i = 0; i < 6; ++i) {
        const std::string text = sentence(r, 4);  // drawn first, as the pages measured before drew it
        const std::string to = l.consistent ? l.page(r.below(l.pages)) : "/dokument/" + std::to_string(r.below(500)) + ".pdf";
        out += "<li><a href=\"" + to + "\">" + text + " (pdf)</a></li>\n";
      }
      out += "</ul>\n";
  }
  out += "</section>\n";
}

void footer(std::string& out, Rng& t, const Links& l) {
  out += "</article>\n</main>\n<footer class=\"site-footer\">\n<div class=\"cols\">\n";
  for (int c = 0; c < 4; ++c) {
    out += "<div class=\"col\"><h2>" + sentence(t, 2) + "</h2><ul>";
    for (int i = 0; i < 6; ++i) {
      out += "<li><a href=\"" + l.or_page("/fot/" + std::to_string(c * 10 + i), 200 + c * 10 + i) + "\">" +
             sentence(t, 2) + "</a></li>";
    }
    out += "</ul></div>\n";
  }
  out += "</div>\n<p>Malmö stad, 205 80 Malmö. Telefon 040-34 10 00.</p>\n</footer>\n</body>\n</html>\n";
}

}  // namespace

std::string generate_page(std::size_t target_bytes, std::uint32_t seed, std::size_t pages, bool consistent_site) {
  Rng r(seed);
  Rng site(0x5173);  // the consistent site's template: the same menu and footer on every page
  Rng& t = consistent_site && pages > 0 ? site : r;
  const Links l{pages, consistent_site && pages > 0};
  std::string out;
  out.reserve(target_bytes + 4096);
  header(out, r, t, l);
  std::string tail;
  footer(tail, t, l);
  if (l.consistent && seed % 1000 == 0) {  // one page in a thousand links a page that was removed
    out += "<p><a href=\"/borttagen-sida-" + std::to_string(seed) + "\">Gammal sida</a></p>\n";
  }
  for (int n = 1; out.size() + tail.size() < target_bytes; ++n) {
    section(out, r, n, l);
    if (pages > 0) {  // related links into the site, so a crawl finds every page
      out += "<aside class=\"related\"><h2>Relaterat</h2><ul>";
      for (int i = 0; i < 4; ++i) {
        out += "<li><a href=\"/p" + std::to_string(r.below(pages)) + ".html\">" + sentence(r, 3) + "</a></li>";
      }
      out += "</ul></aside>\n";
    }
  }
  return out + tail;
}

std::string generate_site_stylesheet(std::size_t target_bytes, std::uint32_t seed) {
  Rng r(seed);
  static constexpr std::array<const char*, 12> kBlocks{"site-header", "menu", "menu-item", "sub-menu", "breadcrumbs",
                                                       "block", "data", "contact", "links", "site-footer", "cols", "related"};
  static constexpr std::array<const char*, 10> kColours{"#1a1a1a", "#fff", "rgb(0 80 150)", "rgba(0,0,0,.6)",
                                                        "hsl(210 60% 30%)", "#0050961a", "currentColor", "var(--brand)",
                                                        "var(--text, #222)", "transparent"};
  std::string out =
      "@charset \"utf-8\";\n:root{--brand:#00509a;--text:#1a1a1a;--bg:#fff;--muted:#595959;--space:1rem}\n"
      "*,*::before,*::after{box-sizing:border-box}\nhtml{font-size:100%;line-height:1.5}\n"
      "body{margin:0;font-family:\"Malmo Sans\",Arial,sans-serif;color:var(--text);background:var(--bg)}\n"
      ".visually-hidden,.sr-only{position:absolute!important;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);"
      "white-space:nowrap}\n.hidden{display:none!important}\n.skip{position:absolute;left:-9999px}"
      ".skip:focus{left:1rem;top:1rem;background:#fff}\n"
      "a{color:var(--brand)}a:hover,a:focus{text-decoration-thickness:2px}\n"
      "h1{font-size:2.5rem;font-weight:700}h2{font-size:1.75rem}h3{font-size:1.25rem}\n";
  for (int n = 0; out.size() < target_bytes; ++n) {
    const std::string block = kBlocks[r.below(kBlocks.size())];
    const std::string mod = "--v" + std::to_string(n);
    out += "." + block + "__item" + mod + ", ." + block + " > ." + block + "__link" + mod + ":not(.is-active){color:" +
           kColours[r.below(kColours.size())] + ";background-color:" + kColours[r.below(kColours.size())] +
           ";padding:calc(var(--space) / 2) var(--space);font-size:" + std::to_string(12 + r.below(16)) + "px}\n";
    if (n % 7 == 0) {
      out += "@media (max-width:" + std::to_string(480 + r.below(800)) + "px){." + block + "{display:" +
             (r.below(2) ? "block" : "none") + "}." + block + "__item" + mod + "{font-size:1rem}}\n";
    }
    if (n % 23 == 0) out += "@media print{." + block + "{display:none}}\n";
    if (n % 31 == 0) out += "@supports (display:grid){." + block + "{display:grid;grid-template-columns:repeat(4,1fr)}}\n";
    if (n % 13 == 0) out += "." + block + " ." + block + "__icon" + mod + "::before{content:\"\\e90" + std::to_string(n % 10) + "\"}\n";
  }
  return out;
}

}  // namespace granska::bench
