#!/usr/bin/env python3
"""The baseline of big-report.sh: pytest-abort's data-jsonblob sanitizing, in plain Python.

Written for this benchmark from the algorithm as described in
report-tools/src/test/resources/pytest-reports/README.md ("Reference patcher (pytest-abort) behaviour"),
not copied from pytest-abort: find the data-jsonblob attribute, html.unescape it, json.loads it
(raw control characters allowed), replace in every string value (keys untouched) CRLF, CR and LF with
<br/>, TAB with two spaces and every Unicode category C character with a space, then write back
json.dumps(ensure_ascii=False) through html.escape(quote=True) in place.

    python3 pytest_abort_sanitize.py REPORT.html
"""
import html
import json
import re
import sys
import unicodedata

BLOB = re.compile(r"""data-jsonblob=(["'])(.*?)\1""", re.DOTALL)


def clean_text(text):
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "<br/>").replace("\t", "  ")
    return "".join(" " if unicodedata.category(ch)[0] == "C" else ch for ch in text)


def clean(value):
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, list):
        return [clean(v) for v in value]
    if isinstance(value, dict):
        return {k: clean(v) for k, v in value.items()}
    return value


def main(path):
    with open(path, encoding="utf-8", errors="surrogateescape") as f:
        page = f.read()
    match = BLOB.search(page)
    if match is None:
        return 1
    data = json.loads(html.unescape(match.group(2)), strict=False)
    blob = html.escape(json.dumps(clean(data), ensure_ascii=False), quote=True)
    quote = match.group(1)
    page = page[: match.start()] + "data-jsonblob=" + quote + blob + quote + page[match.end():]
    with open(path, "w", encoding="utf-8", errors="surrogateescape") as f:
        f.write(page)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
