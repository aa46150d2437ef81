#include "style/cascade.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <deque>
#include <unordered_map>

#include "style/ua_sheet.h"
#include "style/variables.h"
#include "util/text.h"

namespace granska::style {

namespace {

using html::Match;

constexpr double kMediumFontSize = 16;
constexpr double kMonospaceFontSize = 13;  // browsers' default fixed-width font size
constexpr std::size_t N = kPropertyCount;
constexpr std::int32_t kInlineUse = -1;
constexpr std::int32_t kHintUse = -2;
constexpr std::int32_t kNoUse = -3;

std::size_t idx(Property p) { return static_cast<std::size_t>(p); }

// is_inherited() as a table the compiler can inline.
const std::array<bool, N> kInherited = [] {
  std::array<bool, N> a{};
  for (std::size_t i = 0; i < N; ++i) a[i] = style::is_inherited(static_cast<Property>(i));
  return a;
}();
bool inherits(Property p) { return kInherited[idx(p)]; }

Match both(Match a, Match b) {
  if (a == Match::No || b == Match::No) return Match::No;
  if (a == Match::Maybe || b == Match::Maybe) return Match::Maybe;
  return Match::Yes;
}

// A sheet as this cascade reads it.
struct Use {
  const Sheet* sheet;
  Origin origin;
  std::int32_t page_index;  // index into PageSheets::sheets; -1 for the user-agent sheets
  bool ok = true;           // its media lists and supports() conditions hold
  std::vector<Match> conditions;
  std::vector<std::uint32_t> layer_rank;  // per Sheet::layers entry
  std::uint32_t own_rank = 0;             // rank of the sheet's unlayered rules
  // Quirks mode: ids and classes matched case-insensitively, so filed by lowercase name.
  std::unordered_map<std::string, std::vector<RuleRef>> quirks_ids, quirks_classes;
  // The rules filed under each of the document's distinct types and classes (numbered in
  // ComputedStyles::Impl::run), so a lookup per element and sheet costs no hashing.
  std::vector<const std::vector<RuleRef>*> tag_lists, class_lists;
  // Every selector that depends on a link's visited state, for the second cascade of links.
  std::vector<RuleRef> link_refs;
};

struct Cand {
  std::uint32_t use;
  std::uint32_t rule;
  html::Selector::Specificity spec;
  bool maybe;
  bool link_state;
};

struct Entry {
  const Declaration* decl;
  std::uint8_t cls;  // 0 UA normal, 1 author normal, 2 author important, 3 UA important
  bool inline_style;
  std::uint32_t layer;  // rank, reversed for !important
  std::uint32_t spec;
  std::uint64_t order;
  bool maybe;
  std::int32_t use;
  std::uint32_t raw_layer;

  bool beats(const Entry& o) const {
    if (cls != o.cls) return cls > o.cls;
    if (inline_style != o.inline_style) return inline_style;
    if (layer != o.layer) return layer > o.layer;
    if (spec != o.spec) return spec > o.spec;
    return order > o.order;
  }
};

std::uint32_t pack(const html::Selector::Specificity& s) {
  auto c = [](int v) { return static_cast<std::uint32_t>(std::clamp(v, 0, 1023)); };
  return (c(s.a) << 20) | (c(s.b) << 10) | c(s.c);
}

bool is_link(const html::Node& e) { return (e.is("a") || e.is("area")) && e.has_attr("href"); }

// Elements whose display: contents computes to none (CSS Display, appendix B).
bool contents_is_none(const html::Node& e) {
  if (e.ns() != html::Namespace::Html) return false;
  static constexpr std::string_view kTags[] = {"br", "wbr", "meter", "progress", "canvas", "embed", "object",
                                               "audio", "iframe", "img", "video", "frame", "frameset",
                                               "input", "textarea", "select"};
  return std::find(std::begin(kTags), std::end(kTags), e.tag()) != std::end(kTags);
}

// The result of the cascade for one property, ready to compute.
struct Resolved {
  enum class Kind : std::uint8_t { Value, Inherit, Initial, Unknown } kind = Kind::Initial;
  const Value* value = nullptr;
};

// font-size state carried down the tree, as Blink keeps it: a size derived from a
// keyword (medium...) or from relative units on such a size follows the generic font
// family (monospace is 13px by default, other families 16px); an absolute size does not.
struct FontState {
  std::optional<double> size = kMediumFontSize;
  std::uint8_t keyword = 4;  // 1..8 = xx-small..xxx-large, 0 none
  bool absolute = false;
  std::optional<bool> mono = false;
};

double keyword_px(std::uint8_t k) {
  static constexpr double kSizes[] = {9, 10, 13, 16, 18, 24, 32, 48};
  return kSizes[std::clamp<int>(k, 1, 8) - 1];
}

int bolder(int w) { return w < 350 ? 400 : w < 550 ? 700 : w < 900 ? 900 : w; }
int lighter(int w) { return w < 100 ? w : w < 550 ? 100 : w < 750 ? 400 : 700; }

}  // namespace

struct ComputedStyles::Impl {
  const html::Document& doc;
  const PageSheets& sheets;
  Environment env;
  bool orientation = false;
  std::vector<ComputedStyle> computed;
  std::vector<FontState> fonts;
  std::vector<std::shared_ptr<const std::vector<std::pair<std::string, CustomValue>>>> customs;
  // Winners: per element a range of (property, entry) records.
  struct Winner {
    Property property;
    const Declaration* decl;
    std::int32_t use;
    bool uncertain;
    std::uint32_t line_offset;  // added to decl->line (the page line of a <style>)
  };
  std::vector<std::uint32_t> winner_begin;
  std::vector<Winner> winners;
  std::deque<Declaration> owned;  // style attributes and presentational hints
  std::vector<Use> uses;

  Impl(const html::Document& d, const PageSheets& s, const Environment& e) : doc(d), sheets(s), env(e) {}
  void setup();
  void run();
};

namespace {

// Layer order across the page: a tree of names in order of first mention, ranked so that
// a layer's sublayers come before its own rules and unlayered rules come last.
class LayerOrder {
 public:
  std::uint32_t node(const std::string& full) {
    auto it = ids_.find(full);
    if (it != ids_.end()) return it->second;
    std::uint32_t parent = 0;
    std::size_t dot = full.rfind('.');
    if (dot != std::string::npos) parent = node(full.substr(0, dot));
    auto id = static_cast<std::uint32_t>(children_.size());
    children_.emplace_back();
    children_[parent].push_back(id);
    ids_.emplace(full, id);
    return id;
  }
  // Ranks, indexed by node id (0 = the root: unlayered).
  std::vector<std::uint32_t> ranks() const {
    std::vector<std::uint32_t> rank(children_.size(), 0);
    std::uint32_t next = 0;
    // Post-order without recursion.
    std::vector<std::pair<std::uint32_t, std::size_t>> stack{{0, 0}};
    while (!stack.empty()) {
      auto& [n, child] = stack.back();
      if (child < children_[n].size()) {
        std::uint32_t c = children_[n][child++];
        stack.emplace_back(c, 0);
      } else {
        rank[n] = ++next;
        stack.pop_back();
      }
    }
    return rank;
  }

 private:
  std::unordered_map<std::string, std::uint32_t> ids_;
  std::vector<std::vector<std::uint32_t>> children_{{}};
};

std::string qualify_anonymous(std::string name, std::int32_t use) {
  // Anonymous layers ("\x01<n>") are unique per sheet as used, not per sheet text.
  std::string out;
  for (char c : name) {
    out += c;
    if (c == '\x01') out += std::to_string(use) + "#";
  }
  return out;
}

}  // namespace

void ComputedStyles::Impl::setup() {
  auto add_use = [&](const Sheet* sheet, Origin origin, std::int32_t page_index) {
    Use u{sheet, origin, page_index, true, {}, {}, 0, {}, {}, {}, {}, {}};
    auto collect_links = [&](const std::vector<RuleRef>& refs) {
      for (const RuleRef& r : refs) {
        if (r.link_state) u.link_refs.push_back(r);
      }
    };
    collect_links(sheet->any);
    for (const Buckets* b : {&sheet->by_id, &sheet->by_class, &sheet->by_tag, &sheet->by_attr}) {
      for (const auto& [key, refs] : *b) collect_links(refs);
    }
    if (!doc.has_doctype()) {
      for (const auto& [key, refs] : sheet->by_id) {
        auto& v = u.quirks_ids[text::ascii_lower(key)];
        v.insert(v.end(), refs.begin(), refs.end());
      }
      for (const auto& [key, refs] : sheet->by_class) {
        auto& v = u.quirks_classes[text::ascii_lower(key)];
        v.insert(v.end(), refs.begin(), refs.end());
      }
    }
    u.conditions.resize(sheet->conditions.size(), Match::Yes);
    for (std::size_t i = 0; i < sheet->conditions.size(); ++i) {
      const Condition& c = sheet->conditions[i];
      Match m = Match::Yes;
      switch (c.kind) {
        case Condition::Kind::Media: m = media_matches(c.text, env) ? Match::Yes : Match::No; break;
        case Condition::Kind::Supports: m = c.supported ? Match::Yes : Match::No; break;
        case Condition::Kind::Unknown: m = Match::Maybe; break;
        case Condition::Kind::Never: m = Match::No; break;
      }
      if (c.parent >= 0) m = both(m, u.conditions[static_cast<std::size_t>(c.parent)]);
      u.conditions[i] = m;
    }
    uses.push_back(std::move(u));
  };
  add_use(&user_agent_sheet(), Origin::UserAgent, -1);
  if (!doc.has_doctype()) add_use(&quirks_sheet(), Origin::UserAgent, -1);
  LayerOrder layers;
  std::vector<std::vector<std::uint32_t>> layer_nodes;
  std::vector<std::uint32_t> own_nodes;
  for (std::size_t i = 0; i < sheets.sheets.size(); ++i) {
    const SheetUse& s = sheets.sheets[i];
    if (!s.sheet) continue;
    add_use(s.sheet.get(), Origin::Author, static_cast<std::int32_t>(i));
    Use& u = uses.back();
    u.ok = s.supported;
    for (const std::string& m : s.media) u.ok = u.ok && media_matches(m, env);
    orientation = orientation || s.sheet->orientation_queries;
    for (const std::string& m : s.media) orientation = orientation || mentions_orientation(m);
    std::string prefix = s.layered ? qualify_anonymous(s.layer, static_cast<std::int32_t>(i)) : std::string();
    own_nodes.push_back(prefix.empty() ? 0 : layers.node(prefix));
    std::vector<std::uint32_t> nodes;
    for (const std::string& name : s.sheet->layers) {
      std::string q = qualify_anonymous(name, static_cast<std::int32_t>(i));
      nodes.push_back(layers.node(prefix.empty() ? q : prefix + "." + q));
    }
    layer_nodes.push_back(std::move(nodes));
  }
  std::vector<std::uint32_t> rank = layers.ranks();
  std::size_t author = 0;
  for (Use& u : uses) {
    if (u.origin != Origin::Author) continue;
    u.own_rank = rank[own_nodes[author]];
    for (std::uint32_t n : layer_nodes[author]) u.layer_rank.push_back(rank[n]);
    ++author;
  }
}

namespace {

// Presentational hints (HTML §15): attributes that style an element, as author-level
// declarations of specificity 0 before every author style sheet.
void add_hints(const html::Node& e, std::deque<Declaration>& owned, std::vector<const Declaration*>& out) {
  if (e.ns() != html::Namespace::Html) return;
  auto color = [&](Property p, std::string_view attr) {
    auto v = e.attr(attr);
    if (!v) return;
    std::optional<Rgba> c = parse_legacy_color(*v);
    if (!c) return;
    Declaration d;
    d.property = p;
    d.line = e.position().line;
    d.value.kind = Value::Kind::Color;
    d.value.color = *c;
    owned.push_back(std::move(d));
    out.push_back(&owned.back());
  };
  std::string_view t = e.tag();
  if (t == "font") {
    color(Property::Color, "color");
    if (auto size = e.attr("size")) {
      std::string_view s = text::trim(*size);
      int mode = 0;  // +1 relative up, -1 down
      if (!s.empty() && (s[0] == '+' || s[0] == '-')) {
        mode = s[0] == '+' ? 1 : -1;
        s.remove_prefix(1);
      }
      int n = 0;
      std::size_t digits = 0;
      while (digits < s.size() && s[digits] >= '0' && s[digits] <= '9' && n < 100) n = n * 10 + (s[digits++] - '0');
      if (digits > 0) {
        int v = mode == 0 ? n : 3 + mode * n;
        v = std::clamp(v, 1, 7);
        static constexpr std::uint8_t kKeyword[] = {2, 3, 4, 5, 6, 7, 8};  // 1 → x-small ... 7 → xxx-large
        Declaration d;
        d.property = Property::FontSize;
        d.line = e.position().line;
        d.value.kind = Value::Kind::Keyword;
        d.value.keyword = static_cast<std::uint8_t>(kw::kFontSizeKeyword + kKeyword[v - 1] - 1);
        owned.push_back(std::move(d));
        out.push_back(&owned.back());
      }
    }
  }
  if (t == "body") color(Property::Color, "text");
  if (t == "body" || t == "table" || t == "tr" || t == "td" || t == "th" || t == "thead" || t == "tbody" ||
      t == "tfoot" || t == "col" || t == "colgroup" || t == "marquee") {
    color(Property::BackgroundColor, "bgcolor");
  }
  if ((t == "body" || t == "table" || t == "td" || t == "th") && e.has_attr("background") &&
      !text::trim(*e.attr("background")).empty()) {
    Declaration d;
    d.property = Property::BackgroundImage;
    d.line = e.position().line;
    d.value.kind = Value::Kind::Image;
    d.value.text = "url(" + std::string(*e.attr("background")) + ")";
    owned.push_back(std::move(d));
    out.push_back(&owned.back());
  }
}

void split_classes(std::string_view s, std::vector<std::string_view>& out) {
  out.clear();
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && text::is_html_space(s[i])) ++i;
    std::size_t start = i;
    while (i < s.size() && !text::is_html_space(s[i])) ++i;
    if (i > start) out.push_back(s.substr(start, i - start));
  }
}

// The winner of the cascade per property among `entries` (sorted, best first), with the
// uncertain candidates above it.
struct Winners {
  std::array<std::int32_t, N> win;
  std::array<bool, N> uncertain;
  std::vector<std::uint8_t> touched;  // properties with a winner or an uncertain candidate
  // Uncertain candidates for display, visibility and content-visibility: (property, entry).
  std::vector<std::pair<std::uint8_t, std::uint32_t>> maybes;
  struct Custom {
    std::int32_t win = -1;
    bool uncertain = false;
    bool skip_author = false;
    bool has_skip_layer = false;
    std::uint8_t skip_cls = 0;
    std::uint32_t skip_layer = 0;
  };
  // Custom properties met on the element (few, except on :root): a vector, searched linearly.
  std::vector<std::pair<std::string_view, Custom>> custom;
  Custom& custom_slot(std::string_view name) {
    for (auto& [n, c] : custom) {
      if (n == name) return c;
    }
    return custom.emplace_back(name, Custom{}).second;
  }

  void decide(const std::vector<Entry>& entries, bool only_color = false) {
    for (std::uint8_t t : touched) {
      win[t] = -1;
      uncertain[t] = false;
    }
    touched.clear();
    maybes.clear();
    custom.clear();
    std::array<bool, N> skip_author{};
    std::array<bool, N> has_skip_layer{};
    std::array<std::uint8_t, N> skip_cls{};
    std::array<std::uint32_t, N> skip_layer{};
    for (std::size_t i = 0; i < entries.size(); ++i) {
      const Entry& en = entries[i];
      const Declaration& d = *en.decl;
      bool author = en.cls == 1 || en.cls == 2;
      if (d.property == Property::Custom) {
        if (only_color) continue;
        Custom& c = custom_slot(d.name);
        if (c.win >= 0) continue;
        if (c.skip_author && author) continue;
        if (c.has_skip_layer && en.cls == c.skip_cls && en.raw_layer == c.skip_layer) continue;
        if (en.maybe) {
          c.uncertain = true;
          continue;
        }
        if (d.value.kind == Value::Kind::Text) {
          std::string_view v = text::trim(d.value.text);
          if (text::iequals(v, "revert") && author) {
            c.skip_author = true;
            continue;
          }
          if (text::iequals(v, "revert-layer")) {
            c.has_skip_layer = true;
            c.skip_cls = en.cls;
            c.skip_layer = en.raw_layer;
            continue;
          }
        }
        c.win = static_cast<std::int32_t>(i);
        continue;
      }
      std::size_t p = idx(d.property);
      if (only_color && d.property != Property::Color) continue;
      if (win[p] >= 0) continue;
      if (skip_author[p] && author) continue;
      if (has_skip_layer[p] && en.cls == skip_cls[p] && en.raw_layer == skip_layer[p]) continue;
      if (en.maybe) {
        if (!uncertain[p]) touched.push_back(static_cast<std::uint8_t>(p));
        uncertain[p] = true;
        if (d.property == Property::Display || d.property == Property::Visibility ||
            d.property == Property::ContentVisibility) {
          maybes.emplace_back(static_cast<std::uint8_t>(p), static_cast<std::uint32_t>(i));
        }
        continue;
      }
      if (d.value.is_wide(Wide::Revert) && author) {
        skip_author[p] = true;
        continue;
      }
      if (d.value.is_wide(Wide::RevertLayer) && author) {
        has_skip_layer[p] = true;
        skip_cls[p] = en.cls;
        skip_layer[p] = en.raw_layer;
        continue;
      }
      if (!uncertain[p]) touched.push_back(static_cast<std::uint8_t>(p));
      win[p] = static_cast<std::int32_t>(i);
    }
  }
};

using CustomMap = std::vector<std::pair<std::string, CustomValue>>;

const CustomValue* find_custom(const CustomMap& m, std::string_view name) {
  auto it = std::lower_bound(m.begin(), m.end(), name,
                             [](const auto& p, std::string_view n) { return std::string_view(p.first) < n; });
  return it != m.end() && it->first == name ? &it->second : nullptr;
}

}  // namespace

void ComputedStyles::Impl::run() {
  setup();
  const auto& elements = doc.elements();
  std::size_t n = elements.size();
  computed.resize(n);
  fonts.resize(n);
  customs.resize(n);
  winner_begin.assign(n + 1, 0);
  html::MatchContext ctx(doc);
  std::vector<bool> in_link(n, false);

  // The document's distinct types and classes, numbered; each element's as numbers.
  const bool quirks = !doc.has_doctype();
  std::unordered_map<std::string_view, std::uint32_t> tag_ids, class_ids;
  std::vector<std::string_view> tag_names, class_names;
  std::vector<std::uint32_t> tag_of(n), class_begin(n + 1, 0), class_flat;
  {
    std::vector<std::string_view> tokens;
    for (const html::Node* e : elements) {
      std::uint32_t i = e->element_index();
      auto [t, fresh] = tag_ids.emplace(e->tag(), static_cast<std::uint32_t>(tag_names.size()));
      if (fresh) tag_names.push_back(e->tag());
      tag_of[i] = t->second;
      class_begin[i] = static_cast<std::uint32_t>(class_flat.size());
      if (auto cls = e->attr("class"); cls && !quirks) {
        split_classes(*cls, tokens);
        for (std::size_t k = 0; k < tokens.size(); ++k) {
          auto [c, added] = class_ids.emplace(tokens[k], static_cast<std::uint32_t>(class_names.size()));
          if (added) class_names.push_back(tokens[k]);
          // A class written twice on the element is looked up once.
          if (std::find(class_flat.begin() + class_begin[i], class_flat.end(), c->second) == class_flat.end()) {
            class_flat.push_back(c->second);
          }
        }
      }
    }
    class_begin[n] = static_cast<std::uint32_t>(class_flat.size());
    for (Use& use : uses) {
      use.tag_lists.assign(tag_names.size(), nullptr);
      use.class_lists.assign(class_names.size(), nullptr);
      for (std::size_t t = 0; t < tag_names.size(); ++t) {
        if (auto it = use.sheet->by_tag.find(tag_names[t]); it != use.sheet->by_tag.end()) use.tag_lists[t] = &it->second;
      }
      for (std::size_t c = 0; c < class_names.size(); ++c) {
        if (auto it = use.sheet->by_class.find(class_names[c]); it != use.sheet->by_class.end()) {
          use.class_lists[c] = &it->second;
        }
      }
    }
  }

  std::vector<Cand> cands;
  std::vector<Entry> entries, visited_entries;
  std::vector<std::string_view> classes;
  std::vector<const Declaration*> hints;
  std::vector<Declaration> inline_decls;
  Winners w, vw;
  w.win.fill(-1);
  w.uncertain.fill(false);
  vw.win.fill(-1);
  vw.uncertain.fill(false);
  std::deque<std::string> arena;
  // The text with its property (a longhand) or shorthand, and the set of custom properties.
  struct VarKey {
    std::string_view text;
    int what;
    const void* customs;
    bool operator==(const VarKey&) const = default;
  };
  struct VarKeyHash {
    std::size_t operator()(const VarKey& k) const {
      return (std::hash<std::string_view>{}(k.text) * 31 + static_cast<std::size_t>(k.what)) * 31 ^
             std::hash<const void*>{}(k.customs);
    }
  };
  struct VarResult {
    bool unknown = false;
    std::vector<std::pair<Property, Value>> values;  // empty: invalid
  };
  std::unordered_map<VarKey, VarResult, VarKeyHash> var_memo;
  double root_font_size = kMediumFontSize;
  auto empty_customs = std::make_shared<const CustomMap>();

  ComputedStyle root_defaults;
  root_defaults.color = Rgba{0, 0, 0, 1};
  root_defaults.visited_color = root_defaults.color;
  root_defaults.font_size = kMediumFontSize;
  root_defaults.font_weight = 400;
  FontState root_font;

  for (const html::Node* e : elements) {
    std::uint32_t i = e->element_index();
    const html::Node* parent = e->parent_element();
    const ComputedStyle& ps = parent ? computed[parent->element_index()] : root_defaults;
    const FontState& pf = parent ? fonts[parent->element_index()] : root_font;
    in_link[i] = is_link(*e) || (parent && in_link[parent->element_index()]);

    // ---- 1. Candidate rules ----
    cands.clear();
    auto id = e->attr("id");
    classes.clear();
    if (quirks) {
      if (auto cls = e->attr("class")) split_classes(*cls, classes);
    }
    const html::AncestorBits* have = ctx.ancestor_bits(*e);
    auto gather = [&](bool visited_pass) {
      for (std::uint32_t u = 0; u < uses.size(); ++u) {
        const Use& use = uses[u];
        if (!use.ok) continue;
        const Sheet& sheet = *use.sheet;
        auto consider = [&](const RuleRef& ref) {
          if (have && !have->covers(ref.ancestors)) return;  // no ancestor has what it needs
          const Rule& rule = sheet.rules[ref.rule];
          bool link = ref.link_state;
          if (visited_pass && !link) return;
          Match cond = rule.condition >= 0 ? use.conditions[static_cast<std::size_t>(rule.condition)] : Match::Yes;
          if (cond == Match::No) return;
          Match m = rule.selector.match(ref.complex, *e, ctx);
          if (m == Match::No) return;
          cands.push_back(Cand{u, ref.rule, rule.selector.specificity(ref.complex),
                               m == Match::Maybe || cond == Match::Maybe, link});
        };
        if (visited_pass) {  // only the selectors that :visited changes
          for (const RuleRef& r : use.link_refs) consider(r);
          continue;
        }
        for (const RuleRef& r : sheet.any) consider(r);
        if (!sheet.by_attr.empty()) {
          for (const html::Attribute& a : e->attributes()) {
            if (auto it = sheet.by_attr.find(a.name); it != sheet.by_attr.end()) {
              for (const RuleRef& r : it->second) consider(r);
            }
          }
        }
        if (const auto* list = use.tag_lists[tag_of[i]]) {
          for (const RuleRef& r : *list) consider(r);
        }
        if (quirks) {
          if (id && !id->empty()) {
            if (auto it = use.quirks_ids.find(text::ascii_lower(*id)); it != use.quirks_ids.end()) {
              for (const RuleRef& r : it->second) consider(r);
            }
          }
          for (std::size_t k = 0; k < classes.size(); ++k) {
            if (auto it = use.quirks_classes.find(text::ascii_lower(classes[k])); it != use.quirks_classes.end()) {
              for (const RuleRef& r : it->second) consider(r);
            }
          }
          continue;
        }
        if (id && !id->empty()) {
          if (auto it = sheet.by_id.find(*id); it != sheet.by_id.end()) {
            for (const RuleRef& r : it->second) consider(r);
          }
        }
        for (std::uint32_t k = class_begin[i]; k < class_begin[i + 1]; ++k) {
          if (const auto* list = use.class_lists[class_flat[k]]) {
            for (const RuleRef& r : *list) consider(r);
          }
        }
      }
      // One candidate per rule: a selector list matching through several of its complex
      // selectors counts once, with the highest specificity.
      std::sort(cands.begin(), cands.end(), [](const Cand& a, const Cand& b) {
        return a.use != b.use ? a.use < b.use : a.rule < b.rule;
      });
      std::size_t out = 0;
      for (std::size_t k = 0; k < cands.size(); ++k) {
        if (out > 0 && cands[out - 1].use == cands[k].use && cands[out - 1].rule == cands[k].rule) {
          Cand& c = cands[out - 1];
          if (!cands[k].maybe && (c.maybe || cands[k].spec > c.spec)) c.spec = cands[k].spec;
          c.maybe = c.maybe && cands[k].maybe;
          c.link_state = c.link_state || cands[k].link_state;
        } else {
          cands[out++] = cands[k];
        }
      }
      cands.resize(out);
    };

    auto build_entries = [&](std::vector<Entry>& out, bool include_own) {
      out.clear();
      for (const Cand& c : cands) {
        const Use& use = uses[c.use];
        const Rule& rule = use.sheet->rules[c.rule];
        std::uint32_t raw_layer = rule.layer >= 0 ? use.layer_rank[static_cast<std::size_t>(rule.layer)] : use.own_rank;
        if (use.origin == Origin::UserAgent) raw_layer = 0;
        for (std::uint32_t d = rule.first; d < rule.end; ++d) {
          const Declaration& decl = use.sheet->declarations[d];
          bool ua = use.origin == Origin::UserAgent;
          std::uint8_t cl = ua ? (decl.important ? 3 : 0) : (decl.important ? 2 : 1);
          std::uint32_t layer = decl.important ? 0xFFFFFFFFu - raw_layer : raw_layer;
          // Order of appearance: the sheet, then the declaration (later ones in a rule win).
          out.push_back(Entry{&decl, cl, false, layer, pack(c.spec), (std::uint64_t{c.use + 1} << 32) | d, c.maybe,
                              static_cast<std::int32_t>(c.use), raw_layer});
        }
      }
      if (!include_own) return;
      // Presentational hints: author origin, specificity 0, before every author sheet.
      hints.clear();
      add_hints(*e, owned, hints);
      for (std::size_t k = 0; k < hints.size(); ++k) {
        out.push_back(Entry{hints[k], 1, false, 0, 0, k, false, kHintUse, 0});
      }
      if (auto style = e->attr("style"); style && !text::trim(*style).empty()) {
        inline_decls.clear();
        parse_declaration_list(*style, inline_decls);
        std::uint32_t line = e->position().line;
        std::uint64_t order = ~std::uint64_t{0} - inline_decls.size();
        for (Declaration& d : inline_decls) {
          d.line = line;
          owned.push_back(std::move(d));
          const Declaration& stored = owned.back();
          out.push_back(Entry{&stored, static_cast<std::uint8_t>(stored.important ? 2 : 1), true, 0, 0, ++order,
                              false, kInlineUse, 0});
        }
      }
    };

    gather(false);
    build_entries(entries, true);
    // Orders are unique per declaration, so a plain sort is stable enough.
    std::sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) { return a.beats(b); });
    w.decide(entries);

    // ---- 2. Custom properties ----
    const auto& parent_customs = parent ? customs[parent->element_index()] : empty_customs;
    if (w.custom.empty()) {
      customs[i] = parent_customs;
    } else {
      auto mine = std::make_shared<CustomMap>(*parent_customs);
      std::vector<std::pair<std::string_view, const Winners::Custom*>> own;
      for (const auto& [name, c] : w.custom) own.emplace_back(name, &c);
      // Raw values first; var() inside them is resolved below, on demand.
      std::unordered_map<std::string_view, std::uint8_t> state;  // 1 resolving, 2 done
      std::unordered_map<std::string_view, std::string> raw;
      for (const auto& [name, c] : own) {
        CustomValue v;
        if (c->uncertain) {
          v.state = CustomValue::State::Unknown;
        } else if (c->win >= 0) {
          std::string_view text = text::trim(entries[static_cast<std::size_t>(c->win)].decl->value.text);
          if (text::iequals(text, "initial")) {
            v.state = CustomValue::State::Invalid;
          } else if (text::iequals(text, "inherit") || text::iequals(text, "unset") || text::iequals(text, "revert") ||
                     text::iequals(text, "revert-layer")) {
            const CustomValue* pv = find_custom(*parent_customs, name);
            if (pv) v = *pv;
          } else {
            v.state = CustomValue::State::Ok;
            v.text = std::string(text);
            if (has_references(text)) raw[name] = v.text;
          }
        } else {
          continue;
        }
        auto it = std::lower_bound(mine->begin(), mine->end(), name,
                                   [](const auto& p, std::string_view k) { return std::string_view(p.first) < k; });
        if (it != mine->end() && it->first == name) {
          it->second = std::move(v);
        } else {
          mine->insert(it, {std::string(name), std::move(v)});
        }
      }
      // Resolve var() references among this element's own values; a cycle makes every
      // property on it invalid. Depth is bounded (kMaxVarDepth): deeper chains are unknown.
      auto slot_of = [&](std::string_view name) -> CustomValue* {
        auto it = std::lower_bound(mine->begin(), mine->end(), name,
                                   [](const auto& p, std::string_view k) { return std::string_view(p.first) < k; });
        return it != mine->end() && it->first == name ? &it->second : nullptr;
      };
      std::unordered_map<std::string_view, bool> cyclic;
      std::vector<std::string_view> resolving;
      CustomLookup lookup;
      std::function<void(std::string_view)> resolve_custom = [&](std::string_view name) {
        auto r = raw.find(name);
        if (r == raw.end() || state[name] == 2) return;
        CustomValue* slot = slot_of(name);
        if (resolving.size() >= static_cast<std::size_t>(kMaxVarDepth)) {
          slot->state = CustomValue::State::Unknown;
          state[name] = 2;
          return;
        }
        state[name] = 1;
        resolving.push_back(name);
        bool unknown = false;
        std::optional<std::string> out = substitute(r->second, lookup, unknown);
        resolving.pop_back();
        if (cyclic[name]) {
          slot->state = CustomValue::State::Invalid;
        } else if (slot->state != CustomValue::State::Unknown) {
          slot->state = out ? CustomValue::State::Ok
                            : (unknown ? CustomValue::State::Unknown : CustomValue::State::Invalid);
          if (out) slot->text = std::move(*out);
        }
        state[name] = 2;
      };
      lookup = [&](std::string_view name) -> const CustomValue* {
        CustomValue* v = slot_of(name);
        if (!v || !raw.count(name)) return v;
        if (state[name] == 1) {
          // A cycle: every property on it, from `name` to the innermost, is invalid.
          for (auto it = resolving.rbegin(); it != resolving.rend(); ++it) {
            cyclic[*it] = true;
            if (*it == name) break;
          }
          static const CustomValue kInvalid;
          return &kInvalid;
        }
        resolve_custom(name);
        return v;
      };
      for (const auto& entry : raw) resolve_custom(entry.first);
      customs[i] = std::move(mine);
    }
    const CustomMap& my_customs = *customs[i];
    CustomLookup lookup_final = [&](std::string_view name) { return find_custom(my_customs, name); };

    // ---- 3. Winners of the element, and values resolved through var() ----
    // ignore_uncertain: what applies if the rules granska could not evaluate do not.
    auto resolve = [&](Property p, const Winners& from, const std::vector<Entry>& ents,
                       bool ignore_uncertain = false) -> Resolved {
      std::int32_t k = from.win[idx(p)];
      bool uncertain = from.uncertain[idx(p)] && !ignore_uncertain;
      Resolved r;
      if (k < 0) {
        r.kind = inherits(p) ? Resolved::Kind::Inherit : Resolved::Kind::Initial;
        if (uncertain) r.kind = Resolved::Kind::Unknown;
        return r;
      }
      const Value* v = &ents[static_cast<std::size_t>(k)].decl->value;
      if (v->kind == Value::Kind::Pending || v->kind == Value::Kind::PendingShorthand) {
        // Substituted and parsed once per declaration and set of custom properties: most
        // elements share their parent's set, so a theme's var() costs once, not per element.
        int what = v->kind == Value::Kind::Pending ? static_cast<int>(p) : 1000 + v->keyword;
        VarKey key{v->text, what, &my_customs};
        auto it = var_memo.find(key);
        if (it == var_memo.end()) {
          VarResult res_v;
          std::optional<std::string> text = substitute(v->text, lookup_final, res_v.unknown);
          if (text) {
            arena.clear();
            std::vector<Token> tokens = tokenize_all(*text, arena);
            if (v->kind == Value::Kind::Pending) {
              if (std::optional<Value> parsed = parse_longhand(p, tokens, *text)) {
                res_v.values.emplace_back(p, std::move(*parsed));
              }
            } else {
              expand_shorthand(static_cast<Shorthand>(v->keyword), tokens, *text, res_v.values);
            }
          }
          it = var_memo.emplace(key, std::move(res_v)).first;
        }
        const VarResult& vr = it->second;
        const Value* parsed = nullptr;
        for (const auto& [lp, lv] : vr.values) {
          if (lp == p) parsed = &lv;
        }
        if (!parsed || parsed->kind == Value::Kind::Pending || parsed->kind == Value::Kind::PendingShorthand) {
          // Invalid at computed-value time: unset (or unknown when granska could not tell).
          r.kind = vr.unknown ? Resolved::Kind::Unknown
                              : (inherits(p) ? Resolved::Kind::Inherit : Resolved::Kind::Initial);
          return r;
        }
        v = parsed;
      }
      if (v->kind == Value::Kind::Wide) {
        switch (v->wide) {
          case Wide::Inherit: r.kind = Resolved::Kind::Inherit; break;
          case Wide::Initial: r.kind = Resolved::Kind::Initial; break;
          default: r.kind = inherits(p) ? Resolved::Kind::Inherit : Resolved::Kind::Initial; break;
        }
      } else if (v->kind == Value::Kind::Unknown) {
        r.kind = Resolved::Kind::Unknown;
      } else {
        r.kind = Resolved::Kind::Value;
        r.value = v;
      }
      if (uncertain) r.kind = Resolved::Kind::Unknown;
      return r;
    };
    auto res = [&](Property p) { return resolve(p, w, entries); };
    // Whether anything was declared for `p` (else: the parent's value or the initial one).
    auto has = [&](Property p) { return w.win[idx(p)] >= 0 || w.uncertain[idx(p)]; };

    // Record the winners for provenance.
    winner_begin[i] = static_cast<std::uint32_t>(winners.size());
    std::sort(w.touched.begin(), w.touched.end());
    for (std::uint8_t p : w.touched) {
      std::int32_t k = w.win[p];
      const Entry* en = k >= 0 ? &entries[static_cast<std::size_t>(k)] : nullptr;
      std::uint32_t offset = 0;
      if (en && en->use >= 0 && uses[static_cast<std::size_t>(en->use)].page_index >= 0) {
        const SheetUse& su = sheets.sheets[static_cast<std::size_t>(uses[static_cast<std::size_t>(en->use)].page_index)];
        if (su.url.empty()) offset = su.first_line > 0 ? su.first_line - 1 : 0;
      }
      winners.push_back(Winner{static_cast<Property>(p), en ? en->decl : nullptr, en ? en->use : kNoUse,
                               w.uncertain[p], offset});
    }

    ComputedStyle& cs = computed[i];
    FontState& font = fonts[i];
    LengthContext lc;
    lc.viewport_width = env.viewport_width;
    lc.viewport_height = env.viewport_height;
    lc.root_font_size = e == doc.html() ? kMediumFontSize : root_font_size;

    // ---- font-family (monospace only), font-size ----
    {
      Resolved r = res(Property::FontFamily);
      if (r.kind == Resolved::Kind::Value) font.mono = r.value->keyword == kw::kMonospace;
      else if (r.kind == Resolved::Kind::Initial) font.mono = false;
      else if (r.kind == Resolved::Kind::Unknown) font.mono.reset();
      else font.mono = pf.mono;
    }
    {
      Resolved r = res(Property::FontSize);
      font.size = pf.size;
      font.keyword = pf.keyword;
      font.absolute = pf.absolute;
      LengthContext flc = lc;
      flc.font_size = pf.size.value_or(kMediumFontSize);
      flc.percent_base = pf.size;
      if (r.kind == Resolved::Kind::Initial) {
        font.keyword = 4;
        font.absolute = false;
        font.size = kMediumFontSize;
      } else if (r.kind == Resolved::Kind::Unknown) {
        font.size.reset();
      } else if (r.kind == Resolved::Kind::Value) {
        const Value& v = *r.value;
        if (v.kind == Value::Kind::Keyword && v.keyword >= kw::kFontSizeKeyword && v.keyword < kw::kFontSizeKeyword + 8) {
          font.keyword = static_cast<std::uint8_t>(v.keyword - kw::kFontSizeKeyword + 1);
          font.absolute = false;
          font.size = keyword_px(font.keyword);
        } else if (v.kind == Value::Kind::Keyword && (v.keyword == kw::kLarger || v.keyword == kw::kSmaller)) {
          font.keyword = 0;
          if (pf.size) font.size = v.keyword == kw::kLarger ? *pf.size * 1.2 : *pf.size / 1.2;
        } else if (v.kind == Value::Kind::Length) {
          font.keyword = 0;
          bool relative = v.unit == Unit::Em || v.unit == Unit::Percent || v.unit == Unit::Ex || v.unit == Unit::Ch;
          if (!relative) font.absolute = true;
          font.size = pf.size || !relative ? resolve_length(v.number, v.unit, flc) : std::nullopt;
        } else if (v.kind == Value::Kind::Calc) {
          font.keyword = 0;
          font.size = pf.size ? evaluate_calc(v.text, flc) : std::nullopt;
        } else {
          font.size.reset();
        }
        if (font.size && *font.size < 0) font.size.reset();
      }
      // The generic family changed between monospace and the rest: a size that was not
      // given absolutely follows it (13px vs 16px defaults).
      if (!font.absolute && font.size) {
        if (!font.mono || !pf.mono) {
          font.size.reset();
        } else if (*font.mono != *pf.mono) {
          if (font.keyword == 4) {
            font.size = *font.mono ? kMonospaceFontSize : kMediumFontSize;
          } else if (font.keyword != 0 && *font.mono) {
            font.size.reset();  // other keywords in monospace: the browser's table, not modelled
          } else {
            font.size = *font.mono ? *font.size * kMonospaceFontSize / kMediumFontSize
                                   : *font.size * kMediumFontSize / kMonospaceFontSize;
          }
        }
      }
      cs.font_size = font.size;
      lc.font_size = cs.font_size.value_or(kMediumFontSize);
    }
    if (e == doc.html()) root_font_size = cs.font_size.value_or(kMediumFontSize);
    bool font_known = cs.font_size.has_value();

    auto length_of = [&](Property p, std::optional<double> initial, std::optional<double> inherited,
                         std::optional<double> percent_base, bool needs_font) -> std::optional<double> {
      if (!has(p)) return inherits(p) ? inherited : initial;
      Resolved r = res(p);
      switch (r.kind) {
        case Resolved::Kind::Initial: return initial;
        case Resolved::Kind::Inherit: return inherited;
        case Resolved::Kind::Unknown: return std::nullopt;
        case Resolved::Kind::Value: break;
      }
      const Value& v = *r.value;
      LengthContext c = lc;
      c.percent_base = percent_base;
      if (v.kind == Value::Kind::Keyword) {
        if (v.keyword == kw::kAuto || v.keyword == kw::kNone) return kNoLength;
        if (v.keyword == kw::kNormal) return 0.0;
        return std::nullopt;
      }
      if (v.kind == Value::Kind::Length) {
        if (needs_font && !font_known && (v.unit == Unit::Em || v.unit == Unit::Percent)) return std::nullopt;
        if (v.unit == Unit::Percent && v.number == 0) return 0.0;
        return resolve_length(v.number, v.unit, c);
      }
      if (v.kind == Value::Kind::Calc) {
        if (needs_font && !font_known) return std::nullopt;
        return evaluate_calc(v.text, c);
      }
      return std::nullopt;
    };

    // A length property: the parent's or initial value when nothing was declared (the
    // common case, kept cheap), else computed.
    auto len = [&](Property p, std::optional<double> initial, const std::optional<double>& from_parent,
                   std::optional<double> percent_base, bool needs_font) -> std::optional<double> {
      if (!has(p)) return inherits(p) ? from_parent : initial;
      return length_of(p, initial, from_parent, percent_base, needs_font);
    };

    // ---- font-weight ----
    if (!has(Property::FontWeight)) {
      cs.font_weight = ps.font_weight;
    } else {
      Resolved r = res(Property::FontWeight);
      std::optional<int> pw = ps.font_weight;
      switch (r.kind) {
        case Resolved::Kind::Initial: cs.font_weight = 400; break;
        case Resolved::Kind::Inherit: cs.font_weight = pw; break;
        case Resolved::Kind::Unknown: cs.font_weight.reset(); break;
        case Resolved::Kind::Value: {
          const Value& v = *r.value;
          if (v.kind == Value::Kind::Number) cs.font_weight = static_cast<int>(std::lround(v.number));
          else if (v.kind == Value::Kind::Keyword && v.keyword == kw::kBolder && pw) cs.font_weight = bolder(*pw);
          else if (v.kind == Value::Kind::Keyword && v.keyword == kw::kLighter && pw) cs.font_weight = lighter(*pw);
          else cs.font_weight.reset();
        }
      }
    }

    // ---- colours ----
    auto color_of = [&](Resolved r, std::optional<Rgba> inherited, std::optional<Rgba> initial,
                        std::optional<Rgba> current) -> std::optional<Rgba> {
      switch (r.kind) {
        case Resolved::Kind::Initial: return initial;
        case Resolved::Kind::Inherit: return inherited;
        case Resolved::Kind::Unknown: return std::nullopt;
        case Resolved::Kind::Value: break;
      }
      if (r.value->kind == Value::Kind::Color) return r.value->color;
      if (r.value->kind == Value::Kind::CurrentColor) return current;
      return std::nullopt;
    };
    cs.color = has(Property::Color) ? color_of(res(Property::Color), ps.color, Rgba{0, 0, 0, 1}, ps.color) : ps.color;
    cs.visited_color = cs.color;
    if (in_link[i]) {
      // The colour once visited: the same cascade with :visited matching the links.
      std::vector<Cand> saved = cands;
      ctx.set_visited_links(true);
      cands.clear();
      gather(true);
      ctx.set_visited_links(false);
      std::vector<Cand> merged;
      for (const Cand& c : saved) {
        if (!c.link_state) merged.push_back(c);
      }
      merged.insert(merged.end(), cands.begin(), cands.end());
      cands = std::move(merged);
      build_entries(visited_entries, false);
      for (const Entry& en : entries) {
        if (en.use == kInlineUse || en.use == kHintUse) visited_entries.push_back(en);
      }
      std::sort(visited_entries.begin(), visited_entries.end(),
                       [](const Entry& a, const Entry& b) { return a.beats(b); });
      vw.decide(visited_entries, true);
      cs.visited_color = color_of(resolve(Property::Color, vw, visited_entries), ps.visited_color, Rgba{0, 0, 0, 1},
                                  ps.visited_color);
      cands = std::move(saved);
    }
    cs.background_color = has(Property::BackgroundColor)
                              ? color_of(res(Property::BackgroundColor), ps.background_color, Rgba{0, 0, 0, 0}, cs.color)
                              : std::optional<Rgba>(Rgba{0, 0, 0, 0});
    if (!has(Property::TextFillColor)) {
      cs.text_fill = ps.text_fill;
    } else {
      Resolved r = res(Property::TextFillColor);
      switch (r.kind) {
        case Resolved::Kind::Initial: cs.text_fill = false; break;
        case Resolved::Kind::Inherit: cs.text_fill = ps.text_fill; break;
        case Resolved::Kind::Unknown: cs.text_fill.reset(); break;
        case Resolved::Kind::Value: cs.text_fill = r.value->kind != Value::Kind::CurrentColor; break;
      }
    }
    if (!has(Property::BackgroundImage)) {
      cs.background_image = false;
    } else {
      Resolved r = res(Property::BackgroundImage);
      switch (r.kind) {
        case Resolved::Kind::Initial: cs.background_image = false; break;
        case Resolved::Kind::Inherit: cs.background_image = ps.background_image; break;
        case Resolved::Kind::Unknown: cs.background_image.reset(); break;
        case Resolved::Kind::Value: cs.background_image = r.value->kind == Value::Kind::Image; break;
      }
    }
    auto flag_of = [&](Property p, std::optional<bool> inherited, auto&& set) -> std::optional<bool> {
      if (!has(p)) return inherits(p) ? inherited : std::optional<bool>(false);
      Resolved r = res(p);
      switch (r.kind) {
        case Resolved::Kind::Initial: return false;
        case Resolved::Kind::Inherit: return inherited;
        case Resolved::Kind::Unknown: return std::nullopt;
        case Resolved::Kind::Value: return set(*r.value);
      }
      return std::nullopt;
    };
    cs.text_clip = flag_of(Property::BackgroundClip, ps.text_clip,
                           [](const Value& v) { return v.kind == Value::Kind::Keyword && v.keyword == kw::kTextClip; });
    auto not_nothing = [](const Value& v) { return !(v.kind == Value::Kind::Text && v.keyword == 1); };
    cs.text_shadow = flag_of(Property::TextShadow, ps.text_shadow, not_nothing);
    cs.filter = flag_of(Property::Filter, ps.filter, not_nothing);
    cs.blend = flag_of(Property::MixBlendMode, ps.blend,
                       [](const Value& v) { return !(v.kind == Value::Kind::Keyword && v.keyword == kw::kNormal); });
    if (!has(Property::TextStrokeWidth)) {
      cs.text_stroke = ps.text_stroke;
    } else {
      Resolved r = res(Property::TextStrokeWidth);
      if (r.kind == Resolved::Kind::Inherit) {
        cs.text_stroke = ps.text_stroke;
      } else {
        std::optional<double> width = length_of(Property::TextStrokeWidth, 0.0, std::nullopt, std::nullopt, true);
        cs.text_stroke = width ? std::optional<bool>(*width > 0) : std::nullopt;
      }
    }

    // ---- opacity ----
    if (!has(Property::Opacity)) {
      cs.opacity = 1.0;
    } else {
      Resolved r = res(Property::Opacity);
      switch (r.kind) {
        case Resolved::Kind::Initial: cs.opacity = 1.0; break;
        case Resolved::Kind::Inherit: cs.opacity = ps.opacity; break;
        case Resolved::Kind::Unknown: cs.opacity.reset(); break;
        case Resolved::Kind::Value:
          cs.opacity = r.value->kind == Value::Kind::Number ? std::optional<double>(r.value->number) : std::nullopt;
          break;
      }
    }

    // ---- line height, spacing, indent ----
    if (!has(Property::LineHeight)) {
      cs.line_height = ps.line_height;
    } else {
      Resolved r = res(Property::LineHeight);
      switch (r.kind) {
        case Resolved::Kind::Initial: cs.line_height = LineHeight{}; break;
        case Resolved::Kind::Inherit: cs.line_height = ps.line_height; break;
        case Resolved::Kind::Unknown: cs.line_height.reset(); break;
        case Resolved::Kind::Value: {
          const Value& v = *r.value;
          if (v.kind == Value::Kind::Keyword && v.keyword == kw::kNormal) {
            cs.line_height = LineHeight{};
          } else if (v.kind == Value::Kind::Number) {
            cs.line_height = LineHeight{LineHeight::Kind::Factor, v.number};
          } else {
            std::optional<double> px = length_of(Property::LineHeight, std::nullopt, std::nullopt, cs.font_size, true);
            cs.line_height = px ? std::optional<LineHeight>(LineHeight{LineHeight::Kind::Px, *px}) : std::nullopt;
          }
        }
      }
    }
    cs.letter_spacing = len(Property::LetterSpacing, 0.0, ps.letter_spacing, cs.font_size, true);
    cs.word_spacing = len(Property::WordSpacing, 0.0, ps.word_spacing, std::nullopt, true);
    cs.text_indent = len(Property::TextIndent, 0.0, ps.text_indent, std::nullopt, true);

    // ---- position, float, offsets, sizes, overflow, clipping ----
    auto keyword_of = [&](Property p, auto initial, std::optional<decltype(initial)> inherited)
        -> std::optional<decltype(initial)> {
      if (!has(p)) return initial;
      Resolved r = res(p);
      switch (r.kind) {
        case Resolved::Kind::Initial: return initial;
        case Resolved::Kind::Inherit: return inherited;
        case Resolved::Kind::Unknown: return std::nullopt;
        case Resolved::Kind::Value:
          if (r.value->kind == Value::Kind::Keyword) return static_cast<decltype(initial)>(r.value->keyword);
          return std::nullopt;
      }
      return std::nullopt;
    };
    cs.position = keyword_of(Property::Position, Position::Static, ps.position);
    cs.float_value = keyword_of(Property::Float, Float::None, ps.float_value);
    cs.overflow_x = keyword_of(Property::OverflowX, Overflow::Visible, ps.overflow_x);
    cs.overflow_y = keyword_of(Property::OverflowY, Overflow::Visible, ps.overflow_y);
    cs.top = len(Property::Top, kNoLength, ps.top, std::nullopt, true);
    cs.right = len(Property::Right, kNoLength, ps.right, std::nullopt, true);
    cs.bottom = len(Property::Bottom, kNoLength, ps.bottom, std::nullopt, true);
    cs.left = len(Property::Left, kNoLength, ps.left, std::nullopt, true);
    cs.width = len(Property::Width, kNoLength, ps.width, std::nullopt, true);
    cs.height = len(Property::Height, kNoLength, ps.height, std::nullopt, true);
    cs.max_width = len(Property::MaxWidth, kNoLength, ps.max_width, std::nullopt, true);
    cs.max_height = len(Property::MaxHeight, kNoLength, ps.max_height, std::nullopt, true);
    {
      auto empty_clip = [](const Value& v) { return v.kind == Value::Kind::Text && v.number == 1; };
      std::optional<bool> clip = flag_of(Property::Clip, false, empty_clip);
      std::optional<bool> clip_path = flag_of(Property::ClipPath, false, empty_clip);
      bool absolute = cs.position == Position::Absolute || cs.position == Position::Fixed;
      if (clip_path == true || (absolute && clip == true)) {
        cs.clipped_away = true;
      } else if (!clip_path || (absolute && !clip)) {
        cs.clipped_away.reset();
      } else {
        cs.clipped_away = false;
      }
    }

    // ---- transform, rotation ----
    if (!has(Property::Transform) && !has(Property::Rotate)) {
      cs.transform = false;
      cs.rotation = 0.0;
      cs.rotates = false;
    } else {
      Resolved t = res(Property::Transform);
      Resolved r = res(Property::Rotate);
      cs.rotates = false;
      double total = 0;
      bool known = true;
      bool transformed = false;
      for (auto [p, rr] : {std::pair{Property::Transform, t}, std::pair{Property::Rotate, r}}) {
        if (rr.kind == Resolved::Kind::Unknown) {
          known = false;
          transformed = true;
          continue;
        }
        if (rr.kind == Resolved::Kind::Inherit) {  // not inherited, but "inherit" takes the parent's
          if (!ps.rotation) known = false;
          else total += *ps.rotation;
          transformed = transformed || ps.transform.value_or(true);
          continue;
        }
        if (rr.kind != Resolved::Kind::Value || rr.value->kind != Value::Kind::Text || rr.value->keyword == 1) continue;
        transformed = true;
        bool rotates = false;
        std::optional<double> deg = rotation_degrees(p, rr.value->text, rotates);
        cs.rotates = cs.rotates || rotates;
        if (!deg) known = false;
        else total += *deg;
      }
      cs.transform = transformed;
      cs.rotation = known ? std::optional<double>(total) : std::nullopt;
      if (t.kind == Resolved::Kind::Unknown || r.kind == Resolved::Kind::Unknown) {
        cs.transform.reset();
        cs.rotates = true;
      }
    }

    // ---- display, visibility, content-visibility ----
    auto maybe_values = [&](Property p, auto&& classify) {
      for (const auto& [mp, k] : w.maybes) {
        if (mp != idx(p)) continue;
        const Value& v = entries[k].decl->value;
        classify(v);
      }
    };
    {
      Resolved r = resolve(Property::Display, w, entries, true);
      Display d = Display::Inline;
      bool unknown = false;
      switch (r.kind) {
        case Resolved::Kind::Initial: d = Display::Inline; break;
        case Resolved::Kind::Inherit: d = ps.display; break;
        case Resolved::Kind::Unknown: unknown = true; break;
        case Resolved::Kind::Value:
          if (r.value->kind == Value::Kind::Keyword) d = static_cast<Display>(r.value->keyword);
          else unknown = true;
          break;
      }
      if (d == Display::Contents && contents_is_none(*e)) d = Display::None;
      if (d != Display::None && d != Display::Contents) {
        bool out_of_flow = cs.position == Position::Absolute || cs.position == Position::Fixed;
        bool floats = cs.float_value && *cs.float_value != Float::None && !out_of_flow;
        // The box's parent for layout: the nearest ancestor that generates a box.
        const html::Node* layout_parent = parent;
        while (layout_parent && computed[layout_parent->element_index()].display == Display::Contents) {
          layout_parent = layout_parent->parent_element();
        }
        Display pd = layout_parent ? computed[layout_parent->element_index()].display : Display::Block;
        bool item = layout_parent && (pd == Display::Flex || pd == Display::InlineFlex || pd == Display::Grid ||
                                      pd == Display::InlineGrid);
        if (e == doc.html() || out_of_flow || floats || item) d = blockified(d);
      }
      cs.display = d;
      cs.maybe_none = unknown;
      cs.maybe_shown = unknown;
      maybe_values(Property::Display, [&](const Value& v) {
        if (v.kind == Value::Kind::Keyword) {
          bool none = static_cast<Display>(v.keyword) == Display::None;
          (none ? cs.maybe_none : cs.maybe_shown) = true;
        } else {
          cs.maybe_none = cs.maybe_shown = true;
        }
      });
    }
    {
      Resolved r = resolve(Property::Visibility, w, entries, true);
      Visibility v = ps.visibility;
      bool mh = ps.maybe_hidden, mv = ps.maybe_visible;
      switch (r.kind) {
        case Resolved::Kind::Initial:
          v = Visibility::Visible;
          mh = mv = false;
          break;
        case Resolved::Kind::Inherit: break;
        case Resolved::Kind::Unknown: mh = mv = true; break;
        case Resolved::Kind::Value:
          v = static_cast<Visibility>(r.value->keyword);
          mh = mv = false;
          break;
      }
      maybe_values(Property::Visibility, [&](const Value& val) {
        if (val.kind == Value::Kind::Keyword) {
          (static_cast<Visibility>(val.keyword) == Visibility::Visible ? mv : mh) = true;
        } else {
          mh = mv = true;
        }
      });
      cs.visibility = v;
      cs.maybe_hidden = mh && v == Visibility::Visible;
      cs.maybe_visible = mv && v != Visibility::Visible;
      if (mh && mv) cs.maybe_hidden = cs.maybe_visible = true;
    }
    if (!has(Property::ContentVisibility)) {
      cs.content_hidden = false;
    } else {
      Resolved r = res(Property::ContentVisibility);
      switch (r.kind) {
        case Resolved::Kind::Initial: cs.content_hidden = false; break;
        case Resolved::Kind::Inherit: cs.content_hidden = ps.content_hidden; break;
        case Resolved::Kind::Unknown: cs.content_hidden.reset(); break;
        case Resolved::Kind::Value:
          cs.content_hidden = static_cast<ContentVisibility>(r.value->keyword) == ContentVisibility::Hidden;
          break;
      }
    }

    // ---- placement ----
    {
      Placement own = Placement::InFlow;
      auto far_off = [](const std::optional<double>& v) { return v && *v != kNoLength && *v <= -kOffScreen; };
      // A relative shift of more than the font size may move the box onto other content;
      // a smaller one (an icon nudged into line) keeps it over its own background.
      double nudge = cs.font_size.value_or(kMediumFontSize);
      auto shifted = [nudge](const std::optional<double>& v) {
        return !v || (*v != kNoLength && std::fabs(*v) > nudge);
      };
      if (!cs.position) {
        own = Placement::Unknown;
      } else if (far_off(cs.text_indent)) {
        own = Placement::OffScreen;
      } else if (cs.clipped_away == true) {
        own = Placement::OffScreen;
      } else {
        Position p = *cs.position;
        bool out_of_flow = p == Position::Absolute || p == Position::Fixed;
        if (out_of_flow || p == Position::Relative || p == Position::Sticky) {
          // top/left of -100% or less moves a box out of its containing block upwards or
          // leftwards: the "skip link" pattern, off the page until focused.
          auto far_off_percent = [&](Property prop) {
            Resolved r = res(prop);
            return r.kind == Resolved::Kind::Value && r.value->kind == Value::Kind::Length &&
                   r.value->unit == Unit::Percent && r.value->number <= -100;
          };
          if (far_off(cs.top) || far_off(cs.left) ||
              (out_of_flow && (far_off_percent(Property::Top) || far_off_percent(Property::Left)))) {
            own = Placement::OffScreen;
          } else if (out_of_flow) {
            bool tiny = cs.width && cs.height && *cs.width <= 1 && *cs.height <= 1 &&
                        (cs.overflow_x == Overflow::Hidden || cs.overflow_x == Overflow::Clip);
            own = tiny ? Placement::OffScreen : Placement::Positioned;
          } else if (p == Position::Relative &&
                     (shifted(cs.top) || shifted(cs.left) || shifted(cs.right) || shifted(cs.bottom))) {
            own = Placement::Positioned;
          }
          // Sticky boxes sit in the flow on the page as loaded; they stick only on scrolling.
        }
      }
      auto rank = [](Placement pl) {
        switch (pl) {
          case Placement::InFlow: return 0;
          case Placement::Positioned: return 1;
          case Placement::Unknown: return 2;
          case Placement::OffScreen: return 3;
        }
        return 0;
      };
      cs.placement = parent && rank(ps.placement) > rank(own) ? ps.placement : own;
    }

    // A page whose sheets could not all be read: nothing the cascade says is certain,
    // except what the element's own style attribute decides (it beats every normal rule).
    if (sheets.incomplete) {
      auto own_inline = [&](Property p) {
        std::int32_t k = w.win[idx(p)];
        return k >= 0 && entries[static_cast<std::size_t>(k)].use == kInlineUse;
      };
      if (!own_inline(Property::Color)) {
        cs.color.reset();
        cs.visited_color.reset();
      }
      if (!own_inline(Property::BackgroundColor)) cs.background_color.reset();
      if (!own_inline(Property::BackgroundImage)) cs.background_image.reset();
      if (!own_inline(Property::FontSize)) cs.font_size.reset();
      if (!own_inline(Property::FontWeight)) cs.font_weight.reset();
      if (!own_inline(Property::Opacity)) cs.opacity.reset();
    }
  }
  winner_begin[n] = static_cast<std::uint32_t>(winners.size());
}

ComputedStyles::ComputedStyles(const html::Document& doc, const PageSheets& sheets, const Environment& env)
    : impl_(std::make_unique<Impl>(doc, sheets, env)) {
  impl_->run();
}

ComputedStyles::ComputedStyles(const html::Document& doc, const PageSheets& sheets, const Environment& env,
                               const Adjust& adjust)
    : ComputedStyles(doc, sheets, env) {
  for (const html::Node* e : doc.elements()) {
    const html::Node* parent = e->parent_element();
    adjust(*e, parent ? &impl_->computed[parent->element_index()] : nullptr, impl_->computed[e->element_index()]);
  }
}

ComputedStyles::~ComputedStyles() = default;

const ComputedStyle& ComputedStyles::of(const html::Node& element) const {
  return impl_->computed[element.element_index()];
}

Provenance ComputedStyles::provenance(const html::Node& element, Property p) const {
  Provenance out;
  std::uint32_t i = element.element_index();
  for (std::uint32_t k = impl_->winner_begin[i]; k < impl_->winner_begin[i + 1]; ++k) {
    const Impl::Winner& w = impl_->winners[k];
    if (w.property != p) continue;
    out.declaration = w.decl;
    out.uncertain = w.uncertain;
    out.style_attribute = w.use == kInlineUse;
    out.presentational = w.use == kHintUse;
    if (w.decl) out.line = w.decl->line + w.line_offset;
    if (w.use >= 0) {
      const Use& u = impl_->uses[static_cast<std::size_t>(w.use)];
      out.origin = u.origin;
      if (u.page_index >= 0) out.url = impl_->sheets.sheets[static_cast<std::size_t>(u.page_index)].url;
    }
    break;
  }
  return out;
}

const Environment& ComputedStyles::environment() const { return impl_->env; }
const PageSheets& ComputedStyles::sheets() const { return impl_->sheets; }
bool ComputedStyles::has_orientation_queries() const { return impl_->orientation; }

}  // namespace granska::style
