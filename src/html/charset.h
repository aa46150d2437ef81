// Page bytes → UTF-8, choosing the character encoding the way a browser does (HTML
// "determining the character encoding" + WHATWG Encoding), so granska reads the same text
// a visitor sees. Never fails: undecodable bytes become U+FFFD and are counted.
// Thread-safety: every function here is pure and may be called from any thread.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace granska::html {

// Where the encoding came from, strongest first.
enum class CharsetSource { Bom, HttpHeader, Meta, Default };

struct Decoded {
  std::string text;      // UTF-8, without a byte order mark
  std::string encoding;  // WHATWG canonical name: "utf-8", "windows-1252", "iso-8859-15", …
  CharsetSource source = CharsetSource::Default;
  std::size_t replaced = 0;  // invalid byte sequences replaced by U+FFFD
};

// Decodes a document. The encoding is chosen in this order:
//   1. a byte order mark (UTF-8, UTF-16LE, UTF-16BE; stripped from `text`);
//   2. charset= in `content_type_header` (the HTTP Content-Type value, may be empty);
//   3. a prescan of the first 1024 bytes for <meta charset> or
//      <meta http-equiv="content-type" content="…charset=…"> (a UTF-16 label there means
//      UTF-8, x-user-defined means windows-1252, as the HTML spec says);
//   4. otherwise UTF-8 when the bytes are valid UTF-8, else windows-1252.
// Labels are matched per WHATWG ("latin1", "iso-8859-1", "ascii" → windows-1252, …); an
// unknown label is ignored and the next step decides. One extra label beyond WHATWG is
// accepted: "latin9" for iso-8859-15.
Decoded decode_to_utf8(std::string_view bytes, std::string_view content_type_header = {});

// WHATWG "get an encoding": the canonical name for a label (trimmed, ASCII
// case-insensitive), or "" when the label is unknown.
std::string_view canonical_encoding(std::string_view label);

// The charset parameter of a Content-Type value (`text/html; charset="latin1"` → "latin1"),
// or "" when there is none.
std::string_view charset_from_content_type(std::string_view content_type);

// "bom", "http-header", "meta", "default" (stable: used in JSON output).
std::string_view to_string(CharsetSource source);

// What kind of non-HTML file the bytes look like: "PDF", "PNG", "JPEG", "GIF", "ZIP",
// "Office (OLE)", "gzip", "ELF", "MP4", "WebM/Matroska", "Ogg", or "binary data" for NUL
// bytes in the first 1024 bytes (unless a UTF-16 BOM explains them). "" when it may be text.
std::string_view binary_kind(std::string_view bytes);
// True when binary_kind() is not empty: used to refuse non-HTML input with a clear message.
bool looks_binary(std::string_view bytes);

}  // namespace granska::html
