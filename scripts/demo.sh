#!/usr/bin/env bash
# The demo: builds granska, serves the bundled demo site (fixtures/demo-site) on 127.0.0.1
# and crawls it as the city office's scheduled scan does (robots.txt, sitemap, links,
# politeness), printing every page's findings; then shows one page's media inventory, as an
# editor checking a page would see it. Extra arguments go to `granska crawl`
# (e.g. --lang en, --format json).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
# Only what the demo runs; scripts/test.sh builds the rest.
scripts/build.sh build --target granska granska-fixture-server >/dev/null

port_file=$(mktemp)
build/tests/granska-fixture-server --root fixtures/demo-site --port-file "$port_file" >/dev/null &
server=$!
trap 'kill $server 2>/dev/null; rm -f "$port_file"' EXIT
for _ in $(seq 50); do [ -s "$port_file" ] && break; sleep 0.1; done
port=$(cat "$port_file")
base="http://127.0.0.1:$port"

report() {
  case $1 in
    0) echo "(slutkod 0: inga brister)";;
    1) echo "(slutkod 1: brister hittades)";;
    *) echo "(slutkod $1: körningen misslyckades)"; exit "$1";;
  esac
}

echo "Demowebbplatsen körs på $base/"
echo
echo "================================================================"
echo "granska crawl $base/"
echo "================================================================"
status=0
build/granska crawl "$base/" "$@" || status=$?
report $status

echo
echo "================================================================"
echo "granska check --media $base/evenemang.html"
echo "================================================================"
status=0
out=$(build/granska check --media "$base/evenemang.html") || status=$?
printf '%s\n' "$out" | sed -n '/^Video och ljud/,$p'
report $status
