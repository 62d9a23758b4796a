// SPDX-License-Identifier: GPL-3.0-or-later
#include "reference/school_holidays.hpp"
#include "core/i18n.hpp"

#include "core/embedded.hpp"
#include "core/error.hpp"
#include "io/toml_reader.hpp"

#include <fmt/format.h>
#include <fstream>
#include <sstream>

namespace werkstatt {

namespace {

// Return the date of `key` in `r`, which must be there; `what` says what it is for the message.
Date required_date(const TableReader& r, std::string_view key, std::string_view what) {
    if (r.node().get(key) == nullptr) {
        throw Error(ErrorKind::config, _f("{}: '{}' is missing in {}; add {} = YYYY-MM-DD",
                                          r.source(), key, what, key));
    }
    return *Date::parse_iso(r.date(key));
}

} // namespace

SchoolHolidays SchoolHolidays::from_toml(std::string_view text, std::string_view source) {
    const auto doc = parse_toml(text, source);
    const TableReader file(source, doc, "the file");
    file.check_keys({"valid_as_of", "valid_until", "sources", "holiday"});
    SchoolHolidays out;
    out.m_origin = std::string(source);
    out.m_valid_as_of = file.date("valid_as_of");
    out.m_valid_until = required_date(file, "valid_until", "the file");
    out.m_sources = file.texts("sources");
    for (const auto* table : file.tables("holiday")) {
        const TableReader r(source, *table, "a holiday");
        r.check_keys({"school_year", "name", "start", "end", "note"});
        const auto start = required_date(r, "start", "a [[holiday]]");
        const auto end = required_date(r, "end", "a [[holiday]]");
        const auto period = Period::between(start, end);
        if (!period) {
            r.fail(*table->get("end"), fmt::format("the holiday ends on {}, before it starts on "
                                                   "{}; correct start or end",
                                                   end.iso(), start.iso()));
        }
        if (out.m_valid_until < end) {
            r.fail(*table->get("end"),
                   fmt::format("the holiday ends on {}, after valid_until {}; move valid_until "
                               "to the last day the file covers",
                               end.iso(), out.m_valid_until.iso()));
        }
        out.m_holidays.push_back(SchoolHoliday{r.text("school_year", false), r.text("name", true),
                                               *period, r.text("note", false)});
    }
    return out;
}

const SchoolHolidays& SchoolHolidays::shipped() {
    static const SchoolHolidays holidays = [] {
        const auto text = embedded_file("data/school_holidays.toml");
        if (!text) {
            throw Error(ErrorKind::internal,
                        _("the school holidays were not compiled in; this is a "
                          "bug in werkstatt, please report it"));
        }
        return from_toml(*text, "school_holidays.toml");
    }();
    return holidays;
}

SchoolHolidays SchoolHolidays::load(const std::string& path) {
    if (path.empty()) {
        return shipped();
    }
    const auto text = read_toml_text(path);
    if (!text) {
        throw Error(ErrorKind::config, _f("cannot read the school holidays {}; check "
                                          "planner.school_holidays_file",
                                          path));
    }
    return from_toml(*text, path);
}

} // namespace werkstatt
