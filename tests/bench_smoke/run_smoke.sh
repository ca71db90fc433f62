#!/usr/bin/env bash
# Runs the harness with --smoke and checks its exit status and its table: an import row
# with numbers for segdash and sqlite3, and rfm/kmeans rows or a "skipped:" line each.
set -uo pipefail
harness=$1 build_dir=$2
out=$(bash "$harness" --smoke --build-dir "$build_dir" 2>&1)
rc=$?
echo "$out"
fail() { echo "bench_smoke: $*" >&2; exit 1; }
[ "$rc" -eq 0 ] || fail "the harness exited with $rc"
summary=$(echo "$out" | sed -n '/^== summary/,$p')
[ -n "$summary" ] || fail "no summary table"
echo "$summary" | grep -q '^size  *task  *segdash_s' || fail "no table header"
num='[0-9][0-9.]*'
echo "$summary" | grep -Eq "^10k +import +$num +$num +sqlite3 +$num +$num +$num +$num +$num\$" \
  || fail "no complete import row (segdash and sqlite3 figures)"
echo "$summary" | grep -Eq "^10k +generate +$num +$num" || echo "$summary" | grep -q "reusing" \
  || fail "no generate row"
for task in rfm kmeans; do
  echo "$summary" | grep -Eq "^10k +$task +$num +$num" || echo "$summary" | grep -q "skipped: segment command" \
    || fail "no $task row and no skip note"
done
if echo "$summary" | grep -Eq '^10k +rfm +'; then
  echo "$summary" | grep -Eq "^10k +rfm .* pandas " || echo "$summary" | grep -q "skipped: pandas not installed" \
    || fail "rfm row without pandas figures and no skip note"
fi
exit 0
