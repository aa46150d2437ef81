#include "html/charset.h"

#include <iconv.h>

#include <array>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <optional>

#include "util/text.h"

namespace granska::html {

namespace {

constexpr std::size_t kPrescanBytes = 1024;

// ---------------------------------------------------------------------------------------
// Labels (WHATWG Encoding, "Names and labels"). Linear search: this runs once per page.

struct Label {
  std::string_view label;
  std::string_view name;
};

constexpr Label kLabels[] = {
    {"unicode-1-1-utf-8", "utf-8"}, {"unicode11utf8", "utf-8"}, {"unicode20utf8", "utf-8"},
    {"utf-8", "utf-8"}, {"utf8", "utf-8"}, {"x-unicode20utf8", "utf-8"},
    {"866", "ibm866"}, {"cp866", "ibm866"}, {"csibm866", "ibm866"}, {"ibm866", "ibm866"},
    {"csisolatin2", "iso-8859-2"}, {"iso-8859-2", "iso-8859-2"}, {"iso-ir-101", "iso-8859-2"},
    {"iso8859-2", "iso-8859-2"}, {"iso88592", "iso-8859-2"}, {"iso_8859-2", "iso-8859-2"},
    {"iso_8859-2:1987", "iso-8859-2"}, {"l2", "iso-8859-2"}, {"latin2", "iso-8859-2"},
    {"csisolatin3", "iso-8859-3"}, {"iso-8859-3", "iso-8859-3"}, {"iso-ir-109", "iso-8859-3"},
    {"iso8859-3", "iso-8859-3"}, {"iso88593", "iso-8859-3"}, {"iso_8859-3", "iso-8859-3"},
    {"iso_8859-3:1988", "iso-8859-3"}, {"l3", "iso-8859-3"}, {"latin3", "iso-8859-3"},
    {"csisolatin4", "iso-8859-4"}, {"iso-8859-4", "iso-8859-4"}, {"iso-ir-110", "iso-8859-4"},
    {"iso8859-4", "iso-8859-4"}, {"iso88594", "iso-8859-4"}, {"iso_8859-4", "iso-8859-4"},
    {"iso_8859-4:1988", "iso-8859-4"}, {"l4", "iso-8859-4"}, {"latin4", "iso-8859-4"},
    {"csisolatincyrillic", "iso-8859-5"}, {"cyrillic", "iso-8859-5"},
    {"iso-8859-5", "iso-8859-5"}, {"iso-ir-144", "iso-8859-5"}, {"iso8859-5", "iso-8859-5"},
    {"iso88595", "iso-8859-5"}, {"iso_8859-5", "iso-8859-5"}, {"iso_8859-5:1988", "iso-8859-5"},
    {"arabic", "iso-8859-6"}, {"asmo-708", "iso-8859-6"}, {"csiso88596e", "iso-8859-6"},
    {"csiso88596i", "iso-8859-6"}, {"csisolatinarabic", "iso-8859-6"},
    {"ecma-114", "iso-8859-6"}, {"iso-8859-6", "iso-8859-6"}, {"iso-8859-6-e", "iso-8859-6"},
    {"iso-8859-6-i", "iso-8859-6"}, {"iso-ir-127", "iso-8859-6"}, {"iso8859-6", "iso-8859-6"},
    {"iso88596", "iso-8859-6"}, {"iso_8859-6", "iso-8859-6"}, {"iso_8859-6:1987", "iso-8859-6"},
    {"csisolatingreek", "iso-8859-7"}, {"ecma-118", "iso-8859-7"}, {"elot_928", "iso-8859-7"},
    {"greek", "iso-8859-7"}, {"greek8", "iso-8859-7"}, {"iso-8859-7", "iso-8859-7"},
    {"iso-ir-126", "iso-8859-7"}, {"iso8859-7", "iso-8859-7"}, {"iso88597", "iso-8859-7"},
    {"iso_8859-7", "iso-8859-7"}, {"iso_8859-7:1987", "iso-8859-7"},
    {"sun_eu_greek", "iso-8859-7"},
    {"csiso88598e", "iso-8859-8"}, {"csisolatinhebrew", "iso-8859-8"}, {"hebrew", "iso-8859-8"},
    {"iso-8859-8", "iso-8859-8"}, {"iso-8859-8-e", "iso-8859-8"}, {"iso-ir-138", "iso-8859-8"},
    {"iso8859-8", "iso-8859-8"}, {"iso88598", "iso-8859-8"}, {"iso_8859-8", "iso-8859-8"},
    {"iso_8859-8:1988", "iso-8859-8"}, {"visual", "iso-8859-8"},
    {"csiso88598i", "iso-8859-8-i"}, {"iso-8859-8-i", "iso-8859-8-i"},
    {"logical", "iso-8859-8-i"},
    {"csisolatin6", "iso-8859-10"}, {"iso-8859-10", "iso-8859-10"},
    {"iso-ir-157", "iso-8859-10"}, {"iso8859-10", "iso-8859-10"}, {"iso885910", "iso-8859-10"},
    {"l6", "iso-8859-10"}, {"latin6", "iso-8859-10"},
    {"iso-8859-13", "iso-8859-13"}, {"iso8859-13", "iso-8859-13"},
    {"iso885913", "iso-8859-13"},
    {"iso-8859-14", "iso-8859-14"}, {"iso8859-14", "iso-8859-14"},
    {"iso885914", "iso-8859-14"},
    {"csisolatin9", "iso-8859-15"}, {"iso-8859-15", "iso-8859-15"},
    {"iso8859-15", "iso-8859-15"}, {"iso885915", "iso-8859-15"}, {"iso_8859-15", "iso-8859-15"},
    {"l9", "iso-8859-15"},
    {"latin9", "iso-8859-15"},  // not a WHATWG label, but common in the wild and unambiguous
    {"iso-8859-16", "iso-8859-16"},
    {"cskoi8r", "koi8-r"}, {"koi", "koi8-r"}, {"koi8", "koi8-r"}, {"koi8-r", "koi8-r"},
    {"koi8_r", "koi8-r"},
    {"koi8-ru", "koi8-u"}, {"koi8-u", "koi8-u"},
    {"csmacintosh", "macintosh"}, {"mac", "macintosh"}, {"macintosh", "macintosh"},
    {"x-mac-roman", "macintosh"},
    {"dos-874", "windows-874"}, {"iso-8859-11", "windows-874"}, {"iso8859-11", "windows-874"},
    {"iso885911", "windows-874"}, {"tis-620", "windows-874"}, {"windows-874", "windows-874"},
    {"cp1250", "windows-1250"}, {"windows-1250", "windows-1250"},
    {"x-cp1250", "windows-1250"},
    {"cp1251", "windows-1251"}, {"windows-1251", "windows-1251"},
    {"x-cp1251", "windows-1251"},
    {"ansi_x3.4-1968", "windows-1252"}, {"ascii", "windows-1252"}, {"cp1252", "windows-1252"},
    {"cp819", "windows-1252"}, {"csisolatin1", "windows-1252"}, {"ibm819", "windows-1252"},
    {"iso-8859-1", "windows-1252"}, {"iso-ir-100", "windows-1252"},
    {"iso8859-1", "windows-1252"}, {"iso88591", "windows-1252"},
    {"iso_8859-1", "windows-1252"}, {"iso_8859-1:1987", "windows-1252"},
    {"l1", "windows-1252"}, {"latin1", "windows-1252"}, {"us-ascii", "windows-1252"},
    {"windows-1252", "windows-1252"}, {"x-cp1252", "windows-1252"},
    {"cp1253", "windows-1253"}, {"windows-1253", "windows-1253"},
    {"x-cp1253", "windows-1253"},
    {"cp1254", "windows-1254"}, {"csisolatin5", "windows-1254"}, {"iso-8859-9", "windows-1254"},
    {"iso-ir-148", "windows-1254"}, {"iso8859-9", "windows-1254"}, {"iso88599", "windows-1254"},
    {"iso_8859-9", "windows-1254"}, {"iso_8859-9:1989", "windows-1254"},
    {"l5", "windows-1254"}, {"latin5", "windows-1254"}, {"windows-1254", "windows-1254"},
    {"x-cp1254", "windows-1254"},
    {"cp1255", "windows-1255"}, {"windows-1255", "windows-1255"},
    {"x-cp1255", "windows-1255"},
    {"cp1256", "windows-1256"}, {"windows-1256", "windows-1256"},
    {"x-cp1256", "windows-1256"},
    {"cp1257", "windows-1257"}, {"windows-1257", "windows-1257"},
    {"x-cp1257", "windows-1257"},
    {"cp1258", "windows-1258"}, {"windows-1258", "windows-1258"},
    {"x-cp1258", "windows-1258"},
    {"x-mac-cyrillic", "x-mac-cyrillic"}, {"x-mac-ukrainian", "x-mac-cyrillic"},
    {"chinese", "gbk"}, {"csgb2312", "gbk"}, {"csiso58gb231280", "gbk"}, {"gb2312", "gbk"},
    {"gb_2312", "gbk"}, {"gb_2312-80", "gbk"}, {"gbk", "gbk"}, {"iso-ir-58", "gbk"},
    {"x-gbk", "gbk"},
    {"gb18030", "gb18030"},
    {"big5", "big5"}, {"big5-hkscs", "big5"}, {"cn-big5", "big5"}, {"csbig5", "big5"},
    {"x-x-big5", "big5"},
    {"cseucpkdfmtjapanese", "euc-jp"}, {"euc-jp", "euc-jp"}, {"x-euc-jp", "euc-jp"},
    {"csiso2022jp", "iso-2022-jp"}, {"iso-2022-jp", "iso-2022-jp"},
    {"csshiftjis", "shift_jis"}, {"ms932", "shift_jis"}, {"ms_kanji", "shift_jis"},
    {"shift-jis", "shift_jis"}, {"shift_jis", "shift_jis"}, {"sjis", "shift_jis"},
    {"windows-31j", "shift_jis"}, {"x-sjis", "shift_jis"},
    {"cseuckr", "euc-kr"}, {"csksc56011987", "euc-kr"}, {"euc-kr", "euc-kr"},
    {"iso-ir-149", "euc-kr"}, {"korean", "euc-kr"}, {"ks_c_5601-1987", "euc-kr"},
    {"ks_c_5601-1989", "euc-kr"}, {"ksc5601", "euc-kr"}, {"ksc_5601", "euc-kr"},
    {"windows-949", "euc-kr"},
    // Encodings browsers refuse to decode (script injection risks): one U+FFFD for all.
    {"csiso2022kr", "replacement"}, {"hz-gb-2312", "replacement"},
    {"iso-2022-cn", "replacement"}, {"iso-2022-cn-ext", "replacement"},
    {"iso-2022-kr", "replacement"}, {"replacement", "replacement"},
    {"unicodefffe", "utf-16be"}, {"utf-16be", "utf-16be"},
    {"csunicode", "utf-16le"}, {"iso-10646-ucs-2", "utf-16le"}, {"ucs-2", "utf-16le"},
    {"unicode", "utf-16le"}, {"unicodefeff", "utf-16le"}, {"utf-16", "utf-16le"},
    {"utf-16le", "utf-16le"},
    {"x-user-defined", "x-user-defined"},
};

// glibc iconv names for the encodings not decoded here by hand. WHATWG's "big5" is
// Big5-HKSCS, "shift_jis" is Microsoft's CP932 and "euc-kr" is CP949 (UHC).
std::string_view iconv_name(std::string_view name) {
  struct Map {
    std::string_view whatwg, iconv;
  };
  static constexpr Map kMap[] = {
      {"ibm866", "IBM866"},          {"iso-8859-2", "ISO-8859-2"},
      {"iso-8859-3", "ISO-8859-3"},  {"iso-8859-4", "ISO-8859-4"},
      {"iso-8859-5", "ISO-8859-5"},  {"iso-8859-6", "ISO-8859-6"},
      {"iso-8859-7", "ISO-8859-7"},  {"iso-8859-8", "ISO-8859-8"},
      {"iso-8859-8-i", "ISO-8859-8"}, {"iso-8859-10", "ISO-8859-10"},
      {"iso-8859-13", "ISO-8859-13"}, {"iso-8859-14", "ISO-8859-14"},
      {"iso-8859-15", "ISO-8859-15"}, {"iso-8859-16", "ISO-8859-16"},
      {"koi8-r", "KOI8-R"},          {"koi8-u", "KOI8-U"},
      {"macintosh", "MACINTOSH"},    {"windows-874", "CP874"},
      {"windows-1250", "CP1250"},    {"windows-1251", "CP1251"},
      {"windows-1253", "CP1253"},    {"windows-1254", "CP1254"},
      {"windows-1255", "CP1255"},    {"windows-1256", "CP1256"},
      {"windows-1257", "CP1257"},    {"windows-1258", "CP1258"},
      {"x-mac-cyrillic", "MAC-CYRILLIC"}, {"gbk", "GBK"},
      {"gb18030", "GB18030"},        {"big5", "BIG5-HKSCS"},
      {"euc-jp", "EUC-JP"},          {"iso-2022-jp", "ISO-2022-JP"},
      {"shift_jis", "CP932"},        {"euc-kr", "CP949"},
  };
  for (const Map& m : kMap) {
    if (m.whatwg == name) return m.iconv;
  }
  return {};
}

// ---------------------------------------------------------------------------------------
// Decoders. Each appends UTF-8 to `out` and counts the U+FFFD it had to insert.

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";

struct Sink {
  std::string& out;
  std::size_t replaced = 0;
  void bad() {
    out += kReplacement;
    ++replaced;
  }
};

// WHATWG's UTF-8 decoder: rejects overlongs, surrogates and code points above U+10FFFF, and
// replaces each maximal invalid subpart with one U+FFFD (the count browsers would show).
std::size_t decode_utf8(std::string_view in, std::string& out) {
  Sink sink{out};
  out.reserve(out.size() + in.size());
  int needed = 0;
  int seen = 0;
  unsigned lower = 0x80;
  unsigned upper = 0xBF;
  std::size_t seq_start = 0;
  std::size_t i = 0;
  while (i < in.size()) {
    const auto b = static_cast<unsigned char>(in[i]);
    if (needed == 0) {
      if (b < 0x80) {
        // Copy the whole ASCII run at once: most of any page is ASCII.
        std::size_t j = i + 1;
        // Eight bytes at a time while none has its high bit set.
        while (j + 8 <= in.size()) {
          std::uint64_t word;
          std::memcpy(&word, in.data() + j, sizeof word);
          if (word & 0x8080808080808080ull) break;
          j += 8;
        }
        while (j < in.size() && static_cast<unsigned char>(in[j]) < 0x80) ++j;
        out.append(in.substr(i, j - i));
        i = j;
        continue;
      }
      seq_start = i;
      if (b >= 0xC2 && b <= 0xDF) {
        needed = 1;
      } else if (b >= 0xE0 && b <= 0xEF) {
        if (b == 0xE0) lower = 0xA0;
        if (b == 0xED) upper = 0x9F;
        needed = 2;
      } else if (b >= 0xF0 && b <= 0xF4) {
        if (b == 0xF0) lower = 0x90;
        if (b == 0xF4) upper = 0x8F;
        needed = 3;
      } else {
        sink.bad();
      }
      ++i;
      continue;
    }
    if (b < lower || b > upper) {
      // Invalid continuation: replace what we had and look at this byte again.
      needed = seen = 0;
      lower = 0x80;
      upper = 0xBF;
      sink.bad();
      continue;
    }
    lower = 0x80;
    upper = 0xBF;
    ++i;
    if (++seen == needed) {
      out.append(in.substr(seq_start, i - seq_start));  // valid: copy the bytes as they are
      needed = seen = 0;
    }
  }
  if (needed != 0) sink.bad();  // truncated sequence at the end
  return sink.replaced;
}

std::size_t decode_utf16(std::string_view in, bool big_endian, std::string& out) {
  Sink sink{out};
  out.reserve(out.size() + in.size());
  std::optional<std::uint32_t> lead;
  std::size_t i = 0;
  for (; i + 1 < in.size(); i += 2) {
    const auto b0 = static_cast<unsigned char>(in[i]);
    const auto b1 = static_cast<unsigned char>(in[i + 1]);
    const std::uint32_t unit = big_endian ? (b0 << 8u) | b1 : (b1 << 8u) | b0;
    if (lead) {
      const std::uint32_t l = *lead;
      lead.reset();
      if (unit >= 0xDC00 && unit <= 0xDFFF) {
        text::append_utf8(out, 0x10000 + ((l - 0xD800) << 10) + (unit - 0xDC00));
        continue;
      }
      sink.bad();  // unpaired lead surrogate; `unit` is handled below
    }
    if (unit >= 0xD800 && unit <= 0xDBFF) {
      lead = unit;
    } else if (unit >= 0xDC00 && unit <= 0xDFFF) {
      sink.bad();
    } else {
      text::append_utf8(out, unit);
    }
  }
  if (lead || i < in.size()) sink.bad();  // dangling lead surrogate or odd byte
  return sink.replaced;
}

// windows-1252 as WHATWG defines it: 0x80–0x9F per the Windows code page, the five bytes
// Windows leaves undefined map to the C1 controls, everything else is Latin-1.
constexpr std::array<std::uint16_t, 32> kWindows1252High = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
    0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178};

void decode_windows_1252(std::string_view in, std::string& out) {
  out.reserve(out.size() + in.size() + in.size() / 8);
  for (char c : in) {
    const auto b = static_cast<unsigned char>(c);
    if (b >= 0x80 && b <= 0x9F) {
      text::append_utf8(out, kWindows1252High[b - 0x80]);
    } else {
      text::append_utf8(out, b);
    }
  }
}

void decode_x_user_defined(std::string_view in, std::string& out) {
  for (char c : in) {
    const auto b = static_cast<unsigned char>(c);
    text::append_utf8(out, b < 0x80 ? b : 0xF780u + (b - 0x80u));
  }
}

class IconvHandle {
 public:
  explicit IconvHandle(const std::string& from) : cd_(iconv_open("UTF-8", from.c_str())) {}
  ~IconvHandle() {
    if (ok()) iconv_close(cd_);
  }
  IconvHandle(const IconvHandle&) = delete;
  IconvHandle& operator=(const IconvHandle&) = delete;
  bool ok() const { return cd_ != reinterpret_cast<iconv_t>(static_cast<std::intptr_t>(-1)); }
  iconv_t get() const { return cd_; }

 private:
  iconv_t cd_;
};

// iconv with our own replacement policy: an invalid byte becomes U+FFFD and decoding goes
// on from the next byte; a truncated sequence at the end becomes one U+FFFD.
// nullopt when glibc does not know the encoding.
std::optional<std::size_t> decode_iconv(std::string_view in, std::string_view iconv_encoding,
                                        std::string& out) {
  IconvHandle cd{std::string(iconv_encoding)};
  if (!cd.ok()) return std::nullopt;
  Sink sink{out};
  out.reserve(out.size() + in.size() + in.size() / 4);
  // iconv's API takes char** for its input but does not write through it.
  char* src = const_cast<char*>(in.data());
  std::size_t src_left = in.size();
  std::array<char, 8192> buf{};
  auto drain = [&](const char* end) {
    out.append(buf.data(), static_cast<std::size_t>(end - buf.data()));
  };
  while (src_left > 0) {
    char* dst = buf.data();
    std::size_t dst_left = buf.size();
    const std::size_t r = iconv(cd.get(), &src, &src_left, &dst, &dst_left);
    drain(dst);
    if (r != static_cast<std::size_t>(-1)) continue;
    if (errno == E2BIG) continue;
    if (errno == EILSEQ) {
      sink.bad();
      ++src;
      --src_left;
      continue;
    }
    sink.bad();  // EINVAL: incomplete sequence at the end (or anything unexpected)
    break;
  }
  char* dst = buf.data();
  std::size_t dst_left = buf.size();
  iconv(cd.get(), nullptr, nullptr, &dst, &dst_left);  // flush stateful encodings
  drain(dst);
  return sink.replaced;
}

// Decodes with a canonical encoding name. nullopt when it cannot (glibc lacks it).
std::optional<std::size_t> decode_with(std::string_view encoding, std::string_view in,
                                       std::string& out) {
  if (encoding == "utf-8") return decode_utf8(in, out);
  if (encoding == "windows-1252") {
    decode_windows_1252(in, out);
    return 0;
  }
  if (encoding == "utf-16le") return decode_utf16(in, false, out);
  if (encoding == "utf-16be") return decode_utf16(in, true, out);
  if (encoding == "x-user-defined") {
    decode_x_user_defined(in, out);
    return 0;
  }
  if (encoding == "replacement") {
    if (in.empty()) return 0;
    out += kReplacement;
    return 1;
  }
  const std::string_view name = iconv_name(encoding);
  if (name.empty()) return std::nullopt;
  return decode_iconv(in, name, out);
}

// ---------------------------------------------------------------------------------------
// The HTML "prescan a byte stream to determine its encoding" algorithm, over at most the
// first 1024 bytes. Returns the canonical encoding name or "".

class Prescan {
 public:
  explicit Prescan(std::string_view bytes) : s_(bytes.substr(0, kPrescanBytes)) {}

  std::string_view run() {
    while (pos_ < s_.size()) {
      if (starts_with("<!--")) {
        // The "-->" may share its dashes with "<!--" ("<!-->" is a complete comment).
        const std::size_t end = s_.find("-->", pos_ + 2);
        if (end == std::string_view::npos) return {};
        pos_ = end + 3;
        continue;
      }
      if (istarts_with("<meta") && pos_ + 5 < s_.size() &&
          (text::is_html_space(s_[pos_ + 5]) || s_[pos_ + 5] == '/')) {
        pos_ += 6;
        if (auto found = meta(); !found.empty()) return found;
        continue;
      }
      if (s_[pos_] == '<' && pos_ + 1 < s_.size() &&
          (is_alpha(s_[pos_ + 1]) ||
           (s_[pos_ + 1] == '/' && pos_ + 2 < s_.size() && is_alpha(s_[pos_ + 2])))) {
        // Another tag: skip its name and attributes so a quoted ">" or "<meta" inside an
        // attribute value is not mistaken for markup.
        while (pos_ < s_.size() && !text::is_html_space(s_[pos_]) && s_[pos_] != '>') ++pos_;
        while (attribute()) {
        }
        ++pos_;
        continue;
      }
      if (starts_with("<!") || starts_with("</") || starts_with("<?")) {
        const std::size_t end = s_.find('>', pos_ + 2);
        if (end == std::string_view::npos) return {};
        pos_ = end + 1;
        continue;
      }
      ++pos_;
    }
    return {};
  }

 private:
  struct Attr {
    std::string name, value;
  };

  static bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
  static char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; }
  bool starts_with(std::string_view p) const { return s_.substr(pos_).starts_with(p); }
  bool istarts_with(std::string_view p) const { return text::istarts_with(s_.substr(pos_), p); }
  void skip_space_and_slash() {
    while (pos_ < s_.size() && (text::is_html_space(s_[pos_]) || s_[pos_] == '/')) ++pos_;
  }
  void skip_space() {
    while (pos_ < s_.size() && text::is_html_space(s_[pos_])) ++pos_;
  }

  // The spec's "get an attribute"; nullopt at '>' or at the end of the bytes.
  std::optional<Attr> attribute() {
    skip_space_and_slash();
    if (pos_ >= s_.size() || s_[pos_] == '>') return std::nullopt;
    Attr a;
    // Name. A leading '=' belongs to the name (spec quirk).
    for (;;) {
      if (pos_ >= s_.size()) return std::nullopt;
      const char c = s_[pos_];
      if (c == '=' && !a.name.empty()) {
        ++pos_;
        return value(std::move(a));
      }
      if (text::is_html_space(c)) break;
      if (c == '/' || c == '>') return a;
      a.name += lower(c);
      ++pos_;
    }
    skip_space();
    if (pos_ >= s_.size()) return std::nullopt;
    if (s_[pos_] != '=') return a;
    ++pos_;
    return value(std::move(a));
  }

  std::optional<Attr> value(Attr a) {
    skip_space();
    if (pos_ >= s_.size()) return std::nullopt;
    const char q = s_[pos_];
    if (q == '"' || q == '\'') {
      for (++pos_; pos_ < s_.size(); ++pos_) {
        if (s_[pos_] == q) {
          ++pos_;
          return a;
        }
        a.value += lower(s_[pos_]);
      }
      return std::nullopt;
    }
    if (q == '>') return a;
    for (; pos_ < s_.size(); ++pos_) {
      const char c = s_[pos_];
      if (text::is_html_space(c) || c == '>') return a;
      a.value += lower(c);
    }
    return std::nullopt;
  }

  // Attributes of one <meta>; the encoding it declares, or "".
  std::string_view meta() {
    bool got_pragma = false;
    std::optional<bool> need_pragma;
    std::optional<std::string_view> charset;  // nullopt: none yet; "": unknown label
    bool seen_http_equiv = false, seen_content = false, seen_charset = false;
    while (auto a = attribute()) {
      if (a->name == "http-equiv") {
        if (seen_http_equiv) continue;
        seen_http_equiv = true;
        if (a->value == "content-type") got_pragma = true;
      } else if (a->name == "content") {
        if (seen_content) continue;
        seen_content = true;
        const std::string_view found = canonical_encoding(charset_in_meta_content(a->value));
        if (!found.empty() && !charset) {
          charset = found;
          need_pragma = true;
        }
      } else if (a->name == "charset") {
        if (seen_charset) continue;
        seen_charset = true;
        charset = canonical_encoding(a->value);
        need_pragma = false;
      }
    }
    if (!need_pragma || (*need_pragma && !got_pragma) || !charset || charset->empty()) return {};
    if (*charset == "utf-16le" || *charset == "utf-16be") return "utf-8";
    if (*charset == "x-user-defined") return "windows-1252";
    return *charset;
  }

  // The spec's "extracting a character encoding from a meta element" (content="…").
  static std::string_view charset_in_meta_content(std::string_view s) {
    std::size_t pos = 0;
    for (;;) {
      std::size_t found = std::string_view::npos;
      for (std::size_t i = pos; i + 7 <= s.size(); ++i) {
        if (text::iequals(s.substr(i, 7), "charset")) {
          found = i;
          break;
        }
      }
      if (found == std::string_view::npos) return {};
      pos = found + 7;
      while (pos < s.size() && text::is_html_space(s[pos])) ++pos;
      if (pos >= s.size() || s[pos] != '=') continue;
      ++pos;
      while (pos < s.size() && text::is_html_space(s[pos])) ++pos;
      if (pos >= s.size()) return {};
      const char q = s[pos];
      if (q == '"' || q == '\'') {
        const std::size_t end = s.find(q, pos + 1);
        if (end == std::string_view::npos) return {};
        return s.substr(pos + 1, end - pos - 1);
      }
      std::size_t end = pos;
      while (end < s.size() && !text::is_html_space(s[end]) && s[end] != ';') ++end;
      return s.substr(pos, end - pos);
    }
  }

  std::string_view s_;
  std::size_t pos_ = 0;
};

Decoded decode_default(std::string_view bytes) {
  Decoded d;
  d.source = CharsetSource::Default;
  d.encoding = "utf-8";
  if (decode_utf8(bytes, d.text) == 0) return d;  // one pass in the common case
  d.encoding = "windows-1252";
  d.text.clear();
  decode_windows_1252(bytes, d.text);
  return d;
}

}  // namespace

std::string_view canonical_encoding(std::string_view label) {
  label = text::trim(label);
  for (const Label& l : kLabels) {
    if (text::iequals(l.label, label)) return l.name;
  }
  return {};
}

std::string_view charset_from_content_type(std::string_view content_type) {
  std::size_t semi = content_type.find(';');
  while (semi != std::string_view::npos) {
    std::string_view rest = content_type.substr(semi + 1);
    const std::size_t next = rest.find(';');
    std::string_view param = text::trim(rest.substr(0, next));
    const std::size_t eq = param.find('=');
    if (eq != std::string_view::npos && text::iequals(text::trim(param.substr(0, eq)), "charset")) {
      std::string_view value = text::trim(param.substr(eq + 1));
      if (!value.empty() && value.front() == '"') {
        value.remove_prefix(1);
        value = value.substr(0, value.find('"'));
      }
      return value;
    }
    semi = next == std::string_view::npos ? next : semi + 1 + next;
  }
  return {};
}

Decoded decode_to_utf8(std::string_view bytes, std::string_view content_type_header) {
  // 1. Byte order mark.
  struct Bom {
    std::string_view bytes, encoding;
  };
  static constexpr Bom kBoms[] = {
      {"\xEF\xBB\xBF", "utf-8"}, {"\xFF\xFE", "utf-16le"}, {"\xFE\xFF", "utf-16be"}};
  for (const Bom& bom : kBoms) {
    if (bytes.starts_with(bom.bytes)) {
      Decoded d;
      d.encoding = bom.encoding;
      d.source = CharsetSource::Bom;
      d.replaced = *decode_with(bom.encoding, bytes.substr(bom.bytes.size()), d.text);
      return d;
    }
  }

  // 2. The transport layer, then 3. the document's own declaration.
  auto try_decode = [&](std::string_view encoding, CharsetSource source) -> std::optional<Decoded> {
    if (encoding.empty()) return std::nullopt;
    Decoded d;
    const auto replaced = decode_with(encoding, bytes, d.text);
    if (!replaced) return std::nullopt;
    d.encoding = encoding;
    d.source = source;
    d.replaced = *replaced;
    return d;
  };
  if (auto d = try_decode(canonical_encoding(charset_from_content_type(content_type_header)),
                          CharsetSource::HttpHeader)) {
    return std::move(*d);
  }
  if (auto d = try_decode(Prescan(bytes).run(), CharsetSource::Meta)) return std::move(*d);

  // 4. Nothing declared (or nothing usable).
  return decode_default(bytes);
}

std::string_view to_string(CharsetSource source) {
  switch (source) {
    case CharsetSource::Bom: return "bom";
    case CharsetSource::HttpHeader: return "http-header";
    case CharsetSource::Meta: return "meta";
    case CharsetSource::Default: return "default";
  }
  return "default";
}

std::string_view binary_kind(std::string_view bytes) {
  struct Magic {
    std::string_view prefix, kind;
  };
  static constexpr Magic kMagic[] = {
      {"%PDF-", "PDF"},
      {"\x89PNG\r\n\x1A\n", "PNG"},
      {"\xFF\xD8\xFF", "JPEG"},
      {"GIF87a", "GIF"},
      {"GIF89a", "GIF"},
      {"PK\x03\x04", "ZIP"},  // also .docx/.xlsx/.pptx/.odt
      {"PK\x05\x06", "ZIP"},
      {"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", "Office (OLE)"},  // .doc/.xls/.ppt
      {"\x1F\x8B", "gzip"},
      {"\x7F" "ELF", "ELF"},
      {"\x1A\x45\xDF\xA3", "WebM/Matroska"},
      {"OggS", "Ogg"},
  };
  for (const Magic& m : kMagic) {
    if (bytes.starts_with(m.prefix)) return m.kind;
  }
  if (bytes.size() >= 12 && bytes.substr(4, 4) == "ftyp") return "MP4";  // ISO base media
  if (bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF")) return {};  // UTF-16
  if (bytes.substr(0, kPrescanBytes).find('\0') != std::string_view::npos) return "binary data";
  return {};
}

bool looks_binary(std::string_view bytes) { return !binary_kind(bytes).empty(); }

}  // namespace granska::html
