#!/usr/bin/env bash
# The demo: builds granska, serves the bundled demo sites on 127.0.0.1 — the municipality's
# (fixtures/demo-site) and a city-owned company's on another port (fixtures/demo-bolag) —
# and runs the city office's scheduled scan on them twice, with an editor's fix in between:
# crawl, per-committee report folder, trend. The pages link documents (fixtures/demo-site/
# dokument: a tagged and an untagged PDF, a Word file and a damaged PDF), which the scan
# checks and counts for every committee linking to them. Then shows what changed (`granska
# diff`), one page's media inventory and one document's check, as an editor would see them.
# config/demo.toml has render = "auto": the booking e-service (boka-radgivning.html, an
# empty shell a script fills) is checked as headless Chromium shows it. Without Chromium the
# demo checks every page as served (a scan that asks for rendering and cannot start the
# browser stops), and says so.
# The report ends up in demo-rapport/rapporter/senaste/index.html. Extra arguments go to
# `granska scan` (e.g. --lang en).
# With DEMO_SERVE=1 it ends by starting `granska serve`, the web page for editors, on the
# demo site (http://127.0.0.1:${DEMO_SERVE_PORT:-8080}/) until Ctrl-C; without it, it prints
# how to start it.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
# Only what the demo runs; scripts/test.sh builds the rest.
scripts/build.sh build --target granska granska-fixture-server >/dev/null

out=demo-rapport
rm -rf "$out"
mkdir -p "$out"
# The municipality's site is served from a copy, so the editor's fix below leaves
# fixtures/ as it is.
cp -r fixtures/demo-site "$out/webbplats"

config=config/demo.toml
if ! command -v chromium >/dev/null 2>&1 && ! command -v chromium-browser >/dev/null 2>&1; then
  config="$out/demo.toml"
  sed 's/^render = "auto"/render = "never"/' config/demo.toml >"$config"
  echo "Chromium saknas: e-tjänsten boka-radgivning.html granskas som den levereras (ett tomt skal),"
  echo "inte som webbläsaren visar den (scripts/install-deps.sh installerar chromium)."
fi

servers=()
trap 'kill "${servers[@]}" 2>/dev/null || true' EXIT
serve() {  # root, port file
  build/tests/granska-fixture-server --root "$1" --port-file "$2" >/dev/null &
  servers+=($!)
  for _ in $(seq 100); do [ -s "$2" ] && break; sleep 0.1; done
  [ -s "$2" ] || { echo "demo: the fixture server did not start" >&2; exit 2; }
}
serve "$out/webbplats" "$out/.port-kommun"
serve fixtures/demo-bolag "$out/.port-bolag"
city="http://127.0.0.1:$(cat "$out/.port-kommun")"
# The company's site: the same machine by another name and port; config/demo.toml assigns
# the host "localhost" to the company (bolag).
company="http://localhost:$(cat "$out/.port-bolag")"

status_line() {
  case $1 in
    0) echo "(slutkod 0: genomsökningen gick igenom)";;
    3) echo "(slutkod 3: en annan körning pågår)"; exit 3;;
    *) echo "(slutkod $1: körningen misslyckades)"; exit "$1";;
  esac
}

scan() {
  echo
  echo "================================================================"
  echo "granska scan --config $config $city/ $company/"
  echo "================================================================"
  local status=0
  build/granska scan --config "$config" --db "$out/demo.db" --reports "$out/rapporter" \
    "$city/" "$company/" "$@" || status=$?
  status_line $status
}

echo "Kommunens webbplats:      $city/"
echo "Demobolagets webbplats:   $company/"
scan "$@"

echo
echo "En redaktör rättar bilden utan alternativtext på bygglovssidan …"
sed -i 's|<img src="ritning.png">|<img src="ritning.png" alt="Ritning över tillbyggnaden, sedd från gatan">|' \
  "$out/webbplats/bygglov.html"
scan "$@"

echo
echo "================================================================"
echo "granska diff --db $out/demo.db --config $config   (vad ändrades mellan genomsökningarna)"
echo "================================================================"
build/granska diff --db "$out/demo.db" --config "$config" || true

echo
echo "================================================================"
echo "granska check --media $city/evenemang.html"
echo "================================================================"
status=0
media=$(build/granska check --media "$city/evenemang.html") || status=$?
printf '%s\n' "$media" | sed -n '/^Video och ljud/,$p'

echo
echo "================================================================"
echo "granska check $city/dokument/budget-2026.pdf   (ett dokument som sidorna länkar till)"
echo "================================================================"
build/granska check "$city/dokument/budget-2026.pdf" || true

echo
echo "================================================================"
echo "granska check $city/bygglov.html   (som en redaktör ser sidan: sammanfattningen först)"
echo "================================================================"
build/granska check "$city/bygglov.html" | sed -n '/^Sammanfattning/,/^Automatiska/p' || true

echo
echo "Rapporten: $(pwd)/$out/rapporter/senaste/index.html"
echo "(findings.csv och report.json ligger i samma mapp; dokumenten står under Dokument, per nämnd)"

# The web page for editors, on the demo site. The demo site runs on 127.0.0.1, which the
# address guard refuses; --allow-address lets this one address through (demo and tests only).
serve_cmd=(build/granska serve --port "${DEMO_SERVE_PORT:-8080}" --db "$out/serve.db"
           --allow-host 127.0.0.1 --allow-address 127.0.0.1 -q)
echo
if [ "${DEMO_SERVE:-0}" = 1 ]; then
  echo "Webbsidan för redaktörer: http://127.0.0.1:${DEMO_SERVE_PORT:-8080}/"
  echo "Granska till exempel $city/bygglov.html, öppna den permanenta länken, rätta sidan i"
  echo "$out/webbplats/ och välj Granska igen. Avsluta med Ctrl-C."
  "${serve_cmd[@]}"
else
  echo "Webbsidan för redaktörer (granska serve) på demowebbplatsen: DEMO_SERVE=1 scripts/demo.sh"
  echo "eller, med en egen server för demowebbplatsen:"
  echo "  build/tests/granska-fixture-server --root fixtures/demo-site --port 8081 &"
  echo "  build/granska serve --allow-host 127.0.0.1 --allow-address 127.0.0.1   # öppna http://127.0.0.1:8080/"
fi
