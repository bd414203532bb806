package io.testabort.agent.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AgentSessionTest {
  @Test
  void thePidIsTheOneTheJdkKnows() {
    assertThat(AgentSession.currentPid()).isEqualTo(ProcessHandle.current().pid());
  }
}
