package io.testabort.reports.cli;

import io.testabort.reports.ReportSet;
import io.testabort.reports.junit.JUnitXmlReport;
import io.testabort.reports.pytest.PytestCsvReport;
import io.testabort.reports.pytest.PytestJsonReport;
import io.testabort.reports.pytest.html.PytestHtmlReport;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The reports a command patches, one option per format. */
final class ReportOptions {
  @Option(names = "--json", paramLabel = "FILE", description = "pytest-json-report file (created if missing)")
  Path json;

  @Option(names = "--html", paramLabel = "FILE", description = "pytest-html report (created if missing)")
  Path html;

  @Option(names = "--csv", paramLabel = "FILE", description = "pytest-csv report (created if missing)")
  Path csv;

  @Option(names = "--junit-xml", paramLabel = "DIR", description = "JUnit XML report directory (TEST-<class>.xml, created if missing)")
  Path junitXml;

  ReportSet reports() {
    ReportSet set = new ReportSet();
    if (json != null) {
      set.add(json, new PytestJsonReport());
    }
    if (html != null) {
      set.add(html, new PytestHtmlReport());
    }
    if (csv != null) {
      set.add(csv, new PytestCsvReport());
    }
    if (junitXml != null) {
      addJUnitXml(set, junitXml);
    }
    return set;
  }

  /** Adds a JUnit XML report directory; what every command's {@code --junit-xml} means. */
  static ReportSet addJUnitXml(ReportSet set, Path dir) {
    return set.addDirectory(dir, JUnitXmlReport.FILES, new JUnitXmlReport());
  }
}
