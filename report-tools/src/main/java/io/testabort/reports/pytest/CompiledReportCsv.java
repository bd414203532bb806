package io.testabort.reports.pytest;

import io.testabort.crash.BadInputException;
import io.testabort.crash.io.AtomicFiles;
import io.testabort.crash.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * pytest-abort's {@code convert_compiled_json_to_csv}: one row per test of a combined report
 * ({@link JsonReportCombiner}) with the columns {@code name,outcome,duration,keywords}; duration is the
 * call phase's (0 when the test has none), keywords are joined with {@code ;}.
 */
public final class CompiledReportCsv {
  public static final List<String> HEADER = List.of("name", "outcome", "duration", "keywords");

  private CompiledReportCsv() {}

  /** Writes the CSV; returns the number of test rows. */
  public static int convert(Path compiled, Path csv) throws BadInputException, IOException {
    Object value = Json.read(compiled);
    if (!(value instanceof List)) {
      throw new BadInputException(compiled, "not a combined report (expected a JSON list of pytest-json-reports)");
    }
    StringBuilder out = new StringBuilder(Csv.record(HEADER));
    int rows = 0;
    for (Object report : (List<?>) value) {
      if (!(report instanceof Map)) {
        throw new BadInputException(compiled, "not a combined report (an item is not a JSON object)");
      }
      Object tests = ((Map<?, ?>) report).get("tests");
      if (tests == null) {
        continue;
      }
      if (!(tests instanceof List)) {
        throw new BadInputException(compiled, "a report's \"tests\" is not a list");
      }
      for (Object test : (List<?>) tests) {
        if (!(test instanceof Map)) {
          throw new BadInputException(compiled, "a test entry is not a JSON object");
        }
        out.append(Csv.record(row((Map<?, ?>) test)));
        rows++;
      }
    }
    AtomicFiles.write(csv, out.toString().getBytes(StandardCharsets.UTF_8));
    return rows;
  }

  private static List<String> row(Map<?, ?> test) {
    Object call = test.get("call");
    Object duration = call instanceof Map && ((Map<?, ?>) call).containsKey("duration") ? ((Map<?, ?>) call).get("duration") : 0;
    List<String> keywords = new ArrayList<>();
    if (test.get("keywords") instanceof List) {
      for (Object k : (List<?>) test.get("keywords")) {
        keywords.add(String.valueOf(k));
      }
    }
    return List.of(text(test.get("nodeid")), text(test.get("outcome")), String.valueOf(duration), String.join(";", keywords));
  }

  private static String text(Object v) {
    return v == null ? "" : String.valueOf(v);
  }
}
