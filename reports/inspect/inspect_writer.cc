#include <nlohmann/json.hpp>

#include "reports/inspect/inspect.h"
#include "reports/common/terminal_escape.h"

namespace granska::reports {

namespace {

std::string source_text(const InspectedStyle& s, Lang lang) {
  const bool sv = lang == Lang::Sv;
  std::string line = std::to_string(s.line);
  switch (s.source) {
    case InspectedStyle::Source::Initial: return sv ? "startvärde" : "initial value";
    case InspectedStyle::Source::Inherited: return sv ? "ärvt" : "inherited";
    case InspectedStyle::Source::UserAgent: return sv ? "webbläsarens standardstilar" : "the browser's default styles";
    case InspectedStyle::Source::StyleSheet: return escape_for_terminal(s.url) + ":" + line;
    case InspectedStyle::Source::StyleElement: return (sv ? "<style>, rad " : "<style>, line ") + line;
    case InspectedStyle::Source::StyleAttribute: return (sv ? "style-attributet, rad " : "style attribute, line ") + line;
    case InspectedStyle::Source::HtmlAttribute: return (sv ? "HTML-attribut, rad " : "HTML attribute, line ") + line;
    case InspectedStyle::Source::Computed: return sv ? "beräknat" : "computed";
  }
  return {};
}

std::string_view source_key(InspectedStyle::Source s) {
  switch (s) {
    case InspectedStyle::Source::Initial: return "initial";
    case InspectedStyle::Source::Inherited: return "inherited";
    case InspectedStyle::Source::UserAgent: return "user-agent";
    case InspectedStyle::Source::StyleSheet: return "style-sheet";
    case InspectedStyle::Source::StyleElement: return "style-element";
    case InspectedStyle::Source::StyleAttribute: return "style-attribute";
    case InspectedStyle::Source::HtmlAttribute: return "html-attribute";
    case InspectedStyle::Source::Computed: return "computed";
  }
  return "";
}

}  // namespace

void write_inspect_text(std::ostream& out, const std::vector<InspectedElement>& elements, Lang lang) {
  const bool sv = lang == Lang::Sv;
  auto yes_no = [&](bool b) { return b ? (sv ? "ja" : "yes") : (sv ? "nej" : "no"); };
  if (elements.empty()) {
    out << (sv ? "Inga element matchar selektorn.\n" : "No element matches the selector.\n");
    return;
  }
  for (const InspectedElement& e : elements) {
    out << escape_for_terminal(e.selector);
    if (e.line > 0) out << (sv ? "  (rad " : "  (line ") << e.line << (sv ? ", kolumn " : ", column ") << e.column << ")";
    out << "\n  " << escape_for_terminal(e.snippet) << "\n";
    out << (sv ? "  roll:         " : "  role:         ")
        << (e.role.empty() ? (sv ? "(ingen)" : "(none)") : e.role)
        << (e.explicit_role ? (sv ? " (från role-attributet)" : " (from the role attribute)") : "") << "\n";
    out << (sv ? "  namn:         " : "  name:         ") << "\"" << escape_for_terminal(e.name) << "\"";
    if (!e.name.empty()) out << (sv ? " (från " : " (from ") << e.name_source << ")";
    out << "\n";
    out << (sv ? "  beskrivning:  " : "  description:  ") << "\"" << escape_for_terminal(e.description) << "\"";
    if (!e.description.empty()) out << (sv ? " (från " : " (from ") << e.description_source << ")";
    out << "\n";
    out << (sv ? "  dold:         " : "  hidden:       ") << yes_no(e.hidden);
    if (e.hidden_uncertain) {
      out << (sv ? " (osäkert: beror på CSS som granska inte kunde utvärdera)"
                 : " (uncertain: depends on CSS granska could not evaluate)");
    }
    out << "\n" << (sv ? "  fokuserbar:   " : "  focusable:    ") << yes_no(e.focusable) << "\n";
    if (!e.styles.empty()) out << (sv ? "  stilar:\n" : "  styles:\n");
    for (const InspectedStyle& st : e.styles) {
      std::string name = "    " + st.property + ":";
      if (name.size() < 26) name.resize(26, ' ');
      out << name << (st.value.empty() ? (sv ? "okänt" : "unknown") : escape_for_terminal(st.value)) << "  ("
          << source_text(st, lang) << ")";
      if (st.uncertain) {
        out << (sv ? " osäkert: en regel som granska inte kunde utvärdera kan gälla"
                   : " uncertain: a rule granska could not evaluate may apply");
      }
      out << "\n";
    }
    out << "\n";
  }
}

void write_inspect_json(std::ostream& out, const std::vector<InspectedElement>& elements) {
  nlohmann::json arr = nlohmann::json::array();
  for (const InspectedElement& e : elements) {
    arr.push_back({{"selector", e.selector},
                   {"line", e.line},
                   {"column", e.column},
                   {"snippet", e.snippet},
                   {"role", e.role},
                   {"explicit_role", e.explicit_role},
                   {"name", e.name},
                   {"name_source", e.name_source},
                   {"description", e.description},
                   {"description_source", e.description_source},
                   {"hidden", e.hidden},
                   {"hidden_uncertain", e.hidden_uncertain},
                   {"focusable", e.focusable}});
    if (!e.styles.empty()) {
      nlohmann::json styles = nlohmann::json::object();
      for (const InspectedStyle& st : e.styles) {
        nlohmann::json v{{"value", st.value.empty() ? nlohmann::json(nullptr) : nlohmann::json(st.value)},
                         {"source", source_key(st.source)},
                         {"uncertain", st.uncertain}};
        if (!st.url.empty()) v["url"] = st.url;
        if (st.line > 0) v["line"] = st.line;
        styles[st.property] = std::move(v);
      }
      arr.back()["styles"] = std::move(styles);
    }
  }
  out << arr.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
}

}  // namespace granska::reports
