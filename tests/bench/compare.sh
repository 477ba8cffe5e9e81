#!/usr/bin/env bash
# The one command for the speed comparison (issue 2): nnp bench vs PyTorch 1.13 CPU, 1 and 2 threads.
#
#   tests/bench/compare.sh [--seconds S] [--repeat R] [--threads 1,2] [--workloads W1,W2,W3,W4,W5,W6,W7]
#
# Builds the Release CLI in build-release (the "release" preset: -O3 -march=native) unless NNP_BUILD_DIR names
# another Release build, makes sure PyTorch and a fast BLAS are present, and prints the ratios against PyTorch at
# its best, with the targets of issue 14 (W1 >= 150x, W2 >= 10x on steps/s; W3 >= 2x on samples/s), issue 10
# (W4 >= 1.5x, W5 >= 1x on samples/s) and issue 11 (W6 >= 1.5x, W7 >= 3x on samples/s), and the ratio against PyTorch as
# installed beside it. Exit status 0 when every target is met.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
build="${NNP_BUILD_DIR:-$root/build-release}"

if ! /usr/bin/python3 -c 'import torch' 2>/dev/null || ! dpkg -s libopenblas0-openmp >/dev/null 2>&1; then
    echo "compare.sh: installing python3-torch and libopenblas0-openmp" >&2
    sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq python3-torch libopenblas0-openmp
fi

if [ ! -f "$build/CMakeCache.txt" ]; then
    if [ -n "${NNP_BUILD_DIR:-}" ]; then
        cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release -DNNP_NATIVE=ON
    else
        (cd "$root" && cmake --preset release)
    fi
fi
if ! grep -q '^CMAKE_BUILD_TYPE:STRING=Release$' "$build/CMakeCache.txt"; then
    echo "compare.sh: $build is not a Release build; speed numbers would mean nothing" >&2
    exit 2
fi
cmake --build "$build" -j2 --target nnp >&2

exec /usr/bin/python3 "$root/tests/bench/compare_pytorch.py" --nnp "$build/app/nnp" "$@"
