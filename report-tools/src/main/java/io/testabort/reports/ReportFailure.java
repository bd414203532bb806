package io.testabort.reports;

import java.nio.file.Path;

/**
 * An unexpected failure (a bug, or an {@link Error} such as OutOfMemoryError) while working on one
 * report, carried out with the report's name so the CLI can say which file it was on.
 */
public final class ReportFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ReportFailure(Path report, Throwable cause) {
    super(report + ": " + cause, cause);
  }
}
