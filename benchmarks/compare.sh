#!/usr/bin/env bash
# Two builds of the agent side by side, in the same minutes: the 5,000-test suites of benchmarks/run.sh
# (and, with SUITES, TestNG's and Commons Lang's) under a do-nothing agent, build A and build B, one run
# of each arm in turn, cold. On a shared machine a row of run.sh can move by 0.1x between invocations
# with the same agent; interleaving two builds is what tells a change of a few percent from that drift.
#
#   WORK=/tmp/bench benchmarks/run.sh                     # once: the suites, jars and do-nothing agent
#   benchmarks/compare.sh /tmp/bench OLD.jar [NEW.jar]     # NEW defaults to agent/target's jar
#
# Environment: RUNS=10 (runs per arm), SUITES="junit4 junit5" (add testng, ~4 s a run, and lang3 for
# Commons Lang, ~5 s a run), JAVA=java. Prints a Markdown table of medians (CPU = user + sys, per run)
# and ratios. Needs hyperfine and python3. Not part of ./mvnw verify.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=${1:?usage: benchmarks/compare.sh WORK-DIR-OF-A-RUN.SH-RUN OLD.jar [NEW.jar]}
old=${2:?usage: benchmarks/compare.sh WORK-DIR-OF-A-RUN.SH-RUN OLD.jar [NEW.jar]}
new=${3:-$root/agent/target/test-abort-agent.jar}
java=${JAVA:-java}
runs=${RUNS:-10}
suites=${SUITES:-junit4 junit5}
die() { echo "benchmarks/compare.sh: $*" >&2; exit 2; }
for tool in hyperfine python3; do command -v "$tool" >/dev/null || die "$tool is not installed"; done
for jar in "$old" "$new"; do [ -f "$jar" ] || die "missing $jar"; done
[ -d "$work/suites/junit4/classes" ] && [ -f "$work/noop-agent.jar" ] \
  || die "$work holds no suites: run WORK=$work benchmarks/run.sh first"
work=$(cd "$work" && pwd)
old=$(cd "$(dirname "$old")" && pwd)/$(basename "$old")
new=$(cd "$(dirname "$new")" && pwd)/$(basename "$new")

scratch=$(mktemp -d "${TMPDIR:-/tmp}/test-abort-compare.XXXXXX")
trap 'rm -rf "$scratch"' EXIT
cold=$scratch/cold
fresh="sh -c 'rm -rf $cold && mkdir -p $cold/cache $cold/home $cold/markers'"
in_cold="env XDG_CACHE_HOME=$cold/cache HOME=$cold/home"

. "$root/benchmarks/suite-commands.sh"
isolate_arms_from_caller
suite_command() {
  case $1 in
    junit4 | junit5 | testng | lang3) "$1_command" "$work" ;;
    *) die "unknown suite $1 (junit4, junit5, testng, lang3)" ;;
  esac
}

echo "test-abort benchmarks/compare.sh, $(date -u '+%Y-%m-%d %H:%M UTC'), $runs runs an arm, load average at start $(cut -d' ' -f1-3 /proc/loadavg)"
echo "- A: $old"
echo "- B: $new"
echo
echo "| suite | do-nothing agent, CPU | A, CPU | B, CPU | A / do-nothing | B / do-nothing | B / A | wall, B / A |"
echo "| --- | --- | --- | --- | --- | --- | --- | --- |"
for suite in $suites; do
  cmd=$(suite_command "$suite")
  arms=("noop|-javaagent:$work/noop-agent.jar" "A|-javaagent:$old=dir=$cold/markers" "B|-javaagent:$new=dir=$cold/markers")
  for ((r = 0; r < runs; r++)); do
    for ((i = 0; i < 3; i++)); do
      j=$(( r % 2 == 0 ? i : 2 - i ))   # each round starts with the arm the previous one ended with
      arm=${arms[j]%%|*}
      hyperfine -N --runs 1 -i --style none --prepare "$fresh" \
        --export-json "$scratch/$suite.$arm.$r.json" --output "$scratch/$suite.$arm.$r.out" \
        "$in_cold $java -Duser.home=$cold/home ${arms[j]#*|} $cmd" >/dev/null
    done
  done
  python3 - "$scratch" "$suite" <<'EOF'
import glob, json, re, statistics, sys
scratch, suite = sys.argv[1], sys.argv[2]
def counts(out):
    """(passed, failed) as the launcher printed them: JUnitCore or the console launcher's summary."""
    text = open(out, errors="replace").read()
    ok = re.search(r"OK \((\d+) tests?\)", text)
    if ok:
        return int(ok.group(1)), 0
    run = re.search(r"Tests run: (\d+),\s+Failures: (\d+)", text)
    if run:
        return int(run.group(1)) - int(run.group(2)), int(run.group(2))
    testng = re.search(r"Passes: (\d+), Failures: (\d+)", text)
    if testng:
        return int(testng.group(1)), int(testng.group(2))
    passed = re.search(r"(\d+) tests successful", text)
    failed = re.search(r"(\d+) tests failed", text)
    return (int(passed.group(1)) if passed else None, int(failed.group(1)) if failed else None)
def arm(name):
    cpu, wall, seen = [], [], set()
    for f in glob.glob(f"{scratch}/{suite}.{name}.*.json"):
        r = json.load(open(f))["results"][0]
        cpu.append(r["user"] + r["system"]); wall.append(r["mean"])
        seen.add(counts(f[:-len(".json")] + ".out"))
    return statistics.median(cpu), statistics.median(wall), seen
(n, _, sn), (a, aw, sa), (b, bw, sb) = arm("noop"), arm("A"), arm("B")
print(f"| {suite} | {n:.3f} s | {a:.3f} s | {b:.3f} s | {a / n:.3f}x | {b / n:.3f}x | {b / a:.3f}x | {bw / aw:.3f}x |")
seen = sn | sa | sb
note = "the same in every run of every arm" if len(seen) == 1 else "DIFFERENT between runs or arms"
tests = ", ".join(f"{p} passed, {f} failed" for p, f in sorted(seen, key=str))
with open(f"{scratch}/notes.txt", "a") as notes:
    print(f"- {suite}: {tests} ({note})", file=notes)
EOF
done
echo
cat "$scratch/notes.txt"
