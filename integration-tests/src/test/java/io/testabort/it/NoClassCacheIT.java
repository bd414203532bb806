package io.testabort.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hooked classes are rewritten in every JVM, cheaply, and never read back from disk: nothing in the
 * user's cache directory can put bytecode into a framework or {@code java.base}.
 */
class NoClassCacheIT {
  @Test
  void aTestJvmWritesNothingToTheCacheDirectoryAndStillNamesTheTest(@TempDir Path dir) throws Exception {
    Path cache = dir.resolve("cache");
    Map<String, String> env = Map.of("XDG_CACHE_HOME", cache.toString(), "HOME", dir.resolve("home").toString());
    Jvm jvm = LedgerSuite.run(env, Jdks.current(), "junit5-console.jar", dir.resolve("1"),
        "dir=" + dir.resolve("markers") + ",log=debug", "LedgerTest#reconciles[2]", "kill");

    assertThat(jvm.output).contains("[test-abort] hooks and bridge ready")
        .contains("instrumented org/junit/platform/launcher/core/ExecutionListenerAdapter in")
        .contains("instrumented java/lang/Runtime in")
        .doesNotContain("class cache");
    assertThat(cache).doesNotExist();
    assertThat(dir.resolve("home/.cache")).doesNotExist();
    assertThat(Markers.read(dir.resolve("markers/last_running_" + jvm.pid + ".json")))
        .containsEntry("nodeid", "com.example.ledger.LedgerTest#reconciles[2]")
        .containsEntry("phase", "call");
  }
}
