// SPDX-License-Identifier: GPL-3.0-or-later
// Fuzz target: the TOML configuration loader (lib/config, lib/io/toml_reader) and the import
// profiles it points to (lib/import/profile), as `werkstatt --config FILE`, `--set key=value`
// and `werkstatt config check FILE` read them.
//
// If the first byte of the input is below 0x80, the rest is the configuration file. Otherwise
// the rest is split at its first line break: the first line is one `--set` assignment, the
// remainder the file. The file is written to a temporary path and read as the explicit
// `--config` layer (load_config), checked as `config check` does (check_config_file), and the
// import profiles it defines are read and checked (all_profiles, check_profiles); the text is
// also parsed in memory (parse_toml, with its size and nesting limits).
//
// A file that is not valid TOML, a key that is unknown, a value of the wrong type or out of
// bounds, or a broken profile is rejected with Error(config) (or Error(usage) for a --set
// without '='); see fuzz_support.hpp for what counts as a bug. Besides crashes, the target
// checks that every problem `config check` lists is one printable line.
#include "config/config.hpp"
#include "core/error.hpp"
#include "fuzz_support.hpp"
#include "import/profile.hpp"
#include "io/toml_reader.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <unistd.h>

using namespace werkstatt;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) {
        return 0;
    }
    std::string_view rest(reinterpret_cast<const char*>(data + 1), size - 1);
    ConfigSources sources;
    sources.environment = {{"HOME", "/nonexistent"}};
    if (data[0] >= 0x80) {
        const auto eol = rest.find('\n');
        sources.assignments.emplace_back(rest.substr(0, eol));
        rest = eol == std::string_view::npos ? std::string_view() : rest.substr(eol + 1);
    }
    fuzz::write_scratch("config", rest);
    sources.explicit_file = fuzz::scratch_file("config");

    fuzz::expect_errors_only([&] { parse_toml(rest, "fuzz.toml"); });
    fuzz::expect_errors_only([&] {
        const auto loaded = load_config(sources);
        fuzz::require(!loaded.config.store.database_path.empty(), "a database path is set");
        fuzz::expect_errors_only([&] { all_profiles(loaded.config.import_profiles); });
        for (const auto& problem : check_profiles(loaded.config.import_profiles)) {
            fuzz::check_error(Error(ErrorKind::config, problem));
        }
    });
    for (const auto& problem : check_config_file(fuzz::scratch_file("config"))) {
        fuzz::check_error(Error(ErrorKind::config, problem.message));
    }
    return 0;
}
