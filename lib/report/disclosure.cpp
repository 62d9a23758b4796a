// SPDX-License-Identifier: GPL-3.0-or-later
// PLACEHOLDER: primary suppression only; secondary suppression is being written (issue #13).
#include "report/disclosure.hpp"

namespace werkstatt::report {

void protect(Report& report, int min_cell) {
    for (auto& section : report.sections) {
        for (auto& table : section.tables) {
            if (table.totals == Totals::none) {
                continue;
            }
            for (auto& row : table.rows) {
                for (auto& cell : row) {
                    if (cell.kind == Cell::Kind::count && cell.count >= 1 &&
                        cell.count <= min_cell) {
                        cell.suppression = Suppression::primary;
                    }
                }
            }
        }
    }
}

} // namespace werkstatt::report
