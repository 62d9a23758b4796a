// SPDX-License-Identifier: GPL-3.0-or-later
// Value types of a job candidate (Bewerberin, Bewerber) that matching may use: language levels,
// occupation codes, residence and recognition status, driving licences. Reporting-only facts
// (gender, education, employment at entry) live in domain/reporting_values.hpp, so that matching
// code cannot use them by accident.
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace werkstatt {

// The outcome of parsing a list where one bad item spoils the whole: the value, or why not.
template <typename T>
struct Parsed {
    std::optional<T> value;
    std::string reason; // what is wrong and what to write instead; empty when `value` is set

    explicit operator bool() const { return value.has_value(); }
    const T& operator*() const { return *value; }
    const T* operator->() const { return &*value; }
};

// A language level on the CEFR scale (GER: Gemeinsamer europäischer Referenzrahmen), A1 < A2 <
// B1 < B2 < C1 < C2, with the mother tongue (Muttersprache) above C2. A course sub-level ("B1.1",
// "B1.2") keeps its notation but counts as a level: the first half of a course has not reached
// the course's level and counts as the level below (B1.1 counts as A2; A1.1 as A1, the lowest
// level the scale has), the second half counts as the course's level (B1.2 counts as B1).
class CefrLevel {
  public:
    // Parse `text`, or nothing: "A1" to "C2" in either case, a course sub-level "B1.1" or "B1.2",
    // "Muttersprache", "Mutterspr.", "muttersprachlich" or "native" for the mother tongue.
    static std::optional<CefrLevel> parse(std::string_view text);
    // Return the level as written: "A1" to "C2", "B1.1" for a course sub-level, or "native".
    std::string_view str() const;
    // Return the level it counts as: "A1" to "C2" or "native" ("A2" for "B1.1").
    std::string_view counted() const;
    // Return true if the level was written as a course sub-level ("B1.1").
    bool course_level() const { return m_half != 0; }
    // Return the level it counts as, 0 for A1 up to 5 for C2 and 6 for the mother tongue.
    int rank() const { return m_half == 1 && m_level > 0 ? m_level - 1 : m_level; }
    // Order by the level counted, then by the notation (A2 < B1.1 < B1 < B1.2).
    std::strong_ordering operator<=>(const CefrLevel& other) const;
    bool operator==(const CefrLevel&) const = default;

  private:
    CefrLevel(int level, int half) : m_level(level), m_half(half) {}
    int m_level; // the level written, 0 (A1) to 6 (native)
    int m_half;  // 0: a level; 1 or 2: the first or second half of a course of that level
};

// The requirement level of an occupation (Anforderungsniveau), the fifth digit of a KldB code.
enum class RequirementLevel {
    helper = 1,     // Helfer: routine tasks, no or one year of training
    skilled = 2,    // Fachkraft: at least two to three years of vocational training
    specialist = 3, // Spezialist: Meister, Techniker or bachelor level
    expert = 4,     // Experte: at least four years of university
};

// Return "helper", "skilled", "specialist" or "expert" for `level`.
std::string_view to_string(RequirementLevel level);

// An occupation code of the BA's Klassifikation der Berufe 2010 (KldB 2010): five digits, the
// first four narrowing the field of work, the fifth the requirement level (1 to 4).
class KldbCode {
  public:
    // Parse `text` (surrounding blanks ignored) as exactly five digits ending in 1 to 4, or
    // nothing; "01104" keeps its leading zero (main group 0 is the military).
    static std::optional<KldbCode> parse(std::string_view text);
    // Parse `text` as written in the BA's code file, where leading zeros are stripped: four
    // digits get a zero in front ("1104" is 01104), five digits are taken as they are.
    static std::optional<KldbCode> parse_stripped(std::string_view text);

    // Return the five digits.
    const std::string& str() const { return m_code; }
    // Return the first digit, 0 to 9 (Berufsbereich).
    int main_group() const { return m_code[0] - '0'; }
    // Return the first two digits (Berufshauptgruppe).
    std::string_view group2() const { return std::string_view(m_code).substr(0, 2); }
    // Return the first three digits (Berufsgruppe).
    std::string_view group3() const { return std::string_view(m_code).substr(0, 3); }
    // Return the first four digits (Berufsuntergruppe).
    std::string_view group4() const { return std::string_view(m_code).substr(0, 4); }
    // Return the requirement level, the fifth digit (Anforderungsniveau).
    RequirementLevel requirement_level() const {
        return static_cast<RequirementLevel>(m_code[4] - '0');
    }
    // Return how many leading digits this code shares with `other`, 0 to 5.
    int shared_prefix(const KldbCode& other) const;
    auto operator<=>(const KldbCode&) const = default;

  private:
    explicit KldbCode(std::string code) : m_code(std::move(code)) {}
    std::string m_code;
};

// The residence status of a person (Aufenthaltsstatus), as the codes of the work-rule table name
// it; domain/work_rules.hpp says what each means for work.
enum class ResidenceStatus {
    eu,                 // EU, EEA or Swiss citizen (Freizügigkeit)
    niederlassung,      // Niederlassungserlaubnis § 9, Daueraufenthalt-EU § 9a AufenthG
    schutz,             // § 25 Abs. 1-3 AufenthG: asylum, refugee, subsidiary protection
    ukraine,            // § 24 AufenthG temporary protection
    bleiberecht,        // §§ 25a, 25b, 104c AufenthG
    fachkraft,          // §§ 18a, 18b AufenthG skilled worker
    blaue_karte,        // § 18g AufenthG Blaue Karte EU
    ausbildung,         // § 16a AufenthG vocational training
    anerkennung,        // § 16d AufenthG recognition measures
    beschaeftigung,     // § 19c AufenthG other employment
    fiktion,            // Fiktionsbescheinigung § 81 AufenthG
    gestattung,         // Aufenthaltsgestattung (asylum seeker)
    duldung,            // Duldung § 60a AufenthG
    duldung_60b,        // Duldung für Personen mit ungeklärter Identität § 60b AufenthG
    ausbildungsduldung, // Ausbildungs- or Beschäftigungsduldung §§ 60c, 60d AufenthG
    studium,            // § 16b AufenthG study
    sprachkurs,         // § 16f AufenthG language course or school attendance
    ausbildungssuche,   // § 17 AufenthG search for a training or study place
    arbeitssuche,       // § 20 AufenthG job search after a German degree or recognition
    chancenkarte,       // § 20a AufenthG Chancenkarte (opportunity card)
    ausbildung_16g,     // § 16g AufenthG training for people obliged to leave
    familie,            // §§ 27-36 AufenthG family reunification (Familiennachzug)
    humanitaer,         // § 25 Abs. 4, 4a, 4b, 5 AufenthG other humanitarian titles
    aufnahme,           // § 23 AufenthG admission by the Länder or the federation
    ausland,            // still abroad: needs a visa for the job (Visumverfahren)
    unknown,            // not recorded
};

// Return every residence status, in the order of the enum.
std::span<const ResidenceStatus> all_residence_statuses();
// Parse `code` ("eu", "blaue-karte", "duldung-60b", ...), or nothing.
std::optional<ResidenceStatus> parse_residence_status(std::string_view code);
// Return the code of `status` ("blaue-karte").
std::string_view to_string(ResidenceStatus status);

// Whether a person may work (Erwerbstätigkeit): freely, only in the job the title names, without
// approval but only within limits of hours or days (limited: students, Chancenkarte), with a
// permit per job (Beschäftigungserlaubnis), not at all, or unknown (ask before proposing).
enum class WorkPermission { free, title_job, limited, permit_required, not_allowed, unknown };

// Parse `text` ("free", "title-job", "limited", "permit-required", "not-allowed", "unknown"), or
// nothing.
std::optional<WorkPermission> parse_work_permission(std::string_view text);
// Return the name of `permission` ("title-job").
std::string_view to_string(WorkPermission permission);

// Where the recognition of a foreign qualification stands (Anerkennung).
enum class Recognition {
    not_required,          // non-regulated occupation, no application
    german_qualification,  // a German vocational qualification: nothing to recognise
    not_applied,           // nicht beantragt
    counselling,           // in counselling (Anerkennungsberatung)
    pending,               // applied, no decision yet
    full,                  // vollständig gleichwertig
    partial,               // teilweise gleichwertig (non-regulated occupations)
    compensation_required, // Ausgleichsmaßnahme auferlegt (regulated occupations)
    rejected,              // abgelehnt
};

// Parse `text` ("not-required", "german-qualification", "not-applied", "counselling", "pending",
// "full", "partial", "compensation-required", "rejected"), or nothing.
std::optional<Recognition> parse_recognition(std::string_view text);
// Return the name of `recognition` ("compensation-required").
std::string_view to_string(Recognition recognition);
enum class Language; // core/i18n.hpp
// Return where `recognition` stands as a phrase for people in `lang` ("partly equivalent").
std::string recognition_phrase(Recognition recognition, Language lang);

// A class of the German (EU) driving licence (Führerscheinklasse).
enum class LicenceClass { am, a1, a2, a, b, be, c1, c1e, c, ce, d1, d1e, d, de, l, t };

// Parse `text` ("B", "c1e"; case ignored), or nothing.
std::optional<LicenceClass> parse_licence_class(std::string_view text);
// Return the name of `licence` as printed on the licence ("C1E").
std::string_view to_string(LicenceClass licence);

// The driving licence classes a person holds; empty for none.
class LicenceSet {
  public:
    // Parse `text`: classes separated by commas, semicolons, slashes or blanks ("B, C1",
    // "B;BE;C", "Klasse B"), case ignored; "", "-", "keiner", "keine", "kein", "ohne" and "nein"
    // mean none. The reason names the first unknown class.
    static Parsed<LicenceSet> parse(std::string_view text);
    // Return true if the set lists `licence` itself (classes it includes by law are not implied).
    bool has(LicenceClass licence) const;
    // Return true if a holder of this set may drive vehicles of class `licence`: the set lists
    // it, or a class it lists includes it (Fahrerlaubnis-Verordnung § 6 Abs. 3, with its
    // conditions: CE includes DE where D is held, C1E includes D1E where D1 is held), or a class
    // it lists could only be issued to a holder of it (§ 9 FeV: C1, C, D1, D and BE need B; C1E
    // needs C1, CE needs C, D1E needs D1, DE needs D).
    bool entitles(LicenceClass licence) const;
    // Return true if the set holds no class.
    bool empty() const { return m_bits == 0; }
    // Return the classes in the licence's order, joined by ", " ("B, BE, C1"); "" for none.
    std::string str() const;
    bool operator==(const LicenceSet&) const = default;

  private:
    LicenceSet() = default;
    std::uint32_t m_bits = 0;
};

// A language a person speaks and how well (Sprachkenntnis).
struct LanguageSkill {
    std::string code; // ISO 639-1, two lower-case letters ("ar")
    CefrLevel level;
    bool operator==(const LanguageSkill&) const = default;
};

// Parse `text` as a list of language:level items separated by ';' or ',' ("ar:C2;en:B1",
// "ar:Muttersprache, de:B1.2"); codes are ISO 639-1 (upper case is lowered), a code may appear
// once, "" is no language. The reason names the first bad item.
Parsed<std::vector<LanguageSkill>> parse_languages(std::string_view text);

} // namespace werkstatt
