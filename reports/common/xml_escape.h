// Escaping untrusted text for XML 1.0 (the JUnit report). Page text may hold markup,
// quotes, invalid UTF-8 and control characters that XML 1.0 forbids even as character
// references (every C0 control except tab, newline and carriage return); a single one
// makes the whole file unparseable for a CI server, so they are replaced, never copied.
#pragma once

#include <string>
#include <string_view>

namespace granska::reports {

// Text for element content or a double- or single-quoted attribute value: & < > " ' are
// written as entities; invalid UTF-8 bytes, the forbidden C0 controls, U+FFFE and U+FFFF
// become U+FFFD (the replacement character, so the reader sees that something was there).
// In attribute values (attribute = true) tab, newline and carriage return are written as
// character references, so attribute-value normalisation does not turn them into spaces.
std::string escape_xml(std::string_view untrusted, bool attribute = false);

}  // namespace granska::reports
