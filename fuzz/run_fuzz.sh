#!/bin/sh
# Builds the libFuzzer target with clang in build-fuzz and runs it for SECONDS
# (default 60) with the CSV fixtures as seed corpus. Usage: fuzz/run_fuzz.sh [SECONDS]
set -eu
SECONDS_TO_RUN=${1:-60}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD="$ROOT/build-fuzz"
CXX=clang++ cmake -S "$ROOT" -B "$BUILD" -DSEGDASH_FUZZ=ON -DSEGDASH_BUILD_TESTS=OFF \
    -DSEGDASH_BUILD_BENCH=OFF -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$BUILD" -j2 --target csv_fuzz
CORPUS="$BUILD/csv_corpus"
mkdir -p "$CORPUS"
cp "$ROOT"/tests/data/csv/*.csv "$ROOT"/tests/data/csv/*.tsv "$CORPUS"/
# Crash reproducers land in build-fuzz/ (artifact_prefix), not in the source tree.
"$BUILD/fuzz/csv_fuzz" -max_total_time="$SECONDS_TO_RUN" -max_len=8192 -rss_limit_mb=2048 \
    -artifact_prefix="$BUILD/" "$CORPUS"
