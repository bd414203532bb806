#!/usr/bin/env bash
# Where the JIT's work goes: the 5,000-test JUnit 4 suite of benchmarks/run.sh under the do-nothing agent
# and under the agent, with HotSpot's compilation log. For each arm, the median over RUNS runs of: the
# JVM's life, the compiles per tier (count, and time from start to finish), split into the agent's own
# methods, JUnit's and the JDK's, and the C2 compile still running when the JVM exits.
#
#   WORK=/tmp/bench benchmarks/run.sh        # once: the suites and the do-nothing agent
#   benchmarks/jit.sh /tmp/bench             # ~30 s; AGENT=other.jar measures another build
#
# Read it with care: the log stamps compiles in milliseconds of wall time, so on 2 busy cores a compile's
# time includes the time its thread waited for a core. It answers "which compiles does the agent add, and
# does the do-nothing arm exit in the middle of one", not "how many milliseconds of CPU". Environment:
# RUNS=3, JAVA=java. Needs python3. Not part of ./mvnw verify.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=${1:?usage: benchmarks/jit.sh WORK-DIR-OF-A-RUN.SH-RUN}
java=${JAVA:-java}
runs=${RUNS:-3}
agent=${AGENT:-$root/agent/target/test-abort-agent.jar}
die() { echo "benchmarks/jit.sh: $*" >&2; exit 2; }
command -v python3 >/dev/null || die "python3 is not installed"
[ -f "$agent" ] || die "missing $agent: run ./mvnw -B package -DskipTests first"
[ -d "$work/suites/junit4/classes" ] && [ -f "$work/noop-agent.jar" ] \
  || die "$work holds no suites: run WORK=$work benchmarks/run.sh first"

. "$root/benchmarks/suite-commands.sh"
isolate_arms_from_caller
read -r -a command <<<"$(junit4_command "$work")"
scratch=$(mktemp -d "${TMPDIR:-/tmp}/test-abort-jit.XXXXXX")
trap 'rm -rf "$scratch"' EXIT

for ((r = 0; r < runs; r++)); do
  for arm in noop agent; do
    rm -rf "$scratch/cold" && mkdir -p "$scratch/cold/cache" "$scratch/cold/markers"
    if [ "$arm" = noop ]; then option=-javaagent:$work/noop-agent.jar; else option=-javaagent:$agent=dir=$scratch/cold/markers; fi
    (cd "$scratch/cold" && XDG_CACHE_HOME=$scratch/cold/cache "$java" -XX:+UnlockDiagnosticVMOptions -XX:+LogCompilation \
      "-XX:LogFile=$scratch/$arm-$r.log" "$option" "${command[@]}" >/dev/null 2>&1) || die "the $arm arm failed"
  done
done

echo "test-abort benchmarks/jit.sh, $(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo '?'), $("$java" -version 2>&1 | head -1)"
echo "JUnit 4, 5,000 tests (JUnitCore), cold; medians of $runs runs an arm; load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo
python3 - "$scratch" "$runs" <<'EOF'
import re, statistics, sys
scratch, runs = sys.argv[1], int(sys.argv[2])
STAMP = re.compile(r"stamp='([\d.]+)'")

def owner(method):
    if "testabort" in method or "TestAbortBridge" in method:
        return "agent"
    return "JUnit" if "junit" in method else "JDK"

def read(path):
    """Per (owner, tier): [count, seconds]; the JVM's last stamp; the C2 compile running at the end."""
    text = open(path, errors="replace").read()
    end = max(float(s) for s in STAMP.findall(text))
    tiers, running, task = {}, [], None
    for line in text.split("\n"):
        if line.startswith("<task "):
            level = re.search(r"level='(\d)'", line)
            method = re.search(r"method='([^']*)'", line).group(1).replace("&lt;", "<").replace("&gt;", ">")
            task = (level.group(1) if level else "4", float(STAMP.search(line).group(1)), method)
        elif line.startswith("<task_done") and task:
            cell = tiers.setdefault((owner(task[2]), task[0]), [0, 0.0])
            cell[0] += 1
            cell[1] += float(STAMP.search(line).group(1)) - task[1]
            task = None
        elif line.startswith("</compilation_log>") and task:
            running.append((task[2], task[1], task[0]))  # the thread's last task never finished
            task = None
    return tiers, end, running

arms = {arm: [read(f"{scratch}/{arm}-{r}.log") for r in range(runs)] for arm in ("noop", "agent")}
def median(arm, key, i):
    return statistics.median(t.get(key, [0, 0.0])[i] for t, _, _ in arms[arm])

print("| compiles | do-nothing agent | agent |")
print("| --- | --- | --- |")
print(f"| JVM's life (last log stamp) | {statistics.median(e for _, e, _ in arms['noop']) * 1000:.0f} ms "
      f"| {statistics.median(e for _, e, _ in arms['agent']) * 1000:.0f} ms |")
for who in ("agent", "JUnit", "JDK"):
    for tier in "1234":
        key = (who, tier)
        if median("noop", key, 0) == 0 and median("agent", key, 0) == 0:
            continue
        cells = [f"{median(a, key, 0):.0f} in {median(a, key, 1) * 1000:.0f} ms" for a in ("noop", "agent")]
        print(f"| {who}, tier {tier} | {cells[0]} | {cells[1]} |")
for arm, label in (("noop", "do-nothing agent"), ("agent", "agent")):
    for r, (_, end, running) in enumerate(arms[arm]):
        for method, start, tier in running:
            print(f"\n{label}, run {r + 1}: tier {tier} still compiling {method} at exit, started at {start * 1000:.0f} ms, "
                  f"{(end - start) * 1000:.0f} ms before the end", end="")
print()
EOF
