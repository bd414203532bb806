package io.testabort.agent.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The first test's collection of earlier JVMs' markers (the crashLog option). */
class DeadMarkersTest {
  @TempDir Path dir;

  @Test
  void aMarkerFolderThatDoesNotExistYetIsNothingToCollectNotAnError() throws Exception {
    PrintStream err = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      // the first test JVM of a clean build: target/test-abort is created by its own first marker
      DeadMarkers.collectInBackground(dir.resolve("target/test-abort"), dir.resolve("crashes.jsonl"));
      DeadMarkers.awaitCollection(10_000);
    } finally {
      System.setErr(err);
    }

    assertThat(captured.toString(StandardCharsets.UTF_8)).isEmpty();
    assertThat(dir.resolve("crashes.jsonl")).doesNotExist();
  }
}
