package io.testabort.maven;

import io.testabort.crash.BadInputException;
import io.testabort.crash.CrashLog;
import io.testabort.crash.CrashRecord;
import io.testabort.crash.io.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * How much of the crash log the report goal has shown: the log's size when it last reported, kept
 * beside the markers. The crash log outlives a build that does not clean, and the agent may append to it
 * during the build ({@code crashLog}); the records after that point are the new crashes.
 */
final class ReportedUpTo {
  static final String FILE_NAME = "reported-up-to";

  private final Path file;
  private final Path log;

  ReportedUpTo(Path file, Path log) {
    this.file = file;
    this.log = log;
  }

  /** The records appended since the last report (every one, before the first). */
  List<CrashRecord> newRecords() throws BadInputException {
    return new CrashLog(log).readAfter(offset(), line -> System.err.println(line));
  }

  /** Everything in the log now has been reported. */
  void markAllReported() throws IOException {
    AtomicFiles.write(file, Long.toString(Files.size(log)).getBytes(StandardCharsets.US_ASCII));
  }

  private long offset() {
    try {
      return Files.isRegularFile(file) ? Long.parseLong(Files.readString(file, StandardCharsets.US_ASCII).trim()) : 0;
    } catch (IOException | NumberFormatException e) {
      return 0; // unreadable: report the whole log again rather than miss a crash
    }
  }
}
