package io.testabort.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AgentArgumentTest {
  private static final String JACOCO = "-javaagent:/m2/org/jacoco/org.jacoco.agent/0.8.14/org.jacoco.agent-0.8.14-runtime.jar=destfile=/p/target/jacoco.exec";

  @Test
  void optionsFollowTheJarInTheOrderGivenAndNullsAreLeftOut() {
    String word = new AgentArgument("/m2/agent.jar").option("dir", "/p/target/test-abort").option("timeout", null)
        .option("onExit", "fail").toArgLineWord();

    assertThat(word).isEqualTo("-javaagent:/m2/agent.jar=dir=/p/target/test-abort,onExit=fail");
  }

  @Test
  void anEmptyOrMissingArgLineBecomesTheAgentAlone() {
    AgentArgument agent = new AgentArgument("/a.jar").option("dir", "/d");

    assertThat(agent.appendTo(null)).isEqualTo("-javaagent:/a.jar=dir=/d");
    assertThat(agent.appendTo("  ")).isEqualTo("-javaagent:/a.jar=dir=/d");
  }

  @Test
  void keepsWhatJacocoPutThereBeforeUs() {
    String argLine = new AgentArgument("/a.jar").option("dir", "/d").appendTo(JACOCO + " -Xmx1g");

    assertThat(argLine).isEqualTo(JACOCO + " -Xmx1g -javaagent:/a.jar=dir=/d");
  }

  @Test
  void survivesJacocoPrependingAfterUs() {
    String ours = new AgentArgument("/a.jar").option("dir", "/d").appendTo("-Xmx1g");
    // what JaCoCo's prepare-agent does to the property when it runs second: prepends its agent
    String afterJacoco = JACOCO + " " + ours;

    assertThat(afterJacoco).contains("-javaagent:/a.jar=dir=/d").startsWith(JACOCO).contains("-Xmx1g");
  }

  @Test
  void appendingTwiceAddsTheAgentOnce() {
    AgentArgument agent = new AgentArgument("/a.jar").option("dir", "/d");

    assertThat(agent.appendTo(agent.appendTo("-Xmx1g"))).isEqualTo("-Xmx1g -javaagent:/a.jar=dir=/d");
  }

  @Test
  void pathsWithSpacesAreQuotedAsOneWord() {
    assertThat(new AgentArgument("/my repo/a.jar").option("dir", "/my project/target/test-abort").toArgLineWord())
        .isEqualTo("\"-javaagent:/my repo/a.jar=dir=/my project/target/test-abort\"");
  }

  @Test
  void aCommaInAValueIsRefusedNotSplit() {
    assertThatThrownBy(() -> new AgentArgument("/a.jar").option("dir", "/a,b"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("dir '/a,b' contains a comma");
  }

  @Test
  void aDoubleQuoteIsRefused() {
    assertThatThrownBy(() -> new AgentArgument("/a\".jar").toArgLineWord())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("double quote");
  }
}
