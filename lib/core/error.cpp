// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/error.hpp"

namespace werkstatt {

int exit_status_for(ErrorKind kind) {
    switch (kind) {
    case ErrorKind::usage:
        return exit_status::usage;
    case ErrorKind::bad_data:
        return exit_status::bad_data;
    case ErrorKind::not_found:
        return exit_status::not_found;
    case ErrorKind::conflict:
        return exit_status::conflict;
    case ErrorKind::internal:
        return exit_status::internal;
    case ErrorKind::output:
        return exit_status::output;
    case ErrorKind::storage:
        return exit_status::storage;
    case ErrorKind::busy:
        return exit_status::busy;
    case ErrorKind::config:
        return exit_status::config;
    }
    return exit_status::internal;
}

} // namespace werkstatt
