package io.testabort.agent.it;

import static io.testabort.agent.it.ForkedRun.FIXTURES;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each framework run from a {@code URLClassLoader} whose parent is the platform loader (the
 * {@code IsolatedLauncher} fixture), so the framework classes the agent hooks cannot see the agent's
 * classes in the system class loader: the hooks reach the agent through the bridge in {@code java.base},
 * and the marker of the JVM that dies names the test.
 */
class IsolatedLoaderIT {
  @TempDir Path dir;

  static Stream<String> javas() {
    return ForkedRun.javas();
  }

  /** {@code java -cp <it classes> IsolatedLauncher <isolated class path> <main> <args>}: only the launcher on the class path. */
  private ForkedRun isolated(String java, List<String> props, String isolatedClasspath, String main, String... args)
      throws Exception {
    List<String> all = new ArrayList<>(List.of(
        "-cp", System.getProperty("it.classes"), FIXTURES + "IsolatedLauncher", isolatedClasspath, main));
    all.addAll(Arrays.asList(args));
    return ForkedRun.run(java, dir, "", props, all.toArray(new String[0]));
  }

  @ParameterizedTest
  @MethodSource("javas")
  void junit4FromAnIsolatedLoaderNamesTheCrashedTest(String java) throws Exception {
    String fixture = FIXTURES + "Junit4Fixture";
    ForkedRun run = isolated(java, List.of("crash.at=parses1", "crash.how=segv"),
        ForkedRun.classpath(ForkedRun.lib("junit-4.13.2.jar"), ForkedRun.lib("hamcrest-core-1.3.jar")),
        FIXTURES + "Junit4Main", fixture);
    run.assertCrashed(fixture + "#parses[1]", "parses[1]", fixture, "junit4", "call");
    assertThat(run.stderr).doesNotContain("cannot reach the agent");
  }

  @ParameterizedTest
  @MethodSource("javas")
  void junitPlatformFromAnIsolatedLoaderNamesTheCrashedTest(String java) throws Exception {
    String fixture = FIXTURES + "JupiterFixture";
    ForkedRun run = isolated(java, List.of("crash.at=divides2", "crash.how=kill"),
        ForkedRun.classpath(ForkedRun.lib("junit-platform-console-standalone-1.14.1.jar")),
        "org.junit.platform.console.ConsoleLauncher",
        "execute", "--disable-banner", "--details=none", "--select-class", fixture);
    run.assertCrashed(fixture + "#divides[2]", "divides", fixture, "junit-jupiter", "call");
  }

  @ParameterizedTest
  @MethodSource("javas")
  void testNGFromAnIsolatedLoaderNamesTheCrashedTest(String java) throws Exception {
    String fixture = FIXTURES + "NgFixture";
    ForkedRun run = isolated(java, List.of("crash.at=schedules2", "crash.how=segv"),
        ForkedRun.classpath(ForkedRun.lib("testng-7.12.0.jar"), ForkedRun.lib("jcommander-1.83.jar"),
            ForkedRun.lib("slf4j-api-2.0.16.jar"), ForkedRun.lib("jquery-3.7.1.jar")),
        "org.testng.TestNG", "-d", dir.resolve("testng").toString(), "-testclass", fixture);
    run.assertCrashed(fixture + "#schedules[2]", "schedules", fixture, "testng", "call");
  }
}
