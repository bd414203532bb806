package io.testabort.bench;

import io.testabort.agent.core.MarkerFile;
import io.testabort.agent.core.RunningTest;
import io.testabort.agent.core.TestRegistry;
import java.io.IOException;
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
 * What the agent adds to one Jupiter test: start (setup phase), call, teardown, finish, each rewriting
 * the marker. The baseline builds the same test description without touching the registry.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class TestEventBenchmark {
  private TestRegistry registry;
  private int n;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    Path dir = Files.createTempDirectory(Path.of(System.getProperty("bench.dir", "target")).toAbsolutePath(), "events");
    registry = new TestRegistry(new MarkerFile(dir.resolve("last_running_1.json")), 1, "unknown");
    registry.started(container(), null);
  }

  private static RunningTest container() {
    return RunningTest.builder("class", "junit-jupiter", false).nodeid("com.example.LedgerTest").build();
  }

  private RunningTest test() {
    String key = "[engine:junit-jupiter]/[class:com.example.LedgerTest]/[method:t" + (n++ & 1023) + "()]";
    return RunningTest.builder(key, "junit-jupiter", true)
        .nodeid("com.example.LedgerTest#posts")
        .testClass("com.example.LedgerTest")
        .method("posts")
        .displayName("posts()")
        .uniqueId(key)
        .phase(RunningTest.SETUP)
        .build();
  }

  @Benchmark
  public RunningTest baselineDescribeOnly() {
    return test();
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
