// Defines a C library function as a forwarder that opens the library on the first call and
// calls the real function (see lazy.h). The library's own header must be included first:
// the forwarder takes its type from the declaration there.
#pragma once

#include "lazy/lazy.h"

// The real `name` in the library `soname`, looked up once.
#define GRANSKA_LAZY_REAL(soname, name)                                                     \
  static const auto real = ::granska::lazy::as<decltype(&name)>(                            \
      ::granska::lazy::library_symbol(soname, #name))

#define GRANSKA_LAZY_FORWARD(soname, ret, name, params, args)                               \
  extern "C" ret name params {                                                              \
    GRANSKA_LAZY_REAL(soname, name);                                                        \
    return real args;                                                                       \
  }
