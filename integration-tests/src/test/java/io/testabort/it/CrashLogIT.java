package io.testabort.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code crashLog}: with only the agent configured (as through JAVA_TOOL_OPTIONS), the next test JVM
 * records the crashes of the JVMs before it, with the reasons their fatal error logs and exit records
 * give, exactly once.
 */
class CrashLogIT {
  @Test
  void theNextTestJvmRecordsEarlierCrashesInDirMode(@TempDir Path dir) throws Exception {
    Path markers = dir.resolve("markers");
    Path log = dir.resolve("crashes.jsonl");
    String options = "dir=" + markers + ",crashLog=" + log;
    Jvm segv = LedgerSuite.run(Jdks.current(), "junit5-console.jar", dir.resolve("1"), options,
        "LedgerTest#reconciles[2]", "segv");
    assertThat(log).doesNotExist();
    Jvm exit = LedgerSuite.run(Jdks.current(), "junit5-console.jar", dir.resolve("2"), options,
        "LedgerTest$Quarterly#files", "exit");
    // the second JVM recorded the first one's crash when its first test started, then crashed itself
    assertThat(Markers.in(markers)).singleElement().asString().endsWith("last_running_" + exit.pid + ".json");
    assertThat(Files.readAllLines(log)).hasSize(1);

    Jvm clean = LedgerSuite.run(Jdks.current(), "junit5-console.jar", dir.resolve("3"), options, null, null);
    Jvm again = LedgerSuite.run(Jdks.current(), "junit5-console.jar", dir.resolve("4"), options, null, null);

    assertThat(clean.exitCode).as(clean.toString()).isZero();
    assertThat(again.exitCode).as(again.toString()).isZero();
    assertThat(Markers.in(markers)).isEmpty();
    List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
    assertThat(lines).hasSize(2);
    assertThat(lines).anySatisfy(l -> assertThat(l)
        .contains("\"nodeid\": \"com.example.ledger.LedgerTest#reconciles[2]\"")
        .contains("\"reason\": \"SIGSEGV in V [libjvm.so+")
        .contains("\"pid\": \"" + segv.pid + "\""));
    assertThat(lines).anySatisfy(l -> assertThat(l)
        .contains("\"nodeid\": \"com.example.ledger.LedgerTest$Quarterly#files\"")
        .contains("\"reason\": \"System.exit(3) called from com.example.crash.Crash.now(")
        .contains("\"pid\": \"" + exit.pid + "\""));
  }

  @Test
  void inFileModeTheEarlierCrashIsRecordedBeforeItsMarkerIsOverwritten(@TempDir Path dir) throws Exception {
    Path marker = dir.resolve("last_running.json");
    Path log = dir.resolve("crashes.jsonl");
    String options = "file=" + marker + ",crashLog=" + log;
    LedgerSuite.run(Jdks.current(), "junit5-console.jar", dir.resolve("1"), options, "BootTest.boot", "kill");
    assertThat(Markers.read(marker)).containsEntry("nodeid", "com.example.ledger.BootTest");

    Jvm clean = LedgerSuite.run(Jdks.current(), "junit5-console.jar", dir.resolve("2"), options, null, null);

    assertThat(clean.exitCode).as(clean.toString()).isZero();
    assertThat(marker).doesNotExist();
    assertThat(Files.readAllLines(log)).singleElement().asString()
        .contains("\"nodeid\": \"com.example.ledger.BootTest\"").contains("\"phase\": \"setup\"");
  }
}
