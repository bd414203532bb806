package io.testabort.agent.it;

import static io.testabort.agent.it.ForkedRun.FIXTURES;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** TestNG crashing for real in a data-provider row, a @BeforeMethod, a @BeforeClass, a parallel run. */
class TestNGIT {
  static final String CLASS = FIXTURES + "NgFixture";
  static final String NEWEST = "7.12.0";

  @TempDir Path dir;

  static ForkedRun testng(String java, Path dir, String version, String agentOptions, List<String> props, String... args)
      throws Exception {
    String jcommander = version.equals(NEWEST) ? "jcommander-1.83.jar" : "jcommander-1.78.jar";
    List<String> all = new ArrayList<>(List.of(
        "-cp", ForkedRun.classpath(ForkedRun.lib("testng-" + version + ".jar"), ForkedRun.lib(jcommander),
            ForkedRun.lib("slf4j-api-2.0.16.jar"), ForkedRun.lib("jquery-3.7.1.jar")),
        "org.testng.TestNG", "-d", dir.resolve("testng").toString()));
    all.addAll(Arrays.asList(args));
    return ForkedRun.run(java, dir, agentOptions, props, all.toArray(new String[0]));
  }

  static Stream<String> javas() {
    return ForkedRun.javas();
  }

  @ParameterizedTest
  @MethodSource("javas")
  void segvInSecondDataProviderRowIsSchedules2(String java) throws Exception {
    ForkedRun run = testng(java, dir, NEWEST, "", List.of("crash.at=schedules2", "crash.how=segv"), "-testclass", CLASS);
    run.assertCrashed(CLASS + "#schedules[2]", "schedules", CLASS, "testng", "call");
    assertThat(run.stdout).contains("RAN schedules1").doesNotContain("RAN schedules2");
  }

  @ParameterizedTest
  @MethodSource("javas")
  void exitInBeforeMethodIsSetupOfItsInvocation(String java) throws Exception {
    ForkedRun run = testng(java, dir, NEWEST, "", List.of("crash.at=beforeMethod1", "crash.how=exit"), "-testclass", CLASS);
    Map<String, Object> m = run.assertCrashed(CLASS + "#schedules[1]", "schedules", CLASS, "testng", "setup");
    assertThat(m.get("exit")).asString().contains("code=3");
  }

  @ParameterizedTest
  @MethodSource("javas")
  void haltInBeforeClassNamesTheClass(String java) throws Exception {
    ForkedRun run = testng(java, dir, NEWEST, "", List.of("crash.at=beforeClass", "crash.how=halt"), "-testclass", CLASS);
    run.assertCrashed(CLASS, "NgFixture", CLASS, "testng", "setup");
  }

  @ParameterizedTest
  @MethodSource("javas")
  void parallelMethodsListEveryTestInFlight(String java) throws Exception {
    String parallel = FIXTURES + "NgParallelFixture";
    ForkedRun run = testng(java, dir, NEWEST, "", List.of("crash.at=parallel", "crash.how=halt"),
        "-parallel", "methods", "-threadcount", "2", "-testclass", parallel);
    assertThat(run.exitCode).as(run.describe()).isEqualTo(5);
    Map<String, Object> m = run.marker();
    // the top of the marker is the test started last; which of the two that is, is up to the threads
    assertThat(m).containsEntry("framework", "testng").containsEntry("phase", "call").containsEntry("pid", run.pid);
    assertThat((String) m.get("nodeid")).isIn(parallel + "#slow", parallel + "#crashes");
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> running = (List<Map<String, Object>>) m.get("running");
    assertThat(running).extracting(r -> r.get("nodeid")).containsExactlyInAnyOrder(parallel + "#slow", parallel + "#crashes");
    assertThat(running.stream().map(r -> r.get("thread")).collect(Collectors.toSet())).hasSize(2);
  }

  @Test
  void afterMethodOnOldestTestNG751IsTeardown() throws Exception {
    ForkedRun run = testng(ForkedRun.defaultJava(), dir, "7.5.1", "", List.of("crash.at=afterMethod", "crash.how=halt"),
        "-testclass", CLASS);
    run.assertCrashed(CLASS + "#schedules[1]", "schedules", CLASS, "testng", "teardown");
  }

  @Test
  void beforeClassOnOldestTestNG751() throws Exception {
    ForkedRun run = testng(ForkedRun.defaultJava(), dir, "7.5.1", "", List.of("crash.at=beforeClass", "crash.how=halt"),
        "-testclass", CLASS);
    run.assertCrashed(CLASS, "NgFixture", CLASS, "testng", "setup");
  }

  @Test
  void beforeSuiteNamesItsClass() throws Exception {
    ForkedRun run = testng(ForkedRun.defaultJava(), dir, NEWEST, "", List.of("crash.at=beforeSuite", "crash.how=halt"),
        "-testclass", CLASS);
    run.assertCrashed(CLASS, "NgFixture", CLASS, "testng", "setup");
  }

  @Test
  void secondOfAnInvocationCountIsRepeats2() throws Exception {
    ForkedRun run = testng(ForkedRun.defaultJava(), dir, NEWEST, "", List.of("crash.at=repeats2", "crash.how=halt"),
        "-testclass", CLASS);
    run.assertCrashed(CLASS + "#repeats[2]", "repeats", CLASS, "testng", "call");
  }

  @Test
  void afterClassNamesTheClassInTeardown() throws Exception {
    ForkedRun run = testng(ForkedRun.defaultJava(), dir, NEWEST, "", List.of("crash.at=afterClass", "crash.how=halt"),
        "-testclass", CLASS);
    run.assertCrashed(CLASS, "NgFixture", CLASS, "testng", "teardown");
    assertThat(run.stdout).contains("RAN later");
  }

  @Test
  void skipListedRowIsSkippedByTestNGWithoutItsSetup() throws Exception {
    Path skip = Files.writeString(dir.resolve("skip.txt"), CLASS + "#schedules[2]\n");
    // its @BeforeMethod and its body would crash the JVM
    ForkedRun run = testng(ForkedRun.defaultJava(), dir, NEWEST, "skip=" + skip,
        List.of("crash.at=beforeMethod2,schedules2"), "-testclass", CLASS);
    assertThat(run.exitCode).as("TestNG's exit code for 'some skipped'\n" + run.describe()).isEqualTo(2);
    assertThat(run.stdout)
        .contains("RAN schedules1", "RAN schedules3", "RAN repeats2", "RAN later", "Failures: 0, Skips: 1")
        .doesNotContain("RAN beforeMethod2");
    String results = ForkedRun.read(run.dir.resolve("testng").resolve("testng-results.xml"));
    assertThat(results).contains("skipped=\"1\"").contains("crashed in an earlier run");
    assertThat(run.markers()).isEmpty();
  }

  /** The rest of the crash matrix for TestNG: every way to die names the same data-provider row. */
  @ParameterizedTest
  @org.junit.jupiter.params.provider.CsvSource({"abort, 134", "kill, 137"})
  void everyWayToDieNamesTheRow(String how, int exitCode) throws Exception {
    ForkedRun run = testng(ForkedRun.defaultJava(), dir, NEWEST, "", List.of("crash.at=schedules2", "crash.how=" + how),
        "-testclass", CLASS);
    assertThat(run.exitCode).as(run.describe()).isEqualTo(exitCode);
    run.assertCrashed(CLASS + "#schedules[2]", "schedules", CLASS, "testng", "call");
  }

  @Test
  void hangingRowIsStoppedByTheTimeout() throws Exception {
    ForkedRun run = testng(ForkedRun.defaultJava(), dir, NEWEST, "timeout=2", List.of("crash.at=schedules2", "crash.how=hang"),
        "-testclass", CLASS);
    run.assertTimedOut(CLASS + "#schedules[2]", "testng");
  }
}
