// SPDX-License-Identifier: GPL-3.0-or-later
// The members report. PLACEHOLDER: its sections are being written (issue #13).
#include "report/kinds.hpp"

namespace werkstatt::report {

Report members(Database&, const Request& request, const ReportSettings& settings) {
    return start_report(request, settings, "members " + request.period.str());
}

} // namespace werkstatt::report
