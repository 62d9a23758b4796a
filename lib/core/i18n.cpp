// SPDX-License-Identifier: GPL-3.0-or-later
// Translation through glibc's gettext (libintl is part of glibc), independent of the user's
// locale: gettext picks the catalogue from LC_MESSAGES, and from LANGUAGE only when LC_MESSAGES
// is not "C". cron runs with LANG=C and the machine may have no German locale installed, so a
// German lookup switches this thread to glibc's built-in C.UTF-8 locale (uselocale) and sets
// LANGUAGE=de for the one dgettext call, then restores both at once: while they are set, glibc
// would translate its own messages too (strerror), and those stay English.
#include "core/i18n.hpp"

#include <cerrno>
#include <climits>
#include <cmath>
#include <cstdlib>
#include <fmt/format.h>
#include <libintl.h>
#include <locale.h>
#include <mutex>
#include <system_error>
#include <unistd.h>

#ifndef WERKSTATT_INSTALL_LOCALEDIR
#define WERKSTATT_INSTALL_LOCALEDIR "/usr/local/share/locale"
#endif

namespace werkstatt {

namespace {

constexpr const char* k_domain = "werkstatt";

// Serialises every use of gettext's global state and of LANGUAGE by this file.
std::mutex& gettext_mutex() {
    static std::mutex mutex;
    return mutex;
}

// Return whether `dir` holds the catalogue of `lang`.
bool has_catalogue(const std::filesystem::path& dir, std::string_view lang) {
    std::error_code ec;
    return std::filesystem::is_regular_file(
        dir / std::string(lang) / "LC_MESSAGES" / (std::string(k_domain) + ".mo"), ec);
}

// Return the folder of the running binary, or nothing when /proc is not there.
std::optional<std::filesystem::path> exe_dir() {
    std::error_code ec;
    const auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
    if (ec) {
        return std::nullopt;
    }
    return exe.parent_path();
}

// Where the catalogue is found, and the C.UTF-8 locale a lookup runs under.
struct Catalogue {
    std::string override_value; // WERKSTATT_LOCALEDIR when `dir` was chosen
    std::filesystem::path dir;
    locale_t messages_locale = locale_t(nullptr);
};

// Return the catalogue folder: WERKSTATT_LOCALEDIR, else <exe>/../share/locale (installed) or
// <exe>/../locale (the build tree) where the German catalogue is, else the compiled-in path.
std::filesystem::path resolve_dir(const char* override_dir) {
    if (override_dir != nullptr && *override_dir != '\0') {
        return override_dir;
    }
    if (const auto dir = exe_dir()) {
        for (const auto& candidate : {*dir / ".." / "share" / "locale", *dir / ".." / "locale"}) {
            if (has_catalogue(candidate, "de")) {
                return candidate.lexically_normal();
            }
        }
    }
    return WERKSTATT_INSTALL_LOCALEDIR;
}

// Return the catalogue state, (re)binding the text domain when WERKSTATT_LOCALEDIR changed.
// The caller holds gettext_mutex().
const Catalogue& catalogue() {
    static Catalogue state;
    static bool bound = false;
    const char* env = std::getenv("WERKSTATT_LOCALEDIR");
    const std::string value = env != nullptr ? env : "";
    if (!bound || value != state.override_value) {
        state.override_value = value;
        state.dir = resolve_dir(env);
        bindtextdomain(k_domain, state.dir.c_str());
        bind_textdomain_codeset(k_domain, "UTF-8");
        // Catalogues already loaded stay cached by glibc; a new counter makes it look again.
        textdomain(textdomain(nullptr));
        bound = true;
    }
    if (state.messages_locale == locale_t(nullptr)) {
        // Built into glibc since 2.35: needs no installed locale.
        state.messages_locale = newlocale(LC_MESSAGES_MASK, "C.UTF-8", locale_t(nullptr));
    }
    return state;
}

// Sets LANGUAGE and this thread's LC_MESSAGES for one lookup in `lang`, and restores both.
class LookupScope {
  public:
    LookupScope(std::string_view lang, locale_t messages_locale) {
        if (const char* old = std::getenv("LANGUAGE")) {
            m_old_language = old;
        }
        setenv("LANGUAGE", std::string(lang).c_str(), 1);
        m_old_locale = uselocale(messages_locale);
        // glibc caches a lookup without LANGUAGE in the key: a new counter empties that cache.
        textdomain(textdomain(nullptr));
    }
    ~LookupScope() {
        uselocale(m_old_locale);
        if (m_old_language) {
            setenv("LANGUAGE", m_old_language->c_str(), 1);
        } else {
            unsetenv("LANGUAGE");
        }
        textdomain(textdomain(nullptr));
    }
    LookupScope(const LookupScope&) = delete;
    LookupScope& operator=(const LookupScope&) = delete;

  private:
    std::optional<std::string> m_old_language;
    locale_t m_old_locale = locale_t(nullptr);
};

// Return whether a lookup in `lang` can reach a catalogue. The caller holds gettext_mutex().
bool usable(Language lang, const Catalogue& state) {
    return lang != Language::en && state.messages_locale != locale_t(nullptr) &&
           has_catalogue(state.dir, to_string(lang));
}

} // namespace

std::optional<Language> parse_language(std::string_view text) {
    if (text == "de") {
        return Language::de;
    }
    if (text == "en") {
        return Language::en;
    }
    return std::nullopt;
}

std::string_view to_string(Language lang) {
    return lang == Language::de ? "de" : "en";
}

namespace {
Language g_ui_language = Language::en;
} // namespace

Language ui_language() {
    return g_ui_language;
}

void set_ui_language(Language lang) {
    g_ui_language = lang;
}

Language language_from_environment() {
    for (const char* name : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
        const char* value = std::getenv(name);
        if (value != nullptr && *value != '\0') {
            return std::string_view(value).substr(0, 2) == "de" ? Language::de : Language::en;
        }
    }
    return Language::en;
}

std::string _(const char* msgid) {
    return tr(g_ui_language, msgid);
}

std::string n_(const char* singular, const char* plural, std::uint64_t n) {
    return trn(g_ui_language, singular, plural, n);
}

std::string tr(Language lang, const char* msgid) {
    if (lang == Language::en || *msgid == '\0') {
        return msgid; // "" is the catalogue's header, never a text
    }
    const std::lock_guard lock(gettext_mutex());
    const auto& state = catalogue();
    if (!usable(lang, state)) {
        return msgid;
    }
    const LookupScope scope(to_string(lang), state.messages_locale);
    return dgettext(k_domain, msgid);
}

std::optional<std::string> tr_context(Language lang, const char* context, const char* msgid) {
    if (lang == Language::en) {
        return std::nullopt;
    }
    // The catalogue keeps a text of a context as "context\004msgid" (gettext.h's pgettext).
    const std::string key = std::string(context) + '\004' + msgid;
    const std::lock_guard lock(gettext_mutex());
    const auto& state = catalogue();
    if (!usable(lang, state)) {
        return std::nullopt;
    }
    const LookupScope scope(to_string(lang), state.messages_locale);
    const char* found = dgettext(k_domain, key.c_str());
    if (found == key.c_str()) {
        return std::nullopt; // dgettext hands back its argument when it has no translation
    }
    return std::string(found);
}

std::string trn(Language lang, const char* singular, const char* plural, std::uint64_t n) {
    const auto english = [&] { return std::string(n == 1 ? singular : plural); };
    if (lang == Language::en) {
        return english();
    }
    const std::lock_guard lock(gettext_mutex());
    const auto& state = catalogue();
    if (!usable(lang, state)) {
        return english();
    }
    const LookupScope scope(to_string(lang), state.messages_locale);
    // gettext's plural rules take an unsigned long; beyond that every form is the plural.
    const auto count = n > ULONG_MAX ? ULONG_MAX : static_cast<unsigned long>(n);
    return dngettext(k_domain, singular, plural, count);
}

bool catalogue_found(Language lang) {
    if (lang == Language::en) {
        return true;
    }
    const std::lock_guard lock(gettext_mutex());
    return usable(lang, catalogue());
}

std::filesystem::path catalogue_path(Language lang) {
    const std::lock_guard lock(gettext_mutex());
    return catalogue().dir / std::string(to_string(lang)) / "LC_MESSAGES" /
           (std::string(k_domain) + ".mo");
}

namespace {

std::string group_digits(std::string digits, char separator) {
    std::string out;
    const auto size = digits.size();
    for (std::size_t i = 0; i < size; ++i) {
        if (i > 0 && (size - i) % 3 == 0) {
            out += separator;
        }
        out += digits[i];
    }
    return out;
}

} // namespace

std::string format_count(std::int64_t n, Language lang) {
    const auto sep = lang == Language::de ? '.' : ',';
    const auto magnitude = n < 0 ? -static_cast<std::uint64_t>(n) : static_cast<std::uint64_t>(n);
    return (n < 0 ? "-" : "") + group_digits(std::to_string(magnitude), sep);
}

std::string format_number(double x, int decimals, Language lang) {
    if (!std::isfinite(x)) {
        return fmt::format("{}", x);
    }
    decimals = decimals < 0 ? 0 : (decimals > 15 ? 15 : decimals);
    // Round half away from zero, as people round (2.5 -> 3), not to even as printf does; the
    // scaled value is a whole number, printed exactly, and the separator goes in by hand.
    const double scaled = std::round(std::fabs(x) * std::pow(10.0, decimals));
    auto digits = fmt::format("{:.0f}", scaled);
    if (digits.size() <= static_cast<std::size_t>(decimals)) {
        digits.insert(0, static_cast<std::size_t>(decimals) + 1 - digits.size(), '0');
    }
    const auto whole = digits.substr(0, digits.size() - static_cast<std::size_t>(decimals));
    const auto fraction = digits.substr(whole.size());
    const auto group = lang == Language::de ? '.' : ',';
    const auto point = lang == Language::de ? ',' : '.';
    auto out = (x < 0 && scaled != 0 ? "-" : "") + group_digits(whole, group);
    if (!fraction.empty()) {
        out += point;
        out += fraction;
    }
    return out;
}

std::string format_date_text(const std::string& iso, Language lang) {
    const auto day = Date::parse_iso(iso);
    return day ? format_date(*day, lang) : iso;
}

std::string why_not_a_day(std::string_view text) {
    return _(std::string(Date::why_not(text)).c_str());
}

std::string human_date(const Date& day) {
    return format_date(day, ui_language());
}

std::string format_date(const Date& day, Language lang) {
    if (lang == Language::de) {
        return fmt::format("{:02}.{:02}.{:04}", day.day(), day.month(), day.year());
    }
    return fmt::format("{:04}-{:02}-{:02}", day.year(), day.month(), day.day());
}

} // namespace werkstatt
