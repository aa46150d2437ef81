// Office Open XML (docx, xlsx, pptx) with libzip: only the parts the rules need are read,
// each decompressed through a cap, so a zip bomb stops at the limit.
#include <zip.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <memory>

#include "documents/pdf_reader.h"
#include "documents/xml.h"

namespace granska::documents::detail {

namespace {

constexpr std::string_view kW = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
constexpr std::string_view kDc = "http://purl.org/dc/elements/1.1/";
constexpr std::string_view kRel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

class Zip {
 public:
  Zip(std::string_view bytes, Budget& budget) : budget_(budget) {
    zip_error_t err;
    zip_error_init(&err);
    zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &err);
    if (src) {
      za_ = zip_open_from_source(src, ZIP_RDONLY, &err);
      if (!za_) zip_source_free(src);
    }
    zip_error_fini(&err);
  }
  ~Zip() {
    if (za_) zip_discard(za_);
  }
  Zip(const Zip&) = delete;
  Zip& operator=(const Zip&) = delete;

  bool ok() const { return za_ != nullptr; }
  std::size_t entries() const { return za_ ? static_cast<std::size_t>(std::max<zip_int64_t>(0, zip_get_num_entries(za_, 0))) : 0; }

  std::vector<std::string> names() const {
    std::vector<std::string> out;
    const std::size_t n = std::min(entries(), budget_.limits().max_zip_entries);
    for (std::size_t i = 0; i < n; ++i) {
      const char* name = zip_get_name(za_, static_cast<zip_uint64_t>(i), 0);
      if (name) out.emplace_back(name);
    }
    return out;
  }

  // The uncompressed part, or nullopt when it is missing or unreadable. A part larger than
  // the limits, whatever its header claims, ends the read with LimitReached.
  std::optional<std::string> read(const std::string& name) {
    if (!za_) return std::nullopt;
    const zip_int64_t idx = zip_name_locate(za_, name.c_str(), 0);
    if (idx < 0) return std::nullopt;
    zip_file_t* zf = zip_fopen_index(za_, static_cast<zip_uint64_t>(idx), 0);
    if (!zf) return std::nullopt;
    std::string out;
    char buf[64 * 1024];
    bool failed = false;
    for (;;) {
      const zip_int64_t n = zip_fread(zf, buf, sizeof buf);
      if (n < 0) {
        failed = true;
        break;
      }
      if (n == 0) break;
      out.append(buf, static_cast<std::size_t>(n));
      total_ += static_cast<std::size_t>(n);
      if (out.size() > budget_.limits().max_part_bytes || total_ > budget_.limits().max_total_part_bytes) {
        zip_fclose(zf);
        throw LimitReached("the part " + name + " unpacks to more than the limit of " +
                               Budget::mb(budget_.limits().max_part_bytes) + " (a zip bomb?)",
                           "delen " + name + " packas upp till mer än gränsen på " +
                               Budget::mb(budget_.limits().max_part_bytes) + " (en zip-bomb?)");
      }
      budget_.check_time();
    }
    zip_fclose(zf);
    if (failed) return std::nullopt;
    return out;
  }

 private:
  zip_t* za_ = nullptr;
  Budget& budget_;
  std::size_t total_ = 0;
};

std::string trim(std::string s) {
  auto sp = [](unsigned char c) { return std::isspace(c) != 0; };
  while (!s.empty() && sp(static_cast<unsigned char>(s.back()))) s.pop_back();
  std::size_t i = 0;
  while (i < s.size() && sp(static_cast<unsigned char>(s[i]))) ++i;
  return s.substr(i);
}

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

const XmlNode* child(const XmlNode& n, std::string_view name) {
  for (const auto& c : n.children) {
    if (c->name == name) return c.get();
  }
  return nullptr;
}

const std::string* attr_any(const XmlNode& n, std::string_view name) {
  for (const XmlNode::Attr& a : n.attrs) {
    if (a.name == name) return &a.value;
  }
  return nullptr;
}

class OfficeReader {
 public:
  OfficeReader(Zip& zip, Office& out, std::vector<Error>& notes) : zip_(zip), out_(out), notes_(notes) {}

  std::optional<std::unique_ptr<XmlNode>> part(const std::string& name) {
    auto bytes = zip_.read(name);
    if (!bytes) return std::nullopt;
    auto x = parse_xml(*bytes);
    if (!x) {
      notes_.push_back(Error{"the part " + name + " is not well-formed XML and was skipped",
                             "delen " + name + " är inte korrekt XML och hoppades över"});
    }
    return x;
  }

  void core() {
    auto x = part("docProps/core.xml");
    if (!x) return;
    for (const auto& c : (*x)->children) {
      if (c->ns != kDc) continue;
      if (c->name == "title") out_.title = trim(c->all_text());
      if (c->name == "language" && !trim(c->all_text()).empty()) {
        if (!out_.language) {
          out_.language = trim(c->all_text());
          out_.language_source = "core";
        }
      }
    }
  }

  // Pictures in DrawingML parts (any of the three formats): nvPicPr/cNvPr, or docx's
  // wp:inline|anchor/wp:docPr when the graphic is a picture.
  void pictures(const XmlNode& root, const std::string& part_name, std::uint32_t slide) {
    root.walk([&](const XmlNode& n) {
      const XmlNode* props = nullptr;
      if (n.name == "nvPicPr") props = child(n, "cNvPr");
      if ((n.name == "inline" || n.name == "anchor") && contains_pic(n)) props = child(n, "docPr");
      if (n.name == "shape" && child(n, "imagedata")) {
        OfficeImage img;  // VML (older Word): the shape's alt attribute
        img.part = part_name;
        if (const std::string* a = attr_any(n, "alt")) img.descr = *a;
        img.name = attr_any(n, "id") ? *attr_any(n, "id") : "";
        img.slide = slide;
        out_.images.push_back(std::move(img));
        return false;
      }
      if (!props) return true;
      OfficeImage img;
      img.part = part_name;
      img.slide = slide;
      if (const std::string* d = attr_any(*props, "descr")) img.descr = *d;
      if (const std::string* nm = attr_any(*props, "name")) img.name = *nm;
      props->walk([&](const XmlNode& e) {
        if (e.name == "decorative") {
          const std::string* v = attr_any(e, "val");
          if (v && (*v == "1" || *v == "true")) img.decorative = true;
        }
        return true;
      });
      out_.images.push_back(std::move(img));
      return n.name == "inline" || n.name == "anchor" ? false : true;
    });
  }

  static bool contains_pic(const XmlNode& n) {
    bool found = false;
    n.walk([&](const XmlNode& e) {
      if (e.name == "pic") found = true;
      return !found;
    });
    return found;
  }

  void docx() {
    core();
    std::map<std::string, int> heading_styles;
    if (auto styles = part("word/styles.xml")) {
      (*styles)->walk([&](const XmlNode& n) {
        if (n.ns == kW && n.name == "docDefaults") {
          n.walk([&](const XmlNode& e) {
            if (e.name == "lang") {
              const std::string* v = e.attr(kW, "val");
              if (v && !v->empty()) {
                out_.language = *v;
                out_.language_source = "styles";
              }
            }
            return true;
          });
          return false;
        }
        if (n.ns == kW && n.name == "style") {
          const std::string* id = n.attr(kW, "styleId");
          const XmlNode* nm = child(n, "name");
          const std::string* name = nm ? nm->attr(kW, "val") : nullptr;
          int level = 0;
          if (name) {
            const std::string l = lower(*name);
            if (l.rfind("heading ", 0) == 0 && l.size() == 9 && l[8] >= '1' && l[8] <= '9') level = l[8] - '0';
          }
          if (const XmlNode* ppr = child(n, "pPr")) {
            if (const XmlNode* ol = child(*ppr, "outlineLvl")) {
              const std::string* v = ol->attr(kW, "val");
              if (v && v->size() == 1 && (*v)[0] >= '0' && (*v)[0] <= '8') level = (*v)[0] - '0' + 1;
            }
          }
          if (id && level > 0) heading_styles[*id] = level;
          return false;
        }
        return true;
      });
    }
    auto doc = part("word/document.xml");
    if (!doc) {
      notes_.push_back(Error{"the main document part (word/document.xml) is missing",
                             "huvuddelen (word/document.xml) saknas"});
      return;
    }
    pictures(**doc, "word/document.xml", 0);
    (*doc)->walk([&](const XmlNode& n) {
      if (n.ns == kW && n.name == "p") {
        int level = 0;
        if (const XmlNode* ppr = child(n, "pPr")) {
          if (const XmlNode* ps = child(*ppr, "pStyle")) {
            const std::string* v = ps->attr(kW, "val");
            if (v && heading_styles.count(*v)) level = heading_styles[*v];
          }
          if (const XmlNode* ol = child(*ppr, "outlineLvl")) {
            const std::string* v = ol->attr(kW, "val");
            if (v && v->size() == 1 && (*v)[0] >= '0' && (*v)[0] <= '8') level = (*v)[0] - '0' + 1;
          }
        }
        std::string text;
        n.walk([&](const XmlNode& e) {
          if (e.ns == kW && e.name == "t") text += e.text;
          return true;
        });
        if (!trim(text).empty()) {
          ++out_.paragraphs;
          if (level > 0) out_.headings.push_back(level);
        }
        return true;
      }
      if (n.ns == kW && n.name == "tbl") {
        OfficeTable t;
        t.part = "word/document.xml";
        if (const XmlNode* pr = child(n, "tblPr")) {
          if (const XmlNode* cap = child(*pr, "tblCaption")) {
            if (const std::string* v = cap->attr(kW, "val")) t.name = *v;
          }
        }
        bool first = true;
        for (const auto& row : n.children) {
          if (row->name != "tr") continue;
          ++t.rows;
          if (first) {
            first = false;
            if (const XmlNode* trpr = child(*row, "trPr")) {
              if (const XmlNode* h = child(*trpr, "tblHeader")) {
                const std::string* v = h->attr(kW, "val");
                t.header_row = !v || (*v != "0" && *v != "false" && *v != "off");
              }
            }
          }
        }
        out_.tables.push_back(std::move(t));
      }
      return true;
    });
  }

  void xlsx() {
    core();
    for (const std::string& name : zip_.names()) {
      if (name.rfind("xl/drawings/", 0) == 0 && name.find('/', 12) == std::string::npos && name.ends_with(".xml")) {
        if (auto x = part(name)) pictures(**x, name, 0);
      }
      if (name.rfind("xl/tables/", 0) == 0 && name.find('/', 10) == std::string::npos && name.ends_with(".xml")) {
        auto x = part(name);
        if (!x) continue;
        OfficeTable t;
        t.part = name;
        if (const std::string* d = attr_any(**x, "displayName")) t.name = *d;
        const std::string* h = attr_any(**x, "headerRowCount");
        t.header_row = !h || *h != "0";
        out_.tables.push_back(std::move(t));
      }
    }
  }

  void pptx() {
    core();
    std::vector<std::string> order;
    if (auto pres = part("ppt/presentation.xml")) {
      std::map<std::string, std::string> targets;
      if (auto rels = part("ppt/_rels/presentation.xml.rels")) {
        for (const auto& r : (*rels)->children) {
          const std::string* id = attr_any(*r, "Id");
          const std::string* target = attr_any(*r, "Target");
          if (id && target) targets[*id] = target->rfind("/", 0) == 0 ? target->substr(1) : "ppt/" + *target;
        }
      }
      (*pres)->walk([&](const XmlNode& n) {
        if (n.name == "sldId") {
          const std::string* rid = n.attr(kRel, "id");
          if (rid && targets.count(*rid)) order.push_back(targets[*rid]);
        }
        if (n.name == "defRPr" && !out_.language) {
          if (const std::string* l = attr_any(n, "lang"); l && !l->empty()) {
            out_.language = *l;
            out_.language_source = "presentation";
          }
        }
        return true;
      });
    }
    if (order.empty()) {
      // No readable slide list: the slide parts in numeric order.
      std::vector<std::pair<int, std::string>> numbered;
      for (const std::string& name : zip_.names()) {
        if (name.rfind("ppt/slides/slide", 0) == 0 && name.ends_with(".xml") && name.find('/', 11) == std::string::npos) {
          try {
            numbered.emplace_back(std::stoi(name.substr(16)), name);
          } catch (const std::exception&) {
          }
        }
      }
      std::sort(numbered.begin(), numbered.end());
      for (auto& [n, name] : numbered) order.push_back(name);
    }
    std::uint32_t number = 0;
    for (const std::string& name : order) {
      auto x = part(name);
      ++number;
      Slide s;
      s.number = number;
      s.part = name;
      if (!x) {
        out_.slides.push_back(std::move(s));
        continue;
      }
      pictures(**x, name, number);
      (*x)->walk([&](const XmlNode& n) {
        if (n.name == "sp") {
          bool title = false;
          n.walk([&](const XmlNode& e) {
            if (e.name == "ph") {
              const std::string* t = attr_any(e, "type");
              if (t && (*t == "title" || *t == "ctrTitle")) title = true;
            }
            return e.name != "txBody";
          });
          if (title && !s.title) {
            std::string text;
            if (const XmlNode* body = child(n, "txBody")) {
              body->walk([&](const XmlNode& e) {
                if (e.name == "t") text += e.text + " ";
                return true;
              });
            }
            s.title = trim(text);
          }
          return false;
        }
        if (n.name == "graphicFrame") {
          const XmlNode* tbl = nullptr;
          n.walk([&](const XmlNode& e) {
            if (e.name == "tbl") tbl = &e;
            return tbl == nullptr;
          });
          if (tbl) {
            OfficeTable t;
            t.part = name;
            t.slide = number;
            n.walk([&](const XmlNode& e) {
              if (e.name == "cNvPr" && t.name.empty()) {
                if (const std::string* v = attr_any(e, "name")) t.name = *v;
              }
              return true;
            });
            if (const XmlNode* pr = child(*tbl, "tblPr")) {
              const std::string* fr = attr_any(*pr, "firstRow");
              t.header_row = fr && (*fr == "1" || *fr == "true");
            }
            for (const auto& r : tbl->children) t.rows += r->name == "tr";
            out_.tables.push_back(std::move(t));
          }
          return false;
        }
        return true;
      });
      out_.slides.push_back(std::move(s));
    }
  }

 private:
  Zip& zip_;
  Office& out_;
  std::vector<Error>& notes_;
};

}  // namespace

Result<Office> read_office(std::string_view bytes, Format format, const std::string& name, std::vector<Error>& notes,
                           Budget& budget) {
  Zip zip(bytes, budget);
  if (!zip.ok()) {
    return Error{name + " is a damaged Office file (the zip package cannot be read)",
                 name + " är en skadad Office-fil (zip-paketet går inte att läsa)"};
  }
  if (zip.entries() > budget.limits().max_zip_entries) {
    const std::string n = std::to_string(budget.limits().max_zip_entries);
    return Error{name + " has more parts than the limit of " + n, name + " har fler delar än gränsen på " + n};
  }
  Office office;
  OfficeReader reader(zip, office, notes);
  try {
    if (format == Format::Docx) reader.docx();
    if (format == Format::Xlsx) reader.xlsx();
    if (format == Format::Pptx) reader.pptx();
  } catch (const LimitReached& e) {
    return Error{name + " cannot be checked: " + std::string(e.what()), name + " kan inte granskas: " + e.sv_text};
  }
  return office;
}

}  // namespace granska::documents::detail
