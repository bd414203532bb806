package io.testabort.agent.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Paths;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AgentOptionsTest {
  private final Map<String, String> props = new HashMap<>();
  private final Map<String, String> env = new HashMap<>();

  private AgentOptions resolve(String args) {
    return AgentOptions.resolve(args, props::get, env::get);
  }

  @Test
  void inertWithoutFileOrDir() {
    AgentOptions o = resolve(null);
    assertThat(o.active()).isFalse();
    assertThat(o.markerPath(42)).isNull();
    assertThat(o.problems()).isEmpty();
  }

  @Test
  void dirGivesOneMarkerPerPid() {
    AgentOptions o = resolve("dir=/tmp/markers");
    assertThat(o.active()).isTrue();
    assertThat(o.markerPath(42)).isEqualTo(Paths.get("/tmp/markers/last_running_42.json"));
  }

  @Test
  void fileWinsOverDir() {
    assertThat(resolve("dir=/tmp/d,file=/tmp/m.json").markerPath(1)).isEqualTo(Paths.get("/tmp/m.json"));
  }

  @Test
  void agentArgumentBeatsSystemPropertyBeatsEnvironment() {
    env.put("TEST_ABORT_LAST_RUNNING_FILE", "/env.json");
    assertThat(resolve(null).markerPath(1)).isEqualTo(Paths.get("/env.json"));
    props.put("testabort.file", "/prop.json");
    assertThat(resolve(null).markerPath(1)).isEqualTo(Paths.get("/prop.json"));
    assertThat(resolve("file=/arg.json").markerPath(1)).isEqualTo(Paths.get("/arg.json"));
  }

  @Test
  void environmentAliasesInListedOrder() {
    env.put("JAX_ROCM_LAST_RUNNING_DIR", "/jax");
    assertThat(resolve(null).markerDir()).isEqualTo(Paths.get("/jax"));
    env.put("PYTEST_ABORT_LAST_RUNNING_DIR", "/pytest");
    assertThat(resolve(null).markerDir()).isEqualTo(Paths.get("/pytest"));
    env.put("TEST_ABORT_LAST_RUNNING_DIR", "/test-abort");
    assertThat(resolve(null).markerDir()).isEqualTo(Paths.get("/test-abort"));
  }

  @Test
  void blankValuesFallThrough() {
    env.put("TEST_ABORT_LAST_RUNNING_DIR", "  ");
    env.put("PYTEST_ABORT_LAST_RUNNING_DIR", "/pytest");
    assertThat(resolve(null).markerDir()).isEqualTo(Paths.get("/pytest"));
  }

  @Test
  void unknownKeysAndBadValuesAreReportedAndIgnored() {
    AgentOptions o = resolve("dir=/d,colour=red,timeout=soon,onExit=explode,log=loud,skip");
    assertThat(o.active()).isTrue();
    assertThat(o.timeoutSeconds()).isZero();
    assertThat(o.onExit()).isEqualTo(AgentOptions.OnExit.RECORD);
    assertThat(o.debug()).isFalse();
    assertThat(o.skipFile()).isNull();
    assertThat(o.problems())
        .hasSize(5)
        .anySatisfy(p -> assertThat(p).contains("unknown option 'colour'"))
        .anySatisfy(p -> assertThat(p).contains("'timeout'").contains("soon"))
        .anySatisfy(p -> assertThat(p).contains("'onExit'"))
        .anySatisfy(p -> assertThat(p).contains("'log'"))
        .anySatisfy(p -> assertThat(p).contains("'skip' needs a value"));
  }

  @Test
  void anEmptyValueIsNamedNotSilentlyInert() {
    AgentOptions o = resolve("dir=,timeout= ");
    assertThat(o.active()).isFalse();
    assertThat(o.problems()).containsExactly("option 'dir' is empty (dir=), ignored", "option 'timeout' is empty (timeout=), ignored");
  }

  @Test
  void everyOptionParses() {
    AgentOptions o = resolve("file=/m.json,crashLog=/c.jsonl,skip=/s.txt,timeout=600,onexit=FAIL,gpuEnv=A;B,log=debug");
    assertThat(o.crashLog()).isEqualTo(Paths.get("/c.jsonl"));
    assertThat(o.skipFile()).isEqualTo(Paths.get("/s.txt"));
    assertThat(o.timeoutSeconds()).isEqualTo(600);
    assertThat(o.onExit()).isEqualTo(AgentOptions.OnExit.FAIL);
    assertThat(o.gpuEnv()).containsExactly("A", "B");
    assertThat(o.debug()).isTrue();
    assertThat(o.problems()).isEmpty();
  }

  @Test
  void defaultGpuVariables() {
    assertThat(resolve("dir=/d").gpuEnv())
        .containsExactly("HIP_VISIBLE_DEVICES", "ROCR_VISIBLE_DEVICES", "CUDA_VISIBLE_DEVICES");
  }
}
