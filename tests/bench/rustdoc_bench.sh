#!/usr/bin/env bash
# Real pages with linked CSS, up to 2.5 MB, many of them minified to a few lines: the Rust
# documentation installed with rustup (issue #22). Checks N pages chosen with a fixed seed,
# one `granska check` each from disk, as text and as JSON, against the same checks with
# only the trivial page-title rule (start, decode and parse: the yardstick), and prints the
# MB/s of each and their ratio; then the same for the largest pages one by one, where a
# stage that grows faster than the page shows.
# Not a test. Usage: tests/bench/rustdoc_bench.sh [BUILD_DIR] [PAGES] [DOCS_DIR]
set -euo pipefail
build=${1:-build}
n=${2:-200}
docs=${3:-}
if [ -z "$docs" ]; then  # the stable toolchain's, else any
  for d in "$HOME"/.rustup/toolchains/stable-*/share/doc/rust/html "$HOME"/.rustup/toolchains/*/share/doc/rust/html; do
    [ -d "$d" ] && { docs=$d; break; }
  done
fi
[ -d "$docs" ] || { echo "no Rust documentation found (give DOCS_DIR)" >&2; exit 1; }
granska=$(realpath "$build/granska")
list=$(mktemp)
out=$(mktemp)
trap 'rm -f "$list" "$out"' EXIT
find "$docs" -name '*.html' -size +2k | sort | shuf -n "$n" --random-source=<(yes granska) >"$list"
cpu() {  # extra check arguments...: CPU seconds (user + sys) of checking every listed page
  /usr/bin/time -f '%U %S' -o "$out" bash -c \
    'while IFS= read -r f; do "$0" check "$@" "$f" >/dev/null 2>&1 || true; done <"'"$list"'"' "$granska" "$@"
  awk '{print $1 + $2}' "$out"
}
mb=$(xargs -d '\n' stat -c %s <"$list" | awk '{s += $1} END {printf "%.2f", s / 1e6}')
echo "$(wc -l <"$list") pages, $mb MB, from $docs; cores: $(nproc); load: $(cut -d' ' -f1-3 /proc/loadavg)"
p=$(cpu --rules page-title)
t=$(cpu)
j=$(cpu --format json)
awk -v mb="$mb" -v p="$p" -v t="$t" -v j="$j" 'BEGIN {
  printf "start + parse (page-title only): %7.2f MB/s\n", mb / p
  printf "check, text:                     %7.2f MB/s  %.1f x start + parse\n", mb / t, t / p
  printf "check, JSON:                     %7.2f MB/s  %.1f x start + parse\n", mb / j, j / p }'
echo "the 5 largest pages of the documentation (CPU s: start + parse, text, JSON):"
find "$docs" -name '*.html' -printf '%s %p\n' | sort -rn | head -n 5 | while read -r bytes f; do
  echo "$f" >"$list"
  printf '  %8d  %5.2f %5.2f %5.2f  %s\n' "$bytes" "$(cpu --rules page-title)" "$(cpu)" "$(cpu --format json)" "${f#"$docs"/}"
done
