#!/usr/bin/env bash
# The test suite under AddressSanitizer, LeakSanitizer and UndefinedBehaviorSanitizer, GUI tests excepted.
# Configures the `fuzz` preset (clang; every file built with -fsanitize=fuzzer-no-link,address,undefined, GUI off),
# builds the core, data, io, CLI and export tests, `nnp` and the four fuzz harnesses in build-fuzz/, then runs the
# tests labelled core, train, data, io, cli and export. Any sanitizer report fails its test: the options are set
# per test in tests/CMakeLists.txt (halt_on_error, detect_leaks; UBSan's print_stacktrace), and the `nnp` the CLI
# tests start is instrumented too (python3, node and torch subprocesses are not). .ci/test runs it in CI before
# tests/fuzz/run.sh, which then only runs the harnesses it built.
# Usage: tests/asan.sh [CTEST ARGS…]    e.g. tests/asan.sh -R tst_csv
# With ccache: CMAKE_CXX_COMPILER_LAUNCHER=ccache tests/asan.sh (read by the first configure of build-fuzz).
set -euo pipefail
cd "$(dirname "$0")/.."
command -v clang++ >/dev/null || { echo "tests/asan.sh needs clang (apt-get install clang)"; exit 1; }

cmake --preset fuzz >/dev/null
cmake --build build-fuzz -j2
ctest --test-dir build-fuzz -L '^(core|train|data|io|cli|export)$' -j2 --output-on-failure "$@"
