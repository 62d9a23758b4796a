// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/xlsx_library.hpp"
#include "core/i18n.hpp"
#include "io/shared_library.hpp"

#include "core/error.hpp"

#include <fmt/format.h>

namespace werkstatt {

#ifndef WERKSTATT_XLSX_SONAME
#error "WERKSTATT_XLSX_SONAME: the build sets it from the library it found"
#endif
const char* const k_xlsx_soname = WERKSTATT_XLSX_SONAME;

XlsxLibrary load_xlsx_library(const char* soname) {
    // Kept loaded for the rest of the run: the workbook functions are called until it ends.
    void* handle = load_library(soname);
    if (handle == nullptr) {
        throw Error(ErrorKind::config, _f("cannot load {} to write Excel files; install the Debian "
                                          "package libxlsxwriter4, or choose another --format",
                                          soname));
    }
    XlsxLibrary lib;
#define WERKSTATT_XLSX_RESOLVE(name)                                                               \
    lib.name = reinterpret_cast<decltype(lib.name)>(library_function(handle, soname, #name));
    WERKSTATT_XLSX_FUNCTIONS(WERKSTATT_XLSX_RESOLVE)
#undef WERKSTATT_XLSX_RESOLVE
    return lib;
}

const XlsxLibrary& xlsx_library() {
    static const XlsxLibrary lib = load_xlsx_library(k_xlsx_soname);
    return lib;
}

} // namespace werkstatt
