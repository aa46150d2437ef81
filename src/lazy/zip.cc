// libzip, opened on the first Office document (see lazy.h).
#include <zip.h>

#include "granska_lazy.h"
#include "lazy/forward.h"

#define L GRANSKA_SONAME_ZIP

GRANSKA_LAZY_FORWARD(L, void, zip_discard, (zip_t * z), (z))
GRANSKA_LAZY_FORWARD(L, void, zip_error_fini, (zip_error_t * e), (e))
GRANSKA_LAZY_FORWARD(L, void, zip_error_init, (zip_error_t * e), (e))
GRANSKA_LAZY_FORWARD(L, int, zip_fclose, (zip_file_t * f), (f))
GRANSKA_LAZY_FORWARD(L, zip_file_t*, zip_fopen_index, (zip_t * z, zip_uint64_t i, zip_flags_t fl), (z, i, fl))
GRANSKA_LAZY_FORWARD(L, zip_int64_t, zip_fread, (zip_file_t * f, void* buf, zip_uint64_t n), (f, buf, n))
GRANSKA_LAZY_FORWARD(L, const char*, zip_get_name, (zip_t * z, zip_uint64_t i, zip_flags_t fl), (z, i, fl))
GRANSKA_LAZY_FORWARD(L, zip_int64_t, zip_get_num_entries, (zip_t * z, zip_flags_t fl), (z, fl))
GRANSKA_LAZY_FORWARD(L, zip_int64_t, zip_name_locate, (zip_t * z, const char* name, zip_flags_t fl), (z, name, fl))
GRANSKA_LAZY_FORWARD(L, zip_t*, zip_open_from_source, (zip_source_t * s, int flags, zip_error_t* e), (s, flags, e))
GRANSKA_LAZY_FORWARD(L, zip_source_t*, zip_source_buffer_create, (const void* d, zip_uint64_t n, int f, zip_error_t* e),
                  (d, n, f, e))
GRANSKA_LAZY_FORWARD(L, void, zip_source_free, (zip_source_t * s), (s))
