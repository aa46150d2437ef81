#include "checks/common/table_models.h"

#include <unordered_map>

namespace granska::checks {

namespace {
struct PageTables {
  std::unordered_map<const html::Node*, html::TableModel> models;  // nodes keep their address
};
}  // namespace

const html::TableModel& table_model(engine::Context& ctx, const html::Node& table) {
  auto& models = ctx.aria.page_fact<PageTables>([] { return PageTables{}; }).models;
  auto it = models.find(&table);
  if (it == models.end()) it = models.emplace(&table, html::TableModel::form(table)).first;
  return it->second;
}

}  // namespace granska::checks
