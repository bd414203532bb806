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
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
 *   <li>a report of the JUnit Platform console launcher ({@code --reports-dir}): named after an engine of
 *       JUnit's own ({@code TEST-junit-jupiter.xml}), or holding a test case's {@code unique-id:} line;
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
  GRADLE,
  /**
   * The JUnit Platform console launcher's legacy XML report: one {@code TEST-<engine id>.xml} per engine,
   * its suite named after the engine ({@code JUnit Jupiter}), each test case's unique id and display name
   * in its {@code <system-out>}.
   */
  PLATFORM;

  /** The engines of JUnit's own, whose reports the console launcher names {@code TEST-<engine id>.xml}. */
  private static final Map<String, String> ENGINES = Map.of(
      "junit-jupiter", "JUnit Jupiter",
      "junit-vintage", "JUnit Vintage",
      "junit-platform-suite", "JUnit Platform Suite");
  private static final Pattern ENGINE = Pattern.compile("^\\[engine:([^\\]]+)\\]");

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
      String name = report.getFileName().toString();
      if (ENGINES.containsKey(name.substring("TEST-".length(), name.length() - ".xml".length()))
          || head.contains("\nunique-id: [engine:")) {
        return PLATFORM;
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

  /**
   * What names the file that holds {@code test}'s test case when no report holds it yet: its class, or
   * (console launcher) its engine's id.
   */
  String fileClass(TestName test, CrashRecord crash) {
    if (this == PLATFORM) {
      Matcher engine = ENGINE.matcher(test.uniqueId);
      if (engine.find()) {
        return engine.group(1);
      }
    }
    String cls = test.className();
    if (this == SUREFIRE && crash.string("unique_id", "").contains("/[nested-class:")) {
      int nested = cls.indexOf('$');
      return nested > 0 ? cls.substring(0, nested) : cls;
    }
    return cls;
  }

  /** The file name the tool gives the report of {@code className}. */
  static String fileName(String className) {
    return "TEST-" + className.replace('/', '_').replace('\0', '_') + ".xml";
  }

  /** A new report holding one test case, shaped as this tool writes one; {@code fileClass} as {@link #fileClass} gave it. */
  String newReport(String fileClass, String testcase, String seconds) {
    StringBuilder s = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    String suiteName = this == PLATFORM ? ENGINES.getOrDefault(fileClass, fileClass) : fileClass;
    if (this == PLATFORM) {
      // the console launcher's attribute order; its timestamp is local time without a zone, to the second
      s.append("<testsuite name=\"").append(Xml.attribute(suiteName)).append("\" tests=\"1\" skipped=\"0\" failures=\"0\" errors=\"1\" time=\"")
          .append(seconds).append("\" hostname=\"").append(Xml.attribute(hostname())).append("\" timestamp=\"").append(timestamp()).append("\">\n")
          .append(testcase).append('\n');
    } else if (this == GRADLE) {
      // Gradle's attribute order
      s.append("<testsuite name=\"").append(Xml.attribute(suiteName)).append("\" tests=\"1\" skipped=\"0\" failures=\"0\" errors=\"1\" timestamp=\"")
          .append(timestamp()).append("\" hostname=\"").append(Xml.attribute(hostname())).append("\" time=\"").append(seconds).append("\">\n")
          .append("  <properties/>\n").append(testcase).append('\n')
          .append("  <system-out><![CDATA[]]></system-out>\n  <system-err><![CDATA[]]></system-err>\n");
    } else {
      s.append("<testsuite name=\"").append(Xml.attribute(suiteName)).append("\" time=\"").append(seconds)
          .append("\" tests=\"1\" errors=\"1\" skipped=\"0\" failures=\"0\">\n").append(testcase).append('\n');
    }
    return s.append("</testsuite>\n").toString();
  }

  /** The time now as Gradle and the console launcher write a suite's: no zone, to the second (UTC here). */
  private static String timestamp() {
    return LocalDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS).format(DateTimeFormatter.ISO_LOCAL_DATE_TIME);
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
