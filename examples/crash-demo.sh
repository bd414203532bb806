#!/usr/bin/env bash
# The crash demo: builds test-abort, runs the JUnit 5 example suite under Maven Surefire with the agent,
# crashes one parameterized invocation with a real SIGSEGV, and shows which test it was.
#   examples/crash-demo.sh [CRASH_POINT] [HOW]     e.g.  'LedgerTest$Quarterly#files' exit
set -euo pipefail
cd "$(dirname "$0")/.."
at=${1:-'LedgerTest#reconciles[2]'}
how=${2:-segv}
tools=report-tools/target/test-abort-report-tools.jar
markers=examples/junit5/target/test-abort

echo "== building test-abort (./mvnw install -DskipTests)"
./mvnw -B -q install -DskipTests

echo "== running the example suite with -Dcrash.at='$at' -Dcrash.how=$how"
rm -rf "$markers"
if ./mvnw -B -f examples/junit5 verify -Dcrash.at="$at" -Dcrash.how="$how" > examples/junit5/target/demo-build.log 2>&1; then
  echo "the suite passed: '$at' is not a crash point of examples/junit5" >&2
  exit 1
fi
echo "-- what Surefire says (full log: examples/junit5/target/demo-build.log):"
grep -E "terminated without properly saying goodbye|Crashed tests|^\[ERROR\] com\.example" examples/junit5/target/demo-build.log | sort -u | head -4 || true

echo "-- what test-abort says:"
shopt -s nullglob
found=0
for marker in "$markers"/last_running_*.json; do
  found=1
  java -jar "$tools" check --min-duration 0 "$marker"   # the JVM is gone: any age counts
done
[ "$found" = 1 ] || { echo "no marker was left in $markers" >&2; exit 1; }
