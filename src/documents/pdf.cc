// Reading a PDF into the document model with qpdf. Everything qpdf throws stays here. Built
// as granska's module granska-pdf.so (pdf_reader.h), with xml.cc.
// Streams are decoded through a capped pipeline, the structure tree and form XObjects are
// walked with a visited set and a depth bound, and a budget checks the clock.
// qpdf 11: use std::shared_ptr, not the deprecated PointerHolder.
#define POINTERHOLDER_TRANSITION 4
#include <qpdf/BufferInputSource.hh>
#include <qpdf/Pipeline.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFEmbeddedFileDocumentHelper.hh>
#include <qpdf/QPDFExc.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>
#include <qpdf/QPDFTokenizer.hh>

#include <algorithm>
#include <array>
#include <map>
#include <set>
#include <unordered_map>

#include "documents/budget.h"
#include "documents/pdf_reader.h"
#include "documents/xml.h"

namespace granska::documents::detail {

namespace {

using OH = QPDFObjectHandle;

// ---- small helpers over qpdf objects ---------------------------------------------------

std::optional<std::string> text_of(OH o) {
  if (o.isString()) return o.getUTF8Value();
  return std::nullopt;
}

std::optional<std::string> name_of(OH o) {
  if (o.isName()) return o.getName().substr(1);  // without the leading '/'
  return std::nullopt;
}

// A dictionary's (or a stream dictionary's) entry; null for anything else.
OH key(OH dict, const char* k) {
  if (dict.isStream()) dict = dict.getDict();
  if (!dict.isDictionary()) return OH::newNull();
  return dict.getKey(k);
}

std::uint32_t object_number(OH o) {
  return o.isIndirect() ? static_cast<std::uint32_t>(o.getObjectID()) : 0;
}

// A Pipeline that keeps at most `cap` bytes and throws past it, so a decompression bomb
// stops at the cap instead of filling memory.
class CappedBuffer : public Pipeline {
 public:
  CappedBuffer(std::string& out, std::size_t cap) : Pipeline("granska-capped", nullptr), out_(out), cap_(cap) {}
  void write(unsigned char const* data, size_t len) override {
    if (out_.size() + len > cap_) {
      exceeded_ = true;
      throw std::length_error("stream larger than the cap");
    }
    out_.append(reinterpret_cast<const char*>(data), len);
  }
  void finish() override {}
  bool exceeded() const { return exceeded_; }

 private:
  std::string& out_;
  std::size_t cap_;
  bool exceeded_ = false;
};

// The decoded data of a stream, at most the per-stream limit. False when it could not be
// decoded in full (a filter qpdf does not know, damaged data, over the cap).
bool read_stream(OH stream, std::string& out, Budget& budget) {
  out.clear();
  if (!stream.isStream()) return false;
  CappedBuffer pipe(out, budget.limits().max_stream_bytes);
  bool ok = false;
  try {
    ok = stream.pipeStreamData(&pipe, 0, qpdf_dl_generalized, true);
  } catch (const LimitReached&) {
    throw;
  } catch (const std::exception&) {
    ok = false;
  }
  if (pipe.exceeded()) ok = false;
  budget.add_stream_bytes(out.size());
  return ok;
}

constexpr std::array<std::string_view, 47> kStandardTypes{
    "Document", "Part",  "Art",     "Sect",     "Div",       "BlockQuote", "Caption", "TOC",
    "TOCI",     "Index", "NonStruct", "Private", "P",        "H",          "H1",      "H2",
    "H3",       "H4",    "H5",      "H6",       "L",         "LI",         "Lbl",     "LBody",
    "Table",    "TR",    "TH",      "TD",       "THead",     "TBody",      "TFoot",   "Span",
    "Quote",    "Note",  "Reference", "BibEntry", "Code",    "Link",       "Annot",   "Ruby",
    "RB",       "RT",    "RP",      "Warichu",  "WT",        "WP",         "Figure"};

bool is_standard_type(std::string_view t) {
  return t == "Formula" || t == "Form" ||
         std::find(kStandardTypes.begin(), kStandardTypes.end(), t) != kStandardTypes.end();
}

// ---- the reader --------------------------------------------------------------------------

class Reader {
 public:
  Reader(QPDF& q, Pdf& pdf, std::vector<Error>& notes, Budget& budget)
      : q_(q), pdf_(pdf), notes_(notes), budget_(budget) {}

  void read() {
    read_security();
    read_catalog();
    read_pages();
    read_structure();
    link_annotations();
    read_embedded_files();
  }

 private:
  void note(std::string en, std::string sv) {
    for (const Error& e : notes_) {
      if (e.message == en) return;
    }
    notes_.push_back(Error{std::move(en), std::move(sv)});
  }

  void read_security() {
    Security& s = pdf_.security;
    int r = 0, p = 0;
    s.encrypted = q_.isEncrypted(r, p);
    if (!s.encrypted) return;
    s.revision = r;
    s.permissions = p;
    OH enc = key(q_.getTrailer(), "/Encrypt");
    s.has_permissions = key(enc, "/P").isInteger();
    s.accessibility_allowed = q_.allowAccessibility();
  }

  void read_catalog() {
    Catalog& c = pdf_.catalog;
    OH root = q_.getRoot();
    OH mark = key(root, "/MarkInfo");
    c.has_mark_info = mark.isDictionary();
    c.marked = key(mark, "/Marked").isBool() && key(mark, "/Marked").getBoolValue();
    c.suspects = key(mark, "/Suspects").isBool() && key(mark, "/Suspects").getBoolValue();
    c.has_struct_tree = key(root, "/StructTreeRoot").isDictionary();
    c.lang = text_of(key(root, "/Lang"));
    OH vp = key(root, "/ViewerPreferences");
    if (key(vp, "/DisplayDocTitle").isBool()) c.display_doc_title = key(vp, "/DisplayDocTitle").getBoolValue();
    c.info_title = text_of(key(key(q_.getTrailer(), "/Info"), "/Title"));
    c.has_role_map = key(key(root, "/StructTreeRoot"), "/RoleMap").isDictionary();
    OH ocp = key(root, "/OCProperties");
    c.has_optional_content = ocp.isDictionary();
    if (c.has_optional_content) c.optional_content_name = text_of(key(key(ocp, "/D"), "/Name"));

    OH meta = key(root, "/Metadata");
    c.has_metadata = meta.isStream();
    if (c.has_metadata) read_xmp(meta);
  }

  void read_xmp(OH meta) {
    Catalog& c = pdf_.catalog;
    std::string xml;
    if (!read_stream(meta, xml, budget_)) return;
    auto root = parse_xml(xml);
    if (!root) return;
    c.metadata_readable = true;
    static constexpr std::string_view kDc = "http://purl.org/dc/elements/1.1/";
    static constexpr std::string_view kUa = "http://www.aiim.org/pdfua/ns/id/";
    static constexpr std::string_view kXml = "http://www.w3.org/XML/1998/namespace";
    auto bad_prefix = [&](const std::string& prefix, const std::string& name) {
      if (prefix != "pdfuaid" &&
          std::find(c.pdfua_bad_prefix.begin(), c.pdfua_bad_prefix.end(), name) == c.pdfua_bad_prefix.end()) {
        c.pdfua_bad_prefix.push_back(name);
      }
    };
    (*root)->walk([&](const XmlNode& n) {
      if (n.ns == kDc && n.name == "title" && !c.xmp_title) {
        // A language alternative: prefer x-default, else the first item.
        std::optional<std::string> first, deflt;
        n.walk([&](const XmlNode& li) {
          if (li.name == "li") {
            if (!first) first = li.all_text();
            const std::string* l = li.attr(kXml, "lang");
            if (l && *l == "x-default" && !deflt) deflt = li.all_text();
          }
          return true;
        });
        c.xmp_title = deflt ? deflt : first;
        if (!c.xmp_title) c.xmp_title = n.all_text();
        return false;
      }
      if (n.ns == kUa) {
        if (n.name == "part") c.pdfua_part = n.all_text();
        bad_prefix(n.prefix, n.name);
      }
      for (const XmlNode::Attr& a : n.attrs) {
        if (a.ns != kUa) continue;
        if (a.name == "part") c.pdfua_part = a.value;
        bad_prefix(a.prefix, a.name);
      }
      return true;
    });
    if (c.pdfua_part) {
      std::string& p = *c.pdfua_part;
      p.erase(0, p.find_first_not_of(" \t\r\n"));
      p.erase(p.find_last_not_of(" \t\r\n") + 1);
    }
  }

  // ---- pages and their content -----------------------------------------------------------

  struct Frame {
    bool tagged;     // carries an MCID
    bool artifact;   // /Artifact
    int mcid = -1;   // the MCID, when tagged
    bool lang = false;  // carries its own /Lang
  };

  struct Operand {
    QPDFTokenizer::token_type_e type = QPDFTokenizer::tt_bad;
    std::string value;
    std::map<std::string, std::pair<QPDFTokenizer::token_type_e, std::string>> dict;  // inline dicts
  };

  void read_pages() {
    std::vector<QPDFPageObjectHelper> pages;
    pages = QPDFPageDocumentHelper(q_).getAllPages();
    if (pages.size() > budget_.limits().max_pages) {
      note("only the first " + std::to_string(budget_.limits().max_pages) + " pages were checked",
           "bara de första " + std::to_string(budget_.limits().max_pages) + " sidorna granskades");
      pages.erase(pages.begin() + static_cast<std::ptrdiff_t>(budget_.limits().max_pages), pages.end());
    }
    std::uint32_t number = 0;
    for (QPDFPageObjectHelper& page : pages) {
      budget_.check_time();
      ++number;
      OH po = page.getObjectHandle();
      page_numbers_[po.getObjGen()] = number;
      PageInfo info;
      info.number = number;
      info.object = object_number(po);
      info.tabs = name_of(key(po, "/Tabs"));
      read_annotations(page, number, info);
      try {
        read_content(page, info);
      } catch (const LimitReached&) {
        throw;
      } catch (const std::exception&) {
        info.content_read = false;
      }
      if (!info.content_read) {
        note("the content of some pages could not be read in full",
             "innehållet på vissa sidor kunde inte läsas helt");
      }
      pdf_.pages.push_back(std::move(info));
    }
  }

  void read_annotations(QPDFPageObjectHelper& page, std::uint32_t number, PageInfo& info) {
    OH annots = key(page.getObjectHandle(), "/Annots");
    if (!annots.isArray()) return;
    OH crop = page.getCropBox(true);
    std::array<double, 4> cb{0, 0, 0, 0};
    bool have_crop = crop.isRectangle();
    if (have_crop) {
      auto r = crop.getArrayAsRectangle();
      cb = {std::min(r.llx, r.urx), std::min(r.lly, r.ury), std::max(r.llx, r.urx), std::max(r.lly, r.ury)};
    }
    const int n = std::min(annots.getArrayNItems(), 100'000);
    for (int i = 0; i < n; ++i) {
      OH a = annots.getArrayItem(i);
      if (!a.isDictionary()) continue;
      if (a.isIndirect() && !seen_annotations_.insert(a.getObjGen()).second) continue;
      Annotation out;
      out.subtype = name_of(key(a, "/Subtype")).value_or("");
      out.page = number;
      out.object = object_number(a);
      out.contents = text_of(key(a, "/Contents"));
      OH f = key(a, "/F");
      if (f.isInteger()) out.hidden = (f.getIntValue() & (2 | 32)) != 0;
      OH rect = key(a, "/Rect");
      if (have_crop && rect.isRectangle()) {
        auto r = rect.getArrayAsRectangle();
        const double x1 = std::min(r.llx, r.urx), x2 = std::max(r.llx, r.urx);
        const double y1 = std::min(r.lly, r.ury), y2 = std::max(r.lly, r.ury);
        out.outside_page = x2 < cb[0] || x1 > cb[2] || y2 < cb[1] || y1 > cb[3];
      }
      if (out.subtype == "Widget") {
        out.widget = true;
        // The field is the nearest dictionary with a /T (partial name), the widget itself
        // when field and widget are merged.
        OH field = a;
        for (int depth = 0; depth < 32 && field.isDictionary() && !field.hasKey("/T"); ++depth) {
          field = key(field, "/Parent");
        }
        if (!field.isDictionary()) field = a;
        out.field_object = object_number(field);
        out.field_name = text_of(key(field, "/T"));
        out.field_tu = text_of(key(field, "/TU"));
      }
      if (out.subtype == "FileAttachment") add_file_spec(key(a, "/FS"), number);
      if (out.subtype != "Popup") ++info.annotations;
      annotation_index_[a.getObjGen()] = static_cast<int>(pdf_.annotations.size());
      pdf_.annotations.push_back(std::move(out));
    }
  }

  void add_file_spec(OH fs, std::uint32_t page) {
    if (!fs.isDictionary()) return;
    Pdf::FileSpec spec;
    spec.object = object_number(fs);
    spec.page = page;
    auto f = text_of(key(fs, "/F"));
    auto uf = text_of(key(fs, "/UF"));
    spec.has_f = f.has_value();
    spec.has_uf = uf.has_value();
    spec.empty = (f && f->empty()) || (uf && uf->empty());
    pdf_.file_specs.push_back(spec);
  }

  void read_content(QPDFPageObjectHelper& page, PageInfo& info) {
    OH po = page.getObjectHandle();
    OH contents = key(po, "/Contents");
    std::string data;
    auto append = [&](OH s) {
      std::string part;
      if (!read_stream(s, part, budget_)) info.content_read = false;
      if (data.size() + part.size() > budget_.limits().max_stream_bytes) {
        info.content_read = false;
        return;
      }
      data += part;
      data += '\n';
    };
    if (contents.isStream()) {
      append(contents);
    } else if (contents.isArray()) {
      const int n = std::min(contents.getArrayNItems(), 10'000);
      for (int i = 0; i < n; ++i) append(contents.getArrayItem(i));
    }
    std::vector<Frame> stack;
    std::set<QPDFObjGen> forms_open;
    interpret(data, page.getAttribute("/Resources", false), info, stack, forms_open, 0);
  }

  // Interprets one content stream: marked content, text, painting, images, fonts. Form
  // XObjects are interpreted in place with the marked-content state of the caller.
  void interpret(const std::string& data, OH resources, PageInfo& info, std::vector<Frame>& stack,
                 std::set<QPDFObjGen>& forms_open, std::size_t depth) {
    std::shared_ptr<InputSource> input = std::make_shared<BufferInputSource>("content", data);
    QPDFTokenizer tok;
    tok.allowEOF();
    std::vector<Operand> ops;
    const std::size_t base = stack.size();
    auto in_tagged = [&] { return std::any_of(stack.begin(), stack.end(), [](const Frame& f) { return f.tagged; }); };
    auto in_artifact = [&] { return std::any_of(stack.begin(), stack.end(), [](const Frame& f) { return f.artifact; }); };
    auto content = [&] {
      if (!in_tagged() && !in_artifact()) ++info.untagged;
    };
    for (;;) {
      QPDFTokenizer::Token t = tok.readToken(input, "content", true);
      const auto type = t.getType();
      if (type == QPDFTokenizer::tt_eof) break;
      if (type == QPDFTokenizer::tt_bad) {
        ops.clear();
        continue;
      }
      if (type == QPDFTokenizer::tt_dict_open) {
        ops.push_back(read_inline_dict(tok, input));
        continue;
      }
      if (type == QPDFTokenizer::tt_array_open) {
        skip_array(tok, input);
        ops.push_back(Operand{QPDFTokenizer::tt_array_open, {}, {}});
        continue;
      }
      if (type != QPDFTokenizer::tt_word) {
        if (ops.size() < 64) ops.push_back(Operand{type, t.getValue(), {}});
        continue;
      }
      budget_.add_operator();
      const std::string& op = t.getValue();
      if (op == "Tj" || op == "TJ" || op == "'" || op == "\"") {
        ++info.text_operators;
        content();
      } else if (op == "f" || op == "F" || op == "f*" || op == "B" || op == "B*" || op == "b" || op == "b*" ||
                 op == "S" || op == "s" || op == "sh") {
        content();
      } else if (op == "BI") {
        // Inline image: skip its dictionary up to ID, then its data.
      } else if (op == "ID") {
        tok.expectInlineImage(input);
        tok.readToken(input, "content", true);
        ++info.images;
        content();
      } else if (op == "Do" && !ops.empty() && ops.back().type == QPDFTokenizer::tt_name) {
        OH x = key(key(resources, "/XObject"), ops.back().value.c_str());
        std::string sub = name_of(key(x, "/Subtype")).value_or("");
        if (sub == "Image") {
          ++info.images;
          content();
        } else if (sub == "Form" && x.isStream()) {
          run_form(x, resources, info, stack, forms_open, depth);
        }
      } else if (op == "Tf" && ops.size() >= 2 && ops[ops.size() - 2].type == QPDFTokenizer::tt_name) {
        note_font(key(key(resources, "/Font"), ops[ops.size() - 2].value.c_str()), info.number);
      } else if (op == "BMC") {
        ++info.marked;
        const bool artifact = !ops.empty() && ops.back().value == "/Artifact";
        push_frame(stack, Frame{false, artifact, -1, false}, info);
      } else if (op == "BDC" && ops.size() >= 2) {
        ++info.marked;
        const Operand& tag = ops[ops.size() - 2];
        const Operand& props = ops.back();
        Frame f{false, tag.value == "/Artifact", -1, false};
        std::map<std::string, std::pair<QPDFTokenizer::token_type_e, std::string>> d = props.dict;
        if (props.type == QPDFTokenizer::tt_name) {
          // A named property list from the resources.
          OH pl = key(key(resources, "/Properties"), props.value.c_str());
          if (pl.isDictionary()) {
            for (const std::string& k : pl.getKeys()) {
              OH v = pl.getKey(k);
              if (v.isInteger()) d[k] = {QPDFTokenizer::tt_integer, std::to_string(v.getIntValue())};
              if (v.isString()) d[k] = {QPDFTokenizer::tt_string, v.getStringValue()};
            }
          }
        }
        if (auto it = d.find("/MCID"); it != d.end() && it->second.first == QPDFTokenizer::tt_integer) {
          f.tagged = true;
          try {
            f.mcid = std::stoi(it->second.second);
          } catch (const std::exception&) {
            f.mcid = -1;
          }
        }
        f.lang = d.count("/Lang") > 0;
        // Replacement text without a language of its own takes it from enclosing marked
        // content, else from the structure element of the nearest enclosing MCID.
        const bool outer_lang = std::any_of(stack.begin(), stack.end(), [](const Frame& x) { return x.lang; });
        if ((d.count("/Alt") || d.count("/ActualText") || d.count("/E")) && !f.lang && !outer_lang &&
            info.text_without_lang.size() < 10'000) {
          int mcid = f.mcid;
          for (auto it = stack.rbegin(); mcid < 0 && it != stack.rend(); ++it) mcid = it->mcid;
          info.text_without_lang.push_back(mcid);
        }
        push_frame(stack, f, info);
      } else if (op == "EMC") {
        if (stack.size() > base) stack.pop_back();
      }
      ops.clear();
    }
    // Marked content left open at the end of a form belongs to the form.
    if (depth > 0 && stack.size() > base) stack.resize(base);
  }

  void push_frame(std::vector<Frame>& stack, Frame f, PageInfo& info) {
    const bool tagged = std::any_of(stack.begin(), stack.end(), [](const Frame& x) { return x.tagged; });
    const bool artifact = std::any_of(stack.begin(), stack.end(), [](const Frame& x) { return x.artifact; });
    if (f.artifact && tagged) ++info.artifact_in_tagged;
    if (f.tagged && artifact) ++info.tagged_in_artifact;
    if (stack.size() < 1000) stack.push_back(f);
  }

  void run_form(OH x, OH page_resources, PageInfo& info, std::vector<Frame>& stack, std::set<QPDFObjGen>& forms_open,
                std::size_t depth) {
    if (depth >= budget_.limits().max_depth || !forms_open.insert(x.getObjGen()).second) {
      return;  // a form drawing itself, or nested past the bound: drawn once is enough
    }
    std::string data;
    if (!read_stream(x, data, budget_)) info.content_read = false;
    OH res = key(x.getDict(), "/Resources");
    interpret(data, res.isDictionary() ? res : page_resources, info, stack, forms_open, depth + 1);
    forms_open.erase(x.getObjGen());
  }

  Operand read_inline_dict(QPDFTokenizer& tok, std::shared_ptr<InputSource>& input) {
    Operand out;
    out.type = QPDFTokenizer::tt_dict_open;
    int depth = 1;
    std::string pending_key;
    for (int guard = 0; guard < 100'000 && depth > 0; ++guard) {
      QPDFTokenizer::Token t = tok.readToken(input, "content", true);
      const auto type = t.getType();
      if (type == QPDFTokenizer::tt_eof || type == QPDFTokenizer::tt_bad) break;
      if (type == QPDFTokenizer::tt_dict_open || type == QPDFTokenizer::tt_array_open) {
        ++depth;
        pending_key.clear();
        continue;
      }
      if (type == QPDFTokenizer::tt_dict_close || type == QPDFTokenizer::tt_array_close) {
        --depth;
        continue;
      }
      if (depth != 1) continue;
      if (pending_key.empty() && type == QPDFTokenizer::tt_name) {
        pending_key = t.getValue();
      } else if (!pending_key.empty()) {
        out.dict[pending_key] = {type, t.getValue()};
        pending_key.clear();
      }
    }
    return out;
  }

  void skip_array(QPDFTokenizer& tok, std::shared_ptr<InputSource>& input) {
    int depth = 1;
    for (int guard = 0; guard < 1'000'000 && depth > 0; ++guard) {
      QPDFTokenizer::Token t = tok.readToken(input, "content", true);
      const auto type = t.getType();
      if (type == QPDFTokenizer::tt_eof) break;
      if (type == QPDFTokenizer::tt_array_open || type == QPDFTokenizer::tt_dict_open) ++depth;
      if (type == QPDFTokenizer::tt_array_close || type == QPDFTokenizer::tt_dict_close) --depth;
    }
  }

  // ---- fonts -----------------------------------------------------------------------------

  void note_font(OH font, std::uint32_t page) {
    if (!font.isDictionary()) return;
    const QPDFObjGen og = font.getObjGen();
    if (font.isIndirect()) {
      if (font_index_.count(og)) return;
    } else if (pdf_.fonts.size() > 10'000) {
      return;
    }
    Font f;
    f.name = name_of(key(font, "/BaseFont")).value_or("");
    f.subtype = name_of(key(font, "/Subtype")).value_or("");
    f.object = object_number(font);
    f.first_page = page;
    OH descriptor = key(font, "/FontDescriptor");
    OH descendant;
    if (f.subtype == "Type0") {
      OH df = key(font, "/DescendantFonts");
      if (df.isArray() && df.getArrayNItems() > 0) descendant = df.getArrayItem(0);
      descriptor = key(descendant, "/FontDescriptor");
    }
    f.embedded = f.subtype == "Type3" || key(descriptor, "/FontFile").isStream() ||
                 key(descriptor, "/FontFile2").isStream() || key(descriptor, "/FontFile3").isStream();
    OH tu = key(font, "/ToUnicode");
    if (tu.isStream()) {
      f.has_to_unicode = true;
      f.mapping = Font::Mapping::ToUnicode;
      std::string cmap;
      f.to_unicode_readable = read_stream(tu, cmap, budget_);
      if (f.to_unicode_readable) check_to_unicode(cmap, f);
    } else {
      f.mapping = standard_mapping(font, f.subtype, descriptor, descendant);
    }
    if (font.isIndirect()) font_index_[og] = pdf_.fonts.size();
    pdf_.fonts.push_back(std::move(f));
  }

  // ISO 32000-1 9.10.2 without ToUnicode: a predefined CJK ordering, or a simple font with
  // a standard encoding (or standard glyph names in /Differences).
  static Font::Mapping standard_mapping(OH font, const std::string& subtype, OH descriptor, OH descendant) {
    if (subtype == "Type0") {
      OH info = key(descendant, "/CIDSystemInfo");
      auto registry = text_of(key(info, "/Registry"));
      auto ordering = text_of(key(info, "/Ordering"));
      auto encoding = name_of(key(font, "/Encoding"));
      const bool cjk = registry && *registry == "Adobe" && ordering &&
                       (*ordering == "Japan1" || *ordering == "GB1" || *ordering == "CNS1" || *ordering == "Korea1");
      if (cjk && encoding && encoding->rfind("Identity", 0) != 0) return Font::Mapping::Standard;
      return Font::Mapping::None;
    }
    OH enc = key(font, "/Encoding");
    const bool symbolic = key(descriptor, "/Flags").isInteger() && (key(descriptor, "/Flags").getIntValue() & 4) != 0;
    auto known_encoding = [](const std::string& n) {
      return n == "WinAnsiEncoding" || n == "MacRomanEncoding" || n == "MacExpertEncoding" || n == "StandardEncoding";
    };
    if (auto n = name_of(enc)) return known_encoding(*n) ? Font::Mapping::Standard : Font::Mapping::Unknown;
    if (enc.isDictionary()) {
      OH diff = key(enc, "/Differences");
      if (diff.isArray()) {
        const int n = std::min(diff.getArrayNItems(), 4096);
        for (int i = 0; i < n; ++i) {
          auto g = name_of(diff.getArrayItem(i));
          if (g && !known_glyph_name(*g)) return Font::Mapping::Unknown;
        }
      }
      return Font::Mapping::Standard;
    }
    if (subtype == "Type3") return Font::Mapping::Unknown;
    return symbolic ? Font::Mapping::None : Font::Mapping::Standard;
  }

  // Glyph names that map to Unicode by rule (uniXXXX, uXXXX[XX]) or are plain Latin-1 names.
  // Other names may still be in the Adobe Glyph List: those are "unknown", not failures.
  static bool known_glyph_name(const std::string& g) {
    auto hex = [](std::string_view s) {
      return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return std::isxdigit(static_cast<unsigned char>(c)); });
    };
    if (g.size() == 7 && g.rfind("uni", 0) == 0 && hex(std::string_view(g).substr(3))) return true;
    if ((g.size() == 5 || g.size() == 7) && g[0] == 'u' && hex(std::string_view(g).substr(1))) return true;
    if (g.size() == 1 && std::isalpha(static_cast<unsigned char>(g[0]))) return true;
    static const std::set<std::string> kNames{
        "space", "exclam", "quotedbl", "numbersign", "dollar", "percent", "ampersand", "quotesingle", "parenleft",
        "parenright", "asterisk", "plus", "comma", "hyphen", "period", "slash", "zero", "one", "two", "three", "four",
        "five", "six", "seven", "eight", "nine", "colon", "semicolon", "less", "equal", "greater", "question", "at",
        "bracketleft", "backslash", "bracketright", "asciicircum", "underscore", "grave", "braceleft", "bar",
        "braceright", "asciitilde", "bullet", "endash", "emdash", "quoteleft", "quoteright", "quotedblleft",
        "quotedblright", "ellipsis", "Adieresis", "Aring", "Odieresis", "adieresis", "aring", "odieresis", "Eacute",
        "eacute", "Udieresis", "udieresis", "section", "degree", "copyright", "registered", "trademark", "fi", "fl",
        "acute", "dieresis", "cedilla", "ccedilla", "Ccedilla", "egrave", "agrave", "aacute", "ntilde", "oacute",
        "uacute", "iacute", "Euro", "nbspace", "sfthyphen", "periodcentered", "guillemotleft", "guillemotright"};
    return kNames.count(g) > 0;
  }

  static void check_to_unicode(const std::string& cmap, Font& f) {
    std::shared_ptr<InputSource> input = std::make_shared<BufferInputSource>("ToUnicode", cmap);
    QPDFTokenizer tok;
    tok.allowEOF();
    enum class Mode { None, Char, Range } mode = Mode::None;
    std::vector<std::string> strings;  // string operands of the current mapping
    bool in_array = false;
    auto invalid = [&](const std::string& v) {
      if (v == std::string("\0\0", 2) || v == "\xFF\xFE" || v == "\xFE\xFF") {
        std::string hex;
        static constexpr char kHex[] = "0123456789ABCDEF";
        for (unsigned char c : v) {
          hex += kHex[c >> 4];
          hex += kHex[c & 15];
        }
        if (f.invalid_unicode.size() < 16 &&
            std::find(f.invalid_unicode.begin(), f.invalid_unicode.end(), hex) == f.invalid_unicode.end()) {
          f.invalid_unicode.push_back(hex);
        }
      }
    };
    for (int guard = 0; guard < 2'000'000; ++guard) {
      QPDFTokenizer::Token t = tok.readToken(input, "ToUnicode", true);
      const auto type = t.getType();
      if (type == QPDFTokenizer::tt_eof) break;
      if (type == QPDFTokenizer::tt_word) {
        const std::string& w = t.getValue();
        if (w == "beginbfchar") mode = Mode::Char;
        if (w == "beginbfrange") mode = Mode::Range;
        if (w == "endbfchar" || w == "endbfrange") mode = Mode::None;
        strings.clear();
        in_array = false;
        continue;
      }
      if (type == QPDFTokenizer::tt_array_open) {
        in_array = true;
        continue;
      }
      if (type == QPDFTokenizer::tt_array_close) {
        in_array = false;
        strings.clear();  // a bfrange with an array of destinations ends here
        continue;
      }
      if (type != QPDFTokenizer::tt_string || mode == Mode::None) continue;
      if (in_array) {
        invalid(t.getValue());  // each array item is one destination
        continue;
      }
      strings.push_back(t.getValue());
      if (mode == Mode::Char && strings.size() == 2) {
        invalid(strings[1]);
        strings.clear();
      } else if (mode == Mode::Range && strings.size() == 3) {
        // <lo> <hi> <dst>: lo..hi map to dst, dst+1, …; the start is what producers get wrong.
        invalid(strings[2]);
        strings.clear();
      }
    }
  }

  // ---- structure tree ----------------------------------------------------------------------

  void read_structure() {
    OH root = key(q_.getRoot(), "/StructTreeRoot");
    if (!root.isDictionary()) return;
    role_map_ = key(root, "/RoleMap");
    std::map<std::string, int> counts;
    visit_kids(key(root, "/K"), -1, "", 0, 0, counts);
    // Role mappings of the types in use.
    std::set<std::string> types;
    for (const Element& e : pdf_.elements) types.insert(e.type);
    for (const std::string& t : types) {
      RoleMapping m = map_role(t);
      if (!(m.status == RoleMapping::Status::Standard)) pdf_.role_mappings.push_back(m);
    }
    std::map<std::string, std::string> roles;
    for (const RoleMapping& m : pdf_.role_mappings) {
      roles[m.type] = m.status == RoleMapping::Status::Mapped ? m.target
                      : m.status == RoleMapping::Status::StandardRemapped ? m.type
                                                                          : "";
    }
    for (Element& e : pdf_.elements) {
      auto it = roles.find(e.type);
      e.role = it == roles.end() ? e.type : it->second;
    }
  }

  RoleMapping map_role(const std::string& type) {
    RoleMapping m;
    m.type = type;
    const std::string k = "/" + type;
    if (is_standard_type(type)) {
      OH to = key(role_map_, k.c_str());
      if (auto n = name_of(to)) {
        m.status = RoleMapping::Status::StandardRemapped;
        m.target = *n;
      }
      return m;
    }
    std::set<std::string> seen{type};
    std::string cur = type;
    for (int i = 0; i < 64; ++i) {
      auto next = name_of(key(role_map_, ("/" + cur).c_str()));
      if (!next) {
        m.status = RoleMapping::Status::NoStandard;
        return m;
      }
      if (is_standard_type(*next)) {
        m.status = RoleMapping::Status::Mapped;
        m.target = *next;
        return m;
      }
      if (!seen.insert(*next).second) {
        m.status = RoleMapping::Status::Circular;
        return m;
      }
      cur = *next;
    }
    m.status = RoleMapping::Status::Circular;
    return m;
  }

  void visit_kids(OH k, int parent, const std::string& parent_path, std::uint32_t page, std::size_t depth,
                  std::map<std::string, int>& counts) {
    if (k.isArray()) {
      const int n = std::min(k.getArrayNItems(), 1'000'000);
      for (int i = 0; i < n; ++i) visit_kid(k.getArrayItem(i), parent, parent_path, page, depth, counts);
    } else {
      visit_kid(k, parent, parent_path, page, depth, counts);
    }
  }

  std::uint32_t page_of(OH pg, std::uint32_t inherited) {
    if (!pg.isDictionary()) return inherited;
    auto it = page_numbers_.find(pg.getObjGen());
    return it == page_numbers_.end() ? inherited : it->second;
  }

  void visit_kid(OH kid, int parent, const std::string& parent_path, std::uint32_t page, std::size_t depth,
                 std::map<std::string, int>& counts) {
    if (kid.isInteger()) {
      if (parent >= 0) pdf_.elements[static_cast<std::size_t>(parent)].mcids.push_back(static_cast<int>(kid.getIntValue()));
      return;
    }
    if (!kid.isDictionary()) return;
    if (kid.isIndirect() && !visited_.insert(kid.getObjGen()).second) return;  // loops and shared kids
    auto type = name_of(key(kid, "/Type"));
    if (type && *type == "MCR") {
      if (parent >= 0 && key(kid, "/MCID").isInteger()) {
        pdf_.elements[static_cast<std::size_t>(parent)].mcids.push_back(static_cast<int>(key(kid, "/MCID").getIntValue()));
      }
      return;
    }
    if (type && *type == "OBJR") {
      OH obj = key(kid, "/Obj");
      if (parent >= 0 && obj.isDictionary()) objr_[obj.getObjGen()] = parent;
      return;
    }
    auto s = name_of(key(kid, "/S"));
    if (!s) return;
    if (pdf_.elements.size() >= budget_.limits().max_elements || depth >= budget_.limits().max_depth) {
      note("the structure tree is larger or deeper than granska reads; only part of it was checked",
           "strukturträdet är större eller djupare än granska läser; bara en del av det granskades");
      return;
    }
    if ((pdf_.elements.size() & 0x3FF) == 0) budget_.check_time();
    Element e;
    e.type = *s;
    e.object = object_number(kid);
    e.page = page_of(key(kid, "/Pg"), page);
    e.parent = parent;
    e.path = parent_path + "/" + *s + "[" + std::to_string(++counts[*s]) + "]";
    e.alt = text_of(key(kid, "/Alt"));
    e.actual_text = text_of(key(kid, "/ActualText"));
    e.expansion = text_of(key(kid, "/E"));
    e.lang = text_of(key(kid, "/Lang"));
    OH id = key(kid, "/ID");
    if (id.isString()) e.id = id.getStringValue();
    read_attributes(key(kid, "/A"), e);
    const int index = static_cast<int>(pdf_.elements.size());
    if (parent >= 0) pdf_.elements[static_cast<std::size_t>(parent)].children.push_back(index);
    const std::string path = e.path;
    const std::uint32_t pg = e.page;
    pdf_.elements.push_back(std::move(e));
    std::map<std::string, int> child_counts;
    visit_kids(key(kid, "/K"), index, path, pg, depth + 1, child_counts);
  }

  static void read_attributes(OH a, Element& e) {
    auto one = [&](OH d) {
      if (!d.isDictionary()) return;
      auto owner = name_of(key(d, "/O"));
      if (!owner || *owner != "Table") return;
      // Only Row, Column and Both are scopes; anything else (even an empty name) is none.
      if (auto sc = name_of(key(d, "/Scope")); sc && (*sc == "Row" || *sc == "Column" || *sc == "Both")) e.scope = *sc;
      OH h = key(d, "/Headers");
      if (h.isArray()) {
        std::vector<std::string> ids;
        const int n = std::min(h.getArrayNItems(), 1000);
        for (int i = 0; i < n; ++i) {
          if (h.getArrayItem(i).isString()) ids.push_back(h.getArrayItem(i).getStringValue());
        }
        e.headers = std::move(ids);
      } else if (h.isString()) {
        e.headers = std::vector<std::string>{h.getStringValue()};
      }
      auto span = [](OH v) {
        return v.isInteger() ? static_cast<int>(std::clamp<long long>(v.getIntValue(), 0, 10'000)) : 1;
      };
      if (d.hasKey("/RowSpan")) e.row_span = span(key(d, "/RowSpan"));
      if (d.hasKey("/ColSpan")) e.col_span = span(key(d, "/ColSpan"));
    };
    if (a.isArray()) {
      const int n = std::min(a.getArrayNItems(), 100);
      for (int i = 0; i < n; ++i) one(a.getArrayItem(i));
    } else {
      one(a);
    }
  }

  void link_annotations() {
    for (auto& [og, element] : objr_) {
      auto it = annotation_index_.find(og);
      if (it == annotation_index_.end()) continue;
      pdf_.annotations[static_cast<std::size_t>(it->second)].element = element;
      pdf_.elements[static_cast<std::size_t>(element)].annotations.push_back(it->second);
    }
  }

  void read_embedded_files() {
    try {
      QPDFEmbeddedFileDocumentHelper efdh(q_);
      if (!efdh.hasEmbeddedFiles()) return;
      std::size_t n = 0;
      for (auto& [name, spec] : efdh.getEmbeddedFiles()) {
        if (++n > 10'000) break;
        add_file_spec(spec->getObjectHandle(), 0);
      }
    } catch (const LimitReached&) {
      throw;
    } catch (const std::exception&) {
      note("the list of embedded files could not be read", "listan över inbäddade filer kunde inte läsas");
    }
  }

  QPDF& q_;
  Pdf& pdf_;
  std::vector<Error>& notes_;
  Budget& budget_;
  OH role_map_;
  std::map<QPDFObjGen, std::uint32_t> page_numbers_;
  std::map<QPDFObjGen, int> annotation_index_;
  std::set<QPDFObjGen> seen_annotations_;
  std::map<QPDFObjGen, int> objr_;
  std::set<QPDFObjGen> visited_;
  std::map<QPDFObjGen, std::size_t> font_index_;
};

}  // namespace

Result<Pdf> read_pdf_with_qpdf(std::string_view bytes, const std::string& name, std::vector<Error>& notes,
                              Budget& budget) {
  QPDF q;
  q.setSuppressWarnings(true);
  q.setAttemptRecovery(true);
  Pdf pdf;
  try {
    q.processMemoryFile(name.c_str(), bytes.data(), bytes.size(), "");
  } catch (const QPDFExc& e) {
    if (e.getErrorCode() == qpdf_e_password) {
      // It opens only with a password: assistive technology cannot read it at all.
      pdf.security.encrypted = true;
      pdf.security.password_required = true;
      pdf.security.accessibility_allowed = false;
      return pdf;
    }
    return Error{name + " is a damaged PDF that cannot be read (" + e.getMessageDetail() + ")",
                 name + " är en skadad PDF som inte går att läsa (" + e.getMessageDetail() + ")"};
  } catch (const std::exception& e) {
    return Error{name + " is a damaged PDF that cannot be read (" + std::string(e.what()) + ")",
                 name + " är en skadad PDF som inte går att läsa (" + std::string(e.what()) + ")"};
  }
  try {
    // Without a catalog there is no document to check, only bytes.
    if (!q.getRoot().isDictionary()) throw std::runtime_error("the catalog is not a dictionary");
  } catch (const std::exception& e) {
    return Error{name + " is a damaged PDF that cannot be read (" + std::string(e.what()) + ")",
                 name + " är en skadad PDF som inte går att läsa (" + std::string(e.what()) + ")"};
  }
  if (q.getObjectCount() > budget.limits().max_objects) {
    const std::string n = std::to_string(budget.limits().max_objects);
    return Error{name + " has more objects than the limit of " + n, name + " har fler objekt än gränsen på " + n};
  }
  pdf.version = q.getPDFVersion();
  Reader reader(q, pdf, notes, budget);
  try {
    reader.read();
  } catch (const LimitReached& e) {
    // What was read is kept: the rules see a partial model and the note says so.
    pdf.complete = false;
    notes.push_back(Error{"Only part of the document was checked: " + std::string(e.what()),
                          "Bara en del av dokumentet granskades: " + e.sv_text});
  } catch (const std::exception& e) {
    pdf.complete = false;
    notes.push_back(Error{"Only part of the document could be read (" + std::string(e.what()) + ")",
                          "Bara en del av dokumentet kunde läsas (" + std::string(e.what()) + ")"});
  }
  return pdf;
}

}  // namespace granska::documents::detail

extern "C" granska::documents::detail::ReadPdf* const granska_pdf_read = &granska::documents::detail::read_pdf_with_qpdf;
