package io.testabort.crash;

import io.testabort.crash.BadInputException;
import io.testabort.crash.json.Json;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.Map;

/** A marker file (docs/interface.md section 3): what a JVM, or pytest-abort's plugin, was running. */
public final class Marker {
  private final Path file;
  private final Map<String, Object> fields;

  private Marker(Path file, Map<String, Object> fields) {
    this.file = file;
    this.fields = Collections.unmodifiableMap(fields);
  }

  /** Reads a marker; anything but one JSON object (whitespace around it allowed) is bad input. */
  public static Marker read(Path file) throws BadInputException {
    Object value = Json.read(file);
    if (!(value instanceof Map)) {
      throw new BadInputException(file, "invalid marker: not a JSON object");
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> fields = (Map<String, Object>) value;
    return new Marker(file, fields);
  }

  public Map<String, Object> fields() {
    return fields;
  }

  /** {@code running}, {@code idle}, the older {@code timeout}, ...; null if absent. */
  public String status() {
    Object s = fields.get("status");
    return s instanceof String ? (String) s : null;
  }

  /**
   * Whether the marker says a test was in flight when its process ended: {@code "status": "running"}
   * (with a {@code "timeout"} key when the agent's watchdog stopped it), or the older {@code "timeout"}
   * status of agents that replaced the status, which pytest-abort's reader does not take for a crash.
   */
  public boolean showsTestInFlight() {
    return "running".equals(status()) || "timeout".equals(status());
  }

  /** The agent's limit in seconds when its watchdog stopped the test ({@code "timeout": S}), else null. */
  public Number timeoutSeconds() {
    Object t = fields.get("timeout");
    return t instanceof Number ? (Number) t : null;
  }

  /** The {@code pid} of the process that wrote the marker (a JSON number, or digits in a string), or -1. */
  public long pid() {
    Object pid = fields.get("pid");
    if (pid instanceof Number) {
      return ((Number) pid).longValue();
    }
    if (pid instanceof String && ((String) pid).trim().matches("\\d{1,18}")) {
      return Long.parseLong(((String) pid).trim());
    }
    return -1;
  }

  /** Seconds from {@code start_time} to {@code now}; a missing or unreadable start time is bad input. */
  public double secondsRunning(Instant now) throws BadInputException {
    Object start = fields.get("start_time");
    if (!(start instanceof String)) {
      throw new BadInputException(file, "invalid marker: no \"start_time\" string");
    }
    try {
      return IsoTime.secondsBetween(IsoTime.parse((String) start, ZoneId.systemDefault()), now);
    } catch (DateTimeParseException e) {
      throw new BadInputException(file, "invalid marker: start_time is not ISO-8601: " + start, e);
    }
  }

  /** The {@code jvm.error_file} this JVM would write its fatal error log to, or null. */
  public Path errorFile() {
    Object jvm = fields.get("jvm");
    if (jvm instanceof Map && ((Map<?, ?>) jvm).get("error_file") instanceof String) {
      return Path.of((String) ((Map<?, ?>) jvm).get("error_file"));
    }
    return null;
  }
}
