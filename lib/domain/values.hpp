// SPDX-License-Identifier: GPL-3.0-or-later
// Small value types that validate on construction: a value of one of these types is always valid.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace werkstatt {

// A German postal code (Postleitzahl): exactly five digits, leading zero kept.
class Plz {
  public:
    // Parse `text` (surrounding blanks ignored), or nothing if it is not five digits.
    static std::optional<Plz> parse(std::string_view text);
    // Parse `text`, the text of a number cell of a spreadsheet, if it is a PLZ whose leading zero
    // was lost: four digits ("6844" is 06844, in Sachsen-Anhalt's 06 region). Nothing otherwise.
    static std::optional<Plz> parse_lost_zero(std::string_view text);
    const std::string& str() const { return m_code; }
    bool operator==(const Plz&) const = default;

  private:
    explicit Plz(std::string code) : m_code(std::move(code)) {}
    std::string m_code;
};

// An email address in the plain form people use: local@domain.tld, no spaces, at most 254 bytes.
class Email {
  public:
    // Parse `text` (surrounding blanks ignored), or nothing if it is not such an address.
    static std::optional<Email> parse(std::string_view text);
    const std::string& str() const { return m_address; }
    bool operator==(const Email&) const = default;

  private:
    explicit Email(std::string address) : m_address(std::move(address)) {}
    std::string m_address;
};

// A telephone number as written: digits, blanks and + ( ) / - . with at least five digits.
class Phone {
  public:
    // Parse `text` (surrounding blanks ignored), or nothing if it is not such a number.
    static std::optional<Phone> parse(std::string_view text);
    const std::string& str() const { return m_number; }
    bool operator==(const Phone&) const = default;

  private:
    explicit Phone(std::string number) : m_number(std::move(number)) {}
    std::string m_number;
};

// A short key that scripts use to name a record (company "mueller"): 1 to 40 of a-z, 0-9, '-'
// and '_', starting with a letter or digit.
class RecordKey {
  public:
    // Parse `text`, or nothing if it is not such a key.
    static std::optional<RecordKey> parse(std::string_view text);
    const std::string& str() const { return m_key; }
    bool operator==(const RecordKey&) const = default;

  private:
    explicit RecordKey(std::string key) : m_key(std::move(key)) {}
    std::string m_key;
};

} // namespace werkstatt
