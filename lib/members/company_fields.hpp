// SPDX-License-Identifier: GPL-3.0-or-later
// Validation shared by the company commands and the company import (internal to lib/members).
#pragma once

#include "members/members.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace werkstatt::members_detail {

// Apply `fields` to `company`: validate each given value, derive the district from the PLZ, and
// append the names of changed fields to `changed` and advice to `warnings`.
void apply_fields(Company& company, const CompanyFields& fields, const MemberPolicy& policy,
                  std::vector<std::string>& changed, std::vector<std::string>& warnings);

// Throw Error(bad_data) unless `company` has a key, a name and a PLZ.
void require_complete(const Company& company);

} // namespace werkstatt::members_detail
