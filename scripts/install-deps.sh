#!/usr/bin/env bash
# Installs everything granska needs to build, test and run its demo, from Debian 12's
# packages only. Idempotent: packages already present are skipped without touching apt.
set -euo pipefail

packages=(
  build-essential cmake pkg-config
  libgumbo-dev libcurl4-openssl-dev libxml2-dev nlohmann-json3-dev
  libcli11-dev libtomlplusplus-dev libsqlite3-dev libssl-dev
  libgtest-dev libgmock-dev libbenchmark-dev libcpp-httplib-dev zlib1g-dev
  libqpdf-dev libzip-dev
  # Test fixtures only (scripts/make-document-fixtures.sh; the build never needs them):
  qpdf poppler-utils zip
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

sudo_cmd=()
[ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
echo "granska: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
