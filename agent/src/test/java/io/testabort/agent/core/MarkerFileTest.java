package io.testabort.agent.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.testabort.crash.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The marker file's writes: one page, a rename to create it, and the page mapped only after many flips. */
class MarkerFileTest {
  @TempDir Path dir;

  private Path marker() {
    return dir.resolve("last_running_7.json");
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  private String content() throws IOException {
    return new String(Files.readAllBytes(marker()), StandardCharsets.US_ASCII);
  }

  @Test
  void aPathThatIsADeviceOrAPipeIsNeverReplacedNorDeleted() throws Exception {
    Path fifo = dir.resolve("pipe");
    Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
    assertThat(mkfifo.waitFor()).isZero();
    for (Path notAFile : new Path[] {fifo, Path.of("/dev/null")}) {
      MarkerFile file = new MarkerFile(notAFile);
      byte[] record = ascii("{\"a\": 1}");

      assertThatThrownBy(() -> file.write(record, record.length))
          .isInstanceOf(IOException.class).hasMessageContaining("is not a regular file");
      file.delete();

      assertThat(Files.isRegularFile(notAFile)).isFalse();
      assertThat(Files.exists(notAFile)).isTrue();
    }
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).containsExactly(fifo); // no temp file either
    }
  }

  @Test
  void theFirstRecordArrivesByRenameAsOnePageAndLeavesNoTempFile() throws IOException {
    MarkerFile file = new MarkerFile(marker());
    byte[] record = ascii("{\"a\": 1}");
    file.write(record, record.length);

    assertThat(Files.size(marker())).isEqualTo(MarkerFile.PAGE);
    assertThat(content()).startsWith("{\"a\": 1}    ").endsWith(" \n");
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).containsExactly(marker());
    }
  }

  @Test
  void aShorterRecordIsPaddedOverTheLongerOneBeforeIt() throws IOException {
    MarkerFile file = new MarkerFile(marker());
    byte[] longer = ascii("{\"name\": \"a rather long test name\"}");
    byte[] shorter = ascii("{\"name\": \"x\"}");
    file.write(longer, longer.length);
    file.write(shorter, shorter.length);

    assertThat(Files.size(marker())).isEqualTo(MarkerFile.PAGE);
    assertThat(Json.parse(Files.readAllBytes(marker()))).isEqualTo(Map.of("name", "x"));
  }

  @Test
  void onlyPartOfTheCallersArrayIsWritten() throws IOException {
    MarkerFile file = new MarkerFile(marker());
    byte[] buffer = ascii("{\"n\": 2}garbage past the record");
    file.write(buffer, 8);

    assertThat(content().trim()).isEqualTo("{\"n\": 2}");
  }

  @Test
  void writeAtStaysWithinTheRecord() throws IOException {
    MarkerFile file = new MarkerFile(marker());
    byte[] record = ascii("{\"p\": \"ab\"}");
    file.write(record, record.length);
    file.writeAt(7, ascii("cd"));

    assertThat(content().trim()).isEqualTo("{\"p\": \"cd\"}");
    assertThatThrownBy(() -> file.writeAt(10, ascii("xyz"))).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void setupCallFlipsAreWritesUntilEnoughWereWrittenThenWordStores() throws IOException {
    MarkerFile file = new MarkerFile(marker(), 2, MarkerFile.WRITES_BEFORE_CHANNEL);
    TestRegistry registry = new TestRegistry(file, 7, "0");
    registry.started(
        RunningTest.builder("t", "junit-jupiter", true).nodeid("C#m").phase(RunningTest.SETUP).build(), null);

    String[] flips = {RunningTest.CALL, RunningTest.SETUP, RunningTest.CALL, RunningTest.SETUP};
    boolean[] mappedAfter = {false, false, true, true};
    for (int i = 0; i < flips.length; i++) {
      registry.phase(flips[i]);
      assertThat(file.isMapped()).as("mapped after flip %d", i + 1).isEqualTo(mappedAfter[i] && isPosix());
      assertThat(phase()).as("phase after flip %d", i + 1).isEqualTo(flips[i]);
    }
  }

  @Test
  void aDefaultFileDoesNotMapForAFewFlips() throws IOException {
    MarkerFile file = new MarkerFile(marker());
    TestRegistry registry = new TestRegistry(file, 7, "0");
    registry.started(
        RunningTest.builder("t", "junit-jupiter", true).nodeid("C#m").phase(RunningTest.SETUP).build(), null);
    for (int i = 0; i < 100; i++) {
      registry.phase(i % 2 == 0 ? RunningTest.CALL : RunningTest.SETUP);
    }

    assertThat(file.isMapped()).isFalse();
    assertThat(phase()).isEqualTo(RunningTest.SETUP);
  }

  @Test
  void aLongRunWritesThroughTheChannelWithTheSameBytes() throws IOException {
    MarkerFile file = new MarkerFile(marker(), MarkerFile.FLIPS_BEFORE_MAPPING, 2);
    String[] records = {"{\"n\": \"first, the longest\"}", "{\"n\": 2}", "{\"n\": \"third\"}", "{\"n\": 4}"};
    for (int i = 0; i < records.length; i++) {
      byte[] record = ascii(records[i]);
      file.write(record, record.length);
      // the first write creates the file (a rename), the next two seek and write, then the channel
      assertThat(file.writesThroughChannel()).as("after write %d", i + 1).isEqualTo(i >= 3);
      assertThat(Files.size(marker())).isEqualTo(MarkerFile.PAGE);
      assertThat(content()).startsWith(records[i] + " ").endsWith(" \n");
      assertThat(Json.parse(Files.readAllBytes(marker()))).isEqualTo(Json.parse(record));
    }
    file.writeAt(6, ascii("5"));
    assertThat(content().trim()).isEqualTo("{\"n\": 5}");
  }

  @Test
  void deleteRemovesOnlyAFileThisInstanceWrote() throws IOException {
    Files.write(marker(), ascii("{}"));
    new MarkerFile(marker()).delete();
    assertThat(marker()).exists();

    MarkerFile file = new MarkerFile(marker());
    byte[] record = ascii("{\"a\": 1}");
    file.write(record, record.length);
    file.delete();
    assertThat(marker()).doesNotExist();
  }

  @SuppressWarnings("unchecked")
  private String phase() throws IOException {
    return (String) ((Map<String, Object>) Json.parse(Files.readAllBytes(marker()))).get("phase");
  }

  private static boolean isPosix() {
    return java.io.File.separatorChar == '/';
  }
}
