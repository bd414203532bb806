#!/usr/bin/env bash
# Start-up and whole-run cost of the agent against a do-nothing -javaagent (any agent switches off part of
# CDS, so that is the floor) and no agent, interleaved in one run, cold: an empty XDG_CACHE_HOME.
# Prints wall and CPU (user+sys) medians and their ratios to the do-nothing agent.
#   ./mvnw -B verify -DskipTests=false   (builds the agent jar, the launcher and the 5,000-test fixture)
#   benchmarks/startup.sh                (RUNS=30 for more runs)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
agent=$root/agent/target/test-abort-agent.jar
console=$root/integration-tests/target/launchers/junit5-console.jar
fixtures=$root/integration-tests/target/test-classes
java=${JAVA:-java}
for f in "$agent" "$console" "$fixtures/io/testabort/it/fixtures/ManyQuickCases.class"; do
  [ -e "$f" ] || { echo "missing $f: run ./mvnw -B verify first" >&2; exit 2; }
done
command -v python3 >/dev/null || { echo "python3 is needed to time the runs" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export XDG_CACHE_HOME=$work/empty-cache
"$java" -version 2>&1 | head -1

# the baseline: a jar with only premain(String, Instrumentation) {}
mkdir -p "$work/noop"
printf 'public class NoopAgent { public static void premain(String a, java.lang.instrument.Instrumentation i) {} }\n' \
  > "$work/noop/NoopAgent.java"
printf 'public class Hello { public static void main(String[] a) { System.out.println("hello"); } }\n' > "$work/Hello.java"
javac --release 11 -d "$work/noop" "$work/noop/NoopAgent.java"
javac -d "$work" "$work/Hello.java"
printf 'Premain-Class: NoopAgent\n' > "$work/noop/manifest.txt"
jar cfm "$work/noop-agent.jar" "$work/noop/manifest.txt" -C "$work/noop" NoopAgent.class
noop=$work/noop-agent.jar

# interleaved runs; per run the child's wall time and CPU (user+sys) from getrusage
cat > "$work/bench.py" <<'PY'
import resource, statistics, subprocess, sys, time
runs = int(sys.argv[1]); cmds = [a.split('=', 1) for a in sys.argv[2:]]
res = {n: ([], []) for n, _ in cmds}
for i in range(runs + 1):
    for n, c in cmds:
        r0 = resource.getrusage(resource.RUSAGE_CHILDREN); t0 = time.perf_counter()
        subprocess.run(c, shell=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        t1 = time.perf_counter(); r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
        if i:  # the first round warms the page cache
            res[n][0].append(t1 - t0); res[n][1].append(r1.ru_utime - r0.ru_utime + r1.ru_stime - r0.ru_stime)
bw, bc = (statistics.median(x) for x in res[cmds[1][0]])
print(f"{'':44} {'wall ms':>8} {'CPU ms':>8} {'wall x':>7} {'CPU x':>7}  (x: vs '{cmds[1][0]}', median of {runs})")
for n, _ in cmds:
    w, c = (statistics.median(x) for x in res[n])
    print(f"{n:44} {w*1000:8.0f} {c*1000:8.0f} {w/bw:7.3f} {c/bc:7.3f}")
PY
bench() { python3 "$work/bench.py" "$@"; echo; }

echo "== a JVM that runs no test (what JAVA_TOOL_OPTIONS adds to every JVM of a CI job)"
bench "${RUNS:-20}" \
  "hello, no agent=$java -cp $work Hello" \
  "hello, do-nothing agent=$java -javaagent:$noop -cp $work Hello" \
  "hello, test-abort active=$java -javaagent:$agent=dir=$work/markers -cp $work Hello"

if [ -x "$root/mvnw" ]; then
  echo "== mvn -v with the agent in JAVA_TOOL_OPTIONS"
  bench "${RUNS:-20}" \
    "mvn -v, no agent=env -u JAVA_TOOL_OPTIONS $root/mvnw -v" \
    "mvn -v, do-nothing agent=JAVA_TOOL_OPTIONS=-javaagent:$noop $root/mvnw -v" \
    "mvn -v, test-abort=JAVA_TOOL_OPTIONS=-javaagent:$agent=dir=$work/markers $root/mvnw -v"
fi

echo "== 5,000 trivial JUnit 5 tests under the console launcher, cold"
run="-jar $console execute --class-path $fixtures --select-class io.testabort.it.fixtures.ManyQuickCases --disable-banner --details=none"
bench "${RUNS:-10}" \
  "5,000 tests, no agent=$java $run" \
  "5,000 tests, do-nothing agent=$java -javaagent:$noop $run" \
  "5,000 tests, test-abort=$java -javaagent:$agent=dir=$work/markers $run"
