package io.testabort.reports.pytest;

import static org.assertj.core.api.Assertions.assertThat;

import io.testabort.reports.Fixtures;
import io.testabort.crash.CrashRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The crashes pytest-abort added to the fixtures (pytest-abort-patched/appended), added again by our
 * patchers to the raw files: the CSV comes out byte for byte the same, the JSON test entries and counts
 * mean the same (pytest-abort re-indents the whole JSON file; we keep pytest-json-report's layout).
 */
class PytestAbortParityTest {
  @TempDir Path tmp;

  static Path appended(String name) {
    return Fixtures.dir().resolve("pytest-reports/pytest-abort-patched/appended").resolve(name);
  }

  /** The crashes as pytest-abort's crash records: the rows it added to the CSV, the classes from its JSON. */
  static List<CrashRecord> crashes(String report) throws Exception {
    Path raw = Fixtures.raw(report + ".csv");
    Set<String> before = new HashSet<>();
    if (Files.exists(raw)) {
      Csv.parse(Files.readString(raw)).forEach(r -> before.add(String.join(",", r)));
    }
    Map<String, String> classes = new LinkedHashMap<>();
    for (Object t : PytestJsonReport.tests(PytestJsonReport.read(appended(report + ".json")))) {
      List<?> keywords = (List<?>) ((Map<?, ?>) t).get("keywords");
      if (keywords.contains("abort")) {
        classes.put((String) ((Map<?, ?>) t).get("nodeid"), (String) keywords.get(3));
      }
    }
    List<CrashRecord> crashes = new ArrayList<>();
    for (List<String> row : Csv.parse(Files.readString(appended(report + ".csv")))) {
      if (row.get(6).equals("failed") && classes.containsKey(row.get(0)) && !before.contains(String.join(",", row))) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("test_name", row.get(0));
        f.put("test_class", classes.get(row.get(0)));
        f.put("nodeid", row.get(0));
        f.put("reason", row.get(7));
        f.put("abort_time", "2026-01-01T12:00:00");
        f.put("duration", Double.parseDouble(row.get(8)));
        f.put("gpu_id", "0");
        crashes.add(CrashRecord.of(f));
      }
    }
    assertThat(crashes).isNotEmpty();
    return crashes;
  }

  Path copyRaw(String file) throws Exception {
    Path target = tmp.resolve(file);
    if (Files.exists(Fixtures.raw(file))) {
      Files.copy(Fixtures.raw(file), target);
    }
    return target;
  }

  @ParameterizedTest
  @ValueSource(strings = {"test_basic_log", "test_missing_log", "test_surrogate_log"})
  void csvMatchesPytestAbortByteForByte(String report) throws Exception {
    Path csv = copyRaw(report + ".csv");
    for (CrashRecord crash : crashes(report)) {
      new PytestCsvReport().addCrash(csv, crash, null);
    }
    assertThat(Files.readAllBytes(csv)).isEqualTo(Files.readAllBytes(appended(report + ".csv")));
  }

  @ParameterizedTest
  @ValueSource(strings = {"test_basic_log", "test_missing_log", "test_surrogate_log"})
  void jsonEntriesAndCountsMatchPytestAbort(String report) throws Exception {
    Path json = copyRaw(report + ".json");
    for (CrashRecord crash : crashes(report)) {
      new PytestJsonReport().addCrash(json, crash, null);
    }
    Map<String, Object> ours = PytestJsonReport.read(json);
    Map<String, Object> theirs = PytestJsonReport.read(appended(report + ".json"));
    List<Object> ourTests = PytestJsonReport.tests(ours);
    List<Object> theirTests = PytestJsonReport.tests(theirs);
    assertThat(ourTests).hasSameSizeAs(theirTests);
    for (int i = 0; i < ourTests.size(); i++) {
      Map<?, ?> a = (Map<?, ?>) ourTests.get(i);
      Map<?, ?> b = (Map<?, ?>) theirTests.get(i);
      assertThat(a.get("nodeid")).isEqualTo(b.get("nodeid"));
      assertThat(a.get("outcome")).isEqualTo(b.get("outcome"));
      Map<?, ?> ourCall = (Map<?, ?>) a.get("call");
      Map<?, ?> theirCall = (Map<?, ?>) b.get("call");
      if (theirCall != null) {
        assertThat(ourCall.get("longrepr")).isEqualTo(theirCall.get("longrepr"));
        assertThat(((Number) ourCall.get("duration")).doubleValue()).isEqualTo(((Number) theirCall.get("duration")).doubleValue());
      }
    }
    Map<?, ?> ourSummary = (Map<?, ?>) ours.get("summary");
    Map<?, ?> theirSummary = (Map<?, ?>) theirs.get("summary");
    for (String key : List.of("failed", "total", "collected")) {
      assertThat(((Number) ourSummary.get(key)).longValue()).as(key).isEqualTo(((Number) theirSummary.get(key)).longValue());
    }
    assertThat(((Number) ours.get("exitcode")).intValue()).isEqualTo(1);
  }
}
