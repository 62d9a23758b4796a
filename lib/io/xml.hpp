// SPDX-License-Identifier: GPL-3.0-or-later
// Text in XML, SVG and HTML documents.
#pragma once

#include <string>
#include <string_view>

namespace werkstatt {

// Return `s` fit for XML and HTML text and attribute values: & < > " ' as entities, and control
// characters other than tab and line breaks (not allowed in XML) as a blank.
std::string xml_escape(std::string_view s);

} // namespace werkstatt
