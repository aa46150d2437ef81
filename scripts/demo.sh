#!/usr/bin/env bash
# The demo: builds granska, serves the bundled demo site (fixtures/demo-site) on 127.0.0.1
# and checks each of its pages over HTTP, as an editor would check a published page.
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

echo "Demowebbplatsen körs på $base/"
for page in index.html bygglov.html nyheter.html kontakt.html; do
  echo
  echo "================================================================"
  echo "granska check $base/$page"
  echo "================================================================"
  status=0
  build/granska check "$base/$page" "$@" || status=$?
  case $status in
    0) echo "(slutkod 0: inga brister)";;
    1) echo "(slutkod 1: brister hittades)";;
    *) echo "(slutkod $status: granskningen misslyckades)"; exit "$status";;
  esac
done
