// SPDX-License-Identifier: GPL-3.0-or-later
// PLACEHOLDER: the CSV renderer is being written (issue #13).
#include "core/error.hpp"
#include "report/render.hpp"

namespace werkstatt::report {

std::string render_csv(const Table&, const Report&, const ReportSettings&) {
    throw Error(ErrorKind::internal, "the csv format is not built yet");
}

} // namespace werkstatt::report
