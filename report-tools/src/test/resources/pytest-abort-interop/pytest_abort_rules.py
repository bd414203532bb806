#!/usr/bin/env python3
"""pytest-abort's reading and appending rules, restated for test-abort's interop tests.

This is not pytest-abort's code. It restates, in a few lines and standard-library Python only, what
pytest-abort (github.com/ROCm/pytest-abort, read at commit 6b5632b) does with the files both projects
share, so the Java tests can check our files against those rules with nothing but python3:

  check MARKER [MIN_DURATION]
      crash_file.check_for_crash_file: the marker is JSON; only "status" == "running" is a crash; the
      test ran from the naive local "start_time" (datetime.fromisoformat) to datetime.now(), and a run
      shorter than MIN_DURATION (default 0.1 s) is no crash; the record's test_name/nodeid come from
      "nodeid", else "test_name", else "unknown_test"; test_class is the second "::" part, else
      "UnknownClass"; gpu_id and pid are strings, "unknown" when absent. Prints the record as JSON, or
      null. pytest-abort also deletes a marker it cannot parse; this script leaves files alone and
      prints null for it too.

  nodeids LOG
      abort_handling.postprocess_reports_from_crash_log (and retry._read_crashed_nodeids_jsonl): the
      log is UTF-8 text split into lines (str.splitlines); each line is stripped; blank lines, lines
      json.loads rejects, values that are not objects, and records whose "nodeid" is not a string or is
      blank once stripped are skipped; node ids are stripped; the first record of each node id counts.
      Prints the unique node ids as a JSON list, in order.

  append LOG SOURCE COUNT PAD
      abort_handling.append_crash_to_jsonl: open the log for appending, take flock(LOCK_EX), write one
      json.dumps(record, ensure_ascii=False) line with "source" and "logged_at" added, flush, unlock.
      Writes COUNT records whose nodeid is padded with PAD characters (to span pages).
"""

import fcntl
import json
import os
import sys
from datetime import datetime


def check(marker, min_duration=0.1):
    if not os.path.exists(marker):
        return None
    try:
        with open(marker, "r", encoding="utf-8") as f:
            data = json.load(f)
        if data.get("status") != "running":
            return None
        started = datetime.fromisoformat(data["start_time"])
        duration = (datetime.now() - started).total_seconds()
        if duration < min_duration:
            return None
        name = data.get("nodeid", data.get("test_name", "unknown_test"))
        parts = name.split("::")
        return {
            "test_name": name,
            "test_class": parts[1] if len(parts) >= 2 else "UnknownClass",
            "nodeid": data.get("nodeid", name),
            "reason": "Test crashed (segfault, abort, or fatal error)",
            "crash_time": datetime.now().isoformat(),
            "duration": duration,
            "gpu_id": str(data.get("gpu_id", "unknown")),
            "pid": str(data.get("pid", "unknown")),
        }
    except (ValueError, KeyError):  # json.JSONDecodeError is a ValueError
        return None
    except OSError:
        return None


def nodeids(log):
    with open(log, "r", encoding="utf-8") as f:
        lines = f.read().splitlines()
    seen = []
    for line in lines:
        line = line.strip()
        if not line:
            continue
        try:
            record = json.loads(line)
        except ValueError:
            continue
        if not isinstance(record, dict):
            continue
        nodeid = record.get("nodeid")
        if not isinstance(nodeid, str) or not nodeid.strip():
            continue
        if nodeid.strip() not in seen:
            seen.append(nodeid.strip())
    return seen


def append(log, source, count, pad):
    for i in range(count):
        record = {
            "test_name": "py_%d" % i,
            "test_class": "UnknownClass",
            "nodeid": "tests/test_py.py::test_%d[%s]" % (i, "\u00e9" * pad),
            "reason": "Test crashed (segfault, abort, or fatal error)",
            "crash_time": datetime.now().isoformat(),
            "duration": 0.5,
            "gpu_id": "unknown",
            "pid": str(os.getpid()),
            "source": source,
            "logged_at": datetime.now().isoformat(),
        }
        with open(log, "a", encoding="utf-8") as f:
            fcntl.flock(f.fileno(), fcntl.LOCK_EX)
            try:
                f.write(json.dumps(record, ensure_ascii=False) + "\n")
                f.flush()
            finally:
                fcntl.flock(f.fileno(), fcntl.LOCK_UN)


def main(argv):
    if argv[0] == "check":
        print(json.dumps(check(argv[1], float(argv[2]) if len(argv) > 2 else 0.1)))
    elif argv[0] == "nodeids":
        print(json.dumps(nodeids(argv[1])))
    elif argv[0] == "append":
        append(argv[1], argv[2], int(argv[3]), int(argv[4]))
    else:
        raise SystemExit("usage: check MARKER [MIN] | nodeids LOG | append LOG SOURCE COUNT PAD")


if __name__ == "__main__":
    main(sys.argv[1:])
