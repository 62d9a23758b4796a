// SPDX-License-Identifier: GPL-3.0-or-later
#include "advisory/rule_files.hpp"
#include "core/i18n.hpp"

#include "advisory/catalogue.hpp"
#include "advisory/checklist.hpp"
#include "core/embedded.hpp"
#include "core/error.hpp"
#include "core/text.hpp"
#include "io/toml_reader.hpp"
#include "reference/school_holidays.hpp"
#include "reference/work_rules.hpp"

#include <fmt/format.h>
#include <fstream>
#include <functional>
#include <sstream>

namespace werkstatt {

namespace {

// Return the text of the compiled-in `name` ("data/work_rules.toml").
std::string shipped_text(std::string_view name) {
    const auto text = embedded_file(name);
    if (!text) {
        throw Error(ErrorKind::internal, _f("{} was not compiled in; this is a bug in "
                                            "werkstatt, please report it",
                                            name));
    }
    return std::string(*text);
}

// Return the text of the admin's file `path`, named by the configuration key `key`.
std::string admin_text(const std::string& path, std::string_view key) {
    auto text = read_toml_text(path);
    if (!text) {
        throw Error(ErrorKind::config, _f("cannot read {}; check {}", path, key));
    }
    return std::move(*text);
}

// Return the start of the TOML `text` up to its first table header (a line that starts with
// '['), where its top-level keys are. A cut inside a multi-line string or array leaves that
// value unterminated, so the part does not parse and read_header() falls back to the whole.
std::string_view top_level_part(std::string_view text) {
    std::size_t line = 0;
    while (line < text.size()) {
        const auto first = text.find_first_not_of(" \t", line);
        if (first != std::string_view::npos && text[first] == '[') {
            return text.substr(0, line);
        }
        const auto end = text.find('\n', line);
        if (end == std::string_view::npos) {
            break;
        }
        line = end + 1;
    }
    return text;
}

// Return the TOML `text` parsed whole, or only its top-level part when `top_only` and that
// part parses on its own (the dates and sources are top-level keys).
toml::table parse_header(const std::string& text, const std::string& name, bool top_only) {
    if (top_only) {
        try {
            return parse_toml(top_level_part(text), name);
        } catch (const Error&) {
            // the cut fell inside a value: read the whole text below
        }
    }
    return parse_toml(text, name);
}

// Return the value of the top-level line `key = value` in `part` (the text before the first
// table), or an empty view when there is none.
std::string_view plain_value(std::string_view part, std::string_view key) {
    std::size_t line = 0;
    while (line < part.size()) {
        auto end = part.find('\n', line);
        if (end == std::string_view::npos) {
            end = part.size();
        }
        const auto text = part.substr(line, end - line);
        if (text.substr(0, key.size()) == key) {
            const auto rest = text.substr(key.size());
            const auto eq = rest.find_first_not_of(" \t");
            if (eq != std::string_view::npos && rest[eq] == '=') {
                const auto value = rest.find_first_not_of(" \t", eq + 1);
                if (value != std::string_view::npos) {
                    const auto last = rest.find_last_not_of(" \t\r");
                    return rest.substr(value, last + 1 - value);
                }
            }
        }
        line = end + 1;
    }
    return {};
}

// Read the dates and sources of a compiled-in rule file by a plain scan of its top-level lines
// (`valid_as_of = YYYY-MM-DD`, `valid_until = ...`, `sources = [` with one plain "string" a
// line), without a TOML parse: every command does this at start-up. False when the text has
// any other shape (an escape, a comment after a value, ...): the caller then parses it.
bool scan_header(RuleFile& file, std::string_view text) {
    const auto part = top_level_part(text);
    const auto date = [](std::string_view v) {
        return v.size() == 10 && Date::parse_iso(std::string(v)).has_value();
    };
    const auto as_of = plain_value(part, "valid_as_of");
    const auto until = plain_value(part, "valid_until");
    if (!date(as_of) || (!until.empty() && !date(until))) {
        return false;
    }
    if (plain_value(part, "sources") != "[") {
        return false;
    }
    auto at = part.rfind("sources", 0) == 0 ? 0 : part.find("\nsources");
    if (at == std::string_view::npos) {
        return false;
    }
    at = part.find('\n', at + 1);
    std::string source;
    while (at != std::string_view::npos && at + 1 < part.size()) {
        auto end = part.find('\n', at + 1);
        if (end == std::string_view::npos) {
            return false;
        }
        auto line = part.substr(at + 1, end - at - 1);
        const auto first = line.find_first_not_of(" \t");
        const auto last = line.find_last_not_of(" \t\r");
        if (first == std::string_view::npos) {
            return false;
        }
        line = line.substr(first, last + 1 - first);
        if (line == "]") {
            file.valid_as_of = std::string(as_of);
            file.valid_until = std::string(until);
            file.source = std::move(source);
            return true;
        }
        if (line.size() < 3 || line.front() != '"' || line.substr(line.size() - 2) != "\",") {
            return false;
        }
        const auto value = line.substr(1, line.size() - 3);
        if (value.find_first_of("\"\\") != std::string_view::npos) {
            return false; // an escape or a quote: leave it to the TOML parser
        }
        source += (source.empty() ? "" : "; ") + std::string(value);
        at = end;
    }
    return false;
}

// Fill the dates and source of `file` from the top-level keys of the TOML `text`; with
// `top_only` parse only the part of the text before its first table.
void read_header(RuleFile& file, const std::string& text, bool top_only = false) {
    const auto doc = parse_header(text, file.file, top_only);
    const TableReader r(file.file, doc, "the file");
    if (doc.get("valid_as_of") != nullptr) {
        file.valid_as_of = r.date("valid_as_of");
    }
    if (doc.get("valid_until") != nullptr) {
        file.valid_until = r.date("valid_until");
    }
    file.source = text::join(r.texts("sources"), "; ");
}

// Add to `out` the rule file `file` whose text `load` returns after checking it; with
// BadRuleFile::skip leave out an admin's file that `load` refuses.
void add(std::vector<RuleFile>& out, RuleFile file, const std::function<std::string()>& load,
         BadRuleFile bad) {
    if (bad == BadRuleFile::skip && file.shipped) {
        // Only the dates of a compiled-in file, which the tests check whole when it is built:
        // every command reads them at start-up for the review warning.
        const auto text = shipped_text("data/" + file.file);
        if (!scan_header(file, text)) {
            read_header(file, text, true);
        }
    } else if (bad == BadRuleFile::skip) {
        try {
            read_header(file, load());
        } catch (const Error&) {
            return; // the command that reads this file says what is wrong with it
        }
    } else {
        read_header(file, load());
    }
    out.push_back(std::move(file));
}

} // namespace

std::vector<RuleFile> rule_files(const RuleFileSettings& settings, BadRuleFile bad) {
    std::vector<RuleFile> out;
    add(
        out, RuleFile{_("work rules"), "work_rules.toml", true, "", "", "", _("no")},
        [] {
            auto text = shipped_text("data/work_rules.toml");
            WorkRules::from_toml(text, "work_rules.toml");
            return text;
        },
        bad);

    const auto& hiring = settings.hiring_rules_file;
    add(
        out,
        RuleFile{_("hiring rules"), hiring.empty() ? "hiring_rules.toml" : hiring, hiring.empty(),
                 "", "", "", hiring.empty() ? _("no") : _("replaced (hiring.rules_file)")},
        [&] {
            auto text = hiring.empty() ? shipped_text("data/hiring_rules.toml")
                                       : admin_text(hiring, "hiring.rules_file");
            HiringRules::from_toml(text, hiring.empty() ? "hiring_rules.toml" : hiring);
            return text;
        },
        bad);

    add(
        out,
        RuleFile{_("funding"), "funding.toml", true, "", "", "",
                 settings.funding_files.empty() ? _("no")
                                                : _("extended (catalogue.funding_files)")},
        [] {
            auto text = shipped_text("data/funding.toml");
            parse_funding_toml(text, "funding.toml");
            return text;
        },
        bad);
    for (const auto& path : settings.funding_files) {
        add(
            out,
            RuleFile{_("funding"), path, false, "", "", "", _("admin's (catalogue.funding_files)")},
            [&] {
                auto text = admin_text(path, "catalogue.funding_files");
                parse_funding_toml(text, path);
                return text;
            },
            bad);
    }

    const auto& holidays = settings.school_holidays_file;
    std::string how = holidays.empty() ? _("no") : _("replaced (planner.school_holidays_file)");
    if (settings.school_holiday_periods > 0) {
        const auto n = settings.school_holiday_periods;
        const auto extended =
            fmt::format(fmt::runtime(n_("extended (planner.school_holidays: {} period)",
                                        "extended (planner.school_holidays: {} periods)", n)),
                        n);
        how = holidays.empty() ? extended : how + ", " + extended;
    }
    add(
        out,
        RuleFile{_("school holidays"), holidays.empty() ? "school_holidays.toml" : holidays,
                 holidays.empty(), "", "", "", how},
        [&] {
            auto text = holidays.empty() ? shipped_text("data/school_holidays.toml")
                                         : admin_text(holidays, "planner.school_holidays_file");
            SchoolHolidays::from_toml(text, holidays.empty() ? "school_holidays.toml" : holidays);
            return text;
        },
        bad);
    return out;
}

std::optional<Date> review_due(const RuleFile& file, std::int64_t max_age_months) {
    const auto checked = Date::parse_iso(file.valid_as_of);
    if (!checked) {
        return std::nullopt;
    }
    const auto months = checked->year() * 12L + (checked->month() - 1) + max_age_months;
    const int year = static_cast<int>(months / 12);
    const int month = static_cast<int>(months % 12) + 1;
    const auto day = std::min(checked->day(), days_in_month(year, month));
    return Date::from_ymd(year, month, day);
}

bool is_due_for_review(const RuleFile& file, const Date& today, std::int64_t max_age_months) {
    const auto due = review_due(file, max_age_months);
    return !due || *due < today;
}

std::optional<std::string> stale_rules_warning(const std::vector<RuleFile>& files,
                                               const Date& today, std::int64_t max_age_months) {
    std::string list;
    for (const auto& f : files) {
        if (is_due_for_review(f, today, max_age_months)) {
            list += fmt::format("{}{} ({})", list.empty() ? "" : ", ", f.file,
                                f.valid_as_of.empty() ? _("no valid_as_of")
                                                      : _f("valid as of {}", f.valid_as_of));
        }
    }
    if (list.empty()) {
        return std::nullopt;
    }
    return _f("rule data not checked in the last {} months (rules.max_age_months): {}; check it "
              "against the law and its sources, then update valid_as_of (see werkstatt rules)",
              max_age_months, list);
}

Records rule_file_records(const std::vector<RuleFile>& files, const Date& today,
                          std::int64_t max_age_months) {
    Records r;
    r.columns = {"rules",      "file",  "valid_as_of", "valid_until",
                 "review_due", "state", "overridden",  "source"};
    for (const auto& f : files) {
        const auto due = review_due(f, max_age_months);
        const char* state = !due ? "undated" : (*due < today ? "due" : "current");
        r.rows.push_back({f.rules, f.file, day_or_text(f.valid_as_of), day_or_text(f.valid_until),
                          day_value(due), std::string(state), f.overridden,
                          text_or_null(f.source)});
    }
    return r;
}

} // namespace werkstatt
