// SPDX-License-Identifier: GPL-3.0-or-later
#include "report/model.hpp"

#include <utility>

namespace werkstatt::report {

Cell Cell::of_text(std::string text, std::string code) {
    Cell cell;
    cell.kind = Kind::text;
    cell.text = std::move(text);
    cell.code = std::move(code);
    return cell;
}

Cell Cell::of_count(std::int64_t count) {
    Cell cell;
    cell.kind = Kind::count;
    cell.count = count;
    return cell;
}

Cell Cell::of_number(double number, int decimals) {
    Cell cell;
    cell.kind = Kind::number;
    cell.number = number;
    cell.decimals = decimals;
    return cell;
}

Cell Cell::of_date(const Date& date) {
    Cell cell;
    cell.kind = Kind::date;
    cell.date = date;
    return cell;
}

Cell Cell::of_missing() {
    Cell cell;
    cell.kind = Kind::missing;
    return cell;
}

Cell Cell::of_not_collected() {
    Cell cell;
    cell.kind = Kind::not_collected;
    return cell;
}

} // namespace werkstatt::report
