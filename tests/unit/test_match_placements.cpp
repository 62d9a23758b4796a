// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/i18n.hpp"
#include "match/placements.hpp"
#include "match/run.hpp"

#include <catch2/catch.hpp>

using namespace werkstatt;

namespace {
const Date k_day = *Date::parse_iso("2027-02-01");
const std::optional<std::string> k_iso = std::string("2027-02-01");
PlacementDays all_days() {
    return PlacementDays{"2027-01-01", "2027-01-10", "2027-01-20", "2027-01-25"};
}
} // namespace

TEST_CASE("step_days: the step reached gets the day, later steps lose theirs", "[placement]") {
    const auto intro = step_days(all_days(), PlacementStatus::introduced, k_day);
    CHECK(intro == PlacementDays{k_iso, std::nullopt, std::nullopt, std::nullopt});
    const auto interview = step_days(all_days(), PlacementStatus::interview, k_day);
    CHECK(interview == PlacementDays{"2027-01-01", k_iso, std::nullopt, std::nullopt});
    const auto hired = step_days(all_days(), PlacementStatus::hired, k_day);
    CHECK(hired == PlacementDays{"2027-01-01", "2027-01-10", k_iso, std::nullopt});
}

TEST_CASE("step_days: declined and withdrawn close the pair; proposed clears all", "[placement]") {
    for (const auto status : {PlacementStatus::declined, PlacementStatus::withdrawn}) {
        const auto closed = step_days(all_days(), status, k_day);
        CHECK(closed == PlacementDays{"2027-01-01", "2027-01-10", std::nullopt, k_iso});
    }
    CHECK(step_days(all_days(), PlacementStatus::proposed, k_day) == PlacementDays{});
    CHECK(step_days(PlacementDays{}, PlacementStatus::hired, k_day) ==
          PlacementDays{std::nullopt, std::nullopt, k_iso, std::nullopt});
}

TEST_CASE("committed_summary: each count has its own plural, in English and German",
          "[placement][i18n]") {
    const auto before = ui_language();
    ProposalRun run;
    CHECK(committed_summary(run).empty()); // nothing committed, nothing to say
    run.committed = CommittedRun{7, 1, 0, {}};
    set_ui_language(Language::en);
    CHECK(committed_summary(run) == "stored as match run 7: 1 new proposed placement, 0 earlier "
                                    "proposals not repeated were removed");
    run.committed = CommittedRun{8, 2, 1, {}};
    CHECK(committed_summary(run) == "stored as match run 8: 2 new proposed placements, 1 earlier "
                                    "proposal not repeated was removed");
    set_ui_language(Language::de);
    CHECK(committed_summary(run) == "als Matching-Lauf 8 gespeichert: 2 neue vorgeschlagene "
                                    "Vermittlungen, 1 früherer, nicht wiederholter Vorschlag "
                                    "wurde entfernt");
    set_ui_language(before);
}
