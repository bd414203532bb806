package io.testabort.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGKILL at random instants of a fast 5,000-test run: whatever instant the JVM dies at, the marker is
 * absent (killed before the first test) or one whole JSON object naming a test.
 */
class TornMarkerIT {
  private static final int KILLS = 24;

  private static Process start(Path markers, Path workDir) throws Exception {
    List<String> cmd = List.of(Jdks.java(Jdks.current()), "-javaagent:" + Project.agentJar() + "=dir=" + markers,
        "-jar", Project.launcher("junit5-console.jar").toString(), "execute",
        "--class-path", Paths.get(System.getProperty("test.classes")).toString(),
        "--select-class", "io.testabort.it.fixtures.ManyQuickCases", "--disable-banner", "--details=none");
    return new ProcessBuilder(cmd).directory(workDir.toFile()).redirectErrorStream(true)
        .redirectOutput(workDir.resolve("out-" + System.nanoTime() + ".txt").toFile()).start();
  }

  @Test
  void randomSigkillsNeverLeaveATornMarker(@TempDir Path dir) throws Exception {
    long t0 = System.nanoTime();
    Process full = start(dir.resolve("full"), dir);
    assertThat(full.waitFor(2, TimeUnit.MINUTES)).isTrue();
    assertThat(full.exitValue()).isZero();
    long runMillis = (System.nanoTime() - t0) / 1_000_000;

    Random random = new Random(42);
    List<String> seen = new ArrayList<>();
    for (int i = 0; i < KILLS; i++) {
      Path markers = dir.resolve("kill-" + i);
      Process p = start(markers, dir);
      Thread.sleep(runMillis / 4 + random.nextInt((int) Math.max(1, runMillis * 3 / 4)));
      p.destroyForcibly().waitFor();
      for (Path marker : Markers.in(markers)) {
        Map<String, Object> m = Markers.read(marker); // throws on a torn or half-written file
        assertThat(m.get("nodeid").toString()).startsWith("io.testabort.it.fixtures.ManyQuickCases");
        seen.add(m.get("status") + " " + m.get("nodeid"));
      }
    }
    // most kills must have landed while tests ran, or the test proves nothing
    assertThat(seen).as("markers left by %d kills in a %d ms run", KILLS, runMillis).hasSizeGreaterThan(KILLS / 2);
  }
}
