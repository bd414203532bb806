package io.testabort.crash;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One crashed test: the record of docs/interface.md section 4 (pytest-abort's crash info plus the JVM
 * details). Field order is kept as given, so records written back out read like the ones read in.
 */
public final class CrashRecord {
  private final Map<String, Object> fields;

  private CrashRecord(Map<String, Object> fields) {
    this.fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
  }

  /** A record from its fields (values: String, Number, Boolean, null, or nested Map/List). */
  public static CrashRecord of(Map<String, ?> fields) {
    Objects.requireNonNull(fields.get("nodeid"), "nodeid");
    return new CrashRecord(new LinkedHashMap<>(fields));
  }

  public Map<String, Object> fields() {
    return fields;
  }

  public String nodeid() {
    return string("nodeid", "unknown_test");
  }

  public String testName() {
    return string("test_name", nodeid());
  }

  public String testClass() {
    return string("test_class", "UnknownClass");
  }

  public String reason() {
    return string("reason", "Test crashed (segfault, abort, or fatal error)");
  }

  public String crashTime() {
    return string("crash_time", string("abort_time", ""));
  }

  public String gpuId() {
    return string("gpu_id", "unknown");
  }

  public String pid() {
    return string("pid", "unknown");
  }

  /** Seconds the test ran before it crashed; 0 when unknown. */
  public double duration() {
    Object d = fields.get("duration");
    if (d instanceof Number) {
      return ((Number) d).doubleValue();
    }
    if (d instanceof String) {
      try {
        return Double.parseDouble((String) d);
      } catch (NumberFormatException e) {
        return 0;
      }
    }
    return 0;
  }

  /** A copy with one field set (added at the end, or replaced in place). */
  public CrashRecord with(String key, Object value) {
    Map<String, Object> copy = new LinkedHashMap<>(fields);
    copy.put(key, value);
    return new CrashRecord(copy);
  }

  public String string(String key, String fallback) {
    Object v = fields.get(key);
    return v == null ? fallback : String.valueOf(v);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CrashRecord && ((CrashRecord) o).fields.equals(fields);
  }

  @Override
  public int hashCode() {
    return fields.hashCode();
  }

  @Override
  public String toString() {
    return "CrashRecord" + fields;
  }
}
