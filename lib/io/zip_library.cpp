// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/zip_library.hpp"
#include "io/shared_library.hpp"

#include "core/error.hpp"
#include "core/i18n.hpp"

#include <fmt/format.h>

namespace werkstatt {

#ifndef WERKSTATT_ZIP_SONAME
#error "WERKSTATT_ZIP_SONAME: the build sets it from the library it found"
#endif
const char* const k_zip_soname = WERKSTATT_ZIP_SONAME;

ZipLibrary load_zip_library(const char* soname) {
    // Kept loaded for the rest of the run.
    void* handle = load_library(soname);
    if (handle == nullptr) {
        throw Error(ErrorKind::config, _f("cannot load {} to read Excel files; install the "
                                          "Debian package libminizip1, or save the sheet as "
                                          "CSV",
                                          soname));
    }
    ZipLibrary lib;
#define WERKSTATT_ZIP_RESOLVE(name)                                                                \
    lib.name = reinterpret_cast<decltype(lib.name)>(library_function(handle, soname, #name));
    WERKSTATT_ZIP_FUNCTIONS(WERKSTATT_ZIP_RESOLVE)
#undef WERKSTATT_ZIP_RESOLVE
    return lib;
}

const ZipLibrary& zip_library() {
    static const ZipLibrary lib = load_zip_library(k_zip_soname);
    return lib;
}

} // namespace werkstatt
