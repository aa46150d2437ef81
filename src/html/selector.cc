#include "html/selector.h"

#include <algorithm>
#include <array>
#include <atomic>
#include <charconv>
#include <cstdio>
#include <limits>
#include <unordered_map>

#include "util/text.h"

namespace granska::html {

namespace {

constexpr int kMaxNesting = 16;        // :is(:not(:is(...))) deeper than this is refused
constexpr std::size_t kMaxCompounds = 64;  // per complex selector
constexpr std::size_t kMemoBudget = 64u << 20;  // bytes of combinator memo per context
constexpr std::size_t kFastWalk = 32;  // ancestor/sibling steps before the memo is used
// Memo-less steps one element's match may take in all: nested searches (one per
// descendant or ~ combinator) would otherwise multiply their fast walks (32^k steps).
constexpr std::size_t kFastBudget = 256;
constexpr std::size_t kWalkWithoutMemo = 4096;  // beyond this, over budget: Maybe
constexpr std::size_t kHasBudget = 20000;  // candidates one :has() may examine

std::atomic<std::uint32_t> next_complex_id{1};

Match both(Match a, Match b) {
  if (a == Match::No || b == Match::No) return Match::No;
  if (a == Match::Maybe || b == Match::Maybe) return Match::Maybe;
  return Match::Yes;
}
Match either(Match a, Match b) {
  if (a == Match::Yes || b == Match::Yes) return Match::Yes;
  if (a == Match::Maybe || b == Match::Maybe) return Match::Maybe;
  return Match::No;
}
Match negate(Match a) {
  if (a == Match::Maybe) return a;
  return a == Match::Yes ? Match::No : Match::Yes;
}
Match from_bool(bool b) { return b ? Match::Yes : Match::No; }

std::uint32_t fnv(std::string_view s) {
  std::uint32_t h = 2166136261u;
  for (char c : s) h = (h ^ static_cast<unsigned char>(c)) * 16777619u;
  return h;
}

// HTML attributes whose values selectors compare ASCII case-insensitively (HTML §4.16.2).
bool case_insensitive_attribute(std::string_view name) {
  static constexpr std::string_view kNames[] = {
      "accept", "accept-charset", "align", "alink", "axis", "bgcolor", "charset", "checked", "clear",
      "codetype", "color", "compact", "declare", "defer", "dir", "direction", "disabled", "enctype",
      "face", "frame", "hreflang", "http-equiv", "lang", "language", "link", "media", "method",
      "multiple", "nohref", "noresize", "noshade", "nowrap", "readonly", "rel", "rev", "rules", "scope",
      "scrolling", "selected", "shape", "target", "text", "type", "valign", "valuetype", "vlink"};
  return std::find(std::begin(kNames), std::end(kNames), name) != std::end(kNames);
}

}  // namespace

struct Compound;

struct Simple {
  enum class Kind : std::uint8_t {
    Type, Universal, Id, Class, Attr, Nth, Root, Empty, Scope, Link, Visited, AnyLink, Never, Maybe,
    FormMaybe, Checked, Default, Disabled, Enabled, Required, Optional, ReadOnly, ReadWrite,
    PlaceholderShown, Indeterminate, Open, Closed, Lang, Dir, Defined, Muted, Heading, Is, Where, Not, Has,
  };
  Kind kind = Kind::Universal;
  std::string name;   // type, id, class or attribute name; :dir() value
  std::uint32_t hash = 0;  // Id and Class: fnv(name), for the per-element class filter
  std::string value;  // attribute value
  char op = 0;        // 0 = presence, '=', '~', '|', '^', '$', '*'
  bool icase = false;
  bool scase = false;
  int a = 0, b = 0;  // An+B
  bool of_type = false;
  bool from_end = false;
  std::vector<std::string> langs;
  std::shared_ptr<const std::vector<Selector::Complex>> list;  // :is/:where/:not/:has/:nth-*(of S)
};

struct Compound {
  std::vector<Simple> simples;
};

struct Selector::Complex {
  std::vector<Compound> compounds;  // left to right
  std::vector<char> combinators;    // combinators[i] joins compounds[i] and compounds[i + 1]
  Specificity spec;
  bool pseudo_element = false;
  bool link_state = false;
  char leading = 0;  // a relative selector (in :has()): its leading combinator
  std::uint32_t id = 0;
  std::vector<std::uint32_t> ancestor_hashes;  // ids, classes, types some ancestor must have
  AncestorBits ancestor_bits;                  // the same as filter bits
  Selector::Key::Kind key_kind = Selector::Key::Kind::Any;
  std::string key_name;
};

// ---------------------------------------------------------------------------------------
// Matching context

struct MatchContext::Impl {
  explicit Impl(const Document& d) : doc(d), quirks(!d.has_doctype()) {}
  const Document& doc;
  bool quirks;
  bool visited = false;

  // Structure, built on first use: per element index.
  bool built = false;
  std::vector<AncestorBits> bloom;  // hashes of the ancestors' ids/classes/types
  std::vector<const std::string*> lang;  // the language attribute in effect, or null
  std::vector<const std::string*> ids;   // the element's id attribute, or null
  std::vector<std::uint64_t> class_bits;  // a filter of the element's own classes
  std::vector<std::uint32_t> class_begin;  // the element's classes: class_tokens[begin[i]..begin[i+1])
  std::vector<std::string_view> class_tokens;

  std::unordered_map<std::uint64_t, std::vector<std::uint8_t>> memo;
  std::size_t memo_bytes = 0;
  const Node* has_anchor = nullptr;
  std::size_t has_work = 0;
  // :has() results per (argument, anchor element, visited pass): what it finds depends on
  // nothing else, and a :has() on a container is asked again for every element under it
  // (on a 4.4 MB page, 70 % of the check before this memo).
  struct HasKey {
    const void* simple;
    std::uint32_t element;
    bool visited;
    bool operator==(const HasKey&) const = default;
  };
  struct HasKeyHash {
    std::size_t operator()(const HasKey& k) const {
      return std::hash<const void*>{}(k.simple) ^ (std::size_t{k.element} * 0x9E3779B97F4A7C15ull) ^ k.visited;
    }
  };
  std::unordered_map<HasKey, Match, HasKeyHash> has_memo;

  void build();
  void ensure() {
    if (!built) build();
  }
  static void add_hash(AncestorBits& bloom, std::uint32_t h) {
    bloom.lo |= std::uint64_t{1} << (h & 63);
    bloom.hi |= std::uint64_t{1} << ((h >> 6) & 63);
  }
  // The memo for (complex, compound j, ancestor or sibling walk); nullptr when not allowed.
  std::uint8_t* memo_for(const Selector::Complex& c, std::size_t j, bool sibling) {
    if (c.leading != 0 || has_anchor) return nullptr;  // relative selectors depend on their anchor
    std::uint64_t key = (std::uint64_t{c.id} << 9) | (std::uint64_t{visited} << 8) | (j << 1) | (sibling ? 1 : 0);
    auto it = memo.find(key);
    if (it != memo.end()) return it->second.data();
    std::size_t n = doc.elements().size();
    if (memo_bytes + n > kMemoBudget) return nullptr;
    memo_bytes += n;
    return memo.emplace(key, std::vector<std::uint8_t>(n, 0)).first->second.data();
  }
};

void MatchContext::Impl::build() {
  if (built) return;
  built = true;
  const auto& els = doc.elements();
  std::size_t n = els.size();
  bloom.assign(n, AncestorBits{});
  lang.assign(n, nullptr);
  ids.assign(n, nullptr);
  class_bits.assign(n, 0);
  class_begin.assign(n + 1, 0);
  class_tokens.clear();
  // Sibling positions and previous siblings come from the Document, which numbers them once.
  for (const Node* e : els) {
    std::uint32_t idx = e->element_index();
    const Node* p = e->parent_element();
    const std::string* own_lang = nullptr;
    class_begin[idx] = static_cast<std::uint32_t>(class_tokens.size());
    for (const Attribute& a : e->attributes()) {
      if (a.name == "lang" || a.name == "xml:lang") own_lang = &a.value;
      if (a.name == "id") ids[idx] = &a.value;
      if (a.name != "class") continue;
      std::string_view v = a.value;
      std::size_t k = 0;
      while (k < v.size()) {
        while (k < v.size() && text::is_html_space(v[k])) ++k;
        std::size_t start = k;
        while (k < v.size() && !text::is_html_space(v[k])) ++k;
        if (k == start) continue;
        class_tokens.push_back(v.substr(start, k - start));
        class_bits[idx] |= std::uint64_t{1} << (fnv(class_tokens.back()) & 63);
      }
    }
    class_begin[idx + 1] = static_cast<std::uint32_t>(class_tokens.size());
    if (p) {
      std::uint32_t pi = p->element_index();
      bloom[idx] = bloom[pi];
      add_hash(bloom[idx], fnv(p->tag()));
      if (auto id = p->attr("id")) add_hash(bloom[idx], fnv(*id));
      if (auto cls = p->attr("class")) {
        std::string_view s = *cls;
        std::size_t i = 0;
        while (i < s.size()) {
          while (i < s.size() && text::is_html_space(s[i])) ++i;
          std::size_t start = i;
          while (i < s.size() && !text::is_html_space(s[i])) ++i;
          if (i > start) add_hash(bloom[idx], fnv(s.substr(start, i - start)));
        }
      }
      lang[idx] = own_lang ? own_lang : lang[pi];
    } else {
      lang[idx] = own_lang;
    }
  }
}

MatchContext::MatchContext(const Document& doc) : impl_(std::make_unique<Impl>(doc)) {}
MatchContext::~MatchContext() = default;
const Document& MatchContext::document() const { return impl_->doc; }
void MatchContext::set_visited_links(bool visited) { impl_->visited = visited; }
bool MatchContext::visited_links() const { return impl_->visited; }
const AncestorBits* MatchContext::ancestor_bits(const Node& element) {
  if (impl_->quirks || !element.is_element()) return nullptr;
  impl_->build();
  return &impl_->bloom[element.element_index()];
}

// ---------------------------------------------------------------------------------------
// Parsing

namespace {

bool is_ident_start(char c) {
  auto u = static_cast<unsigned char>(c);
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '-' || u >= 0x80 || c == '\\';
}
bool is_ident_char(char c) { return is_ident_start(c) || (c >= '0' && c <= '9'); }

void append_escaped_code_point(std::string& out, unsigned long cp) {
  if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
  text::append_utf8(out, static_cast<std::uint32_t>(cp));
}

using ComplexList = std::vector<Selector::Complex>;

class Parser {
 public:
  explicit Parser(std::string_view s) : s_(s) {}

  bool at_end() const { return i_ >= s_.size(); }
  char peek(std::size_t ahead = 0) const { return i_ + ahead < s_.size() ? s_[i_ + ahead] : '\0'; }
  // Whitespace and comments.
  bool skip_space() {
    std::size_t start = i_;
    while (!at_end()) {
      if (text::is_html_space(s_[i_])) {
        ++i_;
      } else if (peek() == '/' && peek(1) == '*') {
        std::size_t end = s_.find("*/", i_ + 2);
        i_ = end == std::string_view::npos ? s_.size() : end + 2;
      } else {
        break;
      }
    }
    return i_ > start;
  }
  Error error(std::string_view what) const {
    return Error{std::string(what) + " at position " + std::to_string(i_ + 1) + " in selector '" +
                 std::string(s_.substr(0, 200)) + "'"};
  }

  void escape(std::string& out) {
    ++i_;  // backslash
    if (at_end()) {
      out += "\xEF\xBF\xBD";
      return;
    }
    std::size_t start = i_;
    while (!at_end() && i_ - start < 6 && std::isxdigit(static_cast<unsigned char>(s_[i_]))) ++i_;
    if (i_ > start) {
      unsigned long cp = 0;
      std::from_chars(s_.data() + start, s_.data() + i_, cp, 16);
      append_escaped_code_point(out, cp);
      if (!at_end() && text::is_html_space(s_[i_])) ++i_;
    } else {
      out += s_[i_++];
    }
  }

  bool ident(std::string& out) {
    if (at_end() || !is_ident_start(peek())) return false;
    if (peek() == '-' && (peek(1) >= '0' && peek(1) <= '9')) return false;
    if (peek() == '-' && !is_ident_start(peek(1)) && peek(1) != '-') return false;
    while (!at_end() && is_ident_char(peek())) {
      if (peek() == '\\') {
        escape(out);
      } else {
        out += s_[i_++];
      }
    }
    return !out.empty();
  }

  bool string_or_ident(std::string& out) {
    char q = peek();
    if (q != '"' && q != '\'') return ident(out);
    ++i_;
    while (!at_end() && peek() != q) {
      if (peek() == '\\') {
        if (peek(1) == '\n') {
          i_ += 2;
          continue;
        }
        escape(out);
      } else if (peek() == '\n') {
        return false;
      } else {
        out += s_[i_++];
      }
    }
    if (at_end()) return true;  // unterminated at the end: still a string (CSS Syntax)
    ++i_;
    return true;
  }

  // The text up to the ')' that closes the current parenthesis (nesting and strings
  // respected); i_ is left on that ')'.
  std::string_view balanced_argument() {
    std::size_t start = i_;
    int depth = 0;
    while (!at_end()) {
      char c = peek();
      if (c == '"' || c == '\'') {
        ++i_;
        while (!at_end() && peek() != c) i_ += peek() == '\\' ? 2 : 1;
        if (!at_end()) ++i_;
        continue;
      }
      if (c == '\\') {
        i_ += 2;
        continue;
      }
      if (c == '(') ++depth;
      if (c == ')') {
        if (depth == 0) break;
        --depth;
      }
      ++i_;
    }
    i_ = std::min(i_, s_.size());
    return s_.substr(start, i_ - start);
  }

  // An+B, optionally followed by "of S" (`allow_of`).
  bool nth(Simple& s, bool allow_of, int depth) {
    skip_space();
    std::string arg;
    while (!at_end() && peek() != ')') {
      if (allow_of && arg.size() > 0 && text::is_html_space(peek())) {
        std::size_t save = i_;
        skip_space();
        if ((peek() == 'o' || peek() == 'O') && (peek(1) == 'f' || peek(1) == 'F') && text::is_html_space(peek(2))) {
          i_ += 2;
          skip_space();
          auto list = parse_list(false, false, depth + 1);
          if (!list) return false;
          s.list = std::make_shared<const ComplexList>(std::move(*list));
          break;
        }
        i_ = save;
      }
      char c = s_[i_++];
      if (!text::is_html_space(c)) arg += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    if (arg == "odd") {
      s.a = 2;
      s.b = 1;
      return true;
    }
    if (arg == "even") {
      s.a = 2;
      s.b = 0;
      return true;
    }
    std::size_t n = arg.find('n');
    auto parse_int = [](std::string_view t, int& v) {
      if (!t.empty() && t.front() == '+') t.remove_prefix(1);
      if (t.empty()) return false;
      auto [p, ec] = std::from_chars(t.data(), t.data() + t.size(), v);
      return ec == std::errc() && p == t.data() + t.size();
    };
    if (n == std::string::npos) {
      s.a = 0;
      return parse_int(arg, s.b);
    }
    std::string_view as = std::string_view(arg).substr(0, n);
    if (as.empty() || as == "+") s.a = 1;
    else if (as == "-") s.a = -1;
    else if (!parse_int(as, s.a)) return false;
    std::string_view bs = std::string_view(arg).substr(n + 1);
    s.b = 0;
    if (bs.empty()) return true;
    if (bs.front() != '+' && bs.front() != '-') return false;
    return parse_int(bs.front() == '+' ? bs.substr(1) : bs, s.b);
  }

  // A comma-separated list of complex selectors, up to ')' or the end. `forgiving`
  // (:is/:where) drops invalid members instead of failing.
  Result<ComplexList> parse_list(bool relative, bool forgiving, int depth) {
    if (depth > kMaxNesting) return error("selector nested too deeply");
    ComplexList out;
    while (true) {
      skip_space();
      std::size_t member_start = i_;
      auto c = parse_complex(relative, depth);
      skip_space();
      bool member_ok = c.ok() && (at_end() || peek() == ',' || peek() == ')');
      if (member_ok) {
        out.push_back(std::move(c.value()));
      } else if (forgiving) {
        i_ = member_start;
        skip_member();
      } else {
        return c.ok() ? Result<ComplexList>(error(std::string("unexpected '") + peek() + "'")) : c.error();
      }
      if (at_end() || peek() == ')') break;
      ++i_;  // ','
    }
    if (out.empty() && !forgiving) return error("expected a selector");
    return out;
  }

  void skip_member() {
    int depth = 0;
    while (!at_end()) {
      char c = peek();
      if (c == '"' || c == '\'') {
        std::string ignored;
        string_or_ident(ignored);
        continue;
      }
      if (c == '\\') {
        i_ += 2;
        continue;
      }
      if ((c == ',' || c == ')') && depth == 0) return;
      if (c == '(' || c == '[') ++depth;
      if ((c == ')' || c == ']') && depth > 0) --depth;
      ++i_;
    }
    i_ = std::min(i_, s_.size());
  }

  Result<Selector::Complex> parse_complex(bool relative, int depth) {
    Selector::Complex complex;
    skip_space();
    if (relative) {
      char c = peek();
      complex.leading = ' ';
      if (c == '>' || c == '+' || c == '~') {
        complex.leading = c;
        ++i_;
        skip_space();
      }
    }
    while (true) {
      if (complex.compounds.size() >= kMaxCompounds) return error("selector too long");
      auto c = compound(complex, depth);
      if (!c) return c.error();
      if (c->simples.empty() && !complex.pseudo_element) return error("expected a selector");
      complex.compounds.push_back(std::move(*c));
      bool space = skip_space();
      char next = peek();
      if (complex.pseudo_element) {
        if (!at_end() && next != ',' && next != ')') return error("a pseudo-element must come last");
        break;
      }
      if (next == '>' || next == '+' || next == '~') {
        ++i_;
        skip_space();
        complex.combinators.push_back(next);
      } else if (at_end() || next == ',' || next == ')') {
        break;
      } else if (space) {
        complex.combinators.push_back(' ');
      } else {
        return error(std::string("unexpected '") + next + "'");
      }
    }
    finish(complex);
    return complex;
  }

  static void add_specificity(const Simple& s, Selector::Specificity& sp) {
    auto max_of = [](const ComplexList& l) {
      Selector::Specificity best;
      for (const auto& c : l) best = std::max(best, c.spec);
      return best;
    };
    switch (s.kind) {
      case Simple::Kind::Id: ++sp.a; break;
      case Simple::Kind::Type: ++sp.c; break;
      case Simple::Kind::Universal:
      case Simple::Kind::Where: break;
      case Simple::Kind::Is:
      case Simple::Kind::Not:
      case Simple::Kind::Has: {
        Selector::Specificity m = max_of(*s.list);
        sp.a += m.a;
        sp.b += m.b;
        sp.c += m.c;
        break;
      }
      case Simple::Kind::Nth:
        ++sp.b;
        if (s.list) {
          Selector::Specificity m = max_of(*s.list);
          sp.a += m.a;
          sp.b += m.b;
          sp.c += m.c;
        }
        break;
      default: ++sp.b; break;
    }
  }

  static bool uses_link_state(const Simple& s) {
    if (s.kind == Simple::Kind::Link || s.kind == Simple::Kind::Visited || s.kind == Simple::Kind::AnyLink) return true;
    if (s.list) {
      for (const auto& c : *s.list) {
        if (c.link_state) return true;
      }
    }
    return false;
  }

  void finish(Selector::Complex& c) {
    c.id = next_complex_id.fetch_add(1, std::memory_order_relaxed);
    for (const Compound& comp : c.compounds) {
      for (const Simple& s : comp.simples) {
        add_specificity(s, c.spec);
        c.link_state = c.link_state || uses_link_state(s);
      }
    }
    if (c.pseudo_element) ++c.spec.c;
    // Bucket key: the rightmost compound's id, else a class, else its type.
    const Compound& last = c.compounds.back();
    for (const Simple& s : last.simples) {
      if (s.kind == Simple::Kind::Id && c.key_kind != Selector::Key::Kind::Id) {
        c.key_kind = Selector::Key::Kind::Id;
        c.key_name = s.name;
      } else if (s.kind == Simple::Kind::Class && c.key_kind != Selector::Key::Kind::Id && c.key_kind != Selector::Key::Kind::Class) {
        c.key_kind = Selector::Key::Kind::Class;
        c.key_name = s.name;
      } else if (s.kind == Simple::Kind::Type &&
                 (c.key_kind == Selector::Key::Kind::Any || c.key_kind == Selector::Key::Kind::Attr)) {
        c.key_kind = Selector::Key::Kind::Tag;
        c.key_name = s.name;
      }
    }
    // What some ancestor must have: compounds joined to the subject by ' ' and '>' only.
    for (std::size_t k = c.compounds.size() - 1; k-- > 0;) {
      char comb = c.combinators[k];
      if (comb != ' ' && comb != '>') break;
      for (const Simple& s : c.compounds[k].simples) {
        if (s.kind == Simple::Kind::Type) c.ancestor_hashes.push_back(fnv(s.name));
        if (s.kind == Simple::Kind::Id || s.kind == Simple::Kind::Class) c.ancestor_hashes.push_back(fnv(s.name));
      }
    }
    for (std::uint32_t h : c.ancestor_hashes) MatchContext::Impl::add_hash(c.ancestor_bits, h);
    // A subject that is only :is(X) / :where(X) of one compound (what CSS Nesting makes of
    // "&:hover" and friends) files like X.
    if (c.key_kind == Selector::Key::Kind::Any) {
      for (const Simple& s : last.simples) {
        bool link = s.kind == Simple::Kind::Link || s.kind == Simple::Kind::Visited || s.kind == Simple::Kind::AnyLink;
        if (s.kind == Simple::Kind::Attr || link) {
          c.key_kind = Selector::Key::Kind::Attr;
          c.key_name = link ? "href" : s.name;
          break;
        }
      }
    }
    if (c.key_kind == Selector::Key::Kind::Any) {
      for (const Simple& s : last.simples) {
        if ((s.kind != Simple::Kind::Is && s.kind != Simple::Kind::Where) || !s.list || s.list->size() != 1) continue;
        const Selector::Complex& inner = s.list->front();
        if (inner.compounds.size() != 1 || inner.key_kind == Selector::Key::Kind::Any) continue;
        c.key_kind = inner.key_kind;
        c.key_name = inner.key_name;
        break;
      }
    }
  }

  // Pseudo-classes without arguments.
  static std::optional<Simple::Kind> simple_pseudo(std::string_view p) {
    struct Entry {
      std::string_view name;
      Simple::Kind kind;
    };
    static constexpr Entry kTable[] = {
        {"root", Simple::Kind::Root},
        {"empty", Simple::Kind::Empty},
        {"scope", Simple::Kind::Scope},
        {"link", Simple::Kind::Link},
        {"visited", Simple::Kind::Visited},
        {"any-link", Simple::Kind::AnyLink},
        {"-webkit-any-link", Simple::Kind::AnyLink},
        {"checked", Simple::Kind::Checked},
        {"default", Simple::Kind::Default},
        {"disabled", Simple::Kind::Disabled},
        {"enabled", Simple::Kind::Enabled},
        {"required", Simple::Kind::Required},
        {"optional", Simple::Kind::Optional},
        {"read-only", Simple::Kind::ReadOnly},
        {"read-write", Simple::Kind::ReadWrite},
        {"placeholder-shown", Simple::Kind::PlaceholderShown},
        {"indeterminate", Simple::Kind::Indeterminate},
        {"open", Simple::Kind::Open},
        {"closed", Simple::Kind::Closed},
        {"defined", Simple::Kind::Defined},
        {"muted", Simple::Kind::Muted},
        {"heading", Simple::Kind::Heading},
        // State granska cannot know from the markup.
        {"valid", Simple::Kind::FormMaybe},
        {"invalid", Simple::Kind::FormMaybe},
        {"in-range", Simple::Kind::FormMaybe},
        {"out-of-range", Simple::Kind::FormMaybe},
        {"playing", Simple::Kind::Maybe},
        {"paused", Simple::Kind::Maybe},
        {"state", Simple::Kind::Maybe},
        // Interaction, or states a page is not in when loaded.
        {"hover", Simple::Kind::Never},
        {"active", Simple::Kind::Never},
        {"focus", Simple::Kind::Never},
        {"focus-visible", Simple::Kind::Never},
        {"focus-within", Simple::Kind::Never},
        {"target", Simple::Kind::Never},
        {"target-within", Simple::Kind::Never},
        {"target-current", Simple::Kind::Never},
        {"local-link", Simple::Kind::Never},
        {"current", Simple::Kind::Never},
        {"past", Simple::Kind::Never},
        {"future", Simple::Kind::Never},
        {"user-valid", Simple::Kind::Never},
        {"user-invalid", Simple::Kind::Never},
        {"autofill", Simple::Kind::Never},
        {"-webkit-autofill", Simple::Kind::Never},
        {"fullscreen", Simple::Kind::Never},
        {"-webkit-full-screen", Simple::Kind::Never},
        {"-webkit-full-screen-document", Simple::Kind::Never},
        {"-webkit-full-screen-ancestor", Simple::Kind::Never},
        {"modal", Simple::Kind::Never},
        {"popover-open", Simple::Kind::Never},
        {"picture-in-picture", Simple::Kind::Never},
        {"seeking", Simple::Kind::Never},
        {"buffering", Simple::Kind::Never},
        {"stalled", Simple::Kind::Never},
        {"volume-locked", Simple::Kind::Never},
        {"host", Simple::Kind::Never},
        {"has-slotted", Simple::Kind::Never},
        {"open", Simple::Kind::Open},
        {"xr-overlay", Simple::Kind::Never},
        {"-webkit-drag", Simple::Kind::Never},
        {"window-inactive", Simple::Kind::Never},
        {"horizontal", Simple::Kind::Never},
        {"vertical", Simple::Kind::Never},
        {"decrement", Simple::Kind::Never},
        {"increment", Simple::Kind::Never},
        {"start", Simple::Kind::Never},
        {"end", Simple::Kind::Never},
        {"double-button", Simple::Kind::Never},
        {"single-button", Simple::Kind::Never},
        {"no-button", Simple::Kind::Never},
        {"corner-present", Simple::Kind::Never},
        {"enabled", Simple::Kind::Enabled},
    };
    for (const Entry& e : kTable) {
      if (e.name == p) return e.kind;
    }
    return std::nullopt;
  }

  static bool known_pseudo_element(std::string_view p) {
    static constexpr std::string_view kNames[] = {
        "before", "after", "first-line", "first-letter", "marker", "placeholder", "selection", "backdrop",
        "file-selector-button", "cue", "cue-region", "spelling-error", "grammar-error", "target-text",
        "details-content", "search-text", "view-transition", "scroll-marker", "scroll-marker-group",
        "column", "checkmark", "picker-icon"};
    if (p.starts_with("-webkit-")) return true;  // Chromium accepts every -webkit- pseudo-element
    return std::find(std::begin(kNames), std::end(kNames), p) != std::end(kNames);
  }

  Result<Compound> compound(Selector::Complex& complex, int depth) {
    Compound out;
    std::vector<Simple>& parts = out.simples;
    std::string name;
    // Namespace prefixes: "*|x" and "|x" are taken as "x"; others are refused.
    if (peek() == '*' && peek(1) == '|') i_ += 2;
    else if (peek() == '|' && peek(1) != '=') ++i_;
    if (peek() == '*') {
      ++i_;
      parts.push_back(Simple{});
    } else if (ident(name)) {
      if (peek() == '|' && peek(1) != '=') return error("namespace prefixes are not supported");
      Simple t;
      t.kind = Simple::Kind::Type;
      t.name = text::ascii_lower(name);
      parts.push_back(std::move(t));
    }
    while (!at_end()) {
      char c = peek();
      Simple s;
      if (complex.pseudo_element && c != ':') break;
      if (c == '#' || c == '.') {
        ++i_;
        s.kind = c == '#' ? Simple::Kind::Id : Simple::Kind::Class;
        if (!ident(s.name)) return error(c == '#' ? "expected an id" : "expected a class name");
        s.hash = fnv(s.name);
      } else if (c == '[') {
        ++i_;
        skip_space();
        s.kind = Simple::Kind::Attr;
        if (peek() == '*' && peek(1) == '|') i_ += 2;
        else if (peek() == '|' && peek(1) != '=') ++i_;
        if (!ident(s.name)) return error("expected an attribute name");
        s.name = text::ascii_lower(s.name);
        skip_space();
        char op = peek();
        if (op == '=') {
          s.op = '=';
          ++i_;
        } else if (op == '~' || op == '|' || op == '^' || op == '$' || op == '*') {
          ++i_;
          if (peek() != '=') return error("expected '='");
          ++i_;
          s.op = op;
        }
        if (s.op) {
          skip_space();
          if (!string_or_ident(s.value)) return error("expected an attribute value");
          skip_space();
          if ((peek() == 'i' || peek() == 'I') && !is_ident_char(peek(1))) {
            s.icase = true;
            ++i_;
            skip_space();
          } else if ((peek() == 's' || peek() == 'S') && !is_ident_char(peek(1))) {
            s.scase = true;
            ++i_;
            skip_space();
          }
        }
        if (peek() != ']') return error("expected ']'");
        ++i_;
      } else if (c == ':') {
        ++i_;
        bool element = false;
        if (peek() == ':') {
          element = true;
          ++i_;
        }
        std::string pseudo;
        if (!ident(pseudo)) return error("expected a pseudo-class");
        pseudo = text::ascii_lower(pseudo);
        bool function = peek() == '(';
        if (!element && !function &&
            (pseudo == "before" || pseudo == "after" || pseudo == "first-line" || pseudo == "first-letter")) {
          element = true;  // CSS 2's one-colon pseudo-elements
        }
        if (element) {
          if (complex.pseudo_element) return error("two pseudo-elements");
          if (function) {
            if (pseudo != "part" && pseudo != "slotted" && pseudo != "highlight" && pseudo != "cue" &&
                pseudo != "picker" && pseudo != "scroll-button" && !pseudo.starts_with("view-transition") &&
                !pseudo.starts_with("-webkit-")) {
              return error("unknown pseudo-element '::" + pseudo + "'");
            }
            ++i_;
            balanced_argument();
            if (peek() != ')') return error("expected ')'");
            ++i_;
          } else if (!known_pseudo_element(pseudo) && !pseudo.starts_with("view-transition")) {
            return error("unknown pseudo-element '::" + pseudo + "'");
          }
          complex.pseudo_element = true;
          continue;
        }
        if (function) {
          ++i_;
          auto r = functional(pseudo, s, depth);
          if (!r.ok()) return r.error();
          skip_space();
          if (peek() != ')') return error("expected ')'");
          ++i_;
        } else if (std::optional<Simple::Kind> k = simple_pseudo(pseudo)) {
          s.kind = *k;
        } else if (pseudo == "first-child" || pseudo == "last-child" || pseudo == "first-of-type" ||
                   pseudo == "last-of-type") {
          s.kind = Simple::Kind::Nth;
          s.b = 1;
          s.from_end = pseudo.starts_with("last");
          s.of_type = pseudo.ends_with("of-type");
        } else if (pseudo == "only-child" || pseudo == "only-of-type") {
          Simple first;
          first.kind = Simple::Kind::Nth;
          first.b = 1;
          first.of_type = pseudo == "only-of-type";
          parts.push_back(first);
          s = first;
          s.from_end = true;
        } else {
          return error("unsupported pseudo-class ':" + pseudo + "'");
        }
      } else {
        break;
      }
      if (complex.pseudo_element) {
        // After a pseudo-element only user-action pseudo-classes may follow; they change
        // nothing here (the rule matches no element anyway).
        continue;
      }
      parts.push_back(std::move(s));
    }
    return out;
  }

  Status functional(const std::string& pseudo, Simple& s, int depth) {
    skip_space();
    if (pseudo == "nth-child" || pseudo == "nth-last-child" || pseudo == "nth-of-type" ||
        pseudo == "nth-last-of-type") {
      s.kind = Simple::Kind::Nth;
      s.from_end = pseudo.find("last") != std::string::npos;
      s.of_type = pseudo.ends_with("of-type");
      if (!nth(s, !s.of_type, depth)) return error("invalid An+B expression");
      return ok_status();
    }
    if (pseudo == "is" || pseudo == "where" || pseudo == "matches" || pseudo == "-webkit-any" || pseudo == "not" ||
        pseudo == "has") {
      bool has = pseudo == "has";
      bool forgiving = pseudo == "is" || pseudo == "where";
      auto list = parse_list(has, forgiving, depth + 1);
      if (!list) return list.error();
      if (has) {
        for (const auto& c : *list) {
          if (c.pseudo_element) return error("a pseudo-element in :has()");
        }
      }
      s.kind = has ? Simple::Kind::Has
             : pseudo == "not" ? Simple::Kind::Not
             : pseudo == "where" ? Simple::Kind::Where
                                 : Simple::Kind::Is;
      // A pseudo-element inside :is()/:not() matches nothing: drop those members.
      std::erase_if(*list, [](const Selector::Complex& c) { return c.pseudo_element; });
      s.list = std::make_shared<const ComplexList>(std::move(*list));
      return ok_status();
    }
    if (pseudo == "lang") {
      s.kind = Simple::Kind::Lang;
      while (true) {
        skip_space();
        std::string range;
        if (!string_or_ident(range)) return error("expected a language");
        s.langs.push_back(text::ascii_lower(range));
        skip_space();
        if (peek() != ',') break;
        ++i_;
      }
      return ok_status();
    }
    if (pseudo == "dir") {
      s.kind = Simple::Kind::Dir;
      if (!ident(s.name)) return error("expected ltr or rtl");
      s.name = text::ascii_lower(s.name);
      if (s.name != "ltr" && s.name != "rtl") return error("expected ltr or rtl");
      return ok_status();
    }
    if (pseudo == "state" || pseudo == "host" || pseudo == "host-context" || pseudo == "active-view-transition-type" ||
        pseudo == "-webkit-any-link") {
      balanced_argument();
      s.kind = pseudo == "state" ? Simple::Kind::Maybe : Simple::Kind::Never;
      return ok_status();
    }
    return error("unsupported pseudo-class ':" + pseudo + "()'");
  }

  std::string_view s_;
  std::size_t i_ = 0;
};

// ---------------------------------------------------------------------------------------
// Matching

bool attr_matches(const Simple& s, std::string_view v, bool icase_by_default) {
  bool icase = s.icase || (icase_by_default && !s.scase);
  std::string lowered_v, lowered_want;
  std::string_view want = s.value;
  if (icase) {
    lowered_v = text::ascii_lower(v);
    lowered_want = text::ascii_lower(want);
    v = lowered_v;
    want = lowered_want;
  }
  switch (s.op) {
    case 0: return true;
    case '=': return v == want;
    case '^': return !want.empty() && v.substr(0, want.size()) == want;
    case '$': return !want.empty() && v.size() >= want.size() && v.substr(v.size() - want.size()) == want;
    case '*': return !want.empty() && v.find(want) != std::string_view::npos;
    case '|': return v == want || (v.size() > want.size() && v.substr(0, want.size()) == want && v[want.size()] == '-');
    case '~': {
      if (want.empty() || std::any_of(want.begin(), want.end(), text::is_html_space)) return false;
      std::size_t i = 0;
      while (i < v.size()) {
        while (i < v.size() && text::is_html_space(v[i])) ++i;
        std::size_t start = i;
        while (i < v.size() && !text::is_html_space(v[i])) ++i;
        if (v.substr(start, i - start) == want) return true;
      }
      return false;
    }
    default: return false;
  }
}

bool has_class(const Node& e, std::string_view cls, bool quirks) {
  auto v = e.attr("class");
  if (!v) return false;
  std::string_view s = *v;
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && text::is_html_space(s[i])) ++i;
    std::size_t start = i;
    while (i < s.size() && !text::is_html_space(s[i])) ++i;
    std::string_view token = s.substr(start, i - start);
    if (i > start && (token == cls || (quirks && text::iequals(token, cls)))) return true;
  }
  return false;
}

bool nth_matches(int a, int b, long pos) {
  if (a == 0) return pos == b;
  long diff = pos - b;
  return diff % a == 0 && diff / a >= 0;
}

bool is_link(const Node& e) {
  return (e.is("a") || e.is("area")) && e.has_attr("href");
}

bool is_form_control(const Node& e) {
  return e.is("button") || e.is("input") || e.is("select") || e.is("textarea") || e.is("optgroup") ||
         e.is("option") || e.is("fieldset");
}

std::string_view input_type(const Node& e) {
  auto t = e.attr("type");
  if (!t) return "text";
  std::string_view v = text::trim(*t);
  static constexpr std::string_view kTypes[] = {
      "hidden", "text", "search", "tel", "url", "email", "password", "date", "month", "week", "time",
      "datetime-local", "number", "range", "color", "checkbox", "radio", "file", "submit", "image", "reset",
      "button"};
  for (std::string_view k : kTypes) {
    if (text::iequals(v, k)) return k;
  }
  return "text";
}

bool is_disabled(const Node& e) {
  if (!is_form_control(e)) return false;
  if (e.has_attr("disabled")) return true;
  if (e.is("option")) {
    const Node* p = e.parent_element();
    return p && p->is("optgroup") && p->has_attr("disabled");
  }
  const Node* child = &e;
  for (const Node* p = e.parent_element(); p; child = p, p = p->parent_element()) {
    if (!p->is("fieldset") || !p->has_attr("disabled")) continue;
    const Node* first_legend = nullptr;
    for (const Node* k : p->children()) {
      if (k->is("legend")) {
        first_legend = k;
        break;
      }
    }
    if (!first_legend || !first_legend->contains(*child)) return true;
  }
  return false;
}

bool text_like_input(const Node& e) {
  std::string_view t = input_type(e);
  return t == "text" || t == "search" || t == "tel" || t == "url" || t == "email" || t == "password" ||
         t == "date" || t == "month" || t == "week" || t == "time" || t == "datetime-local" || t == "number";
}

bool read_write(const Node& e) {
  if (e.is("input")) return text_like_input(e) && !e.has_attr("readonly") && !is_disabled(e);
  if (e.is("textarea")) return !e.has_attr("readonly") && !is_disabled(e);
  for (const Node* n = &e; n; n = n->parent_element()) {
    if (auto ce = n->attr("contenteditable")) {
      std::string_view v = text::trim(*ce);
      if (v.empty() || text::iequals(v, "true") || text::iequals(v, "plaintext-only")) return true;
      if (text::iequals(v, "false")) return false;
    }
  }
  return false;
}

// HTML "selectedness" of an option as loaded: selected attribute, or the first option of
// a single-choice select that has no selected option.
bool option_selected(const Node& option) {
  if (option.has_attr("selected")) return true;
  const Node* select = option.parent_element();
  if (select && select->is("optgroup")) select = select->parent_element();
  if (!select || !select->is("select") || select->has_attr("multiple")) return false;
  if (auto size = select->attr("size"); size && text::trim(*size) != "1" && text::trim(*size) != "0" &&
                                        !text::trim(*size).empty()) {
    return false;
  }
  const Node* first = nullptr;
  for (const Node* d : select->descendant_elements()) {
    if (!d->is("option")) continue;
    if (d->has_attr("selected")) return false;
    if (!first && !is_disabled(*d)) first = d;
  }
  return first == &option;
}

bool lang_matches(const std::string& lang, const std::string& range) {
  std::string l = text::ascii_lower(lang);
  if (range == "*") return !l.empty();
  if (range.starts_with("*-")) return l.find(range.substr(1)) != std::string::npos;
  return l == range || (l.size() > range.size() && l.starts_with(range) && l[range.size()] == '-');
}

class Matcher {
 public:
  explicit Matcher(MatchContext::Impl& ctx) : ctx_(ctx) {}

  Match complex(const Selector::Complex& c, const Node& e) {
    if (c.pseudo_element) return Match::No;
    struct Outer {  // the budget is per element matched, not per nested :is()/:has()
      Matcher& m;
      explicit Outer(Matcher& matcher) : m(matcher) {
        if (m.depth_++ == 0) m.fast_steps_ = kFastBudget;
      }
      ~Outer() { --m.depth_; }
    } outer(*this);
    // (Quirks mode compares ids and classes case-insensitively: no filter there.)
    if (!c.ancestor_hashes.empty() && !ctx_.quirks) {
      ctx_.ensure();
      const AncestorBits& bloom = ctx_.bloom[e.element_index()];
      if (!bloom.covers(c.ancestor_bits)) return Match::No;
    }
    return from(c, c.compounds.size() - 1, e);
  }

  Match list(const std::vector<Selector::Complex>& l, const Node& e) {
    Match out = Match::No;
    for (const auto& c : l) {
      out = either(out, complex(c, e));
      if (out == Match::Yes) break;
    }
    return out;
  }

 private:
  // compounds[0..=k] with compounds[k] on `e`.
  Match from(const Selector::Complex& c, std::size_t k, const Node& e) {
    Match m = compound(c.compounds[k], e);
    if (m == Match::No) return m;
    if (k == 0) {
      if (c.leading) return both(m, anchor_relation(c.leading, e));
      return m;
    }
    const Node* rel = nullptr;
    switch (c.combinators[k - 1]) {
      case '>':
        rel = e.parent_element();
        return rel ? both(m, from(c, k - 1, *rel)) : Match::No;
      case '+':
        rel = previous(e);
        return rel ? both(m, from(c, k - 1, *rel)) : Match::No;
      case ' ': return both(m, search(c, k - 1, e, false));
      case '~': return both(m, search(c, k - 1, e, true));
      default: return Match::No;
    }
  }

  // For a relative selector in :has(): how its leftmost compound relates to the anchor.
  Match anchor_relation(char leading, const Node& e) {
    const Node* anchor = ctx_.has_anchor;
    if (!anchor) return Match::No;
    switch (leading) {
      case '>': return from_bool(e.parent_element() == anchor);
      case ' ': return from_bool(&e != anchor && anchor->contains(e));
      case '+': return from_bool(previous(e) == anchor);
      case '~':
        return from_bool(e.parent() == anchor->parent() && anchor->element_index() < e.element_index());
      default: return Match::No;
    }
  }

  const Node* previous(const Node& e) { return e.previous_element_sibling(); }
  const Node* step(const Node& e, bool sibling) { return sibling ? previous(e) : e.parent_element(); }

  // Whether some ancestor (or previous sibling) of `e` matches compounds[0..=j].
  Match search(const Selector::Complex& c, std::size_t j, const Node& e, bool sibling) {
    Match acc = Match::No;
    std::size_t steps = 0;
    const Node* n = step(e, sibling);
    // The budget is taken before the step: nested searches spend it while this one waits.
    for (; n && steps < kFastWalk && fast_steps_ > 0; n = step(*n, sibling), ++steps) {
      --fast_steps_;
      Match m = from(c, j, *n);
      if (m == Match::Yes) return m;
      acc = either(acc, m);
    }
    if (!n) return acc;
    // A long walk: use (and fill) the memo of "this node or one before it matches".
    if (std::uint8_t* memo = ctx_.memo_for(c, j, sibling)) return either(acc, filled(c, j, *n, sibling, memo));
    for (; n; n = step(*n, sibling), ++steps) {
      if (steps >= kWalkWithoutMemo) return either(acc, Match::Maybe);
      Match m = from(c, j, *n);
      if (m == Match::Yes) return m;
      acc = either(acc, m);
    }
    return acc;
  }

  // memo[x] = 1 + (x or a node before it on the walk matches compounds[0..=j]), as Match.
  Match filled(const Selector::Complex& c, std::size_t j, const Node& start, bool sibling, std::uint8_t* memo) {
    std::vector<std::pair<const Node*, Match>> path;
    Match above = Match::No;
    for (const Node* n = &start; n; n = step(*n, sibling)) {
      std::uint8_t v = memo[n->element_index()];
      if (v) {
        above = static_cast<Match>(v - 1);
        break;
      }
      Match m = from(c, j, *n);
      path.emplace_back(n, m);
      if (m == Match::Yes) break;
    }
    for (std::size_t k = path.size(); k-- > 0;) {
      above = either(path[k].second, above);
      memo[path[k].first->element_index()] = static_cast<std::uint8_t>(static_cast<int>(above) + 1);
    }
    return above;
  }

  Match compound(const Compound& c, const Node& e) {
    if (!e.is_element()) return Match::No;
    Match out = Match::Yes;
    for (const Simple& s : c.simples) {
      out = both(out, simple(s, e));
      if (out == Match::No) return out;
    }
    return out;
  }

  Match simple(const Simple& s, const Node& e) {
    using K = Simple::Kind;
    bool html = e.ns() == Namespace::Html;
    switch (s.kind) {
      case K::Universal: return Match::Yes;
      case K::Type: return from_bool(e.tag() == s.name);
      case K::Id: {
        ctx_.ensure();
        const std::string* id = ctx_.ids[e.element_index()];
        return from_bool(id && (*id == s.name || (ctx_.quirks && text::iequals(*id, s.name))));
      }
      case K::Class: {
        if (ctx_.quirks) return from_bool(has_class(e, s.name, true));
        ctx_.ensure();
        std::uint32_t i = e.element_index();
        if (!(ctx_.class_bits[i] >> (s.hash & 63) & 1)) return Match::No;
        for (std::uint32_t k = ctx_.class_begin[i]; k < ctx_.class_begin[i + 1]; ++k) {
          if (ctx_.class_tokens[k] == s.name) return Match::Yes;
        }
        return Match::No;
      }
      case K::Attr: {
        auto v = e.attr(s.name);
        return from_bool(v && attr_matches(s, *v, html && case_insensitive_attribute(s.name)));
      }
      case K::Nth: {
        if (s.list) return nth_of(s, e);
        long pos = e.sibling_position(s.of_type, s.from_end);
        return from_bool(nth_matches(s.a, s.b, pos));
      }
      case K::Root:
      case K::Scope: return from_bool(e.parent() && e.parent()->type() == NodeType::Document);
      case K::Empty:
        for (const Node* k : e.children()) {
          if (k->is_element() || (k->is_text() && !k->data().empty())) return Match::No;
        }
        return Match::Yes;
      case K::Link: return from_bool(is_link(e) && !ctx_.visited);
      case K::Visited: return from_bool(is_link(e) && ctx_.visited);
      case K::AnyLink: return from_bool(is_link(e));
      case K::Never: return Match::No;
      case K::Maybe: return Match::Maybe;
      case K::FormMaybe:
        return html && (e.is("input") || e.is("select") || e.is("textarea") || e.is("form") || e.is("fieldset") ||
                        e.is("button") || e.is("output") || e.is("object"))
                   ? Match::Maybe
                   : Match::No;
      case K::Checked:
        if (e.is("input")) {
          std::string_view t = input_type(e);
          return from_bool((t == "checkbox" || t == "radio") && e.has_attr("checked"));
        }
        return from_bool(e.is("option") && option_selected(e));
      case K::Default:
        if (e.is("input") && (input_type(e) == "checkbox" || input_type(e) == "radio")) {
          return from_bool(e.has_attr("checked"));
        }
        if (e.is("option")) return from_bool(e.has_attr("selected"));
        if ((e.is("button") && !text::iequals(e.attr("type").value_or("submit"), "button") &&
             !text::iequals(e.attr("type").value_or("submit"), "reset")) ||
            (e.is("input") && (input_type(e) == "submit" || input_type(e) == "image"))) {
          return Match::Maybe;  // the form's default button: the first submit button
        }
        return Match::No;
      case K::Disabled: return from_bool(html && is_disabled(e));
      case K::Enabled: return from_bool(html && is_form_control(e) && !is_disabled(e));
      case K::Required:
      case K::Optional: {
        bool field = e.is("input") || e.is("select") || e.is("textarea");
        if (!field) return Match::No;
        bool required = e.has_attr("required");
        return from_bool(s.kind == K::Required ? required : !required);
      }
      case K::ReadWrite: return from_bool(html && read_write(e));
      case K::ReadOnly: return from_bool(!(html && read_write(e)));
      case K::PlaceholderShown: {
        auto ph = e.attr("placeholder");
        if (!ph || ph->empty()) return Match::No;
        if (e.is("input")) return from_bool(text_like_input(e) && e.attr("value").value_or("").empty());
        if (e.is("textarea")) return from_bool(e.text_content().empty());
        return Match::No;
      }
      case K::Indeterminate:
        if (e.is("progress")) return from_bool(!e.has_attr("value"));
        if (e.is("input") && input_type(e) == "radio") return e.has_attr("checked") ? Match::No : Match::Maybe;
        return Match::No;
      case K::Open: return from_bool((e.is("details") || e.is("dialog")) && e.has_attr("open"));
      case K::Closed: return from_bool((e.is("details") || e.is("dialog")) && !e.has_attr("open"));
      case K::Lang: {
        ctx_.ensure();
        const std::string* lang = ctx_.lang[e.element_index()];
        if (!lang) return Match::No;
        for (const std::string& r : s.langs) {
          if (lang_matches(*lang, r)) return Match::Yes;
        }
        return Match::No;
      }
      case K::Dir: {
        for (const Node* n = &e; n; n = n->parent_element()) {
          auto d = n->attr("dir");
          if (!d) continue;
          std::string_view v = text::trim(*d);
          if (text::iequals(v, "ltr") || text::iequals(v, "rtl")) return from_bool(text::iequals(v, s.name));
          if (text::iequals(v, "auto")) return Match::Maybe;
        }
        return from_bool(s.name == "ltr");
      }
      case K::Defined:
        return e.tag().find('-') != std::string_view::npos && html ? Match::Maybe : Match::Yes;
      case K::Muted: return from_bool((e.is("video") || e.is("audio")) && e.has_attr("muted"));
      case K::Heading:
        return from_bool(html && e.tag().size() == 2 && e.tag()[0] == 'h' && e.tag()[1] >= '1' && e.tag()[1] <= '6');
      case K::Is:
      case K::Where: return list(*s.list, e);
      case K::Not: return negate(list(*s.list, e));
      case K::Has: return has(s, e);
    }
    return Match::No;
  }

  Match nth_of(const Simple& s, const Node& e) {
    Match self = list(*s.list, e);
    if (self == Match::No) return self;
    const Node* parent = e.parent();
    if (!parent) return Match::No;
    long pos = 0;
    bool unsure = self == Match::Maybe;
    const auto& kids = parent->children();
    auto count = [&](const Node* k) {
      if (!k->is_element()) return;
      Match m = list(*s.list, *k);
      if (m == Match::Yes) ++pos;
      if (m == Match::Maybe) unsure = true;
    };
    if (s.from_end) {
      for (auto it = kids.rbegin(); it != kids.rend(); ++it) {
        count(*it);
        if (*it == &e) break;
      }
    } else {
      for (const Node* k : kids) {
        count(k);
        if (k == &e) break;
      }
    }
    if (unsure) return Match::Maybe;
    return from_bool(nth_matches(s.a, s.b, pos));
  }

  Match has(const Simple& s, const Node& e) {
    const MatchContext::Impl::HasKey key{&s, e.element_index(), ctx_.visited};
    if (auto it = ctx_.has_memo.find(key); it != ctx_.has_memo.end()) return it->second;
    Match out = has_uncached(s, e);
    ctx_.has_memo.emplace(key, out);
    return out;
  }

  Match has_uncached(const Simple& s, const Node& e) {
    const Node* saved = ctx_.has_anchor;
    std::size_t saved_work = ctx_.has_work;
    ctx_.has_anchor = &e;
    ctx_.has_work = 0;
    Match out = Match::No;
    for (const auto& c : *s.list) {
      auto consider = [&](const Node& candidate) {
        if (++ctx_.has_work > kHasBudget) {
          out = either(out, Match::Maybe);
          return false;
        }
        out = either(out, complex(c, candidate));
        return out != Match::Yes;
      };
      // Where the relative selector's subject can be: below the anchor only if some
      // combinator in it (or its leading one) goes down; otherwise among the anchor's
      // children ('>') or following siblings ('+', '~'), and after '+' chained with '+' only
      // within as many siblings as it has compounds. Walking every following sibling's
      // subtree for `h2:has(+ p)` made a 4.4 MB page's styles cost 10 times its parse.
      const bool deep = std::any_of(c.combinators.begin(), c.combinators.end(),
                                    [](char x) { return x == ' ' || x == '>'; });
      bool go_on = true;
      if (c.leading == ' ' || (c.leading == '>' && deep)) {
        for (const Node* d : e.descendant_elements()) {
          if (!(go_on = consider(*d))) break;
        }
      } else if (c.leading == '>') {
        for (const Node* k : e.children()) {
          if (k->is_element() && !(go_on = consider(*k))) break;
        }
      } else if (const Node* parent = e.parent()) {
        const bool adjacent_only = c.leading == '+' && std::all_of(c.combinators.begin(), c.combinators.end(),
                                                                   [](char x) { return x == '+'; });
        std::size_t left = adjacent_only ? c.compounds.size() : std::numeric_limits<std::size_t>::max();
        // Children are in tree order, and nodes live in one array in tree order: find the
        // anchor by address instead of walking from the first child for every anchor.
        const auto& kids = parent->children();
        auto at = std::lower_bound(kids.begin(), kids.end(), &e, std::less<const Node*>());
        if (at == kids.end() || *at != &e) at = std::find(kids.begin(), kids.end(), &e);
        for (auto it = at == kids.end() ? at : std::next(at); it != kids.end(); ++it) {
          const Node* k = *it;
          if (!k->is_element()) continue;
          if (left-- == 0) break;
          if (!(go_on = consider(*k))) break;
          if (!deep) continue;
          for (const Node* d : k->descendant_elements()) {
            if (!(go_on = consider(*d))) break;
          }
          if (!go_on) break;
        }
      }
      if (out == Match::Yes || !go_on) break;
    }
    ctx_.has_anchor = saved;
    ctx_.has_work = saved_work;
    return out;
  }

  MatchContext::Impl& ctx_;
  std::size_t depth_ = 0;       // complex() calls in progress
  std::size_t fast_steps_ = 0;  // memo-less steps left for the element being matched
};

}  // namespace

Selector::Selector() = default;
Selector::Selector(Selector&&) noexcept = default;
Selector& Selector::operator=(Selector&&) noexcept = default;
Selector::~Selector() = default;

Result<Selector> Selector::parse(std::string_view text) {
  Selector sel;
  Parser p(text);
  p.skip_space();
  if (p.at_end()) return Error{"empty selector", "tom selektor"};
  auto list = p.parse_list(false, false, 0);
  if (!list) return list.error();
  p.skip_space();
  if (!p.at_end()) return p.error("unexpected ')'");
  sel.list_ = std::move(*list);
  return sel;
}

std::size_t Selector::size() const { return list_.size(); }

Selector::Specificity Selector::specificity(std::size_t i) const { return list_[i].spec; }

bool Selector::has_pseudo_element(std::size_t i) const { return list_[i].pseudo_element; }

bool Selector::depends_on_link_state(std::size_t i) const { return list_[i].link_state; }

Selector::Key Selector::key(std::size_t i) const { return Key{list_[i].key_kind, list_[i].key_name}; }

AncestorBits Selector::ancestor_bits(std::size_t i) const { return list_[i].ancestor_bits; }

Match Selector::match(std::size_t i, const Node& element, MatchContext& ctx) const {
  if (!element.is_element()) return Match::No;
  Matcher m(*ctx.impl_);
  return m.complex(list_[i], element);
}

Match Selector::match(const Node& element, MatchContext& ctx) const {
  if (!element.is_element()) return Match::No;
  Matcher m(*ctx.impl_);
  return m.list(list_, element);
}

bool Selector::matches(const Node& element) const {
  MatchContext ctx(element.document());
  return match(element, ctx) == Match::Yes;
}

std::vector<const Node*> Selector::select_all(const Document& doc) const {
  MatchContext ctx(doc);
  std::vector<const Node*> out;
  for (const Node* e : doc.elements()) {
    if (match(*e, ctx) == Match::Yes) out.push_back(e);
  }
  return out;
}

Selector::Specificity Selector::specificity_for(const Node& element) const {
  MatchContext ctx(element.document());
  Specificity best;
  for (std::size_t i = 0; i < list_.size(); ++i) {
    if (list_[i].spec > best && match(i, element, ctx) == Match::Yes) best = list_[i].spec;
  }
  return best;
}

std::string css_escape_identifier(std::string_view ident) {
  std::string out;
  for (std::size_t i = 0; i < ident.size(); ++i) {
    auto c = static_cast<unsigned char>(ident[i]);
    bool digit = c >= '0' && c <= '9';
    if (c == 0) {
      out += "\xEF\xBF\xBD";
    } else if ((c >= 1 && c <= 0x1F) || c == 0x7F || (digit && i == 0) ||
               (digit && i == 1 && ident[0] == '-')) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\%x ", c);
      out += buf;
    } else if (i == 0 && c == '-' && ident.size() == 1) {
      out += "\\-";
    } else if (c >= 0x80 || c == '-' || c == '_' || digit || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
      out += static_cast<char>(c);
    } else {
      out += '\\';
      out += static_cast<char>(c);
    }
  }
  return out;
}

std::string unique_selector(const Node& element) {
  std::vector<std::string> steps;
  const Document& doc = element.document();
  for (const Node* e = &element; e && e->is_element(); e = e->parent_element()) {
    if (auto id = e->attr("id"); id && !id->empty() && doc.elements_with_id(*id).size() == 1) {
      steps.push_back("#" + css_escape_identifier(*id));
      break;
    }
    if (steps.size() == kMaxSelectorSteps) break;
    std::string step = css_escape_identifier(e->tag());
    const Node* p = e->parent();
    if (p && p->type() != NodeType::Document && e->same_tag_siblings() > 1) {
      step += ":nth-of-type(" + std::to_string(e->sibling_position(true, false)) + ")";
    }
    steps.push_back(std::move(step));
  }
  std::string out;
  for (auto it = steps.rbegin(); it != steps.rend(); ++it) {
    if (!out.empty()) out += " > ";
    out += *it;
  }
  return out;
}

}  // namespace granska::html
