// <meta http-equiv="refresh"> as browsers read it (HTML "shared declarative refresh
// steps"). Shared by the rules on automatic refresh (meta-refresh, meta-refresh-no-exception)
// so they agree on which declaration counts and what its delay is.
#pragma once

#include <optional>
#include <string_view>

#include "html/dom.h"

namespace granska::html {

// The delay in seconds of a refresh declaration's content ("30; url=…"); nullopt when a
// browser would ignore the declaration. Saturates at a value far above 72 000 (20 hours).
std::optional<long long> refresh_delay(std::string_view content);

struct RefreshDeclaration {
  const Node* meta;
  long long delay;  // seconds
};

// The first <meta http-equiv="refresh"> with content a browser accepts: the only one that
// acts, later ones are ignored. nullopt when the page has none. Declarations inside
// <template> or <noscript> do not count: with scripting on they are not in the document.
std::optional<RefreshDeclaration> first_refresh(const Document& doc);

}  // namespace granska::html
