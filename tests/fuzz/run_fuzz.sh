#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# `make fuzz`: build the libFuzzer targets of tests/fuzz with clang in BUILD_DIR (only the
# targets and the library files they need), then run each for SECONDS on a copy of its seed
# corpus (kept in BUILD_DIR/corpus/NAME, so that later runs start from what earlier ones found).
# Fails if any target crashes, leaks, times out or finds undefined behaviour; the input is saved
# as BUILD_DIR/crashes/NAME-crash-* (replay it with `BUILD_DIR/tests/fuzz/fuzz_NAME FILE`).
# Usage: run_fuzz.sh SOURCE_DIR BUILD_DIR SECONDS [NAME...]
set -eu
src=$1
build=$2
seconds=$3
shift 3
targets=${*:-csv import_row config period xlsx}

CXX=${FUZZ_CXX:-clang++}
packages="clang libclang-rt-14-dev"
if ! command -v "$CXX" >/dev/null 2>&1; then
    echo "werkstatt: error: make fuzz needs clang; install the Debian packages $packages (scripts/setup --fuzz)" >&2
    exit 1
fi
probe=$(mktemp -d "${TMPDIR:-/tmp}/werkstatt-fuzz-probe-XXXXXX")
trap 'rm -rf "$probe"' EXIT
printf '#include <cstddef>\n#include <cstdint>\nextern "C" int LLVMFuzzerTestOneInput(const std::uint8_t*, std::size_t) { return 0; }\n' >"$probe/probe.cpp"
if ! "$CXX" -fsanitize=fuzzer,address,undefined "$probe/probe.cpp" -o "$probe/probe" >"$probe/log" 2>&1; then
    echo "werkstatt: error: $CXX cannot link libFuzzer with ASan and UBSan ($(head -1 "$probe/log")); install the Debian packages $packages (scripts/setup --fuzz)" >&2
    exit 1
fi

launcher=""
command -v ccache >/dev/null 2>&1 && launcher="-DCMAKE_CXX_COMPILER_LAUNCHER=ccache"
cmake -S "$src" -B "$build" -G Ninja -DCMAKE_CXX_COMPILER="$CXX" -DCMAKE_BUILD_TYPE=None \
    -DWERKSTATT_FUZZ=ON -DWERKSTATT_ENABLE_TESTS=OFF $launcher >/dev/null
cmake --build "$build" -j "${JOBS:-2}"

mkdir -p "$build/crashes"
log="$build/fuzz-runs.log"
failed=""
for name in $targets; do
    work="$build/corpus/$name"
    mkdir -p "$work"
    cp -n "$src/tests/fuzz/corpus/$name/"* "$work/" 2>/dev/null || true
    echo "fuzz: $name for $seconds s on $work" >&2
    status=0
    # -timeout: an input that takes 25 s is a bug (a hang or a quadratic path) on any machine.
    nice -n 19 "$build/tests/fuzz/fuzz_$name" -max_total_time="$seconds" -timeout=25 \
        -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$build/crashes/$name-" \
        "$work" >"$build/fuzz-$name.log" 2>&1 || status=$?
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$build/fuzz-$name.log" | tail -1)
    line="$(date -u +%Y-%m-%d) $(uname -n) $name seconds=$seconds execs=${execs:-?} corpus=$(ls "$work" | wc -l) status=$status"
    echo "$line" >>"$log"
    echo "fuzz: $line" >&2
    if [ "$status" -ne 0 ]; then
        failed="$failed $name"
        grep -E '^(==[0-9]+==ERROR|SUMMARY|fuzz: |.*runtime error)' "$build/fuzz-$name.log" | head -5 >&2
    fi
done
if [ -n "$failed" ]; then
    echo "werkstatt: error: fuzzing found crashes in:$failed; see $build/crashes and $build/fuzz-NAME.log" >&2
    exit 1
fi
