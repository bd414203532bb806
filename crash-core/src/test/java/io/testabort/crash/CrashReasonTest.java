package io.testabort.crash;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CrashReasonTest {
  @Test
  void exitCallNamesTheCaller() {
    Map<String, Object> marker = Map.of("exit", Map.of("code", 3, "via", "Runtime.halt", "stack", List.of("com.example.CalcTest.divides(CalcTest.java:42)")));
    assertThat(CrashReason.of(marker, null, 3)).isEqualTo("Runtime.halt(3) called from com.example.CalcTest.divides(CalcTest.java:42)");
  }

  @Test
  void aShutdownByASignalSaysSo() {
    Map<String, Object> exit = new java.util.HashMap<>();
    exit.put("code", null);
    exit.put("via", "shutdown");
    exit.put("stack", List.of());

    assertThat(CrashReason.of(Map.of("exit", exit), null, null)).isEqualTo("shut down by a signal (SIGTERM or SIGINT) during the test");
  }

  @Test
  void timeoutUsesTheLimit() {
    assertThat(CrashReason.of(Map.of("status", "running", "timeout", 600), null, 124)).isEqualTo("timeout after 600 s");
    assertThat(CrashReason.of(Map.of("status", "running", "timeout", 1.5), null, null)).isEqualTo("timeout after 1.5 s");
    // markers of agents that replaced the status
    assertThat(CrashReason.of(Map.of("status", "timeout", "timeout", 600), null, 124)).isEqualTo("timeout after 600 s");
    assertThat(CrashReason.of(Map.of("status", "timeout"), null, 124)).isEqualTo("timeout");
  }

  @Test
  void exitStatusAloneSaysWhichSignal() {
    assertThat(CrashReason.of(Map.of(), null, 137)).isEqualTo("killed by SIGKILL (exit 137)");
    assertThat(CrashReason.of(Map.of(), null, 134)).isEqualTo("SIGABRT (abort) (exit 134)");
    assertThat(CrashReason.of(Map.of(), null, 139)).isEqualTo("SIGSEGV (segmentation fault) (exit 139)");
    assertThat(CrashReason.of(Map.of(), null, 1)).isEqualTo("exited with code 1");
    assertThat(CrashReason.of(Map.of(), null, null)).isEqualTo(CrashReason.UNKNOWN);
  }
}
