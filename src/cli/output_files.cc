#include "cli/output_files.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "cli/commands.h"
#include "reports/formats.h"

namespace granska::cli {

std::string output_file_name(const std::string& format) {
  const reports::Format* f = reports::find_format(format);
  return f ? std::string(f->file_name) : "granska.txt";
}

std::optional<std::vector<std::string>> prepare_formats(const std::vector<std::string>& given,
                                                        const std::string& fallback,
                                                        const std::string& output_dir, Lang lang) {
  // "text,sarif" and "--format text --format sarif" alike, each written once.
  std::vector<std::string> formats;
  for (const std::string& f : given.empty() ? std::vector<std::string>{fallback} : given) {
    if (std::find(formats.begin(), formats.end(), f) == formats.end()) formats.push_back(f);
  }
  if (formats.size() > 1 && output_dir.empty()) {
    print_error(tr(lang, "flera format kräver --output-dir KATALOG", "several formats need --output-dir DIR"));
    return std::nullopt;
  }
  if (!output_dir.empty()) {
    std::error_code ec;
    std::filesystem::create_directories(output_dir, ec);
    if (ec) {
      print_error(tr(lang, "kan inte skapa katalogen ", "cannot create the directory ") + output_dir);
      return std::nullopt;
    }
  }
  return formats;
}

bool write_output(const std::string& path, Lang lang, const std::function<void(std::ostream&)>& write) {
  std::ofstream file;
  if (!path.empty()) {
    file.open(path, std::ios::binary);
    if (!file) {
      print_error(tr(lang, "kan inte skriva till ", "cannot write to ") + path);
      return false;
    }
  }
  std::ostream& out = path.empty() ? std::cout : file;
  write(out);
  out.flush();
  if (!out) {
    print_error(tr(lang, "rapporten kunde inte skrivas", "the report could not be written") +
                (path.empty() ? std::string() : ": " + path));
    return false;
  }
  return true;
}

}  // namespace granska::cli
