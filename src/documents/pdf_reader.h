// The PDF and Office readers behind documents::open(). Internal to src/documents.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "documents/budget.h"
#include "documents/document.h"

namespace granska::documents::detail {

// Reads a PDF with qpdf. A password-protected file opens as a Pdf with
// security.password_required and nothing else. `name` names the file in messages.
// pdf.cc, which includes qpdf, is granska's module granska-pdf.so: this opens it on the
// first PDF (src/lazy/lazy.h), so that no other command pays for loading qpdf.
Result<Pdf> read_pdf(std::string_view bytes, const std::string& name, std::vector<Error>& notes, Budget& budget);
using ReadPdf = Result<Pdf>(std::string_view, const std::string&, std::vector<Error>&, Budget&);

// Reads an Office Open XML package (docx, xlsx, pptx) with libzip, bounded against zip bombs.
Result<Office> read_office(std::string_view bytes, Format format, const std::string& name,
                           std::vector<Error>& notes, Budget& budget);

}  // namespace granska::documents::detail

// The module's reader, exported under this unmangled name.
extern "C" granska::documents::detail::ReadPdf* const granska_pdf_read;
