// SPDX-License-Identifier: GPL-3.0-or-later
// Where import profiles come from ([import.profile.NAME] tables of the configuration files).
#pragma once

#include <string>

namespace werkstatt {

// An import profile ([import.profile.NAME]) and the configuration file that defines it; the
// profile's content is read and checked by lib/import when it is used.
struct ProfileSource {
    std::string name;
    std::string file;
};

} // namespace werkstatt
