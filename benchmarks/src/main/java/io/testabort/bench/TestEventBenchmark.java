package io.testabort.bench;

import io.testabort.agent.core.MarkerFile;
import io.testabort.agent.core.RunningTest;
import io.testabort.agent.core.TestRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the agent adds to one Jupiter test, the way the hooks report it: start (in setup), call, teardown,
 * finish, with the test's class running around it. Baselines in the same run: building the test's
 * description only; one bare positional write of a 600-byte record (the floor of any marker update: a
 * system call); and the four whole-page rewrites of the previous design, without their rendering.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class TestEventBenchmark {
  private TestRegistry registry;
  private MarkerFile bare;
  private final byte[] page = new byte[600];
  private int n;
  private java.nio.channels.FileChannel old;
  private final java.nio.ByteBuffer oldPage = java.nio.ByteBuffer.wrap(new byte[4096]);

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    Path dir = Files.createTempDirectory(Path.of(System.getProperty("bench.dir", "target")).toAbsolutePath(), "events");
    registry = new TestRegistry(new MarkerFile(dir.resolve("last_running_1.json")), 1, "unknown");
    registry.started(container(), null);
    bare = new MarkerFile(dir.resolve("last_running_2.json"));
    byte[] json = "{\"status\": \"running\"}".getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(json, 0, page, 0, json.length);
    java.util.Arrays.fill(page, json.length, page.length, (byte) ' ');
    bare.write(page, page.length);
    old = java.nio.channels.FileChannel.open(dir.resolve("last_running_3.json"), java.nio.file.StandardOpenOption.CREATE,
        java.nio.file.StandardOpenOption.WRITE);
  }

  private static RunningTest container() {
    return RunningTest.builder("class", "junit-jupiter", false).nodeid("com.example.LedgerTest").build();
  }

  private RunningTest test() {
    int i = n++ & 1023;
    String key = "[engine:junit-jupiter]/[class:com.example.LedgerTest]/[test-template:posts(int)]/[test-template-invocation:#" + i + "]";
    return RunningTest.builder(key, "junit-jupiter", true)
        .nodeid("com.example.LedgerTest#posts[" + i + "]")
        .testName("posts")
        .testClass("com.example.LedgerTest")
        .method("posts")
        .displayName("[" + i + "] 5 + 7")
        .uniqueId(key)
        .phase(RunningTest.SETUP)
        .build();
  }

  @Benchmark
  public RunningTest baselineDescribeOnly() {
    return test();
  }

  @Benchmark
  public void baselineOnePageWrite() throws IOException {
    bare.write(page, page.length);
  }

  /** What the previous design cost in writes alone: four whole 4 KiB pages per test (start, call, teardown, finish). */
  @Benchmark
  public void baselineFourPageRewrites() throws IOException {
    for (int i = 0; i < 4; i++) {
      oldPage.clear();
      old.write(oldPage, 0);
    }
  }

  @Benchmark
  public void fullTestLifecycle() {
    RunningTest t = test();
    registry.started(t, "class");
    registry.phase(RunningTest.CALL);
    registry.phase(RunningTest.TEARDOWN);
    registry.finished(t.key());
  }
}
