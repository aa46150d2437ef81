// What the site-level checks (src/site: the accessibility statement, consistent navigation
// 3.2.3, consistent identification 3.2.4, multiple ways 2.4.5, broken links and anchors)
// need to know about one page, taken on a crawl worker while the checked page is alive and
// stored with the page (store: table page_facts, navigation blocks interned per scan).
// The site step reads these back after the crawl; it never sees the HTML again.
//
// Everything here came from a page and is untrusted: writers escape it.
//
// page_facts() is a pure function of the document and its semantics; thread-safe as long
// as each thread has its own Semantics (as check_page gives every page).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "aria/semantics.h"
#include "html/dom.h"

namespace granska::results {

// How the crawl reached a page (the path type of the link it was admitted from). Stored
// per page, informational: multiple ways (2.4.5) is decided from every link to a page,
// not from the one the crawl happened to follow first. The crawl never uses a site's
// search, so no page is reached that way.
enum class Reached : std::uint8_t {
  Unknown = 0,      // not recorded (an interrupted scan continued, an older scan)
  Seed = 1,         // a start address
  Sitemap = 2,      // an entry of sitemap.xml (robots.txt or given)
  NavLink = 3,      // a link in a navigation block (nav, header, footer) of another page
  ContentLink = 4,  // a link outside navigation blocks
  SiteMapPage = 5,  // a link on a page that is a site map or A–Ö index (looks_like_site_map)
  Link = 6,         // a link whose context was not taken (a crawl without page facts)
};
std::string_view to_string(Reached r);  // "seed", "sitemap", "nav-link", ...
Reached reached_from_code(long long code);

// A navigation block: a navigation landmark (nav, role=navigation), or the links of the
// page's banner (header) or contentinfo (footer) outside the navigation landmarks in them.
enum class BlockKind : std::uint8_t { Navigation = 0, Header = 1, Footer = 2 };
std::string_view to_string(BlockKind k);  // "nav", "header", "footer"

struct NavItem {
  std::string name;    // accessible name, whitespace collapsed, at most kMaxName code points
  // The link resolved against the page (and <base href>), fragment kept; a link to a
  // fragment of the page itself is "#fragment" (so a skip link keeps blocks identical).
  std::string target;
  bool operator==(const NavItem&) const = default;
};

struct NavBlock {
  BlockKind kind = BlockKind::Navigation;
  std::string label;  // the landmark's accessible name ("Huvudmeny"), "" when it has none
  std::vector<NavItem> items;  // its links in document order
  bool operator==(const NavBlock&) const = default;
};

// A link outside navigation blocks.
struct LinkFact {
  std::string target;  // as NavItem::target
  std::string name;
  bool operator==(const LinkFact&) const = default;
};

// A component with a function that can repeat across pages (3.2.4).
enum class ComponentKind : std::uint8_t {
  SearchField = 0,   // the text field of a search form
  SearchButton = 1,  // the search form's submit button
  IconButton = 2,    // a button whose content is an icon only (its name comes from aria-label, alt, title)
};
std::string_view to_string(ComponentKind k);  // "search-field", "search-button", "icon-button"

struct Component {
  ComponentKind kind = ComponentKind::SearchField;
  // What makes two components "the same function": the block they are in and, for an icon
  // button, its icon ("img:<src>", "use:<href>", "class:<class>"). "" for search parts.
  std::string key;
  std::string name;  // accessible name
  bool operator==(const Component&) const = default;
};

struct PageFacts {
  Reached reached = Reached::Unknown;
  std::vector<NavBlock> blocks;        // in document order; blocks without links left out
  std::vector<LinkFact> links;         // a[href], area[href] outside blocks (http(s) only)
  std::vector<Component> components;
  std::vector<std::uint32_t> ids;      // fragment targets (id, a[name]) as id_hash(), sorted, unique
  std::string h1;                      // the first h1's text, at most 200 code points
  // Only for a page that may be an accessibility statement (looks_like_statement): its
  // text, one block (paragraph, list item, heading, cell) per line, mailto:/tel: links
  // written after their text as " <mailto:…>"; at most kMaxText bytes. "" otherwise.
  std::string text;
  bool has_form = false;               // a form a visitor can write in (statement feedback)
  bool operator==(const PageFacts&) const = default;
};

inline constexpr std::size_t kMaxName = 120;     // code points of a stored name
inline constexpr std::size_t kMaxText = 65536;   // bytes of a statement's stored text

// The facts of one parsed page. `page_url` is the page's final URL (links resolve against it).
PageFacts page_facts(const html::Document& doc, aria::Semantics& semantics, std::string_view page_url);

// The text PageFacts::text keeps of a statement candidate (for a statement the site step
// fetches itself, whatever its address and title say).
std::string statement_text(const html::Document& doc, aria::Semantics& semantics);

// How each of `links` (the crawler's outlinks of the page, crawl::extract_links) was found
// on the page, for the crawl to record how it reached their targets: NavLink when the link
// is in one of the page's navigation blocks, SiteMapPage when the page is a site map, else
// ContentLink. Same length as `links`.
std::vector<Reached> link_ways(const PageFacts& facts, std::string_view page_url, std::string_view title,
                               const std::vector<std::string>& links);

// A fragment identifier's hash as stored in PageFacts::ids (32-bit FNV-1a of the bytes).
std::uint32_t id_hash(std::string_view id);

// Whether a page is a site map or an A–Ö index (a way to reach pages, 2.4.5), from its
// address, title and first heading: "webbplatskarta", "sitemap", "site map", "A–Ö",
// "A-Ö", "innehållsförteckning", "hitta A-Ö".
bool looks_like_site_map(std::string_view url, std::string_view title, std::string_view h1);
// Whether a page may be an accessibility statement (its text is kept): its address, title
// or first heading mention tillgänglighet / accessibility. Broad on purpose: the site step
// decides with the configured phrases.
bool looks_like_statement(std::string_view url, std::string_view title, std::string_view h1);

// ASCII lowercase plus the Latin-1 capitals (Å Ä Ö É Ü …) in UTF-8: the case folding
// Swedish and English phrase matching needs.
std::string fold_case(std::string_view s);
// The same into `out`, reusing its storage (for loops over every link of a site).
void fold_case_into(std::string_view s, std::string& out);

}  // namespace granska::results
