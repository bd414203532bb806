package io.testabort.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code report-tools attach PID} on real hung test JVMs, started without the agent, on JDK 17 and 25:
 * the attached agent names the test in flight from the stack, writes the marker, prints the stack, and
 * the JVM keeps running. A JVM that runs the agent has its marker read without attaching.
 */
class AttachCommandIT {
  @TempDir Path dir;

  static Stream<Path> jdks() {
    return Jdks.all().stream();
  }

  /** The JUnit 5 example suite under the console launcher, hanging at {@code crashAt}. */
  private HangingJvm ledger(Path jdk, String crashAt, String... jvmOptions) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(Jdks.java(jdk)));
    cmd.addAll(List.of(jvmOptions));
    cmd.addAll(List.of("-Dcrash.at=" + crashAt, "-Dcrash.how=hang", "-jar", Project.launcher("junit5-console.jar").toString(),
        "execute", "--class-path", LedgerSuite.classesFor("junit5-console.jar").toString(),
        "--select-package", "com.example.ledger", "--disable-banner", "--details=none"));
    return HangingJvm.start(jdk, dir.resolve("suite"), cmd);
  }

  private Jvm attach(long pid) throws Exception {
    return Jvm.run(dir.resolve("tools"), Map.of(), List.of(Jdks.java(Jdks.current()), "-jar", Project.reportToolsJar().toString(),
        "attach", Long.toString(pid), "--agent", Project.agentJar().toString(), "--marker-dir", dir.resolve("markers").toString()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("jdks")
  void aParameterizedTestHangingInAJvmWithoutTheAgent(Path jdk) throws Exception {
    try (HangingJvm suite = ledger(jdk, "LedgerTest#reconciles[2]")) {
      // without an agent jar to load, a JVM that does not run the agent cannot be read: a usage error
      Path alone = Files.copy(Project.reportToolsJar(), Files.createDirectories(dir.resolve("alone")).resolve("tools.jar"));
      Jvm noJar = Jvm.run(dir.resolve("tools"), Map.of(), List.of(Jdks.java(Jdks.current()), "-jar", alone.toString(),
          "attach", Long.toString(suite.pid())));
      assertThat(noJar.exitCode).as(noJar.toString()).isEqualTo(2);
      assertThat(noJar.output).contains("JVM " + suite.pid() + " does not run the agent, and there is no agent jar to load into it")
          .contains("pass --agent JAR");

      Jvm tools = attach(suite.pid());

      assertThat(tools.exitCode).as(tools.toString()).isZero();
      assertThat(tools.output)
          .contains("[test-abort attach] attached the agent to JVM " + suite.pid())
          .contains("\"main\" TIMED_WAITING: com.example.ledger.LedgerTest#reconciles (junit-jupiter, call;"
              + " which invocation is not on the stack)")
          .containsPattern("\tat com\\.example\\.ledger\\.LedgerTest\\.reconciles\\(LedgerTest\\.java:\\d+\\)")
          .contains("[test-abort attach] marker: " + dir.resolve("markers/last_running_" + suite.pid() + ".json"));
      assertThat(Markers.only(dir.resolve("markers")))
          .containsEntry("nodeid", "com.example.ledger.LedgerTest#reconciles")
          .containsEntry("test_name", "reconciles")
          .containsEntry("status", "running")
          .containsEntry("phase", "call")
          .containsEntry("framework", "junit-jupiter")
          .containsEntry("thread", "main")
          .containsEntry("pid", suite.pid())
          .containsEntry("named_from", "stack");
      assertThat(suite.process.isAlive()).as("the JVM keeps running").isTrue();
      if (!jdk.equals(Jdks.current())) { // Temurin 25: JEP 451's warning, and our hint about it
        assertThat(tools.output).contains("-XX:+EnableDynamicAgentLoading");
        assertThat(suite.output()).contains("WARNING: A Java agent has been loaded dynamically");
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("jdks")
  void aBeforeAllHangIsTheClassInSetup(Path jdk) throws Exception {
    try (HangingJvm suite = ledger(jdk, "BootTest.boot")) {
      Jvm tools = attach(suite.pid());

      assertThat(tools.exitCode).as(tools.toString()).isZero();
      assertThat(tools.output).contains(": com.example.ledger.BootTest (junit-jupiter, setup, in class setup method boot)")
          .containsPattern("\tat com\\.example\\.ledger\\.BootTest\\.boot\\(BootTest\\.java:\\d+\\)");
      assertThat(Markers.only(dir.resolve("markers")))
          .containsEntry("nodeid", "com.example.ledger.BootTest")
          .containsEntry("test_class", "com.example.ledger.BootTest")
          .containsEntry("method", "boot")
          .containsEntry("phase", "setup");
      assertThat(suite.process.isAlive()).isTrue();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("jdks")
  void aTestNGDataProviderRowIsNamedByItsRow(Path jdk) throws Exception {
    Path libs = Project.repo().resolve("agent/target/it-libs");
    assumeTrue(Files.isDirectory(libs) || "true".equals(System.getenv("CI")), "agent/target/it-libs (TestNG) not built");
    Path classes = ExampleSuites.compile(dir.resolve("classes"), "testng", libs.resolve("testng-7.12.0.jar"));
    String cp = String.join(":", classes.toString(), libs.resolve("testng-7.12.0.jar").toString(),
        libs.resolve("jcommander-1.83.jar").toString(), libs.resolve("slf4j-api-2.0.16.jar").toString(),
        libs.resolve("jquery-3.7.1.jar").toString());
    try (HangingJvm suite = HangingJvm.start(jdk, dir.resolve("suite"), List.of(Jdks.java(jdk),
        "-Dcrash.at=SchedulerTest#schedules[2]", "-Dcrash.how=hang", "-cp", cp, "org.testng.TestNG",
        "-d", dir.resolve("testng").toString(), "-testclass", "com.example.scheduler.SchedulerTest"))) {
      Jvm tools = attach(suite.pid());

      assertThat(tools.exitCode).as(tools.toString()).isZero();
      assertThat(tools.output).contains(": com.example.scheduler.SchedulerTest#schedules[2] (testng, call)");
      assertThat(Markers.only(dir.resolve("markers")))
          .containsEntry("nodeid", "com.example.scheduler.SchedulerTest#schedules[2]")
          .containsEntry("display_name", "schedules[12:30, 90, 14:00](2)")
          .containsEntry("framework", "testng")
          .containsEntry("phase", "call");
      assertThat(suite.process.isAlive()).isTrue();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("jdks")
  void aJvmRunningTheAgentHasItsMarkerReadWithoutAttaching(Path jdk) throws Exception {
    Path own = dir.resolve("own-markers");
    try (HangingJvm suite = ledger(jdk, "LedgerTest#reconciles[2]", "-javaagent:" + Project.agentJar() + "=dir=" + own)) {
      // no --agent, and no agent jar beside this copy of report-tools: reading the marker needs none
      Path alone = Files.copy(Project.reportToolsJar(), Files.createDirectories(dir.resolve("alone")).resolve("tools.jar"));
      Jvm tools = Jvm.run(dir.resolve("tools"), Map.of(), List.of(Jdks.java(Jdks.current()), "-jar", alone.toString(),
          "attach", Long.toString(suite.pid()), "--marker-dir", dir.resolve("markers").toString()));

      assertThat(tools.exitCode).as(tools.toString()).isZero();
      assertThat(tools.output)
          .contains("[test-abort attach] JVM " + suite.pid() + " runs the test-abort agent; its marker "
              + own.resolve("last_running_" + suite.pid() + ".json"))
          .contains("\"nodeid\": \"com.example.ledger.LedgerTest#reconciles[2]\"")
          .doesNotContain("attached the agent");
      assertThat(Markers.in(dir.resolve("markers"))).as("nothing attached, nothing written").isEmpty();
      assertThat(suite.output()).doesNotContain("loaded dynamically");
    }
  }

  // a build tool's own JVM gets the agent through JAVA_TOOL_OPTIONS too, and never loads a test framework:
  // run --run-timeout asked it by loading a second agent into it (on JDK 21+ a warning in the user's log)
  @ParameterizedTest(name = "{0}")
  @MethodSource("jdks")
  void aJvmWithTheAgentThatRanNoTestIsReadWithoutAttaching(Path jdk) throws Exception {
    Path program = Files.writeString(Files.createDirectories(dir.resolve("src")).resolve("Idle.java"),
        "class Idle { public static void main(String[] args) { com.example.crash.Crash.point(\"idle\"); } }\n");
    try (HangingJvm idle = HangingJvm.start(jdk, dir.resolve("suite"), List.of(Jdks.java(jdk),
        "-javaagent:" + Project.agentJar() + "=dir=relative-markers", "-Dcrash.at=idle", "-Dcrash.how=hang",
        "-cp", LedgerSuite.classesFor("junit5-console.jar").toString(), program.toString()))) {
      Path alone = Files.copy(Project.reportToolsJar(), Files.createDirectories(dir.resolve("alone")).resolve("tools.jar"));
      Jvm tools = Jvm.run(dir.resolve("tools"), Map.of(), List.of(Jdks.java(Jdks.current()), "-jar", alone.toString(),
          "attach", Long.toString(idle.pid()), "--marker-dir", dir.resolve("markers").toString()));

      assertThat(tools.exitCode).as("no test in flight: " + tools).isEqualTo(1);
      assertThat(tools.output)
          .contains("[test-abort attach] JVM " + idle.pid() + " runs the test-abort agent; its marker "
              + dir.resolve("suite/relative-markers/last_running_" + idle.pid() + ".json") + " does not exist (no test has started)")
          .doesNotContain("attached the agent");
      assertThat(idle.output()).doesNotContain("loaded dynamically");
    }
  }
}
