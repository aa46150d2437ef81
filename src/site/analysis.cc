#include "site/analysis.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "site/messages.h"
#include "url/url.h"
#include "util/text.h"

namespace granska::site {

namespace {

using engine::Outcome;
using results::SiteCheck;

constexpr std::uint32_t kNone = static_cast<std::uint32_t>(-1);

// Ways a page is reached (2.4.5).
enum Way : std::uint8_t { kNav = 1, kRelated = 2, kSiteMapPage = 4 };

struct Page {
  PageRecord rec;
  std::uint32_t primary = kNone;  // the record it is another URL of, kNone when it is its own
  std::size_t site = SiteMap::npos;
  std::string unit;
  bool html = false;
  bool has_facts = false;
  bool site_map = false;  // a site map or A–Ö page
  std::vector<std::int64_t> blocks;
  std::vector<std::uint32_t> ids;
  std::vector<results::Component> components;
  std::uint8_t ways = 0;
  // Statement link candidates on the page: target key -> priority.
  std::vector<std::pair<std::string, int>> statement_links;
};

// A link target resolved once.
struct Target {
  std::uint32_t page = kNone;  // the page record it leads to (after a recorded redirect)
  std::string fragment;        // after '#', "" when none
  bool self = false;           // "#fragment": the page it is on
};

struct Block {
  results::NavBlock block;
  std::vector<Target> targets;             // per item
  std::vector<std::uint32_t> pages;        // pages it is on, in the order they came
  std::vector<std::pair<std::string, int>> statement_links;  // key, priority (per item that looks like one)
};

// What a statement link candidate leads to, per site.
struct Candidate {
  int priority = 1 << 20;
  std::size_t pages = 0;
  std::string url, link_text;
  std::uint32_t target = kNone;
};

struct PendingAnchor {
  std::uint32_t from, to;
  std::string fragment, name, target;
};

std::string percent_decode(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    auto hex = [](char c) { return (c >= '0' && c <= '9') ? c - '0' : (c >= 'a' && c <= 'f') ? c - 'a' + 10 : (c >= 'A' && c <= 'F') ? c - 'A' + 10 : -1; };
    if (s[i] == '%' && i + 2 < s.size() && hex(s[i + 1]) >= 0 && hex(s[i + 2]) >= 0) {
      out += static_cast<char>(hex(s[i + 1]) * 16 + hex(s[i + 2]));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

// Whether a fragment needs an element: "" and "top" scroll to the top (HTML), a text
// directive (":~:") selects text, not an element.
std::optional<std::string> element_fragment(std::string fragment) {
  if (const std::size_t d = fragment.find(":~:"); d != std::string::npos) fragment.erase(d);
  if (fragment.empty() || text::iequals(fragment, "top")) return std::nullopt;
  return fragment;
}

bool has_id(const std::vector<std::uint32_t>& ids, std::string_view fragment) {
  auto in = [&](std::string_view f) { return std::binary_search(ids.begin(), ids.end(), results::id_hash(f)); };
  return in(fragment) || in(percent_decode(fragment));
}

// A name as compared for 3.2.4: case, spacing and trailing punctuation do not matter.
std::string name_key(std::string_view name) {
  std::string k = results::fold_case(text::collapse_whitespace(name));
  while (!k.empty() && (k.back() == '.' || k.back() == ':' || k.back() == ',')) k.pop_back();
  return k;
}


}  // namespace

struct Analysis::Impl {
  SiteMap sites;
  AnalysisOptions opt;
  std::vector<Page> pages;
  std::unordered_map<std::string, std::uint32_t> by_url;  // normalised url and final url -> page
  std::unordered_map<std::string, std::uint32_t> target_cache;
  mutable std::string fold_scratch_[2];  // statement_priority folds every link's text and address into these
  std::unordered_map<std::int64_t, Block> blocks;
  std::vector<PendingAnchor> pending_anchors;
  std::unordered_map<std::uint32_t, StatementText> statement_texts;  // pages whose text the crawl kept
  std::vector<results::SiteFinding> link_findings;  // broken links and anchors in content, per page

  bool prepared = false;

  Impl(const std::vector<config::SiteConfig>& s, const AnalysisOptions& o) : sites(s), opt(o) {}

  // After pass 1: which HTML records are another URL of the same page.
  void prepare() {
    if (prepared) return;
    prepared = true;
    std::map<std::string, std::vector<std::uint32_t>> groups;  // key -> records
    for (std::uint32_t i = 0; i < pages.size(); ++i) {
      const PageRecord& r = pages[i].rec;
      if (!pages[i].html) continue;
      groups["f\n" + normal(r.final_url.empty() ? r.url : r.final_url)].push_back(i);
      if (!r.content_sha256.empty()) {
        Result<url::Url> u = url::Url::parse(r.final_url.empty() ? r.url : r.final_url);
        if (u) groups["h\n" + text::ascii_lower(u->host()) + ":" + std::to_string(u->port()) + "\n" + r.content_sha256].push_back(i);
      }
    }
    // Union of the groups; the primary is a record another names as canonical, else the shortest URL.
    std::vector<std::uint32_t> parent(pages.size());
    for (std::uint32_t i = 0; i < parent.size(); ++i) parent[i] = i;
    auto find = [&](std::uint32_t x) {
      while (parent[x] != x) x = parent[x] = parent[parent[x]];
      return x;
    };
    for (const auto& [key, members] : groups) {
      for (std::size_t k = 1; k < members.size(); ++k) parent[find(members[k])] = find(members[0]);
    }
    std::unordered_set<std::string> canonical_targets;
    for (std::uint32_t i = 0; i < pages.size(); ++i) {
      const std::string& c = pages[i].rec.canonical;
      if (!pages[i].html || c.empty()) continue;
      auto it = by_url.find(normal(c));
      if (it != by_url.end() && pages[it->second].html && it->second != i) {
        parent[find(i)] = find(it->second);
        canonical_targets.insert(pages[it->second].rec.url);
      }
    }
    std::map<std::uint32_t, std::uint32_t> chosen;  // root -> primary
    for (std::uint32_t i = 0; i < pages.size(); ++i) {
      if (!pages[i].html) continue;
      const std::uint32_t root = find(i);
      auto [it, added] = chosen.emplace(root, i);
      if (added) continue;
      const std::string& best = pages[it->second].rec.url;
      const std::string& mine = pages[i].rec.url;
      // A record another names as canonical (then in its group: the link joined them).
      const bool named = canonical_targets.contains(mine);
      const bool best_named = canonical_targets.contains(best);
      if ((named && !best_named) ||
          (named == best_named && (mine.size() < best.size() || (mine.size() == best.size() && mine < best)))) {
        it->second = i;
      }
    }
    for (std::uint32_t i = 0; i < pages.size(); ++i) {
      if (!pages[i].html) continue;
      const std::uint32_t p = chosen[find(i)];
      if (p != i) pages[i].primary = p;
    }
  }

  static std::string normal(std::string_view u) {
    Result<url::Url> p = url::Url::parse(u);
    return p ? p->normalized(url::QueryFilter::tracking_defaults()) : std::string();
  }

  // The page a link target leads to, following a recorded redirect once.
  Target resolve(std::string_view target) {
    prepare();
    Target t;
    const std::size_t hash = target.find('#');
    if (hash != std::string_view::npos) t.fragment = std::string(target.substr(hash + 1));
    if (!target.empty() && target[0] == '#') {
      t.self = true;
      return t;
    }
    const std::string base(target.substr(0, hash));
    auto c = target_cache.find(base);
    if (c != target_cache.end()) {
      t.page = c->second;
      return t;
    }
    std::uint32_t page = kNone;
    auto it = by_url.find(normal(base));
    if (it != by_url.end()) {
      page = it->second;
      if (pages[page].rec.kind == "redirected") {
        auto to = by_url.find(normal(pages[page].rec.final_url));
        if (to != by_url.end()) page = to->second;
      }
    }
    if (page != kNone && pages[page].primary != kNone) page = pages[page].primary;
    if (target_cache.size() < 1'000'000) target_cache.emplace(base, page);
    t.page = page;
    return t;
  }

  // The priority of a link as a statement link (lower is stronger), or nullopt.
  std::optional<int> statement_priority(std::string_view name, std::string_view target) const {
    const config::StatementPhrases& ph = *opt.phrases;
    std::optional<int> best;
    std::string& n = fold_scratch_[0];
    results::fold_case_into(name, n);
    for (std::size_t i = 0; i < ph.link_text.size(); ++i) {
      if (n.find(ph.link_text[i]) != std::string::npos) {
        best = static_cast<int>(i);
        break;
      }
    }
    std::string& t = fold_scratch_[1];
    results::fold_case_into(target, t);
    for (std::size_t i = 0; i < ph.link_url.size(); ++i) {
      if (t.find(ph.link_url[i]) != std::string::npos) {
        const int p = static_cast<int>(i);
        if (!best || p < *best) best = p;
        break;
      }
    }
    return best;
  }

  std::string statement_key(const Target& t, std::string_view target) const {
    if (t.page != kNone) return "#page:" + std::to_string(t.page);
    return normal(target.substr(0, target.find('#')));
  }

  void finding(std::vector<results::SiteFinding>& out, std::size_t site, SiteCheck check, Outcome o, std::uint32_t page,
               std::string unit, std::string message, std::vector<std::string> args) {
    results::SiteFinding f;
    f.site = sites.sites()[site].id;
    f.check = check;
    f.outcome = o;
    if (page != kNone) f.page_url = pages[page].rec.url;
    f.unit = std::move(unit);
    f.message_id = std::move(message);
    f.args = std::move(args);
    out.push_back(std::move(f));
  }

  void add_facts(std::size_t index, const results::PageFacts& facts, const std::vector<std::int64_t>& block_ids);
  SiteResults finish(const StatementFetcher& fetch);

  // Per-site steps of finish().
  struct SiteWork {
    std::size_t site;
    std::vector<std::uint32_t> pages;  // checked pages with facts
    std::size_t html = 0;              // HTML page records
    std::uint32_t start = kNone;
    std::string owner;
    std::map<std::int64_t, std::vector<std::uint32_t>> block_pages;  // this site's pages per block
  };
  void statement(SiteWork& w, results::SiteSummary& s, std::vector<results::SiteFinding>& out,
                 const StatementFetcher& fetch);
  void navigation(SiteWork& w, results::SiteSummary& s, std::vector<results::SiteFinding>& out);
  void identification(SiteWork& w, results::SiteSummary& s, std::vector<results::SiteFinding>& out);
  void ways(SiteWork& w, results::SiteSummary& s, std::vector<results::SiteFinding>& out);
  void broken(SiteWork& w, results::SiteSummary& s, std::vector<results::SiteFinding>& out);
};

Analysis::Analysis(const std::vector<config::SiteConfig>& sites, const AnalysisOptions& options)
    : impl_(std::make_unique<Impl>(sites, options)) {}
Analysis::~Analysis() = default;

std::size_t Analysis::add_page(PageRecord rec) {
  Impl& im = *impl_;
  Page p;
  p.site = im.sites.site_of(rec.url);
  p.unit = im.opt.map ? im.opt.map->unit_of(rec.url).id : rec.unit;
  p.html = rec.kind == "html";
  p.site_map = p.html && results::looks_like_site_map(rec.url, rec.title, "");
  const auto index = static_cast<std::uint32_t>(im.pages.size());
  im.by_url.emplace(rec.url, index);
  if (!rec.final_url.empty() && rec.final_url != rec.url) im.by_url.emplace(Impl::normal(rec.final_url), index);
  p.rec = std::move(rec);
  im.pages.push_back(std::move(p));
  return index;
}

void Analysis::add_block(std::int64_t id, results::NavBlock block) {
  Impl& im = *impl_;
  Block b;
  for (const results::NavItem& item : block.items) {
    b.targets.push_back(im.resolve(item.target));
    if (auto pr = im.statement_priority(item.name, item.target); pr && !b.targets.back().self) {
      b.statement_links.emplace_back(im.statement_key(b.targets.back(), item.target), *pr);
    }
  }
  b.block = std::move(block);
  im.blocks.emplace(id, std::move(b));
}

void Analysis::add_facts(std::size_t index, const results::PageFacts& facts, const std::vector<std::int64_t>& block_ids) {
  impl_->add_facts(index, facts, block_ids);
}

void Analysis::Impl::add_facts(std::size_t index, const results::PageFacts& facts,
                               const std::vector<std::int64_t>& block_ids) {
  prepare();
  if (index >= pages.size() || pages[index].primary != kNone) return;  // an alias: counted as its primary
  Page& p = pages[index];
  const auto self = static_cast<std::uint32_t>(index);
  p.has_facts = true;
  p.blocks = block_ids;
  p.ids = facts.ids;
  p.components = facts.components;
  p.site_map = p.html && results::looks_like_site_map(p.rec.url, p.rec.title, facts.h1);
  for (std::int64_t id : block_ids) {
    auto b = blocks.find(id);
    if (b == blocks.end()) continue;
    b->second.pages.push_back(self);
    for (const auto& [key, priority] : b->second.statement_links) p.statement_links.emplace_back(key, priority);
  }
  for (const results::LinkFact& l : facts.links) {
    const Target t = resolve(l.target);
    if (auto pr = statement_priority(l.name, l.target); pr && !t.self) p.statement_links.emplace_back(statement_key(t, l.target), *pr);
    if (t.self) {
      if (auto frag = element_fragment(t.fragment); frag && !has_id(p.ids, *frag)) {
        results::SiteFinding f;
        f.check = SiteCheck::BrokenAnchors;
        f.outcome = Outcome::Failed;
        f.page_url = p.rec.url;
        f.unit = p.unit;
        f.message_id = "broken-anchor";
        f.args = {l.name, l.target, *frag};
        f.site = p.site == SiteMap::npos ? std::string() : sites.sites()[p.site].id;
        if (!f.site.empty()) link_findings.push_back(std::move(f));
      }
      continue;
    }
    if (t.page == kNone || t.page == self) continue;
    Page& to = pages[t.page];
    if (to.site == p.site) to.ways |= p.site_map ? kSiteMapPage : kRelated;
    if (to.rec.kind == "failed" && to.rec.status >= 400 && to.rec.status <= 599) {
      results::SiteFinding f;
      f.site = p.site == SiteMap::npos ? std::string() : sites.sites()[p.site].id;
      f.check = SiteCheck::BrokenLinks;
      f.outcome = Outcome::Failed;
      f.page_url = p.rec.url;
      f.unit = p.unit;
      f.message_id = "broken-link";
      f.args = {l.name, to.rec.url, std::to_string(to.rec.status)};
      if (!f.site.empty()) link_findings.push_back(std::move(f));
    } else if (auto frag = element_fragment(t.fragment)) {
      pending_anchors.push_back({self, t.page, *frag, l.name, l.target});
    }
  }
  if (!facts.text.empty()) {
    StatementText& st = statement_texts[self];
    st.text = facts.text;
    st.has_form = facts.has_form;
    for (std::int64_t id : block_ids) {
      if (auto b = blocks.find(id); b != blocks.end()) {
        for (const results::NavItem& i : b->second.block.items) st.links.push_back(i.target);
      }
    }
    for (const results::LinkFact& l : facts.links) st.links.push_back(l.target);
  }
  // One entry per statement target per page, with its strongest priority.
  std::sort(p.statement_links.begin(), p.statement_links.end());
  p.statement_links.erase(std::unique(p.statement_links.begin(), p.statement_links.end(),
                                      [](const auto& a, const auto& b) { return a.first == b.first; }),
                          p.statement_links.end());
}

// ---- The statement ---------------------------------------------------------------------

void Analysis::Impl::statement(SiteWork& w, results::SiteSummary& s, std::vector<results::SiteFinding>& out,
                               const StatementFetcher& fetch) {
  results::StatementResult& st = s.statement;
  st.pages = w.pages.size();
  std::map<std::string, Candidate> candidates;
  for (std::uint32_t pi : w.pages) {
    for (const auto& [key, priority] : pages[pi].statement_links) {
      Candidate& c = candidates[key];
      c.priority = std::min(c.priority, priority);
      ++c.pages;
    }
  }
  const Candidate* best = nullptr;
  std::string best_key;
  for (const auto& [key, c] : candidates) {
    if (!best || c.priority < best->priority || (c.priority == best->priority && c.pages > best->pages)) {
      best = &c;
      best_key = key;
    }
  }
  results::SiteCheckSummary& sum = s.checks[0];
  sum.tested = w.pages.size();
  if (!best) {
    finding(out, w.site, SiteCheck::Statement, Outcome::Failed, w.start, w.owner, "no-statement",
            {std::to_string(w.pages.size())});
    sum.outcome = w.pages.empty() ? Outcome::Inapplicable : Outcome::Failed;
    sum.findings = out.size();
    return;
  }
  // The statement's address and the text of a link to it.
  std::uint32_t target = kNone;
  if (best_key.rfind("#page:", 0) == 0) {
    target = static_cast<std::uint32_t>(std::stoul(best_key.substr(6)));
    st.url = pages[target].rec.url;
  } else {
    st.url = best_key;
  }
  st.pages_linking = best->pages;
  if (w.start != kNone) {
    const auto& links = pages[w.start].statement_links;
    st.linked_from_start = std::any_of(links.begin(), links.end(), [&](const auto& l) { return l.first == best_key; });
  }
  // The link text most pages use: take it from a block or content link to the target.
  for (std::uint32_t pi : w.pages) {
    for (std::int64_t id : pages[pi].blocks) {
      auto b = blocks.find(id);
      if (b == blocks.end()) continue;
      for (std::size_t i = 0; i < b->second.targets.size() && st.link_text.empty(); ++i) {
        const Target& t = b->second.targets[i];
        if ((target != kNone && t.page == target) || (target == kNone && statement_key(t, b->second.block.items[i].target) == best_key)) {
          st.link_text = b->second.block.items[i].name;
        }
      }
    }
    if (!st.link_text.empty()) break;
  }

  // Read it.
  std::optional<StatementText> text;
  auto unreadable = [&](const std::string& sv, const std::string& en, Outcome o) {
    st.read_error_sv = sv;
    st.read_error_en = en;
    finding(out, w.site, SiteCheck::Statement, o, w.start, w.owner, "statement-unreadable", {st.url, sv + " / " + en});
  };
  auto as_document = [&](const std::string& type) {
    st.format = type.find("pdf") != std::string::npos ? "pdf" : "other";
    finding(out, w.site, SiteCheck::Statement, Outcome::CantTell, w.start, w.owner, "statement-pdf",
            {st.url, st.format == "pdf" ? "PDF" : type});
  };
  const Page* tp = target == kNone ? nullptr : &pages[target];
  if (tp && tp->rec.kind == "document") {
    as_document(tp->rec.content_type);
  } else if (tp && tp->rec.kind == "failed" && tp->rec.status >= 400) {
    unreadable("adressen svarade HTTP " + std::to_string(tp->rec.status), "the address answered HTTP " + std::to_string(tp->rec.status),
               Outcome::Failed);
  } else if (tp && tp->has_facts && statement_texts.contains(target)) {
    text = statement_texts[target];
    st.source = "crawl";
    st.format = "html";
  } else if (fetch) {
    FetchedStatement f = fetch(tp ? (tp->rec.final_url.empty() ? tp->rec.url : tp->rec.final_url) : st.url);
    if (f.ok && f.document) {
      as_document(f.content_type);
    } else if (f.ok) {
      text = std::move(f.text);
      st.source = "fetched";
      st.format = "html";
    } else {
      unreadable(f.error.text(Lang::Sv), f.error.message, Outcome::CantTell);
    }
  } else {
    unreadable("granska hämtade den inte (sidan ingick inte i genomsökningen)",
               "granska did not fetch it (the page was not part of the scan)", Outcome::CantTell);
  }

  if (text) {
    StatementContext ctx;
    ctx.scan_date = opt.scan_date;
    if (opt.map) {
      const std::size_t u = opt.map->find(w.owner);
      if (u < opt.map->units().size()) ctx.owner_names = {opt.map->units()[u].name_sv, opt.map->units()[u].name_en};
    }
    const Site& site = sites.sites()[w.site];
    ctx.site_names.push_back(site.name);
    for (const std::string& h : site.hosts) ctx.site_names.push_back(h);
    StatementReading r = read_statement(*text, ctx, *opt.phrases);
    st.items = std::move(r.items);
    st.last_updated = r.last_updated;
    std::string missing;
    std::size_t n_missing = 0;
    for (const results::StatementItem& it : st.items) {
      if (it.outcome != Outcome::Failed) continue;
      missing += (missing.empty() ? "" : "|") + it.id;
      ++n_missing;
    }
    if (n_missing > 0) {
      finding(out, w.site, SiteCheck::Statement, Outcome::Failed, target, w.owner, "statement-missing-items",
              {st.url, std::to_string(n_missing), missing});
    }
  }
  // DIGG: the link on the start page, or on every page.
  if (!st.linked_from_start && st.pages_linking < w.pages.size()) {
    for (std::uint32_t pi : w.pages) {
      const auto& links = pages[pi].statement_links;
      if (std::none_of(links.begin(), links.end(), [&](const auto& l) { return l.first == best_key; })) {
        finding(out, w.site, SiteCheck::Statement, Outcome::Failed, pi, pages[pi].unit, "statement-link-missing", {st.url});
      }
    }
  }
  bool failed = false, review = false;
  for (const results::SiteFinding& f : out) {
    failed = failed || f.outcome == Outcome::Failed;
    review = review || f.outcome == Outcome::CantTell;
  }
  for (const results::StatementItem& it : st.items) {
    review = review || it.outcome == Outcome::CantTell || it.note == "stale";
  }
  sum.outcome = failed ? Outcome::Failed : review ? Outcome::CantTell : Outcome::Passed;
  sum.findings = out.size();
}

// ---- Consistent navigation (3.2.3) ------------------------------------------------------

void Analysis::Impl::navigation(SiteWork& w, results::SiteSummary& s, std::vector<results::SiteFinding>& out) {
  // Slots: a block's kind and label and its place among the page's blocks of that kind and label.
  std::map<std::string, std::uint32_t> slot_ids;
  std::vector<std::string> slot_codes;
  std::vector<std::map<std::int64_t, std::vector<std::uint32_t>>> slot_blocks;  // slot -> block -> pages
  std::unordered_map<std::uint32_t, std::vector<std::uint32_t>> page_slots;     // page -> slots in order
  for (std::uint32_t pi : w.pages) {
    std::map<std::string, int> seen;
    std::vector<std::uint32_t>& order = page_slots[pi];
    for (std::int64_t id : pages[pi].blocks) {
      auto b = blocks.find(id);
      if (b == blocks.end()) continue;
      const std::string kind(results::to_string(b->second.block.kind));
      const std::string code = block_code(kind, b->second.block.label, ++seen[kind + ":" + b->second.block.label]);
      auto [it, added] = slot_ids.emplace(code, static_cast<std::uint32_t>(slot_codes.size()));
      if (added) {
        slot_codes.push_back(code);
        slot_blocks.emplace_back();
      }
      slot_blocks[it->second][id].push_back(pi);
      order.push_back(it->second);
    }
  }
  std::vector<std::size_t> slot_pages(slot_codes.size(), 0);
  for (std::size_t sl = 0; sl < slot_codes.size(); ++sl) {
    for (const auto& [id, ps] : slot_blocks[sl]) slot_pages[sl] += ps.size();
  }
  results::SiteCheckSummary& sum = s.checks[1];
  const std::size_t before = out.size();
  std::set<std::uint32_t> deviating;
  // Links in the same relative order as in the block most pages have.
  for (std::size_t sl = 0; sl < slot_codes.size(); ++sl) {
    if (slot_pages[sl] < 2) continue;
    ++sum.tested;
    const auto& variants = slot_blocks[sl];
    if (variants.size() < 2) continue;
    auto ref = variants.begin();
    for (auto it = variants.begin(); it != variants.end(); ++it) {
      if (it->second.size() > ref->second.size()) ref = it;
    }
    const results::NavBlock& rb = blocks.at(ref->first).block;
    std::unordered_map<std::string_view, std::size_t> pos;
    for (std::size_t i = 0; i < rb.items.size(); ++i) pos.emplace(rb.items[i].target, i);
    for (auto it = variants.begin(); it != variants.end(); ++it) {
      if (it == ref) continue;
      const results::NavBlock& xb = blocks.at(it->first).block;
      std::unordered_set<std::string_view> done;
      std::optional<std::size_t> max_pos;
      const results::NavItem* max_item = nullptr;
      const results::NavItem* a = nullptr;
      const results::NavItem* b = nullptr;
      for (const results::NavItem& item : xb.items) {
        if (!done.insert(item.target).second) continue;
        auto p = pos.find(item.target);
        if (p == pos.end()) continue;
        if (max_pos && p->second < *max_pos) {
          a = max_item;
          b = &item;
          break;
        }
        if (!max_pos || p->second > *max_pos) {
          max_pos = p->second;
          max_item = &item;
        }
      }
      if (!a) continue;
      const bool tie = it->second.size() == ref->second.size();
      for (std::uint32_t pi : it->second) {
        finding(out, w.site, SiteCheck::ConsistentNavigation, tie ? Outcome::CantTell : Outcome::Failed, pi, pages[pi].unit,
                tie ? "nav-order-tie" : "nav-order",
                {slot_codes[sl], a->name, b->name, std::to_string(tie ? it->second.size() : ref->second.size())});
        deviating.insert(pi);
      }
    }
  }
  // Blocks in the same relative order among each other.
  std::map<std::pair<std::uint32_t, std::uint32_t>, std::size_t> precedes;
  for (const auto& [pi, order] : page_slots) {
    for (std::size_t i = 0; i < order.size(); ++i) {
      for (std::size_t j = i + 1; j < order.size(); ++j) {
        if (slot_pages[order[i]] >= 2 && slot_pages[order[j]] >= 2 && order[i] != order[j]) ++precedes[{order[i], order[j]}];
      }
    }
  }
  for (std::uint32_t pi : w.pages) {
    const auto& order = page_slots[pi];
    bool reported = false;
    for (std::size_t i = 0; i < order.size() && !reported; ++i) {
      for (std::size_t j = i + 1; j < order.size() && !reported; ++j) {
        auto here = precedes.find({order[i], order[j]});
        auto other = precedes.find({order[j], order[i]});
        if (here == precedes.end() || other == precedes.end() || other->second <= here->second) continue;
        finding(out, w.site, SiteCheck::ConsistentNavigation, Outcome::Failed, pi, pages[pi].unit, "block-order",
                {slot_codes[order[i]], slot_codes[order[j]], std::to_string(other->second)});
        reported = true;
      }
    }
  }
  sum.findings = out.size() - before;
  bool failed = false;
  for (std::size_t i = before; i < out.size(); ++i) failed = failed || out[i].outcome == Outcome::Failed;
  sum.outcome = sum.findings ? (failed ? Outcome::Failed : Outcome::CantTell)
                             : sum.tested ? Outcome::Passed : Outcome::Inapplicable;
}

// ---- Consistent identification (3.2.4) --------------------------------------------------

void Analysis::Impl::identification(SiteWork& w, results::SiteSummary& s, std::vector<results::SiteFinding>& out) {
  struct Variant {
    std::string name;                 // as first seen
    std::vector<std::uint32_t> pages;
  };
  struct Function {
    std::string code;   // block code
    std::string what;   // the target URL, the search part or the icon
    int kind = 0;       // 0 link, 1 search field, 2 search button, 3 icon button
    std::map<std::string, Variant> names;  // name key -> variant
  };
  std::map<std::string, Function> functions;
  // Links in repeated blocks: the same target in the same slot.
  for (std::uint32_t pi : w.pages) {
    std::map<std::string, int> seen;
    for (std::int64_t id : pages[pi].blocks) {
      auto b = blocks.find(id);
      if (b == blocks.end()) continue;
      const results::NavBlock& nb = b->second.block;
      const std::string kind(results::to_string(nb.kind));
      const std::string code = block_code(kind, nb.label, ++seen[kind + ":" + nb.label]);
      std::unordered_set<std::string_view> done;
      for (std::size_t i = 0; i < nb.items.size(); ++i) {
        const results::NavItem& item = nb.items[i];
        const Target& t = b->second.targets[i];
        // The current page's own link is often marked in its name: left out.
        if (t.self || t.page == pi || item.name.empty() || !done.insert(item.target).second) continue;
        Function& f = functions["l\n" + code + "\n" + item.target];
        f.code = code;
        f.what = item.target;
        Variant& v = f.names[name_key(item.name)];
        if (v.name.empty()) v.name = item.name;
        v.pages.push_back(pi);
      }
    }
    for (const results::Component& c : pages[pi].components) {
      if (c.name.empty()) continue;
      const int kind = c.kind == results::ComponentKind::SearchField ? 1 : c.kind == results::ComponentKind::SearchButton ? 2 : 3;
      const std::string key = std::to_string(kind) + "\n" + c.key;
      Function& f = functions[key];
      f.kind = kind;
      const std::size_t bar = c.key.find('|');
      f.code = c.key.substr(0, bar);
      f.what = kind == 3 ? c.key.substr(bar == std::string::npos ? c.key.size() : bar + 1)
                         : std::string(results::to_string(c.kind));
      Variant& v = f.names[name_key(c.name)];
      if (v.name.empty()) v.name = c.name;
      if (v.pages.empty() || v.pages.back() != pi) v.pages.push_back(pi);
    }
  }
  results::SiteCheckSummary& sum = s.checks[2];
  const std::size_t before = out.size();
  for (auto& [key, f] : functions) {
    std::size_t total = 0;
    for (const auto& [k, v] : f.names) total += v.pages.size();
    if (total < 2) continue;
    ++sum.tested;
    if (f.names.size() < 2) continue;
    auto ref = f.names.begin();
    for (auto it = f.names.begin(); it != f.names.end(); ++it) {
      if (it->second.pages.size() > ref->second.pages.size()) ref = it;
    }
    for (auto it = f.names.begin(); it != f.names.end(); ++it) {
      if (it == ref) continue;
      const bool similar = it->first.find(ref->first) != std::string::npos || ref->first.find(it->first) != std::string::npos;
      const Outcome o = f.kind == 3 || similar ? Outcome::CantTell : Outcome::Failed;
      const std::string n = std::to_string(ref->second.pages.size());
      for (std::uint32_t pi : it->second.pages) {
        std::vector<std::string> args;
        std::string message;
        if (f.kind == 0) {
          message = similar ? "name-variant-similar" : "name-variant";
          args = {f.what, f.code.empty() ? "nav" : f.code, it->second.name, ref->second.name, n};
        } else if (f.kind == 3) {
          message = "icon-variant";
          args = {f.code.empty() ? "main" : f.code, f.what, it->second.name, ref->second.name, n};
        } else {
          message = "search-variant";
          args = {f.what, f.code.empty() ? "main" : f.code, it->second.name, ref->second.name, n};
        }
        finding(out, w.site, SiteCheck::ConsistentIdentification, o, pi, pages[pi].unit, message, std::move(args));
      }
    }
  }
  sum.findings = out.size() - before;
  bool failed = false;
  for (std::size_t i = before; i < out.size(); ++i) failed = failed || out[i].outcome == Outcome::Failed;
  sum.outcome = sum.findings ? (failed ? Outcome::Failed : Outcome::CantTell)
                             : sum.tested ? Outcome::Passed : Outcome::Inapplicable;
}

// ---- Multiple ways (2.4.5) -------------------------------------------------------------

void Analysis::Impl::ways(SiteWork& w, results::SiteSummary& s, std::vector<results::SiteFinding>& out) {
  // Navigation: a block on another page of the site links to the page.
  for (const auto& [id, on] : w.block_pages) {
    const Block& b = blocks.at(id);
    for (const Target& t : b.targets) {
      if (t.self || t.page == kNone || pages[t.page].site != w.site) continue;
      if (on.size() > 1 || on.front() != t.page) pages[t.page].ways |= kNav;
    }
  }
  std::size_t with_search = 0;
  for (std::uint32_t pi : w.pages) {
    const auto& cs = pages[pi].components;
    with_search += std::any_of(cs.begin(), cs.end(), [](const results::Component& c) {
      return c.kind == results::ComponentKind::SearchField;
    });
  }
  const bool search = !w.pages.empty() && with_search * 2 >= w.pages.size();
  results::SiteCheckSummary& sum = s.checks[3];
  const std::size_t before = out.size();
  for (std::uint32_t pi : w.pages) {
    if (pi == w.start) continue;  // the start page is where the site begins
    ++sum.tested;
    const std::uint8_t ways = pages[pi].ways;
    const int count = (ways & kNav ? 1 : 0) + (ways & kRelated ? 1 : 0) + (ways & kSiteMapPage ? 1 : 0) + (search ? 1 : 0);
    if (count >= 2) continue;
    if (count == 0) {
      finding(out, w.site, SiteCheck::MultipleWays, Outcome::CantTell, pi, pages[pi].unit, "no-way",
              {std::string(results::to_string(pages[pi].rec.reached))});
      continue;
    }
    std::string list;
    auto add = [&](bool on, const char* code) {
      if (on) list += (list.empty() ? "" : "|") + std::string(code);
    };
    add(ways & kNav, "nav");
    add(ways & kSiteMapPage, "site-map");
    add(ways & kRelated, "related");
    add(search, "search");
    finding(out, w.site, SiteCheck::MultipleWays, Outcome::CantTell, pi, pages[pi].unit, "one-way", {list});
  }
  sum.findings = out.size() - before;
  sum.outcome = sum.findings ? Outcome::CantTell : sum.tested ? Outcome::Passed : Outcome::Inapplicable;
}

// ---- Broken links and anchors ----------------------------------------------------------

void Analysis::Impl::broken(SiteWork& w, results::SiteSummary& s, std::vector<results::SiteFinding>& out) {
  std::vector<results::SiteFinding> links, anchors;
  const std::string& id = sites.sites()[w.site].id;
  for (const results::SiteFinding& f : link_findings) {
    if (f.site != id) continue;
    (f.check == SiteCheck::BrokenLinks ? links : anchors).push_back(f);
  }
  for (const PendingAnchor& a : pending_anchors) {
    if (pages[a.from].site != w.site) continue;
    const Page& to = pages[a.to];
    if (!to.has_facts || has_id(to.ids, a.fragment)) continue;
    finding(anchors, w.site, SiteCheck::BrokenAnchors, Outcome::Failed, a.from, pages[a.from].unit, "broken-anchor",
            {a.name, a.target, a.fragment});
  }
  // Links in blocks: once per block, on the first of its pages, for the site's owner.
  for (const auto& [bid, on] : w.block_pages) {
    const Block& b = blocks.at(bid);
    const std::string code = block_code(results::to_string(b.block.kind), b.block.label, 1);
    for (std::size_t i = 0; i < b.targets.size(); ++i) {
      const Target& t = b.targets[i];
      const results::NavItem& item = b.block.items[i];
      if (t.self) {
        auto frag = element_fragment(t.fragment);
        if (!frag) continue;
        std::size_t broken = 0;
        std::uint32_t first = kNone;
        for (std::uint32_t pi : on) {
          if (has_id(pages[pi].ids, *frag)) continue;
          if (broken++ == 0) first = pi;
        }
        if (broken) {
          finding(anchors, w.site, SiteCheck::BrokenAnchors, Outcome::Failed, first, w.owner, "broken-anchor-block",
                  {item.name, code, item.target, *frag, std::to_string(broken)});
        }
        continue;
      }
      if (t.page == kNone) continue;
      const Page& to = pages[t.page];
      if (to.rec.kind == "failed" && to.rec.status >= 400 && to.rec.status <= 599) {
        finding(links, w.site, SiteCheck::BrokenLinks, Outcome::Failed, on.front(), w.owner, "broken-link-block",
                {item.name, code, to.rec.url, std::to_string(to.rec.status), std::to_string(on.size())});
      } else if (auto frag = element_fragment(t.fragment); frag && to.has_facts && !has_id(to.ids, *frag)) {
        finding(anchors, w.site, SiteCheck::BrokenAnchors, Outcome::Failed, on.front(), w.owner, "broken-anchor-block",
                {item.name, code, item.target, *frag, std::to_string(on.size())});
      }
    }
  }
  for (auto [list, index] : {std::pair{&links, 4}, std::pair{&anchors, 5}}) {
    results::SiteCheckSummary& sum = s.checks[static_cast<std::size_t>(index)];
    sum.tested = w.pages.size();
    sum.findings = list->size();
    sum.outcome = list->empty() ? (w.pages.empty() ? Outcome::Inapplicable : Outcome::Passed) : Outcome::Failed;
    for (results::SiteFinding& f : *list) out.push_back(std::move(f));
  }
}

// ---- finish ----------------------------------------------------------------------------

SiteResults Analysis::finish(const StatementFetcher& fetch) { return impl_->finish(fetch); }

SiteResults Analysis::Impl::finish(const StatementFetcher& fetch) {
  prepare();
  SiteResults r;
  std::vector<SiteWork> work(sites.sites().size());
  for (std::size_t i = 0; i < work.size(); ++i) work[i].site = i;
  for (std::uint32_t pi = 0; pi < pages.size(); ++pi) {
    const Page& p = pages[pi];
    if (p.site == SiteMap::npos) continue;
    SiteWork& w = work[p.site];
    if (p.html && p.primary == kNone) ++w.html;
    if (!p.html || !p.has_facts) continue;
    w.pages.push_back(pi);
    for (std::int64_t id : p.blocks) {
      if (blocks.contains(id)) w.block_pages[id].push_back(pi);
    }
  }
  for (SiteWork& w : work) {
    const Site& site = sites.sites()[w.site];
    // The start page: a configured seed, a seed of the crawl, else the host's "/".
    std::vector<std::string> starts;
    for (const std::string& seed : site.seeds) starts.push_back(Impl::normal(seed));
    for (std::uint32_t pi : w.pages) {
      if (pages[pi].rec.reached == results::Reached::Seed) starts.push_back(pages[pi].rec.url);
    }
    for (std::uint32_t pi : w.pages) {
      Result<url::Url> u = url::Url::parse(pages[pi].rec.url);
      if (u && u->path() == "/" && !u->has_query()) starts.push_back(pages[pi].rec.url);
    }
    for (const std::string& s : starts) {
      auto it = by_url.find(s);
      if (it != by_url.end() && pages[it->second].site == w.site && pages[it->second].has_facts) {
        w.start = it->second;
        break;
      }
    }
    if (w.html == 0 && w.pages.empty()) continue;  // only documents, redirects or errors: no site to check
    std::map<std::string, std::size_t> units;
    for (std::uint32_t pi : w.pages) ++units[pages[pi].unit];
    w.owner = w.start != kNone ? pages[w.start].unit : units.empty() ? std::string() : units.begin()->first;
    if (w.start == kNone) {
      for (const auto& [u, n] : units) {
        if (n > units[w.owner]) w.owner = u;
      }
    }

    results::SiteSummary s;
    s.id = site.id;
    s.name = site.name;
    s.hosts = site.hosts;
    s.owner = w.owner;
    s.start_url = w.start == kNone ? std::string() : pages[w.start].rec.url;
    for (const auto& [u, n] : units) s.units.push_back(u);
    if (!w.owner.empty() && !units.contains(w.owner)) s.units.push_back(w.owner);
    s.html_pages = w.html;
    for (const Page& p : pages) s.pages += p.site == w.site;
    for (SiteCheck c : results::kSiteChecks) s.checks.push_back({c, Outcome::Inapplicable, 0, 0});
    std::vector<results::SiteFinding> out;
    statement(w, s, out, fetch);
    navigation(w, s, out);
    identification(w, s, out);
    ways(w, s, out);
    broken(w, s, out);
    r.sites.push_back(std::move(s));
    for (results::SiteFinding& f : out) r.findings.push_back(std::move(f));
  }
  return r;
}

}  // namespace granska::site
