package io.testabort.reports.pytest.html;

import io.testabort.crash.BadInputException;
import io.testabort.crash.io.AtomicFiles;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;

/**
 * Streams new content into a temp file (through {@link AtomicFiles}) and either commits it or drops it
 * when the writer finds out late that nothing changed; the original is untouched in that case.
 */
final class Rewrite {
  private Rewrite() {}

  /** Writes the new content; returns false to keep the original file. */
  interface Body {
    boolean writeTo(OutputStream out) throws IOException, BadInputException;
  }

  /** True when the file was replaced. */
  static boolean atomically(Path target, Body body) throws IOException, BadInputException {
    try {
      AtomicFiles.write(target, out -> {
        boolean keep;
        try {
          keep = body.writeTo(out);
        } catch (BadInputException e) {
          throw new Abort(e);
        }
        if (!keep) {
          throw new Abort(null);
        }
      });
      return true;
    } catch (Abort a) {
      if (a.bad != null) {
        throw a.bad;
      }
      return false;
    }
  }

  /** Carries the decision out of AtomicFiles, which then deletes its temp file. */
  private static final class Abort extends IOException {
    private static final long serialVersionUID = 1L;
    private final transient BadInputException bad;

    Abort(BadInputException bad) {
      super("rewrite aborted");
      this.bad = bad;
    }
  }
}
