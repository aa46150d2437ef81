#include "css_generator.h"

#include <random>
#include <vector>

namespace granska::bench {

std::string generate_stylesheet(std::size_t target_bytes, std::uint32_t seed) {
  std::mt19937 rng(seed);
  auto pick = [&](const std::vector<std::string>& v) -> const std::string& { return v[rng() % v.size()]; };
  const std::vector<std::string> components = {"site-header", "menu", "menu-item", "sub-menu", "breadcrumbs", "page",
                                               "block", "cols", "col", "data", "contact", "links", "skip",
                                               "site-footer", "card", "hero", "teaser", "news-list", "button",
                                               "search", "pagination", "accordion", "tabs", "alert"};
  const std::vector<std::string> elements = {"a", "p", "h2", "h3", "ul", "li", "span", "img", "table", "td", "th",
                                             "input", "button", "label", "div", "section"};
  const std::vector<std::string> colors = {"#005aa0", "#1a1a1a", "#ffffff", "#f4f4f4", "#c8102e", "#333",
                                           "rgba(0,0,0,.6)", "hsl(210 50% 40%)", "var(--color-primary)",
                                           "var(--color-text, #222)", "currentColor", "transparent"};
  const std::vector<std::string> props = {
      "margin: 0 auto", "padding: .5rem 1rem", "display: flex", "display: none", "display: block",
      "font-size: 1.125rem", "font-weight: 700", "line-height: 1.5", "letter-spacing: .02em",
      "position: relative", "position: absolute", "top: 0", "left: -9999px", "width: 100%",
      "max-width: 72rem", "gap: 1rem", "border: 1px solid #ddd", "border-radius: 4px",
      "transition: color .2s ease-in-out", "transform: translateY(-2px)", "opacity: .8",
      "box-shadow: 0 2px 4px rgba(0,0,0,.15)", "text-decoration: underline", "overflow: hidden",
      "visibility: hidden", "clip: rect(0 0 0 0)", "font: 400 1rem/1.4 var(--font-sans)",
      "background: var(--color-surface) url(/img/bg.png) no-repeat", "flex: 1 1 0%",
      "grid-template-columns: repeat(auto-fill, minmax(16rem, 1fr))", "-webkit-font-smoothing: antialiased"};
  std::string css;
  css.reserve(target_bytes + 4096);
  css += "@charset \"utf-8\";\n";
  css += "@font-face{font-family:MalmoSans;src:url(/fonts/malmo.woff2) format(\"woff2\");font-display:swap}\n";
  css += ":root{";
  for (int i = 0; i < 60; ++i) css += "--token-" + std::to_string(i) + ":" + pick(colors) + ";";
  css += "--color-primary:#005aa0;--color-text:#1a1a1a;--color-surface:#fff;--font-sans:MalmoSans,Arial,sans-serif}\n";
  css += "*,*::before,*::after{box-sizing:border-box}html{font-size:100%;-webkit-text-size-adjust:100%}"
         "body{margin:0;color:var(--color-text);background:var(--color-surface);font-family:var(--font-sans)}\n";
  css += "@keyframes fade{from{opacity:0}to{opacity:1}}\n";
  const int breakpoints[] = {576, 768, 992, 1200, 1400};
  std::size_t round = 0;
  while (css.size() < target_bytes) {
    ++round;
    const std::string& c = pick(components);
    std::string block;
    block += "." + c + "{" + pick(props) + ";" + pick(props) + ";color:" + pick(colors) + "}\n";
    block += "." + c + "__" + pick(elements) + std::to_string(round % 40) + "{" + pick(props) + "}\n";
    block += "." + c + " " + pick(elements) + "{" + pick(props) + ";" + pick(props) + "}\n";
    block += "." + c + " > ." + pick(components) + ":not(.is-active) " + pick(elements) + "{" + pick(props) + "}\n";
    block += "." + c + ":hover," + "." + c + ":focus-visible{background-color:" + pick(colors) + "}\n";
    block += "." + c + "::after{content:\"\";" + pick(props) + "}\n";
    block += "." + c + "--mod-" + std::to_string(round % 97) + " ." + pick(components) + "{" + pick(props) + "}\n";
    block += "#" + c + "-" + std::to_string(round % 13) + " " + pick(elements) + "{" + pick(props) + "}\n";
    block += "[data-state=\"" + std::to_string(round % 5) + "\"] ." + c + "{" + pick(props) + "}\n";
    // Utilities, Bootstrap-style.
    for (const char* u : {"mt", "mb", "px", "py", "gap"}) {
      block += "." + std::string(u) + "-" + std::to_string(round % 12) + "{margin-top:" +
               std::to_string(round % 12 * 0.25) + "rem!important}\n";
    }
    if (round % 6 == 0) {
      int bp = breakpoints[round / 6 % 5];
      block += "@media (min-width: " + std::to_string(bp) + "px){." + c + "{" + pick(props) + "}." + c + " " +
               pick(elements) + "{" + pick(props) + "}.d-" + std::to_string(bp) + "-none{display:none!important}}\n";
    }
    if (round % 25 == 0) block += "@supports (display:grid){." + c + "{display:grid}}\n";
    if (round % 40 == 0) block += "@media print{." + c + "{display:none}}\n";
    if (round % 30 == 0) block += "." + c + "{&:is(.open){" + pick(props) + "}& ." + pick(components) + "{" + pick(props) + "}}\n";
    css += block;
  }
  return css;
}

}  // namespace granska::bench
