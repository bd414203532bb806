#!/usr/bin/env bash
# Instructions, not seconds: the agent's cost in a JUnit 4 test JVM counted by valgrind's callgrind,
# which gives the same total for the same run whatever else the shared machine is doing (two runs of
# one arm differ by less than 0.01%). Use it to tell apart changes smaller than benchmarks/run.sh can
# (~5% on 2 noisy cores); quote run.sh for the targets, which are wall and CPU time.
#
#   WORK=/tmp/bench benchmarks/run.sh        # once: keeps the generated suites and the do-nothing agents
#   benchmarks/instructions.sh /tmp/bench    # ~1 min: one class of 100 tests, three arms
#
# The JVMs run with -Xbatch: every JIT compile finishes before the code goes on, so the JIT's work is
# counted the same way each time (without it, totals drift by ~7% with what the compiler threads reach
# before the JVM exits). That also makes the JIT finish compiles a normal run never gets to, so keep to
# short runs: on the 5,000-test suite even the do-nothing transformer counts 1.52x the do-nothing agent
# (run.sh: 1.00x of CPU), all of it compilation. Counts are user-space instructions of all threads:
# system calls' kernel time is not in them. Needs valgrind. Not part of ./mvnw verify.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=${1:?usage: benchmarks/instructions.sh WORK-DIR-OF-A-RUN.SH-RUN}
java=${JAVA:-java}
agent=${AGENT:-$root/agent/target/test-abort-agent.jar}   # AGENT=jar: another build, to compare
command -v valgrind >/dev/null || { echo "benchmarks/instructions.sh: valgrind is not installed" >&2; exit 2; }
[ -f "$agent" ] || { echo "benchmarks/instructions.sh: missing $agent: run ./mvnw -B package -DskipTests first" >&2; exit 2; }
[ -d "$work/suites/junit4/classes" ] && [ -f "$work/noop-agent.jar" ] \
  || { echo "benchmarks/instructions.sh: $work holds no suites: run WORK=$work benchmarks/run.sh first" >&2; exit 2; }

junit4=$(ls "$work"/lib/junit4/*.jar | paste -sd:)
markers=$(mktemp -d "${TMPDIR:-/tmp}/test-abort-instructions.XXXXXX")
trap 'rm -rf "$markers"' EXIT

# count LABEL JAVA-ARGS...: prints the label and the run's total instructions
count() {
  local label=$1 total; shift
  total=$(cd "$markers" && valgrind --tool=callgrind --callgrind-out-file=/dev/null "$java" -Xbatch "$@" 2>&1 >/dev/null \
    | sed -n 's/.*Collected : *\([0-9]*\).*/\1/p' | tail -1)
  printf '%s\t%s\n' "$label" "$total"
}

# suite NAME CLASSES...: the three arms on JUnitCore, and the agent's ratios to the do-nothing agent
suite() {
  local name=$1; shift
  local run=(-cp "$junit4:$work/suites/junit4/classes" org.junit.runner.JUnitCore "$@")
  local noop agent_n floor
  noop=$(count x "-javaagent:$work/noop-agent.jar" "${run[@]}" | cut -f2)
  floor=$(count x "-javaagent:$work/noop-transformer.jar=transformer" "${run[@]}" | cut -f2)
  agent_n=$(count x "-javaagent:$agent=dir=$markers" "${run[@]}" | cut -f2)
  python3 - "$name" "$noop" "$floor" "$agent_n" <<'EOF'
import sys
name, noop, floor, agent = sys.argv[1], *map(int, sys.argv[2:])
print(f"| {name} | {noop/1e6:,.1f}M | {floor/1e6:,.1f}M ({floor/noop:.3f}x) | {agent/1e6:,.1f}M ({agent/noop:.3f}x) |")
EOF
}

echo "test-abort benchmarks/instructions.sh, commit $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo '?'), $("$java" -version 2>&1 | head -1)"
echo
echo "| JUnit 4 suite (JUnitCore, -Xbatch) | do-nothing agent | do-nothing transformer | agent, dir= |"
echo "| --- | --- | --- | --- |"
suite "1 class, 100 tests" bench.Trivial00Test
