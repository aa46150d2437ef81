// pdf-security: encryption does not keep assistive technology out: no password is needed
// to open the file, and the permission for accessibility (bit 10 of /P) is granted
// (PDF/UA-1 7.16; Matterhorn 26-001, 26-002).
#include "checks/common/document_rules.h"

namespace granska::checks {
namespace {

using namespace engine;

const Message kAllowed{"accessibility-allowed", {"Dokumentet är krypterat men tillåter hjälpmedel att läsa innehållet.",
                                                 "The document is encrypted but lets assistive technology read the "
                                                 "content."}};
const Message kPassword{"password-required", {"Dokumentet kan bara öppnas med lösenord: hjälpmedel och granska kan inte "
                                              "läsa det.",
                                              "The document only opens with a password: neither assistive technology "
                                              "nor granska can read it."}};
const Message kBlocked{"accessibility-blocked",
                       {"Säkerhetsinställningarna hindrar hjälpmedel från att läsa innehållet (behörigheten för "
                        "tillgänglighet, bit 10 i /P, saknas).",
                        "The security settings stop assistive technology from reading the content (the "
                        "accessibility permission, bit 10 of /P, is not set)."}};
const Message kNoP{"no-permissions", {"Dokumentet är krypterat men saknar behörigheter (/P).",
                                      "The document is encrypted but has no permissions (/P)."}};

const RuleInfo kInfo{
    .id = "pdf-security",
    .title = {"Säkerhetsinställningar stänger inte ute hjälpmedel", "Security settings do not block assistive technology"},
    .description = {"Kontrollerar att ett krypterat dokument går att öppna utan lösenord och tillåter "
                    "skärmläsare att läsa texten.",
                    "Checks that an encrypted document opens without a password and lets screen readers read its "
                    "text."},
    .help = {"Ta bort lösenordet för att öppna dokumentet. Behövs skydd mot ändringar: välj i Acrobat "
             "Dokumentegenskaper > Säkerhet och se till att \"Aktivera textåtkomst för skärmläsarenheter\" är ikryssad.",
             "Remove the password needed to open the document. If it must be protected against changes: in "
             "Acrobat choose Document Properties > Security and make sure \"Enable text access for screen reader "
             "devices\" is ticked."},
    .criteria = {sc("1.3.1"), sc("4.1.2")},
    .impact = Impact::Critical,
    .messages = {&kAllowed, &kPassword, &kBlocked, &kNoP},
    .subject = Subject::Pdf,
    .pdfua = "7.16",
    .matterhorn = {"26-001", "26-002"},
};

void evaluate(const DocumentContext& ctx, Reporter& out) {
  const documents::Security& s = ctx.doc.pdf.security;
  if (!s.encrypted) return;
  if (s.password_required) {
    out.failed(doc::document_place(), kPassword);
  } else if (!s.has_permissions) {
    out.failed(doc::document_place(), kNoP);
  } else if (!s.accessibility_allowed) {
    out.failed(doc::document_place(), kBlocked);
  } else {
    out.passed(doc::document_place(), kAllowed);
  }
}

const RuleRegistration kRegistration(kInfo, evaluate);

}  // namespace
}  // namespace granska::checks
