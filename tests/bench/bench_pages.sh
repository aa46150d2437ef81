# The pages of the rendering benchmarks, sourced by tests/bench/render_bench.sh and
# tests/bench/axe_bench.sh so that both measure exactly the same pages: fixtures/ (the demo
# sites, the e-service, three rendering fixtures) and 8 generated municipal pages of
# 30-150 KB (as tests/bench/crawl_bench.sh makes them), each served by its own fixture
# server on 127.0.0.1 (two origins: two browser contexts).
#   bench_pages_serve SERVER   starts the servers (SERVER: granska-fixture-server) and sets
#                              `pages` (22 URLs) and `bench_tmp`; an EXIT trap stops them.
# Run from the repository root.

bench_pages_cleanup() {
  kill "${bench_server_pid:-0}" "${bench_server2_pid:-0}" 2>/dev/null || true
  rm -rf "${bench_tmp:-/nonexistent}"
}

bench_pages_serve() {
  local server=$1
  bench_tmp=$(mktemp -d)
  trap bench_pages_cleanup EXIT
  mkdir "$bench_tmp/site"
  python3 - "$bench_tmp/site" <<'PY'
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
  "$server" --root fixtures --port-file "$bench_tmp/port" --no-compress >/dev/null &
  bench_server_pid=$!
  "$server" --root "$bench_tmp/site" --port-file "$bench_tmp/port2" --no-compress >/dev/null &
  bench_server2_pid=$!
  for _ in $(seq 100); do [ -s "$bench_tmp/port" ] && [ -s "$bench_tmp/port2" ] && break; sleep 0.05; done
  local base="http://127.0.0.1:$(cat "$bench_tmp/port")"
  local base2="http://127.0.0.1:$(cat "$bench_tmp/port2")"
  pages=()
  local p i
  for p in demo-site/index.html demo-site/bygglov.html demo-site/evenemang.html demo-site/kontakt.html \
           demo-site/nyheter.html demo-bolag/index.html demo-bolag/kampanj.html \
           demo-bolag/parkeringstillstand.html e-service/index.html e-service/steg-1.html \
           e-service/klart.html render/script-built.html render/focus.html render/overflow.html; do
    pages+=("$base/$p")
  done
  for i in $(seq 0 7); do pages+=("$base2/p$i.html"); done
}
