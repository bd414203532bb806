package io.testabort.agent.it;

import static io.testabort.agent.it.ForkedRun.FIXTURES;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** JUnit 4 run directly (JUnitCore), crashing for real in a Parameterized test, its @Before, its @BeforeClass. */
class Junit4IT {
  static final String CLASS = FIXTURES + "Junit4Fixture";

  @TempDir Path dir;

  static ForkedRun junit4(String java, Path dir, String junitJar, String agentOptions, List<String> props)
      throws Exception {
    return ForkedRun.run(
        java, dir, agentOptions, props,
        "-cp", ForkedRun.classpath(ForkedRun.lib(junitJar), ForkedRun.lib("hamcrest-core-1.3.jar")),
        FIXTURES + "Junit4Main", CLASS);
  }

  static Stream<String> javas() {
    return ForkedRun.javas();
  }

  @ParameterizedTest
  @MethodSource("javas")
  void segvInParameterizedTestNamesJUnit4sMethodName(String java) throws Exception {
    ForkedRun run = junit4(java, dir, "junit-4.13.2.jar", "", List.of("crash.at=parses1", "crash.how=segv"));
    run.assertCrashed(CLASS + "#parses[1]", "parses[1]", CLASS, "junit4", "call");
    assertThat(run.stdout).contains("RAN parses0").doesNotContain("RAN parses1");
  }

  @ParameterizedTest
  @MethodSource("javas")
  void exitInBeforeIsSetupOfItsTest(String java) throws Exception {
    ForkedRun run = junit4(java, dir, "junit-4.13.2.jar", "", List.of("crash.at=before1", "crash.how=exit"));
    Map<String, Object> m = run.assertCrashed(CLASS + "#parses[1]", "parses[1]", CLASS, "junit4", "setup");
    assertThat(m.get("exit")).asString().contains("code=3", "System.exit");
    assertThat(m).doesNotContainKey("running");
  }

  @ParameterizedTest
  @MethodSource("javas")
  void haltInBeforeClassNamesTheClass(String java) throws Exception {
    ForkedRun run = junit4(java, dir, "junit-4.13.2.jar", "", List.of("crash.at=beforeClass", "crash.how=halt"));
    run.assertCrashed(CLASS, "Junit4Fixture", CLASS, "junit4", "setup");
  }

  static final String TIMEOUTS = FIXTURES + "Junit4TimeoutFixture";

  static ForkedRun timeouts(String java, Path dir, String agentOptions, List<String> props) throws Exception {
    return ForkedRun.run(
        java, dir, agentOptions, props,
        "-cp", ForkedRun.classpath(ForkedRun.lib("junit-4.13.2.jar"), ForkedRun.lib("hamcrest-core-1.3.jar")),
        FIXTURES + "Junit4Main", TIMEOUTS);
  }

  /** A timeout's thread runs the test's code: its phases still move, on JDK 17 and 25. */
  @ParameterizedTest
  @MethodSource("javas")
  void phasesOnATimeoutsThread(String java) throws Exception {
    String[][] cases = {{"tBefore", "setup"}, {"tLimited", "call"}, {"tAfter", "teardown"}};
    for (String[] c : cases) {
      Path caseDir = Files.createDirectories(dir.resolve(c[0]));
      ForkedRun run = timeouts(java, caseDir, "", List.of("crash.at=" + c[0], "crash.how=halt"));
      run.assertCrashed(TIMEOUTS + "#a_limited", "a_limited", TIMEOUTS, "junit4", c[1]);
    }
  }

  /** onExit=fail stops a System.exit made on a timeout's thread too: the test fails, the run goes on. */
  @Test
  void onExitFailStopsAnExitOnATimeoutsThread() throws Exception {
    ForkedRun run = timeouts(ForkedRun.defaultJava(), dir, "onExit=fail", List.of("crash.at=tLimited", "crash.how=exit"));

    assertThat(run.stdout).as(run.describe())
        .contains("FAILED a_limited(" + TIMEOUTS + "): System.exit(3) called during test " + TIMEOUTS + "#a_limited")
        .contains("RAN tNext").contains("FINISHED b_after(" + TIMEOUTS + ")");
    assertThat(run.markers()).as("a clean end").isEmpty();
  }

  @Test
  void afterClassNamesTheClassInTeardown() throws Exception {
    ForkedRun run =
        junit4(ForkedRun.defaultJava(), dir, "junit-4.13.2.jar", "", List.of("crash.at=afterClass", "crash.how=halt"));
    run.assertCrashed(CLASS, "Junit4Fixture", CLASS, "junit4", "teardown");
  }

  @Test
  void afterOnOldestJUnit412IsTeardown() throws Exception {
    ForkedRun run =
        junit4(ForkedRun.defaultJava(), dir, "junit-4.12.jar", "", List.of("crash.at=after2", "crash.how=halt"));
    run.assertCrashed(CLASS + "#parses[2]", "parses[2]", CLASS, "junit4", "teardown");
  }

  @Test
  void cleanRunLeavesNoMarker() throws Exception {
    ForkedRun run = junit4(ForkedRun.defaultJava(), dir, "junit-4.13.2.jar", "", List.of());
    assertThat(run.exitCode).as(run.describe()).isZero();
    assertThat(run.stdout).contains("RAN parses2");
    assertThat(run.markers()).isEmpty();
  }

  @Test
  void skipListedTestIsAnAssumptionFailureAndRunsNothing() throws Exception {
    Path skip = Files.writeString(dir.resolve("skip.txt"), "# crashed last time\n\n" + CLASS + "#parses[1]\n");
    // its @Before and its body would both crash the JVM
    ForkedRun run =
        junit4(ForkedRun.defaultJava(), dir, "junit-4.13.2.jar", "skip=" + skip, List.of("crash.at=before1,parses1"));
    assertThat(run.exitCode).as(run.describe()).isZero();
    assertThat(run.stdout)
        .contains("SKIPPED parses[1](" + CLASS + "): crashed in an earlier run")
        .contains("RAN parses0", "RAN parses2")
        .doesNotContain("FAILED");
    assertThat(run.markers()).isEmpty();
  }

  /** The rest of the crash matrix for JUnit 4 run directly: every way to die names the same test. */
  @ParameterizedTest
  @org.junit.jupiter.params.provider.CsvSource({"abort, 134", "kill, 137", "halt, 5"})
  void everyWayToDieNamesTheTest(String how, int exitCode) throws Exception {
    ForkedRun run = junit4(ForkedRun.defaultJava(), dir, "junit-4.13.2.jar", "", List.of("crash.at=parses2", "crash.how=" + how));
    assertThat(run.exitCode).as(run.describe()).isEqualTo(exitCode);
    run.assertCrashed(CLASS + "#parses[2]", "parses[2]", CLASS, "junit4", "call");
  }

  @Test
  void hangingTestIsStoppedByTheTimeout() throws Exception {
    ForkedRun run = junit4(ForkedRun.defaultJava(), dir, "junit-4.13.2.jar", "timeout=2", List.of("crash.at=parses2", "crash.how=hang"));
    run.assertTimedOut(CLASS + "#parses[2]", "junit4");
  }
}
