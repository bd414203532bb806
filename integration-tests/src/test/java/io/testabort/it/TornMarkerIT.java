package io.testabort.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.testabort.it.fixtures.LongMethodName;
import io.testabort.it.fixtures.OddNames;
import java.io.File;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGKILL at random instants of fast test runs: whatever instant the JVM dies at, the marker is absent
 * (killed before the first test) or one whole JSON object naming, exactly, a test or class of the run.
 * The names are the ones that used to break the one-page promise: a thousand CJK characters, emoji,
 * control characters (a record larger than a page), a 1,500-character method name, and 64 tests in
 * flight at once.
 */
class TornMarkerIT {
  private static final int KILLS = 24;
  private static final int KILLS_PER_NAME_KIND = 12;
  private static final String FIXTURES = "io.testabort.it.fixtures.";

  private static Process start(Path markers, Path workDir, List<String> launcherArgs) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(Jdks.java(Jdks.current()), "-javaagent:" + Project.agentJar() + "=dir=" + markers,
        "-jar", Project.launcher("junit5-console.jar").toString(), "execute", "--disable-banner", "--details=none"));
    cmd.addAll(launcherArgs);
    return new ProcessBuilder(cmd).directory(workDir.toFile()).redirectErrorStream(true)
        .redirectOutput(workDir.resolve("out-" + System.nanoTime() + ".txt").toFile()).start();
  }

  private static String classPath(Class<?>... alsoFrom) throws Exception {
    StringBuilder cp = new StringBuilder(Paths.get(System.getProperty("test.classes")).toString());
    for (Class<?> c : alsoFrom) {
      cp.append(File.pathSeparator).append(Paths.get(c.getProtectionDomain().getCodeSource().getLocation().toURI()));
    }
    return cp.toString();
  }

  /**
   * Runs the suite once to time it: when its first marker appears (the first test or class starts) and
   * when it ends. Then kills it {@code kills} times at random instants in the first three quarters of
   * the time between those two, so that on a loaded machine, whose JVMs start slowly, the kills still
   * land while tests run. Every marker left must parse and name what {@code named} accepts. Returns the
   * markers.
   */
  private static List<Map<String, Object>> killAtRandomInstants(Path dir, List<String> launcherArgs, int kills,
      Predicate<String> named) throws Exception {
    long t0 = System.nanoTime();
    Path fullMarkers = dir.resolve("full");
    Process full = start(fullMarkers, dir, launcherArgs);
    long firstMarkerNanos = -1;
    while (full.isAlive() && firstMarkerNanos < 0) {
      if (!Markers.in(fullMarkers).isEmpty()) {
        firstMarkerNanos = System.nanoTime() - t0;
      }
      Thread.sleep(2);
    }
    assertThat(full.waitFor(4, TimeUnit.MINUTES)).isTrue();
    assertThat(full.exitValue()).as("a whole run passes").isZero();
    long runMillis = (System.nanoTime() - t0) / 1_000_000;
    long firstMarkerMillis = firstMarkerNanos < 0 ? runMillis / 4 : firstMarkerNanos / 1_000_000;

    Random random = new Random(42);
    List<Map<String, Object>> seen = new ArrayList<>();
    for (int i = 0; i < kills; i++) {
      Path markers = dir.resolve("kill-" + i);
      Process p = start(markers, dir, launcherArgs);
      Thread.sleep(firstMarkerMillis + random.nextInt((int) Math.max(1, (runMillis - firstMarkerMillis) * 3 / 4)));
      p.destroyForcibly().waitFor(); // SIGKILL
      for (Path marker : Markers.in(markers)) {
        Map<String, Object> m = Markers.read(marker); // throws on a torn or half-written file
        String nodeid = (String) m.get("nodeid");
        assertThat(named.test(nodeid)).as("%s names %s", marker, nodeid).isTrue();
        seen.add(m);
      }
    }
    // most kills must have landed while tests ran, or the test proves nothing
    assertThat(seen).as("markers left by %d kills in a %d ms run, its first marker at %d ms", kills, runMillis,
        firstMarkerMillis).hasSizeGreaterThan(kills / 2);
    return seen;
  }

  @Test
  void randomSigkillsNeverLeaveATornMarker(@TempDir Path dir) throws Exception {
    killAtRandomInstants(dir, List.of("--class-path", classPath(), "--select-class", FIXTURES + "ManyQuickCases"), KILLS,
        nodeid -> nodeid.startsWith(FIXTURES + "ManyQuickCases"));
  }

  @Test
  void cjkEmojiAndControlCharacterNamesParseAndAreExactAfterASigkill(@TempDir Path dir) throws Exception {
    String cls = FIXTURES + "OddNames";
    Set<String> exact = new HashSet<>();
    exact.add(cls);
    for (int i = 0; i < OddNames.ROWS; i++) {
      exact.add(cls + "#quick[" + OddNames.name(i) + "]");
    }
    String rowContainer = "[engine:junit-vintage]/[runner:" + cls + "]/[test:";
    List<Map<String, Object>> markers = killAtRandomInstants(dir,
        List.of("--class-path", classPath(org.junit.Test.class, org.hamcrest.Matcher.class), "--select-class", cls),
        KILLS_PER_NAME_KIND, nodeid -> exact.contains(nodeid) || nodeid.startsWith(rowContainer));
    assertThat(markers).as("some kill landed on a test").anyMatch(m -> m.get("nodeid").toString().startsWith(cls + "#quick["));
  }

  @Test
  void aFifteenHundredCharacterMethodNameIsExactAfterASigkill(@TempDir Path dir) throws Exception {
    String cls = FIXTURES + "LongMethodName";
    Set<String> exact = new HashSet<>();
    exact.add(cls);
    exact.add(cls + "#" + LongMethodName.METHOD); // the parameterized method's container, between invocations
    for (int i = 1; i <= 3_000; i++) {
      exact.add(cls + "#" + LongMethodName.METHOD + "[" + i + "]");
    }
    assertThat(LongMethodName.METHOD).hasSize(1_500);
    killAtRandomInstants(dir, List.of("--class-path", classPath(), "--select-class", cls), KILLS_PER_NAME_KIND,
        exact::contains);
  }

  @Test
  void sixtyFourParallelTestsLeaveAWholeMarkerNamingOneOfThem(@TempDir Path dir) throws Exception {
    String cls = FIXTURES + "ParallelCases";
    Set<String> exact = new HashSet<>();
    exact.add(cls);
    // the parameterized method's container, when a kill lands before its first invocation or after its last
    exact.add(cls + "#parallel");
    for (int i = 1; i <= 20_000; i++) {
      exact.add(cls + "#parallel[" + i + "]");
    }
    List<Map<String, Object>> markers = killAtRandomInstants(dir, List.of("--class-path", classPath(),
        "--select-class", cls,
        "--config=junit.jupiter.execution.parallel.enabled=true",
        "--config=junit.jupiter.execution.parallel.config.strategy=fixed",
        "--config=junit.jupiter.execution.parallel.config.fixed.parallelism=64",
        "--config=junit.jupiter.execution.parallel.config.fixed.max-pool-size=64"), KILLS_PER_NAME_KIND, exact::contains);
    assertThat(markers).as("tests were in flight together").anyMatch(m -> m.get("running") instanceof List);
    for (Map<String, Object> m : markers) {
      if (m.get("running") instanceof List) {
        for (Object entry : (List<?>) m.get("running")) {
          assertThat(exact).contains((String) ((Map<?, ?>) entry).get("nodeid"));
        }
      }
    }
  }
}
