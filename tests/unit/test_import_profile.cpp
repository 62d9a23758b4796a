// SPDX-License-Identifier: GPL-3.0-or-later
// Import profiles: the shipped ones, those of configuration files, and their errors.
#include "import/profile.hpp"

#include "core/text.hpp"
#include "domain/candidate_values.hpp"
#include "support.hpp"

#include <algorithm>
#include <string>
#include <vector>

using namespace werkstatt;
using werkstatt::test::failure_of;
using werkstatt::test::TempDir;
using werkstatt::test::write_text;

namespace {

// Write `toml` to `name` in `dir` and return it as the one profile source.
// Return the sources of the file `name` written with `toml`, as the configuration records them:
// the file defines the profile `profile`.
std::vector<ProfileSource> source_file(const TempDir& dir, const std::string& name,
                                       const std::string& toml,
                                       const std::string& profile = "mine") {
    const auto path = dir.file(name);
    write_text(path, toml);
    return {ProfileSource{profile, path.string()}};
}

std::string header_of(const ImportProfile& p, const std::string& field) {
    for (const auto& [f, column] : p.columns) {
        if (f == field) {
            return column.header;
        }
    }
    return "(unmapped)";
}

std::vector<std::string> names_of(const std::vector<ImportProfile>& profiles) {
    std::vector<std::string> names;
    for (const auto& p : profiles) {
        names.push_back(p.name);
    }
    return names;
}

const std::string k_minimal = R"(
[import.profile.mine]
kind = "candidate"
date_format = "YYYY-MM-DD"
source = "jc-halle"
encoding = "windows-1252"
delimiter = ";"

[import.profile.mine.columns]
reference = "Kennung"
plz = "Postleitzahl"

[import.profile.mine.values.german]
"Grundkenntnisse" = "A2"
)";

} // namespace

TEST_CASE("profile: the shipped profiles are found by name", "[import][profile]") {
    const auto ba = find_profile({}, "ba");
    CHECK(ba.name == "ba");
    CHECK(ba.kind == RecordKind::candidate);
    CHECK(ba.header);
    CHECK(ba.date_format == DateFormat::german);
    CHECK(ba.source == "ba");
    CHECK(ba.encoding == "auto");
    CHECK(ba.delimiter == '\0');
    CHECK(header_of(ba, "reference") == "Referenznummer");
    CHECK(header_of(ba, "plz") == "PLZ");
    // The agency's spellings are kept folded, so that any case and spacing matches.
    REQUIRE(ba.values.count("residence_status") == 1);
    const auto& status = ba.values.at("residence_status");
    CHECK(status.at(text::fold_for_match("Duldung § 60b")) == "duldung-60b");
    CHECK(status.at(text::fold_for_match("EU-Bürgerin")) == "eu");
    // The titles that were rejected as unknown before the 2026 review of the rules.
    const std::pair<const char*, const char*> titles[] = {
        {"Aufenthaltserlaubnis § 16b", "studium"},
        {"Aufenthaltserlaubnis § 16d", "anerkennung"},
        {"Aufenthaltserlaubnis § 16f", "sprachkurs"},
        {"Aufenthaltserlaubnis § 16g", "ausbildung-16g"},
        {"Aufenthaltserlaubnis § 17", "ausbildungssuche"},
        {"Aufenthaltserlaubnis § 20", "arbeitssuche"},
        {"Chancenkarte", "chancenkarte"},
        {"Aufenthaltserlaubnis § 20a", "chancenkarte"},
        {"Familiennachzug", "familie"},
        {"Aufenthaltserlaubnis § 30", "familie"},
        {"Aufenthaltserlaubnis § 25 Abs. 5", "humanitaer"},
        {"Aufenthaltserlaubnis § 23 Abs. 2", "aufnahme"},
        {"Visum erforderlich", "ausland"}};
    for (const auto& [spelling, code] : titles) {
        INFO(spelling);
        REQUIRE(status.count(text::fold_for_match(spelling)) == 1);
        CHECK(status.at(text::fold_for_match(spelling)) == code);
        CHECK(parse_residence_status(code).has_value());
    }
    CHECK(ba.values.at("german").at(text::fold_for_match("Muttersprache")) == "native");

    const auto werkstatt = find_profile({}, "werkstatt");
    CHECK(werkstatt.kind == RecordKind::candidate);
    CHECK(werkstatt.date_format == DateFormat::iso);
    CHECK(header_of(werkstatt, "residence_status") == "residence_status");

    const auto openings = find_profile({}, "openings");
    CHECK(openings.kind == RecordKind::opening);
    CHECK(header_of(openings, "company") == "company");
    CHECK(header_of(openings, "title") == "title");
}

TEST_CASE("profile: an unknown name is a usage error listing the known ones", "[import][profile]") {
    const auto f = failure_of([] { find_profile({}, "arbeitsagentur"); });
    CHECK(f.kind == ErrorKind::usage);
    CHECK_THAT(f.message, Catch::Contains("arbeitsagentur"));
    for (const char* name : {"ba", "werkstatt", "openings"}) {
        CHECK_THAT(f.message, Catch::Contains(name));
    }

    SECTION("the list includes the profiles of configuration files") {
        TempDir dir;
        const auto sources = source_file(dir, "mine.toml", k_minimal);
        const auto g = failure_of([&] { find_profile(sources, "nope"); });
        CHECK(g.kind == ErrorKind::usage);
        CHECK_THAT(g.message, Catch::Contains("mine"));
    }
}

TEST_CASE("profile: a profile of a configuration file is read with every key",
          "[import][profile]") {
    TempDir dir;
    const auto sources = source_file(dir, "mine.toml", k_minimal);
    const auto p = find_profile(sources, "mine");
    CHECK(p.origin == dir.file("mine.toml").string());
    CHECK(p.kind == RecordKind::candidate);
    CHECK(p.date_format == DateFormat::iso);
    CHECK(p.source == "jc-halle");
    CHECK(p.encoding == "windows-1252");
    CHECK(p.delimiter == ';');
    CHECK(header_of(p, "reference") == "Kennung");
    CHECK(header_of(p, "plz") == "Postleitzahl");
    CHECK(p.values.at("german").at("grundkenntnisse") == "A2");
    // The shipped ones are still there.
    CHECK(find_profile(sources, "ba").origin == "config/import-profiles.toml");
}

TEST_CASE("profile: without a header columns are positions, in file order", "[import][profile]") {
    TempDir dir;
    const auto sources = source_file(dir, "pos.toml", R"(
[import.profile.pos]
header = false
[import.profile.pos.columns]
plz = 3
reference = 1
last_name = 2
)",
                                     "pos");
    const auto p = find_profile(sources, "pos");
    CHECK_FALSE(p.header);
    CHECK(p.source == "pos"); // the name when no source is given
    REQUIRE(p.columns.size() == 3);
    CHECK(p.columns[0].first == "reference");
    CHECK(p.columns[0].second.position == 1);
    CHECK(p.columns[1].first == "last_name");
    CHECK(p.columns[2].first == "plz");
    CHECK(p.columns[2].second.position == 3);
}

TEST_CASE("profile: a malformed profile is a config error naming file and line",
          "[import][profile]") {
    TempDir dir;
    struct Case {
        const char* what;
        std::string toml;
        int line;
        const char* says;
    };
    const std::vector<Case> cases = {
        {"bad date format",
         "[import.profile.x]\ndate_format = \"MM/DD/YYYY\"\n[import.profile.x.columns]\n"
         "reference = \"R\"\n",
         2, "date_format"},
        {"unknown kind",
         "[import.profile.x]\nkind = \"person\"\n[import.profile.x.columns]\n"
         "reference = \"R\"\n",
         2, "kind"},
        {"unknown key",
         "[import.profile.x]\nseparator = \";\"\n[import.profile.x.columns]\nreference = \"R\"\n",
         2, "separator"},
        {"unknown field",
         "[import.profile.x]\n[import.profile.x.columns]\nreference = \"R\"\nshoe_size = \"S\"\n",
         4, "shoe_size"},
        {"no reference column", "[import.profile.x]\n[import.profile.x.columns]\nplz = \"PLZ\"\n",
         2, "reference"},
        {"an opening without a title",
         "[import.profile.x]\nkind = \"opening\"\n[import.profile.x.columns]\n"
         "reference = \"R\"\ncompany = \"C\"\n",
         3, "title"},
        {"position out of range",
         "[import.profile.x]\nheader = false\n[import.profile.x.columns]\nreference = 0\n", 4,
         "position"},
        {"header not a boolean",
         "[import.profile.x]\nheader = \"yes\"\n[import.profile.x.columns]\nreference = \"R\"\n", 2,
         "header"},
        {"bad delimiter",
         "[import.profile.x]\ndelimiter = \"|\"\n[import.profile.x.columns]\nreference = \"R\"\n",
         2, "delimiter"},
        {"TOML syntax", "[import.profile.x]\nkind = \"candidate\n", 2, ""},
    };
    for (const auto& c : cases) {
        INFO(c.what);
        const auto sources = source_file(dir, "bad.toml", c.toml, "x");
        const auto f = failure_of([&] { find_profile(sources, "x"); });
        CHECK(f.kind == ErrorKind::config);
        CHECK_THAT(f.message,
                   Catch::StartsWith(dir.file("bad.toml").string() + ":" + std::to_string(c.line)));
        CHECK_THAT(f.message, Catch::Contains(c.says));
        // check_profiles reports the same problem instead of throwing it.
        const auto problems = check_profiles(sources);
        REQUIRE(problems.size() == 1);
        CHECK(problems[0] == f.message);
    }
    // A broken profile does not keep another one from being found (it used to block every
    // import, whichever profile was asked for).
    const auto sources = source_file(dir, "bad.toml", cases.front().toml, "x");
    CHECK(find_profile(sources, "ba").name == "ba");
}

TEST_CASE("profile: check_profiles finds nothing wrong in good files", "[import][profile]") {
    TempDir dir;
    CHECK(check_profiles({}).empty());
    CHECK(check_profiles(source_file(dir, "mine.toml", k_minimal)).empty());
    // A configuration file without profiles is fine too.
    CHECK(check_profiles(source_file(dir, "none.toml", "[database]\npath = \"x.db\"\n")).empty());
}

TEST_CASE("profile: all_profiles lists shipped ones first and later files replace names",
          "[import][profile]") {
    const auto shipped = all_profiles({});
    const auto shipped_names = names_of(shipped);
    for (const char* name : {"ba", "werkstatt", "openings"}) {
        INFO(name);
        CHECK(std::count(shipped_names.begin(), shipped_names.end(), name) == 1);
    }

    TempDir dir;
    write_text(dir.file("first.toml"), R"(
[import.profile.ba]
source = "ba-first"
[import.profile.ba.columns]
reference = "Ref"
[import.profile.local]
source = "local-first"
[import.profile.local.columns]
reference = "Ref"
)");
    write_text(dir.file("second.toml"), R"(
[import.profile.local]
source = "local-second"
[import.profile.local.columns]
reference = "Nr"
)");
    const std::vector<ProfileSource> sources = {
        {"ba", dir.file("first.toml").string()},
        {"local", dir.file("first.toml").string()},
        {"local", dir.file("second.toml").string()},
    };
    const auto all = all_profiles(sources);
    const auto names = names_of(all);
    CHECK(all.size() == shipped.size() + 1);
    CHECK(std::count(names.begin(), names.end(), "ba") == 1);
    CHECK(std::count(names.begin(), names.end(), "local") == 1);
    CHECK(names.back() == "local");

    const auto ba = find_profile(sources, "ba");
    CHECK(ba.source == "ba-first");
    CHECK(header_of(ba, "reference") == "Ref");
    CHECK(ba.values.empty()); // replaced, not merged
    const auto local = find_profile(sources, "local");
    CHECK(local.source == "local-second");
    CHECK(local.origin == dir.file("second.toml").string());
    CHECK(header_of(local, "reference") == "Nr");
}

TEST_CASE("profile: fold_for_match ignores case, umlauts and blanks", "[import][profile]") {
    CHECK(text::fold_for_match("  Staatsangehörigkeit ") == "staatsangehoerigkeit");
    CHECK(text::fold_for_match("STAATSANGEHÖRIGKEIT") ==
          text::fold_for_match("Staatsangehoerigkeit"));
    CHECK(text::fold_for_match("Umkreis   km") == "umkreis km");
    CHECK(text::fold_for_match("Straße") == "strasse");
    CHECK(text::fold_for_match("") == "");
    CHECK(text::fold_for_match("Umkreis km") != text::fold_for_match("Umkreiskm"));
}

TEST_CASE("profile: only the profile asked for is read", "[import][profile]") {
    TempDir dir;
    const auto path = dir.file("two.toml");
    write_text(path, "[import.profile.good]\n[import.profile.good.columns]\nreference = \"R\"\n"
                     "[import.profile.broken]\nkind = \"person\"\n");
    const std::vector<ProfileSource> sources = {ProfileSource{"good", path.string()},
                                                ProfileSource{"broken", path.string()}};
    // A broken profile that is not the one asked for stops no import.
    const auto good = find_profile(sources, "good");
    CHECK(good.name == "good");
    CHECK(good.origin == path.string());
    const auto f = failure_of([&] { find_profile(sources, "broken"); });
    CHECK(f.kind == ErrorKind::config);
    CHECK_THAT(f.message, Catch::StartsWith(path.string() + ":5"));
    // check_profiles still reports it, for `config check`.
    const auto problems = check_profiles(sources);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0] == f.message);
    // A shipped profile is found without reading the admins' files.
    CHECK(find_profile(sources, "ba").name == "ba");
}
