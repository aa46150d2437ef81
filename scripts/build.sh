#!/usr/bin/env bash
# Configures and builds granska into a build directory (default: build/).
#   scripts/build.sh [DIR] [-DOPTION=VALUE ...] [--target T ...]
# -D options go to cmake's configure step (e.g. -DGRANSKA_SANITIZE=ON); --target limits
# what is built (default: everything).
set -euo pipefail
cd "$(dirname "$0")/.."
dir="${1:-build}"
shift || true
configure=() targets=()
while [ $# -gt 0 ]; do
  case "$1" in
    --target) shift; while [ $# -gt 0 ] && [ "${1#-}" = "$1" ]; do targets+=(--target "$1"); shift; done ;;
    *) configure+=("$1"); shift ;;
  esac
done
cmake -S . -B "$dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo "${configure[@]}" >/dev/null
cmake --build "$dir" -j "$(nproc)" "${targets[@]}"
