package io.testabort.agent.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ContainerPhaseTest {
  @Test
  void containerIsInSetupUntilAChildStarts() {
    RunningTest c = RunningTest.builder("c", "junit4", false).build();
    assertThat(c.effectivePhase()).isEqualTo("setup");
    c.hadChildren = true;
    assertThat(c.effectivePhase()).isEqualTo("teardown");
  }

  @Test
  void containerBuiltInTeardownIsInTeardown() {
    // TestNG's @AfterClass: the class is only seen again in its class-level teardown
    assertThat(RunningTest.builder("c", "testng", false).phase("teardown").build().effectivePhase()).isEqualTo("teardown");
    assertThat(RunningTest.builder("c", "junit-jupiter", false).phase("call").build().effectivePhase()).isEqualTo("setup");
  }
}
