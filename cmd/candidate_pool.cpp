// SPDX-License-Identifier: GPL-3.0-or-later
// werkstatt candidate confirm: a pool that stays fresh (#16)
#include "candidate.hpp"

namespace werkstatt::cli {

void setup_candidate_pool(CLI::App& group, Runtime& rt) {
    (void)group;
    (void)rt;
}

} // namespace werkstatt::cli
