// SPDX-License-Identifier: GPL-3.0-or-later
#include "match/views.hpp"

#include "core/i18n.hpp"
#include "core/text.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <tuple>

namespace werkstatt {

namespace {

double points(std::int64_t milli) {
    return static_cast<double>(milli) / 1000.0;
}

Value distance_value(const Evaluation& e) {
    return e.distance ? Value{*e.distance} : Value{};
}

// The last day of a residence title that ends too soon for the pair (permit_warning()), or null.
Value warning_value(const std::optional<Date>& until) {
    return until ? Value{until->iso()} : Value{};
}

void add_identity_columns(Records& r, RankingSide side) {
    if (side == RankingSide::candidates) {
        r.columns.insert(r.columns.end(), {"candidate", "source", "candidate_id"});
    } else {
        r.columns.insert(r.columns.end(), {"opening", "company", "title"});
    }
}

void add_identity(std::vector<Value>& row, const MatchPool& pool, std::size_t index,
                  RankingSide side) {
    if (side == RankingSide::candidates) {
        const auto& c = pool.candidates[index];
        row.insert(row.end(), {c.reference, c.source, c.id});
    } else {
        const auto& o = pool.openings[index];
        row.insert(row.end(), {o.id, o.company, o.title});
    }
}

// Points the way the UI language writes them.
std::string shown_points(std::int64_t milli) {
    return format_points(milli, ui_language());
}

// One line of an explanation: the part's points and why, a whole sentence per part so that a
// translation names the criterion in its own words.
std::string part_line(Part part, const std::string& points, const std::string& max,
                      const std::string& reason) {
    switch (part) {
    case Part::occupation:
        return _f("occupation {} of {}: {}", points, max, reason);
    case Part::german:
        return _f("german {} of {}: {}", points, max, reason);
    case Part::distance:
        return _f("distance {} of {}: {}", points, max, reason);
    case Part::permit:
        return _f("permit {} of {}: {}", points, max, reason);
    case Part::recognition:
        return _f("recognition {} of {}: {}", points, max, reason);
    case Part::availability:
        return _f("availability {} of {}: {}", points, max, reason);
    }
    return fmt::format("{} {} of {}: {}", to_string(part), points, max, reason);
}

} // namespace

std::string rule_label(Rule rule) {
    // TRANSLATORS: the hard rules of matching; in English their codes (JSON shows the codes).
    switch (rule) {
    case Rule::not_allowed_to_work:
        return _("not-allowed-to-work");
    case Rule::consent_expired:
        return _("consent-expired");
    case Rule::not_available:
        return _("not-available");
    case Rule::too_far:
        return _("too-far");
    case Rule::licence_missing:
        return _("licence-missing");
    case Rule::recognition_missing:
        return _("recognition-missing");
    case Rule::occupation_unrelated:
        return _("occupation-unrelated");
    case Rule::closed_before:
        return _("closed-before");
    case Rule::no_consent:
        return _("no-consent");
    case Rule::permit_ended:
        return _("permit-ended");
    case Rule::paused:
        return _("paused");
    }
    return std::string(to_string(rule));
}

std::vector<std::string> explanation_lines(const Evaluation& e) {
    std::vector<std::string> lines;
    if (e.failed) {
        lines.push_back(_f("excluded ({}): {}", rule_label(*e.failed), e.failure));
        return lines;
    }
    for (const auto part : all_parts()) {
        const auto& p = e.parts[static_cast<std::size_t>(part)];
        lines.push_back(
            part_line(part, shown_points(p.milli), shown_points(p.max_milli), p.reason));
    }
    for (const auto& note : e.notes) {
        lines.push_back(_f("note: {}", note));
    }
    return lines;
}

std::string excluded_summary(const Ranking& ranking) {
    std::vector<std::string> items;
    for (std::size_t i = 0; i < k_rule_count; ++i) {
        if (ranking.excluded[i] > 0) {
            items.push_back(fmt::format(
                "{} {}", rule_label(static_cast<Rule>(i)),
                format_count(static_cast<std::int64_t>(ranking.excluded[i]), ui_language())));
        }
    }
    return items.empty() ? _("none") : text::join(items, ", ");
}

Records ranking_records(const MatchPool& pool, const Ranking& ranking, RankingSide side,
                        bool explain) {
    Records r;
    r.columns = {"rank"};
    add_identity_columns(r, side);
    r.columns.emplace_back("score");
    for (const auto part : all_parts()) {
        r.columns.emplace_back(to_string(part));
    }
    r.columns.emplace_back("distance_km");
    r.columns.emplace_back("permit_warning");
    if (explain) {
        for (const auto part : all_parts()) {
            r.columns.push_back(fmt::format("{}_reason", to_string(part)));
        }
        r.columns.emplace_back("notes");
    }
    std::int64_t rank = 0;
    for (const auto& entry : ranking.best) {
        const auto& e = entry.evaluation;
        std::vector<Value> row{++rank};
        add_identity(row, pool, entry.index, side);
        row.emplace_back(points(e.total_milli));
        for (const auto& p : e.parts) {
            row.emplace_back(points(p.milli));
        }
        row.push_back(distance_value(e));
        row.push_back(warning_value(e.permit_warning));
        if (explain) {
            for (const auto& p : e.parts) {
                row.emplace_back(p.reason);
            }
            row.push_back(text_or_null(text::join(e.notes, "; ")));
        }
        r.rows.push_back(std::move(row));
    }
    return r;
}

void write_ranking_explained(std::ostream& out, const MatchPool& pool, const Ranking& ranking,
                             RankingSide side) {
    std::size_t rank = 0;
    for (const auto& entry : ranking.best) {
        std::int64_t max = 0;
        for (const auto& p : entry.evaluation.parts) {
            max += p.max_milli;
        }
        const auto score = shown_points(entry.evaluation.total_milli);
        ++rank;
        if (side == RankingSide::candidates) {
            const auto& c = pool.candidates[entry.index];
            out << _f("{}. candidate {} ({}, id {}): score {} of {}", rank, c.reference, c.source,
                      c.id, score, shown_points(max))
                << '\n';
        } else {
            const auto& o = pool.openings[entry.index];
            out << _f("{}. opening {} \"{}\" at {}: score {} of {}", rank, o.id, o.title, o.company,
                      score, shown_points(max))
                << '\n';
        }
        for (const auto& line : explanation_lines(entry.evaluation)) {
            out << "   " << line << '\n';
        }
    }
    if (ranking.best.empty()) {
        out << _("no feasible pair") << '\n';
    }
    out << _f("excluded by hard rules: {}", excluded_summary(ranking)) << '\n';
    // The reasons of the rules that concern the person or the pool's freshness, which a
    // coordinator can act on: the first pair each excluded.
    for (const auto rule : {Rule::not_allowed_to_work, Rule::no_consent, Rule::consent_expired,
                            Rule::permit_ended, Rule::paused}) {
        const auto i = static_cast<std::size_t>(rule);
        if (ranking.excluded[i] > 0 && !ranking.first_reason[i].empty()) {
            if (ranking.excluded[i] > 1 && side == RankingSide::candidates) {
                const auto more = ranking.excluded[i] - 1;
                out << "   "
                    << fmt::format(
                           fmt::runtime(n_("{}: {} (and {} more)", "{}: {} (and {} more)", more)),
                           rule_label(rule), ranking.first_reason[i], more)
                    << '\n';
            } else {
                out << fmt::format("   {}: {}\n", rule_label(rule), ranking.first_reason[i]);
            }
        }
    }
}

std::vector<std::string> score_columns() {
    std::vector<std::string> columns = {"candidate", "source",  "candidate_id",
                                        "opening",   "company", "score"};
    for (const auto part : all_parts()) {
        columns.emplace_back(to_string(part));
    }
    columns.emplace_back("distance_km");
    columns.emplace_back("permit_warning");
    return columns;
}

std::vector<Value> score_row(const MatchPool& pool, std::size_t candidate, std::size_t opening,
                             const Evaluation& e) {
    const auto& c = pool.candidates[candidate];
    const auto& o = pool.openings[opening];
    std::vector<Value> row{c.reference, c.source, c.id, o.id, o.company, points(e.total_milli)};
    for (const auto& p : e.parts) {
        row.emplace_back(points(p.milli));
    }
    row.push_back(distance_value(e));
    row.push_back(warning_value(e.permit_warning));
    return row;
}

Records without_empty_column(Records records, const std::string& name) {
    const auto it = std::find(records.columns.begin(), records.columns.end(), name);
    if (it == records.columns.end()) {
        return records;
    }
    const auto i = static_cast<std::size_t>(it - records.columns.begin());
    for (const auto& row : records.rows) {
        if (!std::holds_alternative<std::monostate>(row[i])) {
            return records;
        }
    }
    records.columns.erase(it);
    for (auto& row : records.rows) {
        row.erase(row.begin() + static_cast<std::ptrdiff_t>(i));
    }
    return records;
}

Records assignment_records(const MatchPool& pool, const Proposal& proposal,
                           const MatchSettings& settings) {
    Records r;
    r.columns = {"opening", "company",      "title", "candidate",
                 "source",  "candidate_id", "score", "permit_warning"};
    std::vector<std::size_t> order = proposal.assignment.chosen;
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        const auto& pa = proposal.pairs[a];
        const auto& pb = proposal.pairs[b];
        // By opening, and within an opening the best score first (then the pool's order).
        return std::tuple(pa.opening, -pa.score_milli, pa.candidate) <
               std::tuple(pb.opening, -pb.score_milli, pb.candidate);
    });
    for (const auto k : order) {
        const auto& pair = proposal.pairs[k];
        const auto& c = pool.candidates[pair.candidate];
        const auto& o = pool.openings[pair.opening];
        r.rows.push_back({o.id, o.company, o.title, c.reference, c.source, c.id,
                          points(pair.score_milli), warning_value(permit_warning(c, o, settings))});
    }
    return r;
}

void write_assignment_json(std::ostream& out, const MatchPool& pool, const Proposal& proposal,
                           const MatchSettings& settings, std::optional<std::int64_t> run_id) {
    using Json = nlohmann::ordered_json;
    const auto records = assignment_records(pool, proposal, settings);
    Json assignments = Json::array();
    for (const auto& row : records.rows) {
        Json a = Json::object();
        a["candidate"] = std::get<std::string>(row[3]);
        a["source"] = std::get<std::string>(row[4]);
        a["candidate_id"] = std::get<std::int64_t>(row[5]);
        a["opening"] = std::get<std::int64_t>(row[0]);
        a["company"] = std::get<std::string>(row[1]);
        a["title"] = std::get<std::string>(row[2]);
        a["score"] = std::get<double>(row[6]);
        a["permit_warning"] = std::holds_alternative<std::string>(row[7])
                                  ? Json(std::get<std::string>(row[7]))
                                  : Json(nullptr);
        assignments.push_back(std::move(a));
    }
    Json doc = Json::object();
    doc["total"] = points(proposal.assignment.total_milli);
    doc["assigned"] = proposal.assignment.chosen.size();
    doc["candidates"] = pool.candidates.size();
    doc["openings"] = pool.openings.size();
    doc["feasible_pairs"] = proposal.pairs.size();
    doc["run"] = run_id ? Json(*run_id) : Json(nullptr);
    doc["assignments"] = std::move(assignments);
    out << doc.dump(2) << '\n';
}

} // namespace werkstatt
