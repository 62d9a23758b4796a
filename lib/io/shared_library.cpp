// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/shared_library.hpp"

#include "core/error.hpp"
#include "core/i18n.hpp"

#include <dlfcn.h>

namespace werkstatt {

void* load_library(const char* soname) {
    return dlopen(soname, RTLD_NOW | RTLD_LOCAL);
}

void* library_function(void* handle, const char* soname, const char* name) {
    void* function = dlsym(handle, name);
    if (function == nullptr) {
        throw Error(ErrorKind::config,
                    _f("{} lacks the function {}; install the library that werkstatt was built "
                       "with",
                       soname, name));
    }
    return function;
}

} // namespace werkstatt
