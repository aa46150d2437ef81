// Documents (PDF, Word, Excel, PowerPoint) opened into a small model that the document rules
// in checks/ read. qpdf, libzip and the XML parsing of Office parts live behind this module
// only: everything here is granska types. Opening is bounded (size, objects, depth, stream
// sizes, time); bad input becomes a bilingual Error, never a crash or a hang.
//
// Thread-safety: open() has no shared state; a Document is immutable data once returned.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "util/result.h"

namespace granska::documents {

enum class Format : unsigned char {
  Pdf,
  Docx,
  Xlsx,
  Pptx,
  LegacyOffice,  // Word 97–2003 (.doc), Excel (.xls), PowerPoint (.ppt): OLE compound files
};
std::string_view to_string(Format f);  // "pdf", "docx", "xlsx", "pptx", "legacy-office"

// Hard bounds for opening one document. The defaults suit a crawl: generous for real
// municipal documents, small enough that a hostile file costs seconds and tens of MB.
struct Limits {
  std::size_t max_bytes = 50u * 1024 * 1024;             // the file itself
  std::size_t max_objects = 500'000;                     // PDF objects (xref size)
  std::size_t max_pages = 5'000;
  std::size_t max_depth = 100;                           // structure tree / form nesting
  std::size_t max_elements = 200'000;                    // structure elements read
  std::size_t max_stream_bytes = 64u * 1024 * 1024;      // one decoded stream
  std::size_t max_total_stream_bytes = 512u * 1024 * 1024;  // all decoded streams
  std::size_t max_operators = 20'000'000;                // content operators, all pages
  std::size_t max_zip_entries = 10'000;                  // Office: parts in the package
  std::size_t max_part_bytes = 64u * 1024 * 1024;        // Office: one uncompressed part
  std::size_t max_total_part_bytes = 256u * 1024 * 1024; // Office: all parts read
  std::chrono::milliseconds max_time{30'000};
};

// ---- PDF -----------------------------------------------------------------------------

struct Security {
  bool encrypted = false;
  int revision = 0;            // /R of the encryption dictionary
  long long permissions = 0;   // /P
  bool has_permissions = false;
  bool accessibility_allowed = true;  // bit 10 (R >= 3) or bit 5 (R 2)
  bool password_required = false;     // the document did not open without a password
};

struct Catalog {
  bool has_mark_info = false;
  bool marked = false;             // /MarkInfo /Marked true
  bool suspects = false;           // /MarkInfo /Suspects true
  bool has_struct_tree = false;    // /StructTreeRoot is a dictionary
  std::optional<std::string> lang; // /Lang (UTF-8)
  std::optional<bool> display_doc_title;  // /ViewerPreferences /DisplayDocTitle
  std::optional<std::string> info_title;  // /Info /Title
  bool has_metadata = false;       // /Metadata stream present
  bool metadata_readable = false;  // …and parsed as XMP
  std::optional<std::string> xmp_title;   // dc:title (x-default or first)
  std::optional<std::string> pdfua_part;  // pdfuaid:part
  // pdfuaid properties written with another namespace prefix (PDF/UA-1 clause 5):
  // "part", "amd", "corr"
  std::vector<std::string> pdfua_bad_prefix;
  bool has_role_map = false;
  std::optional<std::string> optional_content_name;  // /OCProperties /D /Name
  bool has_optional_content = false;
};

// A structure element after role mapping.
struct Element {
  std::string type;      // /S as written
  std::string role;      // the standard type it maps to; empty when it maps to none
  std::string path;      // "/Document/Sect[2]/Figure[1]" (written types)
  std::uint32_t object = 0;
  std::uint32_t page = 0;   // from /Pg (inherited); 0 unknown
  int parent = -1;          // index in Pdf::elements; -1 for children of the root
  std::vector<int> children;
  std::optional<std::string> alt, actual_text, expansion, lang, id;
  std::optional<std::string> scope;          // Table attribute /Scope: Row, Column or Both
  std::optional<std::vector<std::string>> headers;  // Table attribute /Headers
  int row_span = 1, col_span = 1;
  std::vector<int> mcids;              // marked-content kids (MCIDs on `page`)
  std::vector<int> annotations;        // OBJR kids that are annotations (index in Pdf::annotations)
};

// How a structure type used in the document maps to a standard type (ISO 32000-1 14.8.4).
struct RoleMapping {
  enum class Status : unsigned char { Standard, Mapped, StandardRemapped, Circular, NoStandard };
  std::string type;
  Status status = Status::Standard;
  std::string target;  // Mapped: the standard type; StandardRemapped: what it maps to
};

struct Annotation {
  std::string subtype;
  std::uint32_t page = 0;
  std::uint32_t object = 0;
  std::optional<std::string> contents;
  bool hidden = false;          // /F Hidden or NoView flag
  bool outside_page = false;    // /Rect lies wholly outside the crop box
  int element = -1;             // the structure element holding an OBJR to it
  // Widgets: the field they belong to.
  bool widget = false;
  std::uint32_t field_object = 0;
  std::optional<std::string> field_name;  // /T (full name not built)
  std::optional<std::string> field_tu;    // /TU of the field dictionary
};

struct Font {
  std::string name;        // /BaseFont
  std::string subtype;     // Type1, TrueType, Type0, Type3, …
  std::uint32_t object = 0;
  std::uint32_t first_page = 0;
  bool embedded = false;   // FontFile/2/3 in the (descendant) descriptor; Type3 always
  bool has_to_unicode = false;
  bool to_unicode_readable = true;
  // ToUnicode values that map to no character (U+0000, U+FEFF, U+FFFE).
  std::vector<std::string> invalid_unicode;
  // Without ToUnicode: whether ISO 32000-1 9.10.2 still gives Unicode (standard encoding,
  // known glyph names, or a predefined Adobe CJK ordering).
  enum class Mapping : unsigned char { ToUnicode, Standard, Unknown, None } mapping = Mapping::None;
};

struct PageInfo {
  std::uint32_t number = 0;
  std::uint32_t object = 0;
  std::optional<std::string> tabs;  // /Tabs
  std::size_t annotations = 0;      // non-Popup annotations on the page
  std::size_t text_operators = 0;   // Tj TJ ' " (any rendering mode)
  std::size_t images = 0;           // image XObjects and inline images drawn
  std::size_t marked = 0;           // BMC/BDC operators
  std::size_t untagged = 0;         // text/paint/image operators in neither MCID nor Artifact
  std::size_t artifact_in_tagged = 0;  // Artifact sequences opened inside an MCID sequence
  std::size_t tagged_in_artifact = 0;  // MCID sequences opened inside an Artifact
  // MCIDs of marked content that carries Alt/ActualText/E in the content stream but no
  // /Lang of its own (-1 for such marked content without an MCID).
  std::vector<int> text_without_lang;
  bool content_read = true;         // false when the content could not be read in full
};

struct Pdf {
  std::string version;  // "1.7"
  // False when a limit or damage stopped the reading part-way: rules that need the whole
  // document (every page, the whole tree) then say cantTell instead of passed or failed.
  bool complete = true;
  Security security;
  Catalog catalog;
  std::vector<PageInfo> pages;
  std::vector<Element> elements;  // structure tree, depth-first
  std::vector<RoleMapping> role_mappings;  // each non-identity type used, sorted
  std::vector<Annotation> annotations;
  std::vector<Font> fonts;
  struct FileSpec {
    std::uint32_t object = 0;
    std::uint32_t page = 0;
    bool has_f = false, has_uf = false;
    bool empty = false;  // F or UF present but empty
  };
  std::vector<FileSpec> file_specs;  // embedded files and file attachment annotations
};

// ---- Office ----------------------------------------------------------------------------

struct OfficeImage {
  std::string part;        // "word/document.xml"
  std::string name;        // cNvPr/docPr name
  std::optional<std::string> descr;
  bool decorative = false;
  std::uint32_t slide = 0; // pptx: 1-based slide number
};

struct OfficeTable {
  std::string part;
  std::string name;
  std::uint32_t slide = 0;
  bool header_row = false;  // docx: tblHeader on the first row; xlsx: headerRowCount > 0; pptx: firstRow
  std::size_t rows = 0;
};

struct Slide {
  std::uint32_t number = 0;
  std::string part;
  std::optional<std::string> title;  // text of the title placeholder; nullopt when none
};

struct Office {
  std::optional<std::string> title;     // docProps/core.xml dc:title
  std::optional<std::string> language;  // dc:language, else the default language of the text
  std::string language_source;          // "core", "styles", "presentation", …
  std::vector<OfficeImage> images;
  std::vector<OfficeTable> tables;
  std::vector<Slide> slides;
  // docx: heading levels of the paragraphs in order (1..9), from styles or outline level.
  std::vector<int> headings;
  std::size_t paragraphs = 0;  // docx: non-empty paragraphs
};

// ---- The document ----------------------------------------------------------------------

struct Document {
  Format format = Format::Pdf;
  std::string url;     // where it came from, as given
  std::string sha256;  // of the bytes
  std::size_t bytes = 0;
  Pdf pdf;         // format == Pdf
  Office office;   // Docx, Xlsx, Pptx
  // Parts that could not be read in full (a limit was reached, a damaged object): the
  // document was still checked, and these say what was left out. Bilingual.
  std::vector<Error> notes;
};

// What the bytes are: a PDF (the header within the first 1024 bytes), an Office Open XML
// package (a zip with [Content_Types].xml and a word/, xl/ or ppt/ part), an OLE compound
// file (.doc/.xls/.ppt), or nullopt (not a document granska opens, e.g. HTML).
// `name` (a file name or URL) and `content_type` only break ties between the Office kinds.
std::optional<Format> sniff(std::string_view bytes, std::string_view name = {},
                            std::string_view content_type = {});

// Opens `bytes` as a document. Errors, bilingual and naming `url`: not a document,
// larger than the limit, encrypted with a password, damaged beyond reading (xref, object
// streams, loops), a limit reached before anything could be read (objects, time, zip
// bomb). A document whose parts were partly unreadable opens with notes instead.
// Never throws.
Result<Document> open(std::string_view bytes, std::string_view url, const Limits& limits = {});

}  // namespace granska::documents
