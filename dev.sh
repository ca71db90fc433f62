#!/usr/bin/env bash
# SegDash's one entry point for people and CI.
#   ./dev.sh run [APP ARGS]   install what is missing, build, create the demo store once, open the dashboard
#   ./dev.sh test             install what is missing, build, run every test through ctest
#   ./dev.sh asan             unit tests built with AddressSanitizer + UBSan
#   ./dev.sh fuzz [SECONDS]   the CSV fuzzer for a bounded time (clang + libFuzzer)
#   ./dev.sh bench [ARGS]     the benchmark harness (long; not part of the tests)
#   ./dev.sh deps             only install the Debian packages
set -euo pipefail
cd "$(dirname "$0")"

PACKAGES=(build-essential cmake pkg-config git qt6-base-dev qt6-charts-dev qt6-tools-dev qt6-l10n-tools
  libqt6sql6-sqlite qt6-qpa-plugins libeigen3-dev libboost-program-options-dev libsqlite3-dev sqlite3
  libicu-dev libuchardet-dev libgtest-dev libbenchmark-dev xvfb xauth poppler-utils clang libclang-rt-14-dev
  fonts-dejavu-core)
JOBS=$(nproc 2>/dev/null || echo 2)

deps() {
  local missing=()
  for p in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "Installing: ${missing[*]}"
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

build() { # build DIR TARGET [cmake args...]
  local dir=$1 target=$2; shift 2
  cmake -S . -B "$dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@" >/dev/null
  cmake --build "$dir" -j"$JOBS" --target "$target"
}

demo_store() {
  local db=build/demo.sqlite
  if [ ! -f "$db" ]; then
    echo "Creating the demo store from data/demo ..."
    rm -f "$db.tmp"
    ./build/segdash import --db "$db.tmp" data/demo/{customers,orders,order_lines,opportunities,interactions,surveys,campaigns}.csv >/dev/null
    mv "$db.tmp" "$db"
  fi
}

case "${1:-run}" in
  deps) deps ;;
  run)
    shift || true
    deps; build build all; demo_store
    exec ./build/segdash --db build/demo.sqlite "$@" ;;
  test)
    deps; build build all
    QT_QPA_PLATFORM=offscreen ctest --test-dir build --output-on-failure -j"$JOBS" ;;
  asan)
    deps; build build-asan all_unit_tests -DSEGDASH_SANITIZE=ON -DSEGDASH_BUILD_BENCH=OFF -DCMAKE_BUILD_TYPE=Debug
    ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
      QT_QPA_PLATFORM=offscreen ctest --test-dir build-asan --output-on-failure -j"$JOBS" -L unit ;;
  fuzz)
    deps; bash fuzz/run_fuzz.sh "${2:-60}" ;;
  bench)
    shift; deps; build build all; bash bench/run_bench.sh "$@" ;;
  *) echo "usage: ./dev.sh run|test|asan|fuzz [SECONDS]|bench|deps" >&2; exit 2 ;;
esac
