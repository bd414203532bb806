package io.testabort.reports.pytest;

import static io.testabort.reports.pytest.PytestJsonReportTest.crash;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.testabort.crash.BadInputException;
import io.testabort.reports.Fixtures;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PytestCsvReportTest {
  @TempDir Path tmp;

  @Test
  void appendsOneRowAfterTheUntouchedBytesOfEveryRealReport() throws Exception {
    for (Path raw : Fixtures.raws(".csv")) {
      Path report = Files.copy(raw, tmp.resolve(raw.getFileName()));
      byte[] before = Files.readAllBytes(report);
      int rows = Csv.parse(Files.readString(report)).size();
      assertThat(new PytestCsvReport().addCrash(report, crash("test_x.py::test_crashed", "Fatal, \"quoted\"\nline 2"), null)).isTrue();

      byte[] after = Files.readAllBytes(report);
      assertThat(Arrays.copyOf(after, before.length)).as(raw.toString()).isEqualTo(before);
      assertThat(new String(after, before.length, after.length - before.length, StandardCharsets.UTF_8))
          .isEqualTo("test_x.py::test_crashed,test_x,test_crashed,test_x.py,,,failed,\"Fatal, \"\"quoted\"\"\nline 2\",12.5\r\n");
      List<List<String>> records = Csv.parse(new String(after, StandardCharsets.UTF_8));
      assertThat(records).hasSize(rows + 1);

      assertThat(new PytestCsvReport().addCrash(report, crash("test_x.py::test_crashed", "again"), null)).isFalse();
      assertThat(Files.readAllBytes(report)).isEqualTo(after);
    }
  }

  @Test
  void createsTheFileWithPytestCsvsHeader() throws Exception {
    Path report = tmp.resolve("test_missing_log.csv");
    new PytestCsvReport().addCrash(report, crash("test_missing.py::test_crashed_before_report", "Test crashed (segfault, abort, or fatal error)"), null);
    assertThat(Files.readString(report)).isEqualTo("id,module,name,file,doc,markers,status,message,duration\r\n"
        + "test_missing.py::test_crashed_before_report,test_missing,test_crashed_before_report,test_missing.py,,,failed,"
        + "\"Test crashed (segfault, abort, or fatal error)\",12.5\r\n");
  }

  @Test
  void loneSurrogatesAreSpelledOutSoTwoSuchNamesStayTwoRowsAndNeverMatchAQuestionMark() throws Exception {
    Path report = Files.writeString(tmp.resolve("r.csv"),
        "id,module,name,file,doc,markers,status,message,duration\r\ncom.x.E#t[?],com.x.E,t[?],,,,passed,,0.1\r\n");
    PytestCsvReport csv = new PytestCsvReport();

    assertThat(csv.addCrash(report, crash("com.x.E#t[\ud800]", "boom"), null)).isTrue();
    assertThat(csv.addCrash(report, crash("com.x.E#t[\udc00]", "boom"), null)).isTrue();
    assertThat(csv.addCrash(report, crash("com.x.E#t[\ud800]", "again"), null)).isFalse();
    assertThat(csv.addCrash(report, crash("com.x.E#t[\ud83d\ude00]", "boom"), null)).isTrue(); // a pair is a character

    assertThat(Csv.parse(Files.readString(report))).extracting(r -> r.get(0))
        .containsExactly("id", "com.x.E#t[?]", "com.x.E#t[\\ud800]", "com.x.E#t[\\udc00]", "com.x.E#t[\ud83d\ude00]");
  }

  @Test
  void endsACutOffLastRecordBeforeAppending() throws Exception {
    Path report = Files.writeString(tmp.resolve("r.csv"), "id,module,name,file,doc,markers,status,message,duration\r\na.py::t,a,t,a.py,,,passed,,0.1");
    new PytestCsvReport().addCrash(report, crash("com.x.A#m", "boom"), null);
    assertThat(Files.readString(report)).endsWith(",0.1\r\ncom.x.A#m,com.x.A,m,,,,failed,boom,12.5\r\n");
  }

  @Test
  void rejectsWhatIsNotAPytestCsvReport() throws Exception {
    for (byte[] bad : List.of(new byte[0], new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, (byte) 0xff}, "{\"a\": 1}".getBytes(StandardCharsets.UTF_8),
        "id,module,status,message\r\n\"unterminated,x\r\n".getBytes(StandardCharsets.UTF_8))) {
      Path report = Files.write(tmp.resolve("bad.csv"), bad);
      assertThatThrownBy(() -> new PytestCsvReport().addCrash(report, crash("a.py::t", "r"), null)).isInstanceOf(BadInputException.class);
      assertThat(Files.readAllBytes(report)).isEqualTo(bad);
    }
  }
}
