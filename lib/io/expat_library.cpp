// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/expat_library.hpp"
#include "io/shared_library.hpp"

#include "core/error.hpp"
#include "core/i18n.hpp"

#include <fmt/format.h>

namespace werkstatt {

#ifndef WERKSTATT_EXPAT_SONAME
#error "WERKSTATT_EXPAT_SONAME: the build sets it from the library it found"
#endif
const char* const k_expat_soname = WERKSTATT_EXPAT_SONAME;

ExpatLibrary load_expat_library(const char* soname) {
    // Kept loaded for the rest of the run.
    void* handle = load_library(soname);
    if (handle == nullptr) {
        throw Error(ErrorKind::config, _f("cannot load {} to read Excel files; install the "
                                          "Debian package libexpat1, or save the sheet as "
                                          "CSV",
                                          soname));
    }
    ExpatLibrary lib;
#define WERKSTATT_EXPAT_RESOLVE(name)                                                              \
    lib.name = reinterpret_cast<decltype(lib.name)>(library_function(handle, soname, #name));
    WERKSTATT_EXPAT_FUNCTIONS(WERKSTATT_EXPAT_RESOLVE)
#undef WERKSTATT_EXPAT_RESOLVE
    return lib;
}

const ExpatLibrary& expat_library() {
    static const ExpatLibrary lib = load_expat_library(k_expat_soname);
    return lib;
}

} // namespace werkstatt
