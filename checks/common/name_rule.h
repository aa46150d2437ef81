// The decision shared by the "… has a non-empty accessible name" rules (images, buttons,
// links, form fields, frames, menu items, SVG): one place, so they cannot drift apart.
#pragma once

#include "engine/rule.h"

namespace granska::checks {

using engine::Context;
using engine::Message;
using engine::Reporter;

struct NameMessages {
  const Message& has_name;      // passed; {0} = the name, {1} = where it came from
  const Message& no_name;       // failed
  const Message& maybe_hidden;  // cantTell: no name, but CSS granska did not evaluate may hide it
};

// Reports one outcome for `e`, or none when `e` is hidden from assistive technology (the
// rule does not apply to it): passed when its accessible name is not empty; otherwise
// cantTell when its hiddenness rests on unevaluated CSS, else failed. Never guesses
// "passed" for an element it could not decide.
void report_accessible_name(Context& ctx, Reporter& out, const html::Node& e, const NameMessages& m);

}  // namespace granska::checks
