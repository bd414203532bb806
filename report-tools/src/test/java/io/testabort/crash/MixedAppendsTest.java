package io.testabort.crash;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our appender and pytest-abort's (flock, which our fcntl lock does not exclude) on one crash log at
 * once: every line must stay a whole record, with no blank line. Records of several pages make the other
 * tool's writes long enough for an append to find one half done.
 */
class MixedAppendsTest {
  static final int PYTHON_RECORDS = 300;
  /**
   * Two-byte characters in each Python record's node id: 15 pages per record, so that the appends before
   * the fix found a record half written (and left a blank line) several times per run.
   */
  static final int PYTHON_PAD = 30_000;

  @TempDir Path tmp;

  @Test
  void appendsByBothToolsStayWholeLines() throws Exception {
    Path log = tmp.resolve("crashes.jsonl");
    Process python = PytestAbortRules.startAppending(log, PYTHON_RECORDS, PYTHON_PAD);
    AtomicInteger ours = new AtomicInteger();
    List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
    List<Thread> appenders = new ArrayList<>();
    for (int t = 0; t < 2; t++) {
      int thread = t;
      Thread appender = new Thread(() -> {
        try {
          CrashLog crashLog = new CrashLog(log);
          // at least a few records each, then as long as the other tool writes
          for (int i = 0; i < 20 || python.isAlive(); i++) {
            crashLog.append(CrashRecord.of(Map.of("nodeid", "com.example.T" + thread + "#t[" + i + "]", "reason", "SIGSEGV")), "collector");
            ours.incrementAndGet();
          }
        } catch (Throwable e) {
          failures.add(e);
        }
      });
      appender.start();
      appenders.add(appender);
    }
    String pythonSaid = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(python.waitFor()).as(pythonSaid).isZero();
    for (Thread appender : appenders) {
      appender.join();
    }
    assertThat(failures).as("two threads of one JVM append to the same log").isEmpty();

    List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
    assertThat(lines).as("one line per record, none blank").hasSize(PYTHON_RECORDS + ours.get()).noneMatch(String::isBlank);
    for (int i = 0; i < lines.size(); i++) {
      assertThat(CrashJson.fromJson(lines.get(i)).nodeid()).as("line %d", i + 1).isNotBlank();
    }
    assertThat(new CrashLog(log).readContents().skipped()).isEmpty();
    assertThat(PytestAbortRules.nodeids(log)).hasSize(PYTHON_RECORDS + ours.get());
  }
}
