// The HTML table model (HTML "forming a table" and "internal algorithm for scanning and
// assigning header cells"): which cell covers which slot, and which header cells each cell
// is assigned to. Rules about tables (td-headers-attr, th-has-data-cells) ask here, so they
// agree on rowspan, colspan, scope and headers.
//
// Pure DOM: no CSS, no ARIA roles (a <td role="columnheader"> is a data cell here, as in
// HTML). A TableModel points into its Document, which must outlive it.
#pragma once

#include <cstdint>
#include <unordered_map>
#include <vector>

#include "html/dom.h"

namespace granska::html {

struct TableCell {
  const Node* element;  // the td or th
  std::uint32_t x, y;   // anchor slot (column, row)
  std::uint32_t width, height;
  bool header;  // th
};

class TableModel {
 public:
  // Forms the table of a <table> element: rows from its tr children and those of its
  // thead/tbody/tfoot children (tfoot last), cells from their td/th children. Nested tables
  // are not part of it. colspan is clamped to 1..1000, rowspan to 0..65534 (0: to the end
  // of the row group).
  static TableModel form(const Node& table);

  std::uint32_t width() const { return width_; }
  std::uint32_t height() const { return height_; }
  const std::vector<TableCell>& cells() const { return cells_; }
  // The cell covering slot (x, y); nullptr when the slot is empty or out of range.
  const TableCell* cell_at(std::uint32_t x, std::uint32_t y) const;
  // The cell of a td/th element; nullptr when the element is not a cell of this table.
  const TableCell* cell_of(const Node& element) const;

  // HTML "column header" / "row header" (scope col/row, or auto with no data cell in the
  // header's rows / columns). colgroup/rowgroup scopes are neither here: see uses_group_scope.
  bool is_column_header(const TableCell& c) const;
  bool is_row_header(const TableCell& c) const;
  // True when a th has scope="colgroup" or "rowgroup": those assignments are not modelled,
  // so callers must not conclude that a header is unassigned.
  bool uses_group_scope() const { return group_scope_; }

  // The header cells assigned to `principal`: from its headers attribute when present (ids
  // of cells in this table, itself excluded), else by scanning its row leftwards and its
  // column upwards. In tree order of discovery, without duplicates.
  std::vector<const TableCell*> assigned_headers(const TableCell& principal) const;

 private:
  void scan(const TableCell& principal, std::uint32_t x, std::uint32_t y, int dx, int dy,
            std::vector<const TableCell*>& out) const;

  std::uint32_t width_ = 0;
  std::uint32_t height_ = 0;
  std::vector<TableCell> cells_;
  std::unordered_map<const Node*, std::size_t> index_;  // element → position in cells_
  std::vector<std::int32_t> grid_;  // width_ * height_ slots: index into cells_, -1 empty
  std::vector<bool> row_has_data_, column_has_data_;  // a td covers a slot of the row/column
  bool group_scope_ = false;
};

}  // namespace granska::html
