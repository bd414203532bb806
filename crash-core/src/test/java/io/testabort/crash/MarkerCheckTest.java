package io.testabort.crash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.testabort.crash.BadInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MarkerCheckTest {
  @TempDir Path tmp;

  static String pythonMarker(String nodeid, String status, String startTime) {
    return "{\"test_name\": \"" + nodeid + "\", \"nodeid\": \"" + nodeid + "\", \"start_time\": \"" + startTime
        + "\", \"status\": \"" + status + "\", \"pid\": 4242, \"gpu_id\": \"0\"}";
  }

  static String secondsAgo(int s) {
    return IsoTime.format(LocalDateTime.now().minusSeconds(s));
  }

  Path write(String json) throws Exception {
    return Files.writeString(tmp.resolve("marker.json"), json);
  }

  @Test
  void pythonMarkerGivesPytestAbortRecord() throws Exception {
    Path m = write(pythonMarker("tests/test_x.py::TestA::test_b", "running", secondsAgo(5)));
    Map<String, Object> r = new MarkerCheck(0.1).check(m).orElseThrow().fields();
    assertThat(r.keySet()).containsExactly("test_name", "test_class", "nodeid", "reason", "crash_time", "duration", "gpu_id", "pid");
    assertThat(r).containsEntry("test_name", "tests/test_x.py::TestA::test_b")
        .containsEntry("test_class", "TestA")
        .containsEntry("reason", CrashReason.UNKNOWN)
        .containsEntry("gpu_id", "0")
        .containsEntry("pid", "4242");
    assertThat((Double) r.get("duration")).isBetween(4.0, 3600.0);
    assertThat(Files.exists(m)).isTrue();
  }

  @Test
  void theJvmsWorkingDirectoryComesAlongAsCwd() throws Exception {
    Path m = write("{\"test_name\": \"t\", \"nodeid\": \"com.x.T#t\", \"start_time\": \"" + secondsAgo(5)
        + "\", \"status\": \"running\", \"pid\": 4242, \"gpu_id\": \"0\", \"jvm\": {\"cwd\": \"/build/module-a\"}}");

    assertThat(new MarkerCheck(0.1).check(m).orElseThrow().fields()).containsEntry("cwd", "/build/module-a");
  }

  @Test
  void noCrashForIdleMissingOrTooYoungMarkers() throws Exception {
    MarkerCheck check = new MarkerCheck(0.1);
    assertThat(check.check(tmp.resolve("absent.json"))).isEmpty();
    assertThat(check.check(write(pythonMarker("a.py::t", "idle", secondsAgo(5))))).isEmpty();
    assertThat(check.check(write(pythonMarker("a.py::t", "running", secondsAgo(-60))))).isEmpty();
    assertThat(new MarkerCheck(3600).check(write(pythonMarker("a.py::t", "running", secondsAgo(5))))).isEmpty();
  }

  @Test
  void acceptsOffsetsSecondsOnlyAndTrailingPadding() throws Exception {
    String offset = OffsetDateTime.now(ZoneOffset.ofHours(-7)).minusSeconds(9).toString();
    assertThat(new MarkerCheck(0.1).check(write(pythonMarker("a.py::t", "running", offset) + "      \n  "))).isPresent();
    String seconds = LocalDateTime.now().minusSeconds(3).withNano(0).toString();
    assertThat(new MarkerCheck(0.1).check(write(pythonMarker("a.py::t", "running", seconds)))).isPresent();
  }

  @Test
  void jvmMarkerKeepsItsDetailsAndExitReason() throws Exception {
    Path m = write("{\"test_name\": \"divides\", \"nodeid\": \"com.example.CalcTest#divides[2]\", \"start_time\": \"" + secondsAgo(2)
        + "\", \"status\": \"running\", \"pid\": 12345, \"gpu_id\": \"unknown\", \"framework\": \"junit-jupiter\","
        + " \"test_class\": \"com.example.CalcTest\", \"method\": \"divides\", \"display_name\": \"[2] 7, 0\","
        + " \"unique_id\": \"[engine:junit-jupiter]/[class:com.example.CalcTest]\", \"phase\": \"call\", \"thread\": \"main\","
        + " \"exit\": {\"code\": 3, \"via\": \"System.exit\", \"stack\": [\"com.example.CalcTest.divides(CalcTest.java:42)\"]},"
        + " \"jvm\": {\"java_version\": \"17\", \"cwd\": \"/x\", \"error_file\": \"" + tmp.resolve("hs_err_pid12345.log") + "\"}}");
    Map<String, Object> r = new MarkerCheck(0.1).check(m).orElseThrow().fields();
    assertThat(r).containsEntry("nodeid", "com.example.CalcTest#divides[2]")
        .containsEntry("test_class", "com.example.CalcTest")
        .containsEntry("reason", "System.exit(3) called from com.example.CalcTest.divides(CalcTest.java:42)")
        .containsEntry("framework", "junit-jupiter")
        .containsEntry("display_name", "[2] 7, 0")
        .containsEntry("phase", "call")
        .containsEntry("thread", "main")
        .containsKey("unique_id")
        .doesNotContainKey("error_file");
    assertThat(((Number) r.get("exit_code")).intValue()).isEqualTo(3);
  }

  @Test
  void timeoutMarkerIsACrashWhatItsStatus() throws Exception {
    // the watchdog keeps "running" (what pytest-abort takes for a crash) and adds its limit
    Path m = write("{\"nodeid\": \"a.B#c\", \"start_time\": \"" + secondsAgo(700) + "\", \"status\": \"running\", \"pid\": 1, \"timeout\": 600}");
    assertThat(new MarkerCheck(0.1).check(m).orElseThrow().reason()).isEqualTo("timeout after 600 s");
    Path older = write("{\"nodeid\": \"a.B#c\", \"start_time\": \"" + secondsAgo(700) + "\", \"status\": \"timeout\", \"timeout\": 600, \"pid\": 1}");
    assertThat(new MarkerCheck(0.1).check(older).orElseThrow().reason()).isEqualTo("timeout after 600 s");
  }

  @Test
  void invalidMarkersAreBadInputAndKept() throws Exception {
    for (String bad : new String[] {"", "{\"status\": \"running\", ", "[1, 2]", "{\"status\": \"running\"}",
        "{\"status\": \"running\", \"start_time\": \"yesterday\"}"}) {
      Path m = write(bad);
      assertThatThrownBy(() -> new MarkerCheck(0.1).check(m)).as(bad).isInstanceOf(BadInputException.class).hasMessageContaining(m.toString());
      assertThat(Files.readString(m)).isEqualTo(bad);
    }
  }
}
