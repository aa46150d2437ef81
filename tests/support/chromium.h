// Tests that drive the real headless Chromium skip, with a message, where it is missing
// (scripts/install-deps.sh installs Debian's chromium package; CI has it).
#pragma once

#include <gtest/gtest.h>

#include "render/chromium.h"

#define REQUIRE_CHROMIUM()                                                                    \
  do {                                                                                        \
    if (!::granska::render::find_chromium("").ok()) {                                         \
      GTEST_SKIP() << "Chromium is not installed (scripts/install-deps.sh installs Debian's " \
                      "chromium package): rendering test skipped";                            \
    }                                                                                         \
  } while (0)
