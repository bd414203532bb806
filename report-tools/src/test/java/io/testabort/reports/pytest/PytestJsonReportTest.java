package io.testabort.reports.pytest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.testabort.reports.Fixtures;
import io.testabort.crash.BadInputException;
import io.testabort.crash.CrashRecord;
import io.testabort.crash.json.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PytestJsonReportTest {
  @TempDir Path tmp;

  static CrashRecord crash(String nodeid, String reason) {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("test_name", nodeid);
    f.put("test_class", "TestX");
    f.put("nodeid", nodeid);
    f.put("reason", reason);
    f.put("crash_time", "2026-01-01T12:00:00");
    f.put("duration", 12.5);
    f.put("gpu_id", "0");
    return CrashRecord.of(f);
  }

  @Test
  void addsOneFailedTestAndChangesNothingElseInEveryRealReport() throws Exception {
    for (Path raw : Fixtures.raws(".json")) {
      Path report = Files.copy(raw, tmp.resolve(raw.getFileName()));
      byte[] before = Files.readAllBytes(report);
      assertThat(new PytestJsonReport().addCrash(report, crash("test_x.py::test_crashed\t\u00e9\udce9", "SIGSEGV\u0007 in C"), null)).isTrue();

      byte[] after = Files.readAllBytes(report);
      String text = new String(after, StandardCharsets.US_ASCII);
      assertThat(text).as(raw.toString()).doesNotContain("\n").matches("\\p{ASCII}*");
      Map<String, Object> doc = PytestJsonReport.read(report);
      @SuppressWarnings("unchecked")
      Map<String, Object> added = (Map<String, Object>) PytestJsonReport.tests(doc).remove(PytestJsonReport.tests(doc).size() - 1);
      assertThat(added.keySet()).containsExactly("nodeid", "lineno", "outcome", "keywords", "setup", "call", "teardown");
      assertThat(added).containsEntry("nodeid", "test_x.py::test_crashed\t\u00e9\udce9").containsEntry("outcome", "failed");
      assertThat((String) ((Map<?, ?>) added.get("call")).get("longrepr"))
          .isEqualTo("Test aborted: SIGSEGV  in C\nTest Class: TestX\nAbort detected at: 2026-01-01T12:00:00\nGPU ID: 0");

      // undoing exactly the counted changes gives back the original bytes
      Map<String, Object> original = PytestJsonReport.read(raw);
      assertThat(((Number) doc.get("exitcode")).intValue()).isEqualTo(1);
      doc.put("exitcode", original.get("exitcode"));
      Map<?, ?> summary = (Map<?, ?>) doc.get("summary");
      Map<?, ?> oldSummary = (Map<?, ?>) original.get("summary");
      for (String key : List.of("failed", "total", "collected")) {
        long old = oldSummary.containsKey(key) ? ((Number) oldSummary.get(key)).longValue() : 0;
        assertThat(((Number) summary.get(key)).longValue()).as(key).isEqualTo(old + 1);
      }
      doc.put("summary", oldSummary);
      assertThat(Json.write(doc).getBytes(StandardCharsets.US_ASCII)).isEqualTo(before);

      // the same crash again: nothing to do, not a byte changes
      assertThat(new PytestJsonReport().addCrash(report, crash("test_x.py::test_crashed\t\u00e9\udce9", "other"), null)).isFalse();
      assertThat(Files.readAllBytes(report)).isEqualTo(after);
    }
  }

  /** What patching meant when the report was read whole: the tree, changed, written by {@link Json#write}. */
  private static byte[] patchedInMemory(Path raw, List<CrashRecord> crashes) throws Exception {
    Map<String, Object> doc = PytestJsonReport.read(raw);
    boolean changed = false;
    for (CrashRecord crash : crashes) {
      NodeId id = NodeId.of(crash.nodeid(), null);
      if (!PytestJsonReport.containsTest(doc, id.id())) {
        PytestJsonReport.tests(doc).add(PytestJsonReport.testEntry(id, crash, PytestJsonReport.collectedLineno(doc, id.id())));
        PytestJsonReport.countFailure(raw, PytestJsonReport.summary(doc));
        doc.put("exitcode", 1L);
        changed = true;
      }
    }
    return changed ? Json.write(doc).getBytes(StandardCharsets.US_ASCII) : Files.readAllBytes(raw);
  }

  @Test
  void allCrashesOfALogInOneStreamedPassGiveWhatTheWholeTreeGave() throws Exception {
    for (Path raw : Fixtures.raws(".json")) {
      @SuppressWarnings("unchecked")
      Map<String, Object> first = (Map<String, Object>) PytestJsonReport.tests(PytestJsonReport.read(raw)).get(0);
      String collected = String.valueOf(first.get("nodeid"));
      List<CrashRecord> crashes = List.of(
          crash("test_x.py::test_a", "SIGSEGV"),
          crash(collected, "already in the report"),
          crash("test_x.py::test_b\u00e9\udce9\t\"", "abort()"),
          crash("test_x.py::test_a", "again"));
      Path report = Files.copy(raw, tmp.resolve(raw.getFileName()));
      assertThat(new PytestJsonReport().addCrashes(report, crashes, null)).isTrue();
      assertThat(Files.readAllBytes(report)).as(raw.toString()).isEqualTo(patchedInMemory(raw, crashes));
    }
  }

  @Test
  void streamedPatchKeepsTheLayoutRulesOfTheTreeWriter() throws Exception {
    // indented input, no exitcode, an empty tests list, NaN and number text as written
    Path report = tmp.resolve("r.json");
    Files.writeString(report, "{\n  \"created\": 1.50e3,\n  \"summary\": {\"total\": 0, \"collected\": 0},\n"
        + "  \"collectors\": [{\"result\": [{\"nodeid\": \"t.py::x\", \"lineno\": 7}]}],\n"
        + "  \"tests\": [],\n  \"w\": [NaN, -Infinity, {}, [], [[1, 2], {\"a\": [3]}], \"\\u00e9\\u007f/\"]\n}\n");
    List<CrashRecord> crashes = List.of(crash("t.py::x", "r"), crash("t.py::y", "r"));
    byte[] expected = patchedInMemory(report, crashes);
    assertThat(new PytestJsonReport().addCrashes(report, crashes, null)).isTrue();
    assertThat(new String(Files.readAllBytes(report), StandardCharsets.US_ASCII))
        .isEqualTo(new String(expected, StandardCharsets.US_ASCII))
        .contains("\"lineno\": 7").endsWith(", \"exitcode\": 1}");
  }

  @Test
  void newFailedCountGoesBeforeTotal() throws Exception {
    Path report = Files.copy(Fixtures.raw("test_bigout_log.json"), tmp.resolve("r.json"));
    new PytestJsonReport().addCrash(report, crash("test_bigout.py::test_x", "r"), null);
    assertThat(Json.write(PytestJsonReport.read(report).get("summary")))
        .isEqualTo("{\"passed\": 2, \"failed\": 1, \"total\": 3, \"collected\": 3}");
  }

  @Test
  void usesTheCollectedLineOfAKnownTest() throws Exception {
    Path report = Files.copy(Fixtures.raw("test_basic_log.json"), tmp.resolve("r.json"));
    // drop the test entry but keep its collector record, as when pytest died in that test
    Map<String, Object> doc = PytestJsonReport.read(report);
    PytestJsonReport.tests(doc).removeIf(t -> ((Map<?, ?>) t).get("nodeid").equals("test_basic.py::test_xfail"));
    Files.writeString(report, Json.write(doc));
    new PytestJsonReport().addCrash(report, crash("test_basic.py::test_xfail", "r"), null);
    List<Object> tests = PytestJsonReport.tests(PytestJsonReport.read(report));
    assertThat(((Number) ((Map<?, ?>) tests.get(tests.size() - 1)).get("lineno")).intValue()).isEqualTo(67);
  }

  @Test
  void createsAMinimalReportAndAnchorsBareNames() throws Exception {
    Path report = tmp.resolve("new/test_missing_log.json");
    assertThat(new PytestJsonReport().addCrash(report, crash("test_crashed_before_report", "r"), "test_missing")).isTrue();
    Map<String, Object> doc = PytestJsonReport.read(report);
    assertThat(doc.keySet()).containsExactly("created", "duration", "exitcode", "root", "environment", "summary", "collectors", "tests");
    assertThat(Json.write(doc.get("summary"))).isEqualTo("{\"failed\": 1, \"total\": 1, \"collected\": 1}");
    assertThat(((Map<?, ?>) PytestJsonReport.tests(doc).get(0)).get("nodeid")).isEqualTo("test_missing.py::test_crashed_before_report");
  }

  @Test
  void keepsJvmNodeIds() {
    assertThat(NodeId.of("com.x.CalcTest#divides[2]", "test_x").id()).isEqualTo("com.x.CalcTest#divides[2]");
    assertThat(NodeId.of("com.x.BootTest", "test_x").id()).isEqualTo("com.x.BootTest");
    assertThat(NodeId.of("test_a[1.5]", "test_x.py").id()).isEqualTo("test_x.py::test_a[1.5]");
    assertThat(NodeId.of("TestA::test_b", "test_x").id()).isEqualTo("test_x.py::TestA::test_b");
    NodeId jvm = NodeId.of("com.x.A$B#m[1]", null);
    assertThat(List.of(jvm.module(), jvm.name(), jvm.file())).containsExactly("com.x.A$B", "m[1]", "com.x.A$B");
    NodeId py = NodeId.of("tests/test_x.py::TestA::test_b[1]", null);
    assertThat(List.of(py.module(), py.name(), py.file())).containsExactly("test_x", "test_b[1]", "tests/test_x.py");
  }

  @Test
  void bytesThatAreNotUtf8AreBadInputAndTheReportIsLeftAsItWas() throws Exception {
    byte[] raw = Files.readAllBytes(Fixtures.raw("test_basic_log.json"));
    String text = new String(raw, StandardCharsets.US_ASCII);
    int at = text.indexOf("\"root\": \"") + 9;
    byte[] bad = new byte[raw.length + 2];
    System.arraycopy(raw, 0, bad, 0, at);
    bad[at] = (byte) 0xff;
    bad[at + 1] = (byte) 0xfe;
    System.arraycopy(raw, at, bad, at + 2, raw.length - at);
    Path report = Files.write(tmp.resolve("r.json"), bad);

    assertThatThrownBy(
            () -> new PytestJsonReport().addCrash(report, crash("test_x.py::test_crashed", "SIGSEGV"), null))
        .isInstanceOf(BadInputException.class)
        .hasMessage(report + ": invalid UTF-8: a pytest-json-report is UTF-8 JSON");
    assertThat(Files.readAllBytes(report)).isEqualTo(bad);
  }

  @Test
  void aByteOrderMarkIsSkippedAndAnExitcodeOfAnyShapeBecomesOne() throws Exception {
    Map<String, Object> doc = PytestJsonReport.read(Fixtures.raw("test_basic_log.json"));
    doc.put("exitcode", Map.of("code", List.of(1, 2)));
    Path report = Files.write(tmp.resolve("r.json"),
        ("\uFEFF" + Json.write(doc)).getBytes(StandardCharsets.UTF_8));

    assertThat(new PytestJsonReport().addCrash(report, crash("test_x.py::test_crashed", "SIGSEGV"), null)).isTrue();

    Map<String, Object> patched = PytestJsonReport.read(report);
    assertThat(((Number) patched.get("exitcode")).intValue()).isEqualTo(1);
    assertThat(PytestJsonReport.containsTest(patched, "test_x.py::test_crashed")).isTrue();
  }

  @Test
  void countsAddOneAsPythonDoesAndACountThatIsNotANumberIsBadInput() throws Exception {
    String head = "{\"created\": 1.5, \"exitcode\": 0, \"root\": \"/r\", \"environment\": {}, \"summary\": ";
    String tail = ", \"tests\": []}";
    Path report = Files.writeString(tmp.resolve("r.json"),
        head + "{\"passed\": 2, \"failed\": 3.0, \"total\": 1e300, \"collected\": 99999999999999999999, \"unskipped_total\": 5}" + tail);

    assertThat(new PytestJsonReport().addCrash(report, crash("test_x.py::test_crashed", "SIGSEGV"), null)).isTrue();

    assertThat(Files.readString(report)).contains(
        "\"summary\": {\"passed\": 2, \"failed\": 4.0, \"total\": 1e+300, \"collected\": 100000000000000000000, \"unskipped_total\": 6}");

    Path words = Files.writeString(tmp.resolve("w.json"), head + "{\"failed\": \"many\", \"total\": 3}" + tail);
    byte[] before = Files.readAllBytes(words);
    assertThatThrownBy(
            () -> new PytestJsonReport().addCrash(words, crash("test_x.py::test_crashed", "SIGSEGV"), null))
        .isInstanceOf(BadInputException.class)
        .hasMessage(words + ": summary \"failed\" is not a number: \"many\"");
    assertThat(Files.readAllBytes(words)).isEqualTo(before);
  }

  @Test
  void aJvmCrashPytestAbortAddedUnderItsOwnIdIsNotAddedAgain() throws Exception {
    // pytest-abort's postprocess anchors an id without "file.py::" to "<id>.py::<test_name>"; its
    // handle_abort to "<testfile>.py::<test_name>"
    Path report = Files.writeString(tmp.resolve("r.json"), "{\"created\": 1.5, \"exitcode\": 1, \"root\": \"/r\", "
        + "\"summary\": {\"failed\": 2, \"total\": 2, \"collected\": 2}, \"tests\": ["
        + "{\"nodeid\": \"com.x.HaltTest#halts[2].py::com.x.HaltTest#halts[2]\", \"outcome\": \"failed\"}, "
        + "{\"nodeid\": \"suite.py::halts[3]\", \"outcome\": \"failed\"}]}");
    byte[] before = Files.readAllBytes(report);
    CrashRecord second = crash("com.x.HaltTest#halts[2]", "SIGSEGV");
    Map<String, Object> f = new LinkedHashMap<>(second.fields());
    f.put("nodeid", "com.x.HaltTest#halts[3]");
    f.put("test_name", "halts[3]");
    CrashRecord third = CrashRecord.of(f);

    assertThat(new PytestJsonReport().addCrashes(report, List.of(second), null)).isFalse();
    assertThat(new PytestJsonReport().addCrashes(report, List.of(third), "suite")).isFalse();
    assertThat(Files.readAllBytes(report)).isEqualTo(before);
    assertThat(new PytestJsonReport().addCrashes(report, List.of(crash("com.x.HaltTest#other", "SIGSEGV")), null)).isTrue();
  }
}
