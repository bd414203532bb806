package io.testabort.agent.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JvmInfoTest {
  @Test
  void defaultErrorFileIsInTheWorkingDirectory() {
    assertThat(JvmInfo.errorFile(null, "/work", 12)).isEqualTo("/work/hs_err_pid12.log");
    assertThat(JvmInfo.errorFile("", "/work", 12)).isEqualTo("/work/hs_err_pid12.log");
  }

  @Test
  void errorFileOptionHasPidResolvedAndIsTakenFromTheWorkingDirectory() {
    assertThat(JvmInfo.errorFile("/logs/hs_%p.log", "/work", 12)).isEqualTo("/logs/hs_12.log");
    assertThat(JvmInfo.errorFile("crash-%p-100%%.log", "/work", 7)).isEqualTo("/work/crash-7-100%.log");
  }

  @Test
  void readsThisJvm() {
    JvmInfo info = JvmInfo.read(99);
    assertThat(info.javaVersion).isEqualTo(System.getProperty("java.version"));
    assertThat(info.errorFile).endsWith("hs_err_pid99.log");
  }

  @Test
  void theLastErrorFileOptionCounts() {
    assertThat(JvmInfo.errorFileOption(java.util.List.of("-Xmx1g", "-XX:ErrorFile=/a/%p.log", "-XX:ErrorFile=/b/%p.log")))
        .isEqualTo("/b/%p.log");
    assertThat(JvmInfo.errorFileOption(java.util.List.of("-Xmx1g"))).isNull();
  }

  @Test
  void theArgumentsComeFromTheBridgeWhenItCanTell() {
    JvmInfo.arguments = () -> new String[] {"-XX:ErrorFile=/logs/hs_%p.log"};
    try {
      assertThat(JvmInfo.read(5).errorFile).isEqualTo("/logs/hs_5.log");
      JvmInfo.arguments = () -> null;
      assertThat(JvmInfo.read(5).errorFile).endsWith("hs_err_pid5.log");
    } finally {
      JvmInfo.arguments = null;
    }
  }
}
