package io.testabort.crash;

import static io.testabort.crash.PytestAbortRules.DIR;
import static org.assertj.core.api.Assertions.assertThat;

import io.testabort.reports.cli.Cli;
import io.testabort.reports.cli.Main;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Markers and crash logs shared with pytest-abort, both ways, from the files in test resources
 * ({@code pytest-abort-interop/}, see its README): pytest-abort's rules (run by python3) on what we
 * write, and our readers on what pytest-abort writes.
 */
class PytestAbortInteropTest {
  static final Path THEIRS = DIR.resolve("pytest-abort");
  static final Path OURS = DIR.resolve("test-abort");
  static final Path MIXED_LOG = DIR.resolve("mixed/crashes.jsonl");
  static final String PY_MAIN = "tests/test_gpu_kernels.py::TestMatmul::test_tiles[\u00fcn\u00efc\u00f8d\u00e9]";
  static final String PY_GW0 = "tests/test_gpu_kernels.py::test_reduce";

  @TempDir Path tmp;

  static Path ourMarker(String kind) throws Exception {
    try (Stream<Path> files = Files.list(OURS.resolve(kind))) {
      return files.filter(f -> f.getFileName().toString().startsWith("last_running_")).findFirst().orElseThrow();
    }
  }

  @Test
  void pytestAbortTakesOurMarkerOfAKilledJvmForACrash() throws Exception {
    Path marker = ourMarker("killed");
    Map<String, Object> theirs = PytestAbortRules.check(marker);
    CrashRecord ours = new MarkerCheck(0.1).check(marker).orElseThrow();

    assertThat(theirs).isNotNull();
    assertThat(theirs.get("nodeid")).isEqualTo(ours.nodeid()).isEqualTo("com.example.gpu.KernelTest#tiles[2]");
    assertThat(theirs).containsEntry("test_name", ours.nodeid()).containsEntry("pid", ours.pid()).containsEntry("gpu_id", ours.gpuId());
  }

  @Test
  void aTimedOutTestStaysRunningForPytestAbortAndNamesItsLimitForUs() throws Exception {
    Path marker = ourMarker("timeout");
    assertThat(PytestAbortRules.check(marker)).as("pytest-abort's check_for_crash_file").isNotNull()
        .containsEntry("nodeid", "com.example.gpu.KernelTest#hangs");
    assertThat(new MarkerCheck(0.1).check(marker).orElseThrow().reason()).isEqualTo("timeout after 1 s");

    // the agent's older form replaced the status, which pytest-abort does not take for a crash; we still do
    Path older = ourMarker("timeout-status");
    assertThat(PytestAbortRules.check(older)).isNull();
    assertThat(new MarkerCheck(0.1).check(older).orElseThrow().nodeid()).isEqualTo("com.example.gpu.KernelTest#hangs");
  }

  @Test
  void pytestAbortReadsOurCrashLogAsWeDo() throws Exception {
    Path log = OURS.resolve("crashes.jsonl");
    List<CrashRecord> ours = CrashLog.firstPerNodeid(new CrashLog(log).read(line -> {
      throw new AssertionError("our own log has a bad line: " + line);
    }));
    assertThat(PytestAbortRules.nodeids(log)).isEqualTo(nodeids(ours)).isNotEmpty();
  }

  @Test
  void weReadPytestAbortsMarkersAsItDoes() throws Exception {
    for (Path marker : List.of(THEIRS.resolve("last_running_main.json"), THEIRS.resolve("last_running_gw0.json"))) {
      Map<String, Object> theirs = PytestAbortRules.check(marker);
      Cli check = Cli.run("check", marker.toString());
      assertThat(check.code()).as(check.err()).isEqualTo(Main.EXIT_OK);
      CrashRecord ours = CrashJson.fromJson(check.out().strip());
      for (String key : List.of("test_name", "test_class", "nodeid", "reason", "gpu_id", "pid")) {
        assertThat(ours.fields().get(key)).as(marker + " " + key).isEqualTo(theirs.get(key));
      }
    }
  }

  @Test
  void collectTakesPytestAbortsMarkerNamesAndJudgesByThePidInside() throws Exception {
    Path dir = Files.createDirectory(tmp.resolve("markers"));
    PytestAbortRules.copyWithDeadPid(THEIRS.resolve("last_running_main.json"), dir);
    PytestAbortRules.copyWithDeadPid(THEIRS.resolve("last_running_gw0.json"), dir);
    Path ours = PytestAbortRules.copyWithDeadPid(ourMarker("killed"), dir);
    // a worker that still runs (this JVM's pid): its marker stays
    Path running = Files.writeString(dir.resolve("last_running_gw1.json"), Files.readString(THEIRS.resolve("last_running_gw0.json"))
        .replaceFirst("\"pid\": \\d+", "\"pid\": " + ProcessHandle.current().pid()));
    // named with a live pid, written by a process that is gone: the pid inside decides
    Files.move(ours, dir.resolve("last_running_" + ProcessHandle.current().pid() + ".json"));
    Path log = tmp.resolve("crashes.jsonl");

    Cli collect = Cli.run("collect", "--marker-dir", dir.toString(), "--crash-log", log.toString());

    assertThat(collect.code()).as(collect.err()).isEqualTo(Main.EXIT_OK);
    assertThat(nodeids(new CrashLog(log).read())).containsExactlyInAnyOrder(PY_MAIN, PY_GW0, "com.example.gpu.KernelTest#tiles[2]");
    try (Stream<Path> left = Files.list(dir)) {
      assertThat(left).containsExactly(running);
    }
    assertThat(PytestAbortRules.nodeids(log)).containsExactlyInAnyOrderElementsOf(nodeids(new CrashLog(log).read()));
  }

  @Test
  void weReadPytestAbortsCrashLogAsItDoesAndNameTheTornLine() throws Exception {
    Path log = THEIRS.resolve("crashed_tests.jsonl");
    CrashLog.Contents ours = new CrashLog(log).readContents();
    assertThat(nodeids(CrashLog.firstPerNodeid(ours.records()))).isEqualTo(PytestAbortRules.nodeids(log)).containsExactly(PY_GW0, PY_MAIN);
    assertThat(ours.skipped()).extracting(CrashLog.SkippedLine::number).containsExactly(4);
  }

  @Test
  void bothReadersTakeTheSameTestsFromAMixedLog() throws Exception {
    CrashLog.Contents ours = new CrashLog(MIXED_LOG).readContents();
    assertThat(nodeids(CrashLog.firstPerNodeid(ours.records()))).isEqualTo(PytestAbortRules.nodeids(MIXED_LOG))
        .containsExactly("com.example.CalcTest#divides[2]", PY_MAIN, "com.example.ParserTest#parses[1]");
    assertThat(ours.skipped()).extracting(CrashLog.SkippedLine::number).containsExactly(3, 4, 5, 6, 8, 11);
  }

  @Test
  void postprocessPatchesEveryGoodRecordAndNamesEachSkippedLine() throws Exception {
    Path csv = tmp.resolve("report.csv");
    Cli r = Cli.run("postprocess", "--crash-log", MIXED_LOG.toString(), "--csv", csv.toString());

    assertThat(r.code()).as(r.err()).isEqualTo(Main.EXIT_OK);
    assertThat(r.err().lines()).hasSize(6).allSatisfy(l -> assertThat(l).startsWith(MIXED_LOG + ":").contains(": skipped: "));
    assertThat(r.err()).contains(MIXED_LOG + ":3: skipped: blank \"nodeid\"").contains(MIXED_LOG + ":11: skipped: not JSON");
    assertThat(Files.readAllLines(csv)).hasSize(4)
        .anySatisfy(l -> assertThat(l).startsWith("com.example.CalcTest#divides[2],"))
        .noneMatch(l -> l.startsWith(" ") || l.startsWith(","));
  }

  @Test
  void runSkipsTheLoggedTestsDespiteBadLines() throws Exception {
    Path log = Files.copy(MIXED_LOG, tmp.resolve("crashes.jsonl"));
    Path agent = Files.createFile(tmp.resolve("agent.jar"));
    Cli r = Cli.run("run", "--agent", agent.toString(), "--marker-dir", tmp.resolve("m").toString(), "--crash-log", log.toString(),
        "--max-runs", "1", "--", "true");

    assertThat(r.code()).as(r.err()).isEqualTo(Main.EXIT_NOTHING); // tests crashed in an earlier run
    assertThat(r.out()).contains("skipping 3 crashed test(s)");
    assertThat(r.err()).contains(log + ":3: skipped: blank \"nodeid\"");
  }

  static List<String> nodeids(List<CrashRecord> records) {
    return records.stream().map(CrashRecord::nodeid).collect(Collectors.toList());
  }
}
