// libxlsxwriter, opened when a scan report writes its workbook (see lazy.h).
#include <xlsxwriter.h>

#include "granska_lazy.h"
#include "lazy/forward.h"

#define L GRANSKA_SONAME_XLSXWRITER

GRANSKA_LAZY_FORWARD(L, lxw_workbook*, workbook_new, (const char* filename), (filename))
GRANSKA_LAZY_FORWARD(L, lxw_error, workbook_close, (lxw_workbook * wb), (wb))
GRANSKA_LAZY_FORWARD(L, lxw_format*, workbook_add_format, (lxw_workbook * wb), (wb))
GRANSKA_LAZY_FORWARD(L, lxw_worksheet*, workbook_add_worksheet, (lxw_workbook * wb, const char* name), (wb, name))
GRANSKA_LAZY_FORWARD(L, lxw_error, workbook_set_properties, (lxw_workbook * wb, lxw_doc_properties* p), (wb, p))
GRANSKA_LAZY_FORWARD(L, void, format_set_align, (lxw_format * f, uint8_t alignment), (f, alignment))
GRANSKA_LAZY_FORWARD(L, void, format_set_bold, (lxw_format * f), (f))
GRANSKA_LAZY_FORWARD(L, void, format_set_num_format, (lxw_format * f, const char* num_format), (f, num_format))
GRANSKA_LAZY_FORWARD(L, void, format_set_text_wrap, (lxw_format * f), (f))
GRANSKA_LAZY_FORWARD(L, char*, lxw_strerror, (lxw_error e), (e))
GRANSKA_LAZY_FORWARD(L, lxw_error, worksheet_autofilter,
                  (lxw_worksheet * ws, lxw_row_t r0, lxw_col_t c0, lxw_row_t r1, lxw_col_t c1), (ws, r0, c0, r1, c1))
GRANSKA_LAZY_FORWARD(L, void, worksheet_freeze_panes, (lxw_worksheet * ws, lxw_row_t r, lxw_col_t c), (ws, r, c))
GRANSKA_LAZY_FORWARD(L, lxw_error, worksheet_set_column,
                  (lxw_worksheet * ws, lxw_col_t c0, lxw_col_t c1, double width, lxw_format* f), (ws, c0, c1, width, f))
GRANSKA_LAZY_FORWARD(L, lxw_error, worksheet_write_datetime,
                  (lxw_worksheet * ws, lxw_row_t r, lxw_col_t c, lxw_datetime* d, lxw_format* f), (ws, r, c, d, f))
GRANSKA_LAZY_FORWARD(L, lxw_error, worksheet_write_number,
                  (lxw_worksheet * ws, lxw_row_t r, lxw_col_t c, double n, lxw_format* f), (ws, r, c, n, f))
GRANSKA_LAZY_FORWARD(L, lxw_error, worksheet_write_string,
                  (lxw_worksheet * ws, lxw_row_t r, lxw_col_t c, const char* s, lxw_format* f), (ws, r, c, s, f))
