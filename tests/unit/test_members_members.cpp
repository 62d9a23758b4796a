// SPDX-License-Identifier: GPL-3.0-or-later
#include "members/members.hpp"

#include "io/records.hpp"
#include "support.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <algorithm>
#include <catch2/catch.hpp>
#include <sstream>
#include <string>
#include <vector>

using werkstatt::ArchiveAction;
using werkstatt::Columns;
using werkstatt::Company;
using werkstatt::CompanyFields;
using werkstatt::CompanyFilter;
using werkstatt::ContactFields;
using werkstatt::Database;
using werkstatt::DryRun;
using werkstatt::ErrorKind;
using werkstatt::MemberPolicy;
using werkstatt::OutsidePlz;
using werkstatt::test::failure_of;
using werkstatt::test::TestDatabase;

using Strings = std::vector<std::string>;

namespace {

const MemberPolicy warn{OutsidePlz::warn};
const MemberPolicy reject{OutsidePlz::reject};

CompanyFields fields(const std::string& key, const std::string& name, const std::string& plz) {
    CompanyFields f;
    f.key = key;
    f.name = name;
    f.plz = plz;
    return f;
}

int count_rows(Database& db, const std::string& table) {
    return db.sql().execAndGet("SELECT count(*) FROM " + table).getInt();
}

Strings keys_of(const std::vector<Company>& companies) {
    Strings keys;
    for (const auto& c : companies) {
        keys.push_back(c.key);
    }
    return keys;
}

bool contains(const Strings& list, const std::string& item) {
    return std::find(list.begin(), list.end(), item) != list.end();
}

// Return the audit rows written after the first `skip` ones, oldest first.
std::vector<werkstatt::AuditEntry> audit_after(Database& db, int skip) {
    auto rows = werkstatt::list_audit(db, std::nullopt, 1000);
    std::reverse(rows.begin(), rows.end());
    rows.erase(rows.begin(), rows.begin() + skip);
    return rows;
}

werkstatt::CompanyImportReport import_text(Database& db, const std::string& csv,
                                           const MemberPolicy& policy = warn,
                                           DryRun dry_run = DryRun::no) {
    std::istringstream in(csv);
    return werkstatt::import_companies(db, in, "members.csv", policy, dry_run);
}

// Compare every stored field but the id.
void check_same_company(const Company& a, const Company& b) {
    INFO("company " << a.key);
    CHECK(a.key == b.key);
    CHECK(a.name == b.name);
    CHECK(a.industry == b.industry);
    CHECK(a.street == b.street);
    CHECK(a.plz == b.plz);
    CHECK(a.city == b.city);
    CHECK(a.district_ags == b.district_ags);
    CHECK(a.can_host == b.can_host);
    CHECK(a.capacity == b.capacity);
    CHECK(a.member_since == b.member_since);
    CHECK(a.active == b.active);
    CHECK(a.notes == b.notes);
}

} // namespace

// ---------------------------------------------------------------------------------------------
// add_company

TEST_CASE("members::add_company stores a valid company with its district", "[members]") {
    TestDatabase t;
    auto& db = t.db();
    const int audit_before = count_rows(db, "audit_log");

    auto f = fields("mueller", "  Müller Metallbau GmbH ", " 39104 ");
    f.industry = "Metallbau";
    f.street = "Hauptstraße 1";
    f.city = "Magdeburg";
    f.can_host = true;
    f.capacity = 40;
    f.member_since = "2020-05-01";
    f.notes = "Zugang über den Hof\nklingeln";
    const auto out = werkstatt::add_company(db, f, warn, DryRun::no);

    CHECK(out.company.id > 0);
    CHECK(out.company.name == "Müller Metallbau GmbH");
    CHECK(out.company.plz == "39104");
    CHECK(out.company.district_ags == std::optional<std::string>("15003"));
    CHECK(out.warnings.empty());
    for (const char* field : {"key", "name", "plz", "district", "capacity", "can_host"}) {
        INFO(field);
        CHECK(contains(out.changed, field));
    }

    const auto stored = werkstatt::find_company(db, "mueller");
    REQUIRE(stored.has_value());
    CHECK(stored->id == out.company.id);
    check_same_company(*stored, out.company);
    CHECK(stored->member_since->iso() == "2020-05-01");
    CHECK(stored->capacity == 40);
    CHECK(stored->can_host);
    CHECK(stored->active);
    CHECK(stored->notes == "Zugang über den Hof\nklingeln");
    CHECK(werkstatt::require_company(db, "mueller").id == out.company.id);

    const auto audit = audit_after(db, audit_before);
    REQUIRE(audit.size() == 1);
    CHECK(audit[0].entity == "company");
    CHECK(audit[0].entity_id == out.company.id);
    CHECK(audit[0].action == "add");
    CHECK(audit[0].details == "key=mueller");
    CHECK(audit[0].os_user == "tester");
    CHECK(audit[0].command == "werkstatt test");
}

TEST_CASE("members::add_company sets member_since to today unless given", "[members]") {
    TestDatabase t;
    auto& db = t.db();
    const auto today = werkstatt::add_company(db, fields("a", "A", "39104"), warn, DryRun::no);
    CHECK(today.company.member_since == werkstatt::Date::today());
    CHECK(werkstatt::find_company(db, "a")->member_since == werkstatt::Date::today());

    auto f = fields("b", "B", "39104");
    f.member_since = "";
    CHECK_FALSE(werkstatt::add_company(db, f, warn, DryRun::no).company.member_since.has_value());
    CHECK_FALSE(werkstatt::find_company(db, "b")->member_since.has_value());
}

TEST_CASE("members::add_company rejects invalid values and writes nothing", "[members]") {
    TestDatabase t;
    auto& db = t.db();
    const int audit_before = count_rows(db, "audit_log");

    const auto rejected = [&](const CompanyFields& f) {
        const auto failure = failure_of([&] { werkstatt::add_company(db, f, warn, DryRun::no); });
        CHECK(count_rows(db, "company") == 0);
        CHECK(count_rows(db, "audit_log") == audit_before);
        return failure;
    };

    SECTION("bad key") {
        const std::string too_long(41, 'k');
        for (const char* key : {"Mueller", "", "mü", "a b", "-x", too_long.c_str()}) {
            INFO("key '" << key << "'");
            const auto f = rejected(fields(key, "Name", "39104"));
            CHECK(f.kind == ErrorKind::bad_data);
            CHECK_THAT(f.message, Catch::Contains("key"));
        }
    }
    SECTION("empty name") {
        for (const char* name : {"", "   ", "\t"}) {
            const auto f = rejected(fields("k", name, "39104"));
            CHECK(f.kind == ErrorKind::bad_data);
            CHECK_THAT(f.message, Catch::Contains("name"));
        }
    }
    SECTION("name with a control character, bad UTF-8 or too long") {
        CHECK(rejected(fields("k",
                              "A\x01"
                              "B",
                              "39104"))
                  .kind == ErrorKind::bad_data);
        CHECK(rejected(fields("k", "M\xFCller", "39104")).kind == ErrorKind::bad_data);
        CHECK(rejected(fields("k", std::string(201, 'n'), "39104")).kind == ErrorKind::bad_data);
        auto f = fields("k", "N", "39104");
        f.notes = std::string(4001, 'n');
        CHECK(rejected(f).kind == ErrorKind::bad_data);
    }
    SECTION("bad PLZ") {
        for (const char* plz : {"6108", "391040", "3910a", ""}) {
            INFO("plz '" << plz << "'");
            const auto f = rejected(fields("k", "Name", plz));
            CHECK(f.kind == ErrorKind::bad_data);
            CHECK_THAT(f.message, Catch::Contains("PLZ"));
        }
    }
    SECTION("bad date") {
        for (const char* date : {"2027-02-30", "30.02.2027", "2027-1-1", "soon"}) {
            INFO("date '" << date << "'");
            auto f = fields("k", "Name", "39104");
            f.member_since = date;
            const auto e = rejected(f);
            CHECK(e.kind == ErrorKind::bad_data);
            CHECK_THAT(e.message, Catch::Contains("member-since"));
        }
    }
    SECTION("capacity out of range") {
        for (const std::int64_t capacity : {std::int64_t{-1}, std::int64_t{100001}}) {
            INFO("capacity " << capacity);
            auto f = fields("k", "Name", "39104");
            f.capacity = capacity;
            const auto e = rejected(f);
            CHECK(e.kind == ErrorKind::bad_data);
            CHECK_THAT(e.message, Catch::Contains("capacity"));
        }
    }
    SECTION("unknown district") {
        auto f = fields("k", "Name", "39104");
        f.district = "Atlantis";
        const auto e = rejected(f);
        CHECK(e.kind == ErrorKind::bad_data);
        CHECK_THAT(e.message, Catch::Contains("Atlantis") && Catch::Contains("Magdeburg"));
    }
    SECTION("missing key, name or PLZ") {
        CompanyFields f;
        f.name = "Name";
        f.plz = "39104";
        CHECK(rejected(f).kind == ErrorKind::bad_data);
        f = CompanyFields{};
        f.key = "k";
        f.plz = "39104";
        CHECK(rejected(f).kind == ErrorKind::bad_data);
        f = CompanyFields{};
        f.key = "k";
        f.name = "Name";
        CHECK(rejected(f).kind == ErrorKind::bad_data);
    }
}

TEST_CASE("members::add_company capacity limits", "[members]") {
    TestDatabase t;
    auto& db = t.db();
    auto f = fields("big", "Big", "39104");
    f.capacity = 100000;
    CHECK(werkstatt::add_company(db, f, warn, DryRun::no).company.capacity == 100000);
    f = fields("none", "None", "39104");
    f.capacity = 0; // 0 means no capacity
    CHECK_FALSE(werkstatt::add_company(db, f, warn, DryRun::no).company.capacity.has_value());
    CHECK_FALSE(werkstatt::find_company(db, "none")->capacity.has_value());
}

TEST_CASE("members::add_company with a PLZ outside Sachsen-Anhalt", "[members]") {
    TestDatabase t;
    auto& db = t.db();
    auto f = fields("berlin", "Berliner GmbH", "10115");
    f.city = "Berlin";

    SECTION("warn: stored without a district") {
        const auto out = werkstatt::add_company(db, f, warn, DryRun::no);
        CHECK_FALSE(out.company.district_ags.has_value());
        REQUIRE(out.warnings.size() == 1);
        CHECK_THAT(out.warnings[0], Catch::Contains("10115"));
        const auto stored = werkstatt::find_company(db, "berlin");
        REQUIRE(stored.has_value());
        CHECK_FALSE(stored->district_ags.has_value());
    }
    SECTION("reject: refused") {
        const auto e = failure_of([&] { werkstatt::add_company(db, f, reject, DryRun::no); });
        CHECK(e.kind == ErrorKind::bad_data);
        CHECK_THAT(e.message, Catch::Contains("10115"));
        CHECK_FALSE(werkstatt::find_company(db, "berlin").has_value());
    }
    SECTION("an explicit district is taken without asking the PLZ") {
        f.district = "Börde";
        const auto out = werkstatt::add_company(db, f, reject, DryRun::no);
        CHECK(out.company.district_ags == std::optional<std::string>("15083"));
        CHECK(out.warnings.empty());
    }
}

TEST_CASE("members::add_company warns about a host without capacity", "[members]") {
    TestDatabase t;
    auto& db = t.db();
    auto f = fields("host", "Host", "39104");
    f.can_host = true;
    const auto out = werkstatt::add_company(db, f, warn, DryRun::no);
    REQUIRE(out.warnings.size() == 1);
    CHECK_THAT(out.warnings[0], Catch::Contains("host") && Catch::Contains("capacity"));
    CHECK(werkstatt::find_company(db, "host")->can_host);

    f = fields("host2", "Host 2", "39104");
    f.can_host = true;
    f.capacity = 20;
    CHECK(werkstatt::add_company(db, f, warn, DryRun::no).warnings.empty());
    f = fields("guest", "Guest", "39104");
    f.can_host = false;
    CHECK(werkstatt::add_company(db, f, warn, DryRun::no).warnings.empty());
}

TEST_CASE("members::add_company resolves a PLZ that spans districts", "[members]") {
    TestDatabase t;
    auto& db = t.db();
    auto f = fields("a", "A", "06420");
    f.city = "Rothenburg";
    auto out = werkstatt::add_company(db, f, warn, DryRun::no);
    CHECK(out.company.district_ags == std::optional<std::string>("15088"));
    CHECK(out.warnings.empty());

    f = fields("b", "B", "06420");
    out = werkstatt::add_company(db, f, warn, DryRun::no);
    CHECK(out.company.district_ags == std::optional<std::string>("15089"));
    REQUIRE(out.warnings.size() == 1);
    CHECK_THAT(out.warnings[0], Catch::Contains("Saalekreis") && Catch::Contains("Salzlandkreis"));

    f = fields("c", "C", "06420");
    f.district = "saalekreis";
    out = werkstatt::add_company(db, f, warn, DryRun::no);
    CHECK(out.company.district_ags == std::optional<std::string>("15088"));
    CHECK(out.warnings.empty());
}

TEST_CASE("members::add_company refuses a key in use", "[members]") {
    TestDatabase t;
    auto& db = t.db();
    werkstatt::add_company(db, fields("mueller", "Müller", "39104"), warn, DryRun::no);
    const int audit_before = count_rows(db, "audit_log");
    const auto e = failure_of(
        [&] { werkstatt::add_company(db, fields("mueller", "Other", "06108"), warn, DryRun::no); });
    CHECK(e.kind == ErrorKind::conflict);
    CHECK_THAT(e.message, Catch::Contains("mueller"));
    CHECK(count_rows(db, "company") == 1);
    CHECK(werkstatt::find_company(db, "mueller")->name == "Müller");
    CHECK(count_rows(db, "audit_log") == audit_before);
}

TEST_CASE("members::add_company with DryRun::yes writes nothing", "[members]") {
    TestDatabase t;
    auto& db = t.db();
    const int audit_before = count_rows(db, "audit_log");
    const auto out = werkstatt::add_company(db, fields("dry", "Dry", "39104"), warn, DryRun::yes);
    CHECK(out.company.key == "dry");
    CHECK(out.company.district_ags == std::optional<std::string>("15003"));
    CHECK_FALSE(werkstatt::find_company(db, "dry").has_value());
    CHECK(count_rows(db, "company") == 0);
    CHECK(count_rows(db, "audit_log") == audit_before);
    // A dry run still finds conflicts.
    werkstatt::add_company(db, fields("wet", "Wet", "39104"), warn, DryRun::no);
    CHECK(failure_of([&] {
              werkstatt::add_company(db, fields("wet", "Again", "39104"), warn, DryRun::yes);
          }).kind == ErrorKind::conflict);
}

// ---------------------------------------------------------------------------------------------
// edit_company, archive_company, list_companies

TEST_CASE("members::edit_company changes the given fields and records them", "[members]") {
    TestDatabase t;
    auto& db = t.db();
    auto f = fields("mueller", "Müller", "39104");
    f.city = "Magdeburg";
    f.industry = "Metall";
    const auto id = werkstatt::add_company(db, f, warn, DryRun::no).company.id;
    const int audit_before = count_rows(db, "audit_log");

    SECTION("changed fields are named in the outcome and the audit row") {
        CompanyFields e;
        e.name = "Müller Metallbau GmbH";
        e.industry = "Metall"; // unchanged
        e.notes = "neu";
        const auto out = werkstatt::edit_company(db, "mueller", e, warn, DryRun::no);
        CHECK(out.changed == Strings{"name", "notes"});
        CHECK(out.company.id == id);
        const auto stored = werkstatt::find_company(db, "mueller");
        CHECK(stored->name == "Müller Metallbau GmbH");
        CHECK(stored->notes == "neu");
        CHECK(stored->industry == "Metall");
        CHECK(stored->city == "Magdeburg");
        const auto audit = audit_after(db, audit_before);
        REQUIRE(audit.size() == 1);
        CHECK(audit[0].action == "edit");
        CHECK(audit[0].entity_id == id);
        CHECK(audit[0].details == "fields=name,notes");
        CHECK(audit[0].details.find("Metallbau") == std::string::npos); // no values
    }
    SECTION("nothing changed: no write, no audit row") {
        CompanyFields e;
        e.name = "Müller";
        e.plz = "39104";
        const auto out = werkstatt::edit_company(db, "mueller", e, warn, DryRun::no);
        CHECK(out.changed.empty());
        CHECK(count_rows(db, "audit_log") == audit_before);
    }
    SECTION("a new PLZ re-derives the district") {
        CompanyFields e;
        e.plz = "06108";
        e.city = "Halle (Saale)";
        const auto out = werkstatt::edit_company(db, "mueller", e, warn, DryRun::no);
        CHECK(contains(out.changed, "plz"));
        CHECK(contains(out.changed, "district"));
        CHECK(out.company.district_ags == std::optional<std::string>("15002"));
        CHECK(werkstatt::find_company(db, "mueller")->district_ags ==
              std::optional<std::string>("15002"));

        e = CompanyFields{};
        e.plz = "06844";
        werkstatt::edit_company(db, "mueller", e, warn, DryRun::no);
        CHECK(werkstatt::find_company(db, "mueller")->district_ags ==
              std::optional<std::string>("15001"));
    }
    SECTION("a new city re-derives the district of a PLZ that spans two") {
        werkstatt::add_company(db, fields("grenz", "Grenz", "06420"), warn, DryRun::no);
        CHECK(werkstatt::find_company(db, "grenz")->district_ags ==
              std::optional<std::string>("15089"));
        CompanyFields e;
        e.city = "Rothenburg";
        const auto out = werkstatt::edit_company(db, "grenz", e, warn, DryRun::no);
        CHECK(out.changed == Strings{"city", "district"});
        CHECK(out.warnings.empty());
        CHECK(werkstatt::find_company(db, "grenz")->district_ags ==
              std::optional<std::string>("15088"));
    }
    SECTION("an explicit district wins over the PLZ") {
        CompanyFields e;
        e.district = "15083";
        const auto out = werkstatt::edit_company(db, "mueller", e, warn, DryRun::no);
        CHECK(out.changed == Strings{"district"});
        CHECK(werkstatt::find_company(db, "mueller")->district_ags ==
              std::optional<std::string>("15083"));
    }
    SECTION("a PLZ outside the state clears the district or is refused") {
        CompanyFields e;
        e.plz = "10115";
        CHECK(failure_of([&] {
                  werkstatt::edit_company(db, "mueller", e, reject, DryRun::no);
              }).kind == ErrorKind::bad_data);
        CHECK(werkstatt::find_company(db, "mueller")->plz == "39104");
        const auto out = werkstatt::edit_company(db, "mueller", e, warn, DryRun::no);
        CHECK(contains(out.changed, "district"));
        CHECK(out.warnings.size() == 1);
        CHECK_FALSE(werkstatt::find_company(db, "mueller")->district_ags.has_value());
    }
    SECTION("an edit that does not touch PLZ, city or district keeps the district") {
        db.sql().exec("UPDATE company SET district_ags = '15083' WHERE key = 'mueller'");
        CompanyFields e;
        e.notes = "x";
        werkstatt::edit_company(db, "mueller", e, warn, DryRun::no);
        CHECK(werkstatt::find_company(db, "mueller")->district_ags ==
              std::optional<std::string>("15083"));
    }
    SECTION("capacity 0 clears it") {
        CompanyFields e;
        e.capacity = 12;
        werkstatt::edit_company(db, "mueller", e, warn, DryRun::no);
        CHECK(werkstatt::find_company(db, "mueller")->capacity == 12);
        e.capacity = 0;
        const auto out = werkstatt::edit_company(db, "mueller", e, warn, DryRun::no);
        CHECK(out.changed == Strings{"capacity"});
        CHECK_FALSE(werkstatt::find_company(db, "mueller")->capacity.has_value());
    }
    SECTION("invalid values are refused") {
        CompanyFields e;
        e.member_since = "2027-13-01";
        CHECK(failure_of([&] {
                  werkstatt::edit_company(db, "mueller", e, warn, DryRun::no);
              }).kind == ErrorKind::bad_data);
        e = CompanyFields{};
        e.name = " ";
        CHECK(failure_of([&] {
                  werkstatt::edit_company(db, "mueller", e, warn, DryRun::no);
              }).kind == ErrorKind::bad_data);
        CHECK(werkstatt::find_company(db, "mueller")->name == "Müller");
        CHECK(count_rows(db, "audit_log") == audit_before);
    }
    SECTION("an unknown company") {
        CompanyFields e;
        e.name = "X";
        const auto err =
            failure_of([&] { werkstatt::edit_company(db, "nobody", e, warn, DryRun::no); });
        CHECK(err.kind == ErrorKind::not_found);
        CHECK_THAT(err.message, Catch::Contains("nobody"));
        CHECK(failure_of([&] { werkstatt::require_company(db, "nobody"); }).kind ==
              ErrorKind::not_found);
    }
    SECTION("DryRun::yes leaves the row as it was") {
        CompanyFields e;
        e.name = "Dry";
        const auto out = werkstatt::edit_company(db, "mueller", e, warn, DryRun::yes);
        CHECK(out.company.name == "Dry");
        CHECK(werkstatt::find_company(db, "mueller")->name == "Müller");
        CHECK(count_rows(db, "audit_log") == audit_before);
    }
}

TEST_CASE("members::edit_company renames the key unless the new key is taken", "[members]") {
    TestDatabase t;
    auto& db = t.db();
    const auto id =
        werkstatt::add_company(db, fields("old", "Old", "39104"), warn, DryRun::no).company.id;
    werkstatt::add_company(db, fields("taken", "Taken", "39104"), warn, DryRun::no);

    CompanyFields e;
    e.key = "taken";
    const auto err = failure_of([&] { werkstatt::edit_company(db, "old", e, warn, DryRun::no); });
    CHECK(err.kind == ErrorKind::conflict);
    CHECK_THAT(err.message, Catch::Contains("taken"));
    CHECK(werkstatt::find_company(db, "old").has_value());
    CHECK(werkstatt::find_company(db, "taken")->name == "Taken");

    e.key = "Bad Key";
    CHECK(failure_of([&] { werkstatt::edit_company(db, "old", e, warn, DryRun::no); }).kind ==
          ErrorKind::bad_data);

    e.key = "new";
    const auto out = werkstatt::edit_company(db, "old", e, warn, DryRun::no);
    CHECK(out.changed == Strings{"key"});
    CHECK_FALSE(werkstatt::find_company(db, "old").has_value());
    REQUIRE(werkstatt::find_company(db, "new").has_value());
    CHECK(werkstatt::find_company(db, "new")->id == id);
}

TEST_CASE("members::archive_company archives and restores", "[members]") {
    TestDatabase t;
    auto& db = t.db();
    werkstatt::add_company(db, fields("a", "A", "39104"), warn, DryRun::no);
    werkstatt::add_company(db, fields("b", "B", "06108"), warn, DryRun::no);
    const int audit_before = count_rows(db, "audit_log");

    auto out = werkstatt::archive_company(db, "a", ArchiveAction::archive, DryRun::no);
    CHECK_FALSE(out.company.active);
    CHECK(out.changed == Strings{"active", "left_on"});
    CHECK_FALSE(werkstatt::find_company(db, "a")->active);
    CHECK(werkstatt::find_company(db, "a")->left_on == werkstatt::Date::today()); // the day it left
    CHECK(keys_of(werkstatt::list_companies(db, {})) == Strings{"b"});
    CHECK(keys_of(werkstatt::list_companies(db, CompanyFilter{true, std::nullopt, false})) ==
          Strings{"a", "b"});

    out = werkstatt::archive_company(db, "a", ArchiveAction::archive, DryRun::no);
    CHECK(out.changed.empty());
    REQUIRE(out.warnings.size() == 1);
    CHECK_THAT(out.warnings[0], Catch::Contains("archived already"));

    out = werkstatt::archive_company(db, "a", ArchiveAction::restore, DryRun::yes);
    CHECK(out.company.active);
    CHECK_FALSE(werkstatt::find_company(db, "a")->active); // dry run

    out = werkstatt::archive_company(db, "a", ArchiveAction::restore, DryRun::no);
    CHECK(werkstatt::find_company(db, "a")->active);
    CHECK_FALSE(werkstatt::find_company(db, "a")->left_on.has_value());
    CHECK(keys_of(werkstatt::list_companies(db, {})) == Strings{"a", "b"});
    out = werkstatt::archive_company(db, "a", ArchiveAction::restore, DryRun::no);
    CHECK_THAT(out.warnings.at(0), Catch::Contains("active already"));

    const auto audit = audit_after(db, audit_before);
    REQUIRE(audit.size() == 2);
    CHECK(audit[0].action == "archive");
    CHECK(audit[1].action == "restore");
    CHECK(audit[0].entity_id == werkstatt::find_company(db, "a")->id);

    CHECK(failure_of([&] {
              werkstatt::archive_company(db, "zzz", ArchiveAction::archive, DryRun::no);
          }).kind == ErrorKind::not_found);
}

TEST_CASE("members::list_companies filters and orders by key", "[members]") {
    TestDatabase t;
    auto& db = t.db();
    const auto add = [&](const char* key, const char* plz, bool host) {
        auto f = fields(key, key, plz);
        f.can_host = host;
        f.capacity = 10;
        werkstatt::add_company(db, f, warn, DryRun::no);
    };
    add("zeta", "39104", true);   // Magdeburg
    add("alpha", "06108", false); // Halle
    add("mid", "39104", false);   // Magdeburg
    add("host-hal", "06108", true);
    werkstatt::archive_company(db, "host-hal", ArchiveAction::archive, DryRun::no);

    CHECK(keys_of(werkstatt::list_companies(db, {})) == Strings{"alpha", "mid", "zeta"});
    CHECK(keys_of(werkstatt::list_companies(db, {true, std::nullopt, false})) ==
          Strings{"alpha", "host-hal", "mid", "zeta"});
    CHECK(keys_of(werkstatt::list_companies(db, {false, std::nullopt, true})) == Strings{"zeta"});
    CHECK(keys_of(werkstatt::list_companies(db, {true, std::nullopt, true})) ==
          Strings{"host-hal", "zeta"});
    CHECK(keys_of(werkstatt::list_companies(db, {false, std::string("15003"), false})) ==
          Strings{"mid", "zeta"});
    CHECK(keys_of(werkstatt::list_companies(db, {false, std::string("15002"), false})) ==
          Strings{"alpha"});
    CHECK(keys_of(werkstatt::list_companies(db, {true, std::string("15002"), true})) ==
          Strings{"host-hal"});
    CHECK(werkstatt::list_companies(db, {true, std::string("15090"), false}).empty());
}

// ---------------------------------------------------------------------------------------------
// import_companies

namespace {

const std::string k_import = "key;name;plz;city;industry;can_host;capacity\n"
                             "mueller;Müller Metallbau GmbH;39104;Magdeburg;Metall;ja;40\n"
                             "schmidt;Schmidt & Söhne;06108;Halle (Saale);Bau;nein;\n"
                             "\n"
                             "roth;Roth KG;06420;Rothenburg;;x;12\n";

} // namespace

TEST_CASE("members::import_companies inserts, updates and counts", "[members]") {
    TestDatabase t;
    auto& db = t.db();
    const int audit_before = count_rows(db, "audit_log");

    auto report = import_text(db, k_import);
    CHECK(report.problems.empty());
    CHECK(report.read == 3);
    CHECK(report.inserted == 3);
    CHECK(report.updated == 0);
    CHECK(report.unchanged == 0);
    CHECK(keys_of(werkstatt::list_companies(db, {})) == Strings{"mueller", "roth", "schmidt"});

    const auto mueller = werkstatt::find_company(db, "mueller");
    CHECK(mueller->name == "Müller Metallbau GmbH");
    CHECK(mueller->district_ags == std::optional<std::string>("15003"));
    CHECK(mueller->can_host);
    CHECK(mueller->capacity == 40);
    CHECK(mueller->industry == "Metall");
    const auto schmidt = werkstatt::find_company(db, "schmidt");
    CHECK_FALSE(schmidt->can_host);
    CHECK_FALSE(schmidt->capacity.has_value());
    CHECK(schmidt->district_ags == std::optional<std::string>("15002"));
    CHECK(werkstatt::find_company(db, "roth")->district_ags == std::optional<std::string>("15088"));

    const auto audit = audit_after(db, audit_before);
    REQUIRE(audit.size() == 1);
    CHECK(audit[0].entity == "company");
    CHECK(audit[0].action == "import");
    CHECK_FALSE(audit[0].entity_id.has_value());
    CHECK(audit[0].details == "file=members.csv read=3 inserted=3 updated=0 unchanged=0");

    SECTION("re-importing the same file changes nothing") {
        report = import_text(db, k_import);
        CHECK(report.problems.empty());
        CHECK(report.read == 3);
        CHECK(report.inserted == 0);
        CHECK(report.updated == 0);
        CHECK(report.unchanged == 3);
        CHECK(count_rows(db, "company") == 3);
    }
    SECTION("a changed row is updated, columns not in the file are kept") {
        werkstatt::CompanyFields e;
        e.notes = "kept";
        werkstatt::edit_company(db, "mueller", e, warn, DryRun::no);
        report = import_text(db, "key,name,plz\n"
                                 "mueller,Müller Metallbau GmbH,39104\n"
                                 "schmidt,Schmidt und Söhne,06108\n"
                                 "neu,Neu AG,06844\n");
        CHECK(report.problems.empty());
        CHECK(report.inserted == 1);
        CHECK(report.updated == 1);
        CHECK(report.unchanged == 1);
        CHECK(werkstatt::find_company(db, "schmidt")->name == "Schmidt und Söhne");
        CHECK(werkstatt::find_company(db, "mueller")->notes == "kept");
        CHECK(werkstatt::find_company(db, "mueller")->capacity == 40);
        CHECK(werkstatt::find_company(db, "neu")->district_ags ==
              std::optional<std::string>("15001"));
    }
    SECTION("DryRun::yes reports but writes nothing") {
        const int audit_mid = count_rows(db, "audit_log");
        report = import_text(db, "key;name;plz\nneu;Neu;06844\nmueller;Umbenannt;39104\n", warn,
                             DryRun::yes);
        CHECK(report.inserted == 1);
        CHECK(report.updated == 1);
        CHECK_FALSE(werkstatt::find_company(db, "neu").has_value());
        CHECK(werkstatt::find_company(db, "mueller")->name == "Müller Metallbau GmbH");
        CHECK(count_rows(db, "audit_log") == audit_mid);
    }
}

TEST_CASE("members::import_companies lists invalid rows and writes nothing", "[members]") {
    TestDatabase t;
    auto& db = t.db();
    const int audit_before = count_rows(db, "audit_log");
    const auto report = import_text(db, "key;name;plz;can_host;capacity\n" // 1
                                        "good;Gut GmbH;39104;ja;10\n"      // 2
                                        "bad-plz;Schlecht;3910;nein;\n"    // 3
                                        "good2;Gut 2;06108;no;\n"          // 4
                                        "Bad Key;X;39104;;\n"              // 5
                                        "flag;Flagge;39104;vielleicht;\n"  // 6
                                        "cap;Kapazität;39104;;viele\n"     // 7
                                        "short;Kurz\n"                     // 8
                                        "noname;;39104;;\n"                // 9
                                        "\"multi\nline\";X;39104;;\n"      // 10-11
                                        "late;Spät;1234;;\n");             // 12
    CHECK(report.read == 10);
    CHECK(report.rejected == 8);
    REQUIRE(report.problems.size() == 8);
    CHECK_THAT(report.problems[0], Catch::StartsWith("members.csv:3: ") && Catch::Contains("PLZ"));
    CHECK_THAT(report.problems[1], Catch::StartsWith("members.csv:5: ") && Catch::Contains("key"));
    CHECK_THAT(report.problems[2],
               Catch::StartsWith("members.csv:6: ") && Catch::Contains("vielleicht"));
    CHECK_THAT(report.problems[3],
               Catch::StartsWith("members.csv:7: ") && Catch::Contains("capacity"));
    CHECK_THAT(report.problems[4],
               Catch::StartsWith("members.csv:8: ") && Catch::Contains("2 fields"));
    CHECK_THAT(report.problems[5], Catch::StartsWith("members.csv:9: ") && Catch::Contains("name"));
    CHECK_THAT(report.problems[6], Catch::StartsWith("members.csv:10: "));
    CHECK_THAT(report.problems[7], Catch::StartsWith("members.csv:12: "));
    CHECK(count_rows(db, "company") == 0);
    CHECK(count_rows(db, "audit_log") == audit_before);
    CHECK_FALSE(werkstatt::find_company(db, "good").has_value());
}

TEST_CASE("members::import_companies checks the header", "[members]") {
    TestDatabase t;
    auto& db = t.db();
    SECTION("missing required column") {
        const auto e = failure_of([&] { import_text(db, "key;name;city\na;A;Halle\n"); });
        CHECK(e.kind == ErrorKind::bad_data);
        CHECK_THAT(e.message, Catch::StartsWith("members.csv:1:") && Catch::Contains("'plz'"));
    }
    SECTION("unknown column") {
        const auto e = failure_of([&] { import_text(db, "key;name;plz;fax\na;A;39104;1\n"); });
        CHECK(e.kind == ErrorKind::bad_data);
        CHECK_THAT(e.message, Catch::StartsWith("members.csv:1:") && Catch::Contains("'fax'"));
    }
    SECTION("a column twice") {
        const auto e = failure_of([&] { import_text(db, "key;name;plz;Name\na;A;39104;B\n"); });
        CHECK(e.kind == ErrorKind::bad_data);
        CHECK_THAT(e.message, Catch::Contains("twice"));
    }
    SECTION("an empty file") {
        const auto e = failure_of([&] { import_text(db, ""); });
        CHECK(e.kind == ErrorKind::bad_data);
        CHECK_THAT(e.message, Catch::Contains("members.csv"));
    }
    SECTION("a header without rows imports nothing and writes no audit row") {
        const int audit_before = count_rows(db, "audit_log");
        const auto e = failure_of([&] { import_text(db, "key;name;plz\n\n"); });
        CHECK(e.kind == ErrorKind::bad_data);
        CHECK(e.message == "members.csv has a header but no rows; nothing to import");
        CHECK(count_rows(db, "audit_log") == audit_before);
    }
    SECTION("every problem of a row is listed, the row counted once") {
        const auto report = import_text(db, "key;name;plz;capacity\nBad Key;X;3910;viele\n");
        CHECK(report.rejected == 1);
        REQUIRE(report.problems.size() == 3);
        CHECK_THAT(report.problems[0], Catch::Contains("capacity"));
        CHECK_THAT(report.problems[1], Catch::Contains("key 'Bad Key'"));
        CHECK_THAT(report.problems[2], Catch::Contains("PLZ '3910'"));
    }
    SECTION("header names are matched loosely; id and district_ags are ignored") {
        const auto report = import_text(db, "\xEF\xBB\xBF"
                                            "ID;Key;Name;PLZ;Member Since;Can-Host;district_ags\n"
                                            "99;a;A;39104;2019-01-02;true;15090\n");
        CHECK(report.problems.empty());
        CHECK(report.inserted == 1);
        const auto a = werkstatt::find_company(db, "a");
        REQUIRE(a.has_value());
        CHECK(a->id != 99);
        CHECK(a->member_since->iso() == "2019-01-02");
        CHECK(a->can_host);
        CHECK(a->district_ags == std::optional<std::string>("15003"));
    }
    CHECK(count_rows(db, "company") <= 1);
}

TEST_CASE("members::import_companies lets a later row with the same key win", "[members]") {
    TestDatabase t;
    auto& db = t.db();
    const auto report = import_text(db, "key;name;plz\n"
                                        "dup;Erste;39104\n"
                                        "other;Andere;06108\n"
                                        "dup;Zweite;06844\n");
    CHECK(report.problems.empty());
    CHECK(report.read == 3);
    REQUIRE(report.warnings.size() == 1);
    CHECK_THAT(report.warnings[0], Catch::StartsWith("members.csv:4:") &&
                                       Catch::Contains("'dup'") && Catch::Contains("line 2"));
    const auto dup = werkstatt::find_company(db, "dup");
    REQUIRE(dup.has_value());
    CHECK(dup->name == "Zweite");
    CHECK(dup->plz == "06844");
    CHECK(dup->district_ags == std::optional<std::string>("15001"));
    CHECK(count_rows(db, "company") == 2);
}

TEST_CASE("members::import_companies applies the outside-PLZ policy per row", "[members]") {
    TestDatabase t;
    auto& db = t.db();
    const std::string csv = "key;name;plz\nber;Berlin;10115\nmd;Magdeburg;39104\n";
    auto report = import_text(db, csv, reject);
    REQUIRE(report.problems.size() == 1);
    CHECK_THAT(report.problems[0], Catch::StartsWith("members.csv:2:"));
    CHECK(count_rows(db, "company") == 0);

    report = import_text(db, csv, warn);
    CHECK(report.problems.empty());
    CHECK(report.inserted == 2);
    REQUIRE(report.warnings.size() == 1);
    CHECK_THAT(report.warnings[0], Catch::StartsWith("members.csv:2:") && Catch::Contains("10115"));
}

TEST_CASE("members::import_companies reports broken CSV as bad data", "[members]") {
    TestDatabase t;
    auto& db = t.db();
    const auto e = failure_of([&] { import_text(db, "key;name;plz\na;\"open;39104\n"); });
    CHECK(e.kind == ErrorKind::bad_data);
    CHECK_THAT(e.message, Catch::StartsWith("members.csv:2:"));
    CHECK(count_rows(db, "company") == 0);
}

TEST_CASE("members::import_companies reads what German Excel saves: WAHR, FALSCH, TT.MM.JJJJ",
          "[members]") {
    TestDatabase t;
    auto& db = t.db();
    const auto report = import_text(db, "key;name;plz;can_host;member_since\r\n"
                                        "a;A GmbH;39104;WAHR;01.03.2021\r\n"
                                        "b;B GmbH;06108;Falsch;15.09.2022\r\n");
    CHECK(report.problems.empty());
    CHECK(report.inserted == 2);
    const auto a = werkstatt::find_company(db, "a");
    const auto b = werkstatt::find_company(db, "b");
    REQUIRE((a && b));
    CHECK(a->can_host);
    CHECK_FALSE(b->can_host);
    CHECK(a->member_since == werkstatt::test::day("2021-03-01"));
    // In CSV a PLZ of four digits is an error, not a number that lost its zero.
    const auto bad = import_text(db, "key;name;plz\nc;C GmbH;6844\n");
    CHECK(bad.problems.size() == 1);
}

namespace {

// Add a varied set of companies for the export round trip.
void add_varied(Database& db) {
    auto f = fields("mueller", "Müller Metallbau GmbH", "39104");
    f.industry = "Metallbau; Stahl";
    f.street = "Hauptstraße 1";
    f.city = "Magdeburg";
    f.can_host = true;
    f.capacity = 40;
    f.member_since = "2019-03-01";
    f.notes = "Zugang über den Hof,\n\"klingeln\"";
    werkstatt::add_company(db, f, warn, DryRun::no);

    f = fields("formel", "=Formel & Partner", "06108");
    f.industry = "-";
    f.notes = "@home +49 345";
    f.member_since = "";
    werkstatt::add_company(db, f, warn, DryRun::no);

    f = fields("roth", "Roth KG", "06420");
    f.city = "Rothenburg";
    f.can_host = false;
    werkstatt::add_company(db, f, warn, DryRun::no);

    f = fields("grenz", "Grenzfirma", "06420"); // spans two districts, chosen by majority
    werkstatt::add_company(db, f, warn, DryRun::no);

    f = fields("explizit", "Explizit", "39104");
    f.district = "Börde"; // differs from what the PLZ says
    werkstatt::add_company(db, f, warn, DryRun::no);

    f = fields("berlin", "Berliner Freunde", "10115");
    f.city = "Berlin";
    werkstatt::add_company(db, f, warn, DryRun::no);

    f = fields("alt", "Alt & Archiviert", "06844");
    f.can_host = true;
    f.capacity = 100000;
    werkstatt::add_company(db, f, warn, DryRun::no);
    werkstatt::archive_company(db, "alt", ArchiveAction::archive, DryRun::no);
}

std::string export_csv(Database& db) {
    const auto companies = werkstatt::list_companies(db, CompanyFilter{true, std::nullopt, false});
    std::ostringstream out;
    werkstatt::write_records(out, werkstatt::company_records(companies, Columns::full),
                             werkstatt::Format::csv, werkstatt::Color::no);
    return out.str();
}

} // namespace

TEST_CASE("members::import_companies takes back its own export unchanged", "[members]") {
    TestDatabase t;
    auto& db = t.db();
    add_varied(db);
    const auto before = werkstatt::list_companies(db, CompanyFilter{true, std::nullopt, false});
    REQUIRE(before.size() == 7);
    const auto csv = export_csv(db);

    SECTION("into the same database: all unchanged") {
        const auto report = import_text(db, csv);
        CHECK(report.problems.empty());
        CHECK(report.read == before.size());
        CHECK(report.unchanged == before.size());
        CHECK(report.inserted == 0);
        CHECK(report.updated == 0);
        const auto after = werkstatt::list_companies(db, CompanyFilter{true, std::nullopt, false});
        REQUIRE(after.size() == before.size());
        for (std::size_t i = 0; i < before.size(); ++i) {
            check_same_company(after[i], before[i]);
        }
    }
    SECTION("into a fresh database: the same companies") {
        TestDatabase fresh;
        const auto report = import_text(fresh.db(), csv);
        CHECK(report.problems.empty());
        CHECK(report.inserted == before.size());
        const auto after =
            werkstatt::list_companies(fresh.db(), CompanyFilter{true, std::nullopt, false});
        REQUIRE(after.size() == before.size());
        for (std::size_t i = 0; i < before.size(); ++i) {
            check_same_company(after[i], before[i]);
        }
        // And exporting that gives the same file (ids aside, which are in the first column).
        const auto again = import_text(fresh.db(), export_csv(fresh.db()));
        CHECK(again.unchanged == before.size());
    }
}

TEST_CASE("members::import_companies keeps text that starts with an apostrophe", "[members]") {
    // The export neutralises formulas with an apostrophe; text that already starts with an
    // apostrophe and a formula character must come back as it was.
    TestDatabase t;
    auto& db = t.db();
    auto f = fields("apo", "'=Apostroph GmbH", "39104");
    f.notes = "'-- Kommentar";
    werkstatt::add_company(db, f, warn, DryRun::no);
    const auto report = import_text(db, export_csv(db));
    CHECK(report.problems.empty());
    CHECK(report.unchanged == 1);
    CHECK(report.updated == 0);
    CHECK(werkstatt::find_company(db, "apo")->name == "'=Apostroph GmbH");
    CHECK(werkstatt::find_company(db, "apo")->notes == "'-- Kommentar");
}

// ---------------------------------------------------------------------------------------------
// views

TEST_CASE("members::company_records and company_detail", "[members]") {
    TestDatabase t;
    auto& db = t.db();
    add_varied(db);
    const auto companies = werkstatt::list_companies(db, {});
    const auto brief = werkstatt::company_records(companies, Columns::brief);
    CHECK(brief.columns == Strings{"id", "key", "name", "industry", "plz", "city", "district",
                                   "can_host", "capacity", "size"});
    REQUIRE(brief.rows.size() == companies.size());
    const auto full = werkstatt::company_records(companies, Columns::full);
    CHECK(full.columns.size() == 16); // size and left_on last

    const auto mueller = werkstatt::require_company(db, "mueller");
    const auto row = std::find_if(brief.rows.begin(), brief.rows.end(), [](const auto& r) {
        return werkstatt::display_text(r[1]) == "mueller";
    });
    REQUIRE(row != brief.rows.end());
    CHECK(std::get<std::int64_t>((*row)[0]) == mueller.id);
    CHECK(werkstatt::display_text((*row)[6]) == "Magdeburg");
    CHECK(std::get<bool>((*row)[7]));
    CHECK(std::get<std::int64_t>((*row)[8]) == 40);

    const auto berlin = werkstatt::require_company(db, "berlin");
    const auto detail = werkstatt::company_detail(berlin, {});
    REQUIRE(detail.fields.size() == 16);
    CHECK(detail.fields[7].first == "district");
    CHECK(std::holds_alternative<std::monostate>(detail.fields[7].second));
    CHECK(std::holds_alternative<std::monostate>(detail.fields[10].second)); // capacity
    REQUIRE(detail.children.size() == 1);
    CHECK(detail.children[0].first == "contacts");
    CHECK(detail.children[0].second.rows.empty());
}

// ---------------------------------------------------------------------------------------------
// contacts

namespace {

ContactFields contact(const std::string& company, const std::string& name) {
    ContactFields f;
    f.company = company;
    f.name = name;
    return f;
}

} // namespace

TEST_CASE("members::add_contact stores a contact of a company", "[members]") {
    TestDatabase t;
    auto& db = t.db();
    const auto company =
        werkstatt::add_company(db, fields("mueller", "Müller", "39104"), warn, DryRun::no).company;
    const int audit_before = count_rows(db, "audit_log");

    auto f = contact("mueller", " Anna Schmidt ");
    f.role = "Personalleitung";
    f.email = " anna.schmidt@mueller-metallbau.de ";
    f.phone = "+49 391 123 45-67";
    const auto c = werkstatt::add_contact(db, f, DryRun::no);
    CHECK(c.id > 0);
    CHECK(c.company_id == company.id);
    CHECK(c.company_key == "mueller");
    CHECK(c.name == "Anna Schmidt");
    CHECK(c.email == "anna.schmidt@mueller-metallbau.de");

    const auto stored = werkstatt::require_contact(db, c.id);
    CHECK(stored.name == "Anna Schmidt");
    CHECK(stored.role == "Personalleitung");
    CHECK(stored.email == "anna.schmidt@mueller-metallbau.de");
    CHECK(stored.phone == "+49 391 123 45-67");
    CHECK(stored.company_key == "mueller");

    const auto audit = audit_after(db, audit_before);
    REQUIRE(audit.size() == 1);
    CHECK(audit[0].entity == "contact");
    CHECK(audit[0].entity_id == c.id);
    CHECK(audit[0].action == "add");
    CHECK(audit[0].details == "company=mueller");
    CHECK(audit[0].details.find("Anna") == std::string::npos);

    // Empty email and phone are allowed.
    auto g = contact("mueller", "Bernd");
    g.email = "";
    g.phone = "  ";
    const auto b = werkstatt::add_contact(db, g, DryRun::no);
    CHECK(werkstatt::require_contact(db, b.id).email.empty());
    CHECK(werkstatt::require_contact(db, b.id).phone.empty());

    // Dry run writes nothing.
    const int contacts = count_rows(db, "contact");
    werkstatt::add_contact(db, contact("mueller", "Dry"), DryRun::yes);
    CHECK(count_rows(db, "contact") == contacts);
}

TEST_CASE("members::add_contact refuses invalid input", "[members]") {
    TestDatabase t;
    auto& db = t.db();
    werkstatt::add_company(db, fields("mueller", "Müller", "39104"), warn, DryRun::no);
    const int audit_before = count_rows(db, "audit_log");
    const auto refused = [&](const ContactFields& f) {
        const auto e = failure_of([&] { werkstatt::add_contact(db, f, DryRun::no); });
        CHECK(count_rows(db, "contact") == 0);
        CHECK(count_rows(db, "audit_log") == audit_before);
        return e;
    };

    auto e = refused(contact("nobody", "Anna"));
    CHECK(e.kind == ErrorKind::not_found);
    CHECK_THAT(e.message, Catch::Contains("nobody"));

    ContactFields no_company;
    no_company.name = "Anna";
    CHECK(refused(no_company).kind == ErrorKind::usage);
    ContactFields no_name;
    no_name.company = "mueller";
    CHECK(refused(no_name).kind == ErrorKind::usage);
    CHECK(refused(contact("mueller", "  ")).kind == ErrorKind::bad_data);

    for (const char* email : {"anna", "anna@", "@firma.de", "anna@firma", "an na@firma.de"}) {
        INFO("email '" << email << "'");
        auto f = contact("mueller", "Anna");
        f.email = email;
        e = refused(f);
        CHECK(e.kind == ErrorKind::bad_data);
        CHECK_THAT(e.message, Catch::Contains("email"));
    }
    for (const char* phone : {"1234", "0391-CALL", "0391#1234"}) {
        INFO("phone '" << phone << "'");
        auto f = contact("mueller", "Anna");
        f.phone = phone;
        e = refused(f);
        CHECK(e.kind == ErrorKind::bad_data);
        CHECK_THAT(e.message, Catch::Contains("phone"));
    }
}

TEST_CASE("members::edit_contact and remove_contact", "[members]") {
    TestDatabase t;
    auto& db = t.db();
    werkstatt::add_company(db, fields("mueller", "Müller", "39104"), warn, DryRun::no);
    const auto other =
        werkstatt::add_company(db, fields("schmidt", "Schmidt", "06108"), warn, DryRun::no).company;
    auto f = contact("mueller", "Anna");
    f.email = "anna@mueller.de";
    const auto anna = werkstatt::add_contact(db, f, DryRun::no);
    const auto zora = werkstatt::add_contact(db, contact("mueller", "Zora"), DryRun::no);
    const int audit_before = count_rows(db, "audit_log");

    SECTION("edit names the changed fields") {
        ContactFields e;
        e.email = "anna@mueller.de"; // unchanged
        e.phone = "0391 12345";
        e.role = "Chefin";
        Strings changed;
        const auto c = werkstatt::edit_contact(db, anna.id, e, changed, DryRun::no);
        CHECK(changed == Strings{"role", "phone"});
        CHECK(c.phone == "0391 12345");
        CHECK(werkstatt::require_contact(db, anna.id).role == "Chefin");
        const auto audit = audit_after(db, audit_before);
        REQUIRE(audit.size() == 1);
        CHECK(audit[0].action == "edit");
        CHECK(audit[0].entity_id == anna.id);
        CHECK(audit[0].details == "fields=role,phone");
    }
    SECTION("edit moves a contact to another company") {
        ContactFields e;
        e.company = "schmidt";
        Strings changed;
        werkstatt::edit_contact(db, anna.id, e, changed, DryRun::no);
        CHECK(changed == Strings{"company"});
        const auto moved = werkstatt::require_contact(db, anna.id);
        CHECK(moved.company_id == other.id);
        CHECK(moved.company_key == "schmidt");
        CHECK(werkstatt::list_contacts(db, other.id).size() == 1);
    }
    SECTION("edit without change writes nothing") {
        ContactFields e;
        e.name = "Anna";
        Strings changed;
        werkstatt::edit_contact(db, anna.id, e, changed, DryRun::no);
        CHECK(changed.empty());
        CHECK(count_rows(db, "audit_log") == audit_before);
    }
    SECTION("edit clears the email with an empty value") {
        ContactFields e;
        e.email = "";
        Strings changed;
        werkstatt::edit_contact(db, anna.id, e, changed, DryRun::no);
        CHECK(changed == Strings{"email"});
        CHECK(werkstatt::require_contact(db, anna.id).email.empty());
    }
    SECTION("edit refuses invalid values, unknown contacts and companies") {
        ContactFields e;
        e.email = "anna at mueller.de";
        Strings changed;
        CHECK(failure_of([&] {
                  werkstatt::edit_contact(db, anna.id, e, changed, DryRun::no);
              }).kind == ErrorKind::bad_data);
        CHECK(werkstatt::require_contact(db, anna.id).email == "anna@mueller.de");
        e = ContactFields{};
        e.company = "nobody";
        CHECK(failure_of([&] {
                  werkstatt::edit_contact(db, anna.id, e, changed, DryRun::no);
              }).kind == ErrorKind::not_found);
        e = ContactFields{};
        e.name = "X";
        CHECK(failure_of([&] { werkstatt::edit_contact(db, 999, e, changed, DryRun::no); }).kind ==
              ErrorKind::not_found);
        CHECK(count_rows(db, "audit_log") == audit_before);
    }
    SECTION("edit with DryRun::yes") {
        ContactFields e;
        e.name = "Anne";
        Strings changed;
        const auto c = werkstatt::edit_contact(db, anna.id, e, changed, DryRun::yes);
        CHECK(c.name == "Anne");
        CHECK(werkstatt::require_contact(db, anna.id).name == "Anna");
    }
    SECTION("remove deletes the contact and leaves only the audit row") {
        werkstatt::remove_contact(db, zora.id, DryRun::yes);
        CHECK(werkstatt::find_contact(db, zora.id).has_value());

        const auto removed = werkstatt::remove_contact(db, zora.id, DryRun::no);
        CHECK(removed.contact.name == "Zora");
        CHECK_FALSE(werkstatt::find_contact(db, zora.id).has_value());
        CHECK(failure_of([&] { werkstatt::require_contact(db, zora.id); }).kind ==
              ErrorKind::not_found);
        CHECK(failure_of([&] { werkstatt::remove_contact(db, zora.id, DryRun::no); }).kind ==
              ErrorKind::not_found);
        const auto audit = audit_after(db, audit_before);
        REQUIRE(audit.size() == 1);
        CHECK(audit[0].action == "remove");
        CHECK(audit[0].entity_id == zora.id);
        CHECK(audit[0].details == "company=mueller");
        CHECK(werkstatt::list_contacts(db, std::nullopt).size() == 1);
    }
    SECTION("list_contacts orders by company key and name") {
        werkstatt::add_contact(db, contact("schmidt", "Berta"), DryRun::no);
        werkstatt::add_contact(db, contact("mueller", "Bodo"), DryRun::no);
        Strings names;
        for (const auto& c : werkstatt::list_contacts(db, std::nullopt)) {
            names.push_back(c.company_key + "/" + c.name);
        }
        CHECK(names == Strings{"mueller/Anna", "mueller/Bodo", "mueller/Zora", "schmidt/Berta"});
        const auto records = werkstatt::contact_records(werkstatt::list_contacts(db, other.id));
        CHECK(records.columns ==
              Strings{"id", "company", "name", "role", "email", "phone", "salutation", "invited"});
        REQUIRE(records.rows.size() == 1);
        CHECK(werkstatt::display_text(records.rows[0][2]) == "Berta");
        const auto detail = werkstatt::contact_detail(anna);
        CHECK(detail.fields.size() == 8);
        CHECK(werkstatt::display_text(detail.fields[4].second) == "anna@mueller.de");
    }
}

TEST_CASE("company list filters by a district given by name or key, an unknown one is a usage "
          "error") {
    CHECK(werkstatt::district_filter_ags("Harz") == "15085");
    CHECK(werkstatt::district_filter_ags("15003") == "15003");
    const auto f = failure_of([] { werkstatt::district_filter_ags("Atlantis"); });
    CHECK(f.kind == ErrorKind::usage);
    CHECK_THAT(f.message, Catch::Contains("district 'Atlantis' is unknown"));
}

TEST_CASE("company show reads the company by key with its contacts") {
    TestDatabase t;
    werkstatt::add_company(t.db(), fields("mueller", "Müller Metall", "39104"), warn, DryRun::no);
    ContactFields c;
    c.company = "mueller";
    c.name = "Anna Müller";
    werkstatt::add_contact(t.db(), c, DryRun::no);
    const auto detail = werkstatt::company_detail(t.db(), "mueller");
    REQUIRE(detail.children.size() == 1);
    CHECK(detail.children[0].second.rows.size() == 1);
    const auto f = failure_of([&] { werkstatt::company_detail(t.db(), "nobody"); });
    CHECK(f.kind == ErrorKind::not_found);
}
