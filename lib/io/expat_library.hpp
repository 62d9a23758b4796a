// SPDX-License-Identifier: GPL-3.0-or-later
// expat (Debian libexpat1), loaded when an .xlsx workbook is first read rather than linked: the
// parts of a workbook are XML, and nothing else of werkstatt parses XML, so no start should pay
// for loading it (see zip_library.hpp). The functions are those of <expat.h>, with their
// declared types; add one to the list to use it.
#pragma once

#include <expat.h>

namespace werkstatt {

// The functions of expat werkstatt calls.
#define WERKSTATT_EXPAT_FUNCTIONS(X)                                                               \
    X(XML_ParserCreate)                                                                            \
    X(XML_ParserFree)                                                                              \
    X(XML_SetUserData)                                                                             \
    X(XML_SetElementHandler)                                                                       \
    X(XML_SetCharacterDataHandler)                                                                 \
    X(XML_Parse)                                                                                   \
    X(XML_StopParser)                                                                              \
    X(XML_GetErrorCode)                                                                            \
    X(XML_ErrorString)                                                                             \
    X(XML_GetCurrentLineNumber)

// expat's functions, resolved from the shared library.
struct ExpatLibrary {
#define WERKSTATT_EXPAT_POINTER(name) decltype(&::name) name = nullptr;
    WERKSTATT_EXPAT_FUNCTIONS(WERKSTATT_EXPAT_POINTER)
#undef WERKSTATT_EXPAT_POINTER
};

// The shared library werkstatt was built against: "libexpat.so.1".
extern const char* const k_expat_soname;

// Load the shared library `soname` and resolve every function of the list. Throw
// Error(config) naming the library and its Debian package when it cannot be loaded.
ExpatLibrary load_expat_library(const char* soname);

// Return expat, loaded on the first call (k_expat_soname); throw as load_expat_library.
const ExpatLibrary& expat_library();

} // namespace werkstatt
