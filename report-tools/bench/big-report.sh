#!/usr/bin/env bash
# Benchmark of issue 8 target 5, on an ~84 MB pytest-html 4.1.1 report, JVM start included, runs interleaved:
#   sanitize    java -Xmx256m -jar test-abort-report-tools.jar sanitize big_log.html
#   postprocess java -Xmx64m  -jar test-abort-report-tools.jar postprocess --crash-log 50-crashes.jsonl --html big_log.html
#   baseline    python3 report-tools/bench/pytest_abort_sanitize.py big_log.html   (pytest-abort's algorithm)
# Prints every run, then medians and each ratio against the baseline measured in the same run.
# The last two lines are stable for other scripts: "sanitize ratio=X" and "postprocess ratio=Y".
#
#   report-tools/bench/big-report.sh [TARGET_BYTES] [RUNS]       (run from anywhere; default 84000000 bytes, 3 runs)
#
# Needs a built module (./mvnw -B -pl report-tools package; the generator is a test class), python3 and
# /usr/bin/time. Env: JAVA (default java), BENCH_DIR (default a temp dir), FIXTURES_DIR.
set -euo pipefail
cd "$(dirname "$0")/../.."
TARGET=${1:-84000000}
RUNS=${2:-3}
JAVA=${JAVA:-java}
JAR=report-tools/target/test-abort-report-tools.jar
CLASSES=report-tools/target/test-classes
FIXTURES_DIR=${FIXTURES_DIR:-report-tools/src/test/resources}
BENCH_DIR=${BENCH_DIR:-$(mktemp -d)}
[ -f "$JAR" ] && [ -d "$CLASSES" ] || { echo "build first: ./mvnw -B -pl report-tools package" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "missing /usr/bin/time (apt-get install -y time)" >&2; exit 2; }
command -v python3 >/dev/null || { echo "missing python3 (the baseline)" >&2; exit 2; }

mkdir -p "$BENCH_DIR"
ORIG="$BENCH_DIR/big_log.html.orig"
"$JAVA" -cp "$CLASSES:$JAR" io.testabort.reports.pytest.html.BigReportGenerator \
  "$FIXTURES_DIR/pytest-reports/raw/test_output_log.html" "$ORIG" "$TARGET" >/dev/null
LOG="$BENCH_DIR/crashes.jsonl"
: > "$LOG"
for i in $(seq 1 50); do
  printf '{"nodeid": "test_big.py::test_crashed[%d]", "reason": "SIGSEGV in C [libcrash.so+0x1139]", "duration": 1.5}\n' "$i" >> "$LOG"
done

# one timed run: "wall_seconds cpu_seconds max_rss_kB" (cpu = user + sys); fails loudly on a non-zero exit
timed() {
  local name=$1; shift
  cp "$ORIG" "$BENCH_DIR/big_log.html"
  if ! /usr/bin/time -f '%e %U %S %M' -o "$BENCH_DIR/$name.time" "$@" > "$BENCH_DIR/$name.out" 2>&1; then
    echo "$name failed:" >&2; cat "$BENCH_DIR/$name.out" >&2; exit 1
  fi
  awk '{ printf "%s %.2f %s\n", $1, $2 + $3, $4 }' "$BENCH_DIR/$name.time"
}
median() { sort -g | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

san=(); post=(); base=(); sanc=(); postc=(); basec=()
for run in $(seq 1 "$RUNS"); do
  read -r s sc srss < <(timed sanitize "$JAVA" -Xmx256m -jar "$JAR" sanitize "$BENCH_DIR/big_log.html")
  read -r p pc prss < <(timed postprocess "$JAVA" -Xmx64m -jar "$JAR" postprocess --crash-log "$LOG" --html "$BENCH_DIR/big_log.html")
  read -r b bc brss < <(timed baseline python3 report-tools/bench/pytest_abort_sanitize.py "$BENCH_DIR/big_log.html")
  echo "run $run: sanitize ${s} s (cpu ${sc} s, ${srss} kB), postprocess ${p} s (cpu ${pc} s, ${prss} kB)," \
    "python baseline ${b} s (cpu ${bc} s, ${brss} kB)"
  san+=("$s"); post+=("$p"); base+=("$b"); sanc+=("$sc"); postc+=("$pc"); basec+=("$bc")
done
ms=$(printf '%s\n' "${san[@]}" | median)
mp=$(printf '%s\n' "${post[@]}" | median)
mb=$(printf '%s\n' "${base[@]}" | median)
msc=$(printf '%s\n' "${sanc[@]}" | median)
mpc=$(printf '%s\n' "${postc[@]}" | median)
mbc=$(printf '%s\n' "${basec[@]}" | median)
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", a / b }'; }
echo "input $(stat -c %s "$ORIG") bytes, $RUNS runs, $("$JAVA" -version 2>&1 | head -1), load $(cut -d' ' -f1-3 /proc/loadavg), files in $BENCH_DIR"
echo "median cpu (user+sys): sanitize ${msc} s, postprocess ${mpc} s, python baseline ${mbc} s;" \
  "cpu ratios: sanitize $(ratio "$msc" "$mbc"), postprocess $(ratio "$mpc" "$mbc")"
echo "median wall: sanitize ${ms} s, postprocess ${mp} s, python baseline ${mb} s"
echo "targets: sanitize <= 0.10, postprocess <= 0.15 (issue 8, target 5); the ratios below are of median wall times"
echo "sanitize ratio=$(ratio "$ms" "$mb")"
echo "postprocess ratio=$(ratio "$mp" "$mb")"
