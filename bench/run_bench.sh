#!/usr/bin/env bash
# SegDash's benchmark harness: generated data at standard sizes, segdash against
# reference tools (sqlite3 .import, pandas, scikit-learn), wall time and peak memory
# from /usr/bin/time, one table line per pair. See docs/performance.md.
#
#   bash bench/run_bench.sh [--sizes 1M,10M] [--smoke] [--workdir DIR] [--build-dir DIR]
#                           [--seed S] [--keep] [--no-gbench]
#
# Sizes name order counts (the generator writes ~5.2 orders per customer over 3 years):
# 10k = 2,000 customers, 100k = 20,000, 1M = 200,000, 10M = 2,000,000; a plain number is
# taken as a customer count. --smoke is --sizes 10k --no-gbench plus a tiny Google
# Benchmark run (what ctest's bench_smoke runs). With --workdir, generated data is kept
# and reused by later runs with the same seed; without it, a temp dir under the build
# dir is used and removed at the end (unless --keep).
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
sizes="1M,10M"
build_dir="$root/build"
workdir=""
seed=42
keep=0
gbench=1
smoke=0

usage() { sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'; }

while [ $# -gt 0 ]; do
  case "$1" in
    --sizes) sizes="$2"; shift 2 ;;
    --smoke) smoke=1; sizes="10k"; shift ;;
    --workdir) workdir="$2"; shift 2 ;;
    --build-dir) build_dir="$2"; shift 2 ;;
    --seed) seed="$2"; shift 2 ;;
    --keep) keep=1; shift ;;
    --no-gbench) gbench=0; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "run_bench.sh: unknown argument '$1'" >&2; usage >&2; exit 2 ;;
  esac
done

build_dir="$(cd "$build_dir" 2>/dev/null && pwd)" || { echo "run_bench.sh: no build dir" >&2; exit 2; }
segdash="$build_dir/segdash"
[ -x "$segdash" ] || { echo "run_bench.sh: $segdash not built (cmake --build $build_dir --target segdash)" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "run_bench.sh: /usr/bin/time is missing (apt-get install time)" >&2; exit 2; }
python=${SEGDASH_BENCH_PYTHON:-/usr/bin/python3} # the Debian python, where the apt packages are

if [ -z "$workdir" ]; then
  workdir="$(mktemp -d "$build_dir/bench-work.XXXXXX")"
  [ "$keep" -eq 1 ] || trap 'rm -rf "$workdir"' EXIT
else
  mkdir -p "$workdir"
  workdir="$(cd "$workdir" && pwd)"
fi

customers_of() {
  case "$1" in
    10k) echo 2000 ;; 100k) echo 20000 ;; 1M) echo 200000 ;; 10M) echo 2000000 ;;
    *[!0-9]*|'') echo "run_bench.sh: unknown size '$1' (10k, 100k, 1M, 10M or a customer count)" >&2; exit 2 ;;
    *) echo "$1" ;;
  esac
}

# measure OUT_PREFIX CMD...: runs CMD with stdout/stderr in OUT_PREFIX.log, leaves
# "wall_s peak_kb" in OUT_PREFIX.time; returns CMD's exit status.
measure() {
  local prefix=$1; shift
  local rc=0
  /usr/bin/time -f "%e %M" -o "$prefix.time" "$@" >"$prefix.log" 2>&1 || rc=$?
  [ "$rc" -eq 0 ] || { echo "  FAILED ($rc): $* (see $prefix.log)" >&2; tail -5 "$prefix.log" >&2; }
  return "$rc"
}
wall_of() { awk '{print $1}' "$1.time"; }
mb_of() { awk '{printf "%.0f", $2 / 1024}' "$1.time"; }

table="$workdir/table.txt"
: >"$table"
rm -f "$workdir/notes.txt" "$workdir/gbench.json" "$workdir/gbench.txt"
header() { printf '%-10s %-10s %9s %10s %-9s %10s %10s %7s %12s %12s\n' size task segdash_s segdash_MB reference ref_s ref_MB ratio seg_rows/s ref_rows/s; }
# row_values SIZE TASK ROWS SEG_S SEG_MB [REF_NAME REF_S REF_MB]  ("-" = not measured)
row_values() {
  local size=$1 task=$2 rows=$3 sw=$4 sm=$5 refname=${6:--} rw=${7:--} rm=${8:--}
  local ratio srate rrate
  ratio=$(awk -v a="$sw" -v b="$rw" 'BEGIN { if (b + 0 > 0) printf "%.2f", a / b; else print "-" }')
  srate=$(awk -v n="$rows" -v t="$sw" 'BEGIN { if (n != "-" && t + 0 > 0) printf "%.0f", n / t; else print "-" }')
  rrate=$(awk -v n="$rows" -v t="$rw" 'BEGIN { if (n != "-" && t + 0 > 0) printf "%.0f", n / t; else print "-" }')
  printf '%-10s %-10s %9s %10s %-9s %10s %10s %7s %12s %12s\n' \
    "$size" "$task" "$sw" "$sm" "$refname" "$rw" "$rm" "$ratio" "$srate" "$rrate" | tee -a "$table"
}
# row SIZE TASK ROWS SEG_PREFIX [REF_NAME REF_PREFIX]: figures from measure's .time files
row() {
  local size=$1 task=$2 rows=$3 seg=$4 refname=${5:--} ref=${6:-}
  if [ -n "$ref" ]; then
    row_values "$size" "$task" "$rows" "$(wall_of "$seg")" "$(mb_of "$seg")" "$refname" "$(wall_of "$ref")" "$(mb_of "$ref")"
  else
    row_values "$size" "$task" "$rows" "$(wall_of "$seg")" "$(mb_of "$seg")"
  fi
}
note() { echo "  $*" | tee -a "$workdir/notes.txt"; }

# An unknown command may fall through to the dashboard: look for the command's own options.
segment_ok=0
segment_help=$(QT_QPA_PLATFORM=offscreen timeout 20 "$segdash" segment --help 2>&1) && \
  grep -q -- '--method' <<<"$segment_help" && segment_ok=1
has_pandas=0; has_sklearn=0
[ -x "$python" ] && "$python" -c "import pandas" 2>/dev/null && has_pandas=1
[ -x "$python" ] && "$python" -c "import pandas, sklearn" 2>/dev/null && has_sklearn=1
kmeans_args=(--method kmeans --k 8 --seed "$seed")
[ "$segment_ok" -eq 1 ] && grep -q -- '--n-init' <<<"$segment_help" && kmeans_args+=(--n-init 1)

echo "SegDash benchmark: $(git -C "$root" log -1 --oneline 2>/dev/null || echo 'no git')"
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.1f GB", $2/1048576}' /proc/meminfo)," \
  "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "workdir: $workdir"
case ",$sizes," in *,10M,*|*,2000000,*) echo "warning: 10M orders need about 6 GB of disk in the workdir" ;; esac

bench_size() {
  local label=$1 customers data rows
  customers=$(customers_of "$label")
  data="$workdir/data-$customers-$seed"
  local out="$workdir/run-$label"
  mkdir -p "$out"
  echo "== $label: $customers customers (seed $seed)"
  if [ ! -f "$data/.complete" ]; then
    rm -rf "$data"
    measure "$out/generate" "$segdash" generate --customers "$customers" --out "$data" --seed "$seed" --years 3
    touch "$data/.complete"
    rows=$(($(wc -l <"$data/orders.csv") - 1))
    row "$label" generate "$rows" "$out/generate"
  else
    rows=$(($(wc -l <"$data/orders.csv") - 1))
    note "generate: reusing $data"
  fi
  local orders="$data/orders.csv" store="$out/store.sqlite"

  rm -f "$store" "$store-wal" "$store-shm" "$out/sqlite3.db"
  measure "$out/import" "$segdash" import --db "$store" "$orders"
  local columns
  columns=$(head -1 "$orders" | tr -d '\r' | awk -F, '{ for (i = 1; i <= NF; ++i)
    printf "%s%s %s", (i > 1 ? ", " : ""), $i, ($i == "revenue" || $i == "cost" ? "REAL" : "TEXT") }')
  measure "$out/sqlite3" sqlite3 "$out/sqlite3.db" "CREATE TABLE orders($columns);" ".mode csv" \
    ".import --skip 1 '$orders' orders"
  row "$label" import "$rows" "$out/import" sqlite3 "$out/sqlite3"

  if [ "$segment_ok" -eq 0 ]; then
    note "skipped: segment command not available (rfm, kmeans)"
    return 0
  fi
  measure "$out/rfm" "$segdash" segment --db "$store" --method rfm --out "$out/rfm.csv"
  if [ "$has_pandas" -eq 1 ]; then
    measure "$out/pandas" "$python" "$here/reference_rfm.py" "$orders" --out "$out/pandas_rfm.csv"
    row "$label" rfm "$rows" "$out/rfm" pandas "$out/pandas"
  else
    row "$label" rfm "$rows" "$out/rfm"
    note "skipped: pandas not installed (apt-get install python3-pandas)"
  fi
  measure "$out/kmeans" "$segdash" segment --db "$store" "${kmeans_args[@]}" --out "$out/kmeans.csv"
  if [ "$has_sklearn" -eq 1 ]; then
    measure "$out/sklearn" "$python" "$here/reference_kmeans.py" "$orders" --k 8 --seed "$seed"
    row "$label" kmeans "$rows" "$out/kmeans" sklearn "$out/sklearn"
    note "sklearn: $(tail -1 "$out/sklearn.log")"
  else
    row "$label" kmeans "$rows" "$out/kmeans"
    note "skipped: sklearn not installed (apt-get install python3-sklearn)"
  fi
  # The whole "choose k" job: k over 2..10 on a sample, then the final fit on every customer.
  measure "$out/kmeans_auto" "$segdash" segment --db "$store" --method kmeans --k auto --seed "$seed" \
    --out "$out/kmeans_auto.csv"
  row "$label" choose-k "$rows" "$out/kmeans_auto"
}

header
IFS=, read -r -a size_list <<<"$sizes"
for s in "${size_list[@]}"; do bench_size "$s"; done

gb="$build_dir/bench/segdash_bench"
if [ -x "$gb" ] && { [ "$gbench" -eq 1 ] || [ "$smoke" -eq 1 ]; }; then
  echo "== Google Benchmark ($gb)"
  gb_args=()
  [ "$smoke" -eq 1 ] && gb_args=(--benchmark_filter='BM_RfmScoring/100000$|BM_DataPass' --benchmark_min_time=0.01)
  "$gb" "${gb_args[@]}" --benchmark_out="$workdir/gbench.json" --benchmark_out_format=json 2>&1 | tee "$workdir/gbench.txt"
elif [ "$gbench" -eq 1 ]; then
  echo "skipped: Google Benchmark targets not built ($gb)"
fi

# One Lloyd iteration at k = 8 on 1M x 3: Google Benchmark's figure against one read of
# the data and against scikit-learn's iteration on the same shape.
gb_json="$workdir/gbench.json"
if [ "$smoke" -eq 0 ] && [ -s "$gb_json" ] && [ -x "$python" ]; then
  gb_time() { # NAME [real_time|cpu_time] -> seconds
    "$python" -c 'import json, sys
for b in json.load(open(sys.argv[1]))["benchmarks"]:
    if b["name"] == sys.argv[2]: print("%.4f" % (b[sys.argv[3]] / {"ms": 1e3, "us": 1e6, "ns": 1e9, "s": 1}[b["time_unit"]]))' \
      "$gb_json" "$1" "${2:-real_time}"; }
  lloyd=$(gb_time BM_LloydIteration/threads:2)
  lloyd1=$(gb_time BM_LloydIteration/threads:1 cpu_time)
  pass=$(gb_time BM_DataPass)
  [ -n "$lloyd" ] && [ -n "$pass" ] && row_values 1Mx3 lloyd/pass - "$lloyd" - "data-pass" "$pass" -
  if [ -n "$lloyd" ] && [ "$has_sklearn" -eq 1 ]; then
    sk=$("$python" "$here/reference_kmeans.py" --iteration-bench 1000000 --k 8 --seed "$seed")
    row_values 1Mx3 lloyd-iter - "$lloyd" - sklearn "$(sed 's/.* seconds=\([0-9.]*\) .*/\1/' <<<"$sk")" -
    # One thread, CPU seconds: less at the mercy of whatever else the machine runs.
    row_values 1Mx3 lloyd-1cpu - "$lloyd1" - sklearn "$(sed 's/.*cpu_seconds_1_thread=\([0-9.]*\).*/\1/' <<<"$sk")" -
    note "sklearn: $sk"
  fi
fi

echo "== summary (ratio = segdash wall / reference wall)"
header
cat "$table"
[ -f "$workdir/notes.txt" ] && cat "$workdir/notes.txt"
exit 0
