// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/report_store.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <algorithm>
#include <fmt/format.h>
#include <map>

namespace werkstatt {

namespace {

// The day each fact happened, as the header's counting rules define it.
constexpr const char* k_entry = "COALESCE(c.entry_date, substr(c.created_at, 1, 10))";
constexpr const char* k_left =
    "COALESCE(c.exit_date, CASE WHEN c.active = 0 THEN substr(c.updated_at, 1, 10) END)";
constexpr const char* k_proposed = "substr(p.created_at, 1, 10)";
constexpr const char* k_hired =
    "COALESCE(p.hired_on, CASE WHEN p.status = 'hired' THEN substr(p.updated_at, 1, 10) END)";
constexpr const char* k_company_left =
    "COALESCE(co.left_on, CASE WHEN co.active = 0 THEN substr(co.updated_at, 1, 10) END)";
// An event counts as held when it is marked held or has attendance recorded.
constexpr const char* k_held =
    "(e.status = 'held' OR (e.status <> 'cancelled' AND EXISTS (SELECT 1 FROM registration r2 "
    "WHERE r2.event_id = e.id AND r2.status IN ('attended', 'no-show', 'excused'))))";

// Return the step a placement `p` had reached on the day bound as ?`param`.
std::string step_on(int param) {
    return fmt::format("CASE WHEN {hired} <= ?{n} THEN 'hired' "
                       "WHEN COALESCE(p.closed_on, CASE WHEN p.status IN ('declined', 'withdrawn') "
                       "THEN substr(p.updated_at, 1, 10) END) <= ?{n} "
                       "THEN CASE WHEN p.status = 'declined' THEN 'declined' ELSE 'withdrawn' END "
                       "WHEN COALESCE(p.interview_on, CASE WHEN p.status = 'interview' "
                       "THEN substr(p.updated_at, 1, 10) END) <= ?{n} THEN 'interview' "
                       "WHEN COALESCE(p.introduced_on, CASE WHEN p.status = 'introduced' "
                       "THEN substr(p.updated_at, 1, 10) END) <= ?{n} THEN 'introduced' "
                       "ELSE 'proposed' END",
                       fmt::arg("hired", k_hired), fmt::arg("n", param));
}

// Return the quarter bucket (year * 4 + quarter - 1) of the day expression `day`.
std::string bucket_of(const std::string& day) {
    return fmt::format("(CAST(substr({0}, 1, 4) AS INTEGER) * 4 + "
                       "(CAST(substr({0}, 6, 2) AS INTEGER) - 1) / 3)",
                       day);
}

// Return the SQL expression of `group` over candidate `c` (NULL when not recorded).
const char* group_expression(CandidateGroup group) {
    switch (group) {
    case CandidateGroup::district:
        return "NULLIF(c.district_ags, '')";
    case CandidateGroup::german:
        return "NULLIF(c.german, '')";
    case CandidateGroup::occupation_area:
        return "NULLIF(substr(c.kldb, 1, 1), '')";
    case CandidateGroup::residence_status:
        return "NULLIF(c.residence_status, 'unknown')";
    }
    return "NULL";
}

std::optional<std::string> optional_text(const SQLite::Column& column) {
    if (column.isNull()) {
        return std::nullopt;
    }
    return column.getString();
}

void bind_period(SQLite::Statement& q, const std::string& first, const std::string& last) {
    q.bind(1, first);
    q.bind(2, last);
}

} // namespace

std::vector<ReportEventRow> report_events(Database& db, const std::string& first,
                                          const std::string& last) {
    SQLite::Statement q(
        db.sql(),
        "SELECT e.id, e.date, e.kind, e.status, e.title, co.key, co.name, "
        "COALESCE((SELECT group_concat(title, '; ') FROM (SELECT t.title FROM event_topic et "
        "JOIN topic t ON t.id = et.topic_id WHERE et.event_id = e.id ORDER BY et.position)), ''), "
        "(SELECT COUNT(*) FROM registration r WHERE r.event_id = e.id), "
        "(SELECT COUNT(*) FROM registration r WHERE r.event_id = e.id AND r.status = 'attended'), "
        "(SELECT COUNT(*) FROM registration r WHERE r.event_id = e.id AND r.status = 'excused'), "
        "(SELECT COUNT(*) FROM registration r WHERE r.event_id = e.id AND r.status = 'no-show'), "
        "(SELECT COUNT(DISTINCT r.company_id) FROM registration r WHERE r.event_id = e.id "
        "AND r.status = 'attended') "
        "FROM event e JOIN company co ON co.id = e.host_company_id "
        "WHERE e.status <> 'cancelled' AND e.date BETWEEN ?1 AND ?2 ORDER BY e.date, e.id");
    bind_period(q, first, last);
    std::vector<ReportEventRow> out;
    while (q.executeStep()) {
        ReportEventRow row;
        row.id = q.getColumn(0).getInt64();
        row.date = q.getColumn(1).getString();
        row.kind = q.getColumn(2).getString();
        row.status = q.getColumn(3).getString();
        row.title = q.getColumn(4).getString();
        row.host_key = q.getColumn(5).getString();
        row.host_name = q.getColumn(6).getString();
        row.topics = q.getColumn(7).getString();
        row.registered = q.getColumn(8).getInt64();
        row.attended = q.getColumn(9).getInt64();
        row.excused = q.getColumn(10).getInt64();
        row.no_show = q.getColumn(11).getInt64();
        row.companies = q.getColumn(12).getInt64();
        out.push_back(std::move(row));
    }
    return out;
}

MemberTurnout member_turnout(Database& db, const std::string& first, const std::string& last) {
    SQLite::Statement q(
        db.sql(),
        fmt::format("SELECT COUNT(*), COALESCE(SUM(EXISTS (SELECT 1 FROM registration r "
                    "JOIN event e ON e.id = r.event_id WHERE r.company_id = co.id "
                    "AND r.status = 'attended' AND e.date BETWEEN ?1 AND ?2 AND {held})), 0) "
                    "FROM company co WHERE (co.member_since IS NULL OR co.member_since <= ?2) "
                    "AND ({left} IS NULL OR {left} >= ?1)",
                    fmt::arg("held", k_held), fmt::arg("left", k_company_left)));
    bind_period(q, first, last);
    q.executeStep();
    return MemberTurnout{q.getColumn(0).getInt64(), q.getColumn(1).getInt64()};
}

namespace {

constexpr std::array<CandidateGroup, 4> k_breakdowns = {
    CandidateGroup::district, CandidateGroup::german, CandidateGroup::occupation_area,
    CandidateGroup::residence_status};

std::string breakdown_keys() {
    return fmt::format("{} AS k0, {} AS k1, {} AS k2, {} AS k3", group_expression(k_breakdowns[0]),
                       group_expression(k_breakdowns[1]), group_expression(k_breakdowns[2]),
                       group_expression(k_breakdowns[3]));
}

// One key's running counts while the candidates stream by.
struct Tally {
    bool null = true;
    std::string key;
    std::int64_t fresh = 0;
    std::int64_t active = 0;
};

// Return the tally of the key in `column`, added if new. A breakdown has a few dozen keys at
// most (districts, CEFR levels, KldB areas, residence groups), so a linear search is the fastest.
Tally& tally_of(std::vector<Tally>& tallies, const SQLite::Column& column) {
    const bool null = column.isNull();
    const char* text = null ? "" : column.getText();
    const std::string_view key(text, null ? 0 : static_cast<std::size_t>(column.getBytes()));
    for (auto& t : tallies) {
        if (t.null == null && t.key == key) {
            return t;
        }
    }
    tallies.push_back(Tally{null, std::string(key), 0, 0});
    return tallies.back();
}

} // namespace

std::array<std::vector<CandidateCount>, 4>
count_candidates_by_group(Database& db, const std::string& first, const std::string& last) {
    const auto& groups = k_breakdowns;
    const auto keys = breakdown_keys();
    // The candidates active in the period, streamed once and counted per key here: SQLite has no
    // hash aggregation, and a GROUP BY sorts every candidate by four text keys (2.0 s of 2.4 s
    // at 1,000,000 candidates; this way 0.6 s). Only the counts are kept, never the rows.
    std::array<std::vector<Tally>, 4> tallies;
    SQLite::Statement q(db.sql(),
                        fmt::format("SELECT {keys}, {entry} >= ?1 FROM candidate c "
                                    "WHERE {entry} <= ?2 AND ({left} IS NULL OR {left} >= ?1)",
                                    fmt::arg("keys", keys), fmt::arg("entry", k_entry),
                                    fmt::arg("left", k_left)));
    bind_period(q, first, last);
    while (q.executeStep()) {
        const bool fresh = q.getColumn(4).getInt() != 0;
        for (std::size_t g = 0; g < groups.size(); ++g) {
            auto& t = tally_of(tallies[g], q.getColumn(static_cast<int>(g)));
            t.fresh += fresh ? 1 : 0;
            ++t.active;
        }
    }
    std::array<std::map<std::optional<std::string>, CandidateCount>, 4> by_key;
    for (std::size_t g = 0; g < groups.size(); ++g) {
        for (auto& t : tallies[g]) {
            auto k = t.null ? std::nullopt : std::optional<std::string>(std::move(t.key));
            auto& count = by_key[g][k];
            count.key = k;
            count.new_count += t.fresh;
            count.active_count += t.active;
        }
    }
    // Hired persons (each once) per group; the groups hired people fall in are among the active
    // ones unless their records say they left before the period.
    SQLite::Statement h(db.sql(),
                        fmt::format("SELECT {keys}, COUNT(DISTINCT c.id) FROM placement p "
                                    "JOIN candidate c ON c.id = p.candidate_id "
                                    "WHERE {hired} BETWEEN ?1 AND ?2 GROUP BY k0, k1, k2, k3",
                                    fmt::arg("keys", keys), fmt::arg("hired", k_hired)));
    bind_period(h, first, last);
    while (h.executeStep()) {
        for (std::size_t g = 0; g < groups.size(); ++g) {
            const auto k = optional_text(h.getColumn(static_cast<int>(g)));
            auto& count = by_key[g][k];
            count.key = k;
            count.hired += h.getColumn(4).getInt64();
        }
    }
    // Not recorded (no key) first, then by key: std::optional orders nothing before a value.
    std::array<std::vector<CandidateCount>, 4> out;
    for (std::size_t g = 0; g < groups.size(); ++g) {
        for (auto& [key, count] : by_key[g]) {
            out[static_cast<std::size_t>(groups[g])].push_back(std::move(count));
        }
    }
    return out;
}

std::vector<CandidateCount> count_candidates(Database& db, CandidateGroup group,
                                             const std::string& first, const std::string& last) {
    return count_candidates_by_group(db, first, last)[static_cast<std::size_t>(group)];
}

std::array<std::vector<QuarterCount>, 4>
new_candidates_by_quarter_by_group(Database& db, const std::string& first,
                                   const std::string& last) {
    const auto& groups = k_breakdowns;
    SQLite::Statement q(
        db.sql(), fmt::format("SELECT {k0} AS k0, {k1} AS k1, {k2} AS k2, {k3} AS k3, "
                              "{bucket} AS b, COUNT(*) FROM candidate c "
                              "WHERE {entry} BETWEEN ?1 AND ?2 GROUP BY k0, k1, k2, k3, b",
                              fmt::arg("k0", group_expression(groups[0])),
                              fmt::arg("k1", group_expression(groups[1])),
                              fmt::arg("k2", group_expression(groups[2])),
                              fmt::arg("k3", group_expression(groups[3])),
                              fmt::arg("bucket", bucket_of(k_entry)), fmt::arg("entry", k_entry)));
    bind_period(q, first, last);
    // Per group: (key, bucket) -> count, ordered as the query per group ordered it: not recorded
    // first, then by key, then by bucket.
    std::array<std::map<std::pair<std::optional<std::string>, int>, std::int64_t>, 4> by_key;
    while (q.executeStep()) {
        const auto bucket = q.getColumn(4).getInt();
        const auto n = q.getColumn(5).getInt64();
        for (std::size_t g = 0; g < groups.size(); ++g) {
            by_key[g][{optional_text(q.getColumn(static_cast<int>(g))), bucket}] += n;
        }
    }
    std::array<std::vector<QuarterCount>, 4> out;
    for (std::size_t g = 0; g < groups.size(); ++g) {
        for (const auto& [key, n] : by_key[g]) {
            out[static_cast<std::size_t>(groups[g])].push_back(
                QuarterCount{key.first, key.second, n});
        }
    }
    return out;
}

std::vector<QuarterCount> new_candidates_by_quarter(Database& db, CandidateGroup group,
                                                    const std::string& first,
                                                    const std::string& last) {
    return new_candidates_by_quarter_by_group(db, first, last)[static_cast<std::size_t>(group)];
}

std::vector<QuarterCount> hires_by_quarter(Database& db, const std::string& first,
                                           const std::string& last) {
    SQLite::Statement q(db.sql(), fmt::format("SELECT {bucket} AS b, COUNT(*) FROM "
                                              "(SELECT {hired} AS h FROM placement p) "
                                              "WHERE h BETWEEN ?1 AND ?2 GROUP BY b ORDER BY b",
                                              fmt::arg("bucket", bucket_of("h")),
                                              fmt::arg("hired", k_hired)));
    bind_period(q, first, last);
    std::vector<QuarterCount> out;
    while (q.executeStep()) {
        out.push_back(
            QuarterCount{std::nullopt, q.getColumn(0).getInt(), q.getColumn(1).getInt64()});
    }
    return out;
}

OpeningCounts count_openings(Database& db, const std::string& first, const std::string& last) {
    SQLite::Statement q(
        db.sql(),
        // Filled: the openings with a hire in the period, counted from the hires (one pass over
        // the placements) rather than by a lookup per opening.
        fmt::format("SELECT COALESCE(SUM(substr(o.created_at, 1, 10) BETWEEN ?1 AND ?2), 0), "
                    "COALESCE(SUM(substr(o.created_at, 1, 10) <= ?2 AND NOT (o.status = 'closed' "
                    "AND substr(o.updated_at, 1, 10) < ?1)), 0), "
                    "(SELECT COUNT(DISTINCT p.opening_id) FROM placement p "
                    "WHERE {hired} BETWEEN ?1 AND ?2) FROM opening o",
                    fmt::arg("hired", k_hired)));
    bind_period(q, first, last);
    q.executeStep();
    return OpeningCounts{q.getColumn(0).getInt64(), q.getColumn(1).getInt64(),
                         q.getColumn(2).getInt64()};
}

std::vector<std::pair<std::string, std::int64_t>>
placement_path(Database& db, const std::string& first, const std::string& last) {
    SQLite::Statement q(
        db.sql(), fmt::format("SELECT {step} AS s, COUNT(*) FROM placement p "
                              "WHERE {proposed} BETWEEN ?1 AND ?2 GROUP BY s ORDER BY s",
                              fmt::arg("step", step_on(2)), fmt::arg("proposed", k_proposed)));
    bind_period(q, first, last);
    std::vector<std::pair<std::string, std::int64_t>> out;
    while (q.executeStep()) {
        out.emplace_back(q.getColumn(0).getString(), q.getColumn(1).getInt64());
    }
    return out;
}

std::vector<CompanyHires> hires_by_company(Database& db, const std::string& first,
                                           const std::string& last) {
    SQLite::Statement q(db.sql(), fmt::format("SELECT co.key, co.name, COUNT(*) FROM placement p "
                                              "JOIN opening o ON o.id = p.opening_id "
                                              "JOIN company co ON co.id = o.company_id "
                                              "WHERE {hired} BETWEEN ?1 AND ?2 GROUP BY co.id "
                                              "ORDER BY co.name, co.key",
                                              fmt::arg("hired", k_hired)));
    bind_period(q, first, last);
    std::vector<CompanyHires> out;
    while (q.executeStep()) {
        out.push_back(CompanyHires{q.getColumn(0).getString(), q.getColumn(1).getString(),
                                   q.getColumn(2).getInt64()});
    }
    return out;
}

std::optional<double> median_days_to_hire(Database& db, const std::string& first,
                                          const std::string& last) {
    const auto days = fmt::format("SELECT julianday({hired}) - julianday({proposed}) AS d "
                                  "FROM placement p WHERE {hired} BETWEEN ?1 AND ?2",
                                  fmt::arg("hired", k_hired), fmt::arg("proposed", k_proposed));
    SQLite::Statement n(db.sql(), "SELECT COUNT(*) FROM (" + days + ")");
    bind_period(n, first, last);
    n.executeStep();
    const auto count = n.getColumn(0).getInt64();
    if (count == 0) {
        return std::nullopt;
    }
    SQLite::Statement q(db.sql(), "SELECT AVG(d) FROM (SELECT d FROM (" + days +
                                      ") ORDER BY d LIMIT ?3 OFFSET ?4)");
    bind_period(q, first, last);
    q.bind(3, static_cast<std::int64_t>(count % 2 == 0 ? 2 : 1));
    q.bind(4, static_cast<std::int64_t>((count - 1) / 2));
    q.executeStep();
    return q.getColumn(0).getDouble();
}

std::vector<MemberActivity> member_activity(Database& db, const std::string& first,
                                            const std::string& last, MemberFigures figures) {
    const bool exchange = figures == MemberFigures::all;
    const auto hires = fmt::format("(SELECT COUNT(*) FROM placement p JOIN opening o ON "
                                   "o.id = p.opening_id WHERE o.company_id = co.id AND {hired} "
                                   "BETWEEN ?1 AND ?2)",
                                   fmt::arg("hired", k_hired));
    const auto sql = fmt::format(
        "SELECT m.*, {hires_after} "
        "FROM (SELECT co.id, co.key, co.name, co.district_ags, co.member_since, {left} AS left_on, "
        "co.active, co.can_host, "
        "(SELECT COUNT(*) FROM contact ct WHERE ct.company_id = co.id), "
        "(SELECT COUNT(DISTINCT r.event_id) FROM registration r JOIN event e ON e.id = r.event_id "
        "WHERE r.company_id = co.id AND r.status = 'attended' AND e.date BETWEEN ?1 AND ?2 "
        "AND {held}), "
        "(SELECT COUNT(*) FROM event e WHERE e.host_company_id = co.id AND e.status <> 'cancelled' "
        "AND e.date BETWEEN ?1 AND ?2), "
        "(SELECT COUNT(*) FROM event e WHERE e.host_company_id = co.id AND e.kind = 'werkstatt' "
        "AND e.status <> 'cancelled' AND e.date <= ?2), "
        "(SELECT MAX(e.date) FROM event e WHERE e.host_company_id = co.id "
        "AND e.kind = 'werkstatt' AND e.status <> 'cancelled' AND e.date <= ?2), "
        "{openings}, {hires}, "
        "(SELECT MIN(e.date) FROM registration r JOIN event e ON e.id = r.event_id "
        "WHERE r.company_id = co.id AND r.status = 'attended' AND e.date BETWEEN ?1 AND ?2 "
        "AND {held}) AS first_attended, co.capacity "
        "FROM company co WHERE (co.member_since IS NULL OR co.member_since <= ?2) "
        "AND ({left} IS NULL OR {left} >= ?1)) m ORDER BY m.name, m.key",
        fmt::arg("hires_after",
                 exchange ? fmt::format("(SELECT COUNT(*) FROM placement p JOIN opening o ON "
                                        "o.id = p.opening_id WHERE o.company_id = m.id AND {hired} "
                                        "BETWEEN ?1 AND ?2 AND {hired} >= m.first_attended)",
                                        fmt::arg("hired", k_hired))
                          : std::string("0")),
        fmt::arg("openings",
                 exchange ? "(SELECT COUNT(*) FROM opening o WHERE o.company_id = co.id "
                            "AND substr(o.created_at, 1, 10) <= ?2 AND NOT (o.status = 'closed' "
                            "AND substr(o.updated_at, 1, 10) < ?1))"
                          : "0"),
        fmt::arg("hires", exchange ? hires : std::string("0")), fmt::arg("left", k_company_left),
        fmt::arg("held", k_held));
    SQLite::Statement q(db.sql(), sql);
    bind_period(q, first, last);
    std::vector<MemberActivity> out;
    while (q.executeStep()) {
        MemberActivity m;
        m.id = q.getColumn(0).getInt64();
        m.key = q.getColumn(1).getString();
        m.name = q.getColumn(2).getString();
        m.district_ags = optional_text(q.getColumn(3));
        m.member_since = optional_text(q.getColumn(4));
        m.left_on = optional_text(q.getColumn(5));
        m.active = q.getColumn(6).getInt() != 0;
        m.can_host = q.getColumn(7).getInt() != 0;
        m.contacts = q.getColumn(8).getInt64();
        m.events_attended = q.getColumn(9).getInt64();
        m.hosted = q.getColumn(10).getInt64();
        m.hosted_ever = q.getColumn(11).getInt64();
        m.last_hosted = optional_text(q.getColumn(12));
        m.openings = q.getColumn(13).getInt64();
        m.hires = q.getColumn(14).getInt64();
        m.first_attended = optional_text(q.getColumn(15));
        m.capacity = q.getColumn(16).isNull()
                         ? std::nullopt
                         : std::optional<std::int64_t>(q.getColumn(16).getInt64());
        m.hires_after_attending = q.getColumn(17).getInt64();
        out.push_back(std::move(m));
    }
    return out;
}

std::int64_t held_events(Database& db, const std::string& first, const std::string& last) {
    SQLite::Statement q(db.sql(),
                        fmt::format("SELECT COUNT(*) FROM event e WHERE e.date BETWEEN ?1 AND ?2 "
                                    "AND {held}",
                                    fmt::arg("held", k_held)));
    bind_period(q, first, last);
    q.executeStep();
    return q.getColumn(0).getInt64();
}

std::vector<MemberChange> member_changes(Database& db, const std::string& first,
                                         const std::string& last) {
    SQLite::Statement q(
        db.sql(),
        fmt::format("SELECT b, SUM(j), SUM(l) FROM ("
                    "SELECT {joined_bucket} AS b, 1 AS j, 0 AS l FROM company co "
                    "WHERE co.member_since BETWEEN ?1 AND ?2 UNION ALL "
                    "SELECT {left_bucket} AS b, 0, 1 FROM company co WHERE {left} BETWEEN ?1 AND ?2"
                    ") GROUP BY b ORDER BY b",
                    fmt::arg("joined_bucket", bucket_of("co.member_since")),
                    fmt::arg("left_bucket", bucket_of(k_company_left)),
                    fmt::arg("left", k_company_left)));
    bind_period(q, first, last);
    std::vector<MemberChange> out;
    while (q.executeStep()) {
        out.push_back(MemberChange{q.getColumn(0).getInt(), q.getColumn(1).getInt64(),
                                   q.getColumn(2).getInt64()});
    }
    return out;
}

std::vector<OpenProposal> open_proposals(Database& db, const std::string& last) {
    SQLite::Statement q(
        db.sql(),
        fmt::format("SELECT * FROM (SELECT co.key, co.name, o.id, o.title, c.id, "
                    "CASE WHEN c.purged_on IS NULL THEN c.reference ELSE '' END, "
                    "{step} AS s, {proposed} FROM placement p "
                    "JOIN candidate c ON c.id = p.candidate_id "
                    "JOIN opening o ON o.id = p.opening_id "
                    "JOIN company co ON co.id = o.company_id WHERE {proposed} <= ?1) "
                    "WHERE s IN ('proposed', 'introduced', 'interview') "
                    "ORDER BY 2, 1, 3, CASE s WHEN 'interview' THEN 0 WHEN 'introduced' THEN 1 "
                    "ELSE 2 END, 5",
                    fmt::arg("step", step_on(1)), fmt::arg("proposed", k_proposed)));
    q.bind(1, last);
    std::vector<OpenProposal> out;
    while (q.executeStep()) {
        OpenProposal p;
        p.company_key = q.getColumn(0).getString();
        p.company_name = q.getColumn(1).getString();
        p.opening_id = q.getColumn(2).getInt64();
        p.opening_title = q.getColumn(3).getString();
        p.candidate_id = q.getColumn(4).getInt64();
        p.candidate_reference = q.getColumn(5).getString();
        p.step = q.getColumn(6).getString();
        p.proposed_on = q.getColumn(7).getString();
        out.push_back(std::move(p));
    }
    return out;
}

} // namespace werkstatt
