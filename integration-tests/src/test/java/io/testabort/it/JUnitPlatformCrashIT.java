package io.testabort.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Real JVMs running the example suite under the JUnit console launcher (JUnit 5 and 6), on JDK 17 and
 * Temurin 25, killed for real at a crash point. The marker they leave must name that test exactly.
 */
class JUnitPlatformCrashIT {

  /** One crash: where, how, and what the marker and the JVM's exit code must say. */
  static final class Crash {
    final String at;
    final String how;
    final String nodeid;
    final String testName;
    final String testClass;
    final String phase;
    final int exitCode;

    Crash(String at, String how, String nodeid, String testName, String testClass, String phase, int exitCode) {
      this.at = at;
      this.how = how;
      this.nodeid = nodeid;
      this.testName = testName;
      this.testClass = testClass;
      this.phase = phase;
      this.exitCode = exitCode;
    }

    @Override
    public String toString() {
      return how + " in " + nodeid + " (" + phase + ")";
    }
  }

  private static final String LEDGER = "com.example.ledger.LedgerTest";

  static List<Crash> crashes() {
    return List.of(
        new Crash("LedgerTest#reconciles[2]", "segv", LEDGER + "#reconciles[2]", "reconciles", LEDGER, "call", 134),
        new Crash("LedgerTest$Quarterly#files", "exit", LEDGER + "$Quarterly#files", "files", LEDGER + "$Quarterly",
            "call", 3),
        new Crash("BootTest.boot", "abort", "com.example.ledger.BootTest", "BootTest", "com.example.ledger.BootTest",
            "setup", 134),
        new Crash("LedgerTest#entries[2][2]", "kill", LEDGER + "#entries[2][2]", "entries", LEDGER, "call", 137),
        new Crash("LedgerTest#audits[3]", "halt", LEDGER + "#audits[3]", "audits", LEDGER, "call", 5),
        // Jupiter's method order runs the factory first; its after-each is the first to run
        new Crash("LedgerTest.closeLedger", "segv", LEDGER + "#entries", "entries", LEDGER, "teardown", 134),
        new Crash("BootTest.shutDown", "exit", "com.example.ledger.BootTest", "BootTest",
            "com.example.ledger.BootTest", "teardown", 3));
  }

  static List<Arguments> cases() {
    List<Arguments> out = new ArrayList<>();
    for (Path jdk : Jdks.all()) {
      for (Crash c : crashes()) {
        out.add(Arguments.of(Named.of(Jdks.label(jdk), jdk), "junit5-console.jar", c));
      }
      // the oldest and newest JUnit the hooks are claimed for: the parameterized and the phase case
      for (String launcher : List.of("junit5.10-console.jar", "junit6-console.jar", "junit6.1-console.jar")) {
        out.add(Arguments.of(Named.of(Jdks.label(jdk), jdk), launcher, crashes().get(0)));
        out.add(Arguments.of(Named.of(Jdks.label(jdk), jdk), launcher, crashes().get(5)));
      }
    }
    return out;
  }

  @ParameterizedTest(name = "{0} {1}: {2}")
  @MethodSource("cases")
  void markerNamesTheTestThatWasRunning(Path jdk, String launcher, Crash crash, @TempDir Path dir) throws Exception {
    Path markers = dir.resolve("markers");
    Jvm jvm = LedgerSuite.run(jdk, launcher, dir, "dir=" + markers, crash.at, crash.how);

    assertThat(jvm.exitCode).as(jvm.toString()).isEqualTo(crash.exitCode);
    Map<String, Object> marker = Markers.only(markers);
    assertThat(marker)
        .as(jvm.toString())
        .containsEntry("nodeid", crash.nodeid)
        .containsEntry("test_name", crash.testName)
        .containsEntry("test_class", crash.testClass)
        .containsEntry("framework", "junit-jupiter")
        .containsEntry("phase", crash.phase)
        .containsEntry("status", "running")
        .containsEntry("pid", jvm.pid)
        .containsEntry("gpu_id", "unknown");
    assertThat(Markers.in(markers)).singleElement()
        .satisfies(p -> assertThat(p.getFileName()).hasToString("last_running_" + jvm.pid + ".json"));
    @SuppressWarnings("unchecked")
    Map<String, Object> jvmInfo = (Map<String, Object>) marker.get("jvm");
    assertThat(jvmInfo.get("error_file")).isEqualTo(dir.resolve("hs_err_pid" + jvm.pid + ".log").toString());
    if (crash.how.equals("segv")) {
      assertThat(dir.resolve("hs_err_pid" + jvm.pid + ".log")).exists();
    }
    if (crash.how.equals("exit") || crash.how.equals("halt")) {
      @SuppressWarnings("unchecked")
      Map<String, Object> exit = (Map<String, Object>) marker.get("exit");
      assertThat(exit).containsEntry("code", (long) crash.exitCode)
          .containsEntry("via", crash.how.equals("exit") ? "System.exit" : "Runtime.halt");
      assertThat((List<?>) exit.get("stack")).first().asString().startsWith("com.example.crash.Crash.now(");
    } else {
      assertThat(marker).doesNotContainKey("exit");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("jdks")
  void aHangingTestIsStoppedByTheTimeoutWithAThreadDump(Path jdk, @TempDir Path dir) throws Exception {
    Path markers = dir.resolve("markers");
    Jvm jvm = LedgerSuite.run(jdk, "junit5-console.jar", dir, "dir=" + markers + ",timeout=2", "LedgerTest#posts", "hang");

    assertThat(jvm.exitCode).as(jvm.toString()).isEqualTo(124);
    assertThat(Markers.only(markers))
        .containsEntry("nodeid", LEDGER + "#posts")
        .containsEntry("status", "running") // pytest-abort's crash check requires it
        .containsEntry("timeout", 2L)
        .containsEntry("phase", "call");
    Path threads = markers.resolve("last_running_" + jvm.pid + ".json.threads.txt");
    assertThat(threads).content()
        .contains("\"main\"")
        .contains("at com.example.crash.Crash.sleepForever(")
        .contains("at com.example.ledger.LedgerTest.posts(");
    assertThat(jvm.output).contains("[test-abort] " + LEDGER + "#posts ran longer than 2 s");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("jdks")
  void parallelRunListsEveryTestInFlightAndCheckBlamesTheCrashedThread(Path jdk, @TempDir Path dir)
      throws Exception {
    Path markers = dir.resolve("markers");
    Jvm jvm = LedgerSuite.run(jdk, "junit5-console.jar", dir, "dir=" + markers, "SettlementTest#first", "segv",
        "-Djunit.jupiter.execution.parallel.enabled=true");

    assertThat(jvm.exitCode).as(jvm.toString()).isEqualTo(134);
    Map<String, Object> marker = Markers.only(markers);
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> running = (List<Map<String, Object>>) marker.get("running");
    assertThat(running).as(marker.toString()).extracting(r -> r.get("nodeid")).containsExactlyInAnyOrder(
        "com.example.ledger.SettlementTest#settlesEuros", "com.example.ledger.SettlementTest#settlesDollars");
    assertThat(running).extracting(r -> r.get("thread")).doesNotHaveDuplicates().doesNotContain("main");
    // the fatal error log names the crashing thread; check must blame the test that ran on it
    String hsErr = Files.readString(dir.resolve("hs_err_pid" + jvm.pid + ".log"));
    Map<String, Object> crashed = running.stream()
        .filter(r -> hsErr.contains("JavaThread \"" + r.get("thread") + "\"")).findFirst().orElseThrow();
    Jvm check = Jvm.run(dir, Map.of(), List.of(Jdks.java(Jdks.current()), "-jar", Project.reportToolsJar().toString(),
        "check", Markers.in(markers).get(0).toString()));
    assertThat(check.exitCode).as(check.toString()).isZero();
    assertThat(check.output).contains("\"nodeid\": \"" + crashed.get("nodeid") + "\"")
        .contains("\"crash_thread\": \"" + crashed.get("thread") + "\"");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("jdks")
  void onExitFailTurnsSystemExitIntoATestFailureAndTheRunGoesOn(Path jdk, @TempDir Path dir) throws Exception {
    Path markers = dir.resolve("markers");
    Jvm jvm = LedgerSuite.run(jdk, "junit5-console.jar", dir, "dir=" + markers + ",onExit=fail",
        "LedgerTest$Quarterly#files", "exit");

    assertThat(jvm.exitCode).as(jvm.toString()).isEqualTo(1); // the console launcher's "some tests failed"
    assertThat(jvm.output)
        .contains("System.exit(3) called during test " + LEDGER + "$Quarterly#files; test-abort (onExit=fail)")
        .containsPattern("\\[\\s+1 tests failed\\s+]")
        .doesNotContain("0 tests successful");
    assertThat(Markers.in(markers)).as("the JVM ended normally").isEmpty();
  }

  @org.junit.jupiter.api.Test
  void givenTwiceThroughJavaToolOptionsAndTheCommandLineTheFirstOptionsStay(@TempDir Path dir) throws Exception {
    Map<String, String> env = Map.of("JAVA_TOOL_OPTIONS", "-javaagent:" + Project.agentJar() + "=dir=" + dir.resolve("ci"));
    Jvm jvm = LedgerSuite.run(env, Jdks.current(), "junit5-console.jar", dir, "dir=" + dir.resolve("argline"),
        "LedgerTest#reconciles[2]", "kill");

    assertThat(jvm.exitCode).as(jvm.toString()).isEqualTo(137);
    assertThat(jvm.output).contains("[test-abort] the agent was given twice");
    assertThat(Markers.only(dir.resolve("ci"))).containsEntry("nodeid", LEDGER + "#reconciles[2]")
        .doesNotContainKey("running");
    assertThat(Markers.in(dir.resolve("argline"))).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("jdks")
  void aCleanRunLeavesNoMarker(Path jdk, @TempDir Path dir) throws Exception {
    Path markers = dir.resolve("markers");
    Jvm jvm = LedgerSuite.run(jdk, "junit5-console.jar", dir, "dir=" + markers, null, null);
    assertThat(jvm.exitCode).as(jvm.toString()).isZero();
    assertThat(jvm.output).doesNotContain("[test-abort]");
    assertThat(Markers.in(markers)).isEmpty();
  }

  static List<Arguments> jdks() {
    List<Arguments> out = new ArrayList<>();
    for (Path jdk : Jdks.all()) {
      out.add(Arguments.of(Named.of(Jdks.label(jdk), jdk)));
    }
    return out;
  }
}
