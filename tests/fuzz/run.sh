#!/usr/bin/env bash
# Builds the libFuzzer harnesses (the `fuzz` preset: clang, ASan + UBSan) and runs each for SECONDS (default
# 60) on its seed corpus: the samples and lessons, the test fixtures and the regression inputs in tests/fuzz/corpus/<name>
# (inputs that once crashed). New interesting inputs go to build-fuzz/corpus/<name>; a crash leaves its input
# in build-fuzz/crashes/ and makes the script fail. For hours: `tests/fuzz/run.sh 14400` (per harness), or one
# harness: `tests/fuzz/run.sh 3600 fuzz_onnx`. tests/asan.sh builds the same build-fuzz/ with the test suite.
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds="${1:-60}"
shift || true
names=("$@")
((${#names[@]})) || names=(fuzz_project fuzz_csv fuzz_idx fuzz_onnx)
command -v clang++ >/dev/null || { echo "tests/fuzz/run.sh needs clang (apt-get install clang)"; exit 1; }

cmake --preset fuzz >/dev/null
cmake --build build-fuzz -j2 --target "${names[@]}"

seeds() { # the seed folders of one harness
  local name="$1" dir="build-fuzz/seeds/$1"
  rm -rf "$dir" && mkdir -p "$dir"
  case "$name" in
    fuzz_project) cp samples/*.nnp samples/lessons/*.nnp tests/io/fixtures/*.nnp "$dir"/ ;;
    fuzz_csv) find samples/datasets -name '*.csv' -size -200k -exec cp {} "$dir"/ \; ;;
    fuzz_idx) # the first byte picks the file the rest is (0: images, 1: labels)
      for f in samples/datasets/mnist_subset/*-idx*.gz; do
        case "$f" in *labels*) b='\x01' ;; *) b='\x00' ;; esac
        { printf "$b"; cat "$f"; } >"$dir/$(basename "$f")"
      done ;;
    fuzz_onnx) ;; # tests/fuzz/corpus/fuzz_onnx holds exported samples
  esac
  echo "$dir"
}

status=0
mkdir -p build-fuzz/crashes
for name in "${names[@]}"; do
  corpus="build-fuzz/corpus/$name"
  mkdir -p "$corpus" "tests/fuzz/corpus/$name"
  echo "== $name: ${seconds}s"
  if ! "build-fuzz/tests/fuzz/$name" -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=20 \
      -artifact_prefix="build-fuzz/crashes/$name-" -print_final_stats=1 \
      "$corpus" "tests/fuzz/corpus/$name" "$(seeds "$name")" 2>"build-fuzz/$name.log"; then
    echo "!! $name found a problem (build-fuzz/$name.log, input in build-fuzz/crashes/):"
    grep -E "ERROR|SUMMARY|runtime error" "build-fuzz/$name.log" | head -20 || true
    status=1
  fi
  grep -E "^stat::number_of_executed_units|^stat::new_units_added" "build-fuzz/$name.log" || true
done
exit $status
