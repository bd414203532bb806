package io.testabort.reports.pytest;

import io.testabort.crash.BadInputException;
import io.testabort.crash.io.AtomicFiles;
import io.testabort.crash.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * pytest-abort's {@code combine_json_reports}: the per-file {@code *_log.json} reports of a directory
 * as one JSON list, indented by 4 like Python's {@code json.dump(indent=4)}. Files are taken in name
 * order (Python's directory order is arbitrary) so the output is reproducible.
 */
public final class JsonReportCombiner {
  /** Where pytest-abort writes the combined report when no output is named. */
  public static final String DEFAULT_NAME = "final_compiled_report.json";

  private JsonReportCombiner() {}

  /** Writes the combined list to {@code out}; returns how many reports it holds. */
  public static int combine(Path dir, Path out) throws BadInputException, IOException {
    List<Object> reports = new ArrayList<>();
    for (Path file : reportFiles(dir)) {
      reports.add(PytestJsonReport.read(file));
    }
    AtomicFiles.write(out, Json.write(reports, 4).getBytes(StandardCharsets.US_ASCII));
    return reports.size();
  }

  private static List<Path> reportFiles(Path dir) throws BadInputException, IOException {
    if (!Files.isDirectory(dir)) {
      throw new BadInputException(dir, "not a directory");
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.getFileName().toString().endsWith("_log.json")).sorted().collect(Collectors.toList());
    }
  }
}
