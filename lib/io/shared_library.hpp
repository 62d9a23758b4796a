// SPDX-License-Identifier: GPL-3.0-or-later
// Libraries that one input or output needs (libxlsxwriter, minizip, expat) are loaded with
// dlopen() when first used instead of being linked: linked, they would cost every start of
// werkstatt their loading and relocation (bench/startup/). This is the one place that loads them.
#pragma once

namespace werkstatt {

// Return the handle of the shared library `soname` (e.g. "libexpat.so.1"), loaded for the rest
// of the run, or null when it cannot be loaded (the caller says what to install).
void* load_library(const char* soname);

// Return the function `name` of the library `handle` loaded as `soname`. Throw Error(config)
// naming both when the library lacks it (another version than werkstatt was built with).
void* library_function(void* handle, const char* soname, const char* name);

} // namespace werkstatt
