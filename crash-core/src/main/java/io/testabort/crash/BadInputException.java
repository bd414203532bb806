package io.testabort.crash;

import java.nio.file.Path;

/**
 * Input that cannot be used: not a report, truncated, binary, unreadable, a directory where a file is
 * expected. The CLI prints {@link #getMessage()} as one line on stderr and exits with code 3; whoever
 * throws it must not have touched the input.
 */
public final class BadInputException extends Exception {
  private static final long serialVersionUID = 1L;

  private final transient Path file;
  private final String problem;

  public BadInputException(Path file, String problem) {
    this(file, problem, null);
  }

  public BadInputException(Path file, String problem, Throwable cause) {
    super(file + ": " + oneLine(problem), cause);
    this.file = file;
    this.problem = oneLine(problem);
  }

  public Path file() {
    return file;
  }

  /** What is wrong with the file, without its name. */
  public String problem() {
    return problem;
  }

  private static String oneLine(String s) {
    return s == null ? "unknown problem" : s.replaceAll("[\\r\\n]+", " ").trim();
  }
}
