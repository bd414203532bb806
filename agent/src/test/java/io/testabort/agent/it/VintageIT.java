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

/**
 * JUnit 4 through the JUnit Platform's Vintage engine (console launcher): the test is recorded once, as
 * junit-vintage, while the JUnit 4 hooks still move its phase; Jupiter skips skip-listed nodes itself.
 */
class VintageIT {
  static final String CLASS = FIXTURES + "Junit4Fixture";

  @TempDir Path dir;

  static ForkedRun console(Path dir, String java, String agentOptions, List<String> props, String testClass)
      throws Exception {
    return ForkedRun.run(
        java, dir, agentOptions, props,
        "-jar", ForkedRun.lib("junit-platform-console-standalone-1.14.1.jar"),
        "execute", "--disable-banner", "--details=none",
        "--class-path", ForkedRun.classpath(),
        "--reports-dir", dir.resolve("reports").toString(),
        "--select-class", testClass);
  }

  /** The console launcher's JUnit XML report of one engine. */
  static String report(ForkedRun run, String engine) throws Exception {
    return ForkedRun.read(run.dir.resolve("reports").resolve("TEST-" + engine + ".xml"));
  }

  static Stream<String> javas() {
    return ForkedRun.javas();
  }

  @ParameterizedTest
  @MethodSource("javas")
  void killedTestIsRecordedOnceAsVintage(String java) throws Exception {
    ForkedRun run = console(dir, java, "", List.of("crash.at=parses2", "crash.how=kill"), CLASS);
    Map<String, Object> m = run.assertCrashed(CLASS + "#parses[2]", "parses[2]", CLASS, "junit-vintage", "call");
    // one test in flight: a second record of the same test would show as a "running" list
    assertThat(m).doesNotContainKey("running");
    assertThat((String) m.get("unique_id")).startsWith("[engine:junit-vintage]");
  }

  @ParameterizedTest
  @MethodSource("javas")
  void haltInBeforeIsSetupOfTheVintageTest(String java) throws Exception {
    ForkedRun run = console(dir, java, "", List.of("crash.at=before0", "crash.how=halt"), CLASS);
    run.assertCrashed(CLASS + "#parses[0]", "parses[0]", CLASS, "junit-vintage", "setup");
  }

  @Test
  void beforeClassUnderVintageIsTheVintageClass() throws Exception {
    ForkedRun run = console(dir, ForkedRun.defaultJava(), "", List.of("crash.at=beforeClass", "crash.how=halt"), CLASS);
    run.assertCrashed(CLASS, "Junit4Fixture", CLASS, "junit-vintage", "setup");
  }

  @Test
  void crashLogSkipsEveryInvocationOfAMethodUnderVintage() throws Exception {
    Path log = Files.writeString(dir.resolve("crashes.jsonl"),
        "{\"test_name\":\"parses\",\"nodeid\":\"" + CLASS + "#parses\",\"reason\":\"SIGSEGV\"}\n");
    ForkedRun run =
        console(dir, ForkedRun.defaultJava(), "skip=" + log, List.of("crash.at=before0,parses0,parses1,parses2"), CLASS);
    assertThat(run.exitCode).as(run.describe()).isZero();
    assertThat(run.stdout).contains("RAN beforeClass").doesNotContain("RAN before0", "RAN parses");
    assertThat(report(run, "junit-vintage")).contains("crashed in an earlier run").contains("skipped=\"3\"");
    assertThat(run.markers()).isEmpty();
  }

  @Test
  void jupiterSkipsListedTestsAndInvocations() throws Exception {
    String jupiter = FIXTURES + "JupiterFixture";
    Path log = Files.writeString(dir.resolve("crashes.jsonl"),
        "{\"nodeid\":\"" + jupiter + "#crashes\",\"pid\":1}\n{\"nodeid\":\"" + jupiter + "#divides[2]\"}\n");
    ForkedRun run = console(dir, ForkedRun.defaultJava(), "skip=" + log, List.of("crash.at=crashes,divides2"), jupiter);
    assertThat(run.exitCode).as(run.describe()).isZero();
    assertThat(run.stdout).contains("RAN divides1", "RAN divides3", "RAN later");
    assertThat(report(run, "junit-jupiter")).contains("crashed in an earlier run").contains("skipped=\"2\"");
    assertThat(run.markers()).isEmpty();
  }

  /**
   * The rest of the crash matrix for JUnit 4 under Vintage: every way to die names the same test. (A
   * SIGSEGV exits with 1 here: without a core dump, HotSpot ends with exit(1) instead of abort().)
   */
  @ParameterizedTest
  @org.junit.jupiter.params.provider.CsvSource({"segv, 1", "abort, 134", "exit, 3"})
  void everyWayToDieNamesTheVintageTest(String how, int exitCode) throws Exception {
    ForkedRun run = console(dir, ForkedRun.defaultJava(), "", List.of("crash.at=parses1", "crash.how=" + how), CLASS);
    assertThat(run.exitCode).as(run.describe()).isEqualTo(exitCode);
    run.assertCrashed(CLASS + "#parses[1]", "parses[1]", CLASS, "junit-vintage", "call");
  }

  @Test
  void hangingVintageTestIsStoppedByTheTimeout() throws Exception {
    ForkedRun run = console(dir, ForkedRun.defaultJava(), "timeout=2", List.of("crash.at=parses1", "crash.how=hang"), CLASS);
    run.assertTimedOut(CLASS + "#parses[1]", "junit-vintage");
  }
}
