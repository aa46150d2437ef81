#include "aria/style.h"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>

#include "aria/css.h"
#include "html/selector.h"
#include "util/text.h"

namespace granska::aria::detail {

namespace {

enum class Property : std::uint8_t { Display, Visibility, ContentVisibility };

// One relevant declaration, its value already classified.
struct Decl {
  Property property;
  std::uint8_t value;  // Display, Visibility, or 0/1 for content-visibility
  bool important;
};

std::optional<Decl> classify(const css::Declaration& d) {
  std::string value = text::ascii_lower(d.value);
  if (text::iequals(d.property, "display")) {
    Display v;
    if (value == "none") {
      v = Display::None;
    } else if (value == "inherit" || value == "initial" || value == "unset" || value == "revert" ||
               value == "revert-layer") {
      return std::nullopt;
    } else if (value.starts_with("inline") || value == "contents") {
      v = Display::Inline;
    } else {
      v = Display::Block;
    }
    return Decl{Property::Display, static_cast<std::uint8_t>(v), d.important};
  }
  if (text::iequals(d.property, "visibility")) {
    Visibility v;
    if (value == "hidden" || value == "collapse") {
      v = Visibility::Hidden;
    } else if (value == "visible" || value == "initial") {
      v = Visibility::Visible;
    } else if (value == "inherit" || value == "unset" || value == "revert" || value == "revert-layer") {
      v = Visibility::Inherit;
    } else {
      return std::nullopt;  // invalid value: the declaration is dropped
    }
    return Decl{Property::Visibility, static_cast<std::uint8_t>(v), d.important};
  }
  if (text::iequals(d.property, "content-visibility")) {
    return Decl{Property::ContentVisibility, static_cast<std::uint8_t>(value == "hidden" ? 1 : 0),
                d.important};
  }
  return std::nullopt;
}

// Cascade order within the author origin: importance, inline style, specificity, order.
struct Priority {
  bool important = false;
  bool inline_style = false;
  html::Selector::Specificity specificity;
  std::uint32_t order = 0;
  auto operator<=>(const Priority&) const = default;
};

// One complex selector of a rule with display/visibility declarations.
struct Entry {
  html::Selector selector;
  bool exact;  // false: a looser stand-in for a selector granska cannot evaluate
  std::uint32_t order;
  std::uint32_t decls_begin, decls_end;  // range in Index::decls
};

bool is_combinator(char c) { return c == '>' || c == '+' || c == '~' || text::is_html_space(c); }

// Calls f(index) for each character of `s` outside strings, [] and (); f gets the depth of
// enclosing parentheses too (0 at top level). Returns early when f returns false.
template <class F>
void scan_top_level(std::string_view s, F&& f) {
  int brackets = 0;
  int parens = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == '\\') {
      ++i;
      continue;
    }
    if (c == '"' || c == '\'') {
      std::size_t end = s.find(c, i + 1);
      i = end == std::string_view::npos ? s.size() : end;
      continue;
    }
    if (c == '[') ++brackets;
    if (c == ']' && brackets > 0) --brackets;
    if (c == '(') ++parens;
    if (c == ')' && parens > 0) --parens;
    if (brackets == 0 && !f(i, parens)) return;
  }
}

std::vector<std::string_view> split_selector_list(std::string_view list) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  scan_top_level(list, [&](std::size_t i, int parens) {
    if (parens == 0 && list[i] == ',') {
      out.push_back(text::trim(list.substr(start, i - start)));
      start = i + 1;
    }
    return true;
  });
  out.push_back(text::trim(list.substr(start)));
  return out;
}

std::string_view pseudo_name_at(std::string_view s, std::size_t colon) {
  std::size_t j = colon + 1;
  while (j < s.size() && (std::isalnum(static_cast<unsigned char>(s[j])) || s[j] == '-')) ++j;
  return s.substr(colon + 1, j - colon - 1);
}

bool has_pseudo_element(std::string_view sel) {
  bool found = false;
  scan_top_level(sel, [&](std::size_t i, int) {
    if (sel[i] != ':') return true;
    if (i + 1 < sel.size() && sel[i + 1] == ':') {
      found = true;
      return false;
    }
    std::string name = text::ascii_lower(pseudo_name_at(sel, i));
    if (name == "before" || name == "after" || name == "first-line" || name == "first-letter") {
      found = true;
      return false;
    }
    return true;
  });
  return found;
}

// :hover and friends outside any parentheses: the selector does not match a page at rest.
bool needs_user_action(std::string_view sel) {
  bool found = false;
  scan_top_level(sel, [&](std::size_t i, int parens) {
    if (sel[i] != ':' || parens != 0) return true;
    std::string name = text::ascii_lower(pseudo_name_at(sel, i));
    static constexpr std::string_view kDynamic[] = {"hover",   "focus",  "active",       "focus-within",
                                                    "focus-visible", "visited", "target", "target-within"};
    if (std::find(std::begin(kDynamic), std::end(kDynamic), name) != std::end(kDynamic)) {
      found = true;
      return false;
    }
    return true;
  });
  return found;
}

// The selector with every pseudo-class (and its arguments) removed: it matches at least
// every element the original matches.
std::string loosen(std::string_view sel) {
  std::string out;
  std::size_t compound_start = 0;
  bool dropped = false;
  int brackets = 0;
  auto close_compound = [&] {
    if (dropped && out.size() == compound_start) out += '*';
    dropped = false;
  };
  for (std::size_t i = 0; i < sel.size(); ++i) {
    char c = sel[i];
    if (c == '\\' && i + 1 < sel.size()) {
      out += c;
      out += sel[++i];
      continue;
    }
    if (c == '"' || c == '\'') {
      std::size_t end = sel.find(c, i + 1);
      end = end == std::string_view::npos ? sel.size() - 1 : end;
      out.append(sel.substr(i, end - i + 1));
      i = end;
      continue;
    }
    if (c == '[') ++brackets;
    if (c == ']' && brackets > 0) --brackets;
    if (brackets == 0 && c == ':') {
      std::size_t j = i + 1;
      if (j < sel.size() && sel[j] == ':') ++j;
      while (j < sel.size() && (std::isalnum(static_cast<unsigned char>(sel[j])) || sel[j] == '-')) ++j;
      if (j < sel.size() && sel[j] == '(') {
        int depth = 0;
        for (; j < sel.size(); ++j) {
          if (sel[j] == '(') ++depth;
          if (sel[j] == ')' && --depth == 0) break;
        }
        ++j;
      }
      i = j - 1;
      dropped = true;
      continue;
    }
    if (brackets == 0 && is_combinator(c)) {
      close_compound();
      out += c;
      compound_start = out.size();
      continue;
    }
    out += c;
  }
  close_compound();
  return out;
}

// Where to file a selector so that only plausible elements try it: the id, a class or the
// type of its rightmost compound selector.
struct BucketKey {
  enum class Kind : std::uint8_t { Any, Id, Class, Tag } kind = Kind::Any;
  std::string name;
};

BucketKey bucket_key(std::string_view sel) {
  std::size_t start = 0;
  scan_top_level(sel, [&](std::size_t i, int parens) {
    if (parens == 0 && is_combinator(sel[i])) start = i + 1;
    return true;
  });
  std::string_view compound = sel.substr(start);
  if (compound.find('\\') != std::string_view::npos) return {};
  auto ident_at = [&](std::size_t i) {
    std::size_t j = i;
    while (j < compound.size() &&
           (std::isalnum(static_cast<unsigned char>(compound[j])) || compound[j] == '-' ||
            compound[j] == '_' || static_cast<unsigned char>(compound[j]) >= 0x80)) {
      ++j;
    }
    return std::string(compound.substr(i, j - i));
  };
  std::optional<BucketKey> id, cls;
  scan_top_level(compound, [&](std::size_t i, int parens) {
    if (parens != 0) return true;
    if (compound[i] == '#' && !id) id = BucketKey{BucketKey::Kind::Id, ident_at(i + 1)};
    if (compound[i] == '.' && !cls) cls = BucketKey{BucketKey::Kind::Class, ident_at(i + 1)};
    return true;
  });
  if (id && !id->name.empty()) return *id;
  if (cls && !cls->name.empty()) return *cls;
  std::string tag = text::ascii_lower(ident_at(0));
  if (!tag.empty()) return BucketKey{BucketKey::Kind::Tag, tag};
  return {};
}

class Index {
 public:
  explicit Index(const html::Document& doc) {
    for (const html::Node* e : doc.elements()) {
      if (e->tag() == "style" && style_element_applies(*e)) add_sheet(css::StyleSheet::parse(e->text_content()));
    }
    for (auto* bucket : {&ids_, &classes_, &tags_}) std::sort(bucket->begin(), bucket->end());
  }

  bool empty() const { return entries_.empty(); }

  // Calls f(entry) for every entry whose bucket fits `e` (each at most once per bucket).
  template <class F>
  void for_candidates(const html::Node& e, F&& f) const {
    for (std::uint32_t i : any_) f(entries_[i]);
    visit(tags_, e.tag(), f);
    if (auto id = e.attr("id"); id && !id->empty()) visit(ids_, *id, f);
    if (auto cls = e.attr("class")) {
      std::string_view s = *cls;
      std::size_t i = 0;
      while (i < s.size()) {
        while (i < s.size() && text::is_html_space(s[i])) ++i;
        std::size_t start = i;
        while (i < s.size() && !text::is_html_space(s[i])) ++i;
        if (i > start) visit(classes_, s.substr(start, i - start), f);
      }
    }
  }

  const std::vector<Decl>& decls() const { return decls_; }

 private:
  using Bucket = std::vector<std::pair<std::string, std::uint32_t>>;

  template <class F>
  void visit(const Bucket& bucket, std::string_view key, F& f) const {
    auto it = std::lower_bound(bucket.begin(), bucket.end(), key,
                               [](const auto& p, std::string_view k) { return p.first < k; });
    for (; it != bucket.end() && it->first == key; ++it) {
      // A class listed twice on an element would visit twice; harmless for a max().
      f(entries_[it->second]);
    }
  }

  void add_sheet(css::StyleSheet sheet) {
    for (const css::Rule& rule : sheet.rules()) {
      std::uint32_t begin = static_cast<std::uint32_t>(decls_.size());
      for (const css::Declaration& d : rule.declarations) {
        if (std::optional<Decl> decl = classify(d)) decls_.push_back(*decl);
      }
      std::uint32_t end = static_cast<std::uint32_t>(decls_.size());
      std::uint32_t order = next_order_++;
      if (begin == end) continue;
      for (PreparedSelector& p : prepare_selectors(rule.selector, rule.nested)) {
        add_selector(std::move(p), order, begin, end);
      }
    }
  }

  void add_selector(PreparedSelector p, std::uint32_t order, std::uint32_t begin, std::uint32_t end) {
    auto index = static_cast<std::uint32_t>(entries_.size());
    entries_.push_back(Entry{std::move(p.selector), p.exact, order, begin, end});
    switch (p.bucket_kind) {
      case '#': ids_.emplace_back(std::move(p.bucket_name), index); break;
      case '.': classes_.emplace_back(std::move(p.bucket_name), index); break;
      case 't': tags_.emplace_back(std::move(p.bucket_name), index); break;
      default: any_.push_back(index); break;
    }
  }

  std::vector<Entry> entries_;
  std::vector<Decl> decls_;
  std::vector<std::uint32_t> any_;
  Bucket ids_, classes_, tags_;
  std::uint32_t next_order_ = 1;
};

// The winning declaration per property among the exact ones, then what unevaluated ones
// might do instead.
struct Cascade {
  std::optional<Priority> best[3];
  std::uint8_t value[3] = {0, 0, 0};
  // Unevaluated candidates, kept until the exact winners are known.
  std::vector<std::pair<Priority, Decl>> maybes;

  void offer(const Priority& p, const Decl& d) {
    auto i = static_cast<std::size_t>(d.property);
    if (!best[i] || !(p < *best[i])) {  // ties: the later declaration wins
      best[i] = p;
      value[i] = d.value;
    }
  }

  // Whether a rule of unknown specificity with priority `p` could beat the exact winner.
  bool could_win(const Priority& p, Property property) const {
    const std::optional<Priority>& b = best[static_cast<std::size_t>(property)];
    if (!b) return true;
    if (p.important != b->important) return p.important;
    return !b->inline_style;
  }

  ElementStyle finish() const {
    ElementStyle s;
    if (best[0]) s.display = static_cast<Display>(value[0]);
    if (best[1]) s.visibility = static_cast<Visibility>(value[1]);
    if (best[2]) s.content_hidden = value[2] == 1;
    for (const auto& [p, d] : maybes) {
      if (!could_win(p, d.property)) continue;
      if (d.property == Property::Display) {
        bool none = static_cast<Display>(d.value) == Display::None;
        (none ? s.maybe_display_none : s.maybe_display_shown) = true;
      } else if (d.property == Property::Visibility) {
        auto v = static_cast<Visibility>(d.value);
        if (v == Visibility::Hidden) s.maybe_hidden = true;
        if (v == Visibility::Visible) s.maybe_visible = true;
      }
    }
    return s;
  }
};

}  // namespace

std::vector<ElementStyle> compute_styles(const html::Document& doc) {
  const auto& elements = doc.elements();
  std::vector<ElementStyle> out(elements.size());
  Index index(doc);
  std::vector<css::Declaration> inline_decls;
  std::string storage;
  for (const html::Node* e : elements) {
    auto style_attr = e->attr("style");
    if (index.empty() && !style_attr) continue;
    Cascade cascade;
    index.for_candidates(*e, [&](const Entry& entry) {
      if (!entry.selector.matches(*e)) return;
      Priority p;
      p.specificity = entry.selector.specificity_for(*e);
      p.order = entry.order;
      for (std::uint32_t i = entry.decls_begin; i < entry.decls_end; ++i) {
        const Decl& d = index.decls()[i];
        p.important = d.important;
        if (entry.exact) {
          cascade.offer(p, d);
        } else {
          cascade.maybes.emplace_back(p, d);
        }
      }
    });
    if (style_attr) {
      inline_decls.clear();
      css::parse_declarations(css::strip_comments(*style_attr, storage), inline_decls);
      for (const css::Declaration& raw : inline_decls) {
        if (std::optional<Decl> d = classify(raw)) {
          Priority p;
          p.important = d->important;
          p.inline_style = true;
          p.order = UINT32_MAX;
          cascade.offer(p, *d);
        }
      }
    }
    out[e->element_index()] = cascade.finish();
  }
  return out;
}

}  // namespace granska::aria::detail

// ---- Shared with computed_style.cc (additive, see style.h) ----
namespace granska::aria::detail {

std::vector<PreparedSelector> prepare_selectors(std::string_view selector_list, bool nested) {
  std::vector<PreparedSelector> out;
  for (std::string_view complex : split_selector_list(selector_list)) {
    std::string text(complex);
    if (nested) {
      // Relative to an enclosing rule granska does not track: drop "&" and any leading
      // combinator; what is left matches a superset of the real targets.
      std::erase(text, '&');
      std::size_t first = text.find_first_not_of(" \t\n\f\r>+~");
      text = first == std::string::npos ? std::string() : text.substr(first);
    }
    if (text.empty() || has_pseudo_element(text) || needs_user_action(text)) continue;
    bool exact = !nested;
    Result<html::Selector> parsed = html::Selector::parse(text);
    if (!parsed.ok()) {
      exact = false;
      text = loosen(text);
      parsed = html::Selector::parse(text);
      if (!parsed.ok()) continue;  // cannot even guess: ignored (see the header)
    }
    BucketKey key = bucket_key(text);
    char kind = '\0';
    switch (key.kind) {
      case BucketKey::Kind::Any: break;
      case BucketKey::Kind::Id: kind = '#'; break;
      case BucketKey::Kind::Class: kind = '.'; break;
      case BucketKey::Kind::Tag: kind = 't'; break;
    }
    out.push_back(PreparedSelector{std::move(parsed).value(), exact, kind, std::move(key.name)});
  }
  return out;
}

bool style_element_applies(const html::Node& style) {
  for (const html::Node* p = style.parent_element(); p; p = p->parent_element()) {
    if (p->is("template") || p->is("noscript")) return false;
  }
  if (auto type = style.attr("type"); type && !text::trim(*type).empty() &&
                                      !text::iequals(text::trim(*type), "text/css")) {
    return false;
  }
  if (auto media = style.attr("media"); media && !css::media_matches(*media)) return false;
  return true;
}

}  // namespace granska::aria::detail
