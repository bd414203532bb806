package io.testabort.agent.attach;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AttachRequestTest {
  @Test
  void theReportPathIsTakenOutOfTheAgentsOptions() {
    AttachRequest r = AttachRequest.parse("dir=/m,attachReport=/tmp/r.json,timeout=5");

    assertThat(r.reportPath()).isEqualTo("/tmp/r.json");
    assertThat(r.agentOptions()).isEqualTo("dir=/m,timeout=5");
  }

  @Test
  void aPlainAttachAsksForNoReport() {
    assertThat(AttachRequest.parse("dir=/m").reportPath()).isNull();
    assertThat(AttachRequest.parse("dir=/m").agentOptions()).isEqualTo("dir=/m");
    assertThat(AttachRequest.parse(null).agentOptions()).isNull();
  }

  @Test
  void lambdasAreNamedByTheirMethod() {
    assertThat(StackNaming.lambdaOwner("lambda$entries$2")).isEqualTo("entries");
    assertThat(StackNaming.lambdaOwner("reconciles")).isEqualTo("reconciles");
  }
}
