package io.testabort.bench;

import io.testabort.agent.core.MarkerFile;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One marker update, three ways: the agent's in-place positional write of a padded page, a temp file and
 * atomic rename (what a naive "never torn" writer does), and a write followed by a truncate (which tears).
 * All three write the same realistic marker in the same directory, so the ratios are what matters.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class MarkerWriteBenchmark {
  static final byte[] MARKER = ("{\"test_name\":\"reconciles\",\"nodeid\":\"com.example.ledger.LedgerTest#reconciles[2]\","
          + "\"start_time\":\"2026-11-26T09:31:34.123456\",\"status\":\"running\",\"pid\":12345,\"gpu_id\":\"unknown\","
          + "\"framework\":\"junit-jupiter\",\"test_class\":\"com.example.ledger.LedgerTest\",\"method\":\"reconciles\","
          + "\"display_name\":\"[2] 5 + 7\",\"unique_id\":\"[engine:junit-jupiter]/[class:com.example.ledger.LedgerTest]"
          + "/[test-template:reconciles(int, int)]/[test-template-invocation:#2]\",\"phase\":\"call\",\"thread\":\"main\","
          + "\"jvm\":{\"java_version\":\"17.0.15\",\"cwd\":\"/home/ci/app\",\"error_file\":\"/home/ci/app/hs_err_pid12345.log\"}}")
      .getBytes(StandardCharsets.UTF_8);

  private Path dir;
  private MarkerFile inPlace;
  private FileChannel truncating;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    // the build directory, not /tmp: tmpfs would hide the disk cost a rename forces
    dir = Files.createTempDirectory(Path.of(System.getProperty("bench.dir", "target")).toAbsolutePath(), "markers");
    inPlace = new MarkerFile(dir.resolve("last_running_1.json"));
    inPlace.write(MARKER, MARKER.length);
    truncating = FileChannel.open(dir.resolve("last_running_3.json"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    inPlace.delete();
    truncating.close();
    try (var files = Files.list(dir)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        Files.delete(f);
      }
    }
    Files.delete(dir);
  }

  @Benchmark
  public void inPlacePageWrite() throws IOException {
    inPlace.write(MARKER, MARKER.length);
  }

  @Benchmark
  public void tempFileAndRename() throws IOException {
    Path tmp = dir.resolve(".last_running_2.json.tmp");
    Files.write(tmp, MARKER);
    Files.move(tmp, dir.resolve("last_running_2.json"), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  @Benchmark
  public void writeThenTruncate() throws IOException {
    truncating.write(ByteBuffer.wrap(MARKER), 0);
    truncating.truncate(MARKER.length);
  }
}
