// HTML table models (html::TableModel), formed once per table and page and shared by the
// table rules (captions, headers, headers attributes, data cells).
#pragma once

#include "engine/rule.h"
#include "html/table.h"

namespace granska::checks {

// The model of `table` (a <table> element of ctx.doc), formed on first use. The reference
// stays valid as long as ctx.aria.
const html::TableModel& table_model(engine::Context& ctx, const html::Node& table);

}  // namespace granska::checks
