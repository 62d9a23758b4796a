// SPDX-License-Identifier: GPL-3.0-or-later
// The esf report. PLACEHOLDER: its sections are being written (issue #13).
#include "report/kinds.hpp"

namespace werkstatt::report {

Report esf(Database&, const Request& request, const ReportSettings& settings) {
    return start_report(request, settings, "esf " + request.period.str());
}

} // namespace werkstatt::report
