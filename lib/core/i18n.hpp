// SPDX-License-Identifier: GPL-3.0-or-later
// The languages of what people read, and the one way text is translated: the GNU gettext
// catalogue of the text domain "werkstatt" (po/ in the repository, compiled by msgfmt). Texts in
// the code are English msgids; German is the default language of documents. Numbers and dates are
// written the way the language writes them. Keys, codes and exit statuses never change.
#pragma once

#include "core/date.hpp"

#include <fmt/format.h>

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace werkstatt {

// A language werkstatt writes documents in.
enum class Language { de, en };

// Parse `text` ("de", "en"), or nothing.
std::optional<Language> parse_language(std::string_view text);
// Return "de" or "en".
std::string_view to_string(Language lang);

// Return the translation of the English `msgid` into `lang` from the catalogue, or `msgid` when
// the catalogue has none (English, or a text not translated yet). xgettext keyword: tr:2.
std::string tr(Language lang, const char* msgid);
// Return the translation into `lang` of `msgid` in `context` (gettext's msgctxt), or nothing
// when the catalogue has none (always for English).
std::optional<std::string> tr_context(Language lang, const char* context, const char* msgid);
// Return the translation of `singular` / `plural` for `n` (the language's plural rule).
// xgettext keyword: trn:2,3.
std::string trn(Language lang, const char* singular, const char* plural, std::uint64_t n);

// The language the program speaks to the person running it: messages, warnings, errors, table
// headers, --help. Chosen once at start (cmd/main.cpp: ui.lang, else the locale); English until
// then. Documents handed to others (cards, checklists, reports) take their own language instead.
Language ui_language();
void set_ui_language(Language lang);

// Within its scope, _() and _f() write `lang`: for text made by the same code for the person at
// the terminal and for a record others read later (a match run's stored reasons). The UI
// language comes back when the scope ends.
class LanguageScope {
  public:
    explicit LanguageScope(Language lang) : m_before(ui_language()) { set_ui_language(lang); }
    ~LanguageScope() { set_ui_language(m_before); }
    LanguageScope(const LanguageScope&) = delete;
    LanguageScope& operator=(const LanguageScope&) = delete;

  private:
    Language m_before;
};
// Return the UI language the environment asks for: the first set of LC_ALL, LC_MESSAGES and LANG;
// "de..." is German, anything else (C, POSIX, en_US.UTF-8) English.
Language language_from_environment();

// Marks `text` as a msgid where it is written and translated later, by the function it is
// handed to (gettext's noop idiom). xgettext keyword: N_.
#define N_(text) text
// Marks `text` as a msgid of `context` (gettext's msgctxt), translated later by tr_context().
// xgettext keyword: NC_:1c,2.
#define NC_(context, text) text

// Return `msgid` translated into `lang` and formatted with `args`: _f for a document in a language
// of its own. xgettext keyword: trf:2.
template <typename... Args>
std::string trf(Language lang, fmt::format_string<Args...> msgid, Args&&... args) {
    const fmt::string_view english = msgid;
    return fmt::format(fmt::runtime(tr(lang, std::string(english.data(), english.size()).c_str())),
                       std::forward<Args>(args)...);
}

// Return `msgid` translated into ui_language(). xgettext keyword: _.
std::string _(const char* msgid);
// Return `singular` / `plural` for `n` translated into ui_language(). xgettext keyword: n_:1,2.
std::string n_(const char* singular, const char* plural, std::uint64_t n);

// Return `msgid` translated into ui_language() and formatted with `args` as fmt::format does.
// The English msgid is checked against the arguments when compiled; a translation must have the
// same placeholders (the test "po: catalogue complete"). xgettext keyword: _f.
template <typename... Args>
std::string _f(fmt::format_string<Args...> msgid, Args&&... args) {
    const fmt::string_view english = msgid;
    return fmt::format(fmt::runtime(_(std::string(english.data(), english.size()).c_str())),
                       std::forward<Args>(args)...);
}

// Return whether tr() and trn() can translate into `lang`: true for English, for German when its
// catalogue is found (WERKSTATT_LOCALEDIR, else beside the binary: ../share/locale installed,
// ../locale in the build tree, else the install path compiled in). Without it they return the
// English msgid, and the command warns.
bool catalogue_found(Language lang);
// Return the catalogue file of `lang` that tr() reads (or would read):
// <dir>/de/LC_MESSAGES/werkstatt.mo.
std::filesystem::path catalogue_path(Language lang);

// Return `n` with the language's digit grouping: 1.234.567 in German, 1,234,567 in English.
std::string format_count(std::int64_t n, Language lang);
// Return `x` with `decimals` digits (0 to 15) after the separator, rounded half away from zero:
// 1.234,5 in German, 1,234.5 in English; no minus sign on a value that rounds to zero.
std::string format_number(double x, int decimals, Language lang);
// Return `day` as the language writes it: 25.11.2026 in German, 2026-11-25 in English.
std::string format_date(const Date& day, Language lang);
// Return the day `iso` (YYYY-MM-DD) as format_date writes it, or `iso` unchanged if it is no day
// (an empty or free-text date field).
std::string format_date_text(const std::string& iso, Language lang);
// Return what is wrong with `text` as a day (Date::why_not), in the UI language.
std::string why_not_a_day(std::string_view text);
// Return `day` as the UI language writes it, for messages: format_date(day, ui_language()).
std::string human_date(const Date& day);

} // namespace werkstatt
