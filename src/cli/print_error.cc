#include <iostream>

#include "cli/commands.h"

namespace granska::cli {

void print_error(const std::string& message) { std::cerr << "granska: " << message << "\n"; }

}  // namespace granska::cli
