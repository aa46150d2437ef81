#!/usr/bin/env bash
# Rendering benchmark (not a test): serves fixtures/ and 8 generated municipal pages of
# 30-150 KB on 127.0.0.1 with the fixture server (tests/bench/bench_pages.sh, shared with
# axe_bench.sh), and renders them (the demo sites, the e-service, the rendering fixtures, the
# generated pages) with 1, 2 and 4 tabs of one headless Chromium: snapshot only, with the
# layout facts, and once without the network-idle wait to show what it costs. Prints one
# line per run: pages/s, mean ms per phase, browser memory (PSS) idle and at its peak,
# and memory per tab. Figures are in docs/performance.md.
# Usage: tests/bench/render_bench.sh [BUILD_DIR] [ROUNDS]
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${1:-build}
rounds=${2:-5}
cmake --build "$build" --target granska_render_bench granska-fixture-server >/dev/null
bench="$build/tests/granska_render_bench"
server="$build/tests/granska-fixture-server"

. tests/bench/bench_pages.sh
bench_pages_serve "$server"

echo "# $(chromium --version 2>/dev/null | head -1); $(nproc) cores; ${#pages[@]} pages x $rounds rounds"
for facts in "" --facts; do
  for tabs in 1 2 4; do
    "$bench" --tabs "$tabs" --rounds "$rounds" $facts "${pages[@]}"
  done
done
"$bench" --tabs 1 --rounds "$rounds" --quiet 0 "${pages[@]}"
"$bench" --tabs 4 --rounds "$rounds" --quiet 0 "${pages[@]}"
