// SPDX-License-Identifier: GPL-3.0-or-later
// The parts of the `werkstatt company` group that live in their own files.
#pragma once

#include "members/members.hpp"
#include "output.hpp"
#include "runtime.hpp"

namespace werkstatt::cli {

// Add `company list`, `company show` and `company import` to `group`.
void setup_company_list(CLI::App& group, Runtime& rt);
void setup_company_show(CLI::App& group, Runtime& rt);
void setup_company_import(CLI::App& group, Runtime& rt);

// Return how the register treats a PLZ outside Sachsen-Anhalt, from companies.outside_plz.
MemberPolicy member_policy(Runtime& rt);

} // namespace werkstatt::cli
