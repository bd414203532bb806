package io.testabort.reports.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentLaunchTest {
  @TempDir Path tmp;

  AgentLaunch launch(Long timeout) {
    return new AgentLaunch(tmp.resolve("agent.jar"), tmp.resolve("markers"), tmp.resolve("crashes.jsonl"), timeout);
  }

  @Test
  void theCallersJavaToolOptionsAreKeptAndTheAgentAppended() {
    String agent = "-javaagent:" + tmp.resolve("agent.jar") + "=dir=" + tmp.resolve("markers") + ",crashLog="
        + tmp.resolve("crashes.jsonl");
    assertThat(launch(null).javaToolOptions("-Xmx1g -Dfoo=bar ", false)).isEqualTo(agent + " -Xmx1g -Dfoo=bar");
    assertThat(launch(null).javaToolOptions(null, false)).isEqualTo(agent);
    assertThat(launch(null).javaToolOptions("  ", false)).isEqualTo(agent);
  }

  @Test
  void skipNamesTheCrashLogAndTimeoutIsPassedOn() {
    assertThat(launch(30L).javaagent(true))
        .endsWith(",crashLog=" + tmp.resolve("crashes.jsonl") + ",skip=" + tmp.resolve("crashes.jsonl") + ",timeout=30");
    assertThat(launch(null).javaagent(false)).doesNotContain("skip=").doesNotContain("timeout=");
  }

  @Test
  void relativePathsBecomeAbsoluteForForksInOtherDirectories() {
    String option = new AgentLaunch(Path.of("a.jar"), Path.of("m"), Path.of("c.jsonl"), null).javaagent(false);
    assertThat(option).isEqualTo("-javaagent:" + Path.of("a.jar").toAbsolutePath() + "=dir=" + Path.of("m").toAbsolutePath()
        + ",crashLog=" + Path.of("c.jsonl").toAbsolutePath());
  }

  @Test
  void aPathWithWhitespaceIsQuotedForTheJvm() {
    String option = new AgentLaunch(tmp.resolve("my agent.jar"), tmp.resolve("m"), tmp.resolve("c"), null).javaagent(false);
    assertThat(option).startsWith("\"-javaagent:").endsWith("\"");
  }

  @Test
  void pathsTheAgentOptionCannotCarryAreRejected() {
    assertThatThrownBy(() -> new AgentLaunch(tmp.resolve("a.jar"), tmp.resolve("m,n"), tmp.resolve("c"), null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("--marker-dir: ").hasMessageContaining("','");
    assertThatThrownBy(() -> new AgentLaunch(tmp.resolve("a.jar"), tmp.resolve("m"), tmp.resolve("c,d.jsonl"), null))
        .hasMessageStartingWith("--crash-log: ");
    assertThatThrownBy(() -> new AgentLaunch(tmp.resolve("a,b.jar"), tmp.resolve("m"), tmp.resolve("c"), null))
        .hasMessageStartingWith("--agent: ");
    assertThatThrownBy(() -> new AgentLaunch(tmp.resolve("a=b.jar"), tmp.resolve("m"), tmp.resolve("c"), null))
        .hasMessageStartingWith("--agent: ").hasMessageContaining("'='");
    assertThatThrownBy(() -> new AgentLaunch(tmp.resolve("a.jar"), tmp.resolve("m\"x"), tmp.resolve("c"), null))
        .hasMessageStartingWith("--marker-dir: ");
  }

  @Test
  void anAgentAlreadyInJavaToolOptionsIsNoticed() {
    assertThat(AgentLaunch.loadsTestAbortAgent("-Xmx1g -javaagent:/opt/test-abort-agent.jar=dir=/x")).isTrue();
    assertThat(AgentLaunch.loadsTestAbortAgent("-javaagent:/opt/test-abort-agent-0.1.0.jar")).isTrue();
    assertThat(AgentLaunch.loadsTestAbortAgent("-javaagent:/opt/jacoco.jar")).isFalse();
    assertThat(AgentLaunch.loadsTestAbortAgent(null)).isFalse();
  }

  @Test
  void theAgentJarIsFoundNextToTheReportToolsJar() throws Exception {
    Path tools = Files.createFile(tmp.resolve("test-abort-report-tools.jar"));
    assertThat(AgentJar.beside(tools)).isEmpty();
    Path agent = Files.createFile(tmp.resolve("test-abort-agent.jar"));
    assertThat(AgentJar.beside(tools)).contains(agent);
  }
}
