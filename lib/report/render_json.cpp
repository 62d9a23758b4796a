// SPDX-License-Identifier: GPL-3.0-or-later
// PLACEHOLDER: the json renderer is being written (issue #13).
#include "core/error.hpp"
#include "report/render.hpp"

namespace werkstatt::report {

std::string render_json(const Report&) {
    throw Error(ErrorKind::internal, "the json format is not built yet");
}

} // namespace werkstatt::report
