package io.testabort.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The JUnit 4 and TestNG example suites as users' own Gradle projects, set up with README.md's Groovy block
 * and run by Debian's Gradle 4.4.1: a crash kills Gradle's {@code Test worker}, Gradle names only its
 * executor, and writes no XML for the run. The agent's marker names the test; {@code postprocess} adds it
 * to {@code build/test-results/test} named as Gradle names it, and after a rerun that skips it, replaces
 * Gradle's {@code <skipped/>} entry.
 */
class GradleIT {
  private static final String PARSER = "com.example.parser.ParserTest";
  private static final String SCHEDULER = "com.example.scheduler.SchedulerTest";

  @BeforeAll
  static void gradleIsInstalled() {
    Assumptions.assumeTrue(GradleProject.gradle() != null,
        "gradle is not installed (Debian package 'gradle'): GradleIT skipped; on CI this fails");
  }

  @Test
  void junit4SigkillInTheTestWorkerIsNamedAndPatchedIntoGradlesReports(@TempDir Path dir) throws Exception {
    Path project = GradleProject.JUNIT4.create(dir.resolve("junit4"));

    Jvm gradle = GradleProject.test(project, Map.of(), "-Dcrash.at=ParserTest#parses[1]", "-Dcrash.how=kill");

    assertThat(gradle.exitCode).as(gradle.toString()).isNotZero();
    assertThat(gradle.output).as(gradle.toString())
        .contains("Process 'Gradle Test Executor 1' finished with non-zero exit value 137")
        .doesNotContain("parses[1]");
    assertThat(Markers.only(project.resolve("build/test-abort")))
        .containsEntry("nodeid", PARSER + "#parses[1]")
        .containsEntry("framework", "junit4")
        .containsEntry("thread", "Test worker")
        .containsEntry("status", "running");

    Path results = project.resolve("build/test-results/test");
    Path crashLog = collectAndPostprocess(project, results);
    Document parser = parse(results.resolve("TEST-" + PARSER + ".xml"));
    assertThat(parser.getDocumentElement().getAttribute("hostname")).as("a file shaped as Gradle writes one").isNotEmpty();
    String reason = errorOf(parser, PARSER, "parses[1]");
    assertThat(reason).isNotEmpty();

    // the rerun skips the crashed row; Gradle rewrites the class's report with <skipped/>, which becomes the crash
    Jvm rerun = GradleProject.test(project, Map.of("TEST_ABORT_SKIP", crashLog.toString()));
    assertThat(rerun.exitCode).as(rerun.toString()).isZero();
    assertThat(skipped(parse(results.resolve("TEST-" + PARSER + ".xml")), PARSER, "parses[1]")).isTrue();
    postprocess(project, results, crashLog);
    parser = parse(results.resolve("TEST-" + PARSER + ".xml"));
    assertThat(skipped(parser, PARSER, "parses[1]")).isFalse();
    assertThat(errorOf(parser, PARSER, "parses[1]")).isEqualTo(reason);
    assertThat(testcases(parser)).isEqualTo(3);
    assertCounts(parser, 3, 1, 0);
  }

  @Test
  void testNgSegfaultInADataProviderRowIsNamedAsGradleNamesTheRow(@TempDir Path dir) throws Exception {
    Path project = GradleProject.TESTNG.create(dir.resolve("testng"));

    Jvm gradle = GradleProject.test(project, Map.of(), "-Dcrash.at=SchedulerTest#schedules[2]", "-Dcrash.how=segv");

    assertThat(gradle.exitCode).as(gradle.toString()).isNotZero();
    assertThat(gradle.output).as(gradle.toString())
        .contains("Process 'Gradle Test Executor 1' finished with non-zero exit value 134")
        .doesNotContain("schedules[");
    assertThat(Markers.only(project.resolve("build/test-abort")))
        .containsEntry("nodeid", SCHEDULER + "#schedules[2]")
        .containsEntry("framework", "testng")
        .containsEntry("thread", "Test worker");

    Path results = project.resolve("build/test-results/test");
    Path crashLog = collectAndPostprocess(project, results);
    // Gradle numbers data-provider rows from 0 and puts the arguments after them
    String row = "schedules[1](12:30, 90, 14:00)";
    assertThat(errorOf(parse(results.resolve("TEST-" + SCHEDULER + ".xml")), SCHEDULER, row)).contains("SIGSEGV");

    Jvm rerun = GradleProject.test(project, Map.of("TEST_ABORT_SKIP", crashLog.toString()));
    assertThat(rerun.exitCode).as(rerun.toString()).isZero();
    assertThat(skipped(parse(results.resolve("TEST-" + SCHEDULER + ".xml")), SCHEDULER, row)).as("Gradle's own name for the row").isTrue();
    postprocess(project, results, crashLog);
    Document scheduler = parse(results.resolve("TEST-" + SCHEDULER + ".xml"));
    assertThat(skipped(scheduler, SCHEDULER, row)).isFalse();
    assertThat(errorOf(scheduler, SCHEDULER, row)).contains("SIGSEGV");
    assertThat(testcases(scheduler)).isEqualTo(4);
    assertCounts(scheduler, 4, 1, 0);
  }

  /** {@code collect} the markers into a crash log, then {@code postprocess --junit-xml}; returns the log. */
  private static Path collectAndPostprocess(Path project, Path results) throws Exception {
    Path crashLog = project.resolve("build/test-abort/crashes.jsonl");
    Jvm collect = tools(project, "collect", "--marker-dir", project.resolve("build/test-abort").toString(), "--crash-log", crashLog.toString());
    assertThat(collect.exitCode).as(collect.toString()).isZero();
    postprocess(project, results, crashLog);
    return crashLog;
  }

  private static void postprocess(Path project, Path results, Path crashLog) throws Exception {
    Jvm postprocess = tools(project, "postprocess", "--crash-log", crashLog.toString(), "--junit-xml", results.toString());
    assertThat(postprocess.exitCode).as(postprocess.toString()).isZero();
  }

  private static Jvm tools(Path project, String... args) throws Exception {
    List<String> command = new java.util.ArrayList<>(List.of(Jdks.java(Jdks.current()), "-jar", Project.reportToolsJar().toString()));
    command.addAll(List.of(args));
    return Jvm.run(project.resolveSibling(project.getFileName() + "-tools"), Map.of(), command);
  }

  private static Document parse(Path file) throws Exception {
    assertThat(file).exists();
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return f.newDocumentBuilder().parse(file.toFile());
  }

  private static Element testcase(Document doc, String classname, String name) {
    NodeList cases = doc.getElementsByTagName("testcase");
    for (int i = 0; i < cases.getLength(); i++) {
      Element e = (Element) cases.item(i);
      if (e.getAttribute("classname").equals(classname) && e.getAttribute("name").equals(name)) {
        return e;
      }
    }
    throw new AssertionError("no testcase " + classname + " " + name);
  }

  private static String errorOf(Document doc, String classname, String name) {
    NodeList errors = testcase(doc, classname, name).getElementsByTagName("error");
    assertThat(errors.getLength()).as("errors of " + name).isEqualTo(1);
    return ((Element) errors.item(0)).getAttribute("message");
  }

  private static boolean skipped(Document doc, String classname, String name) {
    return testcase(doc, classname, name).getElementsByTagName("skipped").getLength() > 0;
  }

  private static int testcases(Document doc) {
    return doc.getElementsByTagName("testcase").getLength();
  }

  private static void assertCounts(Document doc, int tests, int errors, int skipped) {
    Element suite = doc.getDocumentElement();
    assertThat(suite.getAttribute("tests")).isEqualTo(String.valueOf(tests));
    assertThat(suite.getAttribute("errors")).isEqualTo(String.valueOf(errors));
    assertThat(suite.getAttribute("skipped")).isEqualTo(String.valueOf(skipped));
    assertThat(suite.getAttribute("failures")).isEqualTo("0");
  }

  @Test
  void theReadmeBlockIsTheOneTheseTestsRun(@TempDir Path dir) throws Exception {
    String block = GradleProject.readmeBlock();
    assertThat(block).contains("-javaagent:").contains("'io.testabort:test-abort-agent:" + System.getProperty("project.version") + "'");
    assertThat(Files.readString(GradleProject.JUNIT4.create(dir).resolve("build.gradle"))).contains(block);
  }
}
