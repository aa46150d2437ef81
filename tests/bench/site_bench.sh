#!/usr/bin/env bash
# The site-level step against the crawl (not a test; issue #21): generates a municipal site
# (granska_sitegen; --consistent by default: one template on every page, as a CMS makes it,
# with one page in a thousand linking a removed page), serves it from the loopback fixture
# server, crawls it into a scan database and then runs `granska site` on that database.
# Prints CPU, wall and peak RSS of both, and the site step's share of the crawl's CPU.
# Usage: tests/bench/site_bench.sh [BUILD_DIR] [PAGES] [consistent|flood]
#   flood: every page its own menu and footer texts and hundreds of links to missing pages
#   (the per-page benchmarks' site): a stress case with hundreds of site findings per page.
# SITE=DIR keeps (and reuses) the generated site; WORK=DIR keeps the database.
set -euo pipefail
build=${1:-build}
pages=${2:-2000}
shape=${3:-consistent}
granska="$build/granska"
source "$(dirname "$0")/bench_site.sh"
case $shape in
  consistent) gen_args=(--consistent) ;;
  flood) gen_args=() ;;
  *) echo "shape: consistent or flood" >&2; exit 2 ;;
esac
if [ -n "${SITE:-}" ]; then site=$SITE; mkdir -p "$site"; else site=$(mktemp -d); fi
if [ -n "${WORK:-}" ]; then work=$WORK; mkdir -p "$work"; else work=$(mktemp -d); fi
trap 'kill "${server_pid:-0}" 2>/dev/null || true; [ -n "${WORK:-}" ] || rm -rf "$work"; [ -n "${SITE:-}" ] || rm -rf "$site"' EXIT
bench_site_serve "$build" "$site" "$pages" "${gen_args[@]}"
echo "site: $pages pages ($shape), $(du -sh --exclude=.port "$site" | cut -f1); cores: $(nproc); load: $(cut -d' ' -f1-3 /proc/loadavg)"

cat >"$work/bench.toml" <<EOF
fallback = "ks"
[[site]]
name = "Benchmark"
seeds = ["$url"]
[[unit]]
id = "ks"
name_sv = "Kommunstyrelsen"
type = "namnd"
hosts = ["127.0.0.1"]
EOF
rm -f "$work/scan.db"*

measure() {  # label, command...: prints the figures, leaves CPU seconds in $cpu
  local label=$1; shift
  local t; t=$(mktemp)
  /usr/bin/time -f '%e %U %S %M' -o "$t" "$@" >"$work/$label.out" 2>&1 || true
  read -r wall user sys rss < <(tail -n 1 "$t")
  rm -f "$t"
  cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { print u + s }')
  awk -v l="$label" -v w="$wall" -v u="$user" -v s="$sys" -v r="$rss" 'BEGIN {
    printf "%-6s %8.1f s wall  %8.2f s CPU (%.2f user + %.2f sys)  peak RSS %5.0f MB\n", l, w, u + s, u, s, r / 1024 }'
}

measure crawl "$granska" crawl "$url" --config "$work/bench.toml" --db "$work/scan.db" --quiet --delay 0 \
  --concurrency-per-host 8 --max-pages $((pages * 2 + 100))
crawl_cpu=$cpu
tail -n 1 "$work/crawl.out"
measure site "$granska" site --db "$work/scan.db" --config "$work/bench.toml" --no-fetch
site_cpu=$cpu
grep -E '^Webbplatsen|^  ' "$work/site.out" | head -n 8
awk -v s="$site_cpu" -v c="$crawl_cpu" 'BEGIN { printf "site step / crawl (CPU): %.1f %%\n", 100 * s / c }'
