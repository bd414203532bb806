package io.testabort.reports.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.testabort.crash.BadInputException;
import io.testabort.crash.CrashRecord;
import io.testabort.crash.JavaProcesses;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class JUnitXmlReportTest {
  @TempDir Path tmp;

  static CrashRecord crash(String nodeid, String reason, Map<String, Object> extra) {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("nodeid", nodeid);
    f.put("reason", reason);
    f.put("duration", 2.5);
    f.putAll(extra);
    return CrashRecord.of(f);
  }

  Path copyResource(String name, String as) throws Exception {
    try (InputStream in = getClass().getResourceAsStream("/junit/" + name)) {
      Path dir = Files.createDirectories(tmp.resolve("reports"));
      Files.copy(in, dir.resolve(as));
      return dir.resolve(as);
    }
  }

  static Document parse(Path file) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return f.newDocumentBuilder().parse(file.toFile());
  }

  static Element testcase(Document doc, String classname, String name) {
    NodeList cases = doc.getElementsByTagName("testcase");
    for (int i = 0; i < cases.getLength(); i++) {
      Element e = (Element) cases.item(i);
      if (e.getAttribute("classname").equals(classname) && e.getAttribute("name").equals(name)) {
        return e;
      }
    }
    return null;
  }

  @Test
  void createsAWellFormedReportWithEverythingEscaped() throws Exception {
    Path hsErr = JavaProcesses.crash(JavaProcesses.currentJava(), tmp, "segv");
    String reason = "SIGSEGV in C [libx.so+0x1] <f>&\"g\" ]]> \u0007\u001b[31m \udce9 \ud83d\ude00 \u2028\ufeff";
    Path dir = tmp.resolve("junit");
    assertThat(new JUnitXmlReport().addCrash(dir, crash("com.x.Calc$Inner#divides[2]", reason, Map.of("signal", "SIGSEGV", "error_file", hsErr.toString())), null)).isTrue();

    Path file = dir.resolve("TEST-com.x.Calc$Inner.xml");
    Document doc = parse(file);
    Element suite = doc.getDocumentElement();
    assertThat(suite.getAttribute("tests")).isEqualTo("1");
    assertThat(suite.getAttribute("errors")).isEqualTo("1");
    Element test = testcase(doc, "com.x.Calc$Inner", "divides[2]");
    Element error = (Element) test.getElementsByTagName("error").item(0);
    String expected = "SIGSEGV in C [libx.so+0x1] <f>&\"g\" ]]> \\u0007\\u001b[31m \\udce9 \ud83d\ude00 \u2028\ufeff";
    assertThat(error.getAttribute("type")).isEqualTo("SIGSEGV");
    assertThat(error.getAttribute("message")).isEqualTo(expected);
    assertThat(error.getTextContent()).isEqualTo(expected);
    assertThat(test.getElementsByTagName("system-err").item(0).getTextContent()).startsWith("#\n# A fatal error has been detected").contains("SIGSEGV")
        .contains("j  jdk.internal.misc.Unsafe.putLong(").endsWith("Full log: " + hsErr + "\n");
  }

  @Test
  void addsANewTestToARealSurefireReportSplicingOnlyWhatChanges() throws Exception {
    Path file = copyResource("TEST-com.example.CalcTest.xml", "TEST-com.example.CalcTest.xml");
    String before = Files.readString(file);
    CrashRecord crash = crash("com.example.CalcTest#divides[4]", "killed by SIGKILL (exit 137)",
        Map.of("unique_id", "[engine:junit-jupiter]/[class:com.example.CalcTest]/[test-template:divides(int, java.lang.String)]/[test-template-invocation:#4]"));
    assertThat(new JUnitXmlReport().addCrash(file.getParent(), crash, null)).isTrue();

    String after = Files.readString(file);
    String added = "  <testcase name=\"divides(int, String)[4]\" classname=\"com.example.CalcTest\" time=\"2.500\">\n"
        + "    <error message=\"killed by SIGKILL (exit 137)\" type=\"crash\">killed by SIGKILL (exit 137)</error>\n"
        + "  </testcase>\n";
    // the counts become those of the test cases (Surefire wrote tests="0" for a class with a @Nested class)
    String expected = before.replace(" tests=\"0\" errors=\"0\" skipped=\"0\" failures=\"0\"", " tests=\"8\" errors=\"2\" skipped=\"1\" failures=\"1\"")
        .replace("</testsuite>", added + "</testsuite>");
    assertThat(after).isEqualTo(expected);
    parse(file);

    assertThat(new JUnitXmlReport().addCrash(file.getParent(), crash, null)).isFalse();
    assertThat(Files.readString(file)).isEqualTo(after);
  }

  @Test
  void aDynamicTestIsNamedAsSurefireNamesItSoTheRerunsSkippedEntryBecomesTheCrash() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("reports"));
    // the rerun's report: Surefire's name for dynamic test 1 of container 2 of @TestFactory entries()
    Files.writeString(dir.resolve("TEST-com.example.LedgerTest.xml"), "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        + "<testsuite xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
        + "xsi:noNamespaceSchemaLocation=\"https://maven.apache.org/surefire/maven-surefire-plugin/xsd/surefire-test-report.xsd\" "
        + "name=\"com.example.LedgerTest\" time=\"0.1\" tests=\"1\" errors=\"0\" skipped=\"1\" failures=\"0\">\n"
        + "  <testcase name=\"entries()[2][1]\" classname=\"com.example.LedgerTest\" time=\"0\">\n"
        + "    <skipped message=\"crashed in an earlier run\"/>\n  </testcase>\n</testsuite>\n");
    CrashRecord crash = crash("com.example.LedgerTest#entries[2][1]", "SIGABRT", Map.of("unique_id",
        "[engine:junit-jupiter]/[class:com.example.LedgerTest]/[test-factory:entries()]/[dynamic-container:#2]/[dynamic-test:#1]"));

    assertThat(new JUnitXmlReport().addCrash(dir, crash, null)).isTrue();

    Document doc = parse(dir.resolve("TEST-com.example.LedgerTest.xml"));
    assertThat(doc.getElementsByTagName("testcase").getLength()).isEqualTo(1);
    Element test = testcase(doc, "com.example.LedgerTest", "entries()[2][1]");
    assertThat(test.getElementsByTagName("skipped").getLength()).isZero();
    assertThat(test.getElementsByTagName("error").getLength()).isEqualTo(1);
  }

  @Test
  void replacesTheSkippedEntryOfALaterRunAndKeepsRealFailures() throws Exception {
    Path file = copyResource("TEST-com.example.CalcTest.xml", "TEST-com.example.CalcTest.xml");
    String before = Files.readString(file);
    assertThat(new JUnitXmlReport().addCrash(file.getParent(), crash("com.example.CalcTest#crashes", "timeout after 600 s", Map.of()), null)).isTrue();
    Document doc = parse(file);
    Element test = testcase(doc, "com.example.CalcTest", "crashes");
    assertThat(test.getElementsByTagName("skipped").getLength()).isZero();
    assertThat(test.getElementsByTagName("error").item(0).getTextContent()).isEqualTo("timeout after 600 s");
    assertThat(doc.getElementsByTagName("testcase").getLength()).isEqualTo(7);
    assertThat(doc.getDocumentElement().getAttribute("tests")).isEqualTo("7");
    assertThat(doc.getDocumentElement().getAttribute("errors")).isEqualTo("2");
    assertThat(doc.getDocumentElement().getAttribute("skipped")).isEqualTo("0");

    // an existing error of the same test is not overwritten
    String patched = Files.readString(file);
    CrashRecord same = crash("com.example.CalcTest#divides[2]", "r",
        Map.of("unique_id", "[engine:junit-jupiter]/[class:com.example.CalcTest]/[test-template:divides(int, int)]/[test-template-invocation:#2]"));
    assertThat(new JUnitXmlReport().addCrash(file.getParent(), same, null)).isFalse();
    assertThat(Files.readString(file)).isEqualTo(patched).isNotEqualTo(before);
  }

  @Test
  void patchesAOneLinePytestReport() throws Exception {
    Path file = copyResource("pytest-junit.xml", "TEST-test_junit.xml");
    assertThat(new JUnitXmlReport().addCrash(file.getParent(), crash("test_crashed", "Test crashed (segfault, abort, or fatal error)", Map.of()), "test_junit"))
        .isTrue();
    Document doc = parse(file);
    Element suite = (Element) doc.getElementsByTagName("testsuite").item(0);
    assertThat(suite.getAttribute("tests")).isEqualTo("5");
    assertThat(suite.getAttribute("skipped")).isEqualTo("0");
    assertThat(suite.getAttribute("errors")).isEqualTo("1");
    assertThat(testcase(doc, "test_junit", "test_crashed").getElementsByTagName("error").getLength()).isEqualTo(1);
    assertThat(doc.getDocumentElement().hasAttribute("tests")).isFalse();

    assertThat(new JUnitXmlReport().addCrash(file.getParent(), crash("test_junit.py::TestGroup::test_new", "r", Map.of()), null)).isTrue();
    // the class already has test cases in the module's report: the new one joins them there
    assertThat(file.resolveSibling("TEST-test_junit.TestGroup.xml")).doesNotExist();
    assertThat(testcase(parse(file), "test_junit.TestGroup", "test_new")).isNotNull();
  }

  @Test
  void reopensAnEmptySuite() throws Exception {
    Path file = copyResource("pytest-junit-empty.xml", "TEST-test_empty.xml");
    assertThat(new JUnitXmlReport().addCrash(file.getParent(), crash("test_empty.py::test_gone", "r", Map.of()), null)).isTrue();
    Document doc = parse(file);
    Element suite = (Element) doc.getElementsByTagName("testsuite").item(0);
    assertThat(suite.getAttribute("tests")).isEqualTo("1");
    assertThat(suite.getAttribute("errors")).isEqualTo("1");
    assertThat(suite.getAttribute("hostname")).isEqualTo("vm");
    assertThat(testcase(doc, "test_empty", "test_gone")).isNotNull();
  }

  @Test
  void refusesWhatIsNotAJUnitReport() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("reports"));
    for (String bad : new String[] {"", "<testsuite><testcase></testsuite>", "<html><body/></html>",
        "<?xml version=\"1.0\"?><!DOCTYPE t [<!ENTITY a \"aaaa\">]><testsuite>&a;</testsuite>"}) {
      Path file = Files.writeString(dir.resolve("TEST-com.x.A.xml"), bad);
      assertThatThrownBy(() -> new JUnitXmlReport().addCrash(dir, crash("com.x.A#m", "r", Map.of()), null))
          .as(bad).isInstanceOf(BadInputException.class).hasMessageContaining(file.toString());
      assertThat(Files.readString(file)).isEqualTo(bad);
    }
    Path notDir = Files.writeString(tmp.resolve("file"), "x");
    assertThatThrownBy(() -> new JUnitXmlReport().addCrash(notDir, crash("com.x.A#m", "r", Map.of()), null)).isInstanceOf(BadInputException.class);
  }

  @Test
  void testNgInvocationsAreNamedAsSurefiresTestNgProviderNamesThem() throws Exception {
    Path file = copyResource("TEST-com.example.scheduler.SchedulerTest.xml", "TEST-com.example.scheduler.SchedulerTest.xml");
    byte[] before = Files.readAllBytes(file);
    CrashRecord row2 = crash("com.example.scheduler.SchedulerTest#schedules[2]", "killed by SIGKILL (exit 137)",
        Map.of("framework", "testng", "display_name", "schedules[12:30, 90, 14:00](2)"));

    // Surefire reported the row as passed: the crash names the very same test case, so nothing changes
    assertThat(new JUnitXmlReport().addCrash(file.getParent(), row2, null)).isFalse();
    assertThat(Files.readAllBytes(file)).isEqualTo(before);

    Path fresh = tmp.resolve("fresh");
    assertThat(new JUnitXmlReport().addCrash(fresh, row2, null)).isTrue();
    assertThat(testcase(parse(fresh.resolve("TEST-com.example.scheduler.SchedulerTest.xml")),
        "com.example.scheduler.SchedulerTest", "schedules[12:30, 90, 14:00](2)")).isNotNull();
  }

  // a clock set back between the test's start and the crash, or Python's NaN: Surefire's schema takes
  // neither as a time
  @Test
  void aNegativeOrNonNumericDurationIsWrittenAsZero() throws Exception {
    for (Object duration : List.of(-3.0, Double.NaN)) {
      Path reports = Files.createDirectories(tmp.resolve("r" + duration));
      new JUnitXmlReport().addCrash(reports, crash("com.x.T#t", "boom", Map.of("duration", duration)), null);
      Document doc = parse(reports.resolve("TEST-com.x.T.xml"));
      assertThat(testcase(doc, "com.x.T", "t").getAttribute("time")).isEqualTo("0.000");
      assertThat(doc.getDocumentElement().getAttribute("time")).isEqualTo("0.000");
    }
  }
}
