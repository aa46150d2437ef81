// Random damage to real documents (bytes flipped, files cut short) must give an Error or a
// model that every document rule can evaluate: never a crash, an exception or a hang. The
// generator is seeded, so a failure reproduces.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>

#include "documents/document.h"
#include "engine/evaluate.h"
#include "support/test_paths.h"

namespace granska::documents {
namespace {

void check_survives(const std::string& bytes, const std::string& name) {
  Limits limits;
  limits.max_time = std::chrono::milliseconds(2000);
  limits.max_stream_bytes = 4 * 1024 * 1024;
  Result<Document> d = open(bytes, name, limits);
  if (!d) {
    EXPECT_FALSE(d.error().message.empty()) << name;
    return;
  }
  engine::PageEvaluation ev = engine::evaluate(*d, name, engine::Registry::builtin());
  for (const engine::RuleResult& r : ev.rules) EXPECT_TRUE(r.error.empty()) << name << " " << r.rule->info.id << ": " << r.error;
}

std::vector<std::string> inputs() {
  std::vector<std::string> files;
  for (const char* f : {"tagged.pdf", "untagged.pdf", "form.pdf", "no-accessibility.pdf", "good.docx", "slides.pptx",
                        "book.xlsx"}) {
    files.push_back(testing::fixture_path(std::string("documents/") + f));
  }
  // A few real-world-made files from the PDF/UA corpus when it is beside the repository.
  const std::string corpus = testing::source_dir() + "/../shared/pdfua/PDF_UA-1/7.2 Text";
  if (std::filesystem::is_directory(corpus)) {
    for (const char* f : {"7.2-t03-pass-a.pdf", "7.2-t21-pass-a.pdf", "7.2-t30-pass-b.pdf"}) {
      if (std::filesystem::exists(corpus + "/" + f)) files.push_back(corpus + "/" + f);
    }
  }
  return files;
}

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

TEST(DocumentRobustness, FlippedBytesNeverCrash) {
  std::mt19937 rng(20261207);
  for (const std::string& path : inputs()) {
    const std::string original = slurp(path);
    ASSERT_FALSE(original.empty()) << path;
    for (int round = 0; round < 60; ++round) {
      std::string bytes = original;
      const int flips = 1 + static_cast<int>(rng() % 16);
      for (int i = 0; i < flips; ++i) {
        bytes[rng() % bytes.size()] = static_cast<char>(rng() & 0xFF);
      }
      check_survives(bytes, path + " #" + std::to_string(round));
    }
  }
}

TEST(DocumentRobustness, TruncatedFilesNeverCrash) {
  for (const std::string& path : inputs()) {
    const std::string original = slurp(path);
    for (std::size_t cut = 0; cut < original.size(); cut += std::max<std::size_t>(1, original.size() / 40)) {
      check_survives(original.substr(0, cut), path + " cut at " + std::to_string(cut));
    }
  }
}

}  // namespace
}  // namespace granska::documents
