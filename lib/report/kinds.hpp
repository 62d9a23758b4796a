// SPDX-License-Identifier: GPL-3.0-or-later
// The builders of the kinds of report, one file each (kind_<name>.cpp). Each returns the report
// before disclosure control; build() in report.cpp applies it to all of them.
#pragma once

#include "report/report.hpp"

namespace werkstatt::report {

// Return a report of `request` with its head filled in (kind, title, period, days, language,
// network, min_cell) and no sections yet.
Report start_report(const Request& request, const ReportSettings& settings, std::string title);

Report quarterly(Database& db, const Request& request, const ReportSettings& settings);
Report annual(Database& db, const Request& request, const ReportSettings& settings);
Report esf(Database& db, const Request& request, const ReportSettings& settings);
Report rotation(Database& db, const Request& request, const ReportSettings& settings);
Report exchange(Database& db, const Request& request, const ReportSettings& settings);
Report members(Database& db, const Request& request, const ReportSettings& settings);

// Add to the esf `report`, after disclosure control, the summary of the ESF+ indicator codes in
// `lang`, made of its published cells only (a value that would reveal a suppressed cell is
// suppressed too). build() calls it.
void esf_summary(Report& report, Language lang);

} // namespace werkstatt::report
