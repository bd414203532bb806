package io.testabort.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.testabort.testing.Prerequisites;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a real agent in a real crashed JVM leaves, read by pytest-abort's rules: {@code
 * check_for_crash_file} on the marker, the crash-log reader on the log {@code collect} writes. The rules
 * are restated for python3 alone in report-tools' test resources ({@code pytest-abort-interop/}).
 */
class PytestAbortCompatibilityIT {
  static final String RECONCILES = "com.example.ledger.LedgerTest#reconciles[2]";

  static Jvm rules(Path dir, String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(Prerequisites.python3().toString(),
        Project.repo().resolve("report-tools/src/test/resources/pytest-abort-interop/pytest_abort_rules.py").toString()));
    cmd.addAll(List.of(args));
    Jvm python = Jvm.run(dir, Map.of(), cmd);
    assertThat(python.exitCode).as(python.toString()).isZero();
    return python;
  }

  @Test
  void pytestAbortTakesAKilledJvmsMarkerForACrashAndReadsTheLogCollectWrites(@TempDir Path dir) throws Exception {
    Prerequisites.python3();
    Path markers = dir.resolve("markers");
    Jvm crashed = LedgerSuite.run(Jdks.current(), "junit5-console.jar", dir, "dir=" + markers, "LedgerTest#reconciles[2]", "kill");
    assertThat(crashed.exitCode).as(crashed.toString()).isEqualTo(137);
    Path marker = Markers.in(markers).get(0);

    assertThat(rules(dir.resolve("check"), "check", marker.toString()).output)
        .contains("\"nodeid\": \"" + RECONCILES + "\"", "\"test_name\": \"" + RECONCILES + "\"", "\"pid\": \"" + crashed.pid + "\"");

    Path log = dir.resolve("crashes.jsonl");
    Jvm collect = Jvm.run(dir.resolve("collect"), Map.of(), List.of(Jdks.java(Jdks.current()), "-jar",
        Project.reportToolsJar().toString(), "collect", "--marker-dir", markers.toString(), "--crash-log", log.toString()));
    assertThat(collect.exitCode).as(collect.toString()).isZero();
    assertThat(rules(dir.resolve("nodeids"), "nodeids", log.toString()).output.strip()).isEqualTo("[\"" + RECONCILES + "\"]");
  }

  @Test
  void aHangTheWatchdogStoppedIsACrashForPytestAbortToo(@TempDir Path dir) throws Exception {
    Prerequisites.python3();
    Path markers = dir.resolve("markers");
    Jvm hung = LedgerSuite.run(Jdks.current(), "junit5-console.jar", dir, "dir=" + markers + ",timeout=1", "LedgerTest#reconciles[2]", "hang");
    assertThat(hung.exitCode).as(hung.toString()).isEqualTo(124);
    Path marker = Markers.in(markers).get(0);

    assertThat(Files.readString(marker)).containsPattern("\"status\": ?\"running\"").containsPattern("\"timeout\": ?1\\b");
    assertThat(rules(dir.resolve("check"), "check", marker.toString()).output).contains("\"nodeid\": \"" + RECONCILES + "\"");
    Jvm check = Jvm.run(dir.resolve("ours"), Map.of(), List.of(Jdks.java(Jdks.current()), "-jar", Project.reportToolsJar().toString(),
        "check", marker.toString()));
    assertThat(check.output).contains("\"reason\": \"timeout after 1 s\"");
  }
}
