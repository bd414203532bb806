package io.testabort.reports.summary;

import io.testabort.crash.CrashRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
    if (summaryFile == null || summaryFile.isBlank() || crashes.isEmpty()) {
      return false;
    }
    // appended, not replaced: the file belongs to the whole job and other steps write to it too
    Files.write(Paths.get(summaryFile), (MarkdownSummary.render(SummaryEntry.of(crashes)) + "\n").getBytes(StandardCharsets.UTF_8),
        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    return true;
  }
}
