package io.testabort.agent.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import io.testabort.crash.json.Json;
import io.testabort.crash.json.JsonNumber;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestRegistryTest {
  @TempDir Path dir;

  private Path markerPath() {
    return dir.resolve("last_running_4242.json");
  }

  private TestRegistry registry() {
    return new TestRegistry(new MarkerFile(markerPath()), 4242, "0");
  }

  private String marker() throws IOException {
    return new String(Files.readAllBytes(markerPath()), StandardCharsets.UTF_8);
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> parsed() throws IOException {
    return (Map<String, Object>) Json.parse(Files.readAllBytes(markerPath()));
  }

  /** The marker with the parts that change from run to run replaced, for comparing with a golden file. */
  private String normalizedMarker() throws IOException {
    return marker()
        .trim()
        .replaceAll("\"start_time\": \"[0-9T:.-]{26}\"", "\"start_time\": \"<time>\"")
        .replaceAll("\"thread\": \"[^\"]*\"", "\"thread\": \"<thread>\"")
        .replaceAll("\"jvm\": \\{.*\\}}$", "\"jvm\": <jvm>}");
  }

  private static String golden(String name) throws IOException {
    return new String(
            TestRegistryTest.class.getResourceAsStream("/markers/" + name).readAllBytes(), StandardCharsets.UTF_8)
        .trim();
  }

  private static RunningTest test(String key, String method) {
    return RunningTest.builder(key, "junit-jupiter", true)
        .nodeid("com.example.CalcTest#" + method)
        .testClass("com.example.CalcTest")
        .method(method)
        .displayName(method + "()")
        .uniqueId(key)
        .phase(RunningTest.SETUP)
        .build();
  }

  private static RunningTest container(String key, String cls) {
    return RunningTest.builder(key, "junit-jupiter", false).nodeid(cls).testClass(cls).build();
  }

  @Test
  void noMarkerBeforeAnythingStarts() {
    registry();
    assertThat(markerPath()).doesNotExist();
  }

  @Test
  void runningTestIsNamedWithTheContractKeysFirst() throws IOException {
    TestRegistry r = registry();
    r.started(container("c", "com.example.CalcTest"), null);
    r.started(test("t", "divides"), "c");
    assertThat(normalizedMarker()).isEqualTo(golden("running.json"));
    assertThat(marker()).startsWith("{\"test_name\": \"divides\", \"nodeid\": ");
  }

  @Test
  void phasesFollowTheTest() throws IOException {
    TestRegistry r = registry();
    r.started(test("t", "divides"), null);
    assertThat(marker()).contains("\"phase\": \"setup\"");
    r.phase(RunningTest.CALL);
    assertThat(marker()).contains("\"phase\": \"call\"");
    r.phase(RunningTest.TEARDOWN);
    assertThat(marker()).contains("\"phase\": \"teardown\"");
  }

  // EngineTestKit in a Jupiter test: the inner tests are not recorded, but their method hooks fire on
  // this thread; the first inner end moved the outer test to teardown while its method still ran
  @Test
  void testsRunInsideATestMethodLeaveItsPhaseAlone() throws IOException {
    TestRegistry r = registry();
    r.started(test("t", "withTestKit"), null);
    r.testMethod(null, null, true);
    assertThat(marker()).contains("\"phase\": \"call\"");
    r.testMethod(null, null, true); // an inner test's method
    r.testMethod(null, null, false);
    r.phaseOutsideMethod("junit-jupiter", null, RunningTest.SETUP); // an inner test's setup
    assertThat(marker()).contains("\"phase\": \"call\"");
    r.testMethod(null, null, false);
    assertThat(marker()).contains("\"phase\": \"teardown\"");
    r.testMethod(null, null, false); // one exit too many changes nothing
    assertThat(marker()).contains("\"phase\": \"teardown\"");
  }

  @Test
  void aFrameworksPhaseChangeLeavesAnotherFrameworksTestAlone() throws IOException {
    TestRegistry r = registry();
    r.started(test("t", "divides"), null);
    r.phaseOf("junit4", "junit-vintage", RunningTest.CALL);
    assertThat(marker()).as("a Jupiter test, moved by JUnit 4's hooks").contains("\"phase\": \"setup\"");
    r.phaseOf("junit4", "junit-jupiter", RunningTest.CALL);
    assertThat(marker()).contains("\"phase\": \"call\"");
    r.phaseOf("junit-jupiter", null, RunningTest.TEARDOWN);
    assertThat(marker()).contains("\"phase\": \"teardown\"");
  }

  @Test
  void containerIsShownWhenNoTestRunsWithSetupBeforeAndTeardownAfterItsChildren() throws IOException {
    TestRegistry r = registry();
    r.started(container("c", "com.example.BootTest"), null);
    assertThat(marker()).contains("\"nodeid\": \"com.example.BootTest\"").contains("\"phase\": \"setup\"");
    r.started(test("t", "divides"), "c");
    r.finished("t");
    assertThat(marker()).contains("\"nodeid\": \"com.example.BootTest\"").contains("\"phase\": \"teardown\"");
  }

  @Test
  void idleWhenNothingRunsAndRemovedAtCleanShutdown() throws IOException {
    TestRegistry r = registry();
    r.started(test("t", "divides"), null);
    r.finished("t");
    assertThat(marker()).contains("\"status\": \"idle\"");
    r.shutdown();
    assertThat(markerPath()).doesNotExist();
  }

  @Test
  void shutdownDuringATestKeepsTheMarkerAndSaysHow() throws IOException {
    TestRegistry r = registry();
    r.started(test("t", "divides"), null);
    r.shutdown();
    assertThat(marker()).contains("\"status\": \"running\"").contains("\"exit\": {\"code\": null, \"via\": \"shutdown\"");
  }

  @Test
  void exitDuringATestIsRecordedWithCodeAndCaller() throws IOException {
    TestRegistry r = registry();
    assertThat(r.exitCalled(3, "System.exit", new Throwable().getStackTrace())).isFalse();
    r.started(test("t", "divides"), null);
    StackTraceElement[] trace = {
      new StackTraceElement("java.lang.Runtime", "exit", "Runtime.java", 1),
      new StackTraceElement("java.lang.System", "exit", "System.java", 2),
      new StackTraceElement("com.example.CalcTest", "divides", "CalcTest.java", 42),
    };
    assertThat(r.exitCalled(3, "System.exit", trace)).isTrue();
    assertThat(marker())
        .contains("\"exit\": {\"code\": 3, \"via\": \"System.exit\", \"stack\": [\"com.example.CalcTest.divides(CalcTest.java:42)\"]}");
  }

  private static final StackTraceElement[] EXIT_TRACE = {
    new StackTraceElement("java.lang.Runtime", "exit", "Runtime.java", 1),
    new StackTraceElement("com.example.CalcTest", "go", "CalcTest.java", 7),
  };

  /** Runs {@code action} on a new thread named {@code name} and waits for it. */
  private static void onThread(String name, Runnable action) throws InterruptedException {
    Thread t = new Thread(action, name);
    t.start();
    t.join();
  }

  @Test
  void anExitInAParallelRunNamesTheTestOfTheCallingThreadNotTheLatest() throws Exception {
    TestRegistry r = registry();
    CountDownLatch exitNow = new CountDownLatch(1);
    CountDownLatch exited = new CountDownLatch(1);
    Thread first = new Thread(() -> {
      r.started(test("a", "adds"), null);
      try {
        exitNow.await();
      } catch (InterruptedException e) {
        throw new AssertionError(e);
      }
      r.exitCalled(2, "System.exit", EXIT_TRACE);
      exited.countDown();
    }, "worker-1");
    first.start();
    while (!r.isRunning("a")) {
      Thread.sleep(1);
    }
    onThread("worker-2", () -> r.started(test("b", "divides"), null)); // the latest, on another thread
    exitNow.countDown();
    exited.await();
    first.join();

    assertThat(parsed()).containsEntry("nodeid", "com.example.CalcTest#adds").containsEntry("thread", "worker-1");
    assertThat(marker()).contains("\"exit\": {\"code\": 2, \"via\": \"System.exit\"");
  }

  @Test
  void anExitThatReturnsToItsCallerIsNoLongerShownAndALaterOneIs() throws IOException {
    TestRegistry r = registry();
    r.started(test("a", "trapsExit"), null);
    // a SecurityManager threw from checkExit: the test goes on, on the same thread
    assertThat(r.exitCalled(2, "System.exit", EXIT_TRACE)).isTrue();
    assertThat(marker()).contains("\"exit\": {\"code\": 2");
    r.finished("a");
    assertThat(marker()).doesNotContain("\"exit\"");

    r.started(test("b", "halts"), null);
    assertThat(r.exitCalled(9, "Runtime.halt", EXIT_TRACE)).isTrue();
    assertThat(parsed()).containsEntry("nodeid", "com.example.CalcTest#halts");
    assertThat(marker()).contains("\"exit\": {\"code\": 9, \"via\": \"Runtime.halt\"");
  }

  @Test
  void aThreadTheOnlyTestStartedMovesItsPhaseAndNamesItAtAnExit() throws Exception {
    TestRegistry r = registry();
    r.started(test("a", "adds"), null);
    // JUnit 4's @Test(timeout): the method runs on a thread of its own
    onThread("Time-limited test", () -> r.phase(RunningTest.CALL));
    assertThat(marker()).contains("\"phase\": \"call\"");
    AtomicReference<RunningTest> seen = new AtomicReference<>();
    onThread("Time-limited test", () -> seen.set(r.currentTest()));
    assertThat(seen.get()).isNotNull().extracting(t -> t.key).isEqualTo("a");
    onThread("Time-limited test", () -> r.exitCalled(3, "System.exit", EXIT_TRACE));
    assertThat(parsed()).containsEntry("nodeid", "com.example.CalcTest#adds");

    TestRegistry two = new TestRegistry(new MarkerFile(dir.resolve("two.json")), 4242, "0");
    two.started(test("a", "adds"), null);
    onThread("worker-2", () -> two.started(test("b", "divides"), null));
    onThread("neither", () -> seen.set(two.currentTest()));
    assertThat(seen.get()).as("two tests in flight: a stray thread is neither's").isNull();

    TestRegistry beside = new TestRegistry(new MarkerFile(dir.resolve("beside.json")), 4242, "0");
    beside.started(test("a", "adds"), null);
    onThread("other-class", () -> {
      beside.started(RunningTest.forClass("c2", "junit-jupiter", "com.example.OtherTest").build(), null);
      seen.set(beside.currentTest());
    });
    assertThat(seen.get()).as("a thread in another class's container is not the only test's").isNull();
  }

  @Test
  void parallelTestsAreAllListedAndTheLatestIsOnTop() throws Exception {
    TestRegistry r = registry();
    r.started(test("a", "adds"), null);
    CountDownLatch started = new CountDownLatch(1);
    Thread other = new Thread(() -> {
      r.started(test("b", "divides"), null);
      started.countDown();
    }, "worker-2");
    other.start();
    started.await();
    other.join();
    assertThat(normalizedMarker()).isEqualTo(golden("parallel.json"));
    assertThat(marker()).contains("\"thread\": \"worker-2\"");
    r.finished("b");
    assertThat(marker()).contains("\"nodeid\": \"com.example.CalcTest#adds\"").doesNotContain("\"running\": [");
  }

  @Test
  void aSecondStartOfTheSameKeyIsIgnored() throws IOException {
    TestRegistry r = registry();
    r.started(test("t", "divides"), null);
    r.started(test("t", "divides"), null);
    r.finished("t");
    assertThat(marker()).contains("\"status\": \"idle\"");
  }

  @Test
  void markerIsAlwaysOneWholePageOfJsonAndSpaces() throws IOException {
    TestRegistry r = registry();
    r.started(test("t", "divides"), null);
    byte[] bytes = Files.readAllBytes(markerPath());
    assertThat(bytes).hasSize(MarkerFile.PAGE);
    assertThat(bytes[bytes.length - 1]).isEqualTo((byte) '\n');
    r.finished("t");
    assertThat(Files.size(markerPath())).isEqualTo(MarkerFile.PAGE);
  }

  @Test
  void noTimeoutKeyUnlessTheWatchdogFired() throws IOException {
    TestRegistry r = registry();
    r.started(test("t", "divides"), null);
    assertThat(parsed()).doesNotContainKey("timeout");
  }

  @Test
  void hugeNamesAreCappedToKeepTheMarkerInOnePage() throws IOException {
    TestRegistry r = registry();
    String longName = "x".repeat(20_000);
    r.started(
        RunningTest.builder("k", "junit-jupiter", true).nodeid("C#m").displayName(longName).uniqueId(longName)
            .testClass("C").method(longName).build(),
        null);
    assertThat(Files.size(markerPath())).isEqualTo(MarkerFile.PAGE);
    assertThat(marker()).contains("...");
    assertThat(parsed()).containsEntry("nodeid", "C#m");
  }

  @Test
  void watchdogPicksTheOverdueTestAndAContainerOnlyBeforeItsFirstChild() throws Exception {
    TestRegistry r = registry();
    r.started(container("c", "com.example.BootTest"), null);
    Thread.sleep(5);
    assertThat(r.runningLongerThan(1_000_000).nodeid()).as("a hanging @BeforeAll").isEqualTo("com.example.BootTest");
    r.started(test("t", "divides"), "c");
    Thread.sleep(5);
    assertThat(r.runningLongerThan(1_000_000).nodeid()).isEqualTo("com.example.CalcTest#divides");
    assertThat(r.runningLongerThan(60_000_000_000L)).isNull();
  }

  @Test
  void timedOutTestIsOnTopWithTheTimeout() throws IOException {
    TestRegistry r = registry();
    RunningTest hanging = test("t", "divides");
    r.started(hanging, null);
    r.started(test("u", "adds"), null);
    r.timedOut(hanging, 600);
    // pytest-abort sees a crash only with status running: the timeout has its own key
    assertThat(parsed()).containsEntry("nodeid", "com.example.CalcTest#divides").containsEntry("status", "running")
        .containsEntry("timeout", new JsonNumber("600"));
    r.finished("t");
    r.shutdown();
    assertThat(parsed()).containsEntry("nodeid", "com.example.CalcTest#divides").containsEntry("status", "running")
        .containsKey("timeout");
  }

  @Test
  void anUnwritableMarkerIsGivenUpOnceAndTestsGoOn() throws IOException {
    Path notADir = Files.writeString(dir.resolve("file"), "x");
    TestRegistry r = new TestRegistry(new MarkerFile(notADir.resolve("last_running_1.json")), 1, "0");
    r.started(test("t", "divides"), null);
    r.phase(RunningTest.CALL);
    r.finished("t");
    r.shutdown();
    assertThat(notADir).hasContent("x");
  }
}
