// The [status] table (the scan report's status scale) in `granska config check`.
#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "support/run_program.h"

namespace granska {
namespace {

using testing::run_granska;

std::string write_config(const std::string& name, const std::string& status) {
  const std::string path =
      (std::filesystem::temp_directory_path() / ("granska-status-" + std::to_string(::getpid()) + "-" + name)).string();
  std::ofstream(path) << "fallback = \"ks\"\n[[unit]]\nid = \"ks\"\nname_sv = \"Kommunstyrelsen\"\ntype = \"namnd\"\n"
                         "hosts = [\"malmo.se\"]\n"
                      << status;
  return path;
}

TEST(ConfigStatus, ValidTableIsAccepted) {
  const std::string path = write_config("ok.toml",
                                        "[status]\nsatisfactory_min_share = 0.95\npartial_min_share = 0.5\n"
                                        "satisfactory_max_failed_criteria = 2\npartial_max_failed_criteria = -1\n");
  auto r = run_granska({"config", "check", "--config", path});
  std::filesystem::remove(path);
  EXPECT_EQ(r.exit_code, 0) << r.err;
}

TEST(ConfigStatus, EveryProblemIsNamed) {
  const std::string path = write_config("bad.toml",
                                        "[status]\nsatisfactory_min_share = 1.5\npartial_min_share = \"hälften\"\n"
                                        "satisfactory_max_failed_criteria = 2.5\nok_share = 0.5\n");
  auto r = run_granska({"config", "check", "--config", path, "--lang", "en"});
  std::filesystem::remove(path);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find(":8: satisfactory_min_share in [status] must be a share between 0 and 1"), std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find(":9: partial_min_share in [status] must be a share"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(":10: satisfactory_max_failed_criteria in [status] must be a whole number"), std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find(":11: unknown key \"ok_share\" in [status]"), std::string::npos) << r.err;
}

TEST(ConfigStatus, PartialAboveSatisfactoryIsAnError) {
  const std::string path =
      write_config("order.toml", "[status]\nsatisfactory_min_share = 0.5\npartial_min_share = 0.8\n");
  auto r = run_granska({"config", "check", "--config", path, "--lang", "en"});
  std::filesystem::remove(path);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("partial_min_share in [status] is above satisfactory_min_share"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace granska
