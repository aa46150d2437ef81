#!/usr/bin/env bash
# End-to-end benchmark (not a test; issue #22): the whole path as users run it, on a
# generated site shaped like malmo.se's (granska_sitegen: 60–150 KB pages with a mega-menu,
# breadcrumbs, related links and footer, one 250 KB linked style sheet), served by the
# loopback fixture server without compression:
#   1. `granska crawl` printing text, 2. the same printing JSON, 3. `granska scan` into a
#   database (what the city office runs nightly, with the report folder), 4. `granska check`
#   of one page from disk (wall and CPU, the editor's case);
# then the per-page stage breakdown (Google Benchmark, BM_Stage_*) and Gumbo's parse time
# of the same kind of page, the yardstick of issue #22.
# Usage: tests/bench/e2e_bench.sh [BUILD_DIR] [PAGES]   (BUILD_DIR needs GRANSKA_BENCHMARKS=ON)
# SITE=DIR keeps (and reuses) the generated site.
set -euo pipefail
build=${1:-build}
pages=${2:-300}
granska="$build/granska"
source "$(dirname "$0")/bench_site.sh"
if [ -n "${SITE:-}" ]; then site=$SITE; mkdir -p "$site"; else site=$(mktemp -d); fi
work=$(mktemp -d)
trap 'kill "${server_pid:-0}" 2>/dev/null || true; rm -rf "$work"; [ -n "${SITE:-}" ] || rm -rf "$site"' EXIT
bench_site_serve "$build" "$site" "$pages"
echo "site: $pages pages, $(du -sh --exclude=.port "$site" | cut -f1); cores: $(nproc); load: $(cut -d' ' -f1-3 /proc/loadavg)"

measure() {  # label, command...: wall, CPU per page, pages/s, peak RSS
  local label=$1; shift
  local t; t=$(mktemp)
  /usr/bin/time -f '%e %U %S %M' -o "$t" "$@" >/dev/null 2>&1 || true
  read -r wall user sys rss < <(tail -n 1 "$t")
  rm -f "$t"
  awk -v l="$label" -v n="$pages" -v w="$wall" -v u="$user" -v s="$sys" -v r="$rss" 'BEGIN {
    cpu = u + s; printf "%-34s %6.1f s wall  %7.1f pages/s  %6.2f ms CPU/page  peak RSS %4.0f MB\n",
    l, w, (n + 1) / w, 1000 * cpu / (n + 1), r / 1024 }'
}

cat >"$work/bench.toml" <<EOF
delay_ms = 0
concurrency_per_host = 8
max_pages = $((pages + 10))
fallback = "ks"
[[site]]
seeds = ["$url"]
[[unit]]
id = "ks"
name_sv = "Kommunstyrelsen"
type = "namnd"
hosts = ["127.0.0.1"]
[scan]
database = "$work/scan.db"
reports = "$work/rapporter"
EOF

measure "crawl, text output" "$granska" crawl "$url" --quiet --delay 0 --concurrency-per-host 8 --max-pages $((pages + 10))
measure "crawl, JSON output" "$granska" crawl "$url" --quiet --delay 0 --concurrency-per-host 8 --max-pages $((pages + 10)) --format json
measure "scan (database + report folder)" "$granska" scan --config "$work/bench.toml" --quiet
# /usr/bin/time counts in hundredths of a second: 20 checks are timed together, so the
# mean has a resolution of 0.5 ms (one check timed alone read 10 or 20 ms).
t=$(mktemp)
runs=20
/usr/bin/time -f '%e %U %S' -o "$t" sh -c 'for i in $(seq "$2"); do "$0" check "$1" >/dev/null 2>&1; done' \
  "$granska" "$site/p1.html" "$runs" || true
grep -v '^Command' "$t" | awk -v n="$runs" '{printf "%-34s %6.1f ms wall  %6.1f ms CPU  (mean of %d)\n", "check of one 60-150 KB page", 1000 * $1 / n, 1000 * ($2 + $3) / n, n}'
rm -f "$t"
if [ -x "$build/tests/bench/granska_bench" ]; then
  "$build/tests/bench/granska_bench" --benchmark_filter='BM_Stage_|BM_Parse/80' --benchmark_min_time=0.5 2>/dev/null |
    grep -E '^BM_' || true
fi
