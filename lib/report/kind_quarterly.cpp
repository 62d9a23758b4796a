// SPDX-License-Identifier: GPL-3.0-or-later
// The quarterly report. PLACEHOLDER: its sections are being written (issue #13).
#include "report/kinds.hpp"

namespace werkstatt::report {

Report quarterly(Database&, const Request& request, const ReportSettings& settings) {
    return start_report(request, settings, "quarterly " + request.period.str());
}

} // namespace werkstatt::report
