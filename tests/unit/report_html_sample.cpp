// SPDX-License-Identifier: GPL-3.0-or-later
// report_html_sample FILE: write the HTML of the hand-made sample report (report_sample.hpp) to
// FILE, for the browser test (tests/cli/test_report_html.sh). Built for the tests only.
#include "report/render.hpp"
#include "report_sample.hpp"

#include <fstream>
#include <iostream>

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: report_html_sample FILE\n";
        return 2;
    }
    std::ofstream out(argv[1], std::ios::binary);
    out << werkstatt::report::render_html(werkstatt::test::sample_report());
    out.close();
    if (!out) {
        std::cerr << "report_html_sample: cannot write " << argv[1] << "\n";
        return 73;
    }
    return 0;
}
