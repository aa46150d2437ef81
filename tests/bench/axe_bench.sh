#!/usr/bin/env bash
# granska --render against axe-core in the same browser on the same pages (issue #18's
# comparison; not a test). Serves the pages of render_bench.sh (tests/bench/bench_pages.sh:
# 22 pages on 127.0.0.1) and checks them all ROUNDS times per run with 1, 2 and 4 tabs of
# one headless Debian Chromium, with the render pool's network-idle wait (500 ms quiet) and
# without it (0), by:
#   granska          granska_render_bench --facts --rules: render, snapshot, layout facts
#                    (focus, reflow, targets) and every rule (pipeline::check_rendered), as
#                    `granska check --render` checks a page;
#   granska-nofacts  the same without the layout facts (the rules then leave 1.4.10, 2.4.7
#                    and 2.5.8 to manual review, as axe does);
#   axe              tests/bench/axe_bench.js: playwright-core with the same tabs, contexts,
#                    viewport and wait, axe-core injected per page and axe.run with the
#                    WCAG 2.0/2.1 A/AA tags.
# Each configuration runs REPEATS times, the three tools one after the other (in turn
# first) so that they share the machine's load. Prints every run (with the load average
# before it) and then the median of each column over the repetitions. Figures are in
# docs/performance.md. Needs tests/browser/node_modules (scripts/install-deps.sh).
# Usage: tests/bench/axe_bench.sh [BUILD_DIR] [ROUNDS] [REPEATS]
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${1:-build}
rounds=${2:-3}
repeats=${3:-3}
if [ ! -f tests/browser/node_modules/axe-core/axe.min.js ] || [ ! -d tests/browser/node_modules/playwright-core ]; then
  echo "axe_bench: tests/browser/node_modules is missing: run scripts/install-deps.sh" \
       "(or: cd tests/browser && npm ci --no-audit --no-fund)" >&2
  exit 2
fi
cmake --build "$build" --target granska_render_bench granska-fixture-server >/dev/null
bench="$build/tests/granska_render_bench"
server="$build/tests/granska-fixture-server"

. tests/bench/bench_pages.sh
bench_pages_serve "$server"

runs="$bench_tmp/runs.txt"
echo "# $(date -u '+%Y-%m-%d %H:%M UTC'); $(chromium --version 2>/dev/null | head -1);" \
     "axe-core $(node -p 'require("./tests/browser/node_modules/axe-core/package.json").version');" \
     "$(nproc) cores; ${#pages[@]} pages x $rounds rounds x $repeats repetitions"

run() {  # TOOL TABS QUIET REP
  local tool=$1 tabs=$2 quiet=$3 rep=$4 load line
  load=$(cut -d' ' -f1 /proc/loadavg)
  case $tool in
    granska) line=$("$bench" --tabs "$tabs" --rounds "$rounds" --facts --rules --quiet "$quiet" "${pages[@]}") || true ;;
    granska-nofacts) line=$("$bench" --tabs "$tabs" --rounds "$rounds" --rules --quiet "$quiet" "${pages[@]}") || true ;;
    axe) line=$(node tests/bench/axe_bench.js --tabs "$tabs" --rounds "$rounds" --quiet "$quiet" "${pages[@]}") || true ;;
  esac
  if [ -z "$line" ]; then
    echo "axe_bench: the $tool run with $tabs tabs, quiet $quiet ms printed nothing" >&2
    return
  fi
  echo "tool=$tool rep=$rep load1=$load $line" | tee -a "$runs"
}

tools=(granska granska-nofacts axe)
for rep in $(seq "$repeats"); do
  for quiet in 500 0; do
    for tabs in 1 2 4; do
      for k in 0 1 2; do
        run "${tools[$(( (k + rep - 1) % 3 ))]}" "$tabs" "$quiet" "$rep"
      done
    done
  done
done

echo
echo "# medians over $repeats repetitions (load1: the 1-minute load average before each run, min-max)"
python3 - "$runs" <<'PY'
import sys, statistics
rows = [dict(kv.split("=", 1) for kv in line.split()) for line in open(sys.argv[1]) if line.strip()]
cols = ["pages_per_s", "load_ms", "snapshot_ms", "facts_ms", "rules_ms", "inject_ms", "axe_ms",
        "page_ms", "failed", "violations", "browser_idle_mb", "browser_peak_mb"]
print("| tool | quiet ms | tabs | " + " | ".join(cols) + " | load1 |")
print("|" + " --- |" * (len(cols) + 4))
seen = []
for r in rows:
    k = (r["quiet_ms"], r["tabs"], r["tool"])
    if k not in seen:
        seen.append(k)
for quiet, tabs, tool in sorted(seen, key=lambda k: (-int(k[0]), int(k[1]), k[2])):
    group = [r for r in rows if (r["quiet_ms"], r["tabs"], r["tool"]) == (quiet, tabs, tool)]
    cells = []
    for c in cols:
        vals = [float(r[c]) for r in group if c in r and r[c] not in ("-", "")]
        cells.append(f"{statistics.median(vals):.2f}".rstrip("0").rstrip(".") if vals else "—")
    loads = [float(r["load1"]) for r in group]
    print(f"| {tool} | {quiet} | {tabs} | " + " | ".join(cells) + f" | {min(loads):.1f}-{max(loads):.1f} |")
errors = sum(int(r["errors"]) for r in rows)
print(f"\n# page errors over all runs: {errors}")
PY
