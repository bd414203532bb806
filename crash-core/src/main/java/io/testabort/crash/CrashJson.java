package io.testabort.crash;

import io.testabort.crash.json.Json;
import java.io.IOException;
import java.util.Map;

/** A {@link CrashRecord} as one line of JSON (docs/interface.md section 4). */
public final class CrashJson {
  private CrashJson() {}

  /** One line, no newline; ASCII-escaped so it is valid UTF-8 whatever the record holds. */
  public static String toLine(CrashRecord record) {
    return Json.write(record.fields());
  }

  /** The record in {@code json}; it must be an object with a string {@code nodeid}. */
  public static CrashRecord fromJson(String json) throws IOException {
    Object value = Json.parse(json);
    if (!(value instanceof Map)) {
      throw new IOException("not a JSON object");
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> fields = (Map<String, Object>) value;
    if (!(fields.get("nodeid") instanceof String)) {
      throw new IOException("no \"nodeid\" string");
    }
    return CrashRecord.of(fields);
  }
}
