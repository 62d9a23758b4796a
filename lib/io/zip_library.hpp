// SPDX-License-Identifier: GPL-3.0-or-later
// minizip (Debian libminizip1), loaded when a zip file (an .xlsx workbook) is first read rather
// than linked: like libxlsxwriter (xlsx_library.hpp), it would cost every start of werkstatt its
// loading and relocation. The functions are those of <minizip/unzip.h>, with their declared
// types; add one to the list to use it.
#pragma once

#include <minizip/unzip.h>

namespace werkstatt {

// The functions of minizip werkstatt calls.
#define WERKSTATT_ZIP_FUNCTIONS(X)                                                                 \
    X(unzOpen2_64)                                                                                 \
    X(unzClose)                                                                                    \
    X(unzLocateFile)                                                                               \
    X(unzGetCurrentFileInfo64)                                                                     \
    X(unzOpenCurrentFile)                                                                          \
    X(unzReadCurrentFile)                                                                          \
    X(unzCloseCurrentFile)

// minizip's functions, resolved from the shared library.
struct ZipLibrary {
#define WERKSTATT_ZIP_POINTER(name) decltype(&::name) name = nullptr;
    WERKSTATT_ZIP_FUNCTIONS(WERKSTATT_ZIP_POINTER)
#undef WERKSTATT_ZIP_POINTER
};

// The shared library werkstatt was built against: "libminizip.so.1".
extern const char* const k_zip_soname;

// Load the shared library `soname` and resolve every function of the list. Throw
// Error(config) naming the library and its Debian package when it cannot be loaded.
ZipLibrary load_zip_library(const char* soname);

// Return minizip, loaded on the first call (k_zip_soname); throw as load_zip_library.
const ZipLibrary& zip_library();

} // namespace werkstatt
