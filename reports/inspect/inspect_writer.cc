#include <nlohmann/json.hpp>

#include "reports/inspect/inspect.h"
#include "reports/common/terminal_escape.h"

namespace granska::reports {

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
    out << "\n" << (sv ? "  fokuserbar:   " : "  focusable:    ") << yes_no(e.focusable) << "\n\n";
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
  }
  out << arr.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
}

}  // namespace granska::reports
