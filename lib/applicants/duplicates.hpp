// SPDX-License-Identifier: GPL-3.0-or-later
// One person reported twice (by two agencies, or twice by one): the keys that say two records
// are likely the same person, and the pairs of stored candidates that share them. Evidence is
// (a) the same birth date and the same name allowing for transliteration (Mohammad, Muhammad,
// Mohamed; Ö, Oe, O; ß, ss; diacritics; first and last name swapped; double names), compared by
// the Kölner Phonetik of the folded name parts; (b) the same e-mail address; (c) the same phone
// number once written the one way (+49, 0049 and 0 alike; blanks, dashes, slashes dropped).
#pragma once

#include "io/records.hpp"
#include "store/database.hpp"
#include "store/merge_store.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace werkstatt {

// Return the first stage of the Kölner Phonetik (Postel 1969) of `word` (UTF-8): one digit per
// letter by its context, H dropped, before duplicates and zeros are removed
// ("Müller-Lüdenscheidt" -> "60550750206880022"). Letters with diacritics count as their base
// letter, Ä Ö Ü as vowels, ß as S; other characters are skipped.
std::string koelner_digits(std::string_view word);
// Return the Kölner Phonetik code of `word`: koelner_digits with runs of one digit collapsed and
// every 0 dropped but a leading one ("Wikipedia" -> "3412", "Müller-Lüdenscheidt" -> "65752682").
std::string koelner_phonetik(std::string_view word);

// Return the parts of the name `first` `last` as comparable codes, sorted and unique: each part
// (split at blanks and hyphens) folded (ä -> ae, diacritics dropped, lower case), common variants
// written one way (Mhd -> mohammad, initial Dsch/Dj -> j), particles (al, el, bin, von, ...)
// left out, then coded by the Kölner Phonetik; digits in a part are kept after its code.
std::vector<std::string> name_codes(std::string_view first, std::string_view last);
// Return `email` trimmed and in lower case, or "" if it is no address (no '@').
std::string normalise_email(std::string_view email);
// Return `phone` as digits with a German number's prefix written as 0 (+49 / 0049 -> 0) and
// others as 00<country>, or "" if fewer than 6 digits remain.
std::string normalise_phone(std::string_view phone);

// What makes two records likely the same person, one bit each.
enum EvidenceKind : unsigned {
    k_evidence_name = 1u,  // same birth date and the same name (at least two parts alike)
    k_evidence_email = 2u, // same e-mail address
    k_evidence_phone = 4u, // same phone number
};
using Evidence = unsigned;

// Return the kinds in `evidence` as words: "birth date and name", "e-mail", "phone".
std::vector<std::string> evidence_words(Evidence evidence);
// Return how strong `evidence` is: 2 for birth date and name, 2 for the e-mail, 1 for the phone
// (a family may share one), summed: 1 to 5.
int evidence_strength(Evidence evidence);
// Return the evidence that `a` and `b` are the same person (0: none).
Evidence evidence_between(const CandidateIdentity& a, const CandidateIdentity& b);

// Remembered keys and who had each first: the keys of records and rows, hashed, in a table of
// bounded size (16 MiB at most, about 780,000 keys: an import of a million rows keeps its memory
// flat; once the table is full it stops remembering, and says so). Owners are numbers chosen by
// the caller (a candidate id, or minus a line of a file) with the source and reference they
// had, so that a record is not reported as its own duplicate.
class DuplicateIndex {
  public:
    // An owner that shares keys with the record looked up, and which kinds.
    struct Hit {
        std::int64_t owner = 0;
        Evidence evidence = 0;
        bool same_reference = false; // the owner had the source and reference looked up
    };
    // The hashed keys of one person and of their source and reference: computed once for a
    // look-up followed by an add.
    struct Keys {
        std::vector<std::pair<std::uint64_t, Evidence>> keys;
        std::uint32_t identity = 0;
    };
    static Keys keys(const CandidateIdentity& person);
    // Remember the keys of `person` as owned by `owner` (not 0), where no one owns them yet;
    // return false if the table was full and some were not remembered.
    bool add(const CandidateIdentity& person, std::int64_t owner);
    bool add(const Keys& keys, std::int64_t owner);
    // Return the owners that share a key with `person`, each once, in the order first found.
    std::vector<Hit> find(const CandidateIdentity& person) const;
    std::vector<Hit> find(const Keys& keys) const;

  private:
    struct Slot {
        std::uint64_t key = 0; // 0: empty
        std::int32_t owner = 0;
        std::uint32_t identity = 0; // hash of the owner's source and reference
    };
    void grow();
    std::vector<Slot> m_slots;
    std::size_t m_used = 0;
};

// A likely pair of stored candidates: `a` has the lower id.
struct DuplicatePair {
    CandidateIdentity a;
    CandidateIdentity b;
    Evidence evidence = 0;
};

// Return the likely pairs among `people`, strongest first, then by the ids. Records are
// compared only when they share a key (blocked), so thousands take milliseconds.
std::vector<DuplicatePair> find_duplicate_pairs(const std::vector<CandidateIdentity>& people);

// Return the likely pairs among the stored candidates (active or archived, not purged) as a
// listing: id_a, source_a, reference_a, id_b, source_b, reference_b, strength, evidence.
Records duplicate_records(Database& db);

} // namespace werkstatt
