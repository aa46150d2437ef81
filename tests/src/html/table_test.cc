#include "html/table.h"

#include <gtest/gtest.h>

namespace granska::html {
namespace {

std::string id_of(const TableCell* c) {
  if (!c) return "-";
  auto id = c->element->attr("id");
  return id ? std::string(*id) : "?";
}

std::string headers_of(const TableModel& t, const Document& doc, std::string_view id) {
  const TableCell* c = t.cell_of(*doc.element_by_id(id));
  std::string out;
  for (const TableCell* h : t.assigned_headers(*c)) out += (out.empty() ? "" : " ") + id_of(h);
  return out;
}

TEST(TableModel, PlacesCellsWithRowspanAndColspan) {
  auto doc = Document::parse(
      "<table id=t><tr><td id=a rowspan=2>a</td><td id=b colspan=2>b</td></tr>"
      "<tr><td id=c>c</td><td id=d>d</td></tr><tr><td id=e>e</td></tr></table>");
  TableModel t = TableModel::form(*doc->element_by_id("t"));
  EXPECT_EQ(t.width(), 3u);
  EXPECT_EQ(t.height(), 3u);
  EXPECT_EQ(id_of(t.cell_at(0, 1)), "a");
  EXPECT_EQ(id_of(t.cell_at(2, 0)), "b");
  EXPECT_EQ(id_of(t.cell_at(1, 1)), "c");  // skips the slot a covers
  EXPECT_EQ(id_of(t.cell_at(2, 1)), "d");
  EXPECT_EQ(id_of(t.cell_at(0, 2)), "e");
  EXPECT_EQ(id_of(t.cell_at(1, 2)), "-");
}

TEST(TableModel, FooterComesLastAndRowspanZeroFillsItsGroup) {
  auto doc = Document::parse(
      "<table id=t><tfoot><tr><td id=f>f</td></tr></tfoot><tbody><tr><td id=z rowspan=0>z</td><td>1</td></tr>"
      "<tr><td id=n>2</td></tr></tbody></table>");
  TableModel t = TableModel::form(*doc->element_by_id("t"));
  EXPECT_EQ(id_of(t.cell_at(0, 1)), "z");
  EXPECT_EQ(id_of(t.cell_at(1, 1)), "n");
  EXPECT_EQ(id_of(t.cell_at(0, 2)), "f");
}

TEST(TableModel, NestedTablesAreNotCells) {
  auto doc = Document::parse("<table id=t><tr><td><table><tr><td id=inner>x</td></tr></table></td></tr></table>");
  TableModel t = TableModel::form(*doc->element_by_id("t"));
  EXPECT_EQ(t.cells().size(), 1u);
  EXPECT_EQ(t.cell_of(*doc->element_by_id("inner")), nullptr);
}

TEST(TableModel, AssignsColumnAndRowHeaders) {
  auto doc = Document::parse(
      "<table id=t><tr><th id=day>Dag</th><th id=fm>Förmiddag</th><th id=em>Eftermiddag</th></tr>"
      "<tr><th id=mon>Mån–fre</th><td id=c1>8–12</td><td id=c2>13–16</td></tr></table>");
  TableModel t = TableModel::form(*doc->element_by_id("t"));
  EXPECT_EQ(headers_of(t, *doc, "c1"), "mon fm");
  EXPECT_EQ(headers_of(t, *doc, "c2"), "mon em");
  EXPECT_EQ(headers_of(t, *doc, "mon"), "day");
  EXPECT_TRUE(t.is_column_header(*t.cell_of(*doc->element_by_id("fm"))));
  EXPECT_TRUE(t.is_row_header(*t.cell_of(*doc->element_by_id("mon"))));
}

TEST(TableModel, HeadersAttributeReplacesTheScan) {
  auto doc = Document::parse(
      "<table id=t><tr><th id=h1>A</th><th id=h2>B</th></tr>"
      "<tr><td id=c headers='h2 c nothere'>1</td><td id=d>2</td></tr></table>");
  TableModel t = TableModel::form(*doc->element_by_id("t"));
  EXPECT_EQ(headers_of(t, *doc, "c"), "h2");  // itself and unknown ids are left out
  EXPECT_EQ(headers_of(t, *doc, "d"), "h2");
}

TEST(TableModel, GroupScopeIsFlagged) {
  auto doc = Document::parse("<table id=t><tr><th scope=colgroup>A</th></tr></table>");
  EXPECT_TRUE(TableModel::form(*doc->element_by_id("t")).uses_group_scope());
}

}  // namespace
}  // namespace granska::html
