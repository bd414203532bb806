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

  /** {@code running}, {@code timeout}, {@code idle}, ...; null if absent. */
  public String status() {
    Object s = fields.get("status");
    return s instanceof String ? (String) s : null;
  }

  /** Whether the marker says a test was in flight when its JVM ended: running, or killed by our timeout. */
  public boolean showsTestInFlight() {
    return "running".equals(status()) || "timeout".equals(status());
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
