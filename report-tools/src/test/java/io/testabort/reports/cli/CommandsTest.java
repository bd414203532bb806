package io.testabort.reports.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.testabort.reports.Fixtures;
import io.testabort.crash.CrashLog;
import io.testabort.crash.IsoTime;
import io.testabort.crash.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CommandsTest {
  @TempDir Path tmp;

  Path marker(String name, String nodeid, String status) throws Exception {
    return Files.writeString(tmp.resolve(name), "{\"test_name\": \"" + nodeid + "\", \"nodeid\": \"" + nodeid + "\", \"start_time\": \""
        + IsoTime.format(LocalDateTime.now().minusSeconds(3)) + "\", \"status\": \"" + status + "\", \"pid\": 77, \"gpu_id\": \"1\"}");
  }

  @Test
  void checkPrintsTheRecordAndLeavesTheMarker() throws Exception {
    Path m = marker("m.json", "test_a.py::test_b", "running");
    Cli r = Cli.run("check", m.toString());
    assertThat(r.code()).isEqualTo(0);
    Map<?, ?> record = (Map<?, ?>) Json.parse(r.out());
    assertThat(record.get("nodeid")).isEqualTo("test_a.py::test_b");
    assertThat(Files.exists(m)).isTrue();

    assertThat(Cli.run("check", "--min-duration", "3600", m.toString())).isEqualTo(new Cli(1, "", ""));
    assertThat(Cli.run("check", marker("idle.json", "x.py::y", "idle").toString())).isEqualTo(new Cli(1, "", ""));
    assertThat(Cli.run("check", tmp.resolve("missing.json").toString())).isEqualTo(new Cli(1, "", ""));
  }

  @Test
  void handleAbortPatchesLogsAndRemovesTheMarker() throws Exception {
    Path json = Files.copy(Fixtures.raw("test_basic_log.json"), tmp.resolve("test_basic_log.json"));
    Path csv = Files.copy(Fixtures.raw("test_basic_log.csv"), tmp.resolve("test_basic_log.csv"));
    Path log = tmp.resolve("crashes.jsonl");
    Path m = marker("m.json", "test_crashed_segfault", "running");

    Cli r = Cli.run("handle-abort", "--marker", m.toString(), "--json", json.toString(), "--csv", csv.toString(),
        "--testfile", "test_basic", "--crash-log", log.toString());
    assertThat(r.code()).as(r.err()).isEqualTo(0);
    assertThat(Files.exists(m)).isFalse();
    assertThat(Files.readString(json)).contains("\"nodeid\": \"test_basic.py::test_crashed_segfault\"");
    assertThat(Files.readString(csv)).containsPattern("\r\ntest_basic.py::test_crashed_segfault,test_basic,test_crashed_segfault,test_basic.py,,,failed,"
        + "\"Test crashed \\(segfault, abort, or fatal error\\)\",3\\.\\d+\r\n$");
    assertThat(new CrashLog(log).read()).singleElement().satisfies(c -> assertThat(c.fields()).containsEntry("source", "runner"));

    assertThat(Cli.run("handle-abort", "--marker", m.toString(), "--json", json.toString()).code()).isEqualTo(1);
  }

  @Test
  void handleAbortThatCannotLogTheCrashPutsTheReportsAndTheMarkerBack() throws Exception {
    Path json = Files.copy(Fixtures.raw("test_basic_log.json"), tmp.resolve("test_basic_log.json"));
    Path csv = Files.copy(Fixtures.raw("test_basic_log.csv"), tmp.resolve("test_basic_log.csv"));
    Path m = marker("m.json", "test_crashed_segfault", "running");
    byte[] jsonBefore = Files.readAllBytes(json);
    byte[] csvBefore = Files.readAllBytes(csv);
    byte[] markerBefore = Files.readAllBytes(m);
    Path log = Files.createDirectory(tmp.resolve("crashes.jsonl")); // a log that cannot be appended to

    Cli r = Cli.run("handle-abort", "--marker", m.toString(), "--json", json.toString(), "--csv", csv.toString(),
        "--junit-xml", tmp.resolve("junit").toString(), "--testfile", "test_basic", "--crash-log", log.toString());

    assertThat(r.code()).as(r.err()).isEqualTo(3);
    assertThat(r.errLines()).isEqualTo(1);
    assertThat(r.err()).contains(log.toString()).doesNotContain("Exception");
    assertThat(r.out()).isEmpty();
    assertThat(Files.readAllBytes(json)).isEqualTo(jsonBefore);
    assertThat(Files.readAllBytes(csv)).isEqualTo(csvBefore);
    assertThat(tmp.resolve("junit")).doesNotExist();
    assertThat(Files.readAllBytes(m)).isEqualTo(markerBefore);
    try (var files = Files.list(tmp)) {
      assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains(".claimed-") || n.startsWith("."));
    }
  }

  @Test
  void handleAbortThatCannotRemoveTheMarkerChangesNothingAndARetryLogsTheCrashOnce() throws Exception {
    Path json = Files.copy(Fixtures.raw("test_basic_log.json"), tmp.resolve("test_basic_log.json"));
    Path m = marker("m.json", "test_crashed_segfault", "running");
    Path log = tmp.resolve("crashes.jsonl");
    byte[] jsonBefore = Files.readAllBytes(json);
    // the name the marker is claimed under is taken by a directory that is not empty: the rename fails
    Path blocker = tmp.resolve("m.json.claimed-" + ProcessHandle.current().pid());
    Files.writeString(Files.createDirectory(blocker).resolve("x"), "x");
    String[] args = {"handle-abort", "--marker", m.toString(), "--json", json.toString(), "--testfile", "test_basic",
        "--crash-log", log.toString()};

    Cli r = Cli.run(args);

    assertThat(r.code()).as(r.err()).isEqualTo(3);
    assertThat(r.errLines()).isEqualTo(1);
    assertThat(r.err()).startsWith(m + ": cannot remove the marker: ");
    assertThat(r.out()).isEmpty();
    assertThat(Files.readAllBytes(json)).isEqualTo(jsonBefore);
    assertThat(log).doesNotExist();
    assertThat(m).exists();

    Files.delete(blocker.resolve("x"));
    Files.delete(blocker);
    assertThat(Cli.run(args).code()).isEqualTo(0);
    assertThat(new CrashLog(log).read()).hasSize(1);
    assertThat(m).doesNotExist();
    assertThat(blocker).doesNotExist();
  }

  @Test
  void aLinkedReportIsPatchedWhereItLivesAndAnOutputTakenByAFolderIsNamed() throws Exception {
    Path log = Files.writeString(tmp.resolve("c.jsonl"), "{\"nodeid\": \"test_basic.py::test_new\", \"reason\": \"SIGSEGV\"}\n");
    Path real = Files.copy(Fixtures.raw("test_basic_log.csv"), Files.createDirectory(tmp.resolve("real")).resolve("r.csv"));
    Path link = Files.createSymbolicLink(tmp.resolve("r.csv"), real);

    Cli patched = Cli.run("postprocess", "--crash-log", log.toString(), "--csv", link.toString());

    assertThat(patched.code()).as(patched.err()).isEqualTo(0);
    assertThat(Files.isSymbolicLink(link)).isTrue();
    assertThat(Files.readString(real)).contains("\r\ntest_basic.py::test_new,");

    Path folder = Files.createDirectory(tmp.resolve("summary.md"));
    Files.writeString(folder.resolve("x"), "x");
    Cli r = Cli.run("summary", "--crash-log", log.toString(), "-o", folder.toString());
    assertThat(r.code()).isEqualTo(3);
    assertThat(r.errLines()).isEqualTo(1);
    assertThat(r.err()).startsWith(folder + ": ").doesNotContain(".tmp").doesNotContain("Exception");
  }

  @Test
  void postprocessTwiceOnRealReportsChangesNothingTheSecondTime() throws Exception {
    Path log = tmp.resolve("crashes.jsonl");
    Files.writeString(log, "{\"nodeid\": \"test_basic.py::test_crashed_segfault\", \"reason\": \"SIGSEGV in C [libc.so.6+0x1] x\"}\n\n"
        + "{\"nodeid\": \"com.x.CalcTest#divides[2]\", \"reason\": \"System.exit(3) called from com.x.CalcTest.divides(CalcTest.java:4)\"}\n"
        + "{\"nodeid\": \"test_basic.py::test_crashed_segfault\", \"reason\": \"again\"}\n"
        + "{\"nodeid\": \"test_basic.py::test_pass\", \"reason\": \"already reported\"}\n");
    for (String name : List.of("test_basic_log", "test_params_log", "test_output_log")) {
      Path json = Files.copy(Fixtures.raw(name + ".json"), tmp.resolve(name + ".json"));
      Path csv = Files.copy(Fixtures.raw(name + ".csv"), tmp.resolve(name + ".csv"));
      String[] args = {"postprocess", "--crash-log", log.toString(), "--json", json.toString(), "--csv", csv.toString()};
      assertThat(Cli.run(args).code()).isEqualTo(0);
      byte[] jsonOnce = Files.readAllBytes(json);
      byte[] csvOnce = Files.readAllBytes(csv);
      assertThat(Cli.run(args)).isEqualTo(new Cli(0, "", ""));
      assertThat(Files.readAllBytes(json)).isEqualTo(jsonOnce);
      assertThat(Files.readAllBytes(csv)).isEqualTo(csvOnce);
    }
    String basic = Files.readString(tmp.resolve("test_basic_log.csv"));
    assertThat(basic).containsOnlyOnce("test_basic.py::test_crashed_segfault,").containsOnlyOnce("com.x.CalcTest#divides[2],");
    assertThat(Cli.run("postprocess", "--crash-log", tmp.resolve("none.jsonl").toString(), "--csv", tmp.resolve("x.csv").toString()).code())
        .isEqualTo(1);
    Path empty = Files.writeString(tmp.resolve("empty.jsonl"), "\n");
    assertThat(Cli.run("postprocess", "--crash-log", empty.toString(), "--csv", tmp.resolve("x.csv").toString()).code()).isEqualTo(1);
    assertThat(tmp.resolve("x.csv")).doesNotExist();
  }

  @Test
  void postprocessIntoJUnitXmlIsIdempotentAndRollsBackOnABadReport() throws Exception {
    Path log = tmp.resolve("crashes.jsonl");
    Files.writeString(log, "{\"nodeid\": \"com.example.CalcTest#crashes\", \"reason\": \"SIGSEGV in C [libc.so.6+0x1] x\"}\n"
        + "{\"nodeid\": \"com.example.OtherTest#runs\", \"reason\": \"killed by SIGKILL (exit 137)\"}\n");
    Path dir = Files.createDirectory(tmp.resolve("surefire-reports"));
    try (var in = getClass().getResourceAsStream("/junit/TEST-com.example.CalcTest.xml")) {
      Files.copy(in, dir.resolve("TEST-com.example.CalcTest.xml"));
    }
    // the first crash creates TEST-com.example.OtherTest.xml; the second meets a broken file: all undone
    Path broken = tmp.resolve("broken");
    Files.createDirectory(broken);
    Files.writeString(broken.resolve("TEST-com.example.CalcTest.xml"), "<testsuite><testcase>");
    Path reversed = Files.writeString(tmp.resolve("reversed.jsonl"), String.join("\n", reversed(Files.readAllLines(log))) + "\n");
    Cli failed = Cli.run("postprocess", "--crash-log", reversed.toString(), "--junit-xml", broken.toString());
    assertThat(failed.code()).isEqualTo(3);
    assertThat(failed.err()).contains("TEST-com.example.CalcTest.xml");
    try (var files = Files.list(broken)) {
      assertThat(files).containsExactly(broken.resolve("TEST-com.example.CalcTest.xml"));
    }
    assertThat(Files.readString(broken.resolve("TEST-com.example.CalcTest.xml"))).isEqualTo("<testsuite><testcase>");

    assertThat(Cli.run("postprocess", "--crash-log", log.toString(), "--junit-xml", dir.toString()).code()).isEqualTo(0);
    byte[] calc = Files.readAllBytes(dir.resolve("TEST-com.example.CalcTest.xml"));
    byte[] other = Files.readAllBytes(dir.resolve("TEST-com.example.OtherTest.xml"));
    assertThat(new String(calc, java.nio.charset.StandardCharsets.UTF_8)).contains("<error message=\"SIGSEGV in C [libc.so.6+0x1] x\"");
    assertThat(Cli.run("postprocess", "--crash-log", log.toString(), "--junit-xml", dir.toString())).isEqualTo(new Cli(0, "", ""));
    assertThat(Files.readAllBytes(dir.resolve("TEST-com.example.CalcTest.xml"))).isEqualTo(calc);
    assertThat(Files.readAllBytes(dir.resolve("TEST-com.example.OtherTest.xml"))).isEqualTo(other);
  }

  @Test
  void unicodeNeverBreaksAReport() throws Exception {
    String nodeid = "test_u.py::test_x[caf\\udce9 \\ud83d\\ude00 \\u2028 \\ufeff \\u0000]";
    Path m = Files.writeString(tmp.resolve("m.json"), "\ufeff{\"nodeid\": \"" + nodeid + "\", \"start_time\": \""
        + IsoTime.format(LocalDateTime.now().minusSeconds(3)) + "\", \"status\": \"running\", \"pid\": 7}");
    Path json = tmp.resolve("r.json");
    Path csv = tmp.resolve("r.csv");
    Path junit = tmp.resolve("junit");
    Path log = tmp.resolve("c.jsonl");
    Cli r = Cli.run("handle-abort", "--marker", m.toString(), "--json", json.toString(), "--csv", csv.toString(), "--junit-xml", junit.toString(),
        "--crash-log", log.toString());
    assertThat(r.code()).as(r.err()).isEqualTo(0);
    String id = "test_u.py::test_x[caf\udce9 \ud83d\ude00 \u2028 \ufeff \u0000]";
    assertThat(new CrashLog(log).read()).singleElement().satisfies(c -> assertThat(c.nodeid()).isEqualTo(id));
    assertThat(io.testabort.reports.pytest.PytestJsonReport.containsTest(io.testabort.reports.pytest.PytestJsonReport.read(json), id)).isTrue();
    try (var files = Files.list(junit)) {
      Path xml = files.findFirst().orElseThrow();
      javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(xml.toFile());
    }

    String[] again = {"postprocess", "--crash-log", log.toString(), "--json", json.toString(), "--csv", csv.toString(), "--junit-xml", junit.toString()};
    byte[] jsonBytes = Files.readAllBytes(json);
    byte[] csvBytes = Files.readAllBytes(csv);
    assertThat(Cli.run(again)).isEqualTo(new Cli(0, "", ""));
    assertThat(Files.readAllBytes(json)).isEqualTo(jsonBytes);
    assertThat(Files.readAllBytes(csv)).isEqualTo(csvBytes);
  }

  @ParameterizedTest
  @ValueSource(strings = {"check", "handle-abort", "postprocess-log", "postprocess-json", "postprocess-csv"})
  void badInputExitsThreeWithOneLineNamingTheFileAndChangesNothing(String command) throws Exception {
    Path good = tmp.resolve("crashes.jsonl");
    Files.writeString(good, "{\"nodeid\": \"a.py::t\"}\n");
    Path okJson = Files.copy(Fixtures.raw("test_basic_log.json"), tmp.resolve("ok.json"));
    for (Map.Entry<String, Path> bad : BadInputs.create(tmp, command.equals("postprocess-csv") ? ".csv" : ".json").entrySet()) {
      if (command.equals("postprocess-log") && bad.getKey().equals("empty")) {
        continue; // an empty crash log is a valid log of no crashes (exit 1), tested elsewhere
      }
      Path file = bad.getValue();
      String[] args;
      switch (command) {
        case "check":
          args = new String[] {"check", file.toString()};
          break;
        case "handle-abort":
          args = new String[] {"handle-abort", "--marker", file.toString(), "--json", okJson.toString()};
          break;
        case "postprocess-log":
          args = new String[] {"postprocess", "--crash-log", file.toString(), "--json", okJson.toString()};
          break;
        case "postprocess-json":
          args = new String[] {"postprocess", "--crash-log", good.toString(), "--json", file.toString(), "--csv", tmp.resolve("new.csv").toString()};
          break;
        default:
          // the JSON report is patched (or created) first, then put back when the CSV is refused
          Path target = bad.getKey().equals("empty") ? tmp.resolve("new.json") : okJson;
          args = new String[] {"postprocess", "--crash-log", good.toString(), "--json", target.toString(), "--csv", file.toString()};
      }
      byte[] before = BadInputs.bytes(file);
      byte[] okBefore = Files.readAllBytes(okJson);
      Cli r = Cli.run(args);
      assertThat(r.code()).as(command + " on " + bad.getKey() + ": " + r.err()).isEqualTo(3);
      assertThat(r.errLines()).as(r.err()).isEqualTo(1);
      assertThat(r.err()).contains(file.toString()).doesNotContain("Exception").doesNotContain("\tat ");
      assertThat(r.out()).isEmpty();
      assertThat(BadInputs.bytes(file)).isEqualTo(before);
      assertThat(Files.readAllBytes(okJson)).isEqualTo(okBefore);
      assertThat(tmp.resolve("new.csv")).doesNotExist();
      assertThat(tmp.resolve("new.json")).doesNotExist();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"check", "collect", "handle-abort", "postprocess", "combine-json", "json-to-csv"})
  void helpVersionAndUsageErrors(String command) {
    assertThat(Cli.run(command, "--help").code()).isEqualTo(0);
    assertThat(Cli.run(command, "--version").out()).startsWith("test-abort-report-tools");
    assertThat(Cli.run(command, "--no-such-option").code()).isEqualTo(2);
  }

  @Test
  void postprocessWithoutAnyReportIsAUsageError() throws Exception {
    Path log = Files.writeString(tmp.resolve("c.jsonl"), "{\"nodeid\": \"a.py::t\"}\n");
    Cli r = Cli.run("postprocess", "--crash-log", log.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("Name at least one report");
  }

  private static List<String> reversed(List<String> lines) {
    List<String> copy = new java.util.ArrayList<>(lines);
    java.util.Collections.reverse(copy);
    return copy;
  }
}
