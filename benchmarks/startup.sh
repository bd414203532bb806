#!/usr/bin/env bash
# Start-up and whole-run cost of the agent, each against a no-agent baseline in the same hyperfine run
# (shared machines are noisy: read the ratios, not the absolute times).
#   ./mvnw -B verify -DskipTests=false   (builds the agent jar, the launcher and the 5,000-test fixture)
#   benchmarks/startup.sh                (RUNS=30 for more runs; needs hyperfine: apt-get install hyperfine)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
agent=$root/agent/target/test-abort-agent.jar
console=$root/integration-tests/target/launchers/junit5-console.jar
fixtures=$root/integration-tests/target/test-classes
java=${JAVA:-java}
for f in "$agent" "$console" "$fixtures/io/testabort/it/fixtures/ManyQuickCases.class"; do
  [ -e "$f" ] || { echo "missing $f: run ./mvnw -B verify first" >&2; exit 2; }
done
command -v hyperfine >/dev/null || { echo "hyperfine is not installed (apt-get install hyperfine)" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
printf 'public class Hello { public static void main(String[] a) { System.out.println("hello"); } }\n' > "$work/Hello.java"
"$java" -version 2>&1 | head -1
javac -d "$work" "$work/Hello.java"

echo "== JVM start-up (what JAVA_TOOL_OPTIONS adds to every JVM of a CI job)"
hyperfine -N --warmup 3 --runs "${RUNS:-20}" \
  -n 'hello, no agent' "$java -Xshare:auto -cp $work Hello" \
  -n 'hello, agent inert (no file/dir)' "$java -javaagent:$agent -cp $work Hello" \
  -n 'hello, agent active, no test framework' "$java -javaagent:$agent=dir=$work/markers -cp $work Hello"

echo "== 5,000 trivial JUnit 5 tests under the console launcher (per-test cost)"
run="-jar $console execute --class-path $fixtures --select-class io.testabort.it.fixtures.ManyQuickCases --disable-banner --details=none"
hyperfine -N --warmup 1 --runs "${RUNS:-10}" \
  -n '5,000 tests, no agent' "$java $run" \
  -n '5,000 tests, agent active' "$java -javaagent:$agent=dir=$work/markers $run"
