#!/usr/bin/env bash
# Installs everything granska needs to build, test and run its demo: Debian 12 packages, and
# for the browser tests only, two pinned npm packages (tests/browser/package-lock.json).
# Idempotent: what is already present is skipped without touching apt or npm.
set -euo pipefail

packages=(
  build-essential cmake pkg-config
  libgumbo-dev libcurl4-openssl-dev libxml2-dev nlohmann-json3-dev
  libcli11-dev libtomlplusplus-dev libsqlite3-dev libssl-dev
  libgtest-dev libgmock-dev libbenchmark-dev libcpp-httplib-dev zlib1g-dev libxlsxwriter-dev
  clang-14 libclang-rt-14-dev  # the libFuzzer targets (scripts/fuzz.sh)
  chromium
  libqpdf-dev libzip-dev
  # Document fixtures and tests/bench/document_bench.sh only (scripts/make-document-fixtures.sh); the build never needs them:
  qpdf zip
)
# Node.js only drives the browser tests (tests/browser); the program never needs it. A
# machine that already has node (e.g. from NodeSource) keeps it.
command -v node >/dev/null 2>&1 || packages+=(nodejs)
command -v npm >/dev/null 2>&1 || packages+=(npm)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
sudo_cmd=()
[ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
if [ ${#missing[@]} -gt 0 ]; then
  echo "granska: installing ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  "${sudo_cmd[@]}" apt-get update -qq
  "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# The browser tests' pinned packages (playwright-core drives Debian's chromium; axe-core is
# the reference checker), from package-lock.json. Reinstalled only when the lock changes.
browser="$(dirname "$0")/../tests/browser"
if [ ! -f "$browser/node_modules/.granska-lock" ] || ! cmp -s "$browser/package-lock.json" "$browser/node_modules/.granska-lock"; then
  echo "granska: installing the browser tests' npm packages (tests/browser)" >&2
  (cd "$browser" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
  cp "$browser/package-lock.json" "$browser/node_modules/.granska-lock"
fi
