package io.testabort.reports.pytest.html;

import io.testabort.reports.BadInputException;
import io.testabort.reports.ReportPatcher;
import io.testabort.reports.crash.CrashRecord;
import java.io.IOException;
import java.nio.file.Path;

/** pytest-html reports (4.x data-jsonblob pages and older table-only pages). */
public final class PytestHtmlReport implements ReportPatcher {
  @Override
  public boolean addCrash(Path report, CrashRecord crash, String testfile) throws BadInputException, IOException {
    throw new UnsupportedOperationException("pytest-html patching is not built yet");
  }
}
