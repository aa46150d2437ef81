# A generated municipal site (granska_sitegen) served on 127.0.0.1, sourced by
# tests/bench/e2e_bench.sh and tests/bench/site_bench.sh.
#   bench_site_serve BUILD DIR PAGES [SITEGEN OPTIONS]
# generates the site into DIR unless DIR already holds that one, starts the fixture server
# (without compression) and sets `url` and `server_pid`; the caller stops the server.
bench_site_serve() {
  local build=$1 site=$2 pages=$3
  shift 3
  local stamp="$pages $*"
  if [ "$(cat "$site/.generated" 2>/dev/null)" != "$stamp" ]; then
    "$build/tests/bench/granska_sitegen" "$site" "$pages" "$@"
    echo "$stamp" >"$site/.generated"
  fi
  rm -f "$site/.port"
  "$build/tests/granska-fixture-server" --root "$site" --port-file "$site/.port" --no-compress >/dev/null 2>&1 &
  server_pid=$!
  for _ in $(seq 600); do [ -s "$site/.port" ] && break; sleep 0.1; done
  [ -s "$site/.port" ] || { echo "the fixture server did not start" >&2; exit 1; }
  url="http://127.0.0.1:$(cat "$site/.port")/"
}
