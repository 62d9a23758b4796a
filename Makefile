# SPDX-License-Identifier: GPL-3.0-or-later
# The two commands of the README: `make demo` and `make test`.
JOBS ?= $(shell nproc)
BUILD ?= build
ASAN_BUILD ?= build-asan
# ccache (installed by scripts/setup) makes repeated builds of unchanged files nearly free.
CCACHE := $(shell command -v ccache 2>/dev/null)
# Release at -O2 without debug information: -g cost a third of the build's time. The sanitizer
# build below keeps -g for its stack traces.
CMAKE_FLAGS ?= -G Ninja -DCMAKE_BUILD_TYPE=Release "-DCMAKE_CXX_FLAGS_RELEASE=-O2 -DNDEBUG" \
	-DWERKSTATT_WARNINGS_AS_ERRORS=ON $(if $(CCACHE),-DCMAKE_CXX_COMPILER_LAUNCHER=$(CCACHE))

.PHONY: all setup build demo test test-fast test-asan package fuzz bench-report format clean

all: build

setup:
	@scripts/setup

build: setup
	@cmake -S . -B $(BUILD) $(CMAKE_FLAGS) >/dev/null
	@cmake --build $(BUILD) -j $(JOBS)

# Build, create a demo database from examples/ and show the whole job on it.
demo: build
	@examples/demo.sh $(BUILD)/cmd/werkstatt $(BUILD)/demo

# The whole suite: a normal build, then the same tests under AddressSanitizer and UBSan.
test: test-fast test-asan

test-fast: build
	@cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

# -g1: line tables only, enough for the sanitizers' stack traces, and a much smaller build.
test-asan: setup
	@cmake -S . -B $(ASAN_BUILD) $(CMAKE_FLAGS) -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS_DEBUG=-g1 -DWERKSTATT_ENABLE_SANITIZERS=ON >/dev/null
	@cmake --build $(ASAN_BUILD) -j $(JOBS)
	@cd $(ASAN_BUILD) && ctest --output-on-failure -j $(JOBS)

# The Debian package werkstatt_<version>-1_<arch>.deb in $(BUILD) (cmake/Package.cmake).
package: build
	@cd $(BUILD) && cpack -G DEB

# Not part of `make test`: build the parsers' libFuzzer targets with clang in $(FUZZ_BUILD) and
# run each for FUZZ_SECONDS on its corpus; fails if one crashes (tests/fuzz/README.md).
FUZZ_BUILD ?= build-fuzz
FUZZ_SECONDS ?= 60
fuzz:
	@scripts/setup --fuzz
	@tests/fuzz/run_fuzz.sh "$(CURDIR)" $(FUZZ_BUILD) $(FUZZ_SECONDS)

# Not a test and not in CI: time report quarterly|annual|esf on a generated database of 1,000,000
# candidates against the sqlite3 shell on the same aggregate queries (bench/README.md).
bench-report: build
	@python3 bench/report/run_bench.py $(BUILD)/cmd/werkstatt

format:
	@clang-format -i $$(git ls-files '*.cpp' '*.hpp')

clean:
	rm -rf $(BUILD) $(ASAN_BUILD) $(FUZZ_BUILD)
