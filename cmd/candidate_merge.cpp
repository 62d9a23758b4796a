// SPDX-License-Identifier: GPL-3.0-or-later
// werkstatt candidate duplicates|merge: one person reported twice (#16)
#include "candidate.hpp"

namespace werkstatt::cli {

void setup_candidate_merge(CLI::App& group, Runtime& rt) {
    (void)group;
    (void)rt;
}

} // namespace werkstatt::cli
