// SPDX-License-Identifier: GPL-3.0-or-later
#include "config/config.hpp"

#include "support.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>

using werkstatt::ColorMode;
using werkstatt::ConfigSources;
using werkstatt::ErrorKind;
using werkstatt::Format;
using werkstatt::load_config;
using werkstatt::OutsidePlz;
using werkstatt::test::failure_of;
using werkstatt::test::TempDir;
using werkstatt::test::write_text;

namespace {

// Sources with only HOME set, so that the default database path does not depend on the machine.
ConfigSources bare_sources() {
    ConfigSources s;
    s.environment = {{"HOME", "/home/tester"}};
    return s;
}

} // namespace

TEST_CASE("config::load_config gives the built-in defaults", "[config]") {
    const auto loaded = load_config(bare_sources());
    const auto& c = loaded.config;
    CHECK(c.store.busy_timeout_ms == 60000);
    CHECK(c.output.format == Format::table);
    CHECK(c.output.color == ColorMode::auto_detect);
    CHECK(c.companies.outside_plz == OutsidePlz::warn);
    CHECK(c.store.audit_user.empty());
    CHECK(c.store.database_path == "/home/tester/.local/share/werkstatt/werkstatt.db");
    CHECK(loaded.files_read.empty());
    for (const auto& key : werkstatt::config_keys()) {
        INFO(key);
        CHECK(loaded.origins.at(key) == "default");
    }
    const auto keys = werkstatt::config_keys();
    for (const char* key : {"database.path", "database.busy_timeout_ms", "output.format",
                            "output.color", "companies.outside_plz", "audit.user"}) {
        INFO(key);
        CHECK(std::find(keys.begin(), keys.end(), key) != keys.end());
    }
    CHECK(keys.size() == loaded.origins.size());
}

TEST_CASE("config::load_config derives the database path from XDG_DATA_HOME or HOME", "[config]") {
    ConfigSources s;
    s.environment = {{"HOME", "/home/a"}, {"XDG_DATA_HOME", "/data/xdg"}};
    CHECK(load_config(s).config.store.database_path == "/data/xdg/werkstatt/werkstatt.db");
    s.environment = {{"HOME", "/home/a"}, {"XDG_DATA_HOME", ""}};
    CHECK(load_config(s).config.store.database_path ==
          "/home/a/.local/share/werkstatt/werkstatt.db");
    s.environment = {{"HOME", "/home/a"}};
    CHECK(load_config(s).config.store.database_path ==
          "/home/a/.local/share/werkstatt/werkstatt.db");
    s.environment = {};
    CHECK(load_config(s).config.store.database_path == "./.local/share/werkstatt/werkstatt.db");
    // An explicit path is kept as it is.
    s.environment = {{"HOME", "/home/a"}, {"WERKSTATT_DB", "/srv/w.db"}};
    CHECK(load_config(s).config.store.database_path == "/srv/w.db");
}

TEST_CASE("config::load_config layers system < user < file < environment < --set < flags",
          "[config]") {
    TempDir dir;
    const auto system = dir.file("system.toml");
    const auto user = dir.file("user.toml");
    const auto file = dir.file("explicit.toml");
    write_text(system, "# system\n"
                       "[database]\n"
                       "path = \"/sys.db\"\n"
                       "busy_timeout_ms = 100\n"
                       "[output]\n"
                       "format = \"csv\"\n"
                       "color = \"never\"\n"
                       "[companies]\n"
                       "outside_plz = \"reject\"\n"
                       "[audit]\n"
                       "user = \"sys\"\n");
    write_text(user, "[database]\n"
                     "path = \"/user.db\"\n"
                     "busy_timeout_ms = 200\n"
                     "[output]\n"
                     "format = \"json\"\n"
                     "color = \"always\"\n");
    write_text(file, "database.path = \"/file.db\"\n"
                     "output.format = \"table\"\n"
                     "database.busy_timeout_ms = 300\n");

    auto s = bare_sources();
    s.system_file = system;

    SECTION("system file alone") {
        const auto loaded = load_config(s);
        CHECK(loaded.config.store.database_path == "/sys.db");
        CHECK(loaded.config.store.busy_timeout_ms == 100);
        CHECK(loaded.config.output.format == Format::csv);
        CHECK(loaded.config.companies.outside_plz == OutsidePlz::reject);
        CHECK(loaded.config.store.audit_user == "sys");
        CHECK(loaded.origins.at("database.path") == system.string() + ":3");
        CHECK(loaded.origins.at("audit.user") == system.string() + ":11");
    }

    s.user_file = user;
    s.explicit_file = file;
    s.environment["WERKSTATT_DB"] = "/env.db";
    s.environment["WERKSTATT_FORMAT"] = "csv";
    s.assignments = {"database.path=/set.db", " database.busy_timeout_ms = 400 "};
    s.flags = {{"database.path", "/flag.db"}};

    const auto loaded = load_config(s);
    const auto& c = loaded.config;
    const auto& o = loaded.origins;
    CHECK(c.store.database_path == "/flag.db");
    CHECK_THAT(o.at("database.path"), Catch::Contains("--db"));
    CHECK(c.store.busy_timeout_ms == 400);
    CHECK_THAT(o.at("database.busy_timeout_ms"), Catch::Contains("--set"));
    CHECK(c.output.format == Format::csv);
    CHECK(o.at("output.format") == "environment WERKSTATT_FORMAT");
    CHECK(c.output.color == ColorMode::always);
    CHECK(o.at("output.color") == user.string() + ":6");
    CHECK(c.companies.outside_plz == OutsidePlz::reject);
    CHECK(o.at("companies.outside_plz") == system.string() + ":9");
    CHECK(c.store.audit_user == "sys");
    CHECK(loaded.files_read == std::vector<std::filesystem::path>{system, user, file});

    SECTION("without flags the --set value wins") {
        s.flags.clear();
        const auto l = load_config(s);
        CHECK(l.config.store.database_path == "/set.db");
        CHECK_THAT(l.origins.at("database.path"), Catch::Contains("--set"));
    }
    SECTION("without flags and --set the environment wins") {
        s.flags.clear();
        s.assignments.clear();
        const auto l = load_config(s);
        CHECK(l.config.store.database_path == "/env.db");
        CHECK(l.origins.at("database.path") == "environment WERKSTATT_DB");
        CHECK(l.config.store.busy_timeout_ms == 300);
        CHECK(l.origins.at("database.busy_timeout_ms") == file.string() + ":3");
    }
    SECTION("without flags, --set and environment the explicit file wins") {
        s.flags.clear();
        s.assignments.clear();
        s.environment = {{"HOME", "/h"}};
        const auto l = load_config(s);
        CHECK(l.config.store.database_path == "/file.db");
        CHECK(l.origins.at("database.path") == file.string() + ":1");
        CHECK(l.config.output.format == Format::table);
        CHECK(l.origins.at("output.format") == file.string() + ":2");
    }
    SECTION("an empty environment variable is ignored") {
        s.flags.clear();
        s.assignments.clear();
        s.environment["WERKSTATT_DB"] = "";
        const auto l = load_config(s);
        CHECK(l.config.store.database_path == "/file.db");
    }
    SECTION("later --set assignments win over earlier ones") {
        s.flags.clear();
        s.assignments = {"output.color=never", "output.color=auto"};
        const auto l = load_config(s);
        CHECK(l.config.output.color == ColorMode::auto_detect);
        CHECK_THAT(l.origins.at("output.color"), Catch::Contains("--set"));
    }
}

TEST_CASE("config::load_config accepts missing system and user files", "[config]") {
    TempDir dir;
    auto s = bare_sources();
    s.system_file = dir.file("no-such-system.toml");
    s.user_file = dir.file("nested/no-such-user.toml");
    const auto loaded = load_config(s);
    CHECK(loaded.files_read.empty());
    CHECK(loaded.config.output.format == Format::table);
}

TEST_CASE("config::load_config refuses a missing explicit file", "[config]") {
    TempDir dir;
    auto s = bare_sources();
    s.explicit_file = dir.file("missing.toml");
    const auto f = failure_of([&] { load_config(s); });
    CHECK(f.kind == ErrorKind::config);
    CHECK_THAT(f.message, Catch::Contains("missing.toml"));
}

// Found by tests/fuzz/fuzz_config.cpp: a --set or a quoted TOML key with a line break or a
// terminal escape was echoed as it was, and the error took more than one line.
TEST_CASE("config::load_config escapes what it echoes of a --set or a key", "[config]") {
    const auto has_control = [](const std::string& m) {
        return std::any_of(m.begin(), m.end(), [](char c) {
            return static_cast<unsigned char>(c) < 0x20 || c == 0x7f;
        });
    };
    for (const std::string assignment : {"report.lang\x1b[31m", "no.such\nkey=1",
                                         "match.top=\x1b[2Jten", "report.lang=n\x7f\x1b"}) {
        INFO(assignment);
        auto s = bare_sources();
        s.assignments = {assignment};
        const auto f = failure_of([&] { load_config(s); });
        REQUIRE(f.kind.has_value());
        CHECK_FALSE(f.message.empty());
        CHECK_FALSE(has_control(f.message));
    }
    TempDir dir;
    const auto path = dir.file("c.toml");
    write_text(path, "[match]\n\"to\\u001bp\" = 3\n");
    auto s = bare_sources();
    s.explicit_file = path;
    const auto f = failure_of([&] { load_config(s); });
    CHECK(f.kind == ErrorKind::config);
    CHECK_THAT(f.message, Catch::Contains("unknown key"));
    CHECK_FALSE(has_control(f.message));
}

TEST_CASE("config::load_config names file, line and key of an unknown key", "[config]") {
    TempDir dir;
    const auto path = dir.file("c.toml");
    write_text(path, "[database]\n"
                     "path = \"/x.db\"\n"
                     "\n"
                     "busy_timeout = 10\n");
    auto s = bare_sources();
    s.explicit_file = path;
    const auto f = failure_of([&] { load_config(s); });
    CHECK(f.kind == ErrorKind::config);
    CHECK_THAT(f.message, Catch::StartsWith(path.string() + ":4:"));
    CHECK_THAT(f.message, Catch::Contains("'database.busy_timeout'"));

    SECTION("also in the user file") {
        auto u = bare_sources();
        u.user_file = path;
        CHECK(failure_of([&] { load_config(u); }).kind == ErrorKind::config);
    }
    SECTION("a whole unknown table") {
        write_text(path, "[colour]\nmode = \"never\"\n");
        const auto g = failure_of([&] { load_config(s); });
        CHECK(g.kind == ErrorKind::config);
        CHECK_THAT(g.message, Catch::Contains(":2:") && Catch::Contains("'colour.mode'"));
    }
}

TEST_CASE("config::load_config names privacy.special_categories for the keys it replaced",
          "[config]") {
    TempDir dir;
    const auto path = dir.file("c.toml");
    write_text(path, "[report]\n"
                     "lang = \"en\"\n"
                     "[report.sensitive]\n"
                     "minority = true\n");
    auto s = bare_sources();
    s.explicit_file = path;
    const auto f = failure_of([&] { load_config(s); });
    CHECK(f.kind == ErrorKind::config);
    CHECK_THAT(f.message, Catch::StartsWith(path.string() + ":4:"));
    CHECK_THAT(f.message, Catch::Contains("'report.sensitive.minority' was replaced by "
                                          "privacy.special_categories"));
    SECTION("and as --set") {
        auto t = bare_sources();
        t.assignments = {"report.sensitive.disability=true"};
        const auto g = failure_of([&] { load_config(t); });
        CHECK(g.kind == ErrorKind::config);
        CHECK_THAT(g.message, Catch::Contains("replaced by privacy.special_categories"));
    }
}

TEST_CASE("config::load_config refuses values of the wrong type or out of range", "[config]") {
    TempDir dir;
    const auto path = dir.file("c.toml");
    auto s = bare_sources();
    s.explicit_file = path;
    const auto error_for = [&](const std::string& toml) {
        write_text(path, toml);
        return failure_of([&] { load_config(s); });
    };

    auto f = error_for("[database]\nbusy_timeout_ms = \"5000\"\n");
    CHECK(f.kind == ErrorKind::config);
    CHECK_THAT(f.message, Catch::StartsWith(path.string() + ":2:"));
    CHECK_THAT(f.message, Catch::Contains("database.busy_timeout_ms") &&
                              Catch::Contains("integer") && Catch::Contains("string"));

    f = error_for("[database]\nbusy_timeout_ms = 2.5\n");
    CHECK(f.kind == ErrorKind::config);
    CHECK_THAT(f.message, Catch::Contains("a number"));

    f = error_for("output.format = 1\n");
    CHECK(f.kind == ErrorKind::config);
    CHECK_THAT(f.message, Catch::Contains("output.format"));

    f = error_for("audit.user = [\"a\"]\n");
    CHECK(f.kind == ErrorKind::config);
    CHECK_THAT(f.message, Catch::Contains("array"));

    f = error_for("database.busy_timeout_ms = -1\n");
    CHECK(f.kind == ErrorKind::config);
    CHECK_THAT(f.message, Catch::Contains("600000"));
    CHECK(error_for("database.busy_timeout_ms = 600001\n").kind == ErrorKind::config);
    CHECK_FALSE(error_for("database.busy_timeout_ms = 600000\n").kind.has_value());
    CHECK_FALSE(error_for("database.busy_timeout_ms = 0\n").kind.has_value());
}

TEST_CASE("config::load_config refuses a value that is not one of the choices", "[config]") {
    TempDir dir;
    const auto path = dir.file("c.toml");
    write_text(path, "[output]\nformat = \"xml\"\n");
    auto s = bare_sources();
    s.explicit_file = path;
    auto f = failure_of([&] { load_config(s); });
    CHECK(f.kind == ErrorKind::config);
    CHECK_THAT(f.message, Catch::StartsWith(path.string() + ":2:"));
    CHECK_THAT(f.message, Catch::Contains("table, json, csv"));

    write_text(path, "companies.outside_plz = \"Reject\"\n"); // choices are case-sensitive
    CHECK(failure_of([&] { load_config(s); }).kind == ErrorKind::config);

    auto e = bare_sources();
    e.environment["WERKSTATT_FORMAT"] = "yaml";
    f = failure_of([&] { load_config(e); });
    CHECK(f.kind == ErrorKind::config);
    CHECK_THAT(f.message, Catch::StartsWith("environment WERKSTATT_FORMAT:"));

    auto c = bare_sources();
    c.assignments = {"output.color=rainbow"};
    f = failure_of([&] { load_config(c); });
    CHECK(f.kind == ErrorKind::config);
    CHECK_THAT(f.message, Catch::Contains("--set") && Catch::Contains("auto, always, never"));
}

TEST_CASE("config::load_config reports TOML syntax errors with their line", "[config]") {
    TempDir dir;
    const auto path = dir.file("broken.toml");
    write_text(path, "[database]\n"
                     "path = \"/x.db\"\n"
                     "busy_timeout_ms = = 3\n");
    auto s = bare_sources();
    s.explicit_file = path;
    const auto f = failure_of([&] { load_config(s); });
    CHECK(f.kind == ErrorKind::config);
    CHECK_THAT(f.message, Catch::StartsWith(path.string() + ":3:"));
    CHECK_THAT(f.message, Catch::Contains("TOML"));
}

TEST_CASE("config::load_config checks --set and flags", "[config]") {
    auto s = bare_sources();
    SECTION("--set without '=' is a usage error") {
        s.assignments = {"output.format"};
        const auto f = failure_of([&] { load_config(s); });
        CHECK(f.kind == ErrorKind::usage);
        CHECK_THAT(f.message, Catch::Contains("output.format"));
    }
    SECTION("--set of an unknown key") {
        s.assignments = {"output.colour=never"};
        const auto f = failure_of([&] { load_config(s); });
        CHECK(f.kind == ErrorKind::config);
        CHECK_THAT(f.message, Catch::Contains("'output.colour'"));
    }
    SECTION("--set of an integer key with text") {
        s.assignments = {"database.busy_timeout_ms=soon"};
        const auto f = failure_of([&] { load_config(s); });
        CHECK(f.kind == ErrorKind::config);
        CHECK_THAT(f.message, Catch::Contains("integer") && Catch::Contains("'soon'"));
    }
    SECTION("--set of a value with '=' in it keeps the rest") {
        s.assignments = {"audit.user=a=b"};
        CHECK(load_config(s).config.store.audit_user == "a=b");
    }
    SECTION("--set with an empty value") {
        s.assignments = {"audit.user="};
        const auto loaded = load_config(s);
        CHECK(loaded.config.store.audit_user.empty());
        CHECK_THAT(loaded.origins.at("audit.user"), Catch::Contains("--set"));
    }
    SECTION("a flag of an unknown key") {
        s.flags = {{"database.file", "/x.db"}};
        const auto f = failure_of([&] { load_config(s); });
        CHECK(f.kind == ErrorKind::config);
        CHECK_THAT(f.message, Catch::Contains("database.file"));
    }
}

TEST_CASE("config::check_config_file returns every problem with its line", "[config]") {
    TempDir dir;
    const auto path = dir.file("check.toml");
    SECTION("a valid file") {
        write_text(path, "[output]\nformat = \"json\"\n");
        CHECK(werkstatt::check_config_file(path).empty());
    }
    SECTION("several problems") {
        write_text(path, "[database]\n"                 // 1
                         "busy_timeout_ms = \"slow\"\n" // 2 wrong type
                         "[output]\n"                   // 3
                         "format = \"pdf\"\n"           // 4 no such choice
                         "colour = \"never\"\n"         // 5 unknown key
                         "[companies]\n"                // 6
                         "outside_plz = \"reject\"\n"   // 7 fine
                         "[audit]\n"                    // 8
                         "user = 42\n");                // 9 wrong type
        auto problems = werkstatt::check_config_file(path);
        std::sort(problems.begin(), problems.end(),
                  [](const auto& a, const auto& b) { return a.line < b.line; });
        REQUIRE(problems.size() == 4);
        CHECK(problems[0].line == 2);
        CHECK_THAT(problems[0].message, Catch::Contains("database.busy_timeout_ms"));
        CHECK(problems[1].line == 4);
        CHECK_THAT(problems[1].message, Catch::Contains("output.format"));
        CHECK(problems[2].line == 5);
        CHECK_THAT(problems[2].message, Catch::Contains("'output.colour'"));
        CHECK(problems[3].line == 9);
        CHECK_THAT(problems[3].message, Catch::Contains("audit.user"));
    }
    SECTION("a syntax error") {
        write_text(path, "[output]\nformat = \"json\n");
        const auto problems = werkstatt::check_config_file(path);
        REQUIRE(problems.size() == 1);
        CHECK_THAT(problems[0].message, Catch::Contains(path.string() + ":2:"));
    }
    SECTION("a missing file") {
        const auto problems = werkstatt::check_config_file(dir.file("nope.toml"));
        REQUIRE(problems.size() == 1);
        CHECK_THAT(problems[0].message, Catch::Contains("nope.toml"));
    }
}

TEST_CASE("config::describe_config lists key, value and origin in key order", "[config]") {
    auto s = bare_sources();
    s.assignments = {"output.format=json", "database.busy_timeout_ms=42"};
    const auto records = werkstatt::describe_config(load_config(s));
    REQUIRE(records.columns == std::vector<std::string>{"key", "value", "origin"});
    const auto keys = werkstatt::config_keys();
    REQUIRE(records.rows.size() == keys.size());
    std::map<std::string, std::pair<std::string, std::string>> by_key;
    for (std::size_t i = 0; i < records.rows.size(); ++i) {
        const auto& row = records.rows[i];
        REQUIRE(row.size() == 3);
        const auto key = werkstatt::display_text(row[0]);
        CHECK(key == keys[i]); // the order of config_keys()
        by_key[key] = {werkstatt::display_text(row[1]), werkstatt::display_text(row[2])};
    }
    CHECK(by_key.at("database.path").first == "/home/tester/.local/share/werkstatt/werkstatt.db");
    CHECK(by_key.at("database.busy_timeout_ms").first == "42");
    CHECK_THAT(by_key.at("database.busy_timeout_ms").second, Catch::Contains("--set"));
    CHECK(by_key.at("output.format").first == "json");
    CHECK(by_key.at("output.color").first == "auto");
    CHECK(by_key.at("output.color").second == "default");
    CHECK(by_key.at("companies.outside_plz").first == "warn");
    CHECK(by_key.at("audit.user").first == "");
}

namespace {

std::string read_source(const std::string& relative) {
    std::ifstream in(std::string(WERKSTATT_SOURCE_DIR) + "/" + relative);
    REQUIRE(in);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) {
        lines.push_back(line);
    }
    return lines;
}

} // namespace

TEST_CASE("config table: every key has a type and a one-line doc", "[config]") {
    const auto& defs = werkstatt::config_table().defs();
    REQUIRE(defs.size() == werkstatt::config_keys().size());
    std::set<std::string> seen;
    for (const auto& def : defs) {
        INFO(def.key);
        CHECK(seen.insert(def.key).second);
        CHECK(!def.doc.empty());
        CHECK(def.doc.find('\n') == std::string::npos);
        CHECK(def.doc.size() <= 160);
        CHECK(def.set);
        CHECK(def.show);
    }
    const auto keys = werkstatt::describe_keys();
    REQUIRE(keys.columns == std::vector<std::string>{"key", "type", "default", "doc"});
    REQUIRE(keys.rows.size() == defs.size());
    CHECK(werkstatt::display_text(keys.rows[0][0]) == "database.path");
}

TEST_CASE("config table: config/werkstatt.toml sets every key to its default, with a comment",
          "[config]") {
    const auto path = std::string(WERKSTATT_SOURCE_DIR) + "/config/werkstatt.toml";
    auto sources = bare_sources();
    sources.explicit_file = path;
    const auto loaded = load_config(sources);
    const werkstatt::Config defaults;
    for (const auto& def : werkstatt::config_table().defs()) {
        INFO(def.key);
        CHECK_THAT(loaded.origins.at(def.key), Catch::StartsWith(path + ":"));
        if (def.key != "database.path") { // "" in the file; the loader fills in the XDG path
            CHECK(def.show(loaded.config) == def.show(defaults));
        }
    }
    // Every key stands in a paragraph (lines between blank lines or table headers) that has a
    // comment, so the file explains what it sets.
    const auto lines = lines_of(read_source("config/werkstatt.toml"));
    std::size_t checked = 0;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const auto& line = lines[i];
        if (line.empty() || line[0] == '#' || line[0] == '[' ||
            line.find(" = ") == std::string::npos) {
            continue;
        }
        bool commented = line.find('#') != std::string::npos;
        for (std::size_t k = i; k-- > 0 && !commented;) {
            if (lines[k].empty() || lines[k][0] == '[') {
                break;
            }
            commented = lines[k][0] == '#';
        }
        INFO(line);
        CHECK(commented);
        ++checked;
    }
    CHECK(checked == werkstatt::config_table().defs().size());
}

TEST_CASE("config table: werkstatt-config(1) lists every key in order with its type", "[config]") {
    // Entries of the KEYS section look like ".It Cm match.top Pq integer, default 10".
    std::vector<std::pair<std::string, std::string>> documented;
    bool in_keys = false;
    for (const auto& line : lines_of(read_source("man/werkstatt-config.1"))) {
        if (line.rfind(".Sh ", 0) == 0) {
            in_keys = line == ".Sh KEYS";
            continue;
        }
        static const std::string k_item = ".It Cm ";
        if (!in_keys || line.rfind(k_item, 0) != 0) {
            continue;
        }
        std::istringstream words(line.substr(k_item.size()));
        std::string key, pq, type;
        words >> key >> pq >> type;
        if (!type.empty() && type.back() == ',') {
            type.pop_back();
        }
        documented.emplace_back(key, pq == "Pq" ? type : "");
    }
    const auto& defs = werkstatt::config_table().defs();
    REQUIRE(documented.size() == defs.size());
    for (std::size_t i = 0; i < defs.size(); ++i) {
        INFO(defs[i].key);
        CHECK(documented[i].first == defs[i].key);
        CHECK(documented[i].second == werkstatt::to_string(defs[i].type));
    }
}

TEST_CASE("config::load_config reads named reports [report.NAME], later files replacing earlier",
          "[config]") {
    TempDir dir;
    const auto user = dir.file("user.toml");
    const auto extra = dir.file("extra.toml");
    write_text(user, "[report]\n"                   // 1
                     "lang = \"en\"\n"              // 2
                     "[report.csv]\n"               // 3
                     "bom = false\n"                // 4
                     "[report.quartal]\n"           // 5
                     "kind = \"quartalsbericht\"\n" // 6
                     "period = \"last-quarter\"\n"  // 7
                     "output = \"q-{period}.md\"\n" // 8
                     "[report.jahr]\n"              // 9
                     "kind = \"annual\"\n"          // 10
                     "period = \"last-year\"\n");   // 11
    write_text(extra, "[report.jahr]\nkind = \"esf\"\nperiod = \"this-year\"\nformat = \"json\"\n");
    auto sources = bare_sources();
    sources.user_file = user;
    sources.explicit_file = extra;
    const auto loaded = load_config(sources);
    CHECK(loaded.config.report.lang == "en");
    CHECK_FALSE(loaded.config.report.csv_bom);
    const auto& reports = loaded.config.named_reports;
    REQUIRE(reports.size() == 2);
    CHECK(reports[0].name == "jahr"); // by name
    CHECK(reports[0].kind == "esf");
    CHECK(reports[0].format == "json");
    CHECK(reports[0].origin == extra.string() + ":1");
    CHECK(reports[1].name == "quartal");
    CHECK(reports[1].kind == "quarterly");
    CHECK(reports[1].period == "last-quarter");
    CHECK(reports[1].output == "q-{period}.md");
    CHECK(reports[1].format == "md");
    CHECK(reports[1].lang.empty());
    CHECK(reports[1].origin == user.string() + ":5");
    // Named reports are not keys: config show and config keys do not list them.
    for (const auto& key : werkstatt::config_keys()) {
        CHECK(key.find("quartal") == std::string::npos);
    }
}

TEST_CASE("config::load_config refuses a bad named report with its file and line", "[config]") {
    TempDir dir;
    const auto path = dir.file("bad.toml");
    write_text(path, "[report.q]\nkind = \"quarterly\"\nperiod = \"last-quarter\"\n"
                     "format = \"pdf\"\n");
    auto sources = bare_sources();
    sources.explicit_file = path;
    const auto failure = failure_of([&] { load_config(sources); });
    CHECK(failure.kind == ErrorKind::config);
    CHECK(failure.message == path.string() +
                                 ":4: [report.q] format: 'pdf' is not a report format; use md, "
                                 "html, csv, json or xlsx");
}

TEST_CASE("config::check_config_file names each bad named report, and [report.csv] is no report",
          "[config]") {
    TempDir dir;
    const auto path = dir.file("check.toml");
    write_text(path, "[report.csv]\n"      // 1
                     "delimiter = \",\"\n" // 2
                     "kind = \"esf\"\n"    // 3 a setting table is not a report
                     "[report.ohne]\n"     // 4 no period
                     "kind = \"esf\"\n"    // 5
                     "[report.x]\n"        // 6
                     "kind = \"esf\"\n"    // 7
                     "period = \"2027\"\n" // 8
                     "colour = \"blue\"\n" // 9 unknown key
                     "[report.lang]\n"     // 10 a setting's name
                     "kind = \"esf\"\n");  // 11
    const auto problems = werkstatt::check_config_file(path);
    REQUIRE(problems.size() == 4);
    CHECK(problems[0].line == 3);
    CHECK_THAT(problems[0].message,
               Catch::StartsWith("unknown key 'report.csv.kind'; 'csv' cannot name a report"));
    CHECK(problems[1].line == 4);
    CHECK_THAT(problems[1].message, Catch::StartsWith("[report.ohne] has no period"));
    CHECK(problems[2].line == 9);
    CHECK_THAT(problems[2].message, Catch::StartsWith("[report.x] unknown key 'colour'"));
    CHECK(problems[3].line == 10);
    CHECK_THAT(problems[3].message, Catch::StartsWith("'lang' cannot name a report"));
}
