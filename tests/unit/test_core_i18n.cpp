// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/i18n.hpp"

#include "support.hpp"

#include <cerrno>
#include <clocale>
#include <cstdlib>
#include <cstring>
#include <map>

using namespace werkstatt;

namespace {

// Sets environment variables for one test and puts back what was there before.
class EnvGuard {
  public:
    EnvGuard(std::initializer_list<std::pair<const char*, const char*>> values) {
        for (const auto& [name, value] : values) {
            const char* old = std::getenv(name);
            m_old.emplace(name, old ? std::optional<std::string>(old) : std::nullopt);
            if (value) {
                setenv(name, value, 1);
            } else {
                unsetenv(name);
            }
        }
        std::setlocale(LC_ALL, "");
    }
    ~EnvGuard() {
        for (const auto& [name, value] : m_old) {
            if (value) {
                setenv(name.c_str(), value->c_str(), 1);
            } else {
                unsetenv(name.c_str());
            }
        }
        std::setlocale(LC_ALL, "C");
    }
    EnvGuard(const EnvGuard&) = delete;
    EnvGuard& operator=(const EnvGuard&) = delete;

  private:
    std::map<std::string, std::optional<std::string>> m_old;
};

} // namespace

TEST_CASE("tr gives German from the build tree's catalogue whatever the locale says", "[i18n]") {
    // The unit tests run from <build>/tests: the catalogue is <build>/locale (po/CMakeLists.txt).
    SECTION("LANG=C, as cron runs") {
        const EnvGuard env{{"WERKSTATT_LOCALEDIR", nullptr},
                           {"LANG", "C"},
                           {"LC_ALL", "C"},
                           {"LC_MESSAGES", "C"},
                           {"LANGUAGE", nullptr}};
        REQUIRE(std::string(std::setlocale(LC_MESSAGES, nullptr)) == "C");
        CHECK(catalogue_found(Language::de));
        CHECK(tr(Language::de, "not recorded") == "keine Angabe");
        CHECK(tr(Language::de, "not collected") == "nicht erhoben");
        CHECK(tr(Language::en, "not recorded") == "not recorded");
    }
    SECTION("LANG and LC_ALL unset") {
        const EnvGuard env{{"WERKSTATT_LOCALEDIR", nullptr},
                           {"LANG", nullptr},
                           {"LC_ALL", nullptr},
                           {"LC_MESSAGES", nullptr},
                           {"LANGUAGE", nullptr}};
        CHECK(tr(Language::de, "not recorded") == "keine Angabe");
        CHECK(tr(Language::en, "not recorded") == "not recorded");
        CHECK(std::getenv("LANGUAGE") == nullptr); // put back as it was
    }
    SECTION("a user who reads French and English") {
        const EnvGuard env{
            {"WERKSTATT_LOCALEDIR", nullptr}, {"LC_ALL", "C.UTF-8"}, {"LANGUAGE", "fr:en"}};
        CHECK(tr(Language::de, "not recorded") == "keine Angabe");
        CHECK(tr(Language::en, "not recorded") == "not recorded");
        CHECK(std::string(std::getenv("LANGUAGE")) == "fr:en");
    }
}

TEST_CASE("a German lookup leaves glibc's own messages English", "[i18n]") {
    // Debian ships glibc's German messages; they must not leak into werkstatt's stderr.
    const EnvGuard env{
        {"WERKSTATT_LOCALEDIR", nullptr}, {"LC_ALL", "C.UTF-8"}, {"LANGUAGE", nullptr}};
    CHECK(tr(Language::de, "not recorded") == "keine Angabe");
    CHECK(std::string(std::strerror(ENOENT)) == "No such file or directory");
    CHECK(tr(Language::de, "not recorded") == "keine Angabe");
}

TEST_CASE("trn picks the German plural form for 0, 1 and 2", "[i18n]") {
    const EnvGuard env{{"WERKSTATT_LOCALEDIR", nullptr}, {"LC_ALL", "C"}};
    const auto de = [](std::uint64_t n) {
        return trn(Language::de, "{} value is not published to protect the persons counted.",
                   "{} values are not published to protect the persons counted.", n);
    };
    CHECK(de(0) == "{} Werte werden zum Schutz der gezählten Personen nicht veröffentlicht.");
    CHECK(de(1) == "{} Wert wird zum Schutz der gezählten Personen nicht veröffentlicht.");
    CHECK(de(2) == "{} Werte werden zum Schutz der gezählten Personen nicht veröffentlicht.");
    CHECK(de(1000000) == "{} Werte werden zum Schutz der gezählten Personen nicht veröffentlicht.");
    CHECK(trn(Language::en, "{} value", "{} values", 1) == "{} value");
    CHECK(trn(Language::en, "{} value", "{} values", 0) == "{} values");
    CHECK(trn(Language::en, "{} value", "{} values", 2) == "{} values");
}

TEST_CASE("without the catalogue German falls back to English and says so", "[i18n]") {
    test::TempDir empty;
    {
        const EnvGuard env{{"WERKSTATT_LOCALEDIR", empty.path().c_str()}, {"LC_ALL", "C"}};
        CHECK_FALSE(catalogue_found(Language::de));
        CHECK(catalogue_found(Language::en));
        CHECK(catalogue_path(Language::de) == empty.path() / "de" / "LC_MESSAGES" / "werkstatt.mo");
        CHECK(tr(Language::de, "not recorded") == "not recorded");
        CHECK(trn(Language::de, "{} value", "{} values", 1) == "{} value");
    }
    // Without the override the build tree's catalogue is found again.
    const EnvGuard env{{"WERKSTATT_LOCALEDIR", nullptr}, {"LC_ALL", "C"}};
    CHECK(catalogue_found(Language::de));
    CHECK(catalogue_path(Language::de).filename() == "werkstatt.mo");
    CHECK(tr(Language::de, "not recorded") == "keine Angabe");
}

TEST_CASE("format_count groups digits the language's way", "[i18n]") {
    CHECK(format_count(0, Language::de) == "0");
    CHECK(format_count(999, Language::de) == "999");
    CHECK(format_count(1000, Language::de) == "1.000");
    CHECK(format_count(1234567, Language::de) == "1.234.567");
    CHECK(format_count(1234567, Language::en) == "1,234,567");
    CHECK(format_count(-1234, Language::de) == "-1.234");
    CHECK(format_count(-999, Language::en) == "-999");
    CHECK(format_count(INT64_MIN, Language::de) == "-9.223.372.036.854.775.808");
    CHECK(format_count(INT64_MAX, Language::en) == "9,223,372,036,854,775,807");
}

TEST_CASE("format_number rounds half away from zero and groups digits", "[i18n]") {
    CHECK(format_number(1234.5, 1, Language::de) == "1.234,5");
    CHECK(format_number(1234.5, 1, Language::en) == "1,234.5");
    CHECK(format_number(1234.4, 0, Language::de) == "1.234");
    CHECK(format_number(2.5, 0, Language::de) == "3"); // printf would give 2 (to even)
    CHECK(format_number(-2.5, 0, Language::de) == "-3");
    CHECK(format_number(0.125, 2, Language::en) == "0.13");
    CHECK(format_number(999.96, 1, Language::de) == "1.000,0");
    CHECK(format_number(0.5, 3, Language::de) == "0,500");
    CHECK(format_number(0.004, 2, Language::de) == "0,00");
    CHECK(format_number(-0.004, 2, Language::de) == "0,00"); // no "-0,00"
    CHECK(format_number(-1234567.25, 2, Language::de) == "-1.234.567,25");
    CHECK(format_number(1e12, 0, Language::de) == "1.000.000.000.000");
    CHECK(format_number(12.3456, 3, Language::en) == "12.346");
    CHECK(format_number(7, -1, Language::en) == "7"); // decimals below 0 count as 0
}

TEST_CASE("format_date writes German and ISO dates", "[i18n]") {
    const auto day = *Date::from_ymd(2026, 3, 5);
    CHECK(format_date(day, Language::de) == "05.03.2026");
    CHECK(format_date(day, Language::en) == "2026-03-05");
}

TEST_CASE("parse_language reads de and en only", "[i18n]") {
    CHECK(parse_language("de") == Language::de);
    CHECK(parse_language("en") == Language::en);
    CHECK_FALSE(parse_language("DE"));
    CHECK_FALSE(parse_language("fr"));
    CHECK(to_string(Language::de) == "de");
}

TEST_CASE("the UI language comes from the first of LC_ALL, LC_MESSAGES and LANG", "[i18n]") {
    {
        const EnvGuard env{{"LC_ALL", nullptr}, {"LC_MESSAGES", nullptr}, {"LANG", "de_DE.UTF-8"}};
        CHECK(language_from_environment() == Language::de);
    }
    {
        const EnvGuard env{
            {"LC_ALL", "C.UTF-8"}, {"LC_MESSAGES", nullptr}, {"LANG", "de_DE.UTF-8"}};
        CHECK(language_from_environment() == Language::en);
    }
    {
        const EnvGuard env{{"LC_ALL", ""}, {"LC_MESSAGES", "de_AT.UTF-8"}, {"LANG", "en_GB.UTF-8"}};
        CHECK(language_from_environment() == Language::de);
    }
    {
        const EnvGuard env{{"LC_ALL", nullptr}, {"LC_MESSAGES", nullptr}, {"LANG", nullptr}};
        CHECK(language_from_environment() == Language::en);
    }
}

TEST_CASE("LanguageScope writes another language until it ends", "[i18n]") {
    const EnvGuard env{{"WERKSTATT_LOCALEDIR", nullptr}, {"LANGUAGE", nullptr}};
    const auto before = ui_language();
    set_ui_language(Language::en);
    {
        const LanguageScope scope(Language::de);
        CHECK(ui_language() == Language::de);
        CHECK(_("not recorded") == "keine Angabe");
    }
    CHECK(ui_language() == Language::en);
    CHECK(_("not recorded") == "not recorded");
    set_ui_language(before);
}

TEST_CASE("_() and n_() translate into the UI language", "[i18n]") {
    const EnvGuard env{{"WERKSTATT_LOCALEDIR", nullptr}, {"LANGUAGE", nullptr}};
    const auto before = ui_language();
    set_ui_language(Language::de);
    CHECK(_("not recorded") == "keine Angabe");
    set_ui_language(Language::en);
    CHECK(_("not recorded") == "not recorded");
    CHECK(n_("one row", "{} rows", 2) == "{} rows");
    set_ui_language(before);
}
