#!/usr/bin/env bash
# Benchmark: sanitize an ~85 MB pytest-html 4.1.1 report under -Xmx256m, 3 runs; prints the median
# wall time and the largest max RSS (GNU time). Needs a built module (./mvnw -B -pl report-tools verify)
# and /usr/bin/time (apt-get install -y time).
#
#   report-tools/bench/big-report.sh [TARGET_BYTES]        (run from the repository root)
#
# Env: FIXTURES_DIR (default report-tools/src/test/resources, the fixtures kept in the repository), BENCH_DIR (default a temp dir).
set -euo pipefail
cd "$(dirname "$0")/../.."
TARGET=${1:-85000000}
JAR=report-tools/target/test-abort-report-tools.jar
CLASSES=report-tools/target/test-classes
FIXTURES_DIR=${FIXTURES_DIR:-report-tools/src/test/resources}
BENCH_DIR=${BENCH_DIR:-$(mktemp -d)}
[ -f "$JAR" ] && [ -d "$CLASSES" ] || { echo "build first: ./mvnw -B -pl report-tools verify" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "missing /usr/bin/time (apt-get install -y time)" >&2; exit 2; }

mkdir -p "$BENCH_DIR"
ORIG="$BENCH_DIR/big_log.html.orig"
java -cp "$CLASSES:$JAR" io.testabort.reports.pytest.html.BigReportGenerator \
  "$FIXTURES_DIR/pytest-reports/raw/test_output_log.html" "$ORIG" "$TARGET"

times=(); rss=()
for run in 1 2 3; do
  cp "$ORIG" "$BENCH_DIR/big_log.html"
  /usr/bin/time -v -o "$BENCH_DIR/time.$run" java -Xmx256m -jar "$JAR" sanitize "$BENCH_DIR/big_log.html"
  wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$BENCH_DIR/time.$run" \
    | awk -F: '{ if (NF == 3) print $1*3600 + $2*60 + $3; else print $1*60 + $2 }')
  kb=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$BENCH_DIR/time.$run")
  echo "run $run: ${wall} s, max RSS ${kb} kB"
  times+=("$wall"); rss+=("$kb")
done
# baseline in the same run (the machine is shared): Python only reading the report as text, the first
# step of pytest-abort's sanitizer (its whole run took ~20 s on 88 MB, see the fixtures README)
base=()
for run in 1 2 3; do
  /usr/bin/time -f %e -o "$BENCH_DIR/base.$run" python3 -c 'import sys; open(sys.argv[1], encoding="utf-8").read()' "$ORIG"
  base+=("$(cat "$BENCH_DIR/base.$run")")
done
basemedian=$(printf '%s\n' "${base[@]}" | sort -g | sed -n 2p)
median=$(printf '%s\n' "${times[@]}" | sort -g | sed -n 2p)
maxrss=$(printf '%s\n' "${rss[@]}" | sort -g | tail -1)
echo "input $(stat -c %s "$ORIG") bytes, output $(stat -c %s "$BENCH_DIR/big_log.html") bytes"
echo "median wall ${median} s, max RSS ${maxrss} kB (files in $BENCH_DIR)"
echo "baseline, Python reading the file as text: median ${basemedian} s; sanitize/read = $(awk -v a="$median" -v b="$basemedian" 'BEGIN { printf "%.2f", a / b }')"
