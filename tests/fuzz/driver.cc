// A standalone driver for the fuzz targets, for compilers and builds without libFuzzer
// (the GCC sanitizer build in scripts/test.sh). It feeds every seed, then deterministic
// mutations of the seeds (a fixed pseudo-random sequence, so a failure repeats) until the
// time budget is spent. It finds less than coverage-guided libFuzzer (scripts/fuzz.sh), but
// runs in the sanitizer build CI already has, at no extra compile cost.
//
//   fuzz_NAME [--seconds N] [--max-len BYTES] [--ext .html,.css] PATH...
// A PATH that is a directory is walked for files with one of the extensions.
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <random>
#include <string>
#include <string_view>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace {

namespace fs = std::filesystem;

std::vector<std::string> split_commas(std::string_view s) {
  std::vector<std::string> out;
  while (!s.empty()) {
    auto c = s.find(',');
    out.emplace_back(s.substr(0, c));
    if (c == std::string_view::npos) break;
    s.remove_prefix(c + 1);
  }
  return out;
}

bool wanted(const fs::path& p, const std::vector<std::string>& exts) {
  if (exts.empty()) return true;
  std::string e = p.extension().string();
  return std::find(exts.begin(), exts.end(), e) != exts.end();
}

std::string read_file(const fs::path& p, std::size_t max_len) {
  std::ifstream in(p, std::ios::binary);
  std::string s((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (s.size() > max_len) s.resize(max_len);
  return s;
}

// GRANSKA_FUZZ_LAST=FILE: each input is written there before it runs, so the one that
// failed can be replayed (fuzz_NAME FILE).
const char* const kLastInput = std::getenv("GRANSKA_FUZZ_LAST");

void run_one(const std::string& input) {
  if (kLastInput) std::ofstream(kLastInput, std::ios::binary | std::ios::trunc) << input;
  // A copy in a buffer of its own size, so that ASan sees a read past the end; never a
  // null pointer, as libFuzzer never passes one (not even for the empty input).
  std::unique_ptr<std::uint8_t[]> buf(new std::uint8_t[input.size()]);
  std::memcpy(buf.get(), input.data(), input.size());
  LLVMFuzzerTestOneInput(buf.get(), input.size());
}

// Tokens that tend to reach the parsers' edge cases.
const std::string_view kTokens[] = {
    "<", ">", "</", "<!--", "-->", "&#", "&amp;", "\"", "'", "=", "\0", "\xff", "\xef\xbb\xbf",
    "\xc3", "\r\n", "{", "}", ";", ":", "/*", "*/", "\\", "%", "?", "#", "//", "..", "[", "]",
    "-->", "00:00:01.000 --> 00:00:02.000", "\n\n", "9999999999999999999", "-1", "@media", "!important"};

std::string mutate(std::string s, const std::vector<std::string>& seeds, std::mt19937_64& rng,
                   std::size_t max_len) {
  auto pick = [&](std::size_t n) { return n == 0 ? 0 : static_cast<std::size_t>(rng() % n); };
  int rounds = 1 + static_cast<int>(pick(8));
  for (int r = 0; r < rounds; ++r) {
    switch (pick(7)) {
      case 0:  // flip a bit
        if (!s.empty()) s[pick(s.size())] ^= static_cast<char>(1u << pick(8));
        break;
      case 1:  // replace a byte
        if (!s.empty()) s[pick(s.size())] = static_cast<char>(pick(256));
        break;
      case 2: {  // erase a run
        if (s.empty()) break;
        std::size_t at = pick(s.size());
        s.erase(at, 1 + pick(std::min<std::size_t>(64, s.size() - at)));
        break;
      }
      case 3: {  // insert a token
        auto t = kTokens[pick(std::size(kTokens))];
        s.insert(pick(s.size() + 1), t.data(), t.size());
        break;
      }
      case 4: {  // duplicate a run (deep nesting, repeated structures)
        if (s.empty()) break;
        std::size_t at = pick(s.size());
        std::size_t len = 1 + pick(std::min<std::size_t>(256, s.size() - at));
        std::string run = s.substr(at, len);
        for (std::size_t k = 1 + pick(16); k > 0; --k) s.insert(at, run);
        break;
      }
      case 5: {  // splice with another seed
        const std::string& o = seeds[pick(seeds.size())];
        if (o.empty()) break;
        std::size_t from = pick(o.size());
        s.insert(pick(s.size() + 1), o.substr(from, 1 + pick(std::min<std::size_t>(512, o.size() - from))));
        break;
      }
      case 6:  // truncate
        if (!s.empty()) s.resize(pick(s.size()));
        break;
    }
    if (s.size() > max_len) s.resize(max_len);
  }
  return s;
}

}  // namespace

int main(int argc, char** argv) {
  double seconds = 3;
  std::size_t max_len = 65536;
  std::vector<std::string> exts;
  std::vector<fs::path> paths;
  for (int i = 1; i < argc; ++i) {
    std::string_view a = argv[i];
    if (a == "--seconds" && i + 1 < argc) seconds = std::atof(argv[++i]);
    else if (a == "--max-len" && i + 1 < argc) max_len = static_cast<std::size_t>(std::atol(argv[++i]));
    else if (a == "--ext" && i + 1 < argc) exts = split_commas(argv[++i]);
    else paths.emplace_back(a);
  }

  std::vector<fs::path> files;
  for (const auto& p : paths) {
    std::error_code ec;
    if (fs::is_directory(p, ec)) {
      for (auto it = fs::recursive_directory_iterator(p, ec); !ec && it != fs::recursive_directory_iterator();
           it.increment(ec))
        if (it->is_regular_file(ec) && wanted(it->path(), exts)) files.push_back(it->path());
    } else if (fs::is_regular_file(p, ec)) {
      files.push_back(p);
    } else {
      std::fprintf(stderr, "fuzz driver: no such seed file or folder: %s\n", p.c_str());
      return 2;
    }
  }
  std::sort(files.begin(), files.end());  // the same order on every machine

  std::vector<std::string> seeds;
  seeds.reserve(files.size() + 1);
  for (const auto& f : files) seeds.push_back(read_file(f, max_len));
  seeds.emplace_back();  // the empty input is always a case

  for (const auto& s : seeds) run_one(s);

  std::mt19937_64 rng(20181937);  // fixed: the same mutations on every run
  const auto until = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
  std::size_t runs = seeds.size();
  while (std::chrono::steady_clock::now() < until) {
    const std::string& base = seeds[rng() % seeds.size()];
    run_one(mutate(base, seeds, rng, max_len));
    ++runs;
  }
  std::printf("%zu seeds, %zu inputs in %.0f s: no problem found\n", seeds.size() - 1, runs, seconds);
  return 0;
}
