// pdf-role-map: every structure type in use is a standard type or maps to one through
// /RoleMap, without loops, and standard types are not remapped (PDF/UA-1 7.1; Matterhorn
// 02-001, 02-003, 02-004). Assistive technology only knows the standard types.
#include "checks/common/document_rules.h"

namespace granska::checks {
namespace {

using namespace engine;
using documents::RoleMapping;

const Message kMapped{"mapped", {"Taggtypen {0} motsvarar standardtypen {1}.", "The tag type {0} maps to the standard type {1}."}};
const Message kStandard{"standard-types", {"Alla taggar i dokumentet har standardtyper.", "Every tag in the document has a standard type."}};
const Message kNoStandard{"not-mapped", {"Taggtypen {0} är inte en standardtyp och motsvarar ingen i /RoleMap.",
                                         "The tag type {0} is not a standard type and maps to none in /RoleMap."}};
const Message kCircular{"circular", {"Taggtypen {0} mappas i en cirkel i /RoleMap och når aldrig en standardtyp.",
                                     "The tag type {0} is mapped in a circle in /RoleMap and never reaches a standard "
                                     "type."}};
const Message kRemapped{"standard-remapped", {"Standardtypen {0} mappas om till {1} i /RoleMap.",
                                              "The standard type {0} is remapped to {1} in /RoleMap."}};

const RuleInfo kInfo{
    .id = "pdf-role-map",
    .title = {"Egna taggtyper motsvarar standardtaggar", "Custom tag types map to standard tags"},
    .description = {"Kontrollerar att egna taggtyper (till exempel från formatmallar) kopplas till en av PDF:ens "
                    "standardtaggar, så att hjälpmedel vet vad de är.",
                    "Checks that custom tag types (for example from paragraph styles) are mapped to one of PDF's "
                    "standard tags, so assistive technology knows what they are."},
    .help = {"Koppla formatmallar till standardtaggar vid export (i InDesign: Exportera taggar i formatmallens "
             "inställningar). I Acrobat Pro: Rollmappning i taggpanelens alternativ.",
             "Map paragraph styles to standard tags when exporting (in InDesign: Export Tagging in the style's "
             "options). In Acrobat Pro: Role Map in the Tags panel's options."},
    .criteria = {sc("1.3.1")},
    .impact = Impact::Moderate,
    .messages = {&kMapped, &kStandard, &kNoStandard, &kCircular, &kRemapped},
    .subject = Subject::Pdf,
    .pdfua = "7.1",
    .matterhorn = {"02-001", "02-003", "02-004"},
};

void evaluate(const DocumentContext& ctx, Reporter& out) {
  if (!doc::has_structure(ctx) || ctx.doc.pdf.elements.empty()) return;
  const auto& mappings = ctx.doc.pdf.role_mappings;
  if (mappings.empty()) {
    out.passed(doc::document_place(), kStandard);
    return;
  }
  for (const RoleMapping& m : mappings) {
    switch (m.status) {
      case RoleMapping::Status::Standard: break;
      case RoleMapping::Status::Mapped: out.passed(doc::document_place(), kMapped, {m.type, m.target}); break;
      case RoleMapping::Status::NoStandard: out.failed(doc::document_place(), kNoStandard, {m.type}); break;
      case RoleMapping::Status::Circular: out.failed(doc::document_place(), kCircular, {m.type}); break;
      case RoleMapping::Status::StandardRemapped:
        out.failed(doc::document_place(), kRemapped, {m.type, m.target});
        break;
    }
  }
}

const RuleRegistration kRegistration(kInfo, evaluate);

}  // namespace
}  // namespace granska::checks
