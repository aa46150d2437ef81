#!/usr/bin/env bash
# Regenerates the document fixtures in fixtures/documents/ (committed, so tests need none of
# these tools). Uses only Debian tools: qpdf (and its zlib-flate), zip, coreutils.
#   scripts/make-document-fixtures.sh
# PDFs are written as plain PDF source below and rewritten by qpdf, which computes the
# cross-reference table; the damaged ones are written as they are, on purpose.
set -euo pipefail
cd "$(dirname "$0")/../fixtures/documents"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# qpdf exits 3 when it had to repair (our sources have no xref): that is expected.
normalize() { qpdf --deterministic-id "$1" "$2" || [ $? -eq 3 ]; }

xmp() {  # title, pdfua part ("" for none)
  local ua=""
  [ -n "$2" ] && ua="<rdf:Description rdf:about=\"\" xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\"><pdfuaid:part>$2</pdfuaid:part></rdf:Description>"
  printf '<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title><rdf:Alt><rdf:li xml:lang="x-default">%s</rdf:li></rdf:Alt></dc:title></rdf:Description>%s</rdf:RDF></x:xmpmeta><?xpacket end="w"?>' "$1" "$ua"
}

stream() {  # object number, body (uncompressed)
  printf '%s 0 obj\n<< /Length %s >>\nstream\n%s\nendstream\nendobj\n' "$1" "$(printf '%s' "$2" | wc -c)" "$2"
}

# ---- tagged.pdf: a small, well-tagged municipal page -------------------------------------
content='/H1 << /MCID 0 >> BDC BT /F1 24 Tf 72 780 Td (Bygglov) Tj ET EMC
/P << /MCID 1 >> BDC BT /F1 12 Tf 72 750 Td (Sa ansoker du om bygglov hos Malmo stad.) Tj ET EMC
/Figure << /MCID 2 >> BDC q 100 0 0 100 72 620 cm /Im1 Do Q EMC
/Artifact BMC 0 0 1 rg 0 0 595 20 re f EMC
/TH << /MCID 3 >> BDC BT /F1 12 Tf 72 590 Td (Avgift) Tj ET EMC
/TD << /MCID 4 >> BDC BT /F1 12 Tf 200 590 Td (1 000 kr) Tj ET EMC
/LBody << /MCID 5 >> BDC BT /F1 12 Tf 72 560 Td (Fyll i blanketten) Tj ET EMC
/Link << /MCID 6 >> BDC BT /F1 12 Tf 72 530 Td (malmo.se/bygglov) Tj ET EMC'
meta=$(xmp "Bygglov - Malmo stad" 1)
{
  printf '%%PDF-1.7\n'
  printf '1 0 obj\n<< /Type /Catalog /Pages 2 0 R /StructTreeRoot 10 0 R /MarkInfo << /Marked true >> /Lang (sv-SE) /ViewerPreferences << /DisplayDocTitle true >> /Metadata 20 0 R >>\nendobj\n'
  printf '2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n'
  printf '3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> /XObject << /Im1 5 0 R >> >> /Contents 6 0 R /StructParents 0 /Tabs /S /Annots [7 0 R] >>\nendobj\n'
  printf '4 0 obj\n<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>\nendobj\n'
  printf '5 0 obj\n<< /Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray /BitsPerComponent 8 /Length 4 >>\nstream\n\x00\xff\xff\x00\nendstream\nendobj\n'
  stream 6 "$content"
  printf '7 0 obj\n<< /Type /Annot /Subtype /Link /Rect [72 525 200 545] /Contents (Bygglov pa malmo.se) /StructParent 1 /Border [0 0 0] /A << /S /URI /URI (https://malmo.se/bygglov) >> >>\nendobj\n'
  printf '10 0 obj\n<< /Type /StructTreeRoot /K [11 0 R] /ParentTree 30 0 R /ParentTreeNextKey 2 >>\nendobj\n'
  printf '11 0 obj\n<< /Type /StructElem /S /Document /P 10 0 R /K [12 0 R 13 0 R 14 0 R 15 0 R 19 0 R 25 0 R] >>\nendobj\n'
  printf '12 0 obj\n<< /Type /StructElem /S /H1 /P 11 0 R /Pg 3 0 R /K 0 >>\nendobj\n'
  printf '13 0 obj\n<< /Type /StructElem /S /P /P 11 0 R /Pg 3 0 R /K 1 >>\nendobj\n'
  printf '14 0 obj\n<< /Type /StructElem /S /Figure /P 11 0 R /Pg 3 0 R /K 2 /Alt (Karta over Malmo med stadsbyggnadskontoret markerat) >>\nendobj\n'
  printf '15 0 obj\n<< /Type /StructElem /S /Table /P 11 0 R /K [16 0 R] >>\nendobj\n'
  printf '16 0 obj\n<< /Type /StructElem /S /TR /P 15 0 R /K [17 0 R 18 0 R] >>\nendobj\n'
  printf '17 0 obj\n<< /Type /StructElem /S /TH /P 16 0 R /Pg 3 0 R /K 3 /A << /O /Table /Scope /Row >> >>\nendobj\n'
  printf '18 0 obj\n<< /Type /StructElem /S /TD /P 16 0 R /Pg 3 0 R /K 4 >>\nendobj\n'
  printf '19 0 obj\n<< /Type /StructElem /S /L /P 11 0 R /K [21 0 R] >>\nendobj\n'
  stream 20 "$meta" | sed 's/<< \/Length/<< \/Type \/Metadata \/Subtype \/XML \/Length/'
  printf '21 0 obj\n<< /Type /StructElem /S /LI /P 19 0 R /K [22 0 R] >>\nendobj\n'
  printf '22 0 obj\n<< /Type /StructElem /S /LBody /P 21 0 R /Pg 3 0 R /K 5 >>\nendobj\n'
  printf '25 0 obj\n<< /Type /StructElem /S /Link /P 11 0 R /Pg 3 0 R /K [6 << /Type /OBJR /Obj 7 0 R /Pg 3 0 R >>] >>\nendobj\n'
  printf '30 0 obj\n<< /Nums [0 [12 0 R 13 0 R 14 0 R 17 0 R 18 0 R 22 0 R 25 0 R] 1 25 0 R] >>\nendobj\n'
  printf 'trailer\n<< /Size 100 /Root 1 0 R /Info << /Title (Bygglov - Malmo stad) >> >>\n%%%%EOF\n'
} > "$tmp/tagged.raw"
normalize "$tmp/tagged.raw" tagged.pdf

# ---- untagged.pdf: the same text, no tags, no title, no language ------------------------
plain='BT /F1 24 Tf 72 780 Td (Bygglov) Tj ET
BT /F1 12 Tf 72 750 Td (Sa ansoker du om bygglov hos Malmo stad.) Tj ET
q 100 0 0 100 72 620 cm /Im1 Do Q'
{
  printf '%%PDF-1.7\n'
  printf '1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n'
  printf '2 0 obj\n<< /Type /Pages /Kids [3 0 R 8 0 R] /Count 2 >>\nendobj\n'
  printf '3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> /XObject << /Im1 5 0 R >> >> /Contents 6 0 R >>\nendobj\n'
  printf '4 0 obj\n<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>\nendobj\n'
  printf '5 0 obj\n<< /Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray /BitsPerComponent 8 /Length 4 >>\nstream\n\x00\xff\xff\x00\nendstream\nendobj\n'
  stream 6 "$plain"
  printf '8 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 9 0 R >>\nendobj\n'
  stream 9 'BT /F1 12 Tf 72 780 Td (Sida 2) Tj ET'
  printf 'trailer\n<< /Size 100 /Root 1 0 R >>\n%%%%EOF\n'
} > "$tmp/untagged.raw"
normalize "$tmp/untagged.raw" untagged.pdf

# ---- scanned.pdf: two pages that are only images (a scan without OCR) -------------------
{
  printf '%%PDF-1.7\n'
  printf '1 0 obj\n<< /Type /Catalog /Pages 2 0 R /Lang (sv-SE) >>\nendobj\n'
  printf '2 0 obj\n<< /Type /Pages /Kids [3 0 R 4 0 R] /Count 2 >>\nendobj\n'
  for p in 3 4; do
    printf '%s 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im1 5 0 R >> >> /Contents 6 0 R >>\nendobj\n' $p
  done
  printf '5 0 obj\n<< /Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray /BitsPerComponent 8 /Length 4 >>\nstream\n\x00\xff\xff\x00\nendstream\nendobj\n'
  stream 6 'q 595 0 0 842 0 0 cm /Im1 Do Q'
  printf 'trailer\n<< /Size 100 /Root 1 0 R >>\n%%%%EOF\n'
} > "$tmp/scanned.raw"
normalize "$tmp/scanned.raw" scanned.pdf

# ---- form.pdf: a tagged form, one field with a tooltip and one without ---------------------
{
  printf '%%PDF-1.7\n'
  printf '1 0 obj\n<< /Type /Catalog /Pages 2 0 R /StructTreeRoot 10 0 R /MarkInfo << /Marked true >> /Lang (sv-SE) /AcroForm << /Fields [7 0 R 8 0 R] >> /ViewerPreferences << /DisplayDocTitle true >> >>\nendobj\n'
  printf '2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n'
  printf '3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 6 0 R /StructParents 0 /Annots [7 0 R 8 0 R] >>\nendobj\n'
  printf '4 0 obj\n<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>\nendobj\n'
  stream 6 '/P << /MCID 0 >> BDC BT /F1 12 Tf 72 780 Td (Fornamn och efternamn) Tj ET EMC'
  printf '7 0 obj\n<< /Type /Annot /Subtype /Widget /FT /Tx /T (fornamn) /TU (Fornamn) /Rect [72 740 300 760] /StructParent 1 >>\nendobj\n'
  printf '8 0 obj\n<< /Type /Annot /Subtype /Widget /FT /Tx /T (efternamn) /Rect [72 700 300 720] /StructParent 2 >>\nendobj\n'
  printf '10 0 obj\n<< /Type /StructTreeRoot /K [11 0 R] >>\nendobj\n'
  printf '11 0 obj\n<< /Type /StructElem /S /Document /P 10 0 R /K [12 0 R 13 0 R 14 0 R] >>\nendobj\n'
  printf '12 0 obj\n<< /Type /StructElem /S /P /P 11 0 R /Pg 3 0 R /K 0 >>\nendobj\n'
  printf '13 0 obj\n<< /Type /StructElem /S /Form /P 11 0 R /Pg 3 0 R /K << /Type /OBJR /Obj 7 0 R >> >>\nendobj\n'
  printf '14 0 obj\n<< /Type /StructElem /S /Form /P 11 0 R /Pg 3 0 R /K << /Type /OBJR /Obj 8 0 R >> >>\nendobj\n'
  printf 'trailer\n<< /Size 100 /Root 1 0 R /Info << /Title (Ansokan om bygglov) >> >>\n%%%%EOF\n'
} > "$tmp/form.raw"
normalize "$tmp/form.raw" form.pdf

# ---- security: accessibility switched off (128-bit, no user password); a password -------
# qpdf only clears the accessibility bit in the old 128-bit RC4 format, which is what such
# restrictive files out there use; qpdf calls it weak crypto, which is the point here.
qpdf --allow-weak-crypto --encrypt "" owner 128 --use-aes=n --accessibility=n --extract=n -- tagged.pdf no-accessibility.pdf
qpdf --encrypt secret owner 256 -- tagged.pdf password.pdf

# ---- damaged and hostile PDFs (written as they are) ---------------------------------------
head -c 900 tagged.pdf > truncated.pdf
printf '<!DOCTYPE html><html><head><title>Inte en PDF</title></head><body>Hej</body></html>\n' > html-named.pdf
# A structure tree whose element is its own kid, a page tree that contains itself, an
# xref whose /Prev points at itself.
{
  printf '%%PDF-1.7\n'
  printf '1 0 obj\n<< /Type /Catalog /Pages 2 0 R /StructTreeRoot 10 0 R /MarkInfo << /Marked true >> >>\nendobj\n'
  printf '2 0 obj\n<< /Type /Pages /Kids [3 0 R 2 0 R] /Count 2 >>\nendobj\n'
  printf '3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 6 0 R /Resources << /XObject << /X1 7 0 R >> >> >>\nendobj\n'
  stream 6 '/P << /MCID 0 >> BDC /X1 Do EMC'
  printf '7 0 obj\n<< /Type /XObject /Subtype /Form /BBox [0 0 10 10] /Resources << /XObject << /X1 7 0 R >> >> /Length 6 >>\nstream\n/X1 Do\nendstream\nendobj\n'
  printf '10 0 obj\n<< /Type /StructTreeRoot /K 11 0 R >>\nendobj\n'
  printf '11 0 obj\n<< /Type /StructElem /S /Document /P 10 0 R /K [11 0 R 12 0 R] >>\nendobj\n'
  printf '12 0 obj\n<< /Type /StructElem /S /Sect /P 11 0 R /K [11 0 R 0] /Pg 3 0 R >>\nendobj\n'
  printf 'xref\n0 1\n0000000000 65535 f \ntrailer\n<< /Root 1 0 R /Size 13 /Prev 9999 >>\nstartxref\n9999\n%%%%EOF\n'
} > loops.pdf
# A content stream that decodes to 64 MB of spaces (a bomb, about 64 kB on disk).
head -c 67108864 /dev/zero | tr '\0' ' ' | zlib-flate -compress > "$tmp/bomb.z"
{
  printf '%%PDF-1.7\n'
  printf '1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n'
  printf '2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n'
  printf '3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 6 0 R >>\nendobj\n'
  printf '6 0 obj\n<< /Length %s /Filter /FlateDecode >>\nstream\n' "$(wc -c < "$tmp/bomb.z")"
  cat "$tmp/bomb.z"
  printf '\nendstream\nendobj\n'
  printf 'trailer\n<< /Size 100 /Root 1 0 R >>\n%%%%EOF\n'
} > "$tmp/bomb.raw"
normalize "$tmp/bomb.raw" bomb.pdf
# Arrays nested 100 000 deep in the catalog.
{
  printf '%%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R /Deep '
  head -c 100000 /dev/zero | tr '\0' '['
  head -c 100000 /dev/zero | tr '\0' ']'
  printf ' >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%%%EOF\n'
} > deep.pdf

# ---- Office Open XML ---------------------------------------------------------------------
ooxml() {  # output file, source folder
  (cd "$2" && rm -f "$OLDPWD/$1" && zip -q -X -r -D "$OLDPWD/$1" '[Content_Types].xml' _rels docProps $(ls -d word xl ppt 2>/dev/null))
}
W='xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
DRAW='xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"'
core() {  # title (may be empty), language (may be empty)
  local t="" l=""
  [ -n "$1" ] && t="<dc:title>$1</dc:title>"
  [ -n "$2" ] && l="<dc:language>$2</dc:language>"
  printf '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">%s%s</cp:coreProperties>' "$t" "$l"
}
docx() {  # dir, title, lang, descr attribute, header row (yes/no), heading style (yes/no)
  local d="$tmp/$1"
  mkdir -p "$d/_rels" "$d/docProps" "$d/word"
  printf '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>' > "$d/[Content_Types].xml"
  printf '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>' > "$d/_rels/.rels"
  core "$2" "" > "$d/docProps/core.xml"
  local lang=""
  [ -n "$3" ] && lang="<w:docDefaults><w:rPrDefault><w:rPr><w:lang w:val=\"$3\"/></w:rPr></w:rPrDefault></w:docDefaults>"
  printf '<?xml version="1.0" encoding="UTF-8"?><w:styles %s>%s<w:style w:type="paragraph" w:styleId="Rubrik1"><w:name w:val="heading 1"/></w:style><w:style w:type="paragraph" w:styleId="Rubrik2"><w:name w:val="heading 2"/></w:style></w:styles>' "$W" "$lang" > "$d/word/styles.xml"
  local h1="" h2="" hdr=""
  [ "$6" = yes ] && h1='<w:pPr><w:pStyle w:val="Rubrik1"/></w:pPr>' && h2='<w:pPr><w:pStyle w:val="Rubrik2"/></w:pPr>'
  [ "$5" = yes ] && hdr='<w:trPr><w:tblHeader/></w:trPr>'
  local p='<w:p><w:r><w:t>Text i dokumentet.</w:t></w:r></w:p>'
  printf '<?xml version="1.0" encoding="UTF-8"?><w:document %s %s><w:body><w:p>%s<w:r><w:t>Bygglov</w:t></w:r></w:p>%s%s%s<w:p>%s<w:r><w:t>Avgifter</w:t></w:r></w:p>%s%s<w:p><w:r><w:drawing><wp:inline><wp:docPr id="1" name="Bild 1" %s/><a:graphic><a:graphicData><pic:pic><pic:nvPicPr><pic:cNvPr id="0" name="karta.png"/></pic:nvPicPr></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p><w:tbl><w:tr>%s<w:tc><w:p><w:r><w:t>Avgift</w:t></w:r></w:p></w:tc></w:tr><w:tr><w:tc><w:p><w:r><w:t>1 000 kr</w:t></w:r></w:p></w:tc></w:tr></w:tbl></w:body></w:document>' \
    "$W" "$DRAW" "$h1" "$p" "$p" "$p" "$h2" "$p" "$p" "$4" "$hdr" > "$d/word/document.xml"
  ooxml "$1" "$d"
}
docx good.docx "Bygglov - Malmo stad" sv-SE 'descr="Karta over Malmo"' yes yes
docx bad.docx "" "" "" no no

d="$tmp/slides"
mkdir -p "$d/_rels" "$d/docProps" "$d/ppt/slides" "$d/ppt/_rels"
printf '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/ppt/presentation.xml" ContentType="application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"/></Types>' > "$d/[Content_Types].xml"
printf '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="ppt/presentation.xml"/></Relationships>' > "$d/_rels/.rels"
core "Budget 2027" "" > "$d/docProps/core.xml"
P='xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
printf '<?xml version="1.0" encoding="UTF-8"?><p:presentation %s><p:sldIdLst><p:sldId id="256" r:id="rId2"/><p:sldId id="257" r:id="rId3"/></p:sldIdLst><p:defaultTextStyle><a:defPPr><a:defRPr lang="sv-SE"/></a:defPPr></p:defaultTextStyle></p:presentation>' "$P" > "$d/ppt/presentation.xml"
printf '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/slide" Target="slides/slide1.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/slide" Target="slides/slide2.xml"/></Relationships>' > "$d/ppt/_rels/presentation.xml.rels"
printf '<?xml version="1.0" encoding="UTF-8"?><p:sld %s><p:cSld><p:spTree><p:sp><p:nvSpPr><p:cNvPr id="2" name="Rubrik 1"/><p:cNvSpPr/><p:nvPr><p:ph type="title"/></p:nvPr></p:nvSpPr><p:txBody><a:p><a:r><a:t>Budget 2027</a:t></a:r></a:p></p:txBody></p:sp><p:pic><p:nvPicPr><p:cNvPr id="3" name="Diagram" descr="Stapeldiagram: kostnaderna okar med 3 procent"/></p:nvPicPr></p:pic></p:spTree></p:cSld></p:sld>' "$P" > "$d/ppt/slides/slide1.xml"
printf '<?xml version="1.0" encoding="UTF-8"?><p:sld %s><p:cSld><p:spTree><p:sp><p:nvSpPr><p:cNvPr id="2" name="Text 1"/><p:cNvSpPr/><p:nvPr><p:ph type="body"/></p:nvPr></p:nvSpPr><p:txBody><a:p><a:r><a:t>Utan rubrik</a:t></a:r></a:p></p:txBody></p:sp><p:pic><p:nvPicPr><p:cNvPr id="3" name="Foto"/></p:nvPicPr></p:pic><p:graphicFrame><p:nvGraphicFramePr><p:cNvPr id="4" name="Tabell 1"/></p:nvGraphicFramePr><a:graphic><a:graphicData><a:tbl><a:tblPr/><a:tr><a:tc><a:txBody><a:p><a:r><a:t>1</a:t></a:r></a:p></a:txBody></a:tc></a:tr></a:tbl></a:graphicData></a:graphic></p:graphicFrame></p:spTree></p:cSld></p:sld>' "$P" > "$d/ppt/slides/slide2.xml"
ooxml slides.pptx "$d"

d="$tmp/book"
mkdir -p "$d/_rels" "$d/docProps" "$d/xl/tables" "$d/xl/drawings"
printf '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>' > "$d/[Content_Types].xml"
printf '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>' > "$d/_rels/.rels"
core "Taxor" "sv-SE" > "$d/docProps/core.xml"
printf '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>' > "$d/xl/workbook.xml"
printf '<?xml version="1.0" encoding="UTF-8"?><table xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" id="1" name="Taxor" displayName="Taxor" ref="A1:B3"/>' > "$d/xl/tables/table1.xml"
printf '<?xml version="1.0" encoding="UTF-8"?><table xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" id="2" name="Rader" displayName="Rader" ref="D1:E3" headerRowCount="0"/>' > "$d/xl/tables/table2.xml"
printf '<?xml version="1.0" encoding="UTF-8"?><xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing"><xdr:twoCellAnchor><xdr:pic><xdr:nvPicPr><xdr:cNvPr id="2" name="Logotyp"/></xdr:nvPicPr></xdr:pic></xdr:twoCellAnchor></xdr:wsDr>' > "$d/xl/drawings/drawing1.xml"
ooxml book.xlsx "$d"

# An old binary Word file: the OLE compound file signature and nothing a reader needs.
printf '\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1' > old.doc
head -c 504 /dev/zero >> old.doc

# A zip bomb named .docx: word/document.xml unpacks to 64 MB.
d="$tmp/bomb"
mkdir -p "$d/_rels" "$d/docProps" "$d/word"
cp "$tmp/good.docx/[Content_Types].xml" "$d/" 2>/dev/null || printf '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>' > "$d/[Content_Types].xml"
printf '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>' > "$d/_rels/.rels"
core "Bomb" "" > "$d/docProps/core.xml"
{ printf '<w:document %s><w:body>' "$W"; head -c 67108864 /dev/zero | tr '\0' ' '; printf '</w:body></w:document>'; } > "$d/word/document.xml"
ooxml zip-bomb.docx "$d"

ls -l
