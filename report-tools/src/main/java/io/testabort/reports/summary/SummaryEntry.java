package io.testabort.reports.summary;

import io.testabort.crash.BadInputException;
import io.testabort.crash.CrashRecord;
import io.testabort.crash.HsErrLog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * One crashed test as every summary format shows it. The frames and the log head come from the fatal
 * error log the record names ({@code error_file}), when that file is still there.
 */
public final class SummaryEntry {
  /** Lines of the fatal error log shown collapsed: its header, summary and the crashed thread's start. */
  static final int LOG_HEAD_LINES = 40;
  static final int MAX_FRAMES = 60;
  static final int SHOWN_WITHOUT_TEST = 15;

  private final CrashRecord record;
  private final Path errorFile;
  private final List<String> javaFrames;
  private final List<String> errorLogHead;

  private SummaryEntry(CrashRecord record, Path errorFile, List<String> javaFrames, List<String> errorLogHead) {
    this.record = record;
    this.errorFile = errorFile;
    this.javaFrames = Collections.unmodifiableList(javaFrames);
    this.errorLogHead = Collections.unmodifiableList(errorLogHead);
  }

  public static List<SummaryEntry> of(List<CrashRecord> crashes) {
    List<SummaryEntry> entries = new ArrayList<>();
    for (CrashRecord c : crashes) {
      entries.add(of(c));
    }
    return entries;
  }

  /** Reads the record's fatal error log if it exists; an unreadable one just leaves the frames out. */
  public static SummaryEntry of(CrashRecord record) {
    String file = record.string("error_file", null);
    Path errorFile = null;
    List<String> frames = List.of();
    List<String> head = List.of();
    if (file != null) {
      try {
        Path p = Paths.get(file);
        if (Files.isRegularFile(p)) {
          frames = HsErrLog.read(p).javaFrames();
          head = head(p);
          errorFile = p;
        }
      } catch (BadInputException | IOException | RuntimeException e) {
        // the record alone still says what crashed
      }
    }
    if (frames.size() > MAX_FRAMES) {
      frames = frames.subList(0, MAX_FRAMES);
    }
    return new SummaryEntry(record, errorFile, frames, head);
  }

  private static List<String> head(Path file) throws IOException {
    // fatal error logs may quote native memory: never refuse bad UTF-8
    String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    List<String> lines = Arrays.asList(text.split("\r?\n", LOG_HEAD_LINES + 1));
    return lines.size() > LOG_HEAD_LINES ? lines.subList(0, LOG_HEAD_LINES) : lines;
  }

  public String nodeid() {
    return record.nodeid();
  }

  public String reason() {
    return record.reason();
  }

  public String phase() {
    return record.string("phase", "unknown");
  }

  public String framework() {
    return record.string("framework", "unknown");
  }

  /** {@code 0.56 s}, or {@code unknown}. */
  public String duration() {
    double d = record.duration();
    return d > 0 ? String.format(Locale.ROOT, "%.2f s", d) : "unknown";
  }

  /** The thread the fatal error log names, else the marker's thread; may be null. */
  public String thread() {
    return record.string("crash_thread", record.string("thread", null));
  }

  public String gpuId() {
    return record.gpuId();
  }

  /**
   * What the summaries say where there are no Java frames to show, which depends on why: no fatal error
   * log at all (the JVM was killed, exited or timed out), one named but not here (another machine's, or
   * cleaned up), or one whose crashed thread ran no Java code (a VM or compiler thread, native code).
   * {@code path} renders the log's path for the format (a code span in Markdown); the rest is plain.
   */
  public String noFramesNote(UnaryOperator<String> path) {
    if (errorFile != null) {
      return "No Java frames: the crashed thread ran no Java code (a VM or compiler thread, or native code);"
          + " see the fatal error log.";
    }
    String named = record.string("error_file", null);
    if (named != null && record.string("signal", null) != null) {
      return "No Java frames: the fatal error log " + path.apply(named) + " is not here to read.";
    }
    return "No Java frames: the JVM left no fatal error log (it was killed, exited or timed out; the reason says how).";
  }

  /** The fatal error log, or null when the record names none or it is gone. */
  public Path errorFile() {
    return errorFile;
  }

  /** The crashed thread's Java frames (the log's {@code Java frames:} section), top first; may be empty. */
  public List<String> javaFrames() {
    return javaFrames;
  }

  /**
   * How many of {@link #javaFrames()} to show open: down to the test's own frame (its class is in the
   * frame), else the first {@value #SHOWN_WITHOUT_TEST}. The framework frames below it are noise to most readers.
   */
  public int framesToTest() {
    String testClass = record.string("test_class", null);
    if (testClass != null) {
      for (int i = 0; i < javaFrames.size(); i++) {
        if (javaFrames.get(i).contains(" " + testClass + ".") || javaFrames.get(i).contains(" " + testClass + "$")) {
          return i + 1;
        }
      }
    }
    return Math.min(SHOWN_WITHOUT_TEST, javaFrames.size());
  }

  /** The first {@value #LOG_HEAD_LINES} lines of the fatal error log; empty without one. */
  public List<String> errorLogHead() {
    return errorLogHead;
  }
}
