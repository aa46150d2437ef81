#include "html/table.h"

#include <algorithm>
#include <optional>
#include <string_view>

#include "util/text.h"

namespace granska::html {

namespace {

// HTML "rules for parsing non-negative integers"; nullopt when there are no digits.
std::optional<long> parse_non_negative(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size() && text::is_html_space(s[i])) ++i;
  if (i < s.size() && s[i] == '+') ++i;
  if (i >= s.size() || s[i] < '0' || s[i] > '9') return std::nullopt;
  long v = 0;
  while (i < s.size() && s[i] >= '0' && s[i] <= '9') {
    if (v < 1'000'000) v = v * 10 + (s[i] - '0');
    ++i;
  }
  return v;
}

std::uint32_t colspan_of(const Node& cell) {
  auto v = cell.attr("colspan");
  std::optional<long> n = v ? parse_non_negative(*v) : std::nullopt;
  if (!n || *n == 0) return 1;
  return static_cast<std::uint32_t>(std::min(*n, 1000L));
}

// 0 means "to the end of the row group".
std::uint32_t rowspan_of(const Node& cell) {
  auto v = cell.attr("rowspan");
  std::optional<long> n = v ? parse_non_negative(*v) : std::nullopt;
  if (!n) return 1;
  return static_cast<std::uint32_t>(std::min(*n, 65534L));
}

struct Builder {
  std::vector<TableCell> cells;
  std::vector<std::vector<std::int32_t>> rows;  // grows as needed
  std::uint32_t width = 0;
  std::uint32_t height = 0;      // rows so far, spans included (HTML y_height)
  std::uint32_t next_y = 0;      // the row the next tr starts (HTML y_current)
  std::vector<std::size_t> growing;  // cells with rowspan 0 in the current row group

  std::int32_t& slot(std::uint32_t x, std::uint32_t y) {
    if (rows.size() <= y) rows.resize(y + 1);
    if (rows[y].size() <= x) rows[y].resize(x + 1, -1);
    return rows[y][x];
  }
  bool occupied(std::uint32_t x, std::uint32_t y) const {
    return y < rows.size() && x < rows[y].size() && rows[y][x] >= 0;
  }
  void place(std::size_t index) {
    const TableCell& c = cells[index];
    for (std::uint32_t yy = c.y; yy < c.y + c.height; ++yy) {
      for (std::uint32_t xx = c.x; xx < c.x + c.width; ++xx) slot(xx, yy) = static_cast<std::int32_t>(index);
    }
    width = std::max(width, c.x + c.width);
    height = std::max(height, c.y + c.height);
  }

  void row(const Node& tr) {
    const std::uint32_t y = next_y++;
    height = std::max(height, y + 1);
    // Cells growing to the end of the group cover this row too.
    for (std::size_t g : growing) {
      TableCell& c = cells[g];
      if (c.y + c.height <= y) {
        c.height = y - c.y + 1;
        place(g);
      }
    }
    std::uint32_t x = 0;
    for (const Node* child : tr.children()) {
      if (!child->is("td") && !child->is("th")) continue;
      while (occupied(x, y)) ++x;
      std::uint32_t span = rowspan_of(*child);
      bool grows = span == 0;
      TableCell c{child, x, y, colspan_of(*child), grows ? 1u : span, child->is("th")};
      cells.push_back(c);
      place(cells.size() - 1);
      if (grows) growing.push_back(cells.size() - 1);
      x += c.width;
    }
  }

  // Processes a row group's rows starting at the current height; rows spanned past the
  // last tr still belong to the table (HTML "ending a row group").
  void group(const Node& section) {
    end_group();
    for (const Node* child : section.children()) {
      if (child->is("tr")) row(*child);
    }
    end_group();
  }
  void end_group() {
    growing.clear();
    next_y = height;
  }
};

}  // namespace

TableModel TableModel::form(const Node& table) {
  Builder b;
  std::vector<const Node*> footers;
  for (const Node* child : table.children()) {
    if (child->is("tr")) {
      b.row(*child);
    } else if (child->is("thead") || child->is("tbody")) {
      b.group(*child);
    } else if (child->is("tfoot")) {
      footers.push_back(child);
    }
  }
  for (const Node* f : footers) b.group(*f);

  TableModel m;
  m.width_ = b.width;
  m.height_ = b.height;
  m.cells_ = std::move(b.cells);
  for (std::size_t i = 0; i < m.cells_.size(); ++i) m.index_.emplace(m.cells_[i].element, i);
  m.grid_.assign(static_cast<std::size_t>(m.width_) * m.height_, -1);
  for (std::uint32_t y = 0; y < b.rows.size() && y < m.height_; ++y) {
    for (std::uint32_t x = 0; x < b.rows[y].size(); ++x) m.grid_[static_cast<std::size_t>(y) * m.width_ + x] = b.rows[y][x];
  }
  // Which rows and columns hold a data cell: what auto-scoped headers are decided by.
  m.row_has_data_.assign(m.height_, false);
  m.column_has_data_.assign(m.width_, false);
  for (std::uint32_t y = 0; y < m.height_; ++y) {
    for (std::uint32_t x = 0; x < m.width_; ++x) {
      const TableCell* c = m.cell_at(x, y);
      if (c && !c->header) m.row_has_data_[y] = m.column_has_data_[x] = true;
    }
  }
  for (const TableCell& c : m.cells_) {
    if (!c.header) continue;
    auto scope = c.element->attr("scope");
    if (scope && (text::iequals(text::trim(*scope), "colgroup") || text::iequals(text::trim(*scope), "rowgroup"))) {
      m.group_scope_ = true;
    }
  }
  return m;
}

const TableCell* TableModel::cell_at(std::uint32_t x, std::uint32_t y) const {
  if (x >= width_ || y >= height_) return nullptr;
  std::int32_t i = grid_[static_cast<std::size_t>(y) * width_ + x];
  return i < 0 ? nullptr : &cells_[static_cast<std::size_t>(i)];
}

const TableCell* TableModel::cell_of(const Node& element) const {
  auto it = index_.find(&element);
  return it == index_.end() ? nullptr : &cells_[it->second];
}

namespace {
enum class Scope { Auto, Row, Col, Group };
Scope scope_of(const TableCell& c) {
  auto s = c.element->attr("scope");
  if (!s) return Scope::Auto;
  std::string_view v = text::trim(*s);
  if (text::iequals(v, "row")) return Scope::Row;
  if (text::iequals(v, "col")) return Scope::Col;
  if (text::iequals(v, "rowgroup") || text::iequals(v, "colgroup")) return Scope::Group;
  return Scope::Auto;
}
}  // namespace

bool TableModel::is_column_header(const TableCell& c) const {
  if (!c.header) return false;
  Scope s = scope_of(c);
  if (s == Scope::Col) return true;
  if (s != Scope::Auto) return false;
  for (std::uint32_t y = c.y; y < c.y + c.height && y < height_; ++y) {
    if (row_has_data_[y]) return false;
  }
  return true;
}

bool TableModel::is_row_header(const TableCell& c) const {
  if (!c.header) return false;
  Scope s = scope_of(c);
  if (s == Scope::Row) return true;
  if (s != Scope::Auto || is_column_header(c)) return false;
  for (std::uint32_t x = c.x; x < c.x + c.width && x < width_; ++x) {
    if (column_has_data_[x]) return false;
  }
  return true;
}

std::vector<const TableCell*> TableModel::assigned_headers(const TableCell& principal) const {
  std::vector<const TableCell*> out;
  if (auto headers = principal.element->attr("headers")) {
    std::string_view v = *headers;
    std::size_t i = 0;
    while (i < v.size()) {
      while (i < v.size() && text::is_html_space(v[i])) ++i;
      std::size_t start = i;
      while (i < v.size() && !text::is_html_space(v[i])) ++i;
      if (i == start) continue;
      // HTML: the first element in the document with that id, if it is a cell of this table.
      const Node* target = principal.element->document().element_by_id(v.substr(start, i - start));
      const TableCell* c = target ? cell_of(*target) : nullptr;
      if (c && c != &principal && std::find(out.begin(), out.end(), c) == out.end()) out.push_back(c);
    }
    return out;
  }
  for (std::uint32_t y = principal.y; y < principal.y + principal.height; ++y) scan(principal, principal.x, y, -1, 0, out);
  for (std::uint32_t x = principal.x; x < principal.x + principal.width; ++x) scan(principal, x, principal.y, 0, -1, out);
  return out;
}

void TableModel::scan(const TableCell& principal, std::uint32_t x0, std::uint32_t y0, int dx, int dy,
                      std::vector<const TableCell*>& out) const {
  bool in_header_block = principal.header;
  std::vector<const TableCell*> block;
  if (principal.header) block.push_back(&principal);
  std::vector<const TableCell*> opaque;
  long x = x0;
  long y = y0;
  for (;;) {
    x += dx;
    y += dy;
    if (x < 0 || y < 0) break;
    const TableCell* c = cell_at(static_cast<std::uint32_t>(x), static_cast<std::uint32_t>(y));
    if (!c || c == &principal) continue;
    if (c->header) {
      in_header_block = true;
      block.push_back(c);
      bool blocked = false;
      if (dx == 0) {
        for (const TableCell* o : opaque) blocked = blocked || (o->x == c->x && o->width == c->width);
        if (!is_column_header(*c)) blocked = true;
      } else {
        for (const TableCell* o : opaque) blocked = blocked || (o->y == c->y && o->height == c->height);
        if (!is_row_header(*c)) blocked = true;
      }
      if (!blocked && std::find(out.begin(), out.end(), c) == out.end()) out.push_back(c);
    } else if (in_header_block) {
      in_header_block = false;
      opaque.insert(opaque.end(), block.begin(), block.end());
      block.clear();
    }
  }
}

}  // namespace granska::html
