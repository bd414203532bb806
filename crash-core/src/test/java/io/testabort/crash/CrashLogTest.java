package io.testabort.crash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.testabort.crash.BadInputException;
import java.nio.file.Files;
import java.nio.file.Path;
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
  void aTornLastLineDoesNotSwallowTheNextRecord() throws Exception {
    Path file = tmp.resolve("crashes.jsonl");
    Files.writeString(file, "{\"nodeid\": \"a\"}\n\n{\"nodeid\": \"b\", \"rea");
    new CrashLog(file).append(crash("c"), "runner");
    assertThat(Files.readAllLines(file)).hasSize(4).last().asString().contains("\"nodeid\": \"c\"");
    assertThatThrownBy(() -> new CrashLog(file).read())
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("line 3");
  }

  @Test
  void toleratesAByteOrderMark() throws Exception {
    Path file = Files.writeString(tmp.resolve("crashes.jsonl"), "\ufeff{\"nodeid\": \"a\"}\r\n");
    assertThat(new CrashLog(file).read()).extracting(CrashRecord::nodeid).containsExactly("a");
  }

  @Test
  void lineWithoutNodeidIsBadInput() throws Exception {
    Path file = tmp.resolve("crashes.jsonl");
    Files.writeString(file, "{\"nodeid\": \"a\"}\n[1]\n");
    assertThatThrownBy(() -> new CrashLog(file).read()).hasMessageContaining("line 2");
  }
}
