// The site step's results (results/site_data.h) as text for the terminal (`granska site`)
// and as JSON (`granska site --format json`, and the "sites" array of report.json). Texts
// come from site/messages.h in the chosen language; everything from a page is escaped for
// the output (terminal control characters, JSON strings).
#pragma once

#include <functional>
#include <ostream>
#include <string>
#include <vector>

#include "results/site_data.h"
#include "util/lang.h"

namespace granska::reports::site_report {

// One site with its findings, as a JSON object (docs/report-format.md, "sites"), written
// to `out` as it is made. `unit_name` gives a unit's name in the language for an id ("" when
// unknown).
void write_site_json(std::ostream& out, const results::SiteSummary& site,
                     const std::vector<const results::SiteFinding*>& findings, Lang lang,
                     const std::function<std::string(const std::string& unit)>& unit_name);

// Every site, for a person at a terminal.
void write_text(std::ostream& out, const std::vector<results::SiteSummary>& sites,
                const std::vector<results::SiteFinding>& findings, Lang lang,
                const std::function<std::string(const std::string& unit)>& unit_name);

// An outcome as a site result says it: "Godkänd" / "Underkänd" / "Kräver manuell
// granskning" / "Ej tillämplig" (and "Varning (god praxis)" for a failed best-practice check).
std::string outcome_words(results::SiteCheck check, engine::Outcome outcome, Lang lang);

}  // namespace granska::reports::site_report
