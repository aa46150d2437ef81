// libFuzzer target: the TOML configuration files (crawl config and organisation config),
// read from a temporary file as the commands do.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

#include "config/crawl_config.h"
#include "config/org_config.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const std::string path = "/tmp/granska-fuzz-config-" + std::to_string(::getpid()) + ".toml";
  std::FILE* f = std::fopen(path.c_str(), "wb");
  if (!f) return 0;
  std::fwrite(data, 1, size, f);
  std::fclose(f);
  (void)granska::config::load_crawl_config(path);
  std::vector<granska::config::ConfigProblem> problems;
  (void)granska::config::load_org_config(path, problems);
  return 0;
}
