package io.testabort.reports.summary;

import io.testabort.crash.CrashRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * GitHub Actions' job summary: the file named by {@code $GITHUB_STEP_SUMMARY}, which every step appends
 * Markdown to. What {@code run} and the Maven plugin's {@code report} goal call after collecting crashes.
 */
public final class StepSummary {
  public static final String ENV = "GITHUB_STEP_SUMMARY";

  private StepSummary() {}

  /**
   * Appends the Markdown summary of {@code crashes} when {@code $GITHUB_STEP_SUMMARY} is set and a test
   * crashed.
   *
   * @return whether it appended
   */
  public static boolean appendIfConfigured(List<CrashRecord> crashes) throws IOException {
    return appendIfConfigured(crashes, System.getenv(ENV));
  }

  /** As {@link #appendIfConfigured(List)}, with the variable's value given (null when unset). */
  public static boolean appendIfConfigured(List<CrashRecord> crashes, String summaryFile) throws IOException {
    return appendIfConfigured("", crashes, summaryFile);
  }

  /** The same, with {@code before} (Markdown, such as {@code run}'s table of runs) ahead of the crashes. */
  public static boolean appendIfConfigured(String before, List<CrashRecord> crashes, String summaryFile) throws IOException {
    if (summaryFile == null || summaryFile.isBlank() || crashes.isEmpty()) {
      return false;
    }
    // appended, not replaced: the file belongs to the whole job and other steps write to it too; the blank
    // line first ends whatever they left open (an HTML block, a table row without its newline)
    Path file = Paths.get(summaryFile);
    String blankLine = endsWithNewline(file) ? "\n" : "\n\n";
    String text = blankLine + (before.isEmpty() ? "" : before + "\n") + MarkdownSummary.render(SummaryEntry.of(crashes)) + "\n";
    Files.write(file, text.getBytes(StandardCharsets.UTF_8),
        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    return true;
  }

  /** Whether the file is missing, empty or ends with a line break (its last byte read, not the file). */
  private static boolean endsWithNewline(Path file) throws IOException {
    if (!Files.isRegularFile(file) || Files.size(file) == 0) {
      return true;
    }
    try (SeekableByteChannel ch = Files.newByteChannel(file)) {
      ch.position(ch.size() - 1);
      ByteBuffer last = ByteBuffer.allocate(1);
      ch.read(last);
      return last.get(0) == '\n';
    }
  }
}
