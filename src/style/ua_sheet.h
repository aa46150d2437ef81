// The user-agent origin: HTML's default rendering as a compiled-in style sheet
// (ua_sheet.cc lists what is in it and why). Parsed once, on first use; thread-safe.
#pragma once

#include "style/sheet.h"

namespace granska::style {

const Sheet& user_agent_sheet();
// Added after it for a document in quirks mode (no doctype).
const Sheet& quirks_sheet();

}  // namespace granska::style
