package io.testabort.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.testabort.crash.BadInputException;
import io.testabort.crash.CrashRecord;
import io.testabort.reports.junit.JUnitXmlReport;
import io.testabort.reports.pytest.PytestCsvReport;
import io.testabort.reports.pytest.PytestJsonReport;
import io.testabort.reports.pytest.html.PytestHtmlReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rollback of several reports patched as one, with nothing of them held in memory. */
class ReportSetTest {
  @TempDir Path tmp;

  private static CrashRecord crash(String nodeid) {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("nodeid", nodeid);
    f.put("reason", "SIGSEGV in C [libcrash.so+0x1139]");
    return CrashRecord.of(f);
  }

  /** Every file under tmp (hidden ones included) with its bytes as text. */
  private Map<String, String> tree() throws Exception {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> s = Files.walk(tmp)) {
      for (Path p : (Iterable<Path>) s::iterator) {
        if (Files.isRegularFile(p)) {
          files.put(tmp.relativize(p).toString(), new String(Files.readAllBytes(p), java.nio.charset.StandardCharsets.ISO_8859_1));
        }
      }
    }
    return files;
  }

  @Test
  void oneBadReportOfSeveralPutsEveryOtherBackAndLeavesNoTempOrRollbackFile() throws Exception {
    Path json = Files.copy(Fixtures.raw("test_basic_log.json"), tmp.resolve("r.json"));
    Path html = Files.copy(Fixtures.raw("test_basic_log.html"), tmp.resolve("r.html"));
    Path junit = Files.createDirectories(tmp.resolve("junit"));
    Files.copy(Fixtures.dir().resolve("junit/TEST-com.example.CalcTest.xml"), junit.resolve("TEST-com.example.CalcTest.xml"));
    Path badCsv = Files.writeString(tmp.resolve("bad.csv"), "\"unterminated,quote\n");
    Map<String, String> before = tree();

    ReportSet set = new ReportSet()
        .add(json, new PytestJsonReport())
        .add(html, new PytestHtmlReport())
        .addDirectory(junit, JUnitXmlReport.FILES, new JUnitXmlReport())
        .add(tmp.resolve("new.html"), new PytestHtmlReport())
        .add(badCsv, new PytestCsvReport());
    List<CrashRecord> crashes = List.of(crash("test_basic.py::test_new"), crash("com.example.CalcTest#crashes"), crash("com.example.NewTest#x"));

    assertThatThrownBy(() -> set.addCrashes(crashes, null)).isInstanceOf(BadInputException.class).hasMessageContaining("bad.csv");

    assertThat(tree()).isEqualTo(before);
  }

  @Test
  void anErrorInAPatcherIsReportedWithTheFileAndRolledBackToo() throws Exception {
    Path json = Files.copy(Fixtures.raw("test_basic_log.json"), tmp.resolve("r.json"));
    Path other = Files.writeString(tmp.resolve("other.txt"), "x");
    Map<String, String> before = tree();
    ReportPatcher exhausted = (report, crash, testfile) -> {
      throw new OutOfMemoryError("Java heap space");
    };
    ReportSet set = new ReportSet().add(json, new PytestJsonReport()).add(other, exhausted);

    assertThatThrownBy(() -> set.addCrashes(List.of(crash("test_basic.py::test_new")), null))
        .isInstanceOf(ReportFailure.class)
        .hasMessage(other + ": java.lang.OutOfMemoryError: Java heap space");

    assertThat(tree()).isEqualTo(before);
  }

  @Test
  void successLeavesThePatchedFilesAndNoRollbackFile() throws Exception {
    Path json = Files.copy(Fixtures.raw("test_basic_log.json"), tmp.resolve("r.json"));
    byte[] original = Files.readAllBytes(json);

    assertThat(new ReportSet().add(json, new PytestJsonReport()).addCrashes(List.of(crash("test_basic.py::test_new")), null))
        .containsExactly(json);

    assertThat(Files.readAllBytes(json)).isNotEqualTo(original);
    assertThat(tree().keySet()).containsExactly("r.json");
  }

  @Test
  void aDirectoryGivenAsAReportFailsAndIsLeftInPlace() throws Exception {
    Path json = Files.copy(Fixtures.raw("test_basic_log.json"), tmp.resolve("r.json"));
    Path notAReport = Files.createDirectories(tmp.resolve("empty-dir"));
    Map<String, String> before = tree();
    ReportSet set = new ReportSet().add(json, new PytestJsonReport()).add(notAReport, new PytestJsonReport());

    assertThatThrownBy(() -> set.addCrashes(List.of(crash("test_basic.py::test_new")), null)).isInstanceOf(Exception.class);

    assertThat(notAReport).isEmptyDirectory();
    assertThat(tree()).isEqualTo(before);
  }

  @Test
  void aFailedStepAfterTheReportsPutsThemBackAndRemovesTheDirectoriesTheyCreated() throws Exception {
    Path json = Files.copy(Fixtures.raw("test_basic_log.json"), tmp.resolve("r.json"));
    Map<String, String> before = tree();
    ReportSet set = new ReportSet()
        .add(json, new PytestJsonReport())
        .add(tmp.resolve("new/deeper/r.csv"), new PytestCsvReport())
        .addDirectory(tmp.resolve("junit/reports"), JUnitXmlReport.FILES, new JUnitXmlReport());

    assertThatThrownBy(() -> set.addCrashes(List.of(crash("test_basic.py::test_new")), null, () -> {
      assertThat(tmp.resolve("new/deeper/r.csv")).exists(); // the step runs once every report is written
      throw new java.io.IOException("the crash log is full");
    })).hasMessage("the crash log is full");

    assertThat(tree()).isEqualTo(before);
    try (Stream<Path> s = Files.list(tmp)) {
      assertThat(s.map(p -> p.getFileName().toString())).containsExactly("r.json");
    }
  }
}
