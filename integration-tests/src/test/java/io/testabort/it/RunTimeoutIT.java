package io.testabort.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run --run-timeout}: a run that hangs is asked what it runs (as {@code attach} asks) before it is
 * killed; the hung test is then recorded like any crash, and the next run skips it.
 */
class RunTimeoutIT {
  @TempDir Path dir;

  @Test
  void aHungRunIsNamedThenKilledAndRerunWithoutTheHungTest() throws Exception {
    Path log = dir.resolve("crashes.jsonl");
    Jvm runner = Jvm.run(dir, Map.of(), List.of(Jdks.java(Jdks.current()), "-jar", Project.reportToolsJar().toString(), "run",
        "--agent", Project.agentJar().toString(), "--marker-dir", dir.resolve("markers").toString(), "--crash-log", log.toString(),
        "--run-timeout", "45", "--",
        Jdks.java(Jdks.current()), "-Dcrash.at=LedgerTest#reconciles[2]", "-Dcrash.how=hang",
        "-jar", Project.launcher("junit5-console.jar").toString(), "execute",
        "--class-path", LedgerSuite.classesFor("junit5-console.jar").toString(), "--select-package", "com.example.ledger",
        "--disable-banner", "--details=none"));

    assertThat(runner.exitCode).as(runner.toString()).isEqualTo(1);
    assertThat(runner.output)
        .contains("[test-abort run] the run is still going after --run-timeout 45 s: naming what its 1 JVM(s) run, then killing it")
        .contains("[test-abort attach] JVM ").contains(" runs the test-abort agent; its marker ")
        .contains("\"nodeid\": \"com.example.ledger.LedgerTest#reconciles[2]\"")
        .contains("[test-abort run] run 1 exited 137, 1 new crash(es)")
        .contains("[test-abort run] run 2 exited 0, 0 new crash(es)");
    assertThat(Files.readAllLines(log)).singleElement().asString()
        .contains("\"nodeid\": \"com.example.ledger.LedgerTest#reconciles[2]\"");
  }
}
