// SPDX-License-Identifier: GPL-3.0-or-later
// werkstatt candidate card|cards|shared: profile cards for member companies and where they went
// (#16)
#include "candidate.hpp"

namespace werkstatt::cli {

void setup_candidate_card(CLI::App& group, Runtime& rt) {
    (void)group;
    (void)rt;
}

} // namespace werkstatt::cli
