package io.testabort.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A SIGTERM (CI cancelling a job, {@code kill PID}) during a test, on JDK 17 and 25: the marker stays and
 * says {@code "via": "shutdown"}, and {@code check} gives that reason, not a {@code System.exit} call
 * from the JDK's signal handler.
 */
class SignalShutdownIT {
  @TempDir Path dir;

  static Stream<Path> jdks() {
    return Jdks.all().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("jdks")
  void aSigtermDuringATestLeavesTheMarkerSayingShutdown(Path jdk) throws Exception {
    Path markers = dir.resolve("markers");
    try (HangingJvm suite = HangingJvm.start(jdk, dir.resolve("suite"), List.of(Jdks.java(jdk),
        "-javaagent:" + Project.agentJar() + "=dir=" + markers,
        "-Dcrash.at=LedgerTest#reconciles[2]", "-Dcrash.how=hang", "-jar", Project.launcher("junit5-console.jar").toString(),
        "execute", "--class-path", LedgerSuite.classesFor("junit5-console.jar").toString(),
        "--select-package", "com.example.ledger", "--disable-banner", "--details=none"))) {
      suite.process.destroy(); // SIGTERM
      assertThat(suite.process.waitFor(2, TimeUnit.MINUTES)).isTrue();
      assertThat(suite.process.exitValue()).isEqualTo(143); // 128 + SIGTERM

      Map<String, Object> marker = Markers.only(markers);
      assertThat(marker).containsEntry("nodeid", "com.example.ledger.LedgerTest#reconciles[2]").containsEntry("status", "running");
      @SuppressWarnings("unchecked")
      Map<String, Object> exit = (Map<String, Object>) marker.get("exit");
      assertThat(exit).as(marker.toString()).containsEntry("via", "shutdown").containsEntry("code", null)
          .containsEntry("stack", List.of());

      Jvm check = Jvm.run(dir.resolve("tools"), Map.of(), List.of(Jdks.java(Jdks.current()), "-jar",
          Project.reportToolsJar().toString(), "check", Markers.in(markers).get(0).toString()));
      assertThat(check.exitCode).as(check.toString()).isZero();
      assertThat(check.output).contains("\"reason\": \"shut down by a signal (SIGTERM or SIGINT) during the test\"")
          .doesNotContain("System.exit").doesNotContain("Terminator");
    }
  }
}
