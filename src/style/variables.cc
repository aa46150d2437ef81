#include "style/variables.h"

#include <deque>
#include <vector>

#include "style/tokenizer.h"
#include "util/text.h"

namespace granska::style {

namespace {

using T = TokenType;

bool opens(TokenType t) {
  return t == T::Function || t == T::LeftParen || t == T::LeftBracket || t == T::LeftBrace;
}
bool closes(TokenType t) { return t == T::RightParen || t == T::RightBracket || t == T::RightBrace; }

// Index of the token closing the function at tokens[i], or tokens.size().
std::size_t end_of(const std::vector<Token>& tokens, std::size_t i) {
  int depth = 0;
  for (std::size_t j = i; j < tokens.size(); ++j) {
    if (opens(tokens[j].type)) ++depth;
    if (closes(tokens[j].type) && --depth == 0) return j;
  }
  return tokens.size();
}

// Safe-area insets are 0 on the desktop screen granska assumes.
std::optional<std::string> env_value(std::string_view name) {
  if (name.starts_with("safe-area-inset-") || name.starts_with("safe-area-max-inset-")) return "0px";
  return std::nullopt;
}

}  // namespace

bool has_references(std::string_view text) {
  for (std::size_t i = 3; i < text.size(); ++i) {
    if (text[i] != '(') continue;
    std::string_view three = text.substr(i - 3, 3);
    if (text::iequals(three, "var") || text::iequals(three, "env")) return true;
    if (i >= 4 && text::iequals(text.substr(i - 4, 4), "attr")) return true;
  }
  return false;
}

std::optional<std::string> substitute(std::string_view text, const CustomLookup& lookup, bool& unknown, int depth) {
  if (depth > kMaxVarDepth) {
    unknown = true;
    return std::nullopt;
  }
  std::deque<std::string> arena;
  std::vector<Token> tokens = tokenize_all(text, arena);
  std::string out;
  std::uint32_t copied = 0;  // source offset up to which `text` has been copied to `out`
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const Token& t = tokens[i];
    bool is_var = t.is_function("var"), is_env = t.is_function("env"), is_attr = t.is_function("attr");
    if (!is_var && !is_env && !is_attr) continue;
    std::size_t close = end_of(tokens, i);
    out.append(text.substr(copied, t.begin - copied));
    std::uint32_t args_end = close < tokens.size() ? tokens[close].begin : static_cast<std::uint32_t>(text.size());
    copied = close < tokens.size() ? tokens[close].end : static_cast<std::uint32_t>(text.size());
    // The name, then an optional comma and fallback.
    std::size_t j = i + 1;
    while (j < close && tokens[j].type == T::Whitespace) ++j;
    if (j >= close || tokens[j].type != T::Ident) return std::nullopt;  // invalid var()
    std::string_view name = tokens[j].value;
    std::size_t k = j + 1;
    while (k < close && tokens[k].type == T::Whitespace) ++k;
    std::optional<std::string_view> fallback;
    if (k < close && tokens[k].type == T::Comma) {
      fallback = text.substr(tokens[k].end, args_end - tokens[k].end);
    } else if (k < close) {
      return std::nullopt;  // garbage after the name
    }
    std::optional<std::string> value;
    if (is_attr) {
      unknown = true;  // attr() of arbitrary types: not computed
      return std::nullopt;
    }
    if (is_var) {
      if (!name.starts_with("--")) return std::nullopt;
      const CustomValue* v = lookup(name);
      if (v && v->state == CustomValue::State::Unknown) {
        unknown = true;
        return std::nullopt;
      }
      if (v && v->state == CustomValue::State::Ok) value = v->text;
    } else {
      value = env_value(text::ascii_lower(name));
      if (!value && !fallback) {
        unknown = true;
        return std::nullopt;
      }
    }
    if (!value) {
      if (!fallback) return std::nullopt;
      std::optional<std::string> fb = substitute(*fallback, lookup, unknown, depth + 1);
      if (!fb) return std::nullopt;
      value = std::move(fb);
    }
    out += *value;
    if (out.size() > kMaxSubstitution) {
      unknown = true;
      return std::nullopt;
    }
    i = close < tokens.size() ? close : tokens.size();
  }
  out.append(text.substr(std::min<std::size_t>(copied, text.size())));
  if (out.size() > kMaxSubstitution) {
    unknown = true;
    return std::nullopt;
  }
  return out;
}

}  // namespace granska::style
