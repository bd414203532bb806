package io.testabort.agent.instrument;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TransformedClassCacheTest {
  private static final byte[] ORIGINAL = {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE, 0, 0, 0, 61, 1};
  private static final byte[] REWRITTEN = {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE, 0, 0, 0, 61, 2, 3};

  @TempDir Path dir;

  @Test
  void returnsWhatWasRewrittenFromExactlyTheSameClassFile() {
    TransformedClassCache cache = TransformedClassCache.in(dir.resolve("c"));
    assertThat(cache.get("org/x/A", ORIGINAL)).isNull();
    cache.put("org/x/A", ORIGINAL, REWRITTEN);
    assertThat(cache.get("org/x/A", ORIGINAL)).isEqualTo(REWRITTEN);
    assertThat(cache.get("org/x/A", REWRITTEN)).as("another version of the class").isNull();
    assertThat(cache.get("org/x/B", ORIGINAL)).as("another class").isNull();
  }

  @Test
  void aDamagedEntryIsAMissNotAnError() throws Exception {
    TransformedClassCache cache = TransformedClassCache.in(dir);
    cache.put("org/x/A", ORIGINAL, REWRITTEN);
    try (Stream<Path> entries = Files.list(dir)) {
      Files.write(entries.findFirst().orElseThrow(), new byte[] {1, 2, 3});
    }
    assertThat(cache.get("org/x/A", ORIGINAL)).isNull();
  }

  @Test
  void anUnusableDirectoryIsNoCache() throws Exception {
    Path file = Files.writeString(dir.resolve("not-a-dir"), "x");
    TransformedClassCache cache = TransformedClassCache.in(file.resolve("c"));
    cache.put("org/x/A", ORIGINAL, REWRITTEN);
    assertThat(cache.get("org/x/A", ORIGINAL)).isNull();
  }

  @Test
  void eachAgentBuildHasItsOwnEntries() throws Exception {
    File jar = Files.write(dir.resolve("agent.jar"), new byte[] {1}).toFile();
    TransformedClassCache one = TransformedClassCache.forAgent(jar, dir.resolve("root"));
    one.put("org/x/A", ORIGINAL, REWRITTEN);
    Files.write(jar.toPath(), new byte[] {1, 2});
    assertThat(one.get("org/x/A", ORIGINAL)).isEqualTo(REWRITTEN);
    assertThat(TransformedClassCache.forAgent(jar, dir.resolve("root")).get("org/x/A", ORIGINAL)).isNull();
  }
}
