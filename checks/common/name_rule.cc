#include "checks/common/name_rule.h"

namespace granska::checks {

void report_accessible_name(Context& ctx, Reporter& out, const html::Node& e, const NameMessages& m) {
  aria::Tristate hidden = ctx.aria.hidden_from_at(e);
  if (hidden == aria::Tristate::Yes) return;
  aria::AccessibleName name = ctx.aria.name(e);
  if (!name.text.empty()) {
    out.passed(&e, m.has_name, {std::move(name.text), std::string(aria::to_string(name.source))});
  } else if (hidden == aria::Tristate::Unknown) {
    out.cant_tell(&e, m.maybe_hidden);
  } else {
    out.failed(&e, m.no_name);
  }
}

}  // namespace granska::checks
