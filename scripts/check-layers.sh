#!/usr/bin/env bash
# Fails when a file includes a module above its own (docs/decisions/0014-layers.md).
# Modules, lowest first; a module may include itself and anything listed before it.
# checks/ (the rules) sits above the modules rules read and is included by no module:
# rules reach the program only through the registry.
set -euo pipefail
cd "$(dirname "$0")/.."
layers=(lazy util url fetch html style aria documents engine media render checks input results org
        pipeline act pdfua crawl store figures config audit site reports scan serve cli)
declare -A rank
for i in "${!layers[@]}"; do rank[${layers[$i]}]=$i; done

module_of() {  # path of a source file -> its module
  case "$1" in
    src/*) local m=${1#src/}; echo "${m%%/*}" ;;
    checks/*) echo checks ;;
    reports/*) echo reports ;;
  esac
}

status=0
while IFS= read -r file; do
  own=$(module_of "$file")
  [ -n "${rank[$own]+x}" ] || { echo "$file: module '$own' is not in the layer list" >&2; status=1; continue; }
  while IFS=: read -r line inc; do
    dep=${inc%%/*}
    [ -n "${rank[$dep]+x}" ] || continue  # generated headers, tests/, system headers
    if [ "${rank[$dep]}" -gt "${rank[$own]}" ] || { [ "$dep" = checks ] && [ "$own" != checks ]; }; then
      echo "$file:$line: $own includes $inc, which is above it" >&2
      status=1
    fi
  done < <(grep -noE '^#include "[a-z_]+/' "$file" | sed -E 's/#include "//')
done < <(find src checks reports -name '*.h' -o -name '*.cc' -o -name '*.inc' | sort)
[ $status -eq 0 ] && echo "layers: ok"
exit $status
