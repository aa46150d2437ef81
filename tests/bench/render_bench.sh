#!/usr/bin/env bash
# Rendering benchmark (not a test): serves fixtures/ and 8 generated municipal pages of
# 30-150 KB (as tests/bench/crawl_bench.sh makes them) on 127.0.0.1 with the fixture
# server, and renders them (the demo sites, the e-service, the rendering fixtures, the
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

tmp=$(mktemp -d)
trap 'kill "${server_pid:-0}" 2>/dev/null || true; rm -rf "$tmp"' EXIT
mkdir "$tmp/site"
python3 - "$tmp/site" <<'PY'
import random, sys, os
root = sys.argv[1]
random.seed(7)
words = ("Malmö stad förskola bygglov parkering avfall återvinning kollektivtrafik nämnd "
         "kommunfullmäktige medborgarkontor ansökan blankett öppettider kontaktcenter").split()
for i in range(8):
    links = "".join(f'<li><a href="/p{random.randrange(8)}.html">Sida {j}</a></li>' for j in range(8))
    paras = "".join("<p>" + " ".join(random.choice(words) for _ in range(120)) + "</p>"
                    for _ in range(random.randint(25, 125)))
    with open(os.path.join(root, f"p{i}.html"), "w") as f:
        f.write(f'<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>Sida {i}</title></head>'
                f'<body><header><nav><ul>{links}</ul></nav></header><main><h1>Sida {i}</h1>{paras}'
                f'<form><label for="q">Sök</label><input id="q" type="search"><button>Sök</button></form></main></body></html>')
PY
"$server" --root fixtures --port-file "$tmp/port" --no-compress >/dev/null &
server_pid=$!
"$server" --root "$tmp/site" --port-file "$tmp/port2" --no-compress >/dev/null &
server2_pid=$!
trap 'kill "${server_pid:-0}" "${server2_pid:-0}" 2>/dev/null || true; rm -rf "$tmp"' EXIT
for _ in $(seq 100); do [ -s "$tmp/port" ] && [ -s "$tmp/port2" ] && break; sleep 0.05; done
base="http://127.0.0.1:$(cat "$tmp/port")"
base2="http://127.0.0.1:$(cat "$tmp/port2")"

pages=()
for p in demo-site/index.html demo-site/bygglov.html demo-site/evenemang.html demo-site/kontakt.html \
         demo-site/nyheter.html demo-bolag/index.html demo-bolag/kampanj.html \
         demo-bolag/parkeringstillstand.html e-service/index.html e-service/steg-1.html \
         e-service/klart.html render/script-built.html render/focus.html render/overflow.html; do
  pages+=("$base/$p")
done
for i in $(seq 0 7); do pages+=("$base2/p$i.html"); done

echo "# $(chromium --version 2>/dev/null | head -1); $(nproc) cores; ${#pages[@]} pages x $rounds rounds"
for facts in "" --facts; do
  for tabs in 1 2 4; do
    "$bench" --tabs "$tabs" --rounds "$rounds" $facts "${pages[@]}"
  done
done
"$bench" --tabs 1 --rounds "$rounds" --quiet 0 "${pages[@]}"
"$bench" --tabs 4 --rounds "$rounds" --quiet 0 "${pages[@]}"
