#!/usr/bin/env bash
# Start-up guard (issue #22; not a timed test): the program links only the libraries every
# command needs, and checking a web page from disk as text opens none of those src/lazy
# opens on first use (libcurl, libxml2, libzip, libxlsxwriter, libcrypto; qpdf and
# cpp-httplib through granska's modules). Loading them all cost 9 ms of every run.
# Usage: startup_libraries.sh GRANSKA FIXTURE.html
set -euo pipefail
granska=$1 page=$2
status=0
while read -r lib; do
  case "$lib" in
    libgumbo.so.* | libz.so.* | libsqlite3.so.* | libstdc++.so.* | libm.so.* | libgcc_s.so.* | libc.so.*) ;;
    libasan.so.* | libubsan.so.*) ;;  # the sanitizer build
    *) echo "granska links $lib at start; open it on first use instead (src/lazy/lazy.h)" >&2; status=1 ;;
  esac
done < <(readelf -d "$granska" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p')
loaded=$( (LD_DEBUG=files "$granska" check "$page" 2>&1 >/dev/null || true) | sed -n 's/.*file=\([^ ]*\) .*generating link map.*/\1/p')
for lazy in libcurl libxml2 libzip libxlsxwriter libcrypto libqpdf libcpp-httplib granska-pdf granska-serve; do
  if grep -q "$lazy" <<<"$loaded"; then
    echo "granska check of a web page loaded $lazy" >&2
    status=1
  fi
done
if ! grep -q libgumbo <<<"$loaded"; then
  echo "LD_DEBUG=files reported no libraries: the check above proves nothing" >&2
  status=1
fi
[ $status -eq 0 ] && echo "start-up libraries: ok"
exit $status
