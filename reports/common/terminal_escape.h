// Escaping untrusted text for a terminal: control characters (C0, DEL, C1) in page content
// could move the cursor or recolour the screen, so they are shown as visible escapes.
#pragma once

#include <string>
#include <string_view>

namespace granska::reports {

std::string escape_for_terminal(std::string_view untrusted);

}  // namespace granska::reports
