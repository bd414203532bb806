package io.testabort.agent.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
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

  private static final Map<String, String> NO_ENV = Map.of();

  private static String cmdline(String... args) {
    return String.join("\0", args) + "\0";
  }

  @Test
  void aPlainJavaCommandLineCannotHaveSetTheErrorFile() {
    assertThat(JvmInfo.errorFileMayBeSet(cmdline("/usr/bin/java", "-Xmx1g", "-cp", "a.jar", "Main"), NO_ENV)).isFalse();
    assertThat(JvmInfo.errorFileMayBeSet(cmdline("java", "-jar", "x.jar"), Map.of("JAVA_TOOL_OPTIONS", "-javaagent:a.jar")))
        .isFalse();
  }

  @Test
  void anySourceOfOptionsThatMayHoldItMeansAsking() {
    assertThat(JvmInfo.errorFileMayBeSet(cmdline("java", "-XX:ErrorFile=/tmp/e%p.log", "Main"), NO_ENV)).isTrue();
    assertThat(JvmInfo.errorFileMayBeSet(cmdline("java", "@/tmp/argfile", "Main"), NO_ENV)).as("argfile").isTrue();
    assertThat(JvmInfo.errorFileMayBeSet(cmdline("java", "-XX:Flags=.hotspotrc", "Main"), NO_ENV)).isTrue();
    assertThat(JvmInfo.errorFileMayBeSet(cmdline("java", "-XX:VMOptionsFile=o.txt", "Main"), NO_ENV)).isTrue();
    for (String env : new String[] {"JAVA_TOOL_OPTIONS", "_JAVA_OPTIONS", "JDK_JAVA_OPTIONS"}) {
      Map<String, String> set = Map.of(env, "-Xss1m -XX:ErrorFile=/logs/hs.log");
      assertThat(JvmInfo.errorFileMayBeSet(cmdline("java", "Main"), set)).as(env).isTrue();
    }
    assertThat(JvmInfo.errorFileMayBeSet(cmdline("java", "Main"), Map.of("JDK_JAVA_OPTIONS", "@opts"))).isTrue();
  }

  @Test
  void aJvmNotStartedByTheJavaLauncherOrAnUnreadableCommandLineMeansAsking() {
    assertThat(JvmInfo.errorFileMayBeSet(cmdline("/opt/app/bin/server", "--port", "1"), NO_ENV)).isTrue();
    assertThat(JvmInfo.errorFileMayBeSet(null, NO_ENV)).isTrue();
    assertThat(JvmInfo.errorFileMayBeSet("", NO_ENV)).isTrue();
  }
}
