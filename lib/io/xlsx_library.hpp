// SPDX-License-Identifier: GPL-3.0-or-later
// libxlsxwriter, loaded when a workbook is first written rather than at every start: it pulls in
// OpenSSL's libcrypto, minizip and zlib, whose loading and relocation cost every call of
// werkstatt a few milliseconds (issue 15: scripts call it once per row). The functions are
// those of <xlsxwriter.h>, with their declared types; add one to the list to use it.
#pragma once

#include <xlsxwriter.h>

namespace werkstatt {

// The functions of libxlsxwriter werkstatt calls.
#define WERKSTATT_XLSX_FUNCTIONS(X)                                                                \
    X(workbook_new)                                                                                \
    X(workbook_add_format)                                                                         \
    X(workbook_add_worksheet)                                                                      \
    X(workbook_set_properties)                                                                     \
    X(workbook_close)                                                                              \
    X(format_set_bold)                                                                             \
    X(format_set_italic)                                                                           \
    X(format_set_font_size)                                                                        \
    X(format_set_text_wrap)                                                                        \
    X(format_set_align)                                                                            \
    X(format_set_bottom)                                                                           \
    X(format_set_num_format)                                                                       \
    X(worksheet_write_string)                                                                      \
    X(worksheet_write_number)                                                                      \
    X(worksheet_write_datetime)                                                                    \
    X(worksheet_write_boolean)                                                                     \
    X(worksheet_set_column)                                                                        \
    X(worksheet_freeze_panes)                                                                      \
    X(lxw_strerror)

// libxlsxwriter's functions, resolved from the shared library.
struct XlsxLibrary {
#define WERKSTATT_XLSX_POINTER(name) decltype(&::name) name = nullptr;
    WERKSTATT_XLSX_FUNCTIONS(WERKSTATT_XLSX_POINTER)
#undef WERKSTATT_XLSX_POINTER
};

// The shared library werkstatt was built against: "libxlsxwriter.so.4".
extern const char* const k_xlsx_soname;

// Load the shared library `soname` and resolve every function of the list. Throw
// Error(config) naming the library (and the missing function) when it cannot be loaded.
XlsxLibrary load_xlsx_library(const char* soname);

// Return libxlsxwriter, loaded on the first call (k_xlsx_soname); throw as load_xlsx_library.
const XlsxLibrary& xlsx_library();

} // namespace werkstatt
