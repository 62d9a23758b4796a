// SPDX-License-Identifier: GPL-3.0-or-later
// Finding people and openings: the filters parsed at the edge and combined.
#include "applicants/finding.hpp"

#include "store/import_store.hpp"
#include "support.hpp"

#include <catch2/catch.hpp>

using namespace werkstatt;
using werkstatt::test::failure_of;
using werkstatt::test::TestDatabase;

namespace {

std::int64_t add(Database& db, const std::string& ref, const std::string& german,
                 const std::string& notes, const std::string& permit) {
    const auto& s = candidate_schema();
    auto cells = default_cells(RecordKind::candidate);
    cells[s.index("source")] = "jc";
    cells[s.index("reference")] = ref;
    cells[s.index("first_name")] = "Jürgen";
    cells[s.index("plz")] = "39104";
    cells[s.index("city")] = "Magdeburg";
    cells[s.index("kldb")] = "52122";
    cells[s.index("german")] = german;
    cells[s.index("notes")] = notes;
    if (!permit.empty()) {
        cells[s.index("permit_until")] = permit;
    }
    derive_columns(RecordKind::candidate, cells);
    RecordTable table(db, RecordKind::candidate);
    return table.insert(cells, std::nullopt, "2026-11-01T10:00:00Z");
}

std::vector<std::int64_t> ids(const std::vector<ExchangeRecord>& records) {
    std::vector<std::int64_t> out;
    for (const auto& r : records) {
        out.push_back(r.id);
    }
    return out;
}

// Return the filters `set` fills in.
template <typename Set>
CandidateQueryText text_of(Set set) {
    CandidateQueryText t;
    set(t);
    return t;
}

} // namespace

TEST_CASE("bad filters are usage errors naming the flag", "[applicants][finding]") {
    const auto kind = [](CandidateQueryText t) {
        return failure_of([&] { parse_candidate_query(t, NameSearch::yes); }).kind;
    };
    CHECK(kind(text_of([](CandidateQueryText& q) { q.district = "Atlantis"; })) ==
          ErrorKind::usage);
    CHECK(kind(text_of([](CandidateQueryText& q) { q.kldb = "52a"; })) == ErrorKind::usage);
    CHECK(kind(text_of([](CandidateQueryText& q) { q.kldb = "521223"; })) == ErrorKind::usage);
    CHECK(kind(text_of([](CandidateQueryText& q) { q.german_min = "D1"; })) == ErrorKind::usage);
    CHECK(kind(text_of([](CandidateQueryText& q) { q.residence = "martian"; })) ==
          ErrorKind::usage);
    CHECK(kind(text_of([](CandidateQueryText& q) { q.available_by = "2027-02-30"; })) ==
          ErrorKind::usage);
    CHECK(kind(text_of([](CandidateQueryText& q) { q.text = "   "; })) == ErrorKind::usage);
    CHECK(kind(text_of([](CandidateQueryText& q) { q.permit_expiring = -1; })) == ErrorKind::usage);
    CHECK_FALSE(kind(text_of([](CandidateQueryText& q) {
        q.district = "Harz";
        q.kldb = "5";
        q.german_min = "native";
    })));
    CHECK_FALSE(filters(parse_candidate_query(CandidateQueryText{}, NameSearch::yes)));
}

TEST_CASE("filters combine; --text folds umlauts and skips hidden names", "[applicants][finding]") {
    TestDatabase t;
    const auto a = add(t.db(), "A", "B2", "Staplerschein vorhanden", "2026-12-10");
    const auto b = add(t.db(), "B", "A2", "", "");
    const auto c = add(t.db(), "C", "", "Straße und Lager", "2027-06-01");
    const auto today = *Date::parse_iso("2026-12-01");
    const ExchangeSettings s;
    const auto find = [&](CandidateQueryText q, NameSearch n = NameSearch::yes) {
        return ids(find_candidates(t.db(), {}, parse_candidate_query(q, n), today, s));
    };
    CHECK(find(text_of([](CandidateQueryText& q) { q.german_min = "B1"; })) ==
          std::vector<std::int64_t>{a});
    CHECK(find(text_of([](CandidateQueryText& q) { q.german_min = "A2"; })) ==
          std::vector<std::int64_t>{a, b});
    CHECK(find(text_of([](CandidateQueryText& q) { q.text = "STRASSE"; })) ==
          std::vector<std::int64_t>{c});
    CHECK(find(text_of([](CandidateQueryText& q) { q.text = "juergen lager"; })) ==
          std::vector<std::int64_t>{c});
    CHECK(find(text_of([](CandidateQueryText& q) { q.text = "juergen"; }), NameSearch::no).empty());
    CHECK(find(text_of([](CandidateQueryText& q) { q.permit_expiring = 30; })) ==
          std::vector<std::int64_t>{a});
    CHECK(find(text_of([](CandidateQueryText& q) {
              q.district = "Magdeburg";
              q.german_min = "A2";
              q.permit_expiring = 30;
          })) == std::vector<std::int64_t>{a});
    CHECK(find(text_of([](CandidateQueryText& q) { q.district = "Harz"; })).empty());
    CHECK(find(text_of([](CandidateQueryText& q) { q.kldb = "521"; })).size() == 3);
    // All made 2026-11-01 and never confirmed: 30 days, neither due nor paused.
    CHECK(find(text_of([](CandidateQueryText& q) { q.due_confirmation = true; })).empty());
}
