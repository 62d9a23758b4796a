// SPDX-License-Identifier: GPL-3.0-or-later
#include "applicants/merge.hpp"

#include "applicants/exchange.hpp"
#include "applicants/fields.hpp"
#include "core/error.hpp"
#include "store/import_store.hpp"
#include "store/merge_store.hpp"
#include "support.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <catch2/catch.hpp>

using namespace werkstatt;
using werkstatt::test::failure_of;
using werkstatt::test::TestDatabase;

namespace {

// Insert a candidate of `source` and `reference` with `phone`; return its id.
std::int64_t add(Database& db, const std::string& source, const std::string& reference,
                 const std::string& phone) {
    auto cells = default_cells(RecordKind::candidate);
    const auto& schema = candidate_schema();
    cells[schema.index("source")] = source;
    cells[schema.index("reference")] = reference;
    cells[schema.index("phone")] = phone;
    WriteTransaction txn(db);
    const auto id =
        RecordTable(db, RecordKind::candidate).insert(cells, std::nullopt, "2026-12-01T00:00:00Z");
    txn.finish(DryRun::no);
    return id;
}

std::string dump(Database& db) {
    std::string out;
    SQLite::Statement q(db.sql(), "SELECT id, source, reference, phone, updated_at FROM "
                                  "candidate ORDER BY id");
    while (q.executeStep()) {
        out += q.getColumn(0).getString() + "|" + q.getColumn(1).getString() + "|" +
               q.getColumn(2).getString() + "|" + q.getColumn(3).getString() + "|" +
               q.getColumn(4).getString() + "\n";
    }
    return out;
}

} // namespace

TEST_CASE("merge fills KEEP's empty fields, keeps OTHER's reference, and undo restores",
          "[merge]") {
    TestDatabase t;
    auto& db = t.db();
    const auto keep = add(db, "jc", "A-1", "");
    const auto other = add(db, "ab", "B-1", "0391 1234567");
    const auto before = dump(db);

    const auto out = merge_candidates(db, "A-1", "B-1", DryRun::no);
    CHECK(out.keep == keep);
    CHECK(out.other == other);
    CHECK(out.filled == std::vector<std::string>{"phone"});
    CHECK(require_candidate(db, "B-1", std::string("ab")).id == keep);
    CHECK(merged_reference_targets(db).at({"ab", "B-1"}) == SourceReference{"jc", "A-1"});

    const auto undone = undo_merge(db, out.merge_id, DryRun::no);
    CHECK(undone.exact);
    CHECK(dump(db) == before);
    CHECK(merged_reference_targets(db).empty());
    CHECK(failure_of([&] { undo_merge(db, out.merge_id, DryRun::no); }).kind ==
          ErrorKind::conflict);
}

TEST_CASE("merge refuses a record with itself and unknown records, writing nothing", "[merge]") {
    TestDatabase t;
    auto& db = t.db();
    add(db, "jc", "A-1", "");
    const auto before = dump(db);
    CHECK(failure_of([&] { merge_candidates(db, "1", "A-1", DryRun::no); }).kind ==
          ErrorKind::usage);
    CHECK(failure_of([&] { merge_candidates(db, "1", "7", DryRun::no); }).kind ==
          ErrorKind::not_found);
    CHECK(failure_of([&] { undo_merge(db, 1, DryRun::no); }).kind == ErrorKind::not_found);
    CHECK(dump(db) == before);
    CHECK(!find_merge(db, 1));
}

TEST_CASE("a dry run of merge changes nothing", "[merge]") {
    TestDatabase t;
    auto& db = t.db();
    add(db, "jc", "A-1", "");
    add(db, "ab", "B-1", "0391 1234567");
    const auto before = dump(db);
    const auto out = merge_candidates(db, "1", "2", DryRun::yes);
    CHECK(out.merge_id == 0);
    CHECK(out.filled == std::vector<std::string>{"phone"});
    CHECK(dump(db) == before);
    CHECK(!find_merge(db, 1));
}
