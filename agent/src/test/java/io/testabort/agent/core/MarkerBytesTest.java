package io.testabort.agent.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.testabort.crash.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The marker's one-page promise counted in bytes (issue 7, finding 6): whatever a name holds, the record
 * parses and its node id is exact; it stays one page, written in place, unless the node id alone cannot
 * fit, and then the file is replaced whole.
 */
class MarkerBytesTest {
  static final String CJK = "測試名稱漢字";
  static final String EMOJI = "\uD83D\uDE00\uD83D\uDC68\u200D\uD83D\uDCBB";
  static final String CONTROL = "\u0001\u0002\u001f\n\t\"\\";

  @TempDir Path dir;

  private Path marker() {
    return dir.resolve("last_running_1.json");
  }

  private TestRegistry registry() {
    return new TestRegistry(new MarkerFile(marker()), 1, "0");
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> parsed() throws IOException {
    return (Map<String, Object>) Json.parse(Files.readAllBytes(marker()));
  }

  private static String repeat(String unit, int chars) {
    StringBuilder b = new StringBuilder();
    while (b.length() < chars) {
      b.append(unit);
    }
    return b.toString();
  }

  /** A Jupiter-like test whose method name is {@code method}: it is in the node id, names and unique id. */
  private static RunningTest named(String key, String method) {
    String cls = "com.example.名前Test";
    return RunningTest.builder(key, "junit-jupiter", true)
        .nodeid(cls + "#" + method)
        .testName(method)
        .testClass(cls)
        .method(method)
        .displayName(method + "()")
        .uniqueId("[engine:junit-jupiter]/[class:" + cls + "]/[method:" + method + "()]")
        .phase(RunningTest.SETUP)
        .build();
  }

  private void assertNamesExactly(RunningTest t) throws IOException {
    Map<String, Object> m = parsed();
    assertThat(m.get("nodeid")).isEqualTo(t.nodeid());
    assertThat(m.get("status")).isEqualTo("running");
    assertThat(m.get("phase")).isEqualTo(t.phase());
  }

  @Test
  void cjkEmojiAndControlCharacterNamesOfAThousandCharactersStayOnePageWithTheNodeidExact() throws IOException {
    TestRegistry r = registry();
    for (String unit : new String[] {CJK, EMOJI, CONTROL}) {
      RunningTest t = named(unit, repeat(unit, 300));
      r.started(t, null);
      assertThat(Files.size(marker())).as(unit).isEqualTo(MarkerFile.PAGE);
      assertNamesExactly(t);
      r.phase(RunningTest.CALL);
      assertNamesExactly(t);
      r.finished(t.key());
    }
  }

  @Test
  void aMethodNameOf1500CharactersKeepsItsNodeidInOnePage() throws IOException {
    TestRegistry r = registry();
    RunningTest t = named("k", "m".repeat(1_500));
    r.started(t, null);
    assertThat(Files.size(marker())).isEqualTo(MarkerFile.PAGE);
    assertNamesExactly(t);
  }

  @Test
  void aNodeidLargerThanAPageReplacesTheFileWholeAndTheNextRecordShrinksItBack() throws IOException {
    TestRegistry r = registry();
    for (String unit : new String[] {CJK, EMOJI, CONTROL, "x"}) {
      RunningTest big = named("big" + unit, repeat(unit, unit.equals("x") ? 6_000 : 3_000));
      r.started(big, null);
      assertThat(Files.size(marker())).as(unit).isGreaterThan(MarkerFile.PAGE);
      assertNamesExactly(big);
      r.phase(RunningTest.CALL); // not in place: the file is not one page
      assertNamesExactly(big);
      r.finished(big.key());
      assertThat(parsed()).containsEntry("status", "idle").containsEntry("nodeid", big.nodeid());
      RunningTest small = named("small" + unit, "adds");
      r.started(small, null);
      assertThat(Files.size(marker())).isEqualTo(MarkerFile.PAGE);
      assertNamesExactly(small);
      r.finished(small.key());
    }
  }

  @Test
  void sixtyFourParallelTestsWithLongNamesFitOnePageNamingTheLatestExactly() throws Exception {
    TestRegistry r = registry();
    List<Thread> threads = new ArrayList<>();
    CountDownLatch started = new CountDownLatch(64);
    CountDownLatch finish = new CountDownLatch(1);
    for (int i = 0; i < 64; i++) {
      final int n = i;
      Thread t = new Thread(() -> {
        r.started(named("p" + n, CJK + n + repeat(EMOJI, 100)), null);
        started.countDown();
        try {
          finish.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        r.phase(RunningTest.TEARDOWN);
      }, "worker-" + repeat(CJK, 200) + n);
      threads.add(t);
      t.start();
    }
    started.await();
    assertThat(Files.size(marker())).isEqualTo(MarkerFile.PAGE);
    Map<String, Object> m = parsed();
    assertThat((String) m.get("nodeid")).startsWith("com.example.名前Test#" + CJK);
    assertThat((List<?>) m.get("running")).isNotEmpty();
    finish.countDown();
    for (Thread t : threads) {
      t.join();
    }
    assertThat(parsed()).containsEntry("phase", "teardown");
  }

  @Test
  void aPhaseChangeRewritesOnlyThePhaseInPlace() throws IOException {
    TestRegistry r = registry();
    RunningTest t = named("k", "divides");
    r.started(t, null);
    byte[] before = Files.readAllBytes(marker());
    r.phase(RunningTest.TEARDOWN);
    byte[] after = Files.readAllBytes(marker());
    assertThat(after).hasSameSizeAs(before);
    int differing = 0;
    for (int i = 0; i < before.length; i++) {
      differing += before[i] != after[i] ? 1 : 0;
    }
    assertThat(differing).isBetween(1, MarkerRenderer.PHASE_SLOT);
    assertNamesExactly(t);
    r.phase(RunningTest.CALL);
    assertNamesExactly(t);
  }

  @Test
  void setupAndCallSwapInOneAlignedWordOfTheMappedPage() throws IOException {
    TestRegistry r = registry();
    RunningTest t = named("k", "divides");
    r.started(t, null);
    byte[] before = Files.readAllBytes(marker());
    for (String phase : new String[] {RunningTest.CALL, RunningTest.SETUP, RunningTest.CALL, RunningTest.TEARDOWN,
        RunningTest.CALL}) {
      r.phase(phase);
      assertNamesExactly(t);
      byte[] after = Files.readAllBytes(marker());
      int first = -1;
      int last = -1;
      for (int i = 0; i < after.length; i++) {
        if (before[i] != after[i]) {
          last = i;
          first = first < 0 ? i : first;
        }
      }
      assertThat(last - first).as(phase).isLessThan(phase.equals(RunningTest.CALL) || phase.equals(RunningTest.SETUP)
          ? 9 : MarkerRenderer.PHASE_SLOT);
      before = after;
    }
  }

  @Test
  void aContainerNamedAgainAfterEachChildGetsTheSameRecordAndAnExitStillRewritesIt() throws IOException {
    TestRegistry r = registry();
    RunningTest container = RunningTest.forClass("c", "junit-jupiter", "com.example.名前Test").build();
    r.started(container, null);
    assertThat(parsed()).containsEntry("nodeid", "com.example.名前Test").containsEntry("phase", "setup");
    RunningTest first = named("t1", "first");
    r.started(first, "c");
    r.finished("t1");
    byte[] afterFirst = Files.readAllBytes(marker());
    assertThat(parsed()).containsEntry("nodeid", "com.example.名前Test").containsEntry("phase", "teardown")
        .containsEntry("status", "running");
    RunningTest second = named("t2", "second");
    r.started(second, "c");
    assertNamesExactly(second);
    r.finished("t2");
    // the kept record, written again over the second test's: byte for byte what was rendered before
    assertThat(Files.readAllBytes(marker())).isEqualTo(afterFirst);
    // an exit from another thread (the exiting one never returns to make a test event of its own)
    Thread exiting = new Thread(() -> r.exitCalled(3, "System.exit", new StackTraceElement[0]), "exiting");
    exiting.start();
    try {
      exiting.join();
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
    assertThat(parsed()).containsEntry("nodeid", "com.example.名前Test").containsKey("exit");
    r.finished("c");
    assertThat(parsed()).containsEntry("status", "idle").containsKey("exit");
  }
}
