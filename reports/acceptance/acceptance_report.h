// The acceptance report of `granska audit` (leveransgodkännande): HTML for the acceptance
// decision, JSON for tools, and a short text summary for the terminal. The decisions
// (per-criterion results, accepted issues, verdict) come from audit::decide(); these
// writers only present them. Everything that comes from a page is escaped.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "audit/accepted.h"
#include "audit/acceptance.h"
#include "audit/audit_run.h"
#include "org/profile.h"
#include "reports/page/report.h"

namespace granska::reports {

// The pages and the login of the audit, as the audit flow recorded them.
using audit::AuditedPage;
using audit::LoginUsed;

struct AcceptanceReport {
  std::string service;  // --service, may be empty
  std::string date;     // "YYYY-MM-DD": the only part that changes between identical runs
  std::string version;  // granska's version
  std::size_t rule_count = 0;
  std::string catalogue_sha256;
  const org::Profile* profile = nullptr;
  LoginUsed login;
  std::vector<AuditedPage> pages;  // in audit order; indices match audit::Issue::page
  const audit::Acceptance* acceptance = nullptr;
  const audit::AcceptedList* accepted = nullptr;  // may be null
  std::string accepted_file;                      // as given, "" when none
};

void write_acceptance_html(std::ostream& out, const AcceptanceReport& report, const Options& options);
// JSON: scope, verdict, one object per criterion, the issues, the pages and their hashes.
void write_acceptance_json(std::ostream& out, const AcceptanceReport& report, const Options& options);
// Plain text for the terminal: verdict, the table, the failures.
void write_acceptance_text(std::ostream& out, const AcceptanceReport& report, const Options& options);

// Shared wording of the report (used by all three writers).
std::string verdict_text(const AcceptanceReport& report, Lang lang);
std::string login_text(const LoginUsed& login, Lang lang);  // "ja (cookie-fil, Basic)" / "nej"
// "Accepterad (till 2027-03-31): <justification>", "Acceptansen gick ut 2026-01-31: …", etc.
std::string issue_state_text(const audit::Issue& issue, const audit::AcceptedList* accepted, Lang lang);

}  // namespace granska::reports
