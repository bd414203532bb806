package io.testabort.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.testabort.agent.core.AgentOptions;
import java.util.List;
import org.junit.jupiter.api.Test;

class AgentRuntimeTest {
  /** premain's quick look must never call an agent active that the options would leave inert. */
  private static boolean activeByOptions(String args) {
    return AgentOptions.resolve(args, key -> null, name -> null).active();
  }

  @Test
  void anArgumentThatNamesAMarkerMakesTheAgentActiveWithoutTheEnvironment() {
    for (String args : List.of("dir=/tmp/m", "file=/tmp/m.json", "DIR=/x", " dir = /x ", "log=debug,dir=/x",
        "dir=/x,timeout=5", "dir=,file=/f", "onExit=fail,File=/f,skip=/s")) {
      assertThat(AgentRuntime.namesMarker(args)).as(args).isTrue();
      assertThat(activeByOptions(args)).as(args).isTrue();
    }
  }

  @Test
  void anythingElseIsLeftToTheFullOptions() {
    for (String args : new String[] {null, "", ",", "dir", "dir=", "dir=  ", "file=", "dirs=/x", "xdir=/x",
        "crashLog=/c", "log=debug", "=dir", "timeout=5,dir"}) {
      assertThat(AgentRuntime.namesMarker(args)).as(String.valueOf(args)).isFalse();
    }
  }
}
