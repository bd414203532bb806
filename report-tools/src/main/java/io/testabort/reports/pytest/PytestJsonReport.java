package io.testabort.reports.pytest;

import io.testabort.crash.io.TempFiles;
import io.testabort.crash.BadInputException;
import io.testabort.reports.BatchReportPatcher;
import io.testabort.crash.CrashRecord;
import io.testabort.crash.io.AtomicFiles;
import io.testabort.crash.json.Json;
import io.testabort.crash.json.JsonNumber;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * pytest-json-report 1.5.0 files: the crash becomes a failed test in the plugin's own shape, the
 * summary counts it, and everything else stays as written (one line, ASCII escapes, number text).
 */
public final class PytestJsonReport implements BatchReportPatcher {
  private static final Pattern INTEGER = Pattern.compile("-?[0-9]+");


  /**
   * Adds every crash in one streamed pass over the report (see {@link JsonReportPatch}); nothing of
   * the report but its summary is held in memory.
   */
  @Override
  public boolean addCrashes(Path report, List<CrashRecord> crashes, String testfile)
      throws BadInputException, IOException {
    if (crashes.isEmpty()) {
      return false;
    }
    boolean created = false;
    List<CrashRecord> rest = crashes;
    if (!Files.exists(report)) {
      CrashRecord first = crashes.get(0);
      Map<String, Object> doc = minimalReport(NodeId.of(first.nodeid(), testfile), first);
      AtomicFiles.write(report, Json.write(doc).getBytes(StandardCharsets.US_ASCII));
      created = true;
      rest = crashes.subList(1, crashes.size());
      if (rest.isEmpty()) {
        return created;
      }
    }
    if (Files.isDirectory(report)) {
      throw new BadInputException(report, "is a directory, expected a file");
    }
    Map<String, NodeId> ids = new LinkedHashMap<>();
    Map<String, CrashRecord> byId = new LinkedHashMap<>();
    Map<String, String> aliases = new HashMap<>();
    for (CrashRecord crash : rest) {
      NodeId id = NodeId.of(crash.nodeid(), testfile);
      ids.putIfAbsent(id.id(), id);
      byId.putIfAbsent(id.id(), crash);
      for (String form : NodeId.pytestAbortForms(id.id(), crash.string("test_name", ""), testfile)) {
        aliases.putIfAbsent(form, id.id());
      }
    }
    JsonReportPatch patch = new JsonReportPatch(report, new ArrayList<>(ids.keySet()), aliases);
    Path body = TempFiles.createBeside(AtomicFiles.realTarget(report), ".body");
    try {
      List<String> missing = patch.copy(body);
      if (missing.isEmpty()) {
        return created;
      }
      Map<String, Object> summary = patch.summary();
      List<String> newTests = new ArrayList<>();
      for (String id : missing) {
        newTests.add(Json.write(testEntry(ids.get(id), byId.get(id), patch.lineno(id))));
        countFailure(report, summary);
      }
      String summaryJson = Json.write(summary);
      AtomicFiles.write(report, out -> patch.join(body, out, summaryJson, newTests));
      return true;
    } finally {
      Files.deleteIfExists(body);
    }
  }

  /** The report as an ordered tree; anything that is not a pytest-json-report is bad input. */
  public static Map<String, Object> read(Path report) throws BadInputException {
    Object value = Json.read(report);
    if (!(value instanceof Map)
        || !(((Map<?, ?>) value).get("tests") instanceof List)
        || !(((Map<?, ?>) value).get("summary") instanceof Map)) {
      throw new BadInputException(report, "not a pytest-json-report file (no \"tests\" list and \"summary\" object)");
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> doc = (Map<String, Object>) value;
    return doc;
  }

  /** Whether the report already has a test with this node id. */
  public static boolean containsTest(Map<String, Object> doc, String nodeid) {
    for (Object t : tests(doc)) {
      if (t instanceof Map && nodeid.equals(((Map<?, ?>) t).get("nodeid"))) {
        return true;
      }
    }
    return false;
  }

  @SuppressWarnings("unchecked")
  static List<Object> tests(Map<String, Object> doc) {
    return (List<Object>) doc.get("tests");
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> summary(Map<String, Object> doc) {
    return (Map<String, Object>) doc.get("summary");
  }

  /**
   * Counts one more failed test, as pytest-abort adds 1 to {@code failed}, {@code total},
   * {@code collected} and, when a report has it, {@code unskipped_total}; a new {@code failed} goes
   * where the plugin puts it: after the outcomes seen so far. A count that is not a number is bad input
   * (Python's {@code +} fails on it too).
   */
  static void countFailure(Path report, Map<String, Object> summary) throws BadInputException {
    if (summary.containsKey("failed")) {
      increment(report, summary, "failed");
    } else {
      Map<String, Object> copy = new LinkedHashMap<>(summary);
      summary.clear();
      for (Map.Entry<String, Object> e : copy.entrySet()) {
        if (e.getKey().equals("total")) {
          summary.put("failed", 1L);
        }
        summary.put(e.getKey(), e.getValue());
      }
      summary.putIfAbsent("failed", 1L);
    }
    increment(report, summary, "total");
    increment(report, summary, "collected");
    if (summary.containsKey("unskipped_total")) {
      increment(report, summary, "unskipped_total");
    }
  }

  /** {@code n + 1} as Python computes it: exact for an integer of any size, a float stays a float. */
  private static void increment(Path report, Map<String, Object> summary, String key) throws BadInputException {
    if (!summary.containsKey(key)) {
      summary.put(key, 1L);
      return;
    }
    Object n = summary.get(key);
    if (!(n instanceof Number)) {
      throw new BadInputException(report, "summary \"" + key + "\" is not a number: " + Json.write(n));
    }
    String text = n instanceof JsonNumber ? ((JsonNumber) n).text() : n.toString();
    if (INTEGER.matcher(text).matches()) {
      summary.put(key, new JsonNumber(new BigInteger(text).add(BigInteger.ONE).toString()));
    } else {
      summary.put(key, ((Number) n).doubleValue() + 1);
    }
  }

  /** The test's line as collected, when the collector saw it; else pytest-abort's 1. */
  static long collectedLineno(Map<String, Object> doc, String nodeid) {
    if (doc.get("collectors") instanceof List) {
      for (Object c : (List<?>) doc.get("collectors")) {
        Object result = c instanceof Map ? ((Map<?, ?>) c).get("result") : null;
        if (result instanceof List) {
          for (Object item : (List<?>) result) {
            if (item instanceof Map && nodeid.equals(((Map<?, ?>) item).get("nodeid"))
                && ((Map<?, ?>) item).get("lineno") instanceof Number) {
              return ((Number) ((Map<?, ?>) item).get("lineno")).longValue();
            }
          }
        }
      }
    }
    return 1;
  }

  static Map<String, Object> testEntry(NodeId id, CrashRecord crash, long lineno) {
    Map<String, Object> t = new LinkedHashMap<>();
    t.put("nodeid", id.id());
    t.put("lineno", lineno);
    t.put("outcome", "failed");
    t.put("keywords", List.of(id.name(), "abort", id.file(), ""));
    t.put("setup", stage(0.0, "passed"));
    Map<String, Object> call = stage(crash.duration(), "failed");
    call.put("longrepr", CrashText.longrepr(crash));
    t.put("call", call);
    t.put("teardown", stage(0.0, "passed"));
    return t;
  }

  private static Map<String, Object> stage(double duration, String outcome) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("duration", duration);
    s.put("outcome", outcome);
    return s;
  }

  private static Map<String, Object> minimalReport(NodeId id, CrashRecord crash) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("created", System.currentTimeMillis() / 1000.0);
    doc.put("duration", crash.duration());
    doc.put("exitcode", 1L);
    doc.put("root", Path.of("").toAbsolutePath().toString());
    doc.put("environment", new LinkedHashMap<>());
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("failed", 1L);
    summary.put("total", 1L);
    summary.put("collected", 1L);
    doc.put("summary", summary);
    doc.put("collectors", new ArrayList<>());
    List<Object> tests = new ArrayList<>();
    tests.add(testEntry(id, crash, 1));
    doc.put("tests", tests);
    return doc;
  }
}
