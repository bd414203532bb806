package io.testabort.reports.pytest.html;

import io.testabort.crash.CrashRecord;
import java.util.LinkedHashMap;
import java.util.Map;

/** Crash records like the pytest-abort fixtures' ones. */
final class Crashes {
  private Crashes() {}

  static final String XSS = "test_basic.py::t[<img src=x onerror=alert(1)><script>alert(2)</script>]";

  static CrashRecord of(String nodeid) {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("test_name", nodeid);
    f.put("test_class", "TestCrash");
    f.put("nodeid", nodeid);
    f.put("reason", "SIGSEGV in C [libcrash.so+0x1139] <module> & \u0007bell\tTAB");
    f.put("crash_time", "2026-01-01T12:00:00");
    f.put("duration", 12.5);
    f.put("gpu_id", "0");
    return CrashRecord.of(f);
  }

  static CrashRecord segfault() {
    return of("test_basic.py::test_crashed_segfault");
  }
}
