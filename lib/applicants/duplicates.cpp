// SPDX-License-Identifier: GPL-3.0-or-later
#include "applicants/duplicates.hpp"

#include "core/text.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <string_view>

namespace werkstatt {

namespace {

// The base letters of U+0100..U+017F (Latin Extended-A), one per code point.
constexpr std::string_view k_extended_a =
    "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiiiiijjkkkll"
    "llllllllnnnnnnnnnoooooooorrrrrrssssssssttttttuuuuuuuuuuuu"
    "wwyyyzzzzzzs";

static_assert(k_extended_a.size() == 0x80);

// Return the base letter (a-z) of code point `cp`, 's' for ß, or 0 for anything else.
char base_letter(char32_t cp) {
    if (cp < 0x80) {
        const auto c = static_cast<char>(cp);
        if (c >= 'A' && c <= 'Z') {
            return static_cast<char>(c - 'A' + 'a');
        }
        return c >= 'a' && c <= 'z' ? c : 0;
    }
    if (cp >= 0xC0 && cp <= 0xFF) {
        static constexpr char latin1[] = "aaaaaaaceeeeiiiidnooooo\0ouuuuyts"
                                         "aaaaaaaceeeeiiiidnooooo\0ouuuuyty";
        static_assert(sizeof latin1 == 0x40 + 1);
        return latin1[cp - 0xC0];
    }
    if (cp >= 0x100 && cp < 0x100 + k_extended_a.size()) {
        return k_extended_a[cp - 0x100];
    }
    if (cp >= 0x218 && cp <= 0x21B) { // Ș ș Ț ț
        return cp < 0x21A ? 's' : 't';
    }
    return 0;
}

// Decode the code point at `s[i]` and advance `i`; invalid bytes count as U+FFFD.
char32_t next_code_point(std::string_view s, std::size_t& i) {
    const auto c = static_cast<unsigned char>(s[i++]);
    if (c < 0x80) {
        return c;
    }
    int extra = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : -1;
    if (extra < 0) {
        return 0xFFFD;
    }
    char32_t cp = c & (0x3F >> extra);
    for (; extra > 0 && i < s.size(); --extra) {
        const auto d = static_cast<unsigned char>(s[i]);
        if ((d & 0xC0) != 0x80) {
            return 0xFFFD;
        }
        cp = (cp << 6) | (d & 0x3F);
        ++i;
    }
    return cp;
}

bool one_of(char c, std::string_view set) {
    return c != 0 && set.find(c) != std::string_view::npos;
}

// The Kölner Phonetik's first stage over `letters` (a-z only).
std::string koelner_of_letters(std::string_view letters) {
    std::string out;
    const auto n = letters.size();
    for (std::size_t i = 0; i < n; ++i) {
        const char c = letters[i];
        const char prev = i > 0 ? letters[i - 1] : 0;
        const char next = i + 1 < n ? letters[i + 1] : 0;
        switch (c) {
        case 'a':
        case 'e':
        case 'i':
        case 'j':
        case 'o':
        case 'u':
        case 'y':
            out += '0';
            break;
        case 'h':
            break;
        case 'b':
            out += '1';
            break;
        case 'p':
            out += next == 'h' ? '3' : '1';
            break;
        case 'd':
        case 't':
            out += one_of(next, "csz") ? '8' : '2';
            break;
        case 'f':
        case 'v':
        case 'w':
            out += '3';
            break;
        case 'g':
        case 'k':
        case 'q':
            out += '4';
            break;
        case 'c':
            if (i == 0) {
                out += one_of(next, "ahkloqrux") ? '4' : '8';
            } else {
                out += one_of(prev, "sz") ? '8' : one_of(next, "ahkoqux") ? '4' : '8';
            }
            break;
        case 'x':
            out += one_of(prev, "ckq") ? "8" : "48";
            break;
        case 'l':
            out += '5';
            break;
        case 'm':
        case 'n':
            out += '6';
            break;
        case 'r':
            out += '7';
            break;
        case 's':
        case 'z':
            out += '8';
            break;
        default:
            break;
        }
    }
    return out;
}

std::string koelner_final(std::string_view digits) {
    std::string collapsed;
    for (const char d : digits) {
        if (collapsed.empty() || collapsed.back() != d) {
            collapsed += d;
        }
    }
    std::string out;
    for (std::size_t i = 0; i < collapsed.size(); ++i) {
        if (collapsed[i] != '0' || i == 0) {
            out += collapsed[i];
        }
    }
    return out;
}

// Name particles that agencies write or leave out: not evidence of anything.
bool particle(std::string_view token) {
    static const std::set<std::string_view> k_particles = {
        "al", "el", "ul", "bin", "ben", "ibn", "von", "van", "der", "den", "de", "da", "di"};
    return k_particles.count(token) != 0;
}

// Return `token` (folded) with a common variant written one way.
std::string variant(std::string token) {
    static const std::set<std::string_view> k_mohammad = {"mhd", "mohd", "muhd", "md", "moh"};
    if (k_mohammad.count(token) != 0) {
        return "mohammad";
    }
    for (const std::string_view prefix : {"dsch", "dsh", "dj"}) {
        if (token.size() > prefix.size() + 1 && token.compare(0, prefix.size(), prefix) == 0) {
            return "j" + token.substr(prefix.size());
        }
    }
    return token;
}

std::uint64_t key_hash(char tag, std::initializer_list<std::string_view> parts) {
    std::uint64_t h = 1469598103934665603ull;
    const auto mix = [&h](unsigned char c) {
        h ^= c;
        h *= 1099511628211ull;
    };
    mix(static_cast<unsigned char>(tag));
    for (const auto part : parts) {
        mix(0x1F);
        for (const char c : part) {
            mix(static_cast<unsigned char>(c));
        }
    }
    return h == 0 ? 1 : h;
}

// The keys of `p` with the kind each is evidence of.
std::vector<std::pair<std::uint64_t, Evidence>> keys_of(const CandidateIdentity& p) {
    std::vector<std::pair<std::uint64_t, Evidence>> keys;
    const auto birth = text::trim(p.birth_date);
    if (!birth.empty()) {
        auto codes = name_codes(p.first_name, p.last_name);
        if (codes.size() > 5) {
            codes.resize(5);
        }
        if (codes.size() == 1) {
            keys.emplace_back(key_hash('n', {birth, codes[0], codes[0]}), k_evidence_name);
        }
        for (std::size_t i = 0; i < codes.size(); ++i) {
            for (std::size_t j = i + 1; j < codes.size(); ++j) {
                keys.emplace_back(key_hash('n', {birth, codes[i], codes[j]}), k_evidence_name);
            }
        }
    }
    if (const auto e = normalise_email(p.email); !e.empty()) {
        keys.emplace_back(key_hash('e', {e}), k_evidence_email);
    }
    if (const auto t = normalise_phone(p.phone); !t.empty()) {
        keys.emplace_back(key_hash('p', {t}), k_evidence_phone);
    }
    return keys;
}

constexpr std::size_t k_max_slots = std::size_t{1} << 20; // 16 MiB at most

// A hash of the source and reference of `p`.
std::uint32_t identity_hash(const CandidateIdentity& p) {
    const auto h = key_hash('i', {p.source, p.reference});
    return static_cast<std::uint32_t>(h ^ (h >> 32));
}

} // namespace

std::string koelner_digits(std::string_view word) {
    std::string letters;
    for (std::size_t i = 0; i < word.size();) {
        if (const char c = base_letter(next_code_point(word, i)); c != 0) {
            letters += c;
        }
    }
    return koelner_of_letters(letters);
}

std::string koelner_phonetik(std::string_view word) {
    return koelner_final(koelner_digits(word));
}

std::vector<std::string> name_codes(std::string_view first, std::string_view last) {
    std::string whole = text::fold_german(first);
    whole += ' ';
    whole += text::fold_german(last);
    std::vector<std::string> codes;
    std::string letters;
    std::string digits;
    const auto flush = [&] {
        if (!letters.empty() && !particle(letters)) {
            auto code = koelner_final(koelner_of_letters(variant(letters)));
            if (!digits.empty()) {
                code += '#' + digits;
            }
            codes.push_back(std::move(code));
        } else if (letters.empty() && !digits.empty()) {
            codes.push_back('#' + digits);
        }
        letters.clear();
        digits.clear();
    };
    for (std::size_t i = 0; i < whole.size();) {
        const auto cp = next_code_point(whole, i);
        if (cp >= '0' && cp <= '9') {
            digits += static_cast<char>(cp);
        } else if (const char c = base_letter(cp); c != 0) {
            letters += c;
        } else if (cp == '\'' || cp == 0x2019 || cp == 0x60 || cp == 0xB4) {
            continue; // Ma'moun, Ma’moun
        } else {
            flush();
        }
    }
    flush();
    std::sort(codes.begin(), codes.end());
    codes.erase(std::unique(codes.begin(), codes.end()), codes.end());
    return codes;
}

std::string normalise_email(std::string_view email) {
    const auto t = text::ascii_lower(text::trim(email));
    return t.find('@') == std::string::npos ? std::string() : t;
}

std::string normalise_phone(std::string_view phone) {
    const auto t = text::trim(phone);
    std::string digits;
    for (const char c : t) {
        if (c >= '0' && c <= '9') {
            digits += c;
        }
    }
    if (!t.empty() && t.front() == '+') {
        digits = "00" + digits;
    }
    if (digits.compare(0, 4, "0049") == 0) {
        digits = "0" + digits.substr(4);
    }
    return digits.size() < 6 ? std::string() : digits;
}

std::vector<std::string> evidence_words(Evidence evidence) {
    std::vector<std::string> out;
    if ((evidence & k_evidence_name) != 0) {
        out.emplace_back("birth date and name");
    }
    if ((evidence & k_evidence_email) != 0) {
        out.emplace_back("e-mail");
    }
    if ((evidence & k_evidence_phone) != 0) {
        out.emplace_back("phone");
    }
    return out;
}

int evidence_strength(Evidence evidence) {
    return ((evidence & k_evidence_name) != 0 ? 2 : 0) +
           ((evidence & k_evidence_email) != 0 ? 2 : 0) +
           ((evidence & k_evidence_phone) != 0 ? 1 : 0);
}

Evidence evidence_between(const CandidateIdentity& a, const CandidateIdentity& b) {
    Evidence e = 0;
    const auto birth = text::trim(a.birth_date);
    if (!birth.empty() && birth == text::trim(b.birth_date)) {
        const auto x = name_codes(a.first_name, a.last_name);
        const auto y = name_codes(b.first_name, b.last_name);
        std::vector<std::string> common;
        std::set_intersection(x.begin(), x.end(), y.begin(), y.end(), std::back_inserter(common));
        if (common.size() >= 2 || (x.size() == 1 && y.size() == 1 && common.size() == 1)) {
            e |= k_evidence_name;
        }
    }
    const auto mail = normalise_email(a.email);
    if (!mail.empty() && mail == normalise_email(b.email)) {
        e |= k_evidence_email;
    }
    const auto phone = normalise_phone(a.phone);
    if (!phone.empty() && phone == normalise_phone(b.phone)) {
        e |= k_evidence_phone;
    }
    return e;
}

void DuplicateIndex::grow() {
    std::vector<Slot> old;
    old.swap(m_slots);
    m_slots.assign(old.empty() ? 1024 : old.size() * 2, Slot{});
    m_used = 0;
    const auto mask = m_slots.size() - 1;
    for (const auto& s : old) {
        if (s.key == 0) {
            continue;
        }
        auto i = s.key & mask;
        while (m_slots[i].key != 0) {
            i = (i + 1) & mask;
        }
        m_slots[i] = s;
        ++m_used;
    }
}

DuplicateIndex::Keys DuplicateIndex::keys(const CandidateIdentity& person) {
    return Keys{keys_of(person), identity_hash(person)};
}

bool DuplicateIndex::add(const CandidateIdentity& person, std::int64_t owner) {
    return add(keys(person), owner);
}

bool DuplicateIndex::add(const Keys& keys, std::int64_t owner) {
    bool all = true;
    const auto identity = keys.identity;
    for (const auto& [key, kind] : keys.keys) {
        (void)kind;
        if ((m_used + 1) * 4 > m_slots.size() * 3) { // at most three quarters full
            if (m_slots.size() >= k_max_slots) {
                all = false; // full: look-ups still work, nothing new is remembered
                continue;
            }
            grow();
        }
        const auto mask = m_slots.size() - 1;
        auto i = key & mask;
        while (m_slots[i].key != 0 && m_slots[i].key != key) {
            i = (i + 1) & mask;
        }
        auto& s = m_slots[i];
        if (s.key == 0) {
            s.key = key;
            s.owner = static_cast<std::int32_t>(owner);
            s.identity = identity;
            ++m_used;
        }
    }
    return all;
}

std::vector<DuplicateIndex::Hit> DuplicateIndex::find(const CandidateIdentity& person) const {
    if (m_slots.empty()) {
        return {};
    }
    return find(keys(person));
}

std::vector<DuplicateIndex::Hit> DuplicateIndex::find(const Keys& keys) const {
    std::vector<Hit> hits;
    if (m_slots.empty()) {
        return hits;
    }
    const auto identity = keys.identity;
    const auto mask = m_slots.size() - 1;
    for (const auto& [key, kind] : keys.keys) {
        auto i = key & mask;
        while (m_slots[i].key != 0 && m_slots[i].key != key) {
            i = (i + 1) & mask;
        }
        const auto& s = m_slots[i];
        if (s.key != key) {
            continue;
        }
        const auto it = std::find_if(hits.begin(), hits.end(),
                                     [&s](const Hit& h) { return h.owner == s.owner; });
        if (it != hits.end()) {
            it->evidence |= kind;
        } else {
            hits.push_back(Hit{s.owner, kind, s.identity == identity});
        }
    }
    return hits;
}

std::vector<DuplicatePair> find_duplicate_pairs(const std::vector<CandidateIdentity>& people) {
    std::map<std::int64_t, std::size_t> by_id;
    for (std::size_t i = 0; i < people.size(); ++i) {
        by_id[people[i].id] = i;
    }
    DuplicateIndex index;
    std::set<std::pair<std::int64_t, std::int64_t>> seen;
    std::vector<DuplicatePair> pairs;
    for (const auto& p : people) {
        for (const auto& hit : index.find(p)) {
            const auto& q = people[by_id.at(hit.owner)];
            const auto a = std::min(p.id, q.id);
            const auto b = std::max(p.id, q.id);
            if (a == b || !seen.insert({a, b}).second) {
                continue;
            }
            if (const auto e = evidence_between(p, q); e != 0) {
                pairs.push_back(DuplicatePair{people[by_id.at(a)], people[by_id.at(b)], e});
            }
        }
        index.add(p, p.id);
    }
    std::stable_sort(pairs.begin(), pairs.end(), [](const auto& x, const auto& y) {
        const auto sx = evidence_strength(x.evidence);
        const auto sy = evidence_strength(y.evidence);
        return sx != sy ? sx > sy : std::make_pair(x.a.id, x.b.id) < std::make_pair(y.a.id, y.b.id);
    });
    return pairs;
}

Records duplicate_records(Database& db) {
    Records r;
    r.columns = {"id_a",     "source_a",    "reference_a", "id_b",
                 "source_b", "reference_b", "strength",    "evidence"};
    for (const auto& p : find_duplicate_pairs(candidate_identities(db))) {
        r.rows.push_back({Value{p.a.id}, Value{p.a.source}, Value{p.a.reference}, Value{p.b.id},
                          Value{p.b.source}, Value{p.b.reference},
                          Value{std::int64_t{evidence_strength(p.evidence)}},
                          Value{text::join(evidence_words(p.evidence), ", ")}});
    }
    return r;
}

} // namespace werkstatt
