// SPDX-License-Identifier: GPL-3.0-or-later
// The exchange report. PLACEHOLDER: its sections are being written (issue #13).
#include "report/kinds.hpp"

namespace werkstatt::report {

Report exchange(Database&, const Request& request, const ReportSettings& settings) {
    return start_report(request, settings, "exchange " + request.period.str());
}

} // namespace werkstatt::report
