package io.testabort.reports;

import io.testabort.crash.BadInputException;
import io.testabort.crash.CrashRecord;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** One report format that can show a crashed test: one implementation per format. */
public interface ReportPatcher {

  /**
   * Adds {@code crash} to the report at {@code report}, creating a minimal report when the file is
   * missing. Does nothing when the report already shows that node id, so applying the same crash twice
   * leaves the file byte-identical.
   *
   * @param testfile the test file name pytest-abort anchors bare test names to ({@code --testfile}); may be null
   * @return true when the file was written
   * @throws BadInputException when the existing file is not a usable report (it is left untouched)
   */
  boolean addCrash(Path report, CrashRecord crash, String testfile) throws BadInputException, IOException;

  /**
   * Adds every crash, in order, as {@link #addCrash} would one by one. Formats whose reports can be
   * large override it to read and write the report once for all of them.
   *
   * @return true when the file was written
   */
  default boolean addCrashes(Path report, List<CrashRecord> crashes, String testfile)
      throws BadInputException, IOException {
    boolean changed = false;
    for (CrashRecord crash : crashes) {
      changed |= addCrash(report, crash, testfile);
    }
    return changed;
  }
}
