package io.testabort.crash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.testabort.crash.BadInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CrashLogTest {
  @TempDir Path tmp;

  static CrashRecord crash(String nodeid) {
    return CrashRecord.of(Map.of("nodeid", nodeid, "reason", "SIGSEGV"));
  }

  @Test
  void appendsOneLinePerRecordWithSourceAndLoggedAt() throws Exception {
    Path file = tmp.resolve("sub/crashes.jsonl");
    CrashLog log = new CrashLog(file);
    log.append(crash("a.py::t\u2028\ud83d\ude00"), "runner");
    log.append(List.of(crash("b#x"), crash("a.py::t\u2028\ud83d\ude00")), "collector");

    List<String> lines = Files.readAllLines(file);
    assertThat(lines).hasSize(3).allSatisfy(l -> assertThat(l).startsWith("{").endsWith("}"));
    List<CrashRecord> read = log.read();
    assertThat(read).extracting(CrashRecord::nodeid).containsExactly("a.py::t\u2028\ud83d\ude00", "b#x", "a.py::t\u2028\ud83d\ude00");
    assertThat(read.get(1).fields()).containsEntry("source", "collector");
    assertThat(read.get(0).string("logged_at", "")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d{6})?");
    assertThat(CrashLog.firstPerNodeid(read)).extracting(CrashRecord::nodeid).containsExactly("a.py::t\u2028\ud83d\ude00", "b#x");
  }

  @Test
  void theFirstRecordPerNodeIdIsReadAsAStreamWithTheSameAnswers() throws Exception {
    Path file = tmp.resolve("crashes.jsonl");
    StringBuilder log = new StringBuilder("\ufeff{\"nodeid\": \" a#1 \", \"reason\": \"first\"}\r\n\n");
    for (int i = 0; i < 20_000; i++) { // a log that grew over many runs: the same crashes again and again
      log.append("{\"nodeid\": \"a#").append(i % 3).append("\", \"reason\": \"run ").append(i).append("\"}\n");
    }
    log.append("not json\n{\"nodeid\": \"b#x\", \"reason\": \"torn");
    Files.writeString(file, log);
    List<String> skipped = new ArrayList<>();

    List<CrashRecord> first = new CrashLog(file).readFirstPerNodeid(skipped::add);

    assertThat(first).extracting(CrashRecord::nodeid).containsExactly("a#1", "a#0", "a#2");
    assertThat(first.get(0).reason()).isEqualTo("first");
    assertThat(skipped).containsExactly(file + ":20003: skipped: not JSON (a record cut short by a killed writer, or another tool's line)",
        file + ":20004: skipped: not JSON (a record cut short by a killed writer, or another tool's line)");
    assertThat(CrashLog.firstPerNodeid(new CrashLog(file).read(line -> {}))).isEqualTo(first);
  }

  @Test
  void aTornLastLineDoesNotSwallowTheNextRecord() throws Exception {
    Path file = tmp.resolve("crashes.jsonl");
    Files.writeString(file, "{\"nodeid\": \"a\"}\n\n{\"nodeid\": \"b\", \"rea");
    new CrashLog(file).append(crash("c"), "runner");
    assertThat(Files.readAllLines(file)).hasSize(4).last().asString().contains("\"nodeid\": \"c\"");
    List<String> said = new ArrayList<>();
    assertThat(new CrashLog(file).read(said::add)).extracting(CrashRecord::nodeid).containsExactly("a", "c");
    assertThat(said).singleElement().asString().startsWith(file + ":3: skipped: not JSON");
  }

  @Test
  void readersSkipWhatIsNotARecordNamingEachLineAndKeepTheRest() throws Exception {
    Path file = tmp.resolve("crashes.jsonl");
    byte[] notUtf8 = {'{', '"', 'n', (byte) 0xff, '"', '}', '\n'};
    Files.writeString(file, String.join("\n",
        "{\"nodeid\": \"first.py::t\"}",
        "[1]",
        "{\"test_name\": \"no nodeid\"}",
        "{\"nodeid\": 5}",
        "{\"nodeid\": \" \\t \"}",
        "   ",
        "{\"nodeid\": \"  tests/a.py::T::t[1] \\u00a0\", \"reason\": \"x\"}",
        "from another tool",
        "{\"nodeid\": \"com.x.T#t\", \"reason\": \"SIGSEGV\"}",
        ""));
    Files.write(file, notUtf8, java.nio.file.StandardOpenOption.APPEND);
    List<String> said = new ArrayList<>();

    List<CrashRecord> read = new CrashLog(file).read(said::add);

    assertThat(read).extracting(CrashRecord::nodeid).containsExactly("first.py::t", "tests/a.py::T::t[1]", "com.x.T#t");
    assertThat(read.get(1).fields()).containsEntry("nodeid", "tests/a.py::T::t[1]").containsEntry("reason", "x");
    assertThat(said).containsExactly(
        file + ":2: skipped: not a JSON object",
        file + ":3: skipped: no \"nodeid\"",
        file + ":4: skipped: \"nodeid\" is not a string",
        file + ":5: skipped: blank \"nodeid\"",
        file + ":8: skipped: not JSON (a record cut short by a killed writer, or another tool's line)",
        file + ":10: skipped: not UTF-8 text");
  }

  @Test
  void anUnterminatedLineStillBeingWrittenGetsNoBlankLineAfterIt() throws Exception {
    // another tool's append seen half done (its flock does not exclude our lock): it ends a moment later
    Path file = tmp.resolve("crashes.jsonl");
    Files.writeString(file, "{\"nodeid\": \"a\"}\n{\"nodeid\": \"python.py::t\", \"rea");
    Thread otherWriter = new Thread(() -> {
      try {
        Thread.sleep(50);
        Files.writeString(file, "son\": \"x\"}\n", java.nio.file.StandardOpenOption.APPEND);
      } catch (Exception e) {
        throw new AssertionError(e);
      }
    });
    otherWriter.start();
    new CrashLog(file).append(crash("java#t"), "runner");
    otherWriter.join();

    assertThat(Files.readAllLines(file)).hasSize(3).noneMatch(String::isBlank);
    List<String> said = new ArrayList<>();
    assertThat(new CrashLog(file).read(said::add)).extracting(CrashRecord::nodeid).containsExactly("a", "python.py::t", "java#t");
    assertThat(said).isEmpty();
  }

  @Test
  void threadsOfOneJvmTakeTurns() throws Exception {
    // FileChannel.lock() throws OverlappingFileLockException when another thread of the JVM holds it
    Path file = tmp.resolve("crashes.jsonl");
    List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      int thread = t;
      threads.add(new Thread(() -> {
        try {
          for (int i = 0; i < 50; i++) {
            new CrashLog(file).append(crash("T" + thread + "#t" + i), "collector");
          }
        } catch (Throwable e) {
          failures.add(e);
        }
      }));
    }
    threads.forEach(Thread::start);
    for (Thread t : threads) {
      t.join();
    }
    assertThat(failures).isEmpty();
    assertThat(new CrashLog(file).read()).hasSize(200);
  }

  @Test
  void nothingToAppendWritesNothing() throws Exception {
    Path file = Files.writeString(tmp.resolve("crashes.jsonl"), "{\"nodeid\": \"a\"}");
    new CrashLog(file).append(List.of(), "runner");
    assertThat(Files.readString(file)).isEqualTo("{\"nodeid\": \"a\"}");
  }

  @Test
  void toleratesAByteOrderMark() throws Exception {
    Path file = Files.writeString(tmp.resolve("crashes.jsonl"), "\ufeff{\"nodeid\": \"a\"}\r\n");
    assertThat(new CrashLog(file).read()).extracting(CrashRecord::nodeid).containsExactly("a");
  }

  @Test
  void aFileWithoutASingleRecordIsNotACrashLog() throws Exception {
    Path report = Files.writeString(tmp.resolve("report.json"), "{\n  \"created\": 1.5,\n  \"tests\": []\n}\n");
    assertThatThrownBy(() -> new CrashLog(report).read(line -> {}))
        .isInstanceOf(BadInputException.class)
        .hasMessage(report + ": not a crash log: no line is a crash record (line 1: not JSON (a record cut short by a killed writer, or another tool's line))");
    Path blank = Files.writeString(tmp.resolve("blank.jsonl"), "\n  \n");
    assertThat(new CrashLog(blank).read()).isEmpty();
  }

  @Test
  void anUnreadableLogIsBadInput() {
    Path missing = tmp.resolve("absent.jsonl");
    assertThatThrownBy(() -> new CrashLog(missing).read()).isInstanceOf(BadInputException.class).hasMessageContaining(missing.toString());
  }
}
