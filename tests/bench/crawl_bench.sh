#!/usr/bin/env bash
# Crawl benchmark (not a test): generates a site of N realistic pages (30-150 KB, Swedish
# municipal content, 8 internal links each), serves it with the loopback fixture server
# (compression off, so the server stays cheap and granska is what is measured) and crawls
# it twice: politeness off (how fast granska can go) and politeness on (the defaults:
# 2 per host, 250 ms apart). Prints pages/s, CPU per page (granska's and the server's) and
# granska's peak RSS (from /usr/bin/time -v). Set POLITE_PAGES to 0 to skip the polite run.
# Usage: [PARAS=25-125] tests/bench/crawl_bench.sh [BUILD_DIR] [PAGES] [POLITE_PAGES]
# PARAS: paragraphs per page (~1.2 KB each); e.g. PARAS=1-2 for a quick memory-only run.
# SITE=DIR: generate the site into DIR and keep it; a later run with the same SITE, PAGES
# and PARAS reuses it (50,000 realistic pages take a quarter of an hour to generate);
# GENERATE_ONLY=1 stops after generating.
set -euo pipefail
build=${1:-build-dev}
pages=${2:-1000}
polite_pages=${3:-60}
granska="$build/granska"
server="$build/tests/granska-fixture-server"
stamp="$pages pages, paragraphs ${PARAS:-25-125}"
if [ -n "${SITE:-}" ]; then
  site=$SITE
  mkdir -p "$site"
  trap 'kill "${server_pid:-0}" 2>/dev/null || true' EXIT
else
  site=$(mktemp -d)
  trap 'kill "${server_pid:-0}" 2>/dev/null || true; rm -rf "$site"' EXIT
fi
rm -f "$site/.port"

if [ "$(cat "$site/.generated" 2>/dev/null)" != "$stamp" ]; then
rm -f "$site/.generated"
python3 - "$site" "$pages" "${PARAS:-25-125}" <<'PY'
import random, sys, os
root, n = sys.argv[1], int(sys.argv[2])
pmin, pmax = map(int, sys.argv[3].split("-"))
random.seed(7)
words = ("Malmö stad förskola bygglov parkering avfall återvinning kollektivtrafik nämnd "
         "kommunfullmäktige medborgarkontor ansökan blankett öppettider kontaktcenter").split()
for i in range(n):
    links = "".join(f'<li><a href="/p{random.randrange(n)}.html">Sida {j}</a></li>' for j in range(8))
    paras = "".join("<p>" + " ".join(random.choice(words) for _ in range(120)) + "</p>"
                    for _ in range(random.randint(pmin, pmax)))
    img = '<img src="bild.png">' if i % 3 == 0 else '<img src="bild.png" alt="Stadshuset">'
    with open(os.path.join(root, f"p{i}.html"), "w") as f:
        f.write(f'<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>Sida {i} – Malmö stad</title></head>'
                f'<body><header><nav><ul>{links}</ul></nav></header><main><h1>Sida {i}</h1>{img}{paras}'
                f'<form><label for="q">Sök</label><input id="q" type="search"><button>Sök</button></form></main></body></html>')
# The same page with one short paragraph: subtracted in the single-page baseline, so the
# process start and whatever granska initialises on first use are not counted.
with open(os.path.join(root, ".tiny.html"), "w") as f:
    f.write('<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>Sida – Malmö stad</title></head>'
            f'<body><header><nav><ul>{links}</ul></nav></header><main><h1>Sida</h1>{img}<p>{" ".join(words)}</p>'
            '<form><label for="q">Sök</label><input id="q" type="search"><button>Sök</button></form></main></body></html>')
with open(os.path.join(root, "index.html"), "w") as f:
    f.write('<!doctype html><html lang="sv"><title>Start</title>' +
            "".join(f'<a href="/p{i}.html">{i}</a>' for i in range(0, n, max(1, n // 50))) + "</html>")
PY
echo "$stamp" >"$site/.generated"
fi
if [ -n "${GENERATE_ONLY:-}" ]; then exit 0; fi

"$server" --root "$site" --port-file "$site/.port" --no-compress >/dev/null 2>&1 &
server_pid=$!
# Generous: on a loaded machine the server can take seconds to start.
for _ in $(seq 600); do [ -s "$site/.port" ] && break; sleep 0.1; done
[ -s "$site/.port" ] || { echo "the fixture server did not start" >&2; exit 1; }
url="http://127.0.0.1:$(cat "$site/.port")/"

server_cpu() {  # the server's user+sys CPU seconds so far
  awk -v hz="$(getconf CLK_TCK)" '{print ($14 + $15) / hz}' "/proc/$server_pid/stat"
}

run() {  # label, pages, extra flags...
  local label=$1 n=$2; shift 2
  local t; t=$(mktemp)
  local s0; s0=$(server_cpu)
  /usr/bin/time -v -o "$t" "$granska" crawl "$url" --max-pages "$n" --quiet --ignore-robots \
    --format json "$@" | tail -c 1000 >"$site/.out" || true
  local s1; s1=$(server_cpu)
  local done; done=$(grep -o '"summary":{[^}]*' "$site/.out" | grep -o '"pages":[0-9]*' | cut -d: -f2)
  local wall user sys rss
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,a,":"); s=0; for(i=1;i<=n;i++) s=s*60+a[i]; print s}' "$t")
  user=$(awk -F': ' '/User time/ {print $2}' "$t")
  sys=$(awk -F': ' '/System time/ {print $2}' "$t")
  rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$t")
  rm -f "$t"
  python3 -c "
n=$done; wall=$wall; cpu=$user+$sys; srv=$s1-$s0
print(f'$label: {n} pages in {wall:.1f} s = {n/wall:.1f} pages/s; granska CPU {cpu:.1f} s = {1000*cpu/n:.2f} ms/page '
      f'(user $user s, sys $sys s) = {n/cpu:.0f} pages per CPU-second; server CPU {1000*srv/n:.2f} ms/page; '
      f'peak RSS {$rss/1024:.0f} MB; load before: $load')"
}
echo "site: $pages pages, $(du -sh --exclude=.port "$site" | cut -f1) ($(find "$site" -name 'p*.html' -printf '%s\n' | awk '{s+=$1} END {printf "%.0f KB", s/NR/1024}') per page on average); cores: $(nproc)"

# Baseline: the same pages checked one by one (`granska check --format json`, the work the
# crawl does per page minus the network), CPU per page with the process start subtracted.
baseline() {
  local t; t=$(mktemp)
  local n=40 tiny="$site/.tiny.html" cpu=0 start=0
  for i in $(seq 0 $((n - 1))); do
    /usr/bin/time -f '%U %S' -o "$t" "$granska" check "$site/p$i.html" --format json >/dev/null || true
    cpu=$(awk -v c="$cpu" 'END {print c + $1 + $2}' "$t")
    /usr/bin/time -f '%U %S' -o "$t" "$granska" check "$tiny" --format json >/dev/null || true
    start=$(awk -v c="$start" 'END {print c + $1 + $2}' "$t")
  done
  rm -f "$t"
  python3 -c "
n=$n; per=($cpu-$start)/n
print(f'single page (granska check, {n} of the same pages): {1000*per:.2f} ms CPU/page (the same page with one paragraph subtracted: process start, first-use set-up) = {1/per:.0f} pages per CPU-second')"
}
baseline
load=$(cut -d' ' -f1-3 /proc/loadavg)
run "politeness off (8 per host, no delay)" "$pages" --delay 0 --concurrency-per-host 8
if [ "$polite_pages" -gt 0 ]; then
  load=$(cut -d' ' -f1-3 /proc/loadavg)
  run "politeness on (defaults: 2 per host, 250 ms)" "$polite_pages"
fi
