#include "documents/pdf_reader.h"
#include "lazy/lazy.h"

namespace granska::documents::detail {

Result<Pdf> read_pdf(std::string_view bytes, const std::string& name, std::vector<Error>& notes, Budget& budget) {
  // Opened once; a missing module fails every PDF with the reason, and the run goes on.
  static std::string error;
  static ReadPdf* const read = [] {
    void* address = lazy::try_module_symbol("granska-pdf", "granska_pdf_read", error);
    return address ? *static_cast<ReadPdf* const*>(address) : nullptr;
  }();
  if (!read) {
    return Error{name + " could not be read: the PDF reader of this installation is missing (" + error + ")",
                 name + " kunde inte läsas: den här installationens PDF-läsare saknas (" + error + ")"};
  }
  return read(bytes, name, notes, budget);
}

}  // namespace granska::documents::detail
