#!/usr/bin/env python3
"""Baseline of benchmarks/run.sh: pytest-abort's pytest-html sanitizing rule, in plain Python.

Written for this project from the description of pytest-abort's `sanitize_html_file_jsonblob` in
report-tools/src/test/resources/pytest-reports/README.md ("Reference patcher"), not copied from it:
find the data-jsonblob attribute, html.unescape it, json.loads it, and in every string value (keys
untouched) turn CRLF, CR and LF into <br/>, TAB into two spaces and every Unicode category C
character into a space; then json.dumps(ensure_ascii=False), html.escape(quote=True) and write the
file back in place (only when a string changed). It is the cost `sanitize` is compared with; it is not used for correctness.

usage: pytest_abort_sanitize.py REPORT.html   (prints modified=0|1)
"""
import html
import json
import re
import sys
import unicodedata

BLOB = re.compile(r"""data-jsonblob=(?:"([^"]*)"|'([^']*)')""")


changed = False


def clean(text):
    global changed
    original = text
    text = text.replace("\r\n", "<br/>").replace("\r", "<br/>").replace("\n", "<br/>")
    text = text.replace("\t", "  ")
    text = "".join(" " if unicodedata.category(c).startswith("C") else c for c in text)
    changed = changed or text != original
    return text


def walk(value):
    if isinstance(value, str):
        return clean(value)
    if isinstance(value, list):
        return [walk(v) for v in value]
    if isinstance(value, dict):
        return {k: walk(v) for k, v in value.items()}
    return value


def main(path):
    with open(path, encoding="utf-8", errors="surrogateescape") as f:
        page = f.read()
    match = BLOB.search(page)
    if not match:
        print("modified=0")
        return
    group = 1 if match.group(1) is not None else 2
    raw = html.unescape(match.group(group))
    try:
        data = json.loads(raw)
    except json.JSONDecodeError:
        data = json.loads(raw, strict=False)  # literal control characters inside strings
    cleaned = walk(data)
    if not changed:  # nothing to sanitize: the file stays as it is
        print("modified=0")
        return
    blob = html.escape(json.dumps(cleaned, ensure_ascii=False), quote=True)
    out = page[:match.start(group)] + blob + page[match.end(group):]
    with open(path, "w", encoding="utf-8", errors="surrogateescape") as f:
        f.write(out)
    print("modified=1")


if __name__ == "__main__":
    main(sys.argv[1])
