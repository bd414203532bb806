package io.testabort.reports;

import io.testabort.crash.BadInputException;
import io.testabort.crash.CrashRecord;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A report format that reads and writes its report once for all the crashes of a log (the big ones:
 * pytest-json-report, pytest-html); one crash is a list of one.
 */
@FunctionalInterface
public interface BatchReportPatcher extends ReportPatcher {
  @Override
  default boolean addCrash(Path report, CrashRecord crash, String testfile) throws BadInputException, IOException {
    return addCrashes(report, List.of(crash), testfile);
  }

  @Override
  boolean addCrashes(Path report, List<CrashRecord> crashes, String testfile) throws BadInputException, IOException;
}
