// SPDX-License-Identifier: GPL-3.0-or-later
#include "applicants/duplicates.hpp"

#include <catch2/catch.hpp>

#include <chrono>

using namespace werkstatt;

namespace {

CandidateIdentity person(std::int64_t id, std::string first, std::string last, std::string birth,
                         std::string email = "", std::string phone = "") {
    return CandidateIdentity{id,
                             "jc",
                             "R-" + std::to_string(id),
                             std::move(first),
                             std::move(last),
                             std::move(birth),
                             std::move(email),
                             std::move(phone)};
}

} // namespace

TEST_CASE("Kölner Phonetik: the published examples", "[duplicates]") {
    // Wikipedia, "Kölner Phonetik": the first stage of Müller-Lüdenscheidt, then the code.
    CHECK(koelner_digits("Müller-Lüdenscheidt") == "60550750206880022");
    CHECK(koelner_phonetik("Müller-Lüdenscheidt") == "65752682");
    CHECK(koelner_phonetik("Wikipedia") == "3412");
    CHECK(koelner_phonetik("Breschnew") == "17863");
}

TEST_CASE("Kölner Phonetik: the rules of C, X, D, T and P by context", "[duplicates]") {
    CHECK(koelner_digits("Cäsar") == "40807"); // C at the start before A
    CHECK(koelner_digits("Celle") == "80550"); // C at the start before E
    CHECK(koelner_digits("Sachs") == "8048");  // C after A, before H: 4
    CHECK(koelner_digits("Max") == "6048");    // X not after C, K, Q
    CHECK(koelner_digits("Dix") == "2048");
    CHECK(koelner_digits("Stadt") == "82022");    // D before T; T at the end
    CHECK(koelner_digits("Schmitz") == "886088"); // S, then C after S: 8; T before Z: 8
    CHECK(koelner_digits("Philipp") == "305011"); // P before H: 3
    CHECK(koelner_phonetik("") == "");
    CHECK(koelner_phonetik("123 -") == "");
}

TEST_CASE("name codes agree across transliterations", "[duplicates]") {
    const auto codes = [](const char* first, const char* last) { return name_codes(first, last); };
    for (const char* v : {"Muhammad", "Mohamed", "Mohammed", "Muhammed", "Mhd", "Mohamad"}) {
        CHECK(codes(v, "Haddad") == codes("Mohammad", "Haddad"));
    }
    CHECK(codes("Ahmad", "Ali") == codes("Ahmed", "Ali"));
    CHECK(codes("Youssef", "Ali") == codes("Yusuf", "Ali"));
    CHECK(codes("Jussuf", "Ali") == codes("Yusuf", "Ali"));
    CHECK(codes("Emre", "Öztürk") == codes("Emre", "Oeztuerk"));
    CHECK(codes("Emre", "Öztürk") == codes("Emre", "Ozturk"));
    CHECK(codes("Jürgen", "Groß") == codes("Juergen", "Gross"));
    CHECK(codes("José", "Muñoz") == codes("Jose", "Munoz"));
    CHECK(codes("Djamal", "Said") == codes("Jamal", "Said"));
    CHECK(codes("Ahmad", "Al-Hassan") == codes("Ahmad", "Hassan"));
    CHECK(codes("Ali", "Hassan") == codes("Hassan", "Ali")); // swapped
    CHECK(codes("Ali", "Hassan") != codes("Omar", "Hassan"));
    CHECK(codes("Vorname12", "X") != codes("Vorname13", "X")); // digits are kept
}

TEST_CASE("e-mail and phone are compared in one spelling", "[duplicates]") {
    CHECK(normalise_email(" Amina.Haddad@Example.ORG ") == "amina.haddad@example.org");
    CHECK(normalise_email("no address") == "");
    CHECK(normalise_phone("+49 391 555-0101") == "03915550101");
    CHECK(normalise_phone("0049 (391) 555 01 01") == "03915550101");
    CHECK(normalise_phone("0391/5550101") == "03915550101");
    CHECK(normalise_phone("+963 11 2345678") == "00963112345678");
    CHECK(normalise_phone("12 34") == "");
}

TEST_CASE("the pair finder finds transliterated names, e-mails and phones", "[duplicates]") {
    const std::vector<CandidateIdentity> people = {
        person(1, "Mohammad", "Haddad", "1990-02-01"),
        person(2, "Muhammad", "Haddad", "1990-02-01"),
        person(3, "Mohamed", "Haddad", "1991-02-01"), // another birth date: no pair with 1, 2
        person(4, "Emre", "Öztürk", "1985-07-05", "emre@example.org"),
        person(5, "Emre", "Oeztuerk", "1985-07-05"),
        person(6, "Lea", "Schulz", "", "LEA@example.org"),
        person(7, "Lea", "Schultz-Weber", "", " lea@example.org", "0391 1234567"),
        person(8, "Kim", "Nguyen", "", "", "+49 391 1234567"),
        person(9, "Omar", "Haddad", "1990-02-01"),
    };
    const auto pairs = find_duplicate_pairs(people);
    std::map<std::pair<std::int64_t, std::int64_t>, Evidence> found;
    for (const auto& p : pairs) {
        CHECK(p.a.id < p.b.id);
        found[{p.a.id, p.b.id}] = p.evidence;
    }
    CHECK(found.size() == 4);
    CHECK(found[{1, 2}] == k_evidence_name);
    CHECK(found[{4, 5}] == k_evidence_name);
    CHECK(found[{6, 7}] == k_evidence_email);
    CHECK(found[{7, 8}] == k_evidence_phone);
    CHECK(found.count({1, 3}) == 0);
    CHECK(found.count({1, 9}) == 0); // same last name and birth date, another first name
    CHECK(evidence_words(k_evidence_name | k_evidence_phone) ==
          std::vector<std::string>{"birth date and name", "phone"});
    CHECK(evidence_strength(k_evidence_name | k_evidence_email | k_evidence_phone) == 5);
    // strongest first
    CHECK(evidence_strength(pairs.front().evidence) >= evidence_strength(pairs.back().evidence));
}

TEST_CASE("the pair finder handles thousands of candidates quickly", "[duplicates]") {
    std::vector<CandidateIdentity> people;
    const char* firsts[] = {"Mohammad", "Ahmad", "Youssef", "Amina", "Olena", "Emre", "Lea"};
    const char* lasts[] = {"Haddad", "Ali", "Öztürk", "Kovalenko", "Schulz", "Nguyen", "Ahmadi"};
    for (std::int64_t i = 1; i <= 5000; ++i) {
        people.push_back(person(i, firsts[i % 7], std::string(lasts[(i / 7) % 7]),
                                "19" + std::to_string(60 + i % 40) + "-0" +
                                    std::to_string(1 + i % 9) + "-1" + std::to_string(i % 10),
                                "p" + std::to_string(i) + "@example.org",
                                "0391 " + std::to_string(100000 + i)));
    }
    people.push_back(person(5001, "Muhammad", "Ali", people[6].birth_date)); // id 7: Mohammad Ali
    const auto start = std::chrono::steady_clock::now();
    const auto pairs = find_duplicate_pairs(people);
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                        std::chrono::steady_clock::now() - start)
                        .count();
    CHECK(ms < 2000);
    const bool found = std::any_of(pairs.begin(), pairs.end(), [](const DuplicatePair& p) {
        return p.b.id == 5001 && p.a.id == 7;
    });
    CHECK(found);
    WARN("5,000 candidates: " << ms << " ms, " << pairs.size() << " pairs");
}

TEST_CASE("the index remembers the first owner of a key and its reference", "[duplicates]") {
    DuplicateIndex index;
    CHECK(index.find(person(1, "A", "B", "2000-01-01")).empty());
    CHECK(index.add(person(1, "Ali", "Hassan", "2000-01-01", "a@x.de"), 1));
    CHECK(index.add(person(2, "Hassan", "Ali", "2000-01-01", "", "0391 123456"), -7));
    const auto hits = index.find(person(3, "Ali", "Hassan", "2000-01-01", "A@X.DE", "0391123456"));
    REQUIRE(hits.size() == 2);
    CHECK(hits[0].owner == 1); // the name key stays with its first owner
    CHECK(hits[0].evidence == (k_evidence_name | k_evidence_email));
    CHECK_FALSE(hits[0].same_reference);
    CHECK(hits[1].owner == -7);
    CHECK(hits[1].evidence == k_evidence_phone);
    // The record itself (same source and reference) is marked, so that it is not its duplicate.
    const auto own = index.find(person(1, "Ali", "Hassan", "2000-01-01"));
    REQUIRE(own.size() == 1);
    CHECK(own[0].same_reference);
}
