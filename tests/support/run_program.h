// Runs a program as a child process, for end-to-end tests of the granska binary.
#pragma once

#include <string>
#include <vector>

namespace granska::testing {

struct ProgramResult {
  int exit_code = -1;  // -1 when it did not exit normally (crashed / killed)
  std::string out;
  std::string err;
};

// Runs `program` with `args`, feeding `stdin_data`, and waits for it.
ProgramResult run_program(const std::string& program, const std::vector<std::string>& args,
                          const std::string& stdin_data = "");

// run_program on the granska binary under test.
ProgramResult run_granska(const std::vector<std::string>& args, const std::string& stdin_data = "");

}  // namespace granska::testing
