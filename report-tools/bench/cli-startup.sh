#!/usr/bin/env bash
# The fixed start-up cost of the report-tools CLI (part of issue 8 target 5, which counts JVM start): runs
# interleaved, on a tiny real pytest-html page, each jar given (default: the built one) and a hello-world
# jar as the floor, and prints median wall and CPU (user + sys) per command, and ratios to the first jar.
#
#   report-tools/bench/cli-startup.sh [RUNS] [JAR...]     (run from anywhere; default 20 runs)
#
# E.g. compare a build with an older jar copied aside: cli-startup.sh 20 /tmp/old-tools.jar report-tools/target/test-abort-report-tools.jar
# Needs python3 (it times children with wait4) and javac. Env: JAVA (default java).
set -euo pipefail
cd "$(dirname "$0")/../.."
RUNS=${1:-20}
shift || true
JAVA=${JAVA:-java}
JARS=("$@")
[ ${#JARS[@]} -gt 0 ] || JARS=(report-tools/target/test-abort-report-tools.jar)
DIR=$(mktemp -d)
trap 'rm -rf "$DIR"' EXIT
cp report-tools/src/test/resources/pytest-reports/raw/test_basic_log.html "$DIR/page.orig.html"
printf '{"nodeid": "test_basic.py::test_smoke", "reason": "SIGSEGV"}\n' > "$DIR/crashes.jsonl"
mkdir "$DIR/hello"
printf 'public class Hello { public static void main(String[] a) { System.out.println("hello"); } }\n' > "$DIR/hello/Hello.java"
"${JAVA%java}javac" -d "$DIR/hello" "$DIR/hello/Hello.java" 2>/dev/null || javac -d "$DIR/hello" "$DIR/hello/Hello.java"

python3 - "$RUNS" "$DIR" "$JAVA" "${JARS[@]}" <<'PY'
import os, shutil, statistics, subprocess, sys, time
runs, d, java, jars = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4:]
page = os.path.join(d, "page.html")
cmds = []
for jar in jars:
    cmds.append(("sanitize", jar, [java, "-Xmx256m", "-jar", jar, "sanitize", page]))
    cmds.append(("postprocess", jar, [java, "-Xmx64m", "-jar", jar, "postprocess", "--crash-log", os.path.join(d, "crashes.jsonl"), "--html", page]))
    cmds.append(("--version", jar, [java, "-jar", jar, "--version"]))
cmds.append(("hello (floor)", "", [java, "-cp", os.path.join(d, "hello"), "Hello"]))
res = {i: [] for i in range(len(cmds))}
for r in range(runs + 2):                      # 2 warm-up rounds, not counted
    for i, (_, _, c) in enumerate(cmds):
        shutil.copy(os.path.join(d, "page.orig.html"), page)
        t = time.perf_counter()
        p = subprocess.Popen(c, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _, status, ru = os.wait4(p.pid, 0)
        wall = time.perf_counter() - t
        if os.waitstatus_to_exitcode(status) != 0:
            sys.exit("failed (exit %d): %s" % (os.waitstatus_to_exitcode(status), " ".join(c)))
        if r >= 2:
            res[i].append((wall, ru.ru_utime + ru.ru_stime))
med = {i: (statistics.median(w for w, _ in v), statistics.median(c for _, c in v)) for i, v in res.items()}
first = {name: med[i] for i, (name, jar, _) in enumerate(cmds) if jar == jars[0]}
for i, (name, jar, _) in enumerate(cmds):
    w, c = med[i]
    base = first.get(name, (w, c))
    print("%-14s %-50s wall %7.1f ms  cpu %7.1f ms  vs first jar: wall %.3f cpu %.3f" % (name, jar[-50:], w * 1000, c * 1000, w / base[0], c / base[1]))
print("%d runs, interleaved, %s, load %s" % (runs, subprocess.run([java, "-version"], capture_output=True, text=True).stderr.splitlines()[0], " ".join(open("/proc/loadavg").read().split()[:3])))
PY
