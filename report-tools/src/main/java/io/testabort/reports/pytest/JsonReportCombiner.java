package io.testabort.reports.pytest;

import io.testabort.crash.BadInputException;
import io.testabort.crash.io.AtomicFiles;
import io.testabort.crash.json.JsonWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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

  /**
   * Writes the combined list to {@code out}; returns how many reports it holds. One report is in memory
   * at a time: each is read and written out before the next, so the reports of a large run need not fit
   * together. An invalid report leaves {@code out} as it was.
   */
  public static int combine(Path dir, Path out) throws BadInputException, IOException {
    List<Path> files = reportFiles(dir);
    try {
      AtomicFiles.write(out, stream -> {
        JsonWriter w = JsonWriter.asciiIndented(4).beginArray();
        for (Path file : files) {
          try {
            w.value(PytestJsonReport.read(file));
          } catch (BadInputException e) {
            throw new BadReport(e);
          }
          stream.write(w.buffer(), 0, w.size());
          w.truncate(0); // the writer keeps its place in the list
        }
        w.endArray();
        stream.write(w.buffer(), 0, w.size());
      });
    } catch (BadReport e) {
      throw e.bad;
    }
    return files.size();
  }

  /** A report that is bad input, carried out of the writer (which may throw only I/O errors). */
  private static final class BadReport extends IOException {
    final BadInputException bad;

    BadReport(BadInputException bad) {
      super(bad.getMessage(), bad);
      this.bad = bad;
    }
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
