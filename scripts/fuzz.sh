#!/usr/bin/env bash
# libFuzzer targets (tests/fuzz), built with clang in build-fuzz/.
#   scripts/fuzz.sh TARGET SECONDS     fuzz one target (e.g. html, url, robots) for a while;
#                                      new inputs go to build-fuzz/corpus/TARGET, crashes to
#                                      build-fuzz/crashes/ (each one becomes a regression test)
#   scripts/fuzz.sh --ci [SECONDS]     a short libFuzzer pass over every target (default 4 s
#                                      each); CI runs the GCC smoke pass (Fuzz.* tests) instead
# Seeds come from fixtures/ (see seed_dirs below). Targets: html charset css robots sitemap
# webvtt url config.
set -euo pipefail
cd "$(dirname "$0")/.."
dir=build-fuzz
all=(url robots sitemap webvtt charset css config html)

seed_dirs() {  # the fixture files that seed each target
  case "$1" in
    html|charset) find fixtures -name '*.html' -size -64k ;;
    css) find fixtures -name '*.css' -size -64k; find fixtures -name '*.html' -size -16k | head -50 ;;
    robots) find fixtures -name 'robots*.txt' ;;
    sitemap) find fixtures -name '*.xml' -size -256k ;;
    webvtt) find fixtures -name '*.vtt' ;;
    url) printf '%s\n' fixtures/fuzz/url/* 2>/dev/null || true ;;
    config) find config fixtures -name '*.toml' ;;
  esac
}

build() {
  cmake -S . -B "$dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++-14 \
    -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g1 -DNDEBUG" -DGRANSKA_FUZZ=ON -DGRANSKA_TESTS=OFF -DGRANSKA_BENCHMARKS=OFF >/dev/null
  local t=()
  for x in "$@"; do t+=(--target "fuzz_$x"); done
  cmake --build "$dir" -j "$(nproc)" "${t[@]}"
}

run() {  # target seconds
  local name=$1 secs=$2 corpus="$dir/corpus/$1" seeds="$dir/seeds/$1"
  mkdir -p "$corpus" "$seeds" "$dir/crashes"
  seed_dirs "$name" | while read -r f; do [ -f "$f" ] && cp -f "$f" "$seeds/" ; done
  ASAN_OPTIONS=detect_leaks=0:abort_on_error=1 "$dir/fuzz_$name" "$corpus" "$seeds" \
    -max_total_time="$secs" -max_len=65536 -timeout=10 -rss_limit_mb=4096 \
    -artifact_prefix="$dir/crashes/$name-" -print_final_stats=0 2>"$dir/fuzz_$name.log" || {
    echo "fuzz_$name found a problem: see $dir/fuzz_$name.log and $dir/crashes/" >&2
    tail -40 "$dir/fuzz_$name.log" >&2
    return 1
  }
  echo "fuzz_$name: ${secs} s, no problem found ($(ls "$corpus" | wc -l) inputs in the corpus)"
}

if [ "${1:-}" = "--ci" ]; then
  secs=${2:-4}
  build "${all[@]}"
  status=0
  for t in "${all[@]}"; do run "$t" "$secs" || status=1; done
  exit $status
fi
[ $# -eq 2 ] || { echo "usage: scripts/fuzz.sh TARGET SECONDS | --ci [SECONDS]  (targets: ${all[*]})" >&2; exit 2; }
build "$1"
run "$1" "$2"
