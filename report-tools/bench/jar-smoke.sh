#!/usr/bin/env bash
# Runs the shipped jar (java -jar, the shaded one) on a real pytest-html
# page holding named and numeric references, so a class missing from the jar shows up as a failure.
#
#   report-tools/bench/jar-smoke.sh [JAVA]        (run from the repository root after ./mvnw -B -pl report-tools package)
set -euo pipefail
cd "$(dirname "$0")/../.."
JAVA=${1:-java}
JAR=report-tools/target/test-abort-report-tools.jar
DIR=$(mktemp -d)
trap 'rm -rf "$DIR"' EXIT
python3 - report-tools/src/test/resources/pytest-reports/raw/test_basic_log.html "$DIR/page_log.html" <<'PY'
import sys
page = open(sys.argv[1], encoding="utf-8").read()
refs = "&hearts;&eacute;&notit;&#150;&NotNestedGreaterGreater;&amp&#x1F600;"
page = page.replace('data-jsonblob="{', 'data-jsonblob="{&#34;refs&#34;: &#34;' + refs + '&#34;, ', 1)
open(sys.argv[2], "w", encoding="utf-8").write(page)
PY
printf '{"nodeid": "test_basic.py::test_smoke", "reason": "SIGSEGV"}\n' > "$DIR/crashes.jsonl"
"$JAVA" -Xshare:off -jar "$JAR" postprocess --crash-log "$DIR/crashes.jsonl" --html "$DIR/page_log.html"
"$JAVA" -Xshare:off -jar "$JAR" sanitize "$DIR/page_log.html"
python3 - "$DIR/page_log.html" <<'PY'
import html, json, re, sys
page = open(sys.argv[1], encoding="utf-8").read()
blob = json.loads(html.unescape(re.search(r'data-jsonblob="([^"]*)"', page).group(1)))
assert blob["refs"] == "\u2665\u00e9\u00acit;\u2013\u2aa2\u0338&\U0001F600", repr(blob["refs"])
assert "test_basic.py::test_smoke" in blob["tests"], "crash not added"
PY
echo "jar smoke: ok ($("$JAVA" -version 2>&1 | head -1))"
