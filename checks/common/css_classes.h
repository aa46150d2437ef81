// Class names that carry meaning by convention, for rules that must guess what an external
// style sheet does with an element: the "visually hidden" utility classes of CSS frameworks
// and sites (text only screen readers get). One table, so every rule guesses alike.
#pragma once

#include "html/dom.h"

namespace granska::checks {

// The element's class attribute names a visually-hidden utility class ("sr-only",
// "visually-hidden", "screen-reader-text", "off-screen", ...). Pure; thread-safe.
bool has_visually_hidden_class(const html::Node& e);

}  // namespace granska::checks
