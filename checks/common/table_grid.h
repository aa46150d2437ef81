// A tagged table's cells placed on a grid (rows from TR children of the table and of its
// THead/TBody/TFoot, spans counted), shared by the PDF table rules.
#pragma once

#include <algorithm>
#include <vector>

#include "documents/document.h"

namespace granska::checks::doc {

struct GridCell {
  const documents::Element* element;
  std::size_t row, col, rows, cols;
  bool header() const { return element->role == "TH"; }
  bool overlaps_row(const GridCell& o) const { return row < o.row + o.rows && o.row < row + rows; }
  bool overlaps_col(const GridCell& o) const { return col < o.col + o.cols && o.col < col + cols; }
};

inline std::vector<GridCell> table_grid(const documents::Pdf& p, const documents::Element& table) {
  auto at = [&](int i) -> const documents::Element& { return p.elements[static_cast<std::size_t>(i)]; };
  std::vector<const documents::Element*> rows;
  for (int c : table.children) {
    const documents::Element& k = at(c);
    if (k.role == "TR") rows.push_back(&k);
    if (k.role == "THead" || k.role == "TBody" || k.role == "TFoot") {
      for (int r : k.children) {
        if (at(r).role == "TR") rows.push_back(&at(r));
      }
    }
  }
  std::vector<GridCell> cells;
  std::vector<std::vector<bool>> occupied(rows.size());
  for (std::size_t r = 0; r < rows.size(); ++r) {
    std::size_t col = 0;
    for (int c : rows[r]->children) {
      const documents::Element& cell = at(c);
      if (cell.role != "TH" && cell.role != "TD") continue;
      while (col < occupied[r].size() && occupied[r][col]) ++col;
      const auto rs = std::min(static_cast<std::size_t>(std::max(1, cell.row_span)), rows.size() - r);
      const auto cs = static_cast<std::size_t>(std::max(1, cell.col_span));
      for (std::size_t dr = 0; dr < rs; ++dr) {
        auto& line = occupied[r + dr];
        if (line.size() < col + cs) line.resize(col + cs, false);
        for (std::size_t dc = 0; dc < cs; ++dc) line[col + dc] = true;
      }
      cells.push_back(GridCell{&cell, r, col, rs, cs});
      col += cs;
    }
  }
  return cells;
}

}  // namespace granska::checks::doc
