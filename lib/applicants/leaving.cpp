// SPDX-License-Identifier: GPL-3.0-or-later
#include "applicants/leaving.hpp"
#include "core/i18n.hpp"

#include "applicants/exchange.hpp"
#include "core/error.hpp"
#include "core/text.hpp"
#include "store/import_store.hpp"

#include <fmt/format.h>

namespace werkstatt {

namespace {

// The cells of one candidate, read and written in one transaction.
class CandidateWrite {
  public:
    CandidateWrite(Database& db, const std::string& key, const std::optional<std::string>& source)
        : m_db(db), m_txn(db), m_record(require_candidate(db, key, source)),
          m_cells(m_record.cells) {}

    std::int64_t id() const { return m_record.id; }
    // Return the stored cell of `column`.
    const Cell& cell(const char* column) const {
        return m_record.cells[candidate_schema().index(column)];
    }
    // Return the stored day of `column`, or nothing.
    std::optional<Date> day(const char* column) const {
        const auto& c = cell(column);
        return c ? Date::parse_iso(*c) : std::nullopt;
    }
    // Set `field` to `value` as `candidate edit` would: the same parsers.
    void set(const std::string& field, const std::string& value) {
        if (const auto p = normalise_field(RecordKind::candidate, field, value,
                                           FieldContext{DateFormat::iso, nullptr}, m_cells)) {
            throw Error(ErrorKind::internal, _f("{} '{}': {}; this is a bug, please report it",
                                                field, value, p->message));
        }
    }
    // Write the cells, audit `action` naming the changed columns, and return them.
    std::vector<std::string> finish(const char* action, DryRun dry_run) {
        const auto& schema = candidate_schema();
        std::vector<std::string> changed;
        for (std::size_t i = 0; i < m_cells.size(); ++i) {
            if (m_cells[i] != m_record.cells[i]) {
                changed.push_back(schema.columns[i]);
            }
        }
        if (changed.empty()) {
            return changed;
        }
        RecordTable(m_db, RecordKind::candidate)
            .update(m_record.id, m_cells, std::nullopt, utc_timestamp());
        m_txn.audit("candidate", m_record.id, action, "fields=" + text::join(changed, ","));
        m_txn.finish(dry_run);
        return changed;
    }

  private:
    Database& m_db;
    WriteTransaction m_txn; // begun before the candidate is read
    ExchangeRecord m_record;
    std::vector<Cell> m_cells;
};

} // namespace

Date add_months(Date day, int months) {
    const int index = day.year() * 12 + (day.month() - 1) + months;
    const int year = index / 12;
    const int month = index % 12 + 1;
    const int last = days_in_month(year, month);
    return *Date::from_ymd(year, month, day.day() < last ? day.day() : last);
}

LeavingOutcome record_exit(Database& db, const std::string& id_or_reference,
                           const std::optional<std::string>& source, Date day,
                           ExitSituation situation, Overwrite overwrite, DryRun dry_run) {
    CandidateWrite w(db, id_or_reference, source);
    LeavingOutcome out{w.id(), {}, {}};
    if (const auto left = w.day("exit_date"); left && overwrite == Overwrite::no) {
        throw Error(ErrorKind::conflict,
                    _f("candidate {} left on {} already; add --force to record the exit "
                       "again, or take it back with --undo",
                       w.id(), human_date(*left)));
    }
    if (const auto entry = w.day("entry_date"); entry && day < *entry) {
        throw Error(ErrorKind::conflict,
                    _f("the exit day {} is before candidate {}'s entry day {}; check "
                       "--date or correct the entry day with 'candidate edit "
                       "--entry-date'",
                       human_date(day), w.id(), human_date(*entry)));
    }
    if (w.cell("status_6m") || w.cell("status_6m_date")) {
        out.warnings.push_back(
            fmt::format("the follow-up recorded for candidate {}'s earlier exit was cleared; "
                        "record it again with 'candidate follow-up'",
                        w.id()));
        w.set("status_6m", "");
        w.set("status_6m_date", "");
    }
    w.set("exit_date", day.iso());
    w.set("exit_situation", std::string(to_string(situation)));
    w.set("active", "false");
    out.changed = w.finish("exit", dry_run);
    return out;
}

LeavingOutcome undo_exit(Database& db, const std::string& id_or_reference,
                         const std::optional<std::string>& source, DryRun dry_run) {
    CandidateWrite w(db, id_or_reference, source);
    if (!w.cell("exit_date") && !w.cell("exit_situation")) {
        throw Error(ErrorKind::conflict,
                    _f("candidate {} has not left; there is no exit to take back", w.id()));
    }
    for (const char* field : {"exit_date", "exit_situation", "status_6m", "status_6m_date"}) {
        w.set(field, "");
    }
    w.set("active", "true");
    return LeavingOutcome{w.id(), w.finish("exit-undo", dry_run), {}};
}

LeavingOutcome record_follow_up(Database& db, const std::string& id_or_reference,
                                const std::optional<std::string>& source, Date day,
                                FollowUpStatus status, Overwrite overwrite, DryRun dry_run) {
    CandidateWrite w(db, id_or_reference, source);
    LeavingOutcome out{w.id(), {}, {}};
    const auto left = w.day("exit_date");
    if (!left) {
        throw Error(ErrorKind::conflict, _f("candidate {} has not left; record the exit first with "
                                            "'werkstatt candidate exit'",
                                            w.id()));
    }
    if (day < *left) {
        throw Error(ErrorKind::conflict,
                    _f("the follow-up day {} is before candidate {}'s exit on {}; check "
                       "--date",
                       human_date(day), w.id(), human_date(*left)));
    }
    if (w.cell("status_6m") && overwrite == Overwrite::no) {
        throw Error(ErrorKind::conflict,
                    _f("candidate {} has a follow-up of {} already; add --force to "
                       "replace it",
                       w.id(), w.cell("status_6m_date").value_or(_("an unknown day"))));
    }
    if (day < add_months(*left, 5) || add_months(*left, 8) < day) {
        out.warnings.push_back(_f(
            "the follow-up day {} is not 5 to 8 months after the exit on {}; the ESF+ counts the "
            "situation six months after leaving (recorded anyway)",
            human_date(day), human_date(*left)));
    }
    w.set("status_6m", std::string(to_string(status)));
    w.set("status_6m_date", day.iso());
    out.changed = w.finish("follow-up", dry_run);
    return out;
}

} // namespace werkstatt
