// Defines a C library function as a stub that opens the library on the first call and
// forwards to the real function (see lazy.h). The library's own header must be included
// first: the stub takes its type from the declaration there.
#pragma once

#include "lazy/lazy.h"

#define GRANSKA_LAZY_STUB(soname, ret, name, params, args)                                  \
  extern "C" ret name params {                                                              \
    static const auto real = ::granska::lazy::as<decltype(&name)>(                          \
        ::granska::lazy::library_symbol(soname, #name));                                    \
    return real args;                                                                       \
  }
