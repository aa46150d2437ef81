#!/usr/bin/env bash
# Instructions per page for each phase of a check (tests/bench/style_cost.cc), counted with
# callgrind: exact and repeatable, unlike times on a shared machine.
#   [PHASES='parse rules-only'] tests/bench/style_cost.sh [BUILD_DIR] [PAGE_KB...]
set -euo pipefail
build=${1:-build}
shift || true
sizes=${*:-80 150}
phases=${PHASES:-parse ua cascade rules-ua rules rules-only sheet}
bin="$build/tests/bench/granska_style_cost"
[ -x "$bin" ] || { echo "build $bin first (cmake --build $build --target granska_style_cost)" >&2; exit 2; }
command -v valgrind >/dev/null || { echo "valgrind is needed" >&2; exit 2; }
count() {  # instructions of `main` for N repetitions of a phase
  local out
  out=$(mktemp)
  valgrind --tool=callgrind --callgrind-out-file="$out" --collect-atstart=no --toggle-collect=main \
    "$bin" "$1" "$2" "$3" >/dev/null 2>&1
  callgrind_annotate "$out" 2>/dev/null | awk '/PROGRAM TOTALS/ {gsub(",", "", $1); print $1}'
  rm -f "$out"
}
for kb in $sizes; do
  for phase in $phases; do
    base=$(count "$kb" 0 "$phase")
    three=$(count "$kb" 3 "$phase")
    printf '%4s KB  %-9s %12d instructions\n' "$kb" "$phase" $(( (three - base) / 3 ))
  done
done
