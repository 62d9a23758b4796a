// SPDX-License-Identifier: GPL-3.0-or-later
#include "domain/candidate_values.hpp"
#include "core/i18n.hpp"
#include "core/names.hpp"

#include "core/text.hpp"

#include <algorithm>
#include <array>
#include <fmt/format.h>

namespace werkstatt {

namespace {

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

constexpr std::pair<std::string_view, ResidenceStatus> k_statuses[] = {
    {"eu", ResidenceStatus::eu},
    {"niederlassung", ResidenceStatus::niederlassung},
    {"schutz", ResidenceStatus::schutz},
    {"ukraine", ResidenceStatus::ukraine},
    {"bleiberecht", ResidenceStatus::bleiberecht},
    {"fachkraft", ResidenceStatus::fachkraft},
    {"blaue-karte", ResidenceStatus::blaue_karte},
    {"ausbildung", ResidenceStatus::ausbildung},
    {"anerkennung", ResidenceStatus::anerkennung},
    {"beschaeftigung", ResidenceStatus::beschaeftigung},
    {"fiktion", ResidenceStatus::fiktion},
    {"gestattung", ResidenceStatus::gestattung},
    {"duldung", ResidenceStatus::duldung},
    {"duldung-60b", ResidenceStatus::duldung_60b},
    {"ausbildungsduldung", ResidenceStatus::ausbildungsduldung},
    {"studium", ResidenceStatus::studium},
    {"sprachkurs", ResidenceStatus::sprachkurs},
    {"ausbildungssuche", ResidenceStatus::ausbildungssuche},
    {"arbeitssuche", ResidenceStatus::arbeitssuche},
    {"chancenkarte", ResidenceStatus::chancenkarte},
    {"ausbildung-16g", ResidenceStatus::ausbildung_16g},
    {"familie", ResidenceStatus::familie},
    {"humanitaer", ResidenceStatus::humanitaer},
    {"aufnahme", ResidenceStatus::aufnahme},
    {"ausland", ResidenceStatus::ausland},
    {"unknown", ResidenceStatus::unknown}};

constexpr std::array<ResidenceStatus, 26> k_all_statuses = {ResidenceStatus::eu,
                                                            ResidenceStatus::niederlassung,
                                                            ResidenceStatus::schutz,
                                                            ResidenceStatus::ukraine,
                                                            ResidenceStatus::bleiberecht,
                                                            ResidenceStatus::fachkraft,
                                                            ResidenceStatus::blaue_karte,
                                                            ResidenceStatus::ausbildung,
                                                            ResidenceStatus::anerkennung,
                                                            ResidenceStatus::beschaeftigung,
                                                            ResidenceStatus::fiktion,
                                                            ResidenceStatus::gestattung,
                                                            ResidenceStatus::duldung,
                                                            ResidenceStatus::duldung_60b,
                                                            ResidenceStatus::ausbildungsduldung,
                                                            ResidenceStatus::studium,
                                                            ResidenceStatus::sprachkurs,
                                                            ResidenceStatus::ausbildungssuche,
                                                            ResidenceStatus::arbeitssuche,
                                                            ResidenceStatus::chancenkarte,
                                                            ResidenceStatus::ausbildung_16g,
                                                            ResidenceStatus::familie,
                                                            ResidenceStatus::humanitaer,
                                                            ResidenceStatus::aufnahme,
                                                            ResidenceStatus::ausland,
                                                            ResidenceStatus::unknown};
// The list is in the order of the enum, so that a status is its own index (work_rules.cpp).
constexpr bool in_enum_order() {
    for (std::size_t i = 0; i < k_all_statuses.size(); ++i) {
        if (static_cast<std::size_t>(k_all_statuses[i]) != i) {
            return false;
        }
    }
    return true;
}
static_assert(in_enum_order());

constexpr std::pair<std::string_view, WorkPermission> k_permissions[] = {
    {"free", WorkPermission::free},
    {"title-job", WorkPermission::title_job},
    {"limited", WorkPermission::limited},
    {"permit-required", WorkPermission::permit_required},
    {"not-allowed", WorkPermission::not_allowed},
    {"unknown", WorkPermission::unknown}};

constexpr std::pair<std::string_view, Recognition> k_recognitions[] = {
    {"not-required", Recognition::not_required},
    {"german-qualification", Recognition::german_qualification},
    {"not-applied", Recognition::not_applied},
    {"counselling", Recognition::counselling},
    {"pending", Recognition::pending},
    {"full", Recognition::full},
    {"partial", Recognition::partial},
    {"compensation-required", Recognition::compensation_required},
    {"rejected", Recognition::rejected}};

constexpr std::pair<std::string_view, RequirementLevel> k_requirement_levels[] = {
    {"helper", RequirementLevel::helper},
    {"skilled", RequirementLevel::skilled},
    {"specialist", RequirementLevel::specialist},
    {"expert", RequirementLevel::expert}};

// In the order of the licence card, which is also the order of the enum.
constexpr std::pair<std::string_view, LicenceClass> k_licences[] = {
    {"AM", LicenceClass::am}, {"A1", LicenceClass::a1},   {"A2", LicenceClass::a2},
    {"A", LicenceClass::a},   {"B", LicenceClass::b},     {"BE", LicenceClass::be},
    {"C1", LicenceClass::c1}, {"C1E", LicenceClass::c1e}, {"C", LicenceClass::c},
    {"CE", LicenceClass::ce}, {"D1", LicenceClass::d1},   {"D1E", LicenceClass::d1e},
    {"D", LicenceClass::d},   {"DE", LicenceClass::de},   {"L", LicenceClass::l},
    {"T", LicenceClass::t}};

constexpr std::string_view k_cefr_names[] = {"A1", "A2", "B1", "B2", "C1", "C2", "native"};

// ISO 639-1 two-letter language codes (the deprecated "bh" left out). Dari is written "fa" and
// Sorani "ku": ISO 639-1 has no code of their own.
constexpr std::string_view k_iso639_1 =
    "aa ab ae af ak am an ar as av ay az ba be bg bi bm bn bo br bs ca ce ch co cr cs cu cv cy "
    "da de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht "
    "hu hy hz ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky "
    "la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv ny "
    "oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr ss "
    "st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo "
    "za zh zu";

bool is_iso639_1(std::string_view code) {
    if (code.size() != 2 || code[0] < 'a' || code[0] > 'z' || code[1] < 'a' || code[1] > 'z') {
        return false;
    }
    for (std::size_t i = 0; i + 2 <= k_iso639_1.size(); i += 3) {
        if (k_iso639_1.substr(i, 2) == code) {
            return true;
        }
    }
    return false;
}

std::string ascii_upper(std::string_view s) {
    std::string out(s);
    for (char& c : out) {
        if (c >= 'a' && c <= 'z') {
            c = static_cast<char>(c - 'a' + 'A');
        }
    }
    return out;
}

// Split `s` at every character of `separators`, dropping blank parts and trimming the others.
std::vector<std::string_view> tokens(std::string_view s, std::string_view separators) {
    std::vector<std::string_view> out;
    std::size_t start = 0;
    while (start <= s.size()) {
        const auto end = s.find_first_of(separators, start);
        const auto part =
            text::trim(s.substr(start, end == std::string_view::npos ? s.npos : end - start));
        if (!part.empty()) {
            out.push_back(part);
        }
        if (end == std::string_view::npos) {
            break;
        }
        start = end + 1;
    }
    return out;
}

} // namespace

std::optional<CefrLevel> CefrLevel::parse(std::string_view text) {
    const auto folded = text::fold_german(text::trim(text));
    if (folded == "native" || folded == "muttersprache" || folded == "mutterspr." ||
        folded == "muttersprachlich") {
        return CefrLevel(6, 0);
    }
    // "b1", or a course sub-level "b1.1" / "b1.2".
    const bool plain = folded.size() == 2;
    const bool sub_level =
        folded.size() == 4 && folded[2] == '.' && (folded[3] == '1' || folded[3] == '2');
    if ((!plain && !sub_level) || folded[0] < 'a' || folded[0] > 'c' ||
        (folded[1] != '1' && folded[1] != '2')) {
        return std::nullopt;
    }
    return CefrLevel((folded[0] - 'a') * 2 + (folded[1] - '1'), sub_level ? folded[3] - '0' : 0);
}

std::string_view CefrLevel::str() const {
    static constexpr std::string_view k_course_names[] = {"A1.1", "A1.2", "A2.1", "A2.2",
                                                          "B1.1", "B1.2", "B2.1", "B2.2",
                                                          "C1.1", "C1.2", "C2.1", "C2.2"};
    if (m_half == 0) {
        return k_cefr_names[m_level];
    }
    return k_course_names[m_level * 2 + m_half - 1];
}

std::string_view CefrLevel::counted() const {
    return k_cefr_names[rank()];
}

std::strong_ordering CefrLevel::operator<=>(const CefrLevel& other) const {
    if (const auto by_rank = rank() <=> other.rank(); by_rank != 0) {
        return by_rank;
    }
    if (const auto by_level = m_level <=> other.m_level; by_level != 0) {
        return by_level;
    }
    return m_half <=> other.m_half;
}

std::string_view to_string(RequirementLevel level) {
    return name_in(k_requirement_levels, level);
}

std::optional<KldbCode> KldbCode::parse(std::string_view text) {
    text = text::trim(text);
    if (text.size() != 5 || !std::all_of(text.begin(), text.end(), is_digit) || text[4] < '1' ||
        text[4] > '4') {
        return std::nullopt;
    }
    return KldbCode(std::string(text));
}

std::optional<KldbCode> KldbCode::parse_stripped(std::string_view text) {
    text = text::trim(text);
    if (text.size() == 4) {
        return parse("0" + std::string(text));
    }
    return parse(text);
}

int KldbCode::shared_prefix(const KldbCode& other) const {
    int n = 0;
    while (n < 5 &&
           m_code[static_cast<std::size_t>(n)] == other.m_code[static_cast<std::size_t>(n)]) {
        ++n;
    }
    return n;
}

std::span<const ResidenceStatus> all_residence_statuses() {
    return k_all_statuses;
}
std::optional<ResidenceStatus> parse_residence_status(std::string_view code) {
    return lookup_name(k_statuses, code);
}
std::string_view to_string(ResidenceStatus status) {
    return name_in(k_statuses, status);
}

std::optional<WorkPermission> parse_work_permission(std::string_view text) {
    return lookup_name(k_permissions, text);
}
std::string_view to_string(WorkPermission permission) {
    return name_in(k_permissions, permission);
}

std::optional<Recognition> parse_recognition(std::string_view text) {
    return lookup_name(k_recognitions, text);
}
std::string_view to_string(Recognition recognition) {
    return name_in(k_recognitions, recognition);
}

std::string recognition_phrase(Recognition recognition, Language lang) {
    switch (recognition) {
    case Recognition::not_required:
        return tr(lang, "not required (occupation not regulated)");
    case Recognition::german_qualification:
        return tr(lang, "German vocational qualification");
    case Recognition::not_applied:
        return tr(lang, "not applied for");
    case Recognition::counselling:
        return tr(lang, "in recognition counselling");
    case Recognition::pending:
        return tr(lang, "applied for, not decided yet");
    case Recognition::full:
        return tr(lang, "fully equivalent");
    case Recognition::partial:
        return tr(lang, "partly equivalent");
    case Recognition::compensation_required:
        return tr(lang, "compensation measure required");
    case Recognition::rejected:
        return tr(lang, "rejected");
    }
    return std::string(to_string(recognition));
}

std::optional<LicenceClass> parse_licence_class(std::string_view text) {
    return lookup_name(k_licences, ascii_upper(text::trim(text)));
}
std::string_view to_string(LicenceClass licence) {
    return name_in(k_licences, licence);
}

Parsed<LicenceSet> LicenceSet::parse(std::string_view text) {
    const auto whole = text::fold_german(text::trim(text));
    LicenceSet set;
    if (whole.empty() || whole == "-" || whole == "keiner" || whole == "keine" || whole == "kein" ||
        whole == "ohne" || whole == "nein") {
        return {set, ""};
    }
    for (const auto token : tokens(text, ",;/ \t")) {
        const auto lowered = text::ascii_lower(token);
        if (lowered == "klasse" || lowered == "kl." || lowered == "kl") {
            continue;
        }
        const auto licence = parse_licence_class(token);
        if (!licence) {
            return {std::nullopt,
                    _f("unknown driving licence class '{}'; write the classes of the EU "
                       "licence (AM, A1, A2, A, B, BE, C1, C1E, C, CE, D1, D1E, D, DE, L, "
                       "T) or 'keiner'",
                       token)};
        }
        set.m_bits |= 1u << static_cast<unsigned>(*licence);
    }
    if (set.empty()) {
        return {std::nullopt, _f("'{}' names no driving licence class; write the classes "
                                 "(e.g. B, C1) or 'keiner'",
                                 text::trim(text))};
    }
    return {set, ""};
}

bool LicenceSet::has(LicenceClass licence) const {
    return (m_bits & (1u << static_cast<unsigned>(licence))) != 0;
}

namespace {

using L = LicenceClass;

constexpr std::uint32_t bit(LicenceClass c) {
    return 1u << static_cast<unsigned>(c);
}

// Fahrerlaubnis-Verordnung § 6 Abs. 3: the classes whose vehicles a class's holder may drive too.
struct Inclusion {
    LicenceClass holder;
    std::uint32_t includes;
};
constexpr Inclusion k_inclusions[] = {
    {L::a, bit(L::am) | bit(L::a1) | bit(L::a2)},  // Nr. 1
    {L::a2, bit(L::a1) | bit(L::am)},              // Nr. 2
    {L::a1, bit(L::am)},                           // Nr. 3
    {L::b, bit(L::am) | bit(L::l)},                // Nr. 4
    {L::c, bit(L::c1)},                            // Nr. 5
    {L::ce, bit(L::c1e) | bit(L::be) | bit(L::t)}, // Nr. 6 (DE: see k_conditional)
    {L::c1e, bit(L::be)},                          // Nr. 7 (D1E: see k_conditional)
    {L::d, bit(L::d1)},                            // Nr. 8
    {L::d1e, bit(L::be)},                          // Nr. 9
    {L::de, bit(L::d1e) | bit(L::be)},             // Nr. 10
    {L::t, bit(L::am) | bit(L::l)},                // Nr. 11
};

// § 6 Abs. 3 Nr. 6 and 7 FeV: CE includes DE where its holder may drive D; C1E includes D1E
// where its holder may drive D1.
struct ConditionalInclusion {
    LicenceClass holder;
    LicenceClass condition;
    LicenceClass includes;
};
constexpr ConditionalInclusion k_conditional[] = {{L::ce, L::d, L::de}, {L::c1e, L::d1, L::d1e}};

// § 9 FeV: a class that is issued only to a holder of another (Vorbesitz).
constexpr std::pair<LicenceClass, LicenceClass> k_prerequisites[] = {
    {L::c1, L::b},   {L::c, L::b},  {L::d1, L::b},   {L::d, L::b}, {L::be, L::b},
    {L::c1e, L::c1}, {L::ce, L::c}, {L::d1e, L::d1}, {L::de, L::d}};

// Return `bits` with every class added that `rule` adds, until nothing changes.
template <typename Rule>
std::uint32_t closed_under(std::uint32_t bits, Rule rule) {
    for (std::uint32_t before = 0; before != bits;) {
        before = bits;
        bits = rule(bits);
    }
    return bits;
}

} // namespace

bool LicenceSet::entitles(LicenceClass licence) const {
    const auto held = closed_under(m_bits, [](std::uint32_t bits) {
        for (const auto& [later, first] : k_prerequisites) {
            if (bits & bit(later)) {
                bits |= bit(first);
            }
        }
        return bits;
    });
    // The list of § 6 Abs. 3 names every class a class includes, so following it further changes
    // nothing; a condition is read as written: it belongs to a class held (a CE holder drives C1E
    // vehicles but holds no C1E, so CE with D1 gives no D1E), and "berechtigt" means "may drive".
    const auto may_drive = closed_under(held, [held](std::uint32_t bits) {
        for (const auto& i : k_inclusions) {
            if (bits & bit(i.holder)) {
                bits |= i.includes;
            }
        }
        for (const auto& i : k_conditional) {
            if ((held & bit(i.holder)) && (bits & bit(i.condition))) {
                bits |= bit(i.includes);
            }
        }
        return bits;
    });
    return (may_drive & bit(licence)) != 0;
}

std::string LicenceSet::str() const {
    std::vector<std::string> names;
    for (const auto& [name, licence] : k_licences) {
        if (has(licence)) {
            names.emplace_back(name);
        }
    }
    return text::join(names, ", ");
}

Parsed<std::vector<LanguageSkill>> parse_languages(std::string_view text) {
    std::vector<LanguageSkill> skills;
    for (const auto item : tokens(text, ";,")) {
        const auto colon = item.find(':');
        if (colon == std::string_view::npos) {
            return {std::nullopt, _f("'{}' is not language:level; write for example "
                                     "ar:C2 or ar:Muttersprache",
                                     item)};
        }
        const auto code = text::ascii_lower(text::trim(item.substr(0, colon)));
        const auto level_text = text::trim(item.substr(colon + 1));
        if (!is_iso639_1(code)) {
            return {std::nullopt, _f("'{}' is not an ISO 639-1 language code; use two letters such "
                                     "as ar, de, en, fa, ku, ti, uk",
                                     text::trim(item.substr(0, colon)))};
        }
        const auto level = CefrLevel::parse(level_text);
        if (!level) {
            return {std::nullopt, _f("'{}' is not a language level; use A1, A2, B1, B2, "
                                     "C1, C2 or Muttersprache",
                                     level_text)};
        }
        const auto same = [&](const LanguageSkill& s) { return s.code == code; };
        if (std::any_of(skills.begin(), skills.end(), same)) {
            return {std::nullopt, _f("language '{}' is given twice; give each language "
                                     "once with its best level",
                                     code)};
        }
        skills.push_back(LanguageSkill{code, *level});
    }
    return {std::move(skills), ""};
}

} // namespace werkstatt
