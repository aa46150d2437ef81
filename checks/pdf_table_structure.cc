// pdf-table-structure: tables are tagged as ISO 32000-1 Table 337 says (Table > [Caption]
// THead? TBody* TFoot? or TR; TR > TH|TD) and form a regular grid once row and column
// spans are counted (WCAG 1.3.1, PDF/UA-1 7.2; Matterhorn 09-004). A
// screen reader navigates a table by rows and columns; broken nesting or ragged rows make
// it announce the wrong headers for a cell.
#include <algorithm>

#include "checks/common/document_rules.h"

namespace granska::checks {
namespace {

using namespace engine;
using documents::Element;

const Message kOk{"table-structure", {"Tabellen är taggad med rader och celler ({0} rader, {1} kolumner).",
                                      "The table is tagged with rows and cells ({0} rows, {1} columns)."}};
const Message kChild{"table-child", {"{0} får inte ligga direkt i en tabell (bara THead, TBody, TFoot, TR och Caption).",
                                     "{0} must not be directly inside a table (only THead, TBody, TFoot, TR and Caption)."}};
const Message kCaption{"caption-position", {"Tabellrubriken (Caption) ska vara tabellens första eller sista del, och bara en.",
                                            "The table caption (Caption) must be the table's first or last part, and only one."}};
const Message kSections{"table-sections", {"Tabellen har {0}: högst ett THead och ett TFoot, och de kräver ett TBody.",
                                           "The table has {0}: at most one THead and one TFoot, and they need a TBody."}};
const Message kRowParent{"tr-parent", {"Tabellraden (TR) ligger inte i en tabell utan i {0}.",
                                       "The table row (TR) is not inside a table but inside {0}."}};
const Message kSectionParent{"section-parent", {"{0} ligger inte direkt i en tabell utan i {1}.",
                                                "{0} is not directly inside a table but inside {1}."}};
const Message kSectionChild{"section-child", {"{0} får bara innehålla rader (TR), inte {1}.",
                                              "{0} may only contain rows (TR), not {1}."}};
const Message kRowChild{"tr-child", {"Tabellraden får bara innehålla celler (TH, TD), inte {0}.",
                                     "The table row may only contain cells (TH, TD), not {0}."}};
const Message kCellParent{"cell-parent", {"Tabellcellen ({0}) ligger inte i en tabellrad (TR) utan i {1}.",
                                          "The table cell ({0}) is not inside a table row (TR) but inside {1}."}};
const Message kSpan{"span-beyond-table", {"En cell sträcker sig över {0} rader, förbi tabellens slut.",
                                          "A cell spans {0} rows, past the end of the table."}};
const Message kIrregular{"irregular-rows", {"Raderna har olika många kolumner ({0} och {1}) när sammanslagna celler räknas.",
                                            "The rows have different numbers of columns ({0} and {1}) once merged cells are counted."}};

const RuleInfo kInfo{
    .id = "pdf-table-structure",
    .title = {"Tabeller i PDF är taggade som tabeller", "Tables in PDF are tagged as tables"},
    .description = {"Kontrollerar att tabeller är taggade med rader och celler i rätt ordning och att alla rader "
                    "har lika många kolumner.",
                    "Checks that tables are tagged with rows and cells in the right order and that every row has "
                    "the same number of columns."},
    .help = {"Skapa tabeller med tabellverktyget i källfilen (inte med tabbar) och undvik att dela eller slå ihop "
             "celler i onödan. I Acrobat Pro: högerklicka på tabellen i taggpanelen och använd Tabellredigeraren.",
             "Create tables with the table tool in the source file (not with tabs) and avoid needless split or "
             "merged cells. In Acrobat Pro: right-click the table in the Tags panel and use the Table Editor."},
    .criteria = {sc("1.3.1")},
    .impact = Impact::Serious,
    .messages = {&kOk, &kChild, &kCaption, &kSections, &kRowParent, &kSectionParent, &kSectionChild, &kRowChild,
                 &kCellParent, &kSpan, &kIrregular},
    .subject = Subject::Pdf,
    .pdfua = "7.2",
    .matterhorn = {"09-004"},
};

const Element& at(const documents::Pdf& p, int i) { return p.elements[static_cast<std::size_t>(i)]; }

bool is_section(const std::string& r) { return r == "THead" || r == "TBody" || r == "TFoot"; }

// Rows in order and the grid they form; false when the grid is not regular.
bool check_grid(const documents::Pdf& p, const Element& table, Reporter& out, std::size_t& rows_out,
                std::size_t& cols_out) {
  std::vector<const Element*> rows;
  for (int c : table.children) {
    const Element& k = at(p, c);
    if (k.role == "TR") rows.push_back(&k);
    if (is_section(k.role)) {
      for (int r : k.children) {
        if (at(p, r).role == "TR") rows.push_back(&at(p, r));
      }
    }
  }
  rows_out = rows.size();
  if (rows.empty()) return true;
  // occupied[r] = columns already taken in row r by cells spanning down from above.
  std::vector<std::vector<bool>> occupied(rows.size());
  bool ok = true;
  std::vector<std::size_t> widths;
  for (std::size_t r = 0; r < rows.size(); ++r) {
    std::size_t col = 0;
    for (int c : rows[r]->children) {
      const Element& cell = at(p, c);
      if (cell.role != "TH" && cell.role != "TD") continue;
      while (col < occupied[r].size() && occupied[r][col]) ++col;
      const auto rs = static_cast<std::size_t>(std::max(1, cell.row_span));
      const auto cs = static_cast<std::size_t>(std::max(1, cell.col_span));
      if (r + rs > rows.size()) {
        out.failed(doc::place(cell), kSpan, {std::to_string(rs)});
        ok = false;
      }
      for (std::size_t dr = 0; dr < rs && r + dr < rows.size(); ++dr) {
        auto& line = occupied[r + dr];
        if (line.size() < col + cs) line.resize(col + cs, false);
        for (std::size_t dc = 0; dc < cs; ++dc) line[col + dc] = true;
      }
      col += cs;
    }
    widths.push_back(occupied[r].size());
  }
  cols_out = widths.empty() ? 0 : widths.front();
  for (std::size_t r = 1; r < widths.size(); ++r) {
    if (widths[r] != widths.front()) {
      out.failed(doc::place(*rows[r]), kIrregular, {std::to_string(widths.front()), std::to_string(widths[r])});
      return false;
    }
  }
  return ok;
}

void check_table(const documents::Pdf& p, const Element& t, Reporter& out) {
  bool bad = false;
  std::size_t captions = 0, heads = 0, bodies = 0, feet = 0;
  for (std::size_t i = 0; i < t.children.size(); ++i) {
    const Element& k = at(p, t.children[i]);
    if (k.role == "Caption") {
      ++captions;
      if (i != 0 && i + 1 != t.children.size()) {
        out.failed(doc::place(k), kCaption);
        bad = true;
      }
    } else if (k.role == "THead") {
      ++heads;
    } else if (k.role == "TBody") {
      ++bodies;
    } else if (k.role == "TFoot") {
      ++feet;
    } else if (k.role != "TR") {
      out.failed(doc::place(k), kChild, {k.type});
      bad = true;
    }
  }
  if (captions > 1) {
    out.failed(doc::place(t), kCaption);
    bad = true;
  }
  if (heads > 1 || feet > 1 || ((heads || feet) && !bodies)) {
    std::string what = std::to_string(heads) + " THead, " + std::to_string(bodies) + " TBody, " + std::to_string(feet) + " TFoot";
    out.failed(doc::place(t), kSections, {what});
    bad = true;
  }
  std::size_t rows = 0, cols = 0;
  if (!check_grid(p, t, out, rows, cols)) bad = true;
  if (!bad) out.passed(doc::place(t), kOk, {std::to_string(rows), std::to_string(cols)});
}

void evaluate(const DocumentContext& ctx, Reporter& out) {
  if (!doc::has_structure(ctx)) return;
  const documents::Pdf& p = ctx.doc.pdf;
  for (const Element& e : p.elements) {
    const Element* parent = doc::parent(p, e);
    const std::string parent_role = parent ? parent->role : "StructTreeRoot";
    const std::string parent_type = parent ? parent->type : "StructTreeRoot";
    if (e.role == "Table") {
      check_table(p, e, out);
    } else if (e.role == "TR") {
      if (parent_role != "Table" && !is_section(parent_role)) out.failed(doc::place(e), kRowParent, {parent_type});
      for (int c : e.children) {
        const Element& k = at(p, c);
        if (k.role != "TH" && k.role != "TD") out.failed(doc::place(k), kRowChild, {k.type});
      }
    } else if (is_section(e.role)) {
      if (parent_role != "Table") out.failed(doc::place(e), kSectionParent, {e.type, parent_type});
      for (int c : e.children) {
        const Element& k = at(p, c);
        if (k.role != "TR") out.failed(doc::place(k), kSectionChild, {e.type, k.type});
      }
    } else if ((e.role == "TH" || e.role == "TD") && parent_role != "TR") {
      out.failed(doc::place(e), kCellParent, {e.type, parent_type});
    }
  }
}

const RuleRegistration kRegistration(kInfo, evaluate);

}  // namespace
}  // namespace granska::checks
