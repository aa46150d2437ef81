// Several report formats from one run (`--format text,sarif --output-dir DIR`), shared by
// `check` and `audit`: each format once, in the order given, to standard output, one file,
// or DIR/granska.<ext>.
#pragma once

#include <functional>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "util/lang.h"

namespace granska::cli {

// The file a format goes to inside --output-dir (reports/formats.h): granska.txt, .json,
// .sarif, .junit.xml, .earl.jsonld, .html.
std::string output_file_name(const std::string& format);

// The formats to write: `given` without repeats, or `fallback` when none was given. Creates
// `output_dir` when set. nullopt (message printed) when several formats have no directory
// or the directory cannot be created.
std::optional<std::vector<std::string>> prepare_formats(const std::vector<std::string>& given,
                                                        const std::string& fallback,
                                                        const std::string& output_dir, Lang lang);

// Writes one report to `path` ("" = standard output) through `write`; false (message
// printed) when the file cannot be opened or the report not written.
bool write_output(const std::string& path, Lang lang, const std::function<void(std::ostream&)>& write);

}  // namespace granska::cli
