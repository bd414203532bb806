package io.testabort.reports.junit;

import static io.testabort.reports.junit.JUnitXmlReportTest.crash;
import static io.testabort.reports.junit.JUnitXmlReportTest.parse;
import static io.testabort.reports.junit.JUnitXmlReportTest.testcase;
import static org.assertj.core.api.Assertions.assertThat;

import io.testabort.crash.CrashLog;
import io.testabort.crash.CrashRecord;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Where a crash goes in report directories as real Surefire and real Gradle wrote them (see resources/junit/README.md). */
class JUnitXmlLayoutTest {
  @TempDir Path tmp;

  /** Copies the resource directory {@code junit/<name>} (files listed, as class path directories cannot be listed portably). */
  Path copy(String name, String... files) throws Exception {
    Path dir = Files.createDirectories(tmp.resolve(name));
    for (String f : files) {
      try (InputStream in = getClass().getResourceAsStream("/junit/" + name + "/" + f)) {
        Files.createDirectories(dir.resolve(f).getParent());
        Files.copy(in, dir.resolve(f));
      }
    }
    return dir;
  }

  static List<String> reports(Path dir) throws Exception {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("TEST-")).sorted().collect(java.util.stream.Collectors.toList());
    }
  }

  /** Asserts that the suite's counts are those of its test cases. */
  static void assertCountsMatchTestcases(Document doc) {
    Element suite = doc.getDocumentElement();
    NodeList cases = suite.getElementsByTagName("testcase");
    int errors = 0;
    int failures = 0;
    int skipped = 0;
    for (int i = 0; i < cases.getLength(); i++) {
      Element c = (Element) cases.item(i);
      errors += c.getElementsByTagName("error").getLength() > 0 ? 1 : 0;
      failures += c.getElementsByTagName("failure").getLength() > 0 ? 1 : 0;
      skipped += c.getElementsByTagName("skipped").getLength() > 0 ? 1 : 0;
    }
    assertThat(suite.getAttribute("tests")).isEqualTo(String.valueOf(cases.getLength()));
    assertThat(suite.getAttribute("errors")).isEqualTo(String.valueOf(errors));
    assertThat(suite.getAttribute("failures")).isEqualTo(String.valueOf(failures));
    assertThat(suite.getAttribute("skipped")).isEqualTo(String.valueOf(skipped));
  }

  // issue 7, finding 3: the crash went into a new TEST-...LedgerTest$Quarterly.xml while Surefire's own
  // file kept the skipped entry, so the test counted twice
  @Test
  void aNestedTestSkippedInSurefiresTopLevelFileIsReplacedThereNotAddedToAFileOfItsOwn() throws Exception {
    Path dir = copy("surefire-nested", "TEST-com.example.ledger.LedgerTest.xml", "com.example.ledger.LedgerTest.txt", "crashes.jsonl");
    List<CrashRecord> crashes = new CrashLog(dir.resolve("crashes.jsonl")).read();
    Path file = dir.resolve("TEST-com.example.ledger.LedgerTest.xml");
    String before = Files.readString(file);

    assertThat(new JUnitXmlReport().addCrash(dir, crashes.get(0), null)).isTrue();

    assertThat(reports(dir)).containsExactly("TEST-com.example.ledger.LedgerTest.xml");
    Document doc = parse(file);
    Element quarterly = testcase(doc, "com.example.ledger.LedgerTest$Quarterly", "files");
    assertThat(quarterly.getElementsByTagName("skipped").getLength()).isZero();
    assertThat(quarterly.getElementsByTagName("error").item(0).getTextContent()).isEqualTo("Test crashed (segfault, abort, or fatal error)");
    assertThat(doc.getElementsByTagName("testcase").getLength()).isEqualTo(11);
    // Surefire wrote tests="0" for this class: a file we write counts its test cases
    assertCountsMatchTestcases(doc);
    String after = Files.readString(file);
    assertThat(after).startsWith(before.substring(0, before.indexOf(" tests=\"0\"")))
        .contains(before.substring(before.indexOf("<properties>"), before.indexOf("  <testcase name=\"files\"")));

    assertThat(new JUnitXmlReport().addCrash(dir, crashes.get(0), null)).isFalse();
    assertThat(Files.readString(file)).isEqualTo(after);
  }

  // the replaced entry's indentation was added after every line break of the test case, the text of the
  // error and of the fatal error log included: a reason's continuation lines came back indented
  @Test
  void aSkippedEntryReplacedKeepsTheCrashTextExactly() throws Exception {
    Path dir = copy("surefire-nested", "TEST-com.example.ledger.LedgerTest.xml", "com.example.ledger.LedgerTest.txt", "crashes.jsonl");
    String reason = "System.exit(3) called from\n    at a.B.c(B.java:1)\n\tat d.E.f(E.java:2)";
    CrashRecord crash = new CrashLog(dir.resolve("crashes.jsonl")).read().get(0).with("reason", reason);

    assertThat(new JUnitXmlReport().addCrash(dir, crash, null)).isTrue();

    Path file = dir.resolve("TEST-com.example.ledger.LedgerTest.xml");
    Element error = (Element) testcase(parse(file), "com.example.ledger.LedgerTest$Quarterly", "files").getElementsByTagName("error").item(0);
    assertThat(error.getTextContent()).isEqualTo(reason);
    assertThat(Files.readString(file)).contains("\n  <testcase name=\"files\"").contains("\n    <error message=").contains("\n  </testcase>");
  }

  @Test
  void aNestedJupiterCrashWithoutAReportGoesWhereSurefireWouldPutIt() throws Exception {
    Path dir = copy("surefire-nested", "crashes.jsonl");
    CrashRecord crash = new CrashLog(dir.resolve("crashes.jsonl")).read().get(0);

    assertThat(new JUnitXmlReport().addCrash(dir, crash, null)).isTrue();

    assertThat(reports(dir)).containsExactly("TEST-com.example.ledger.LedgerTest.xml");
    Document doc = parse(dir.resolve("TEST-com.example.ledger.LedgerTest.xml"));
    assertThat(doc.getDocumentElement().getAttribute("name")).isEqualTo("com.example.ledger.LedgerTest");
    assertThat(testcase(doc, "com.example.ledger.LedgerTest$Quarterly", "files")).isNotNull();
    assertCountsMatchTestcases(doc);
  }

  static final String[] GRADLE_JUNIT4 = {"TEST-com.example.parser.ParserTest.xml", "TEST-com.example.parser.RejectsTest.xml",
      "TEST-com.example.vault.AuditTest$Labels.xml", "TEST-com.example.vault.AuditTest$Quarterly.xml",
      "TEST-com.example.vault.AuditTest.xml", "binary/results.bin"};

  @Test
  void gradlesNestedClassesHaveFilesOfTheirOwn() throws Exception {
    Path dir = copy("gradle-junit4", GRADLE_JUNIT4);
    String outer = Files.readString(dir.resolve("TEST-com.example.vault.AuditTest.xml"));
    CrashRecord crash = crash("com.example.vault.AuditTest$Quarterly#files", "killed by SIGKILL (exit 137)", Map.of("framework", "junit4"));

    assertThat(new JUnitXmlReport().addCrash(dir, crash, null)).isTrue();

    Document doc = parse(dir.resolve("TEST-com.example.vault.AuditTest$Quarterly.xml"));
    Element files = testcase(doc, "com.example.vault.AuditTest$Quarterly", "files");
    assertThat(files.getElementsByTagName("skipped").getLength()).isZero();
    assertThat(files.getElementsByTagName("error").getLength()).isEqualTo(1);
    assertCountsMatchTestcases(doc);
    assertThat(Files.readString(dir.resolve("TEST-com.example.vault.AuditTest.xml"))).isEqualTo(outer);
  }

  @Test
  void aClassWithoutAReportGetsAFileAsGradleWritesOne() throws Exception {
    Path dir = copy("gradle-junit4", GRADLE_JUNIT4);
    String outer = Files.readString(dir.resolve("TEST-com.example.vault.AuditTest.xml"));
    CrashRecord crash = crash("com.example.vault.AuditTest$Yearly#closes", "killed by SIGKILL (exit 137)", Map.of("framework", "junit4"));

    assertThat(new JUnitXmlReport().addCrash(dir, crash, null)).isTrue();

    Path created = dir.resolve("TEST-com.example.vault.AuditTest$Yearly.xml");
    Document doc = parse(created);
    Element suite = doc.getDocumentElement();
    assertThat(suite.getAttribute("name")).isEqualTo("com.example.vault.AuditTest$Yearly");
    assertThat(suite.getAttribute("hostname")).isNotEmpty();
    assertThat(suite.getAttribute("timestamp")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d");
    assertThat(testcase(doc, "com.example.vault.AuditTest$Yearly", "closes")).isNotNull();
    assertCountsMatchTestcases(doc);
    assertThat(Files.readString(dir.resolve("TEST-com.example.vault.AuditTest.xml"))).isEqualTo(outer);
  }

  @Test
  void gradleIsRecognisedFromItsBinaryResultsAloneAndFromItsReportsAlone() throws Exception {
    // the worker died: Gradle wrote no XML, and of its binary store only output.bin
    Path crashed = copy("gradle-crashed", "binary/output.bin", "binary/output.bin.idx");
    assertThat(ReportLayout.detect(crashed, List.of())).isEqualTo(ReportLayout.GRADLE);
    // CI kept the XML files but not binary/
    Path xmlOnly = copy("gradle-testng", "TEST-com.example.scheduler.SchedulerTest.xml");
    assertThat(ReportLayout.detect(xmlOnly, List.of(xmlOnly.resolve("TEST-com.example.scheduler.SchedulerTest.xml")))).isEqualTo(ReportLayout.GRADLE);
    Path surefire = copy("surefire-nested", "TEST-com.example.ledger.LedgerTest.xml", "com.example.ledger.LedgerTest.txt");
    assertThat(ReportLayout.detect(surefire, List.of(surefire.resolve("TEST-com.example.ledger.LedgerTest.xml")))).isEqualTo(ReportLayout.SUREFIRE);
    assertThat(ReportLayout.detect(tmp.resolve("missing"), List.of())).isEqualTo(ReportLayout.SUREFIRE);
    // pytest's --junitxml has hostname and timestamp too, on a <testsuite> inside <testsuites>
    Path pytest = Files.createDirectories(tmp.resolve("pytest"));
    try (InputStream in = getClass().getResourceAsStream("/junit/pytest-junit.xml")) {
      Files.copy(in, pytest.resolve("TEST-test_junit.xml"));
    }
    assertThat(ReportLayout.detect(pytest, List.of(pytest.resolve("TEST-test_junit.xml")))).isEqualTo(ReportLayout.SUREFIRE);
  }

  @Test
  void junit4ParameterizedRowsAndEscapedNamesAreFoundInGradlesReports() throws Exception {
    Path dir = copy("gradle-junit4", GRADLE_JUNIT4);
    CrashRecord parses = crash("com.example.parser.ParserTest#parses[1]", "SIGSEGV", Map.of("framework", "junit4"));
    CrashRecord label = crash("com.example.vault.AuditTest$Labels#prints[1: ]]> \"q\" 'a']", "SIGSEGV", Map.of("framework", "junit4"));

    assertThat(new JUnitXmlReport().addCrash(dir, parses, null)).isTrue();
    assertThat(new JUnitXmlReport().addCrash(dir, label, null)).isTrue();

    assertThat(reports(dir)).hasSize(5);
    Document parser = parse(dir.resolve("TEST-com.example.parser.ParserTest.xml"));
    assertThat(testcase(parser, "com.example.parser.ParserTest", "parses[1]").getElementsByTagName("error").getLength()).isEqualTo(1);
    assertCountsMatchTestcases(parser);
    Document labels = parse(dir.resolve("TEST-com.example.vault.AuditTest$Labels.xml"));
    Element row = testcase(labels, "com.example.vault.AuditTest$Labels", "prints[1: ]]> \"q\" 'a']");
    assertThat(row.getElementsByTagName("skipped").getLength()).isZero();
    assertThat(row.getElementsByTagName("error").getLength()).isEqualTo(1);
    assertThat(labels.getElementsByTagName("testcase").getLength()).isEqualTo(3);
    assertCountsMatchTestcases(labels);
  }

  @Test
  void testNgDataProviderRowsAreNamedAsGradleNamesThem() throws Exception {
    Path dir = copy("gradle-testng", "TEST-com.example.scheduler.SchedulerTest.xml");
    // the agent's marker of a real SIGSEGV in this row under Gradle's Test worker
    CrashRecord row2 = crash("com.example.scheduler.SchedulerTest#schedules[2]", "SIGSEGV",
        Map.of("framework", "testng", "display_name", "schedules[12:30, 90, 14:00](2)", "test_class", "com.example.scheduler.SchedulerTest"));

    assertThat(new JUnitXmlReport().addCrash(dir, row2, null)).isTrue();

    assertThat(reports(dir)).containsExactly("TEST-com.example.scheduler.SchedulerTest.xml");
    Document doc = parse(dir.resolve("TEST-com.example.scheduler.SchedulerTest.xml"));
    Element row = testcase(doc, "com.example.scheduler.SchedulerTest", "schedules[1](12:30, 90, 14:00)");
    assertThat(row.getElementsByTagName("skipped").getLength()).isZero();
    assertThat(row.getElementsByTagName("error").getLength()).isEqualTo(1);
    assertThat(doc.getElementsByTagName("testcase").getLength()).isEqualTo(4);
    assertCountsMatchTestcases(doc);
  }

  @Test
  void everythingIsEscapedInAFileCreatedInGradlesLayout() throws Exception {
    Path dir = copy("gradle-crashed", "binary/output.bin", "binary/output.bin.idx");
    String name = "t[<script>alert(\"x\")</script> ]]> & \u0007\u001b \ud83d\ude00 \u65e5\u672c]";
    CrashRecord crash = crash("com.example.Odd#" + name, "SIGSEGV <in> ]]> \u0000", Map.of("framework", "junit4"));

    assertThat(new JUnitXmlReport().addCrash(dir, crash, null)).isTrue();

    Document doc = parse(dir.resolve("TEST-com.example.Odd.xml"));
    Element test = testcase(doc, "com.example.Odd", "t[<script>alert(\"x\")</script> ]]> & \\u0007\\u001b \ud83d\ude00 \u65e5\u672c]");
    assertThat(test.getElementsByTagName("error").item(0).getTextContent()).isEqualTo("SIGSEGV <in> ]]> \\u0000");
    assertThat(new JUnitXmlReport().addCrash(dir, crash, null)).isFalse();
  }

  @Test
  void aBrokenReportOfAnotherClassIsLeftAloneButOneThatMayHoldTheTestIsBadInput() throws Exception {
    Path dir = copy("surefire-nested", "TEST-com.example.ledger.LedgerTest.xml", "com.example.ledger.LedgerTest.txt", "crashes.jsonl");
    CrashRecord crash = new CrashLog(dir.resolve("crashes.jsonl")).read().get(0);
    byte[] torn = "<testsuite name=\"com.example.Other\"><testcase name=\"\u00ff".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    Files.write(dir.resolve("TEST-com.example.Other.xml"), torn);

    assertThat(new JUnitXmlReport().addCrash(dir, crash, null)).isTrue();
    assertThat(Files.readAllBytes(dir.resolve("TEST-com.example.Other.xml"))).isEqualTo(torn);

    Files.writeString(dir.resolve("TEST-com.example.Suite.xml"), "<testsuite><testcase classname=\"com.example.ledger.LedgerTest$Quarterly\"");
    CrashRecord other = crash("com.example.ledger.LedgerTest$Quarterly#closes", "r", Map.of());
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new JUnitXmlReport().addCrash(dir, other, null))
        .isInstanceOf(io.testabort.crash.BadInputException.class).hasMessageContaining("TEST-com.example.Suite.xml");
  }

  // what 'run' left before this fix: run 1 created a file of its own for the nested class, which Surefire
  // never rewrites, so run 2's patch found the crash "already shown" and the skipped entry stayed
  @Test
  void aCrashWrittenToAFileOfItsOwnInAnEarlierRunMovesToTheSkippedEntryOfALaterRun() throws Exception {
    Path dir = copy("surefire-nested", "TEST-com.example.ledger.LedgerTest.xml", "com.example.ledger.LedgerTest.txt", "crashes.jsonl");
    Files.copy(copy("surefire-nested-run1", "TEST-com.example.ledger.LedgerTest$Quarterly.xml").resolve("TEST-com.example.ledger.LedgerTest$Quarterly.xml"),
        dir.resolve("TEST-com.example.ledger.LedgerTest$Quarterly.xml"));
    CrashRecord crash = new CrashLog(dir.resolve("crashes.jsonl")).read().get(0);

    assertThat(new JUnitXmlReport().addCrash(dir, crash, null)).isTrue();

    assertThat(reports(dir)).containsExactly("TEST-com.example.ledger.LedgerTest.xml");
    Document doc = parse(dir.resolve("TEST-com.example.ledger.LedgerTest.xml"));
    assertThat(testcase(doc, "com.example.ledger.LedgerTest$Quarterly", "files").getElementsByTagName("error").getLength()).isEqualTo(1);
    assertCountsMatchTestcases(doc);
    assertThat(new JUnitXmlReport().addCrash(dir, crash, null)).isFalse();
  }

  // a JUnit 4 class that died in @BeforeClass: Surefire writes the class skipped as a whole in the rerun as
  // a test case named "", which stayed beside the crash written under the class's name
  @Test
  void aClassThatCrashedAsAWholeReplacesSurefiresClassLevelSkip() throws Exception {
    Path dir = copy("surefire-junit4-class", "TEST-com.example.parser.ParserTest.xml", "com.example.parser.ParserTest.txt", "crashes.jsonl");
    CrashRecord crash = new CrashLog(dir.resolve("crashes.jsonl")).read().get(0);
    Path file = dir.resolve("TEST-com.example.parser.ParserTest.xml");

    assertThat(new JUnitXmlReport().addCrash(dir, crash, null)).isTrue();

    Document doc = parse(file);
    assertThat(doc.getElementsByTagName("testcase").getLength()).isEqualTo(1);
    Element classLevel = testcase(doc, "com.example.parser.ParserTest", "");
    assertThat(classLevel.getElementsByTagName("skipped").getLength()).isZero();
    assertThat(classLevel.getElementsByTagName("error").getLength()).isEqualTo(1);
    assertCountsMatchTestcases(doc);
    assertThat(new JUnitXmlReport().addCrash(dir, crash, null)).isFalse();

    // a file this tool wrote before, the test case under the class's name, is recognised as the crash
    Path earlier = Files.createDirectories(tmp.resolve("earlier"));
    Files.writeString(earlier.resolve("TEST-com.example.parser.ParserTest.xml"), Files.readString(file)
        .replace("<testcase name=\"\"", "<testcase name=\"com.example.parser.ParserTest\""));
    assertThat(new JUnitXmlReport().patch(earlier, crash, null, true)).isEqualTo(JUnitXmlReport.Outcome.OURS);
  }
}
