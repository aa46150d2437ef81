#include "html/selector.h"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <unordered_set>

#include "util/text.h"

namespace granska::html {

namespace {

struct Simple {
  enum class Kind { Type, Universal, Id, Class, Attr, NthChild, NthOfType, NthLastChild, NthLastOfType, Root, Not };
  Kind kind = Kind::Universal;
  std::string name;   // type, id, class or attribute name
  std::string value;  // attribute value
  char op = 0;        // 0 = presence, '=', '~', '|', '^', '$', '*'
  bool icase = false;
  int a = 0, b = 0;   // An+B
  std::vector<Simple> negated;
};

using Compound = std::vector<Simple>;

bool is_ident_start(char c) {
  auto u = static_cast<unsigned char>(c);
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '-' || u >= 0x80 || c == '\\';
}
bool is_ident_char(char c) { return is_ident_start(c) || (c >= '0' && c <= '9'); }

// CSS escapes: NUL, surrogates and out-of-range values become U+FFFD (CSS Syntax §4.3.7).
void append_escaped_code_point(std::string& out, unsigned long cp) {
  if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
  text::append_utf8(out, static_cast<std::uint32_t>(cp));
}

class Parser {
 public:
  explicit Parser(std::string_view s) : s_(s) {}

  bool at_end() const { return i_ >= s_.size(); }
  char peek() const { return at_end() ? '\0' : s_[i_]; }
  bool skip_space() {
    std::size_t start = i_;
    while (!at_end() && text::is_html_space(s_[i_])) ++i_;
    return i_ > start;
  }
  std::string error(std::string_view what) const {
    return std::string(what) + " at position " + std::to_string(i_ + 1) + " in selector '" + std::string(s_) + "'";
  }

  // Reads an escape sequence after the backslash.
  void escape(std::string& out) {
    ++i_;  // backslash
    if (at_end()) {
      out += "\xEF\xBF\xBD";
      return;
    }
    std::size_t start = i_;
    while (!at_end() && i_ - start < 6 && std::isxdigit(static_cast<unsigned char>(s_[i_]))) ++i_;
    if (i_ > start) {
      unsigned long cp = std::stoul(std::string(s_.substr(start, i_ - start)), nullptr, 16);
      append_escaped_code_point(out, cp);
      if (!at_end() && text::is_html_space(s_[i_])) ++i_;
    } else {
      out += s_[i_++];
    }
  }

  bool ident(std::string& out) {
    if (at_end() || !is_ident_start(peek())) return false;
    if (peek() == '-' && i_ + 1 < s_.size() && (s_[i_ + 1] >= '0' && s_[i_ + 1] <= '9')) return false;
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
        escape(out);
      } else {
        out += s_[i_++];
      }
    }
    if (at_end()) return false;
    ++i_;
    return true;
  }

  // An+B inside :nth-*( ... ).
  bool nth(int& a, int& b) {
    skip_space();
    std::size_t close = s_.find(')', i_);
    if (close == std::string_view::npos) return false;
    std::string arg;
    for (char c : s_.substr(i_, close - i_)) {
      if (!text::is_html_space(c)) arg += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    i_ = close;
    if (arg == "odd") { a = 2; b = 1; return true; }
    if (arg == "even") { a = 2; b = 0; return true; }
    std::size_t n = arg.find('n');
    auto parse_int = [](std::string_view t, int& v) {
      if (!t.empty() && t.front() == '+') t.remove_prefix(1);
      auto [p, ec] = std::from_chars(t.data(), t.data() + t.size(), v);
      return ec == std::errc() && p == t.data() + t.size();
    };
    if (n == std::string::npos) {
      a = 0;
      return parse_int(arg, b);
    }
    std::string_view as = std::string_view(arg).substr(0, n);
    if (as.empty() || as == "+") a = 1;
    else if (as == "-") a = -1;
    else if (!parse_int(as, a)) return false;
    std::string_view bs = std::string_view(arg).substr(n + 1);
    b = 0;
    return bs.empty() || ((bs.front() == '+' || bs.front() == '-') && parse_int(bs.front() == '+' ? bs.substr(1) : bs, b) &&
                          (bs.front() == '+' || b <= 0));
  }

  Result<Compound> compound(bool inside_not) {
    Compound parts;
    std::string name;
    if (peek() == '*') {
      ++i_;
      parts.push_back(Simple{});
    } else if (ident(name)) {
      Simple t;
      t.kind = Simple::Kind::Type;
      t.name = text::ascii_lower(name);
      parts.push_back(std::move(t));
    }
    while (!at_end()) {
      char c = peek();
      Simple s;
      if (c == '#' || c == '.') {
        ++i_;
        s.kind = c == '#' ? Simple::Kind::Id : Simple::Kind::Class;
        if (!ident(s.name)) return Error{error(c == '#' ? "expected an id" : "expected a class name")};
      } else if (c == '[') {
        ++i_;
        skip_space();
        s.kind = Simple::Kind::Attr;
        if (!ident(s.name)) return Error{error("expected an attribute name")};
        s.name = text::ascii_lower(s.name);
        skip_space();
        char op = peek();
        if (op == '=') {
          s.op = '=';
          ++i_;
        } else if (op == '~' || op == '|' || op == '^' || op == '$' || op == '*') {
          ++i_;
          if (peek() != '=') return Error{error("expected '='")};
          ++i_;
          s.op = op;
        }
        if (s.op) {
          skip_space();
          if (!string_or_ident(s.value)) return Error{error("expected an attribute value")};
          skip_space();
          if (peek() == 'i' || peek() == 'I') {
            s.icase = true;
            ++i_;
            skip_space();
          } else if (peek() == 's' || peek() == 'S') {
            ++i_;
            skip_space();
          }
        }
        if (peek() != ']') return Error{error("expected ']'")};
        ++i_;
      } else if (c == ':') {
        ++i_;
        std::string pseudo;
        if (!ident(pseudo)) return Error{error("expected a pseudo-class")};
        pseudo = text::ascii_lower(pseudo);
        if (pseudo == "first-child") { s.kind = Simple::Kind::NthChild; s.b = 1; }
        else if (pseudo == "last-child") { s.kind = Simple::Kind::NthLastChild; s.b = 1; }
        else if (pseudo == "first-of-type") { s.kind = Simple::Kind::NthOfType; s.b = 1; }
        else if (pseudo == "last-of-type") { s.kind = Simple::Kind::NthLastOfType; s.b = 1; }
        else if (pseudo == "only-child") {
          Simple first;
          first.kind = Simple::Kind::NthChild;
          first.b = 1;
          parts.push_back(first);
          s.kind = Simple::Kind::NthLastChild;
          s.b = 1;
        } else if (pseudo == "root") {
          s.kind = Simple::Kind::Root;
        } else if (peek() == '(' && (pseudo == "nth-child" || pseudo == "nth-of-type" || pseudo == "nth-last-child" || pseudo == "nth-last-of-type")) {
          ++i_;
          s.kind = pseudo == "nth-child" ? Simple::Kind::NthChild
                 : pseudo == "nth-of-type" ? Simple::Kind::NthOfType
                 : pseudo == "nth-last-child" ? Simple::Kind::NthLastChild : Simple::Kind::NthLastOfType;
          if (!nth(s.a, s.b)) return Error{error("invalid An+B expression")};
          ++i_;  // ')'
        } else if (peek() == '(' && pseudo == "not" && !inside_not) {
          ++i_;
          skip_space();
          auto inner = compound(true);
          if (!inner) return inner.error();
          if (inner->empty()) return Error{error("empty :not()")};
          skip_space();
          if (peek() != ')') return Error{error("expected ')'")};
          ++i_;
          s.kind = Simple::Kind::Not;
          s.negated = std::move(*inner);
        } else {
          return Error{error("unsupported pseudo-class ':" + pseudo + "'")};
        }
      } else {
        break;
      }
      parts.push_back(std::move(s));
    }
    return parts;
  }

  std::string_view s_;
  std::size_t i_ = 0;
};

bool attr_matches(const Simple& s, std::string_view v) {
  std::string lowered_v, lowered_want;
  std::string_view want = s.value;
  if (s.icase) {
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

bool has_class(const Node& e, std::string_view cls) {
  auto v = e.attr("class");
  if (!v) return false;
  Simple s;
  s.op = '~';
  s.value = std::string(cls);
  return attr_matches(s, *v);
}

// 1-based position among element siblings (same tag only when of_type), from the end when
// from_end. Counted once at parse time (html/dom.h), so a :nth-* test is O(1).
int sibling_position(const Node& e, bool of_type, bool from_end) {
  return static_cast<int>(e.sibling_position(of_type, from_end));
}

bool nth_matches(int a, int b, int pos) {
  if (a == 0) return pos == b;
  int diff = pos - b;
  return diff % a == 0 && diff / a >= 0;
}

bool matches_simple(const Simple& s, const Node& e) {
  switch (s.kind) {
    case Simple::Kind::Universal: return true;
    case Simple::Kind::Type: return e.tag() == s.name;
    case Simple::Kind::Id: return e.attr("id") == std::optional<std::string_view>(s.name);
    case Simple::Kind::Class: return has_class(e, s.name);
    case Simple::Kind::Attr: {
      auto v = e.attr(s.name);
      return v && attr_matches(s, *v);
    }
    case Simple::Kind::NthChild: return nth_matches(s.a, s.b, sibling_position(e, false, false));
    case Simple::Kind::NthOfType: return nth_matches(s.a, s.b, sibling_position(e, true, false));
    case Simple::Kind::NthLastChild: return nth_matches(s.a, s.b, sibling_position(e, false, true));
    case Simple::Kind::NthLastOfType: return nth_matches(s.a, s.b, sibling_position(e, true, true));
    case Simple::Kind::Root: return e.parent() && e.parent()->type() == NodeType::Document;
    case Simple::Kind::Not:
      return !std::all_of(s.negated.begin(), s.negated.end(), [&](const Simple& n) { return matches_simple(n, e); });
  }
  return false;
}

bool matches_compound(const Compound& c, const Node& e) {
  if (!e.is_element()) return false;
  return std::all_of(c.begin(), c.end(), [&](const Simple& s) { return matches_simple(s, e); });
}

void add_specificity(const Simple& s, Selector::Specificity& sp) {
  switch (s.kind) {
    case Simple::Kind::Id: ++sp.a; break;
    case Simple::Kind::Type: ++sp.c; break;
    case Simple::Kind::Universal: break;
    case Simple::Kind::Not:
      for (const Simple& n : s.negated) add_specificity(n, sp);
      break;
    default: ++sp.b; break;
  }
}

}  // namespace

struct Selector::Complex {
  std::vector<Compound> compounds;  // left to right
  std::vector<char> combinators;    // combinators[i] joins compounds[i] and compounds[i + 1]
  Specificity specificity;

  // Do compounds[0..=k] match with compounds[k] on `e`? Right to left with backtracking,
  // iterative (the depth is the selector's length, which page CSS controls). Each failed
  // (compound, element) state is remembered, and so is each ancestor (or previous
  // sibling) chain already searched in vain for a compound, so a descendant chain like
  // "span div div div div" on a 40,000-deep page is O(compounds × depth), not exponential
  // or quadratic (issue #16).
  bool match_from(std::size_t k, const Node& e) const {
    if (!matches_compound(compounds[k], e)) return false;
    if (k == 0) return true;
    struct Frame {
      std::size_t k;        // compounds[k] matched on `node`
      const Node* node;
      const Node* first;    // the first candidate for compounds[k - 1]
      const Node* next;     // the next candidate to try
    };
    auto step = [&](char comb, const Node& n) -> const Node* {
      return comb == '>' || comb == ' ' ? n.parent_element() : n.previous_element_sibling();
    };
    auto key = [](std::size_t j, const Node& n) { return (static_cast<std::uint64_t>(j) << 32) | n.element_index(); };
    std::unordered_set<std::uint64_t> failed;     // (j, node): compounds[0..=j] fail with j on node
    std::unordered_set<std::uint64_t> exhausted;  // (j, node): fail on node and all further candidates
    auto push = [&](std::vector<Frame>& stack, std::size_t j, const Node& n) {
      const Node* first = step(combinators[j - 1], n);
      stack.push_back({j, &n, first, first});
    };
    std::vector<Frame> stack;
    push(stack, k, e);
    while (!stack.empty()) {
      Frame& f = stack.back();
      const char comb = combinators[f.k - 1];
      const bool chain = comb == ' ' || comb == '~';
      const std::size_t j = f.k - 1;
      const Node* c = f.next;
      if (c && chain && exhausted.count(key(j, *c))) c = nullptr;
      if (!c) {  // no candidate left: this state fails
        failed.insert(key(f.k, *f.node));
        if (chain) {
          for (const Node* x = f.first; x && exhausted.insert(key(j, *x)).second; x = step(comb, *x)) {
          }
        }
        stack.pop_back();
        continue;
      }
      // Only the descendant and subsequent-sibling combinators try further candidates.
      f.next = chain ? step(comb, *c) : nullptr;
      if (!matches_compound(compounds[j], *c) || failed.count(key(j, *c))) continue;
      if (j == 0) return true;
      push(stack, j, *c);
    }
    return false;
  }

  // Every element of `doc` on which the whole complex selector matches, by dynamic
  // programming over the compounds left to right in tree order: O(compounds × elements).
  // A parent and a previous sibling come before an element in tree order, so the states
  // they need are final when an element is reached.
  std::vector<char> match_all(const Document& doc) const {
    const auto& els = doc.elements();
    std::size_t n = els.size();
    std::vector<char> matched(n), reach(n);
    for (std::size_t i = 0; i < n; ++i) matched[i] = matches_compound(compounds[0], *els[i]);
    for (std::size_t k = 1; k < compounds.size(); ++k) {
      char comb = combinators[k - 1];
      // reach[i]: for ' ', compounds[k-1] matched on element i or one of its ancestors; for
      // '~', on element i or one of its previous siblings.
      for (std::size_t i = 0; i < n; ++i) {
        const Node* up = comb == ' ' ? els[i]->parent_element() : els[i]->previous_element_sibling();
        reach[i] = matched[i] || (up && reach[up->element_index()]);
      }
      std::vector<char> next(n);
      for (std::size_t i = 0; i < n; ++i) {
        const Node& el = *els[i];
        const Node* p = el.parent_element();
        const Node* prev = el.previous_element_sibling();
        bool ok = false;
        switch (comb) {
          case '>': ok = p && matched[p->element_index()]; break;
          case ' ': ok = p && reach[p->element_index()]; break;
          case '+': ok = prev && matched[prev->element_index()]; break;
          case '~': ok = prev && reach[prev->element_index()]; break;
          default: break;
        }
        next[i] = ok && matches_compound(compounds[k], el);
      }
      matched.swap(next);
    }
    return matched;
  }
};

Selector::Selector() = default;
Selector::Selector(Selector&&) noexcept = default;
Selector& Selector::operator=(Selector&&) noexcept = default;
Selector::~Selector() = default;

Result<Selector> Selector::parse(std::string_view text) {
  Selector sel;
  Parser p(text);
  p.skip_space();
  if (p.at_end()) return Error{"empty selector", "tom selektor"};
  while (true) {
    Complex complex;
    while (true) {
      auto c = p.compound(false);
      if (!c) return c.error();
      if (c->empty()) return Error{p.error("expected a selector")};
      complex.compounds.push_back(std::move(*c));
      bool space = p.skip_space();
      char next = p.peek();
      if (next == '>' || next == '+' || next == '~') {
        ++p.i_;
        p.skip_space();
        complex.combinators.push_back(next);
      } else if (p.at_end() || next == ',') {
        break;
      } else if (space) {
        complex.combinators.push_back(' ');
      } else {
        return Error{p.error(std::string("unexpected '") + next + "'")};
      }
    }
    for (const Compound& c : complex.compounds) {
      for (const Simple& s : c) add_specificity(s, complex.specificity);
    }
    sel.list_.push_back(std::move(complex));
    if (p.at_end()) break;
    ++p.i_;  // ','
    p.skip_space();
  }
  return sel;
}

bool Selector::matches(const Node& element) const {
  return std::any_of(list_.begin(), list_.end(),
                     [&](const Complex& c) { return c.match_from(c.compounds.size() - 1, element); });
}

std::vector<const Node*> Selector::select_all(const Document& doc) const {
  std::vector<char> any(doc.elements().size());
  for (const Complex& c : list_) {
    std::vector<char> m = c.match_all(doc);
    for (std::size_t i = 0; i < m.size(); ++i) any[i] = any[i] || m[i];
  }
  std::vector<const Node*> out;
  for (std::size_t i = 0; i < any.size(); ++i) {
    if (any[i]) out.push_back(doc.elements()[i]);
  }
  return out;
}

Selector::Specificity Selector::specificity_for(const Node& element) const {
  Specificity best;
  for (const Complex& c : list_) {
    if (c.specificity > best && c.match_from(c.compounds.size() - 1, element)) best = c.specificity;
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
