#include "html/charset.h"

#include <gtest/gtest.h>

#include <string>

#include "support/test_paths.h"

namespace granska::html {
namespace {

using granska::testing::read_fixture;

constexpr std::string_view kSwedish = "Välkommen till Malmö stad. Åäö ÅÄÖ é.";

bool contains(std::string_view haystack, std::string_view needle) {
  return haystack.find(needle) != std::string_view::npos;
}

// Pads the document so that what follows starts after the 1024-byte prescan window.
std::string padding_comment(std::size_t bytes) {
  return "<!--" + std::string(bytes - 7, 'x') + "-->";
}

TEST(Charset, Utf8WithMetaCharset) {
  const Decoded d = decode_to_utf8(read_fixture("charset/utf8.html"));
  EXPECT_EQ(d.encoding, "utf-8");
  EXPECT_EQ(d.source, CharsetSource::Meta);
  EXPECT_EQ(d.replaced, 0u);
  EXPECT_TRUE(contains(d.text, kSwedish));
}

TEST(Charset, Utf8WithoutDeclarationIsTheDefault) {
  const Decoded d = decode_to_utf8("<p>åäö</p>");
  EXPECT_EQ(d.encoding, "utf-8");
  EXPECT_EQ(d.source, CharsetSource::Default);
  EXPECT_EQ(d.text, "<p>åäö</p>");
}

// ASCII runs are skipped eight bytes at a time: a multi-byte character or a bad byte at
// any offset from a word boundary, and at either end, must still be decoded the same.
TEST(Charset, Utf8DecodingIsTheSameAtEveryOffset) {
  for (std::size_t pad = 0; pad < 20; ++pad) {
    const std::string ascii(pad, 'a');
    const std::string good = ascii + "å" + std::string(9, 'b') + "€" + ascii + "\xF0\x9F\x98\x80" + ascii;
    Decoded d = decode_to_utf8(good, "text/html; charset=utf-8");
    EXPECT_EQ(d.text, good) << pad;
    EXPECT_EQ(d.replaced, 0u) << pad;
    const std::string bad = ascii + "\xFF" + std::string(10, 'c') + "\xC3" + ascii + "\xE2\x82";
    d = decode_to_utf8(bad, "text/html; charset=utf-8");
    EXPECT_EQ(d.text, ascii + "\uFFFD" + std::string(10, 'c') + "\uFFFD" + ascii + "\uFFFD") << pad;
    EXPECT_EQ(d.replaced, 3u) << pad;
  }
}

TEST(Charset, EmptyInputIsEmptyUtf8) {
  const Decoded d = decode_to_utf8("");
  EXPECT_EQ(d.text, "");
  EXPECT_EQ(d.encoding, "utf-8");
  EXPECT_EQ(d.source, CharsetSource::Default);
  EXPECT_EQ(d.replaced, 0u);
}

TEST(Charset, Utf8BomIsStrippedAndWins) {
  const Decoded d = decode_to_utf8(read_fixture("charset/utf8-bom.html"));
  EXPECT_EQ(d.encoding, "utf-8");
  EXPECT_EQ(d.source, CharsetSource::Bom);
  EXPECT_TRUE(d.text.starts_with("<!doctype html>"));
  EXPECT_TRUE(contains(d.text, kSwedish));
}

TEST(Charset, Utf16LeBom) {
  const Decoded d = decode_to_utf8(read_fixture("charset/utf16le-bom.html"));
  EXPECT_EQ(d.encoding, "utf-16le");
  EXPECT_EQ(d.source, CharsetSource::Bom);
  EXPECT_EQ(d.replaced, 0u);
  EXPECT_TRUE(d.text.starts_with("<!doctype html>"));
  EXPECT_TRUE(contains(d.text, kSwedish));
}

TEST(Charset, Utf16BeBomWithSurrogatePair) {
  // "a😀" in UTF-16BE: U+1F600 is D83D DE00.
  const std::string bytes("\xFE\xFF\x00\x61\xD8\x3D\xDE\x00", 8);
  const Decoded d = decode_to_utf8(bytes);
  EXPECT_EQ(d.encoding, "utf-16be");
  EXPECT_EQ(d.text, "a\xF0\x9F\x98\x80");
  EXPECT_EQ(d.replaced, 0u);
}

TEST(Charset, Utf16LoneSurrogateAndOddByteAreReplaced) {
  // LE: lone trail surrogate DC00, then 'b', then a dangling odd byte.
  const std::string bytes("\xFF\xFE\x00\xDC\x62\x00\x63", 7);
  const Decoded d = decode_to_utf8(bytes);
  EXPECT_EQ(d.text, "\xEF\xBF\xBD" "b" "\xEF\xBF\xBD");
  EXPECT_EQ(d.replaced, 2u);
}

TEST(Charset, BomBeatsHttpHeader) {
  const Decoded d = decode_to_utf8("\xEF\xBB\xBF" "å", "text/html; charset=iso-8859-1");
  EXPECT_EQ(d.source, CharsetSource::Bom);
  EXPECT_EQ(d.text, "å");
}

TEST(Charset, Latin1ViaMetaCharset) {
  const Decoded d = decode_to_utf8(read_fixture("charset/latin1-meta.html"));
  EXPECT_EQ(d.encoding, "windows-1252");  // WHATWG: iso-8859-1 means windows-1252
  EXPECT_EQ(d.source, CharsetSource::Meta);
  EXPECT_EQ(d.replaced, 0u);
  EXPECT_TRUE(contains(d.text, kSwedish));
}

TEST(Charset, Latin1ViaHttpEquiv) {
  const Decoded d = decode_to_utf8(read_fixture("charset/latin1-http-equiv.html"));
  EXPECT_EQ(d.encoding, "windows-1252");
  EXPECT_EQ(d.source, CharsetSource::Meta);
  EXPECT_TRUE(contains(d.text, kSwedish));
}

TEST(Charset, Latin1ViaHttpHeader) {
  const Decoded d = decode_to_utf8("<p>Malm\xF6</p>", "text/html; charset=ISO-8859-1");
  EXPECT_EQ(d.encoding, "windows-1252");
  EXPECT_EQ(d.source, CharsetSource::HttpHeader);
  EXPECT_EQ(d.text, "<p>Malmö</p>");
}

TEST(Charset, HttpHeaderBeatsMeta) {
  const std::string bytes = "<meta charset=\"utf-8\"><p>\xE5\xE4\xF6</p>";
  const Decoded d = decode_to_utf8(bytes, "text/html;charset=\"latin1\"");
  EXPECT_EQ(d.source, CharsetSource::HttpHeader);
  EXPECT_EQ(d.encoding, "windows-1252");
  EXPECT_EQ(d.text, "<meta charset=\"utf-8\"><p>åäö</p>");
}

TEST(Charset, HeaderWithoutCharsetLeavesItToMeta) {
  const Decoded d = decode_to_utf8(read_fixture("charset/latin1-meta.html"), "text/html");
  EXPECT_EQ(d.source, CharsetSource::Meta);
  EXPECT_EQ(d.encoding, "windows-1252");
}

TEST(Charset, Windows1252HighRange) {
  const Decoded d = decode_to_utf8(read_fixture("charset/windows-1252.html"));
  EXPECT_EQ(d.encoding, "windows-1252");
  EXPECT_TRUE(contains(d.text, "“Pris”: 100 € – Välkommen till Malmö stad. Åäö ÅÄÖ é."));
  // Every byte 0x80–0x9F maps to something; the five holes become C1 controls, not errors.
  std::string all;
  for (int b = 0x80; b <= 0x9F; ++b) all += static_cast<char>(b);
  const Decoded high = decode_to_utf8(all, "text/html; charset=windows-1252");
  EXPECT_EQ(high.replaced, 0u);
  EXPECT_TRUE(high.text.starts_with("€\xC2\x81‚ƒ„…†‡ˆ‰Š‹Œ\xC2\x8DŽ"));
  EXPECT_TRUE(high.text.ends_with("œ\xC2\x9DžŸ"));
}

TEST(Charset, NoDeclarationAndInvalidUtf8MeansWindows1252) {
  const Decoded d = decode_to_utf8(read_fixture("charset/no-declaration-latin1.html"));
  EXPECT_EQ(d.encoding, "windows-1252");
  EXPECT_EQ(d.source, CharsetSource::Default);
  EXPECT_EQ(d.replaced, 0u);
  EXPECT_TRUE(contains(d.text, kSwedish));
}

TEST(Charset, InvalidUtf8IsReplacedAndCounted) {
  const std::string head = "<meta charset=utf-8>";
  struct Case {
    std::string bytes, text;
    std::size_t replaced;
  };
  const std::string r = "\xEF\xBF\xBD";
  const Case cases[] = {
      {"a\xFF" "b", "a" + r + "b", 1},                    // never valid
      {"\xC3(", r + "(", 1},                              // missing continuation
      {"\xC0\xAF", r + r, 2},                             // overlong '/'
      {"\xE0\x80\xAF", r + r + r, 3},                     // overlong, 3 bytes
      {"\xED\xA0\x80", r + r + r, 3},                     // UTF-16 surrogate D800
      {"\xF4\x90\x80\x80", r + r + r + r, 4},             // above U+10FFFF
      {"ok\xF0\x9F\x98", "ok" + r, 1},                    // truncated at the end
      {"\xE2\x82" "x\xE2\x82\xAC", r + "x€", 1},          // maximal subpart is one U+FFFD
      {"\xF0\x9F\x98\x80", "\xF0\x9F\x98\x80", 0},        // valid 4-byte sequence
  };
  for (const Case& c : cases) {
    const Decoded d = decode_to_utf8(head + c.bytes);
    EXPECT_EQ(d.text, head + c.text) << "bytes: " << c.bytes;
    EXPECT_EQ(d.replaced, c.replaced) << "bytes: " << c.bytes;
    EXPECT_EQ(d.encoding, "utf-8");
  }
}

TEST(Charset, UnknownMetaLabelFallsBackToTheDefault) {
  const Decoded utf8 = decode_to_utf8("<meta charset=\"klingon\"><p>å</p>");
  EXPECT_EQ(utf8.source, CharsetSource::Default);
  EXPECT_EQ(utf8.encoding, "utf-8");
  const Decoded latin = decode_to_utf8("<meta charset=\"klingon\"><p>\xE5</p>");
  EXPECT_EQ(latin.source, CharsetSource::Default);
  EXPECT_EQ(latin.encoding, "windows-1252");
  EXPECT_EQ(latin.text, "<meta charset=\"klingon\"><p>å</p>");
}

TEST(Charset, UnknownHeaderLabelFallsBackToMeta) {
  const Decoded d = decode_to_utf8(read_fixture("charset/latin1-meta.html"),
                                   "text/html; charset=x-unknown-thing");
  EXPECT_EQ(d.source, CharsetSource::Meta);
  EXPECT_EQ(d.encoding, "windows-1252");
}

TEST(Charset, PrescanIgnoresMetaInsideAComment) {
  const Decoded d = decode_to_utf8("<!-- <meta charset=\"iso-8859-1\"> --><p>\xC3\xA5</p>");
  EXPECT_EQ(d.source, CharsetSource::Default);
  EXPECT_EQ(d.encoding, "utf-8");
  EXPECT_EQ(d.text, "<!-- <meta charset=\"iso-8859-1\"> --><p>å</p>");
}

TEST(Charset, PrescanShortestCommentEndsAtItsOwnDashes) {
  // "<!-->" is a complete comment, so the meta after it counts.
  const Decoded d = decode_to_utf8("<!--><meta charset=latin1><p>\xE5</p>");
  EXPECT_EQ(d.source, CharsetSource::Meta);
  EXPECT_EQ(d.text, "<!--><meta charset=latin1><p>å</p>");
}

TEST(Charset, PrescanIgnoresMetaAfter1024Bytes) {
  const std::string pad = padding_comment(1024);
  ASSERT_EQ(pad.size(), 1024u);
  const Decoded d = decode_to_utf8(pad + "<meta charset=\"iso-8859-1\"><p>å</p>");
  EXPECT_EQ(d.source, CharsetSource::Default);
  EXPECT_EQ(d.encoding, "utf-8");

  // The same meta just inside the window is found.
  const Decoded inside = decode_to_utf8(padding_comment(990) + "<meta charset=\"iso-8859-1\">");
  EXPECT_EQ(inside.source, CharsetSource::Meta);
}

TEST(Charset, PrescanCaseQuotesAndWhitespace) {
  struct Case {
    std::string html, encoding;
  };
  const Case cases[] = {
      {"<META CHARSET=ISO-8859-1>", "windows-1252"},
      {"<meta charset='latin1'>", "windows-1252"},
      {"<meta  charset = \" windows-1250 \" >", "windows-1250"},
      {"<meta\tcharset=utf-8 />", "utf-8"},
      {"<meta/charset=koi8-r>", "koi8-r"},
      {"<meta http-equiv=content-type content='text/html;charset = iso-8859-15'>", "iso-8859-15"},
      {"<meta content=\"text/html; charset=latin1\" http-equiv=\"Content-Type\">", "windows-1252"},
      {"<meta http-equiv=\"Content-Type\" content=\"text/html; charset='latin2'\">", "iso-8859-2"},
      {"<head><title>x</title><meta name=x content=y><meta charset=latin1>", "windows-1252"},
      // The first charset attribute of a meta counts; a duplicate is ignored.
      {"<meta charset=latin1 charset=utf-8>", "windows-1252"},
  };
  for (const Case& c : cases) {
    const Decoded d = decode_to_utf8(c.html);
    EXPECT_EQ(d.source, CharsetSource::Meta) << c.html;
    EXPECT_EQ(d.encoding, c.encoding) << c.html;
  }
}

TEST(Charset, PrescanIgnoresWhatIsNotADeclaration) {
  const std::string not_declarations[] = {
      // content with a charset but no http-equiv=content-type
      "<meta content=\"text/html; charset=latin1\">",
      // http-equiv of another kind
      "<meta http-equiv=refresh content=\"0; charset=latin1\">",
      // a meta-looking string inside another tag's attribute value
      "<div title='<meta charset=latin1>'>x</div>",
      // not a meta element
      "<metadata charset=latin1>",
      // inside a processing instruction / doctype-like construct ending later
      "<?xml <meta charset=latin1> ?>",
  };
  for (const std::string& html : not_declarations) {
    const Decoded d = decode_to_utf8(html + "<p>\xC3\xA5</p>");
    EXPECT_EQ(d.source, CharsetSource::Default) << html;
    EXPECT_EQ(d.encoding, "utf-8") << html;
  }
}

TEST(Charset, MetaUtf16MeansUtf8AndUserDefinedMeansWindows1252) {
  const Decoded u16 = decode_to_utf8("<meta charset=utf-16><p>å</p>");
  EXPECT_EQ(u16.source, CharsetSource::Meta);
  EXPECT_EQ(u16.encoding, "utf-8");
  EXPECT_EQ(u16.text, "<meta charset=utf-16><p>å</p>");
  const Decoded user = decode_to_utf8("<meta charset=x-user-defined><p>\xE5</p>");
  EXPECT_EQ(user.encoding, "windows-1252");
}

TEST(Charset, Iso885915ViaIconv) {
  // 0xA4 is € in ISO-8859-15 (¤ in Latin-1); "latin9" is accepted too.
  for (const char* label : {"iso-8859-15", "latin9", "ISO_8859-15"}) {
    const Decoded d = decode_to_utf8(std::string("<meta charset=") + label + "><p>\xA4 \xE5</p>");
    EXPECT_EQ(d.encoding, "iso-8859-15") << label;
    EXPECT_EQ(d.text, std::string("<meta charset=") + label + "><p>€ å</p>");
    EXPECT_EQ(d.replaced, 0u);
  }
}

TEST(Charset, IconvInvalidBytesAreReplacedNotFatal) {
  // Shift_JIS: 0x82 0xA0 is "あ"; 0xFF is never valid; a lead byte at the end is truncated.
  const Decoded d = decode_to_utf8("\x82\xA0\xFF" "a\x82", "text/html; charset=shift_jis");
  EXPECT_EQ(d.encoding, "shift_jis");
  EXPECT_EQ(d.source, CharsetSource::HttpHeader);
  EXPECT_EQ(d.text, "あ\xEF\xBF\xBD" "a\xEF\xBF\xBD");
  EXPECT_EQ(d.replaced, 2u);
}

TEST(Charset, XUserDefinedAndReplacementFromTheHeader) {
  const Decoded user = decode_to_utf8("a\x80", "text/html; charset=x-user-defined");
  EXPECT_EQ(user.text, "a\xEF\x9E\x80");  // U+F780
  const Decoded blocked = decode_to_utf8("<p>hi</p>", "text/html; charset=iso-2022-kr");
  EXPECT_EQ(blocked.encoding, "replacement");
  EXPECT_EQ(blocked.text, "\xEF\xBF\xBD");
  EXPECT_EQ(blocked.replaced, 1u);
}

TEST(Charset, LabelsFollowWhatwg) {
  EXPECT_EQ(canonical_encoding("latin1"), "windows-1252");
  EXPECT_EQ(canonical_encoding("ISO-8859-1"), "windows-1252");
  EXPECT_EQ(canonical_encoding("us-ascii"), "windows-1252");
  EXPECT_EQ(canonical_encoding("ascii"), "windows-1252");
  EXPECT_EQ(canonical_encoding("cp1252"), "windows-1252");
  EXPECT_EQ(canonical_encoding(" UTF8 "), "utf-8");
  EXPECT_EQ(canonical_encoding("unicode-1-1-utf-8"), "utf-8");
  EXPECT_EQ(canonical_encoding("utf-16"), "utf-16le");
  EXPECT_EQ(canonical_encoding("UTF-16BE"), "utf-16be");
  EXPECT_EQ(canonical_encoding("latin9"), "iso-8859-15");
  EXPECT_EQ(canonical_encoding("sjis"), "shift_jis");
  EXPECT_EQ(canonical_encoding("gb2312"), "gbk");
  EXPECT_EQ(canonical_encoding("utf-7"), "");
  EXPECT_EQ(canonical_encoding(""), "");
}

TEST(Charset, CharsetFromContentType) {
  EXPECT_EQ(charset_from_content_type("text/html; charset=UTF-8"), "UTF-8");
  EXPECT_EQ(charset_from_content_type("text/html;charset=\"latin1\""), "latin1");
  EXPECT_EQ(charset_from_content_type("text/html; foo=bar; Charset = koi8-r "), "koi8-r");
  EXPECT_EQ(charset_from_content_type("text/html"), "");
  EXPECT_EQ(charset_from_content_type(""), "");
}

TEST(Charset, SourceNames) {
  EXPECT_EQ(to_string(CharsetSource::Bom), "bom");
  EXPECT_EQ(to_string(CharsetSource::HttpHeader), "http-header");
  EXPECT_EQ(to_string(CharsetSource::Meta), "meta");
  EXPECT_EQ(to_string(CharsetSource::Default), "default");
}

TEST(Charset, LooksBinaryByMagic) {
  struct Case {
    std::string bytes;
    std::string_view kind;
  };
  const Case cases[] = {
      {read_fixture("input/document.pdf"), "PDF"},
      {std::string("\x89PNG\r\n\x1A\n\0\0\0\rIHDR", 16), "PNG"},
      {"\xFF\xD8\xFF\xE0", "JPEG"},
      {"GIF89a", "GIF"},
      {"PK\x03\x04word/document.xml", "ZIP"},
      {"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", "Office (OLE)"},
      {"\x1F\x8B\x08", "gzip"},
      {"\x7F" "ELF", "ELF"},
      {std::string("\0\0\0\x18" "ftypmp42", 12), "MP4"},
      {"\x1A\x45\xDF\xA3", "WebM/Matroska"},
      {"OggS", "Ogg"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(binary_kind(c.bytes), c.kind);
    EXPECT_TRUE(looks_binary(c.bytes)) << c.kind;
  }
}

TEST(Charset, LooksBinaryByNulBytes) {
  EXPECT_EQ(binary_kind(std::string("<p>a\0b</p>", 10)), "binary data");
  // A NUL beyond the first 1024 bytes does not count.
  EXPECT_FALSE(looks_binary(std::string(1024, 'a') + std::string(1, '\0')));
  // UTF-16 is full of NULs but is text.
  EXPECT_FALSE(looks_binary(read_fixture("charset/utf16le-bom.html")));
  EXPECT_FALSE(looks_binary(read_fixture("charset/utf8.html")));
  EXPECT_FALSE(looks_binary(""));
  EXPECT_FALSE(looks_binary("%PD"));
}

}  // namespace
}  // namespace granska::html
