package io.testabort.reports.junit;

import io.testabort.crash.CrashRecord;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Which tool wrote a JUnit XML directory, and so where a test's {@code <testcase>} belongs and what a new
 * file looks like.
 *
 * <p>The rule, first match wins:
 *
 * <ol>
 *   <li>Gradle's binary store beside the reports, {@code binary/results.bin} or {@code binary/output.bin}
 *       (the test task writes {@code output.bin} even when its worker died before any result, and then
 *       no XML at all): Gradle;
 *   <li>a report that names Surefire's schema ({@code surefire-test-report}): Surefire or Failsafe;
 *   <li>a report whose root is a {@code <testsuite>} with {@code hostname} and {@code timestamp} (pytest's
 *       root is {@code <testsuites>}) and no {@code *.txt} summary beside it (Surefire writes one per
 *       class): Gradle;
 *   <li>anything else, an empty or missing directory included: Surefire, one file per class as before.
 * </ol>
 */
enum ReportLayout {
  /**
   * Surefire and Failsafe: {@code TEST-<class>.xml}; JUnit Jupiter {@code @Nested} classes are reported in
   * the file of their top-level class, with their own binary name as {@code classname}.
   */
  SUREFIRE,
  /** Gradle's {@code build/test-results/<task>}: one {@code TEST-<class>.xml} per class, nested ones included. */
  GRADLE;

  private static final int HEAD = 4096;

  static ReportLayout detect(Path dir, List<Path> reports) throws IOException {
    // Gradle's binary store first: it settles the question without reading a report; Surefire never writes one
    Path binary = dir.resolve("binary");
    if (Files.isRegularFile(binary.resolve("results.bin")) || Files.isRegularFile(binary.resolve("output.bin"))) {
      return GRADLE;
    }
    boolean gradleLike = false;
    for (Path report : reports) {
      String head = head(report);
      if (head.contains("surefire-test-report")) {
        return SUREFIRE;
      }
      int suite = head.indexOf("<testsuite ");
      if (suite >= 0 && !head.contains("<testsuites")) { // Gradle's root is the suite; pytest's is <testsuites>
        String tag = head.substring(suite, Math.max(suite, head.indexOf('>', suite)));
        gradleLike |= tag.contains(" hostname=") && tag.contains(" timestamp=");
      }
    }
    if (gradleLike) {
      try (var txt = Files.newDirectoryStream(dir, "*.txt")) {
        return txt.iterator().hasNext() ? SUREFIRE : GRADLE;
      }
    }
    return SUREFIRE;
  }

  /** The class whose file holds {@code test}'s test case when no report holds it yet. */
  String fileClass(TestName test, CrashRecord crash) {
    if (this == SUREFIRE && crash.string("unique_id", "").contains("/[nested-class:")) {
      int nested = test.classname.indexOf('$');
      return nested > 0 ? test.classname.substring(0, nested) : test.classname;
    }
    return test.classname;
  }

  /** The file name the tool gives the report of {@code className}. */
  static String fileName(String className) {
    return "TEST-" + className.replace('/', '_').replace('\0', '_') + ".xml";
  }

  /** A new report holding one test case, shaped as this tool writes one. */
  String newReport(String suiteName, String testcase, String seconds) {
    StringBuilder s = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    if (this == GRADLE) {
      // Gradle's attribute order; its timestamp is local time without a zone, to the second
      String timestamp = LocalDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS).format(DateTimeFormatter.ISO_LOCAL_DATE_TIME);
      s.append("<testsuite name=\"").append(Xml.attribute(suiteName)).append("\" tests=\"1\" skipped=\"0\" failures=\"0\" errors=\"1\" timestamp=\"")
          .append(timestamp).append("\" hostname=\"").append(Xml.attribute(hostname())).append("\" time=\"").append(seconds).append("\">\n")
          .append("  <properties/>\n").append(testcase).append('\n')
          .append("  <system-out><![CDATA[]]></system-out>\n  <system-err><![CDATA[]]></system-err>\n");
    } else {
      s.append("<testsuite name=\"").append(Xml.attribute(suiteName)).append("\" time=\"").append(seconds)
          .append("\" tests=\"1\" errors=\"1\" skipped=\"0\" failures=\"0\">\n").append(testcase).append('\n');
    }
    return s.append("</testsuite>\n").toString();
  }

  private static String hostname() {
    String host = System.getenv("HOSTNAME");
    if (host == null || host.isBlank()) {
      try {
        host = java.net.InetAddress.getLocalHost().getHostName();
      } catch (IOException e) {
        host = "localhost";
      }
    }
    return host;
  }

  private static String head(Path report) throws IOException {
    try (InputStream in = Files.newInputStream(report)) {
      return new String(in.readNBytes(HEAD), StandardCharsets.UTF_8);
    }
  }
}
