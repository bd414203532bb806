package io.testabort.reports.summary;

import io.testabort.crash.CrashRecord;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Crash records whose every text tries to break out of a summary. */
final class HostileRecords {
  static final String NAME = "p.T#t[<script>alert(1)</script>|a`b``c ]]> \"q\" 'x' & *em* _u_ [l](http://x) #h\nnext\r\u0007\u001b[31m"
      + " \u202eevil\u202c é 😀 \ud800]";
  static final String REASON = "SIGSEGV | in `C [lib.so]` <b>bold</b>\nsecond line";

  private HostileRecords() {}

  static List<CrashRecord> two() {
    Map<String, Object> a = new LinkedHashMap<>();
    a.put("test_name", NAME);
    a.put("test_class", "p.T");
    a.put("nodeid", NAME);
    a.put("reason", REASON);
    a.put("duration", 0.25);
    a.put("phase", "call|<i>");
    a.put("framework", "junit-jupiter");
    Map<String, Object> b = new LinkedHashMap<>();
    b.put("nodeid", "com.example.Plain#works");
    b.put("reason", "killed by SIGKILL (exit 137)");
    b.put("gpu_id", "3");
    return List.of(CrashRecord.of(a), CrashRecord.of(b));
  }
}
