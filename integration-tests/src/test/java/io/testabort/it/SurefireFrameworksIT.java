package io.testabort.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JUnit 4 and TestNG example suites as users' own Maven projects, run by a real Maven with Surefire's
 * own junit4 and testng providers (not the JUnit Platform): the agent must name the test from inside those
 * providers too, where Surefire itself only names the class that was running.
 */
class SurefireFrameworksIT {
  private static final String GOODBYE = "The forked VM terminated without properly saying goodbye";
  private static final String PARSER = "com.example.parser.ParserTest";
  private static final String SCHEDULER = "com.example.scheduler.SchedulerTest";

  /** Runs the suite crashing at {@code crashAt}; checks Surefire used {@code provider} and saw the fork die. */
  private static Map<String, Object> crash(UserProject suite, Path dir, Path jdk, String crashAt, String crashHow,
      String provider) throws Exception {
    Path project = suite.create(dir.resolve(suite.name().toLowerCase()));
    Jvm maven = UserProject.mavenTest(project, jdk, crashAt, crashHow);

    assertThat(maven.exitCode).as(maven.toString()).isNotZero();
    assertThat(maven.output).as(maven.toString())
        .contains("Using auto detected provider org.apache.maven.surefire." + provider)
        .contains(GOODBYE);
    return Markers.only(project.resolve("target/test-abort"));
  }

  /** What every crash here must say: which test (or class), of which framework, in which phase. */
  private static void assertNames(Map<String, Object> marker, String nodeid, String framework, String phase) {
    assertThat(marker)
        .containsEntry("nodeid", nodeid)
        .containsEntry("framework", framework)
        .containsEntry("phase", phase)
        .containsEntry("status", "running");
  }

  @Test
  void junit4SegfaultInAParameterizedRowKeepsJUnit4sName(@TempDir Path dir) throws Exception {
    Map<String, Object> marker =
        crash(UserProject.JUNIT4, dir, Jdks.current(), "ParserTest#parses[1]", "segv", "junit4.JUnit4Provider");

    // Parameterized numbers its rows from 0: the second row is parses[1]
    assertNames(marker, PARSER + "#parses[1]", "junit4", "call");
    assertThat(marker).containsEntry("test_name", "parses[1]").containsEntry("test_class", PARSER);
  }

  @Test
  void junit4SystemExitInBeforeOnTemurin25IsSetupOfTheFirstRow(@TempDir Path dir) throws Exception {
    Path jdk = Jdks.temurin25();
    Map<String, Object> marker =
        crash(UserProject.JUNIT4, dir, jdk, "ParserTest.newParser", "exit", "junit4.JUnit4Provider");

    assertNames(marker, PARSER + "#parses[0]", "junit4", "setup");
    assertThat(marker).extractingByKey("exit", InstanceOfAssertFactories.MAP)
        .containsEntry("code", 3L)
        .containsEntry("via", "System.exit");
    assertThat(((Map<?, ?>) marker.get("jvm")).get("java_version").toString()).startsWith("25");
  }

  @Test
  void testngSigkillInADataProviderRowNumbersFromOne(@TempDir Path dir) throws Exception {
    Map<String, Object> marker =
        crash(UserProject.TESTNG, dir, Jdks.current(), "SchedulerTest#schedules[2]", "kill", "testng.TestNGProvider");

    assertNames(marker, SCHEDULER + "#schedules[2]", "testng", "call");
    assertThat(marker).containsEntry("test_name", "schedules").doesNotContainKey("exit")
        // what Surefire's TestNG provider calls this invocation in its XML, so report-tools can name it alike
        .containsEntry("display_name", "schedules[12:30, 90, 14:00](2)");
  }

  @Test
  void testngHaltInBeforeClassNamesTheClass(@TempDir Path dir) throws Exception {
    Map<String, Object> marker = crash(
        UserProject.TESTNG, dir, Jdks.current(), "SchedulerTest.loadOpeningHours", "halt", "testng.TestNGProvider");

    assertNames(marker, SCHEDULER, "testng", "setup");
    assertThat(marker).extractingByKey("exit", InstanceOfAssertFactories.MAP)
        .containsEntry("code", 5L)
        .containsEntry("via", "Runtime.halt");
  }
}
