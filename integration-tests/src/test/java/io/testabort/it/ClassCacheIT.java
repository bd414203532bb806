package io.testabort.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The first test JVM rewrites the hooked framework classes with Byte Buddy and keeps them in the user's
 * cache; the next one loads them from there without Byte Buddy, and attributes crashes just the same.
 */
class ClassCacheIT {
  @Test
  void secondJvmUsesTheRewrittenClassesOfTheFirst(@TempDir Path dir) throws Exception {
    Map<String, String> env = Map.of("XDG_CACHE_HOME", dir.resolve("cache").toString());
    String options = "dir=" + dir.resolve("markers") + ",log=debug";

    Jvm first = LedgerSuite.run(env, Jdks.current(), "junit5-console.jar", dir.resolve("1"), options,
        "LedgerTest#reconciles[2]", "kill");
    Jvm second = LedgerSuite.run(env, Jdks.current(), "junit5-console.jar", dir.resolve("2"), options,
        "LedgerTest#reconciles[2]", "kill");

    assertThat(first.output).contains("[test-abort] Byte Buddy ready")
        .contains("instrumented org/junit/platform/launcher/core/ExecutionListenerAdapter in")
        .doesNotContain("from the class cache");
    assertThat(second.output).doesNotContain("Byte Buddy ready")
        .contains("instrumented org/junit/platform/launcher/core/ExecutionListenerAdapter from the class cache")
        .contains("instrumented java/lang/Runtime from the class cache");
    // the second JVM's marker (the first one's is there too, from its own crash)
    assertThat(Markers.read(dir.resolve("markers/last_running_" + second.pid + ".json")))
        .containsEntry("nodeid", "com.example.ledger.LedgerTest#reconciles[2]")
        .containsEntry("phase", "call");
  }
}
