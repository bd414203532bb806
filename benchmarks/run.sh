#!/usr/bin/env bash
# The benchmark of issue 8: every performance target side by side, in one run, as one table of medians
# and ratios against a baseline measured in the same run (machines here are shared and noisy).
#
#   ./mvnw -B package -DskipTests        # the agent, report-tools (with its test classes) and JMH jars
#   benchmarks/run.sh                    # 10-15 min on 2 quiet cores; prints the table last (Markdown)
#
# Not part of ./mvnw verify. Needs hyperfine, python3, javac/jar (JDK 17) and Maven Central (the
# framework jars and the public suite are fetched through ./mvnw into the local repository).
# The built jars are black boxes: any version of the agent and report-tools can be measured.
#
# Rows (README "Performance" explains each):
#   1. hello world with the agent configured vs a do-nothing -javaagent; `mvn -v` with either in
#      JAVA_TOOL_OPTIONS                                                           goal <= 1.05x, wall and CPU
#   2. 5,000 generated trivial tests from a cold start (fresh empty XDG_CACHE_HOME and HOME per run)
#      under JUnit 5 (console launcher), JUnit 4 (JUnitCore) and TestNG, vs a do-nothing agent   <= 1.05x
#      (and, as a floor, a do-nothing agent that registers a class transformer changing nothing)
#   3. one test's marker traffic, JMH (benchmarks/target/benchmarks.jar)            <= 2 us
#   4. Apache Commons Lang's published tests jar under the console launcher, agent in
#      JAVA_TOOL_OPTIONS vs no agent, cold                                          <= 1.03x
#   5. an 84 MB pytest-html report: sanitize (-Xmx256m) vs pytest-abort's algorithm in Python <= 0.10x,
#      postprocess with a 50-crash log (-Xmx64m) vs the same Python run             <= 0.15x
#      (run by report-tools/bench/big-report.sh, whose Python baseline is report-tools/bench/pytest_abort_sanitize.py)
#
# Environment (all optional):
#   RUNS=15          interleaved runs per arm of the hello-world row
#   RUNS_MVN=8       runs per arm of `mvn -v`
#   RUNS_5K=5        runs per arm of the 5,000-test suites (three arms; TestNG takes ~10 s a run)
#   RUNS_SUITE=5     runs per arm of the public suite (row 4; one arm spread 13.3-16.7 s of CPU in 7 runs)
#   RUNS_REPORT=3    runs per arm of row 5 (Python takes ~20 s a run)
#   ONLY="1 2 3 4 5" the rows to run
#   JMH_INCLUDE='.*TestEventBenchmark.*'   the JMH benchmarks of row 3 (names with "baseline" are shown
#                    as notes); JMH_OPTS='-f 1 -wi 3 -w 1s -i 5 -r 1s'
#   REPORT_BYTES=84000000   the size of row 5's generated report
#   WORK=DIR         keep the work folder (suites, jars, the big report, raw hyperfine JSON) there
#   MVN=cmd          the `mvn -v` of row 1 (default: this repository's ./mvnw)
#   JAVA=java        the JVM under test
set -euo pipefail
# The whole script is one block, read before it runs: editing or checking out this file while a
# benchmark runs (it takes a while) cannot change what the running one does.
{
root=$(cd "$(dirname "$0")/.." && pwd)
here=$root/benchmarks/run
. "$root/benchmarks/suite-commands.sh"
isolate_arms_from_caller
java=${JAVA:-java}
RUNS=${RUNS:-15}
RUNS_MVN=${RUNS_MVN:-8}
RUNS_5K=${RUNS_5K:-5}
RUNS_SUITE=${RUNS_SUITE:-5}
RUNS_REPORT=${RUNS_REPORT:-3}
REPORT_BYTES=${REPORT_BYTES:-84000000}
ONLY=${ONLY:-1 2 3 4 5}
JMH_INCLUDE=${JMH_INCLUDE:-.*TestEventBenchmark.*}
JMH_OPTS=${JMH_OPTS:--f 1 -wi 3 -w 1s -i 5 -r 1s}
MVN=${MVN:-$root/mvnw}
agent=$root/agent/target/test-abort-agent.jar
tools=$root/report-tools/target/test-abort-report-tools.jar
tool_classes=$root/report-tools/target/test-classes
jmh_jar=$root/benchmarks/target/benchmarks.jar

say() { echo "[bench] $*" >&2; }
die() { echo "benchmarks/run.sh: $*" >&2; exit 2; }
wants() { [[ " $ONLY " == *" $1 "* ]]; }

for tool in hyperfine python3 javac jar; do
  command -v "$tool" >/dev/null || die "$tool is not installed"
done
[ -f "$agent" ] || die "missing $agent: run ./mvnw -B package -DskipTests first"
if wants 3; then [ -f "$jmh_jar" ] || die "missing $jmh_jar: run ./mvnw -B package -DskipTests first"; fi
if wants 5; then
  [ -f "$tools" ] && [ -d "$tool_classes" ] || die "missing $tools or $tool_classes: run ./mvnw -B package -DskipTests first"
fi

if [ -n "${WORK:-}" ]; then mkdir -p "$WORK"; work=$(cd "$WORK" && pwd); else
  work=$(mktemp -d "${TMPDIR:-/tmp}/test-abort-bench.XXXXXX")
  trap 'rm -rf "$work"' EXIT
fi
res=$work/results
rm -rf "$res" "$work/cold" "$work/markers"
mkdir -p "$res" "$work/markers"
cold=$work/cold   # emptied before every run of a cold row: XDG_CACHE_HOME and HOME of the JVM under test
fresh="sh -c 'rm -rf $cold && mkdir -p $cold/cache $cold/home'"
in_cold="env XDG_CACHE_HOME=$cold/cache HOME=$cold/home"
agent_on="-javaagent:$agent=dir=$work/markers"

{
  echo "test-abort benchmarks/run.sh, $(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo '?')$(git -C "$root" diff --quiet HEAD 2>/dev/null || echo ' (+ local changes)')"
  echo
  echo "- machine: $(nproc) CPUs (nproc), $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1), $(uname -sr), load average at start $(cut -d' ' -f1-3 /proc/loadavg)"
  props=$("$java" -XshowSettings:properties -version 2>&1)
  prop() { printf '%s\n' "$props" | sed -n "s/^ *$1 = //p"; }
  echo "- JDK: $(prop java.runtime.name) $(prop java.runtime.version) ($(prop java.vendor)); $(python3 --version); $(hyperfine --version)"
  echo "- runs per arm, interleaved: hello world RUNS=$RUNS, mvn -v RUNS_MVN=$RUNS_MVN, 5,000 tests RUNS_5K=$RUNS_5K, row 4 RUNS_SUITE=$RUNS_SUITE, row 5 RUNS_REPORT=$RUNS_REPORT; medians; ratio = measured / baseline; CPU = user + sys"
} > "$res/machine.txt"

# One run of one arm: hyperfine without a shell, one run per call so that CPU time is per run too.
#   measure KEY ARM PREPARE-OR-EMPTY COMMAND
n_run=0
measure() {
  local key=$1 arm=$2 prepare=$3 cmd=$4
  n_run=$((n_run + 1))
  mkdir -p "$res/$key"
  local args=(-N --runs 1 -i --style none --export-json "$res/$key/$arm.$n_run.json" --output "$res/$key/$arm.$n_run.out")
  [ -z "$prepare" ] || args+=(--prepare "$prepare")
  (cd "$work" && hyperfine "${args[@]}" "$cmd" >/dev/null)
  # hyperfine keeps no stderr: when an arm fails unexpectedly, run it once more, untimed, for the reason
  local code
  code=$(grep -A1 '"exit_codes"' "$res/$key/$arm.$n_run.json" | tail -1 | tr -dc '0-9')
  if [ "$code" != 0 ] && [[ ",$allow_exit," != *",$code,"* ]] && [ ! -e "$res/$key/$arm.stderr" ]; then
    [ -z "$prepare" ] || sh -c "$prepare"
    (cd "$work" && sh -c "$cmd" >/dev/null 2>"$res/$key/$arm.stderr") || true
  fi
}
allow_exit=0   # exit codes an arm may end with (the public suite has a test that fails outside its source tree)
# Interleaved rounds: arms alternate, and each round starts with the arm the previous one ended with.
#   compare ROUNDS KEY PREPARE ARM1 CMD1 ARM2 CMD2 [ARM3 CMD3]
compare() {
  local rounds=$1 key=$2 prepare=$3; shift 3
  local -a names=() cmds=()
  while [ $# -gt 0 ]; do names+=("$1"); cmds+=("$2"); shift 2; done
  local r i k=${#names[@]}
  say "$key: $rounds rounds of ${names[*]}"
  for ((r = 0; r < rounds; r++)); do
    for ((i = 0; i < k; i++)); do
      local j=$(( r % 2 == 0 ? i : k - 1 - i ))
      measure "$key" "${names[j]}" "$prepare" "${cmds[j]}"
    done
  done
}
row() { printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$@" "$allow_exit" >> "$res/rows.tsv"; }

# ---- the do-nothing agent and hello world, built here from the sources next to this script
mkdir -p "$work/noop" "$work/hello"
javac -d "$work/noop" "$here/NoopAgent.java"
printf 'Premain-Class: NoopAgent\n' > "$work/noop-manifest.txt"
jar --create --file "$work/noop-agent.jar" --manifest "$work/noop-manifest.txt" -C "$work/noop" .
noop="-javaagent:$work/noop-agent.jar"
# row 2's floor: a transformer that changes nothing, registered as the agent registers its own (which
# the agent's manifest attribute allows)
printf 'Premain-Class: NoopAgent\nCan-Retransform-Classes: true\n' > "$work/noop-transformer-manifest.txt"
jar --create --file "$work/noop-transformer.jar" --manifest "$work/noop-transformer-manifest.txt" -C "$work/noop" .
noop_transformer="-javaagent:$work/noop-transformer.jar=transformer"
printf 'public class Hello { public static void main(String[] a) { System.out.println("hello"); } }\n' > "$work/hello/Hello.java"
javac -d "$work/hello" "$work/hello/Hello.java"

# ---- jars from Maven Central (rows 2 and 4), through this repository's Maven wrapper
lib=$work/lib
if wants 2 || wants 4; then
  say "fetching the framework jars and the public suite (benchmarks/run/pom.xml)"
  "$root/mvnw" -B -q -f "$here/pom.xml" generate-resources -Dbench.lib="$lib" >&2
fi

# ---- row 1: a JVM that runs no test
if wants 1; then
  hello="-Duser.home=$cold/home -cp $work/hello Hello"
  compare "$RUNS" hello "$fresh" \
    "no agent" "$in_cold $java $hello" \
    "do-nothing agent" "$in_cold $java $noop $hello" \
    "agent, dir=" "$in_cold $java $agent_on $hello"
  row hello "1. JVM that runs no test (hello world)" "do-nothing agent" "agent, dir=" 1.05 wallcpu none
  row hello "(floor: any -javaagent vs none)" "no agent" "do-nothing agent" "" wallcpu none
  # HOME stays: the Maven wrapper finds its Maven under ~/.m2 (mvn -v loads no test framework anyway)
  compare "$RUNS_MVN" mvn "$fresh" \
    "no agent" "env XDG_CACHE_HOME=$cold/cache $MVN -v" \
    "do-nothing agent" "env XDG_CACHE_HOME=$cold/cache JAVA_TOOL_OPTIONS=$noop $MVN -v" \
    "agent, dir=" "env XDG_CACHE_HOME=$cold/cache JAVA_TOOL_OPTIONS=$agent_on $MVN -v"
  row mvn "1. \`mvn -v\`, agent in JAVA_TOOL_OPTIONS" "do-nothing agent" "agent, dir=" 1.05 wallcpu none
  row mvn "(floor: \`mvn -v\`, any agent vs none)" "no agent" "do-nothing agent" "" wallcpu none
fi

# ---- row 2: 5,000 generated trivial tests, cold
# 50 classes x 100 empty test methods, one source tree per framework; the class names end in Test, as
# the console launcher's default class name filter wants.
generate_suite() { # DIR IMPORT ANNOTATION
  local dir=$1 import=$2 annotation=$3 c m
  mkdir -p "$dir/src/bench" "$dir/classes"
  for ((c = 0; c < 50; c++)); do
    {
      printf 'package bench;\n\nimport %s;\n\npublic class Trivial%02dTest {\n' "$import" "$c"
      for ((m = 0; m < 100; m++)); do
        printf '  %s public void t%03d() {}\n' "$annotation" "$m"
      done
      printf '}\n'
    } > "$dir/src/bench/Trivial$(printf %02d "$c")Test.java"
  done
}
if wants 2; then
  say "generating and compiling the 5,000-test suites"
  suites=$work/suites
  rm -rf "$suites"
  generate_suite "$suites/junit5" org.junit.jupiter.api.Test @Test
  generate_suite "$suites/junit4" org.junit.Test @Test
  generate_suite "$suites/testng" org.testng.annotations.Test @Test
  junit5=$(ls "$lib"/junit5/junit-platform-console-standalone-*.jar)
  junit4=$(ls "$lib"/junit4/*.jar | paste -sd:)
  testng=$(ls "$lib"/testng/*.jar | paste -sd:)
  javac -d "$suites/junit5/classes" -cp "$junit5" "$suites"/junit5/src/bench/*.java
  javac -d "$suites/junit4/classes" -cp "$junit4" "$suites"/junit4/src/bench/*.java
  javac -d "$suites/testng/classes" -cp "$testng" "$suites"/testng/src/bench/*.java

  run5=$(junit5_command "$work")
  compare "$RUNS_5K" junit5 "$fresh" \
    "do-nothing agent" "$in_cold $java -Duser.home=$cold/home $noop $run5" \
    "do-nothing transformer" "$in_cold $java -Duser.home=$cold/home $noop_transformer $run5" \
    "agent, dir=" "$in_cold $java -Duser.home=$cold/home $agent_on $run5"
  row junit5 "2. 5,000 tests, JUnit 5 console launcher, cold" "do-nothing agent" "agent, dir=" 1.05 wallcpu junit5
  row junit5 "(floor: a class transformer that changes nothing)" "do-nothing agent" "do-nothing transformer" "" wallcpu junit5

  run4=$(junit4_command "$work")
  compare "$RUNS_5K" junit4 "$fresh" \
    "do-nothing agent" "$in_cold $java -Duser.home=$cold/home $noop $run4" \
    "do-nothing transformer" "$in_cold $java -Duser.home=$cold/home $noop_transformer $run4" \
    "agent, dir=" "$in_cold $java -Duser.home=$cold/home $agent_on $run4"
  row junit4 "2. 5,000 tests, JUnit 4 JUnitCore, cold" "do-nothing agent" "agent, dir=" 1.05 wallcpu junit4
  row junit4 "(floor: a class transformer that changes nothing)" "do-nothing agent" "do-nothing transformer" "" wallcpu junit4

  runng=$(testng_command "$work")
  compare "$RUNS_5K" testng "$fresh" \
    "do-nothing agent" "$in_cold $java -Duser.home=$cold/home $noop $runng" \
    "do-nothing transformer" "$in_cold $java -Duser.home=$cold/home $noop_transformer $runng" \
    "agent, dir=" "$in_cold $java -Duser.home=$cold/home $agent_on $runng"
  row testng "2. 5,000 tests, TestNG, cold" "do-nothing agent" "agent, dir=" 1.05 wallcpu testng
  row testng "(floor: a class transformer that changes nothing)" "do-nothing agent" "do-nothing transformer" "" wallcpu testng
fi

# ---- row 3: one test's marker traffic (JMH, the agent's own benchmark module)
if wants 3; then
  say "JMH: $JMH_INCLUDE"
  mkdir -p "$work/jmh/target"
  printf '%s\t%s\n' "$JMH_INCLUDE" 2 > "$res/jmh.tsv"
  # shellcheck disable=SC2086 # JMH_OPTS is a list of options
  (cd "$work/jmh" && "$java" -jar "$jmh_jar" "$JMH_INCLUDE" $JMH_OPTS -jvmArgsAppend "-Dbench.dir=$work/jmh/target" \
    -rf json -rff "$res/jmh.json" > "$work/jmh/output.txt" 2>&1) \
    || say "JMH failed (see $work/jmh/output.txt): $(tail -3 "$work/jmh/output.txt" | tr '\n' ' ')"
fi

# ---- row 4: a real public suite, agent in JAVA_TOOL_OPTIONS vs no agent, cold
if wants 4; then
  lang3_tests=$(ls "$lib"/lang3/commons-lang3-*-tests.jar)
  # its arguments and what is left out of it: lang3_command (suite-commands.sh)
  runl="$java -Duser.home=$cold/home $(lang3_command "$work")"
  allow_exit=0,1
  compare "$RUNS_SUITE" lang3 "$fresh" \
    "no agent" "$in_cold $runl" \
    "agent in JAVA_TOOL_OPTIONS" "$in_cold JAVA_TOOL_OPTIONS=$agent_on $runl"
  row lang3 "4. Commons Lang $(basename "$lang3_tests" | sed 's/commons-lang3-\(.*\)-tests.jar/\1/') tests jar, console launcher, cold" "no agent" "agent in JAVA_TOOL_OPTIONS" 1.03 wallcpu junit5
  allow_exit=0
fi

# ---- row 5: an 84 MB pytest-html report
if wants 5; then
  # report-tools' own benchmark measures both rows (with the Python baseline, runs interleaved) and
  # ends with "sanitize ratio=X" and "postprocess ratio=Y" (wall); its median lines fill the other cells
  say "report-tools/bench/big-report.sh $REPORT_BYTES $RUNS_REPORT"
  JAVA=$java BENCH_DIR=$work/report "$root/report-tools/bench/big-report.sh" "$REPORT_BYTES" "$RUNS_REPORT" \
    > "$work/big-report.txt" 2>&1 || say "big-report.sh failed: $(tail -3 "$work/big-report.txt" | tr '\n' ' ')"
  pick() { sed -n "$1" "$work/big-report.txt" | tail -1; }
  for what in sanitize postprocess; do
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' \
      "5. \`$what\`, $(( (REPORT_BYTES + 500000) / 1000000 )) MB pytest-html report (big-report.sh)" "Python algorithm" "$what $([ "$what" = sanitize ] && echo -Xmx256m || echo '-Xmx64m, 50 crashes')" \
      "$(pick "s/^median wall: .*python baseline \([0-9.]*\) s.*/\1/p")" "$(pick "s/^median wall: .*$what \([0-9.]*\) s.*/\1/p")" \
      "$(pick "s/^$what ratio=\([0-9.]*\).*/\1/p")" \
      "$(pick "s/^median cpu [^:]*: .*python baseline \([0-9.]*\) s.*/\1/p")" "$(pick "s/^median cpu [^:]*: .*$what \([0-9.]*\) s.*/\1/p")" \
      "$([ "$what" = sanitize ] && echo 0.10 || echo 0.15)" >> "$res/external.tsv"
  done
fi

echo "- load average at the end $(cut -d' ' -f1-3 /proc/loadavg)" >> "$res/machine.txt"
[ -z "${WORK:-}" ] || say "raw results in $res"
echo
python3 "$here/table.py" "$res"
exit
}
