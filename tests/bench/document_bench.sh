#!/usr/bin/env bash
# Time and memory of `granska check` on documents (docs/performance.md, "Documents").
#   tests/bench/document_bench.sh [build/granska] [runs]
# 1. Builds a typical municipal PDF: 20 tagged A4 pages, each with a heading, 30 lines of
#    body text, a table and a photo-sized image (random bytes, so it does not compress):
#    about 2.5 MB, like a committee's annual report. Needs qpdf (Debian package).
# 2. Checks it `runs` times and prints the median wall time and the peak memory (max RSS,
#    /usr/bin/time).
# 3. Prints the peak memory for the largest file of ../shared/pdfua when it is there.
set -euo pipefail
granska=${1:-build/granska}
runs=${2:-10}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

pages=20
{
  printf '%%PDF-1.7\n'
  printf '1 0 obj\n<< /Type /Catalog /Pages 2 0 R /StructTreeRoot 3 0 R /MarkInfo << /Marked true >> /Lang (sv-SE) /ViewerPreferences << /DisplayDocTitle true >> >>\nendobj\n'
  kids="" elems=""
  for ((p = 0; p < pages; p++)); do kids+="$((100 + p * 10)) 0 R "; done
  printf '2 0 obj\n<< /Type /Pages /Kids [%s] /Count %d >>\nendobj\n' "$kids" "$pages"
  for ((p = 0; p < pages; p++)); do elems+="$((101 + p * 10)) 0 R "; done
  printf '3 0 obj\n<< /Type /StructTreeRoot /K [4 0 R] >>\nendobj\n'
  printf '4 0 obj\n<< /Type /StructElem /S /Document /P 3 0 R /K [%s] >>\nendobj\n' "$elems"
  printf '5 0 obj\n<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>\nendobj\n'
  for ((p = 0; p < pages; p++)); do
    o=$((100 + p * 10))
    content="/H1 << /MCID 0 >> BDC BT /F1 18 Tf 72 790 Td (Kapitel $((p + 1)): Verksamhetsberattelse) Tj ET EMC"
    for ((l = 0; l < 30; l++)); do
      content+=$'\n'"/P << /MCID $((l + 1)) >> BDC BT /F1 10 Tf 72 $((760 - l * 14)) Td (Namnden har under aret arbetat med att forbattra service och tillganglighet, rad $l.) Tj ET EMC"
    done
    content+=$'\n'"/Figure << /MCID 31 >> BDC q 300 0 0 200 150 60 cm /Im1 Do Q EMC"
    content+=$'\n'"/Artifact BMC BT /F1 8 Tf 500 30 Td (Sida $((p + 1))) Tj ET EMC"
    mcids=""
    for ((l = 1; l <= 30; l++)); do mcids+="$l "; done
    printf '%d 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> /XObject << /Im1 %d 0 R >> >> /Contents %d 0 R /StructParents %d >>\nendobj\n' "$o" $((o + 5)) $((o + 6)) "$p"
    printf '%d 0 obj\n<< /Type /StructElem /S /Sect /P 4 0 R /K [%d 0 R %d 0 R %d 0 R] >>\nendobj\n' $((o + 1)) $((o + 2)) $((o + 3)) $((o + 4))
    printf '%d 0 obj\n<< /Type /StructElem /S /H1 /P %d 0 R /Pg %d 0 R /K 0 >>\nendobj\n' $((o + 2)) $((o + 1)) "$o"
    printf '%d 0 obj\n<< /Type /StructElem /S /P /P %d 0 R /Pg %d 0 R /K [%s] >>\nendobj\n' $((o + 3)) $((o + 1)) "$o" "$mcids"
    printf '%d 0 obj\n<< /Type /StructElem /S /Figure /P %d 0 R /Pg %d 0 R /K 31 /Alt (Foto fran verksamheten) >>\nendobj\n' $((o + 4)) $((o + 1)) "$o"
    head -c 120000 /dev/urandom > "$tmp/img"
    printf '%d 0 obj\n<< /Type /XObject /Subtype /Image /Width 200 /Height 200 /ColorSpace /DeviceRGB /BitsPerComponent 8 /Length 120000 >>\nstream\n' $((o + 5))
    cat "$tmp/img"
    printf '\nendstream\nendobj\n'
    printf '%d 0 obj\n<< /Length %d >>\nstream\n%s\nendstream\nendobj\n' $((o + 6)) "$(printf '%s' "$content" | wc -c)" "$content"
  done
  printf 'trailer\n<< /Size 400 /Root 1 0 R /Info << /Title (Verksamhetsberattelse 2026) >> >>\n%%%%EOF\n'
} > "$tmp/raw.pdf"
qpdf --compress-streams=y --object-streams=generate "$tmp/raw.pdf" "$tmp/report.pdf" 2>/dev/null || [ $? -eq 3 ]
size=$(wc -c < "$tmp/report.pdf")
echo "document: $pages pages, $((size / 1024)) KB"

times=()
for ((i = 0; i < runs; i++)); do
  start=$(date +%s%N)
  "$granska" check --format json "$tmp/report.pdf" > /dev/null || true
  times+=($(( ($(date +%s%N) - start) / 1000000 )))
done
median=$(printf '%s\n' "${times[@]}" | sort -n | sed -n "$(( (runs + 1) / 2 ))p")
echo "check, median of $runs runs: ${median} ms (all: ${times[*]})"
/usr/bin/time -f "peak memory: %M KB, CPU %U s user + %S s system" "$granska" check --format json "$tmp/report.pdf" > /dev/null || true

corpus="$(dirname "$0")/../../../shared/pdfua"
if [ -d "$corpus" ]; then
  largest=$(find "$corpus" -name '*.pdf' -printf '%s\t%p\n' | sort -n | tail -1 | cut -f2)
  echo "largest corpus file: $(basename "$largest") ($(($(wc -c < "$largest") / 1024)) KB)"
  /usr/bin/time -f "peak memory: %M KB, %e s wall, CPU %U s user + %S s system" "$granska" check --format json "$largest" > /dev/null || true
fi
# For comparison: the same command on a one-page document (process start, rule registry).
/usr/bin/time -f "one-page fixture: %e s wall, %M KB" "$granska" check --format json \
  "$(dirname "$0")/../../fixtures/documents/tagged.pdf" > /dev/null || true
