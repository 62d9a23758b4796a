// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/xml.hpp"

#include <catch2/catch.hpp>
#include <string>

using namespace werkstatt;

TEST_CASE("xml_escape writes markup characters as entities and keeps UTF-8") {
    CHECK(xml_escape("a < b & c > d") == "a &lt; b &amp; c &gt; d");
    CHECK(xml_escape("\"Zitat\" und 'Apostroph'") == "&quot;Zitat&quot; und &#39;Apostroph&#39;");
    CHECK(xml_escape("Dessau-Roßlau – Börde") == "Dessau-Roßlau – Börde");
    CHECK(xml_escape("&amp;") == "&amp;amp;");
    CHECK(xml_escape("") == "");
}

TEST_CASE("xml_escape replaces control characters XML does not allow, keeps tab and line breaks") {
    CHECK(xml_escape(std::string("a\x01"
                                 "b\x1f"
                                 "c",
                                 5)) == "a b c");
    CHECK(xml_escape(std::string("a\0b", 3)) == "a b");
    CHECK(xml_escape("a\tb\nc\rd") == "a\tb\nc\rd");
}
