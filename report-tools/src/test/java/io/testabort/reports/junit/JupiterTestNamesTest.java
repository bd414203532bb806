package io.testabort.reports.junit;

import static io.testabort.reports.junit.JUnitXmlLayoutTest.assertCountsMatchTestcases;
import static io.testabort.reports.junit.JUnitXmlLayoutTest.reports;
import static io.testabort.reports.junit.JUnitXmlReportTest.crash;
import static io.testabort.reports.junit.JUnitXmlReportTest.parse;
import static io.testabort.reports.junit.JUnitXmlReportTest.testcase;
import static org.assertj.core.api.Assertions.assertThat;

import io.testabort.crash.CrashLog;
import io.testabort.crash.CrashRecord;
import io.testabort.reports.pytest.NodeId;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * A JUnit Jupiter test as each tool names it in JUnit XML (Surefire, the console launcher, Gradle), so that a
 * crash patched in finds the test case its tool wrote; the reports are real ones (resources/junit/README.md).
 */
class JupiterTestNamesTest {
  @TempDir Path tmp;

  private static final String LEDGER = "com.example.ledger.LedgerTest";
  private static final String PARAMS = "com.example.params.ParamsTest";
  private static final String[] LAUNCHER_FILES = {
    "TEST-junit-jupiter.xml", "TEST-junit-platform-suite.xml", "TEST-junit-vintage.xml", "crashes.jsonl"
  };

  Path copy(String name, String... files) throws Exception {
    Path dir = Files.createDirectories(tmp.resolve(name));
    for (String f : files) {
      try (InputStream in = getClass().getResourceAsStream("/junit/" + name + "/" + f)) {
        Files.copy(in, dir.resolve(f));
      }
    }
    return dir;
  }

  private static CrashRecord jupiter(String nodeid, String uniqueId, String displayName) {
    return crash(nodeid, "killed by SIGKILL (exit 137)",
        Map.of("framework", "junit-jupiter", "unique_id", uniqueId, "display_name", displayName));
  }

  private static TestName name(CrashRecord crash, ReportLayout layout) {
    return TestName.of(crash, null, layout);
  }

  @Test
  void eachToolsNameForAPlainMethodAMethodWithParametersAndAnInvocation() {
    CrashRecord plain = jupiter(LEDGER + "#posts", "[engine:junit-jupiter]/[class:" + LEDGER + "]/[method:posts()]", "posts()");
    CrashRecord injected = jupiter(PARAMS + "#injected",
        "[engine:junit-jupiter]/[class:" + PARAMS + "]/[method:injected(org.junit.jupiter.api.TestInfo, org.junit.jupiter.api.TestReporter)]",
        "injected(TestInfo, TestReporter)");
    CrashRecord row = jupiter(PARAMS + "#arrays[2]",
        "[engine:junit-jupiter]/[class:" + PARAMS + "]/[test-template:arrays(%5BLjava.lang.String;)]/[test-template-invocation:#2]",
        "[2] [b]");

    assertThat(name(plain, ReportLayout.SUREFIRE).name).isEqualTo("posts");
    assertThat(name(plain, ReportLayout.PLATFORM).name).isEqualTo("posts()");
    assertThat(name(plain, ReportLayout.GRADLE).name).isEqualTo("posts()");
    assertThat(name(injected, ReportLayout.SUREFIRE).name).isEqualTo("injected(TestInfo, TestReporter)");
    assertThat(name(injected, ReportLayout.PLATFORM).name).isEqualTo("injected(TestInfo, TestReporter)");
    assertThat(name(row, ReportLayout.SUREFIRE).name).isEqualTo("arrays(String[])[2]");
    assertThat(name(row, ReportLayout.PLATFORM).name).isEqualTo("arrays(String[])[2]");
    // Gradle's XML writer names a test by its display name
    assertThat(name(row, ReportLayout.GRADLE).name).isEqualTo("[2] [b]");
    // and any of them is the same test, whichever tool wrote the report
    for (ReportLayout layout : ReportLayout.values()) {
      assertThat(name(plain, layout).isNamed(LEDGER, "posts")).isTrue();
      assertThat(name(plain, layout).isNamed(LEDGER, "posts()")).isTrue();
      assertThat(name(plain, layout).isNamed(LEDGER + "$Quarterly", "posts()")).isFalse();
      assertThat(name(row, layout).isNamed(PARAMS, "arrays(String[])[2]")).isTrue();
      assertThat(name(row, layout).isNamed(PARAMS, "arrays(String[])[1]")).isFalse();
    }
  }

  @Test
  void arrayAndNestedParameterTypesAreWrittenBySimpleName() {
    assertThat(TestName.simpleTypes("%5BI, %5B%5BLjava.lang.String;, java.util.Map$Entry, %5BZ")).isEqualTo("int[], String[][], Entry, boolean[]");
    assertThat(TestName.simpleTypes("")).isEmpty();
  }

  @Test
  void aTestRecordedWithoutAUniqueIdKeepsItsNodeIdsName() {
    TestName t = TestName.of(NodeId.of(LEDGER + "#posts", null), "", null, null, ReportLayout.PLATFORM);
    assertThat(t.name).isEqualTo("posts");
  }

  // Surefire writes a method with parameters (TestInfo, @TempDir, ...) with them: a crash of such a test
  // that the report already shows was added again under the bare method name
  @Test
  void surefiresNamesOfMethodsWithParametersAreFound() throws Exception {
    Path dir = copy("surefire-parameters", "TEST-com.example.params.ParamsTest.xml");
    Path file = dir.resolve("TEST-com.example.params.ParamsTest.xml");
    String before = Files.readString(file);
    CrashRecord injected = jupiter(PARAMS + "#injected",
        "[engine:junit-jupiter]/[class:" + PARAMS + "]/[method:injected(org.junit.jupiter.api.TestInfo, org.junit.jupiter.api.TestReporter)]",
        "injected(TestInfo, TestReporter)");
    CrashRecord row = jupiter(PARAMS + "#arrays[2]",
        "[engine:junit-jupiter]/[class:" + PARAMS + "]/[test-template:arrays(%5BLjava.lang.String;)]/[test-template-invocation:#2]",
        "[2] [b]");

    assertThat(new JUnitXmlReport().patch(dir, injected, null, true)).isEqualTo(JUnitXmlReport.Outcome.TOOLS);
    assertThat(new JUnitXmlReport().patch(dir, row, null, true)).isEqualTo(JUnitXmlReport.Outcome.TOOLS);
    assertThat(Files.readString(file)).isEqualTo(before);

    CrashRecord absent = jupiter(PARAMS + "#reads",
        "[engine:junit-jupiter]/[class:" + PARAMS + "]/[method:reads(java.nio.file.Path)]", "reads(Path)");
    assertThat(new JUnitXmlReport().addCrash(dir, absent, null)).isTrue();
    Document doc = parse(file);
    assertThat(testcase(doc, PARAMS, "reads(Path)").getElementsByTagName("error").getLength()).isEqualTo(1);
    assertCountsMatchTestcases(doc);
  }

  // the console launcher names a plain method posts(): the crash went in as "posts" beside the skipped
  // "posts()" of the rerun, and the test counted twice
  @Test
  void theConsoleLaunchersSkippedEntryOfTheCrashedTestBecomesTheCrash() throws Exception {
    Path dir = copy("platform-launcher", LAUNCHER_FILES);
    CrashRecord crash = new CrashLog(dir.resolve("crashes.jsonl")).read().get(0);
    Path file = dir.resolve("TEST-junit-jupiter.xml");

    assertThat(new JUnitXmlReport().addCrash(dir, crash, null)).isTrue();

    assertThat(reports(dir)).containsExactly("TEST-junit-jupiter.xml", "TEST-junit-platform-suite.xml", "TEST-junit-vintage.xml");
    Document doc = parse(file);
    assertThat(doc.getElementsByTagName("testcase").getLength()).isEqualTo(15);
    Element posts = testcase(doc, LEDGER, "posts()");
    assertThat(posts.getElementsByTagName("skipped").getLength()).isZero();
    assertThat(posts.getElementsByTagName("error").item(0).getTextContent()).startsWith("SIGSEGV");
    assertThat(testcase(doc, LEDGER, "posts")).isNull();
    assertCountsMatchTestcases(doc);

    String patched = Files.readString(file);
    assertThat(new JUnitXmlReport().addCrash(dir, crash, null)).isFalse();
    assertThat(Files.readString(file)).isEqualTo(patched);
  }

  // what the crashed run left (the suite engine's file only): the crash goes into the Jupiter engine's
  // file, shaped as the launcher writes one, and the rerun's skipped entry then takes its place
  @Test
  void aCrashUnderTheConsoleLauncherGoesIntoItsEnginesFileAndMovesToTheRerunsEntry() throws Exception {
    Path crashed = copy("platform-launcher-crashed", "TEST-junit-platform-suite.xml");
    Path log = copy("platform-launcher", LAUNCHER_FILES);
    CrashRecord crash = new CrashLog(log.resolve("crashes.jsonl")).read().get(0);

    assertThat(new JUnitXmlReport().addCrash(crashed, crash, null)).isTrue();

    assertThat(reports(crashed)).containsExactly("TEST-junit-jupiter.xml", "TEST-junit-platform-suite.xml");
    Path file = crashed.resolve("TEST-junit-jupiter.xml");
    Document doc = parse(file);
    assertThat(doc.getDocumentElement().getAttribute("name")).isEqualTo("JUnit Jupiter");
    assertThat(doc.getDocumentElement().getAttribute("hostname")).isNotEmpty();
    Element posts = testcase(doc, LEDGER, "posts()");
    assertThat(posts.getElementsByTagName("system-out").item(0).getTextContent())
        .contains("unique-id: [engine:junit-jupiter]/[class:" + LEDGER + "]/[method:posts()]\n");
    assertCountsMatchTestcases(doc);

    // the rerun, the crashed test skipped, writes the engine's file anew
    Files.copy(log.resolve("TEST-junit-jupiter.xml"), file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    assertThat(new JUnitXmlReport().addCrash(crashed, crash, null)).isTrue();
    doc = parse(file);
    assertThat(doc.getElementsByTagName("testcase").getLength()).isEqualTo(15);
    assertThat(testcase(doc, LEDGER, "posts()").getElementsByTagName("error").getLength()).isEqualTo(1);
    assertCountsMatchTestcases(doc);
  }

  // found by its unique id, whatever its name: here the launcher's entry renamed in the copy, as a launcher
  // that named tests otherwise would have written it
  @Test
  void theLaunchersUniqueIdLineIdentifiesATestCase() throws Exception {
    Path dir = copy("platform-launcher", LAUNCHER_FILES);
    CrashRecord crash = new CrashLog(dir.resolve("crashes.jsonl")).read().get(0);
    Path file = dir.resolve("TEST-junit-jupiter.xml");
    Files.writeString(file, Files.readString(file).replace("<testcase name=\"posts()\"", "<testcase name=\"Posts a sum\""));

    assertThat(new JUnitXmlReport().addCrash(dir, crash, null)).isTrue();

    Document doc = parse(file);
    assertThat(doc.getElementsByTagName("testcase").getLength()).isEqualTo(15);
    assertThat(testcase(doc, LEDGER, "posts()").getElementsByTagName("error").getLength()).isEqualTo(1);
    assertThat(testcase(doc, LEDGER, "Posts a sum")).isNull();
  }

  // Gradle's XML writer names a Jupiter test by its display name
  @Test
  void aJupiterCrashInGradlesLayoutIsNamedByItsDisplayName() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("gradle/binary"));
    Files.write(dir.resolve("output.bin"), new byte[0]);
    Path results = dir.getParent();
    CrashRecord row = jupiter(LEDGER + "#reconciles[2]",
        "[engine:junit-jupiter]/[class:" + LEDGER + "]/[test-template:reconciles(int, int)]/[test-template-invocation:#2]",
        "[2] 5 + 7 <&>");

    assertThat(new JUnitXmlReport().addCrash(results, row, null)).isTrue();

    Document doc = parse(results.resolve("TEST-" + LEDGER + ".xml"));
    assertThat(testcase(doc, LEDGER, "[2] 5 + 7 <&>")).isNotNull();
    assertThat(new JUnitXmlReport().addCrash(results, row, null)).isFalse();
  }

  // a @ParameterizedClass's invocations have test cases of one name: the unique id picks the one that crashed
  @Test
  void theInvocationOfAParameterizedClassThatCrashedIsFoundByItsUniqueId() throws Exception {
    Path dir = copy("platform-launcher-class-template", "TEST-junit-jupiter.xml", "crashes.jsonl");
    CrashRecord crash = new CrashLog(dir.resolve("crashes.jsonl")).read().get(0);
    assertThat(crash.nodeid()).isEqualTo("acme.AccountTest#deposits[2]");

    assertThat(new JUnitXmlReport().addCrash(dir, crash, null)).isTrue();

    Document doc = parse(dir.resolve("TEST-junit-jupiter.xml"));
    org.w3c.dom.NodeList cases = doc.getElementsByTagName("testcase");
    int deposits = 0;
    for (int i = 0; i < cases.getLength(); i++) {
      Element c = (Element) cases.item(i);
      if (c.getAttribute("name").equals("deposits()")) {
        deposits++;
        boolean second = c.getElementsByTagName("system-out").item(0).getTextContent().contains("[class-template-invocation:#2]");
        assertThat(c.getElementsByTagName("error").getLength()).isEqualTo(second ? 1 : 0);
        assertThat(c.getElementsByTagName("skipped").getLength()).isZero();
      }
    }
    assertThat(deposits).isEqualTo(3);
    assertCountsMatchTestcases(doc);
  }

  // Surefire names the class of a @ParameterizedClass invocation acme.AccountTest[2]: under the plain
  // class name the crash matched nothing there and was added beside the rerun's skipped entry
  @Test
  void surefiresClassOfAParameterizedClassInvocationCarriesItsIndex() throws Exception {
    Path dir = copy("surefire-class-template", "TEST-acme.AccountTest.xml", "acme.AccountTest.txt", "crashes.jsonl");
    CrashRecord crash = new CrashLog(dir.resolve("crashes.jsonl")).read().get(0);

    assertThat(new JUnitXmlReport().addCrash(dir, crash, null)).isTrue();

    assertThat(reports(dir)).containsExactly("TEST-acme.AccountTest.xml");
    Document doc = parse(dir.resolve("TEST-acme.AccountTest.xml"));
    assertThat(testcase(doc, "acme.AccountTest[2]", "deposits").getElementsByTagName("error").getLength()).isEqualTo(1);
    assertThat(testcase(doc, "acme.AccountTest[1]", "deposits").getElementsByTagName("error").getLength()).isZero();
    assertThat(doc.getElementsByTagName("testcase").getLength()).isEqualTo(12);
    assertCountsMatchTestcases(doc);

    // with no report yet, the crash goes into the class's own file, named as Surefire names it
    Path empty = Files.createDirectories(tmp.resolve("empty"));
    assertThat(new JUnitXmlReport().addCrash(empty, crash, null)).isTrue();
    assertThat(reports(empty)).containsExactly("TEST-acme.AccountTest.xml");
    assertThat(testcase(parse(empty.resolve("TEST-acme.AccountTest.xml")), "acme.AccountTest[2]", "deposits")).isNotNull();
  }
}
