// A parsed style sheet in the compact form the cascade reads and the per-run cache keeps:
// style rules (selector + declarations of the properties granska computes), the
// conditions they depend on (@media, @supports, @container ...), cascade layers and
// @import rules. Everything else of the sheet (other properties, @font-face, @keyframes,
// comments) is dropped while parsing.
//
// parse_stylesheet() implements CSS Syntax Level 3's parser with its error recovery
// (including CSS Nesting's nested rules and declarations) as an explicit state machine:
// no recursion grows with the input's nesting, and any input, however broken or large,
// parses in time linear in its size. It is the entry point for fuzzing.
//
// A Sheet is immutable after parsing and safe to share between threads.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "html/selector.h"
#include "style/values.h"
#include "util/string_hash.h"

namespace granska::style {

struct Declaration {
  Property property = Property::Custom;
  bool important = false;
  std::uint32_t line = 0;  // 1-based line in the sheet's text
  std::string name;        // custom properties: "--name"; empty otherwise
  Value value;             // custom properties: Kind::Text with the raw value
};

// What a group of rules depends on besides their selectors. Chained: a rule applies
// when its condition and every parent condition hold.
struct Condition {
  enum class Kind : std::uint8_t {
    Media,     // text: the media query list, evaluated per Environment
    Supports,  // supported: evaluated while parsing
    Unknown,   // @container, @scope: granska cannot tell (the rules may or may not apply)
    Never,     // @starting-style, @document: never part of a page's computed style
  };
  Kind kind = Kind::Media;
  bool supported = true;
  std::int32_t parent = -1;
  std::string text;
};

struct Rule {
  html::Selector selector;
  std::uint32_t first = 0, end = 0;  // range in Sheet::declarations
  std::int32_t condition = -1;       // index into Sheet::conditions, -1 none
  std::int32_t layer = -1;           // index into Sheet::layers, -1 unlayered
  std::uint32_t line = 0;
};

struct Import {
  std::string url;          // as written; resolve against the sheet's own URL
  std::string media;        // media query list; "" = all
  bool supported = true;    // its supports() condition
  std::int32_t layer = -1;  // index into Sheet::layers when imported into a layer
  std::int32_t condition = -1;
  std::uint32_t line = 0;
};

// Where a complex selector of a rule is filed: by the id, class or type its rightmost
// compound requires, or in `any`.
struct RuleRef {
  std::uint32_t rule;
  std::uint32_t complex : 31;  // index into the rule's selector list
  std::uint32_t link_state : 1;  // the selector uses :link, :visited or :any-link
  html::AncestorBits ancestors;  // what some ancestor must have (a quick reject)
};

// Searched with a string_view (no allocation per lookup).
using Buckets = std::unordered_map<std::string, std::vector<RuleRef>, StringHash, std::equal_to<>>;

struct Sheet {
  std::vector<Rule> rules;  // in cascade order
  std::vector<Declaration> declarations;
  std::vector<Condition> conditions;
  // Layer names, each full ("base.reset"); anonymous layers get a name that cannot clash.
  // Order: first mention in the sheet, which with the other sheets' decides layer order.
  std::vector<std::string> layers;
  std::vector<Import> imports;

  Buckets by_id, by_class, by_tag, by_attr;
  std::vector<RuleRef> any;

  // For the cache's memory bound and for notes.
  std::size_t bytes = 0;
  std::size_t dropped_rules = 0;  // invalid selectors (dropped, as browsers do)
  bool orientation_queries = false;  // some condition mentions (orientation: ...)
};

// Parses UTF-8 style sheet text (decode bytes first: loader.h). Never fails.
Sheet parse_stylesheet(std::string_view css);

// The declarations of a style attribute, in order ("color: red; font: 12px serif").
void parse_declaration_list(std::string_view css, std::vector<Declaration>& out);

}  // namespace granska::style
