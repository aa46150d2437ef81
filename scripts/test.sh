#!/usr/bin/env bash
# Builds granska and runs every test twice: a normal build, then an AddressSanitizer +
# UndefinedBehaviorSanitizer build, which also runs a short pass of every fuzz target
# (CTest tests Fuzz.*: seeds + fixed mutations; scripts/fuzz.sh runs them long, with
# libFuzzer). Installs the Debian packages it needs first.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh

echo "== normal build"
scripts/build.sh build -DGRANSKA_WERROR=ON
ctest --test-dir build --output-on-failure -j "$(nproc)"
echo "== normal build and tests: done after $SECONDS s"

echo "== AddressSanitizer + UndefinedBehaviorSanitizer build"
scripts/build.sh build-asan -DGRANSKA_WERROR=ON -DGRANSKA_SANITIZE=ON -DGRANSKA_BENCHMARKS=OFF
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest --test-dir build-asan --output-on-failure -j "$(nproc)"
echo "== sanitizer build and tests: done after $SECONDS s"

