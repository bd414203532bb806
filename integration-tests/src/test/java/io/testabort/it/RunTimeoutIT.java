package io.testabort.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code run --run-timeout}: a run that hangs is asked what it runs (as {@code attach} asks) before it is
 * killed; the hung test is then recorded like any crash, and the next run skips it.
 */
class RunTimeoutIT {
  @TempDir Path dir;

  /**
   * The test command run directly, or through a shell that stays its parent, as {@code ./mvnw} or a CI
   * script does: the hung test JVM is then a grandchild of the runner, which must still be gone, and
   * its marker collected, once the run is killed.
   */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"java", "sh -c java"})
  void aHungRunIsNamedThenKilledAndRerunWithoutTheHungTest(String how) throws Exception {
    Path log = dir.resolve("crashes.jsonl");
    List<String> suite = List.of(Jdks.java(Jdks.current()), "-Dcrash.at=LedgerTest#reconciles[2]", "-Dcrash.how=hang",
        "-jar", Project.launcher("junit5-console.jar").toString(), "execute",
        "--class-path", LedgerSuite.classesFor("junit5-console.jar").toString(), "--select-package", "com.example.ledger",
        "--disable-banner", "--details=none");
    List<String> command = new ArrayList<>(List.of(Jdks.java(Jdks.current()), "-jar", Project.reportToolsJar().toString(), "run",
        "--agent", Project.agentJar().toString(), "--marker-dir", dir.resolve("markers").toString(), "--crash-log", log.toString(),
        "--run-timeout", "45", "--"));
    if (how.equals("java")) {
      command.addAll(suite);
    } else {
      // no exec: the shell stays, and the test JVM is its child
      command.addAll(List.of("sh", "-c", suite.stream().map(RunTimeoutIT::shellQuoted).collect(Collectors.joining(" ")) + "; exit $?"));
    }
    Jvm runner = Jvm.run(dir, Map.of(), command);

    assertThat(runner.exitCode).as(runner.toString()).isEqualTo(1);
    assertThat(runner.output)
        .contains("[test-abort run] the run is still going after --run-timeout 45 s: naming what its 1 JVM(s) run, then killing it")
        .contains("[test-abort attach] JVM ").contains(" runs the test-abort agent; its marker ")
        .contains("\"nodeid\": \"com.example.ledger.LedgerTest#reconciles[2]\"")
        .contains("[test-abort run] run 1 exited 137, 1 new crash(es)")
        .contains("[test-abort run] run 2 exited 0, 0 new crash(es)");
    assertThat(Files.readAllLines(log)).singleElement().asString()
        .contains("\"nodeid\": \"com.example.ledger.LedgerTest#reconciles[2]\"")
        .contains("\"reason\": \"killed by run --run-timeout after 45 s (SIGKILL)\"")
        .contains("\"signal\": \"SIGKILL\"");
  }

  private static String shellQuoted(String arg) {
    return "'" + arg.replace("'", "'\\''") + "'";
  }
}
