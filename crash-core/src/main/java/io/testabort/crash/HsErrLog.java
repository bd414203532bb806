package io.testabort.crash;

import io.testabort.crash.BadInputException;
import io.testabort.crash.io.Inputs;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The parts of a HotSpot fatal error log ({@code hs_err_pid*.log}) that say how and where a JVM died. */
public final class HsErrLog {
  // "#  SIGSEGV (0xb) at pc=0x00007f..., pid=6190, tid=6191"
  private static final Pattern SIGNAL = Pattern.compile("^#\\s+(SIG[A-Z0-9]+) \\((0x[0-9a-f]+)\\) at pc=(0x[0-9a-f]+), pid=(\\d+), tid=(\\d+)");
  // "#  Internal Error (...), pid=1, tid=2" and "#  Out of Memory Error (...), pid=1, tid=2"
  private static final Pattern OTHER_ERROR = Pattern.compile("^#\\s+(.+?), pid=(\\d+), tid=(\\d+)");
  // the quoted name is padded to a column on newer JDKs, so any run of spaces may follow it, then
  // "daemon" for daemon threads; the name itself is not escaped and may hold quotes
  private static final Pattern THREAD = Pattern.compile("^Current thread \\(0x[0-9a-f]+\\):\\s+\\w+ \"(.*)\"(?:\\s+daemon)?\\s+\\[");
  private static final Pattern WHITESPACE = Pattern.compile("\\s+");

  private final String signal;
  private final String error;
  private final Long pid;
  private final String problematicFrame;
  private final String thread;
  private final List<String> javaFrames;
  private final String header;

  private HsErrLog(String signal, String error, Long pid, String problematicFrame, String thread, List<String> javaFrames, String header) {
    this.signal = signal;
    this.error = error;
    this.pid = pid;
    this.problematicFrame = problematicFrame;
    this.thread = thread;
    this.javaFrames = Collections.unmodifiableList(javaFrames);
    this.header = header;
  }

  /** Reads and parses {@code file}; a file with none of the expected lines gives an empty result. */
  public static HsErrLog read(Path file) throws BadInputException {
    // these logs may quote bytes of native memory; never refuse them for bad UTF-8
    return parse(new String(Inputs.readBytes(file), StandardCharsets.UTF_8));
  }

  public static HsErrLog parse(String text) {
    String signal = null;
    String error = null;
    Long pid = null;
    String frame = null;
    String thread = null;
    List<String> frames = new ArrayList<>();
    String[] lines = text.split("\r?\n");
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      Matcher m;
      if (signal == null && error == null && (m = SIGNAL.matcher(line)).find()) {
        signal = m.group(1);
        pid = Long.valueOf(m.group(4));
      } else if (signal == null && error == null && (m = OTHER_ERROR.matcher(line)).find()) {
        error = m.group(1).trim();
        pid = Long.valueOf(m.group(2));
        // the next comment line says what went wrong, e.g. "fatal error: OutOfMemory encountered: Java heap space"
        if (i + 1 < lines.length && lines[i + 1].matches("#\\s+\\S.*")) {
          error += ": " + lines[i + 1].replaceFirst("^#\\s+", "").trim();
        }
      } else if (frame == null && line.startsWith("# Problematic frame:") && i + 1 < lines.length) {
        frame = WHITESPACE.matcher(lines[i + 1].replaceFirst("^#\\s*", "")).replaceAll(" ").trim();
      } else if (thread == null && (m = THREAD.matcher(line)).find()) {
        thread = m.group(1);
      } else if (frames.isEmpty() && line.startsWith("Java frames:")) {
        for (int j = i + 1; j < lines.length && isJavaFrame(lines[j]); j++) {
          frames.add(lines[j].trim());
        }
      }
    }
    StringBuilder header = new StringBuilder();
    for (int i = 0; i < lines.length && lines[i].startsWith("#"); i++) {
      header.append(lines[i]).append('\n');
    }
    return new HsErrLog(signal, error, pid, frame, thread, frames, header.toString());
  }

  private static boolean isJavaFrame(String line) {
    return line.startsWith("j ") || line.startsWith("J ") || line.startsWith("v ") || line.startsWith("V ");
  }

  /** {@code SIGSEGV}, or null when the JVM died of something else (see {@link #error()}). */
  public String signal() {
    return signal;
  }

  /** The headline of a fatal error that is not a signal, e.g. {@code Internal Error (...)}; else null. */
  public String error() {
    return error;
  }

  public Long pid() {
    return pid;
  }

  /** E.g. {@code C [libcrash.so+0x1139] crash_now}, whitespace collapsed; null if absent. */
  public String problematicFrame() {
    return problematicFrame;
  }

  /** Name of the thread that crashed, or null. */
  public String thread() {
    return thread;
  }

  /** The {@code Java frames:} section, top first, as written ({@code j  Foo.bar()V+0 ...}). */
  public List<String> javaFrames() {
    return javaFrames;
  }

  /** The comment block a fatal error log starts with: what happened, the JVM, the problematic frame. */
  public String header() {
    return header;
  }
}
