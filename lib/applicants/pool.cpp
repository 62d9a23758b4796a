// SPDX-License-Identifier: GPL-3.0-or-later
#include "applicants/pool.hpp"
#include "core/i18n.hpp"

#include "applicants/exchange.hpp"
#include "core/error.hpp"
#include "store/pool_store.hpp"

#include <fmt/format.h>

namespace werkstatt {

namespace {

// Return the day `text` (YYYY-MM-DD, as the store keeps it) names; a bad stored day is a bug.
Date stored_day(const std::string& text) {
    const auto d = Date::parse_iso(text);
    if (!d) {
        throw Error(ErrorKind::storage, _f("the database holds '{}' where a day belongs; "
                                           "run 'werkstatt db check'",
                                           text));
    }
    return *d;
}

} // namespace

std::vector<PermitEnd> permits_ending(Database& db, Date today, int within_days) {
    std::vector<PermitEnd> out;
    for (const auto& row : permits_until_on_or_before(db, (today + within_days).iso())) {
        out.push_back(PermitEnd{row.candidate_id, stored_day(row.day)});
    }
    return out;
}

Freshness freshness(Date last, Date day, const ExchangeSettings& s) {
    const auto since = day.days() - last.days();
    if (since >= s.pause_days) {
        return Freshness::paused;
    }
    if (since >= s.reconfirm_days) {
        return Freshness::due;
    }
    return Freshness::fresh;
}

std::vector<Confirmation> confirmations_due(Database& db, Date today, const ExchangeSettings& s) {
    std::vector<Confirmation> out;
    const auto until = today + -static_cast<long>(s.reconfirm_days);
    for (const auto& row : last_confirmed_on_or_before(db, until.iso())) {
        const auto last = stored_day(row.day);
        out.push_back(Confirmation{row.candidate_id, last, freshness(last, today, s)});
    }
    return out;
}

const char* freshness_name(Freshness state) {
    switch (state) {
    case Freshness::due:
        return "due";
    case Freshness::paused:
        return "paused";
    case Freshness::fresh:
        break;
    }
    return "fresh";
}

Confirmed confirm_candidate(Database& db, const std::string& id_or_reference,
                            const std::optional<std::string>& source, Date day, DryRun dry_run) {
    const auto record = require_candidate(db, id_or_reference, source);
    const auto& active = record.cells[candidate_schema().index("active")];
    if (active && *active == "0") {
        throw Error(ErrorKind::conflict, _f("candidate {} is archived; make them active again with "
                                            "'werkstatt candidate archive {} --undo' first",
                                            record.id, record.id));
    }
    WriteTransaction tx(db);
    const auto before = set_confirmed_on(db, record.id, day.iso());
    tx.audit("candidate", record.id, "confirm", "confirmed_on");
    tx.finish(dry_run);
    return Confirmed{record.id, day, before};
}

} // namespace werkstatt
