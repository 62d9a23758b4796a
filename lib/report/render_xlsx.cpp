// SPDX-License-Identifier: GPL-3.0-or-later
// PLACEHOLDER: the XLSX writer is being written (issue #13).
#include "core/error.hpp"
#include "report/render.hpp"

namespace werkstatt::report {

void write_xlsx(const Report&, const std::filesystem::path&) {
    throw Error(ErrorKind::internal, "the xlsx format is not built yet");
}

} // namespace werkstatt::report
