#include "results/site_facts.h"

#include <algorithm>
#include <optional>
#include <unordered_set>

#include "results/rows_from_page.h"
#include "url/url.h"
#include "util/text.h"

namespace granska::results {

namespace {

bool contains_any(std::string_view haystack, std::initializer_list<std::string_view> needles) {
  for (std::string_view n : needles) {
    if (haystack.find(n) != std::string_view::npos) return true;
  }
  return false;
}

std::string short_name(std::string_view s) { return text::truncate_utf8(text::collapse_whitespace(s), kMaxName); }

// The page's base URL: the page itself, or its first <base href> resolved against it.
std::optional<url::Url> base_url(const html::Document& doc, std::string_view page_url) {
  Result<url::Url> page = url::Url::parse(page_url);
  if (!page) return std::nullopt;
  url::Url base = *page;
  for (const html::Node* n : doc.elements()) {
    if (!n->is("base")) continue;
    if (auto href = n->attr("href")) {
      if (Result<url::Url> b = page->resolve(*href)) base = *b;
    }
    break;  // only the first <base href> counts
  }
  return base;
}

bool hidden(aria::Semantics& s, const html::Node& n) { return s.hidden_from_at(n) == aria::Tristate::Yes; }

// A navigation block's root and what the page has in it so far.
struct Root {
  const html::Node* node;
  NavBlock block;
};

// The innermost root that contains `n` (roots are in document order, so the last that
// contains it is the innermost), or -1.
int root_of(const std::vector<Root>& roots, const html::Node& n) {
  int found = -1;
  for (std::size_t i = 0; i < roots.size(); ++i) {
    if (roots[i].node->element_index() > n.element_index()) break;
    if (roots[i].node->contains(n)) found = static_cast<int>(i);
  }
  return found;
}

std::string block_key(const std::vector<Root>& roots, int root) {
  if (root < 0) return {};
  const NavBlock& b = roots[static_cast<std::size_t>(root)].block;
  std::string key(to_string(b.kind));
  if (!b.label.empty()) key += ":" + b.label;
  return key;
}

bool is_text_field(const html::Node& n) {
  if (!n.is("input")) return false;
  const std::string_view t = aria::Semantics::input_type(n);
  return t == "search" || t == "text";
}

bool is_submit(const html::Node& n) {
  if (n.is("button")) {
    auto type = n.attr("type");
    return !type || text::iequals(*type, "submit");
  }
  if (n.is("input")) {
    const std::string_view t = aria::Semantics::input_type(n);
    return t == "submit" || t == "image";
  }
  return false;
}

// The icon of a button with no text: what identifies "the same button" across pages.
std::string icon_signature(const html::Node& button, const url::Url* base) {
  auto resolved_path = [&](std::string_view ref) -> std::string {
    if (base) {
      if (Result<url::Url> u = base->resolve(ref)) return std::string(u->path());
    }
    return std::string(ref);
  };
  if (button.is("input")) {
    if (auto src = button.attr("src")) return "img:" + resolved_path(*src);
  }
  for (const html::Node* d : button.descendant_elements()) {
    if (d->is("img")) {
      if (auto src = d->attr("src")) return "img:" + resolved_path(*src);
    }
    if (d->tag() == "use") {
      if (auto href = d->attr("href")) return "use:" + std::string(*href);
      if (auto href = d->attr("xlink:href")) return "use:" + std::string(*href);
    }
  }
  if (auto cls = button.attr("class")) {
    const std::string c = text::collapse_whitespace(*cls);
    if (!c.empty()) return "class:" + c;
  }
  return {};
}

bool is_block_element(const html::Node& n) {
  static constexpr std::string_view kBlocks[] = {
      "p",      "li",     "h1",     "h2",      "h3",         "h4",   "h5",      "h6",     "dt",    "dd",
      "td",     "th",     "caption", "blockquote", "address", "pre",  "figcaption", "div", "section", "article",
      "main",   "header", "footer", "nav",     "ul",         "ol",   "dl",      "table",  "tr",    "form",
      "fieldset", "legend", "aside", "details", "summary",   "body", "hr"};
  if (n.ns() != html::Namespace::Html) return false;
  return std::find(std::begin(kBlocks), std::end(kBlocks), n.tag()) != std::end(kBlocks);
}

bool skipped_for_text(const html::Node& n) {
  static constexpr std::string_view kSkip[] = {"script", "style", "template", "noscript", "head", "title"};
  if (n.ns() == html::Namespace::Svg) return true;
  return n.ns() == html::Namespace::Html && std::find(std::begin(kSkip), std::end(kSkip), n.tag()) != std::end(kSkip);
}

}  // namespace

// The text of a statement candidate, one block per line. Iterative: a deep page must not
// exhaust the stack.
std::string statement_text(const html::Document& doc, aria::Semantics& s) {
  std::string out, line;
  auto flush = [&] {
    std::string t = text::collapse_whitespace(line);
    line.clear();
    if (t.empty() || out.size() >= kMaxText) return;
    if (out.size() + t.size() + 1 > kMaxText) return;
    out += t;
    out += '\n';
  };
  const html::Node* start = doc.body() ? doc.body() : &doc.root();
  struct Step {
    const html::Node* node;
    bool leaving;
  };
  std::vector<Step> stack{{start, false}};
  while (!stack.empty()) {
    Step st = stack.back();
    stack.pop_back();
    const html::Node& n = *st.node;
    if (st.leaving) {
      if (n.is("a")) {
        if (auto href = n.attr("href")) {
          const std::string h(text::trim(*href));
          if (text::istarts_with(h, "mailto:") || text::istarts_with(h, "tel:")) line += " <" + h + ">";
        }
      }
      if (is_block_element(n) || n.is("br")) flush();
      continue;
    }
    if (n.is_text()) {
      line += n.data();
      continue;
    }
    if (n.type() != html::NodeType::Element && n.type() != html::NodeType::Document) continue;
    if (n.is_element()) {
      if (skipped_for_text(n) || s.hidden(n) == aria::Tristate::Yes) continue;
      if (is_block_element(n) || n.is("br")) flush();
    }
    stack.push_back({&n, true});
    const auto& kids = n.children();
    for (auto it = kids.rbegin(); it != kids.rend(); ++it) stack.push_back({*it, false});
  }
  flush();
  return out;
}

std::string_view to_string(Reached r) {
  switch (r) {
    case Reached::Unknown: return "unknown";
    case Reached::Seed: return "seed";
    case Reached::Sitemap: return "sitemap";
    case Reached::NavLink: return "nav-link";
    case Reached::ContentLink: return "content-link";
    case Reached::SiteMapPage: return "site-map-page";
    case Reached::Link: return "link";
  }
  return "unknown";
}

Reached reached_from_code(long long code) {
  return code >= 0 && code <= 6 ? static_cast<Reached>(code) : Reached::Unknown;
}

std::string_view to_string(BlockKind k) {
  switch (k) {
    case BlockKind::Navigation: return "nav";
    case BlockKind::Header: return "header";
    case BlockKind::Footer: return "footer";
  }
  return "nav";
}

std::string_view to_string(ComponentKind k) {
  switch (k) {
    case ComponentKind::SearchField: return "search-field";
    case ComponentKind::SearchButton: return "search-button";
    case ComponentKind::IconButton: return "icon-button";
  }
  return "";
}

std::uint32_t id_hash(std::string_view id) {
  std::uint32_t h = 2166136261u;
  for (unsigned char c : id) {
    h ^= c;
    h *= 16777619u;
  }
  return h;
}

std::string fold_case(std::string_view s) {
  std::string out;
  fold_case_into(s, out);
  return out;
}

void fold_case_into(std::string_view s, std::string& out) {
  out.assign(s);
  text::ascii_lower_in_place(out);
  for (std::size_t i = 0; i + 1 < out.size(); ++i) {
    const auto lead = static_cast<unsigned char>(out[i]);
    const auto next = static_cast<unsigned char>(out[i + 1]);
    // U+00C0–U+00DE (À–Þ) but not U+00D7 (×): the lowercase letter is 0x20 further.
    if (lead == 0xC3 && next >= 0x80 && next <= 0x9E && next != 0x97) {
      out[i + 1] = static_cast<char>(next + 0x20);
      ++i;
    }
  }
}

bool looks_like_site_map(std::string_view url, std::string_view title, std::string_view h1) {
  const std::string u = fold_case(url);
  if (contains_any(u, {"webbplatskarta", "sitemap", "site-map", "site_map"}) && u.find(".xml") == std::string::npos) {
    return true;
  }
  for (std::string_view t : {title, h1}) {
    const std::string f = fold_case(t);
    if (contains_any(f, {"webbplatskarta", "sitemap", "site map", "innehållsförteckning", "a–ö", "a-ö", "a – ö",
                         "a - ö", "a–z", "a-z index"})) {
      return true;
    }
  }
  return false;
}

bool looks_like_statement(std::string_view url, std::string_view title, std::string_view h1) {
  const std::string u = fold_case(url);
  if (contains_any(u, {"tillganglighet", "tillg%c3%a4nglighet", "tillgänglighet", "accessibility"})) return true;
  for (std::string_view t : {title, h1}) {
    const std::string f = fold_case(t);
    if (contains_any(f, {"tillgänglighet", "tillganglighet", "accessibility"})) return true;
  }
  return false;
}

PageFacts page_facts(const html::Document& doc, aria::Semantics& s, std::string_view page_url) {
  PageFacts f;
  const std::optional<url::Url> base = base_url(doc, page_url);
  const url::Url* basep = base ? &*base : nullptr;

  // Navigation blocks' roots, in document order.
  std::vector<Root> roots;
  for (const html::Node* n : doc.elements()) {
    const std::string_view role = s.role(*n);
    BlockKind kind;
    if (role == "navigation") {
      kind = BlockKind::Navigation;
    } else if (role == "banner") {
      kind = BlockKind::Header;
    } else if (role == "contentinfo") {
      kind = BlockKind::Footer;
    } else {
      continue;
    }
    if (hidden(s, *n)) continue;
    Root r{n, {}};
    r.block.kind = kind;
    r.block.label = short_name(s.name(*n).text);
    roots.push_back(std::move(r));
  }

  // A link to a fragment of this very document is kept as "#fragment": the same skip link
  // or "to the top" link then keeps a repeated block identical from page to page.
  std::string self;
  if (Result<url::Url> p = url::Url::parse(page_url)) self = p->str().substr(0, p->str().find('#'));
  auto target_of = [&](const url::Url& u) {
    const std::string& t = u.str();
    const std::size_t hash = t.find('#');
    if (hash != std::string::npos && !self.empty() && std::string_view(t).substr(0, hash) == self) return t.substr(hash);
    return t;
  };

  std::unordered_set<std::uint32_t> ids;
  const html::Node* search_done = nullptr;  // the last search form handled (nested parts skip)
  for (const html::Node* n : doc.elements()) {
    if (auto id = n->attr("id"); id && !id->empty()) ids.insert(id_hash(*id));
    if (n->is("a")) {
      if (auto name = n->attr("name"); name && !name->empty()) ids.insert(id_hash(*name));
    }
    if (n->is("h1") && f.h1.empty() && !hidden(s, *n)) {
      f.h1 = text::truncate_utf8(text::collapse_whitespace(n->text_content()), 200);
    }
    if (n->is("textarea") || (n->is("input") && aria::Semantics::input_type(*n) == "email")) f.has_form = true;

    if ((n->is("a") || n->is("area")) && n->has_attr("href") && basep) {
      Result<url::Url> u = basep->resolve(*n->attr("href"));
      if (!u || hidden(s, *n)) continue;
      std::string name = short_name(s.name(*n).text);
      const int root = root_of(roots, *n);
      if (root >= 0) {
        roots[static_cast<std::size_t>(root)].block.items.push_back({std::move(name), target_of(*u)});
      } else {
        f.links.push_back({target_of(*u), std::move(name)});
      }
      continue;
    }

    // A search form: a search landmark, or a form with a search field or a search action.
    const bool landmark = s.role(*n) == "search" && !n->is("input");
    bool search_form = landmark;
    if (!search_form && n->is("form") && !(search_done && search_done->contains(*n))) {
      const std::string action = fold_case(n->attr("action").value_or(""));
      for (const html::Node* d : n->descendant_elements()) {
        if (d->is("input") && aria::Semantics::input_type(*d) == "search") search_form = true;
      }
      if (!search_form && contains_any(action, {"search", "sok", "sök", "s%c3%b6k"})) {
        for (const html::Node* d : n->descendant_elements()) search_form = search_form || is_text_field(*d);
      }
    }
    if (search_form && !(search_done && search_done->contains(*n)) && !hidden(s, *n)) {
      search_done = n;
      const std::string key = block_key(roots, root_of(roots, *n));
      const html::Node* field = nullptr;
      const html::Node* submit = nullptr;
      for (const html::Node* d : n->descendant_elements()) {
        if (!field && is_text_field(*d) && !hidden(s, *d)) field = d;
        if (!submit && is_submit(*d) && !hidden(s, *d)) submit = d;
      }
      if (field) f.components.push_back({ComponentKind::SearchField, key, short_name(s.name(*field).text)});
      if (submit) f.components.push_back({ComponentKind::SearchButton, key, short_name(s.name(*submit).text)});
      continue;
    }

    // An icon button: a button with no text of its own, named by aria-label, alt or title.
    if (s.role(*n) == "button" && !(search_done && search_done->contains(*n))) {
      if (!text::collapse_whitespace(n->text_content()).empty() || hidden(s, *n)) continue;
      if (n->is("input") && aria::Semantics::input_type(*n) != "image") continue;  // value is its text
      std::string icon = icon_signature(*n, basep);
      std::string name = short_name(s.name(*n).text);
      if (icon.empty() || name.empty()) continue;  // no function to compare; a nameless one is a page rule's
      std::string key = block_key(roots, root_of(roots, *n));
      key += "|" + icon;
      f.components.push_back({ComponentKind::IconButton, std::move(key), std::move(name)});
    }
  }
  for (Root& r : roots) {
    if (!r.block.items.empty()) f.blocks.push_back(std::move(r.block));
  }
  f.ids.assign(ids.begin(), ids.end());
  std::sort(f.ids.begin(), f.ids.end());

  if (looks_like_statement(page_url, page_title(doc), f.h1)) f.text = statement_text(doc, s);
  return f;
}

std::vector<Reached> link_ways(const PageFacts& facts, std::string_view page_url, std::string_view title,
                               const std::vector<std::string>& links) {
  std::unordered_set<std::string_view> nav;
  for (const NavBlock& b : facts.blocks) {
    for (const NavItem& i : b.items) nav.insert(i.target);
  }
  const bool site_map = looks_like_site_map(page_url, title, facts.h1);
  std::vector<Reached> out;
  out.reserve(links.size());
  for (const std::string& l : links) {
    out.push_back(nav.contains(l) ? Reached::NavLink : site_map ? Reached::SiteMapPage : Reached::ContentLink);
  }
  return out;
}

}  // namespace granska::results
