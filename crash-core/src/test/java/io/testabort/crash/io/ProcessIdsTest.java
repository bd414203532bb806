package io.testabort.crash.io;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The pid from /proc/self is the JDK's, and liveness is ProcessHandle's. */
class ProcessIdsTest {
  @Test
  void thisProcessIsTheJdksAndAlive() {
    assertThat(ProcessIds.current()).isEqualTo(ProcessHandle.current().pid());
    assertThat(ProcessIds.isAlive(ProcessIds.current())).isTrue();
  }

  @Test
  void noProcessIsNotAlive() {
    assertThat(ProcessIds.isAlive(2_147_483_000L)).isFalse(); // above any Linux pid_max
    assertThat(ProcessIds.isAlive(0)).isFalse();
    assertThat(ProcessIds.isAlive(-1)).isFalse();
  }
}
