#!/usr/bin/env bash
# Which threads the agent's CPU lands on: the benchmark suites of benchmarks/run.sh under the do-nothing
# agent and under the agent, one run of each in turn, cold, each JVM recording at exit the CPU time of its
# threads by group (benchmarks/run/ThreadCpuAgent.java): the thread that runs the tests (main), the JIT's
# C1 and C2 compiler threads, the garbage collector's, and the rest. Prints, per suite, the median of
# each group in each arm and the agent's difference.
#
#   WORK=/tmp/bench benchmarks/run.sh          # once: the suites, jars and do-nothing agent
#   benchmarks/threads.sh /tmp/bench           # ~1 min; SUITES="junit4 junit5 testng lang3" adds TestNG and Commons Lang
#
# Why: on 2 cores the JIT's threads compete with the tests for a core, and a JVM that lives longer keeps
# its C2 thread busy longer; this splits an arm's CPU into the agent's own work and what the JIT makes of
# it. Linux only (/proc). Environment: RUNS=10, SUITES="junit4 junit5", AGENT=agent/target's jar,
# JAVA=java. Needs python3. Not part of ./mvnw verify.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=${1:?usage: benchmarks/threads.sh WORK-DIR-OF-A-RUN.SH-RUN}
java=${JAVA:-java}
runs=${RUNS:-10}
suites=${SUITES:-junit4 junit5}
agent=${AGENT:-$root/agent/target/test-abort-agent.jar}
die() { echo "benchmarks/threads.sh: $*" >&2; exit 2; }
command -v python3 >/dev/null || die "python3 is not installed"
[ -d /proc/self/task ] || die "needs Linux's /proc"
[ -f "$agent" ] || die "missing $agent: run ./mvnw -B package -DskipTests first"
[ -d "$work/suites/junit4/classes" ] && [ -f "$work/noop-agent.jar" ] \
  || die "$work holds no suites: run WORK=$work benchmarks/run.sh first"
work=$(cd "$work" && pwd)
agent=$(cd "$(dirname "$agent")" && pwd)/$(basename "$agent")

scratch=$(mktemp -d "${TMPDIR:-/tmp}/test-abort-threads.XXXXXX")
trap 'rm -rf "$scratch"' EXIT
cold=$scratch/cold
mkdir -p "$scratch/recorder"
javac -d "$scratch/recorder" "$root/benchmarks/run/ThreadCpuAgent.java"
printf 'Premain-Class: ThreadCpuAgent\n' > "$scratch/recorder.txt"
jar --create --file "$scratch/recorder.jar" --manifest "$scratch/recorder.txt" -C "$scratch/recorder" .

. "$root/benchmarks/suite-commands.sh"
isolate_arms_from_caller
echo "test-abort benchmarks/threads.sh, $(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo '?'), $("$java" -version 2>&1 | head -1)"
echo "CPU by thread group, medians of $runs runs an arm, cold; load average at start $(cut -d' ' -f1-3 /proc/loadavg)"
for suite in $suites; do
  case $suite in
    junit4 | junit5 | testng | lang3) cmd=$("${suite}_command" "$work") ;;
    *) die "unknown suite $suite (junit4, junit5, testng, lang3)" ;;
  esac
  for ((r = 0; r < runs; r++)); do
    for arm in noop agent; do
      rm -rf "$cold" && mkdir -p "$cold/cache" "$cold/home" "$cold/markers" "$cold/cwd"
      if [ "$arm" = noop ]; then option=-javaagent:$work/noop-agent.jar; else option=-javaagent:$agent=dir=$cold/markers; fi
      # eval: the Commons Lang command quotes a pattern
      (cd "$cold/cwd" && eval "XDG_CACHE_HOME=$cold/cache HOME=$cold/home $java -Duser.home=$cold/home \
        -javaagent:$scratch/recorder.jar=$scratch/$suite.$arm $option $cmd" >/dev/null 2>&1) \
        || [ "$suite" = lang3 ] || die "the $arm arm of $suite failed"   # Commons Lang has one failing test
    done
  done
  python3 - "$scratch" "$suite" "$runs" <<'EOF'
import statistics, sys
scratch, suite, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
GROUPS = [("main", "main (runs the tests)"), ("c1", "C1 compiler"), ("c2", "C2 compiler"), ("gc", "garbage collector"),
          ("other", "other live threads"), ("process", "whole process (ended threads too)")]
def arm(name):
    rows = [dict(kv.split("=") for kv in line.split()) for line in open(f"{scratch}/{suite}.{name}")]
    if len(rows) != runs:
        sys.exit(f"benchmarks/threads.sh: {suite}, {name}: {len(rows)} of {runs} runs recorded")
    return {g: statistics.median(float(r[g]) for r in rows) for g, _ in GROUPS}
noop, agent = arm("noop"), arm("agent")
# each group's median is taken on its own, so the shares are of the groups' differences summed
extra = sum(agent[g] - noop[g] for g, _ in GROUPS if g != "process")
print(f"\n{suite}\n")
print("| threads | do-nothing agent | agent | agent's extra | share of the extra |")
print("| --- | --- | --- | --- | --- |")
for g, label in GROUPS:
    d = agent[g] - noop[g]
    share = f"{d / extra:.0%}" if g != "process" and extra > 0 else ""
    print(f"| {label} | {noop[g]:.0f} ms | {agent[g]:.0f} ms | {d:+.0f} ms | {share} |")
EOF
done
